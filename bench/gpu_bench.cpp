// What the CUDA executor achieves on this GPU beside its physical floors: the measured memory bandwidth
// (device copy) and bf16 GEMM rate (cuBLASLt), then decode tokens/s at batch 1, 16, 64, 256 and prefill
// tokens/s at 512 and 2048 tokens for each model (random weights made on the device). Prints tables;
// run through bench/gpu_bench.sh. Exits 0 with a note when there is no GPU.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "engine/exec/batch.h"
#include "engine/exec/cuda/cuda_check.h"
#include "engine/exec/cuda/cuda_device.h"
#include "engine/exec/cuda/cuda_executor.h"
#include "engine/exec/cuda/device_buffer.h"
#include "engine/exec/cuda/device_copy.cuh"
#include "engine/exec/cuda/fill_uniform.cuh"
#include "engine/exec/cuda/lt_gemm.h"
#include "engine/exec/modeled/constant_time_model.h"
#include "engine/exec/modeled/model_shape.h"

using namespace headroom::engine;
using Clock = std::chrono::steady_clock;

namespace {

// Seconds per call of `work` on the default stream: one warm-up, then `repeats` timed with events.
template <typename Work>
double timeOnDevice(int repeats, Work work) {
  work();
  cudaEvent_t start = nullptr;
  cudaEvent_t stop = nullptr;
  gpu::checkCuda(cudaEventCreate(&start), "event");
  gpu::checkCuda(cudaEventCreate(&stop), "event");
  gpu::checkCuda(cudaEventRecord(start, nullptr), "event");
  for (int i = 0; i < repeats; ++i) work();
  gpu::checkCuda(cudaEventRecord(stop, nullptr), "event");
  gpu::checkCuda(cudaEventSynchronize(stop), "timing");
  float ms = 0.0f;
  gpu::checkCuda(cudaEventElapsedTime(&ms, start, stop), "event");
  cudaEventDestroy(start);
  cudaEventDestroy(stop);
  return static_cast<double>(ms) * 1e-3 / repeats;
}

// Bytes per second of a device-to-device copy of 1 GiB (read + written).
double measureBandwidth() {
  const std::size_t bytes = std::size_t{1} << 30;
  gpu::DeviceBuffer<std::byte> source(bytes);
  gpu::DeviceBuffer<std::byte> target(bytes);
  gpu::checkCuda(cudaMemset(source.data(), 1, bytes), "memset");
  const double seconds = timeOnDevice(20, [&] { gpu::launchDeviceCopy(source.data(), target.data(), bytes, nullptr); });
  return 2.0 * static_cast<double>(bytes) / seconds;
}

// FLOP/s of an 8192^3 bf16 GEMM with fp32 accumulation.
double measureGemmRate() {
  const int size = 8192;
  const auto count = static_cast<std::int64_t>(size) * size;
  gpu::DeviceBuffer<__nv_bfloat16> x(static_cast<std::size_t>(count));
  gpu::DeviceBuffer<__nv_bfloat16> w(static_cast<std::size_t>(count));
  gpu::DeviceBuffer<__nv_bfloat16> y(static_cast<std::size_t>(count));
  gpu::launchFillUniform(x.data(), count, 1, 0.0f, 1.0f, nullptr);
  gpu::launchFillUniform(w.data(), count, 2, 0.0f, 1.0f, nullptr);
  gpu::LtGemm gemm;
  const double seconds =
      timeOnDevice(20, [&] { gemm.run(x.data(), w.data(), y.data(), gpu::GemmOut::Bf16, size, size, size, nullptr); });
  return 2.0 * static_cast<double>(size) * size * size / seconds;
}

// Weight bytes one forward pass reads: every layer, the final norm and the LM head; an untied
// embedding table is only gathered from.
double weightBytesRead(const ModelShape& shape) {
  const double embedding = static_cast<double>(shape.vocabSize) * shape.hiddenSize * shape.bytesPerParameter;
  return static_cast<double>(shape.weightBytes()) - (shape.tiedEmbeddings ? 0.0 : embedding);
}

struct Timing {
  double wallS = 0.0;   // mean wall time per iteration
  double eventS = 0.0;  // mean GPU time per iteration (the executor's measured duration)
};

// Mean iteration time of `iterations` decode steps of `batch` sequences with `context` cached tokens.
Timing timeDecode(CudaExecutor& executor, int batch, int context, int iterations, RequestId& nextId) {
  std::vector<RequestId> ids;
  for (int i = 0; i < batch; ++i) ids.push_back(nextId++);
  const int perPrefill = std::max(1, 4096 / context);
  for (int begin = 0; begin < batch; begin += perPrefill) {
    Batch prefill;
    for (int i = begin; i < std::min(batch, begin + perPrefill); ++i) prefill.addPrefill(ids[i], context, 0);
    executor.execute(prefill);
  }
  Batch step;
  int cached = context;
  const auto decodeOnce = [&]() {
    step.clear();
    for (const RequestId id : ids) step.addDecode(id, cached);
    ++cached;
    return executor.execute(step);
  };
  for (int i = 0; i < 3; ++i) decodeOnce();  // graph capture and warm-up
  Timing timing;
  const auto start = Clock::now();
  for (int i = 0; i < iterations; ++i) timing.eventS += toSeconds(decodeOnce().duration);
  timing.wallS = std::chrono::duration<double>(Clock::now() - start).count() / iterations;
  timing.eventS /= iterations;
  for (const RequestId id : ids) executor.release(id);
  return timing;
}

Timing timePrefill(CudaExecutor& executor, int tokens, int iterations, RequestId& nextId) {
  Timing timing;
  for (int i = -1; i < iterations; ++i) {  // the first one warms up
    const RequestId id = nextId++;
    Batch batch;
    batch.addPrefill(id, tokens, 0);
    const auto start = Clock::now();
    const IterationResult result = executor.execute(batch);
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    executor.release(id);
    if (i < 0) continue;
    timing.wallS += wall;
    timing.eventS += toSeconds(result.duration);
  }
  timing.wallS /= iterations;
  timing.eventS /= iterations;
  return timing;
}

void benchModel(const std::string& name, double bandwidth, double gemmRate, int iterations) {
  const ModelShape shape = loadModelShape(name);
  CudaExecutorOptions options;
  options.maxBatchTokens = 4096;
  options.maxBatchSequences = 256;
  options.maxContextTokens = 4096;
  const auto setupStart = Clock::now();
  CudaExecutor executor(shape, 1, std::make_shared<const ConstantTimeModel>(Duration{1000}), options);
  const double setupS = std::chrono::duration<double>(Clock::now() - setupStart).count();
  fmt::print("\n{} ({:.2f} B parameters, random weights; set up in {:.1f} s, {} KV blocks)\n", name,
             static_cast<double>(shape.parameterCount()) * 1e-9, setupS, executor.kvBlocksTotal());

  const int context = 512;
  fmt::print("decode, {} cached tokens per sequence\n", context);
  fmt::print("{:>6} {:>10} {:>10} {:>12} {:>10} {:>12} {:>8}\n", "batch", "wall ms", "gpu ms", "tokens/s",
             "floor ms", "floor tok/s", "x floor");
  RequestId nextId = 1;
  for (const int batch : {1, 16, 64, 256}) {
    const Timing t = timeDecode(executor, batch, context, iterations, nextId);
    const double bytes = weightBytesRead(shape) + static_cast<double>(batch) * (context + 1) *
                                                       static_cast<double>(shape.kvBytesPerToken());
    const double floorS = bytes / bandwidth;
    fmt::print("{:>6} {:>10.3f} {:>10.3f} {:>12.0f} {:>10.3f} {:>12.0f} {:>8.2f}\n", batch, t.wallS * 1e3,
               t.eventS * 1e3, batch / t.wallS, floorS * 1e3, batch / floorS, t.wallS / floorS);
  }

  fmt::print("prefill, one sequence from an empty cache\n");
  fmt::print("{:>6} {:>10} {:>10} {:>12} {:>10} {:>12} {:>8}\n", "tokens", "wall ms", "gpu ms", "tokens/s",
             "floor ms", "floor tok/s", "of GEMM");
  for (const int tokens : {512, 2048}) {
    const Timing t = timePrefill(executor, tokens, iterations, nextId);
    const double n = tokens;
    const double attentionFlops = 4.0 * shape.layers * static_cast<double>(shape.attentionWidth()) * n * (n + 1) / 2.0;
    const double flops = n * shape.linearFlopsPerToken() + shape.lmHeadFlopsPerToken() + attentionFlops;
    const double floorS = flops / gemmRate;
    fmt::print("{:>6} {:>10.3f} {:>10.3f} {:>12.0f} {:>10.3f} {:>12.0f} {:>7.0f}%\n", tokens, t.wallS * 1e3,
               t.eventS * 1e3, n / t.wallS, floorS * 1e3, n / floorS, 100.0 * floorS / t.wallS);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"GPU benchmark of the CUDA executor against the measured bandwidth and GEMM rate"};
  std::vector<std::string> models{"llama-3.2-1b", "llama-3.1-8b"};
  int iterations = 20;
  bool probeOnly = false;
  app.add_option("--model", models, "models to time (resources/models/<name>.json)");
  app.add_option("--iterations", iterations, "timed iterations per point")->check(CLI::PositiveNumber);
  app.add_flag("--probe", probeOnly, "only check that a GPU is usable (exit 0 if so, 2 if not)");
  CLI11_PARSE(app, argc, argv);

  std::string reason;
  const std::optional<CudaDeviceInfo> device = probeCudaDevice(0, &reason);
  if (!device) {
    fmt::print("no GPU: {}; nothing to measure\n", reason);
    return probeOnly ? 2 : 0;
  }
  if (probeOnly) return 0;
  try {
    fmt::print("GPU: {} (sm_{}{}, {} SMs, {:.1f} GiB)\n", device->name, device->computeMajor, device->computeMinor,
               device->multiprocessors, static_cast<double>(device->memoryBytes) / (1 << 30));
    const double bandwidth = measureBandwidth();
    const double gemmRate = measureGemmRate();
    fmt::print("memory bandwidth (device copy, 1 GiB): {:.0f} GB/s\n", bandwidth * 1e-9);
    fmt::print("bf16 GEMM rate (cuBLASLt, 8192^3):      {:.0f} TFLOP/s\n", gemmRate * 1e-12);
    fmt::print("floors: decode = (weights read + KV read) / bandwidth; prefill = FLOPs / GEMM rate\n");
    for (const std::string& model : models) benchModel(model, bandwidth, gemmRate, iterations);
  } catch (const std::exception& error) {
    std::cerr << "gpu_bench: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
