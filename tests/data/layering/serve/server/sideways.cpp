#include "solver/plan.h"
#include "ui/widgets/panel.h"
