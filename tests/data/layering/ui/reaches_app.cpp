#include "app/cli/commands.h"
#include "engine/core/time.h"
