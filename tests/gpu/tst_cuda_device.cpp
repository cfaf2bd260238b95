// Finding the GPU, and what happens without one: a clear error from CudaExecutor and a fallback from
// makeExecutorWithCuda. Runs on machines with or without a GPU (only a build without CUDA skips).
#include <QtTest>

#ifdef HEADROOM_HAVE_CUDA
#include <memory>
#include <stdexcept>
#include <string>

#include "engine/exec/cpu/cpu_executor.h"
#include "engine/exec/cuda/cuda_device.h"
#include "engine/exec/cuda/cuda_executor.h"
#include "engine/exec/cuda/cuda_executor_factory.h"
#include "engine/exec/llama/llama_weights.h"
#include "engine/exec/modeled/constant_time_model.h"
#include "engine/exec/modeled/model_shape.h"
#include "engine/exec/modeled/modeled_executor.h"

using namespace headroom::engine;
#endif

class TestCudaDevice : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
#ifndef HEADROOM_HAVE_CUDA
    QSKIP("built without CUDA");
#endif
  }

  void probeDescribesTheDevice() {
#ifdef HEADROOM_HAVE_CUDA
    std::string reason;
    const std::optional<CudaDeviceInfo> device = probeCudaDevice(0, &reason);
    if (!device) {
      QVERIFY(!reason.empty());
      return;
    }
    QVERIFY(reason.empty());
    QVERIFY(!device->name.empty());
    QVERIFY(device->memoryBytes > 0);
    QVERIFY(device->multiprocessors > 0);
    QVERIFY(device->computeMajor >= 8);  // the build targets sm_80 and sm_90
    std::string past;
    QVERIFY(!probeCudaDevice(1000, &past));
    QVERIFY(past.find("1000") != std::string::npos);
#endif
  }

  void executorWithoutDeviceSaysWhy() {
#ifdef HEADROOM_HAVE_CUDA
    std::string reason;
    if (probeCudaDevice(0, &reason)) QSKIP("a GPU is present");
    auto weights = std::make_shared<const LlamaWeights>(randomLlamaWeights(loadModelShape("llama-tiny"), 1));
    try {
      CudaExecutor executor(weights, std::make_shared<const ConstantTimeModel>(Duration{1000}));
      QFAIL("CudaExecutor started without a GPU");
    } catch (const std::runtime_error& error) {
      const std::string message = error.what();
      QVERIFY2(message.find("CUDA executor") != std::string::npos, error.what());
      QVERIFY2(message.find(reason) != std::string::npos, error.what());
    }
#endif
  }

  void factoryFallsBackWithoutDevice() {
#ifdef HEADROOM_HAVE_CUDA
    ExecutorSpec spec;
    spec.kind = ExecutorKind::Cuda;
    spec.model = "llama-tiny";
    std::unique_ptr<Executor> executor = makeExecutorWithCuda(spec);
    if (probeCudaDevice(0)) {
      QVERIFY(dynamic_cast<CudaExecutor*>(executor.get()) != nullptr);
      return;
    }
    QVERIFY(dynamic_cast<CpuExecutor*>(executor.get()) != nullptr);
    spec.hardware = "h100-sxm";
    executor = makeExecutorWithCuda(spec);
    QVERIFY(dynamic_cast<ModeledExecutor*>(executor.get()) != nullptr);
    // Other kinds are makeExecutor's.
    spec.kind = ExecutorKind::Modeled;
    spec.model = "llama-3.1-8b";
    QVERIFY(dynamic_cast<ModeledExecutor*>(makeExecutorWithCuda(spec).get()) != nullptr);
#endif
  }
};

QTEST_GUILESS_MAIN(TestCudaDevice)
#include "tst_cuda_device.moc"
