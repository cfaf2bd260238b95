#include "ui/mainwindow/main_window.h"
#include "engine/core/time.h"
#include <queue>
