#include "serve/protocol/completion_request.h"
