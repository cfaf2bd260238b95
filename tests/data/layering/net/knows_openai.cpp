#include "serve/protocol/openai_protocol.h"
