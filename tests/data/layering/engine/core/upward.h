#pragma once

#include <vector>

#include "serve/server/serving_host.h"
