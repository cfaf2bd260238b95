#include "engine/exec/cuda/cuda_executor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <cuda_runtime.h>
#include <spdlog/spdlog.h>

#include "engine/exec/cpu/cpu_executor.h"
#include "engine/exec/cuda/cuda_check.h"
#include "engine/exec/cuda/cuda_llama.h"
#include "engine/exec/cuda/device_buffer.h"
#include "engine/io/input_problems.h"
#include "engine/workload/random.h"

namespace headroom::engine {

namespace {

constexpr int kBlockTokens = gpu::CudaLlama::kBlockTokens;
// Decode batch sizes that get a CUDA graph of their own; a decode batch runs in the smallest bucket that
// holds it, the extra rows being padding that computes nothing anyone reads.
constexpr std::array<int, 19> kGraphBuckets{1, 2, 4, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256};

// Where each per-iteration array lives in the packed input buffer (byte offsets; every array is int32
// or fp32 and starts 16-byte aligned). A function of the counts only, so an iteration with the counts a
// graph was captured with finds its inputs at the same device addresses.
struct InputLayout {
  std::size_t tokenIds = 0, positions = 0, slots = 0;
  std::size_t firstToken = 0, newTokens = 0, context = 0, lastTokenRow = 0;
  std::size_t tileSequence = 0, tileFirstQuery = 0;
  std::size_t temperature = 0, topP = 0, uniform = 0;
  std::size_t blockTables = 0;
  std::size_t bytes = 0;
};

InputLayout inputLayout(int tokens, int sequences, int tiles, int tableStride) {
  std::size_t cursor = 0;
  const auto take = [&cursor](std::size_t count) {
    const std::size_t offset = cursor;
    cursor += (count * 4 + 15) / 16 * 16;
    return offset;
  };
  const auto t = static_cast<std::size_t>(tokens);
  const auto s = static_cast<std::size_t>(sequences);
  InputLayout layout;
  layout.tokenIds = take(t);
  layout.positions = take(t);
  layout.slots = take(t);
  layout.firstToken = take(s);
  layout.newTokens = take(s);
  layout.context = take(s);
  layout.lastTokenRow = take(s);
  layout.tileSequence = take(static_cast<std::size_t>(tiles));
  layout.tileFirstQuery = take(static_cast<std::size_t>(tiles));
  layout.temperature = take(s);
  layout.topP = take(s);
  layout.uniform = take(s);
  layout.blockTables = take(s * static_cast<std::size_t>(tableStride));
  layout.bytes = cursor;
  return layout;
}

std::int64_t blocksFor(std::int64_t tokens) { return (tokens + kBlockTokens - 1) / kBlockTokens; }

void requireSamplingParams(RequestId id, const SamplingParams& params) {
  if (const std::optional<SamplingProblem> problem = checkSamplingParams(params)) {
    throw std::invalid_argument("request " + std::to_string(id) + ": sampling parameters " + englishText(*problem));
  }
}

}  // namespace

struct CudaExecutor::Impl {
  struct SequenceState {
    std::vector<std::int32_t> tokens;
    std::optional<std::int32_t> sampled;  // sampled last, not yet fed back
    SamplingParams params;
    std::vector<std::int32_t> blocks;  // physical KV blocks, in position order
    std::int64_t cached = 0;           // tokens in the KV cache
  };

  CudaDeviceInfo device;
  CudaExecutorOptions options;
  std::shared_ptr<const IterationTimeModel> timeModel;
  std::unique_ptr<gpu::CudaLlama> model;
  cudaStream_t stream = nullptr;
  cudaEvent_t start = nullptr;
  cudaEvent_t stop = nullptr;
  int queriesPerTile = 1;
  int tableStride = 1;  // block ids per sequence for the longest allowed context
  gpu::PinnedBuffer<std::byte> hostInputs;
  gpu::DeviceBuffer<std::byte> deviceInputs;
  gpu::PinnedBuffer<std::int32_t> hostSampled;
  gpu::DeviceBuffer<std::int32_t> deviceSampled;
  std::vector<std::int32_t> freeBlocks;
  std::unordered_map<RequestId, SequenceState> sequences;
  std::map<int, cudaGraphExec_t> graphs;  // by bucket
  std::int64_t graphReplays = 0;
  int lastSequences = 0;

  Impl(const CudaExecutorOptions& opts, std::shared_ptr<const IterationTimeModel> model_)
      : options(opts), timeModel(std::move(model_)) {
    if (!timeModel) throw std::invalid_argument("CUDA executor needs an iteration-time model");
    if (options.maxBatchTokens <= 0 || options.maxBatchSequences <= 0 || options.maxContextTokens <= 0) {
      throw std::invalid_argument("CUDA executor: maxBatchTokens, maxBatchSequences and maxContextTokens must be > 0");
    }
    std::string reason;
    const std::optional<CudaDeviceInfo> found = probeCudaDevice(options.device, &reason);
    if (!found) throw std::runtime_error("CUDA executor: " + reason);
    device = *found;
    gpu::checkCuda(cudaSetDevice(options.device), "cudaSetDevice");
  }

  ~Impl() {
    for (auto& entry : graphs) cudaGraphExecDestroy(entry.second);
    model.reset();
    if (stop != nullptr) cudaEventDestroy(stop);
    if (start != nullptr) cudaEventDestroy(start);
    if (stream != nullptr) cudaStreamDestroy(stream);
  }

  gpu::CudaLlamaLimits limits() const {
    gpu::CudaLlamaLimits limits;
    limits.maxTokens = options.maxBatchTokens;
    limits.maxSequences = options.maxBatchSequences;
    limits.kvBlocks = options.kvBlocks;
    limits.kvMemoryFraction = options.kvMemoryFraction;
    return limits;
  }

  void finishSetup() {
    gpu::checkCuda(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking), "cudaStreamCreate");
    gpu::checkCuda(cudaEventCreate(&start), "cudaEventCreate");
    gpu::checkCuda(cudaEventCreate(&stop), "cudaEventCreate");
    queriesPerTile = model->queriesPerTile();
    tableStride = static_cast<int>(blocksFor(options.maxContextTokens));
    const int maxTiles = options.maxBatchSequences + (options.maxBatchTokens + queriesPerTile - 1) / queriesPerTile;
    const InputLayout largest =
        inputLayout(options.maxBatchTokens, options.maxBatchSequences, maxTiles, tableStride);
    hostInputs = gpu::PinnedBuffer<std::byte>(largest.bytes);
    deviceInputs = gpu::DeviceBuffer<std::byte>(largest.bytes);
    hostSampled = gpu::PinnedBuffer<std::int32_t>(static_cast<std::size_t>(options.maxBatchSequences));
    deviceSampled = gpu::DeviceBuffer<std::int32_t>(static_cast<std::size_t>(options.maxBatchSequences));
    freeBlocks.reserve(static_cast<std::size_t>(model->kvBlocks()));
    for (std::int64_t b = model->kvBlocks() - 1; b >= 0; --b) freeBlocks.push_back(static_cast<std::int32_t>(b));
  }

  // The smallest graph bucket holding `decodes` decodes, or 0 when none does.
  int bucketFor(int decodes) const {
    const int cap = std::min(options.maxBatchSequences, options.maxBatchTokens);
    for (const int bucket : kGraphBuckets) {
      if (bucket > cap) break;
      if (bucket >= decodes) return bucket;
    }
    return 0;
  }

  gpu::ForwardInputs forwardInputs(const InputLayout& layout, int tokens, int sequenceRows, int tiles,
                                   int stride) const {
    std::byte* base = deviceInputs.data();
    gpu::ForwardInputs in;
    in.tokens = tokens;
    in.sequences = sequenceRows;
    in.tiles = tiles;
    in.blockTableStride = stride;
    in.tokenIds = reinterpret_cast<const int*>(base + layout.tokenIds);
    in.positions = reinterpret_cast<const int*>(base + layout.positions);
    in.slots = reinterpret_cast<const int*>(base + layout.slots);
    in.firstToken = reinterpret_cast<const int*>(base + layout.firstToken);
    in.newTokens = reinterpret_cast<const int*>(base + layout.newTokens);
    in.context = reinterpret_cast<const int*>(base + layout.context);
    in.lastTokenRow = reinterpret_cast<const int*>(base + layout.lastTokenRow);
    in.tileSequence = reinterpret_cast<const int*>(base + layout.tileSequence);
    in.tileFirstQuery = reinterpret_cast<const int*>(base + layout.tileFirstQuery);
    in.blockTables = reinterpret_cast<const int*>(base + layout.blockTables);
    in.temperature = reinterpret_cast<const float*>(base + layout.temperature);
    in.topP = reinterpret_cast<const float*>(base + layout.topP);
    in.uniform = reinterpret_cast<const float*>(base + layout.uniform);
    in.sampled = deviceSampled.data();
    return in;
  }

  std::int32_t inputToken(RequestId id, SequenceState& state, std::int64_t position, bool decode) const {
    const auto known = static_cast<std::int64_t>(state.tokens.size());
    if (position < known) return state.tokens[static_cast<std::size_t>(position)];
    std::int32_t token = CpuExecutor::syntheticToken(id, position, model->shape().vocabSize);
    if (decode && state.sampled) token = *state.sampled;
    if (position == known) {
      state.tokens.push_back(token);
      state.sampled.reset();
    }
    return token;
  }

  void freeSequenceBlocks(SequenceState& state) {
    freeBlocks.insert(freeBlocks.end(), state.blocks.begin(), state.blocks.end());
    state.blocks.clear();
    state.cached = 0;
  }

  // Makes sure every entry's sequence holds the blocks its new tokens need; nothing changes when the
  // cache cannot hold them all.
  void reserveBlocks(const Batch& batch) {
    std::int64_t needed = 0;
    std::int64_t released = 0;
    for (const BatchEntry& entry : batch.entries) {
      SequenceState& state = sequences[entry.requestId];
      const bool restart = state.cached != entry.contextTokens;
      if (restart && entry.contextTokens != 0) {
        throw std::logic_error("CUDA executor: request " + std::to_string(entry.requestId) + " has " +
                               std::to_string(state.cached) + " tokens cached but the batch says " +
                               std::to_string(entry.contextTokens));
      }
      const std::int64_t end = entry.contextTokens + entry.newTokens;
      if (end > options.maxContextTokens) {
        throw std::invalid_argument("CUDA executor: request " + std::to_string(entry.requestId) + " reaches " +
                                    std::to_string(end) + " tokens, over the longest context (" +
                                    std::to_string(options.maxContextTokens) + ")");
      }
      const auto held = restart ? 0 : static_cast<std::int64_t>(state.blocks.size());
      if (restart) released += static_cast<std::int64_t>(state.blocks.size());
      needed += std::max<std::int64_t>(0, blocksFor(end) - held);
    }
    if (needed > static_cast<std::int64_t>(freeBlocks.size()) + released) {
      throw std::runtime_error("CUDA executor: KV cache full: the batch needs " + std::to_string(needed) +
                               " more blocks of " + std::to_string(kBlockTokens) + " tokens, " +
                               std::to_string(freeBlocks.size() + static_cast<std::size_t>(released)) + " are free");
    }
    for (const BatchEntry& entry : batch.entries) {
      SequenceState& state = sequences[entry.requestId];
      if (state.cached != entry.contextTokens) freeSequenceBlocks(state);
      const std::int64_t end = entry.contextTokens + entry.newTokens;
      while (static_cast<std::int64_t>(state.blocks.size()) < blocksFor(end)) {
        state.blocks.push_back(freeBlocks.back());
        freeBlocks.pop_back();
      }
    }
  }

  void captureGraph(int bucket, const gpu::ForwardInputs& inputs) {
    cudaGraph_t graph = nullptr;
    gpu::checkCuda(cudaStreamBeginCapture(stream, cudaStreamCaptureModeThreadLocal), "graph capture");
    try {
      model->forward(inputs, stream);
    } catch (...) {
      cudaStreamEndCapture(stream, &graph);
      if (graph != nullptr) cudaGraphDestroy(graph);
      throw;
    }
    gpu::checkCuda(cudaStreamEndCapture(stream, &graph), "graph capture");
    cudaGraphExec_t exec = nullptr;
    const cudaError_t status = cudaGraphInstantiate(&exec, graph, 0);
    cudaGraphDestroy(graph);
    gpu::checkCuda(status, "graph instantiate");
    graphs.emplace(bucket, exec);
  }

  IterationResult execute(const Batch& batch);

  // The logprobs of the entries whose requests asked for them, from their rows of the device's logits
  // (after the iteration's stream has finished), by the same computeLogprobs as the CPU executor.
  void addLogprobs(const Batch& batch, IterationResult& result) {
    const auto vocab = static_cast<std::size_t>(model->shape().vocabSize);
    std::vector<float> row(vocab);
    for (std::size_t i = 0; i < batch.entries.size(); ++i) {
      const SequenceState& state = sequences[batch.entries[i].requestId];
      if (!state.params.logprobs) continue;
      gpu::checkCuda(cudaMemcpy(row.data(), model->logits() + i * vocab, vocab * sizeof(float), cudaMemcpyDeviceToHost),
                     "logits download");
      result.logprobs.resize(batch.entries.size());
      result.logprobs[i] = computeLogprobs(row, result.tokens[i], state.params.topLogprobs);
    }
  }
};

IterationResult CudaExecutor::Impl::execute(const Batch& batch) {
  IterationResult result;
  if (batch.entries.empty()) return result;
  gpu::checkCuda(cudaSetDevice(options.device), "cudaSetDevice");
  const int sequenceCount = static_cast<int>(batch.entries.size());
  std::int64_t tokenCount = 0;
  bool decodeOnly = true;
  std::unordered_set<RequestId> seen;
  for (const BatchEntry& entry : batch.entries) {
    if (entry.newTokens <= 0 || entry.contextTokens < 0) {
      throw std::invalid_argument("CUDA executor: request " + std::to_string(entry.requestId) +
                                  " has no new tokens or a negative context");
    }
    if (!seen.insert(entry.requestId).second) {
      throw std::invalid_argument("CUDA executor: request " + std::to_string(entry.requestId) +
                                  " appears twice in one batch");
    }
    tokenCount += entry.newTokens;
    decodeOnly = decodeOnly && entry.decode && entry.newTokens == 1;
  }
  if (sequenceCount > options.maxBatchSequences || tokenCount > options.maxBatchTokens) {
    throw std::invalid_argument("CUDA executor: a batch of " + std::to_string(tokenCount) + " tokens in " +
                                std::to_string(sequenceCount) + " sequences exceeds the limits (" +
                                std::to_string(options.maxBatchTokens) + " tokens, " +
                                std::to_string(options.maxBatchSequences) + " sequences)");
  }
  reserveBlocks(batch);

  const int bucket = decodeOnly && options.decodeGraphs ? bucketFor(sequenceCount) : 0;
  int rows = static_cast<int>(tokenCount);
  int sequenceRows = sequenceCount;
  int tiles = 0;
  int stride = 1;
  if (bucket > 0) {
    rows = bucket;
    sequenceRows = bucket;
    tiles = bucket;
    stride = tableStride;
  } else {
    for (const BatchEntry& entry : batch.entries) {
      tiles += (entry.newTokens + queriesPerTile - 1) / queriesPerTile;
      stride = std::max(stride, static_cast<int>(blocksFor(entry.contextTokens + entry.newTokens)));
    }
  }
  const InputLayout layout = inputLayout(rows, sequenceRows, tiles, stride);
  std::byte* host = hostInputs.data();
  const auto ints = [host](std::size_t offset) { return reinterpret_cast<std::int32_t*>(host + offset); };
  const auto floats = [host](std::size_t offset) { return reinterpret_cast<float*>(host + offset); };
  std::int32_t* tokenIds = ints(layout.tokenIds);
  std::int32_t* positions = ints(layout.positions);
  std::int32_t* slots = ints(layout.slots);
  std::int32_t* firstToken = ints(layout.firstToken);
  std::int32_t* newTokens = ints(layout.newTokens);
  std::int32_t* context = ints(layout.context);
  std::int32_t* lastTokenRow = ints(layout.lastTokenRow);
  std::int32_t* tileSequence = ints(layout.tileSequence);
  std::int32_t* tileFirstQuery = ints(layout.tileFirstQuery);
  std::int32_t* blockTables = ints(layout.blockTables);
  float* temperature = floats(layout.temperature);
  float* topP = floats(layout.topP);
  float* uniform = floats(layout.uniform);
  std::fill_n(blockTables, static_cast<std::size_t>(sequenceRows) * static_cast<std::size_t>(stride), 0);

  int row = 0;
  int tile = 0;
  for (int i = 0; i < sequenceCount; ++i) {
    const BatchEntry& entry = batch.entries[static_cast<std::size_t>(i)];
    SequenceState& state = sequences[entry.requestId];
    const auto contextTokens = static_cast<std::int32_t>(entry.contextTokens);
    firstToken[i] = row;
    newTokens[i] = entry.newTokens;
    context[i] = contextTokens;
    for (std::int32_t t = 0; t < entry.newTokens; ++t, ++row) {
      const std::int32_t position = contextTokens + t;
      tokenIds[row] = inputToken(entry.requestId, state, position, entry.decode);
      positions[row] = position;
      slots[row] = state.blocks[static_cast<std::size_t>(position / kBlockTokens)] * kBlockTokens +
                   position % kBlockTokens;
    }
    lastTokenRow[i] = row - 1;
    for (std::int32_t q = 0; q < entry.newTokens; q += queriesPerTile, ++tile) {
      tileSequence[tile] = i;
      tileFirstQuery[tile] = q;
    }
    std::copy_n(state.blocks.begin(), std::min<std::size_t>(state.blocks.size(), static_cast<std::size_t>(stride)),
                blockTables + static_cast<std::size_t>(i) * stride);
    temperature[i] = state.params.temperature;
    topP[i] = state.params.topP;
    uniform[i] = 0.0f;
    if (state.params.temperature > 0.0f) {
      Rng rng(state.params.seed, static_cast<std::uint64_t>(contextTokens + entry.newTokens));
      uniform[i] = std::min(static_cast<float>(rng.uniform()), std::nextafter(1.0f, 0.0f));
    }
  }
  for (int i = sequenceCount; i < sequenceRows; ++i, ++row, ++tile) {
    tokenIds[row] = 0;
    positions[row] = 0;
    slots[row] = -1;
    firstToken[i] = row;
    newTokens[i] = 0;
    context[i] = 0;
    lastTokenRow[i] = row;
    tileSequence[tile] = i;
    tileFirstQuery[tile] = 0;
    temperature[i] = 0.0f;
    topP[i] = 1.0f;
    uniform[i] = 0.0f;
  }

  const gpu::ForwardInputs inputs = forwardInputs(layout, rows, sequenceRows, tiles, stride);
  gpu::checkCuda(cudaEventRecord(start, stream), "cudaEventRecord");
  gpu::checkCuda(cudaMemcpyAsync(deviceInputs.data(), host, layout.bytes, cudaMemcpyHostToDevice, stream),
                 "batch upload");
  const auto graph = bucket > 0 ? graphs.find(bucket) : graphs.end();
  if (graph != graphs.end()) {
    gpu::checkCuda(cudaGraphLaunch(graph->second, stream), "cudaGraphLaunch");
    ++graphReplays;
  } else {
    model->forward(inputs, stream);
  }
  gpu::checkCuda(cudaMemcpyAsync(hostSampled.data(), deviceSampled.data(),
                                 static_cast<std::size_t>(sequenceCount) * sizeof(std::int32_t),
                                 cudaMemcpyDeviceToHost, stream),
                 "token download");
  gpu::checkCuda(cudaEventRecord(stop, stream), "cudaEventRecord");
  gpu::checkCuda(cudaEventSynchronize(stop), "iteration");
  float elapsedMs = 0.0f;
  gpu::checkCuda(cudaEventElapsedTime(&elapsedMs, start, stop), "cudaEventElapsedTime");
  result.duration = durationFromSeconds(static_cast<double>(elapsedMs) * 1e-3);
  result.tokens.reserve(batch.entries.size());
  for (int i = 0; i < sequenceCount; ++i) {
    const BatchEntry& entry = batch.entries[static_cast<std::size_t>(i)];
    SequenceState& state = sequences[entry.requestId];
    state.cached = entry.contextTokens + entry.newTokens;
    state.sampled = hostSampled.data()[i];
    result.tokens.push_back(hostSampled.data()[i]);
  }
  lastSequences = sequenceCount;
  addLogprobs(batch, result);

  // The first decode iteration of a bucket ran plainly (choosing its GEMM algorithms); later ones replay
  // its graph. A capture that fails leaves the executor on plain launches.
  if (bucket > 0 && graph == graphs.end()) {
    try {
      captureGraph(bucket, inputs);
    } catch (const std::exception& error) {
      spdlog::warn("CUDA executor: decode graphs disabled, capturing one failed: {}", error.what());
      options.decodeGraphs = false;
      cudaGetLastError();
    }
  }
  return result;
}

CudaExecutor::CudaExecutor(std::shared_ptr<const LlamaWeights> weights,
                           std::shared_ptr<const IterationTimeModel> timeModel, CudaExecutorOptions options) {
  if (!weights) throw std::invalid_argument("CUDA executor needs weights");
  impl_ = std::make_unique<Impl>(options, std::move(timeModel));
  impl_->model = std::make_unique<gpu::CudaLlama>(*weights, impl_->limits());
  impl_->finishSetup();
}

CudaExecutor::CudaExecutor(const ModelShape& shape, std::uint64_t seed,
                           std::shared_ptr<const IterationTimeModel> timeModel, CudaExecutorOptions options) {
  impl_ = std::make_unique<Impl>(options, std::move(timeModel));
  impl_->model = std::make_unique<gpu::CudaLlama>(shape, seed, impl_->limits());
  impl_->finishSetup();
}

CudaExecutor::~CudaExecutor() = default;

IterationResult CudaExecutor::execute(const Batch& batch) { return impl_->execute(batch); }

const IterationTimeModel& CudaExecutor::timeModel() const { return *impl_->timeModel; }

std::optional<std::int64_t> CudaExecutor::maxContextTokens() const { return impl_->options.maxContextTokens; }

void CudaExecutor::admit(RequestId id, std::vector<std::int32_t> promptTokens, SamplingParams params) {
  const std::int32_t vocab = impl_->model->shape().vocabSize;
  for (const std::int32_t token : promptTokens) {
    if (token < 0 || token >= vocab) {
      throw std::invalid_argument("request " + std::to_string(id) + ": token " + std::to_string(token) +
                                  " is outside the vocabulary [0, " + std::to_string(vocab) + ")");
    }
  }
  requireSamplingParams(id, params);
  release(id);
  Impl::SequenceState state;
  state.tokens = std::move(promptTokens);
  state.params = params;
  impl_->sequences[id] = std::move(state);
}

void CudaExecutor::release(RequestId id) {
  const auto it = impl_->sequences.find(id);
  if (it == impl_->sequences.end()) return;
  impl_->freeSequenceBlocks(it->second);
  impl_->sequences.erase(it);
}

std::vector<float> CudaExecutor::lastLogits() const {
  const std::size_t count =
      static_cast<std::size_t>(impl_->lastSequences) * static_cast<std::size_t>(impl_->model->shape().vocabSize);
  std::vector<float> logits(count);
  if (count > 0) {
    gpu::checkCuda(cudaMemcpy(logits.data(), impl_->model->logits(), count * sizeof(float), cudaMemcpyDeviceToHost),
                   "logits download");
  }
  return logits;
}

std::vector<std::int32_t> CudaExecutor::knownTokens(RequestId id) const {
  const auto it = impl_->sequences.find(id);
  return it == impl_->sequences.end() ? std::vector<std::int32_t>{} : it->second.tokens;
}

std::int64_t CudaExecutor::cachedTokens(RequestId id) const {
  const auto it = impl_->sequences.find(id);
  return it == impl_->sequences.end() ? 0 : it->second.cached;
}

std::int64_t CudaExecutor::kvBlocksTotal() const { return impl_->model->kvBlocks(); }

std::int64_t CudaExecutor::kvBlocksFree() const { return static_cast<std::int64_t>(impl_->freeBlocks.size()); }

std::int64_t CudaExecutor::graphReplays() const { return impl_->graphReplays; }

std::int32_t CudaExecutor::graphsCaptured() const { return static_cast<std::int32_t>(impl_->graphs.size()); }

const CudaDeviceInfo& CudaExecutor::deviceInfo() const { return impl_->device; }

const ModelShape& CudaExecutor::shape() const { return impl_->model->shape(); }

}  // namespace headroom::engine
