#pragma once

// Skips the calling test function (from initTestCase: the whole suite) when this build has no CUDA or
// no usable GPU, saying which. A macro because QSKIP returns from its caller.

#include <QString>
#include <QtTest>

#include <string>

#ifdef HEADROOM_HAVE_CUDA
#include "engine/exec/cuda/cuda_device.h"

#define HEADROOM_SKIP_WITHOUT_GPU()                                                                 \
  do {                                                                                              \
    std::string headroomNoGpuReason;                                                                \
    if (!::headroom::engine::probeCudaDevice(0, &headroomNoGpuReason)) {                            \
      QSKIP(qPrintable(QString::fromStdString("no GPU: " + headroomNoGpuReason)));                  \
    }                                                                                               \
  } while (false)
#else
#define HEADROOM_SKIP_WITHOUT_GPU() QSKIP("built without CUDA")
#endif
