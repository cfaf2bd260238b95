#include "engine/exec/cuda/cuda_llama.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/exec/cuda/bf16_bits.h"
#include "engine/exec/cuda/cuda_check.h"
#include "engine/exec/cuda/embedding.cuh"
#include "engine/exec/cuda/fill_uniform.cuh"
#include "engine/exec/cuda/kv_append.cuh"
#include "engine/exec/cuda/paged_attention.cuh"
#include "engine/exec/cuda/rms_norm.cuh"
#include "engine/exec/cuda/rope.cuh"
#include "engine/exec/cuda/sampling.cuh"
#include "engine/exec/cuda/swiglu.cuh"

namespace headroom::engine::gpu {

namespace {

constexpr std::size_t kAlignment = 256;  // every tensor starts on a 256-byte boundary (cuBLASLt, 16-byte loads)
constexpr std::int64_t kReservedBytes = std::int64_t{512} << 20;  // left free beside the KV cache
constexpr std::int64_t kMaxKvBlocks = (std::int64_t{1} << 31) / CudaLlama::kBlockTokens - 1;  // int32 slots
constexpr std::size_t kUploadChunk = std::size_t{1} << 24;  // values converted per host staging round

std::size_t alignUp(std::size_t bytes) { return (bytes + kAlignment - 1) / kAlignment * kAlignment; }

void checkShape(const ModelShape& shape) {
  if (shape.layers <= 0 || shape.hiddenSize <= 0 || shape.attentionHeads <= 0 || shape.kvHeads <= 0 ||
      shape.headDim <= 0 || shape.intermediateSize <= 0 || shape.vocabSize <= 0) {
    throw std::invalid_argument("CUDA Llama: the shape of '" + shape.name + "' has a size <= 0");
  }
  if (shape.attentionHeads % shape.kvHeads != 0) {
    throw std::invalid_argument("CUDA Llama: kv heads (" + std::to_string(shape.kvHeads) +
                                ") must divide attention heads (" + std::to_string(shape.attentionHeads) + ")");
  }
  if (shape.headDim % 8 != 0 || shape.headDim > 256) {
    throw std::invalid_argument("CUDA Llama: head_dim must be a multiple of 8 up to 256, got " +
                                std::to_string(shape.headDim));
  }
}

void uploadBf16(std::byte* target, const std::vector<float>& values) {
  std::vector<std::uint16_t> staging(std::min(values.size(), kUploadChunk));
  for (std::size_t begin = 0; begin < values.size(); begin += kUploadChunk) {
    const std::size_t count = std::min(kUploadChunk, values.size() - begin);
    for (std::size_t i = 0; i < count; ++i) staging[i] = floatToBf16Bits(values[begin + i]);
    checkCuda(cudaMemcpy(target + begin * sizeof(std::uint16_t), staging.data(), count * sizeof(std::uint16_t),
                         cudaMemcpyHostToDevice),
              "weight upload");
  }
}

void uploadFloat(std::byte* target, const std::vector<float>& values) {
  checkCuda(cudaMemcpy(target, values.data(), values.size() * sizeof(float), cudaMemcpyHostToDevice), "weight upload");
}

}  // namespace

CudaLlama::CudaLlama(const ModelShape& shape, double ropeTheta, double rmsNormEps, bool separateLmHead,
                     const CudaLlamaLimits& limits)
    : shape_(shape),
      ropeTheta_(ropeTheta),
      rmsNormEps_(static_cast<float>(rmsNormEps)),
      separateLmHead_(separateLmHead),
      limits_(limits) {
  checkShape(shape_);
  if (limits_.maxTokens <= 0 || limits_.maxSequences <= 0) {
    throw std::invalid_argument("CUDA Llama: maxTokens and maxSequences must be > 0");
  }
  if (!(ropeTheta_ > 0.0) || !(rmsNormEps_ > 0.0f)) {
    throw std::invalid_argument("CUDA Llama: rope theta and RMSNorm epsilon must be > 0");
  }
  planArena();
  allocate();
}

CudaLlama::CudaLlama(const LlamaWeights& weights, const CudaLlamaLimits& limits)
    : CudaLlama(weights.shape, weights.ropeTheta, weights.rmsNormEps, !weights.lmHead.empty(), limits) {
  checkLlamaWeights(weights);
  const ModelShape& s = shape_;
  const std::size_t bf16 = sizeof(std::uint16_t);
  const std::int64_t hidden = s.hiddenSize;
  const std::int64_t qWidth = s.attentionWidth();
  const std::int64_t kvWidth = static_cast<std::int64_t>(s.kvHeads) * s.headDim;
  const std::int64_t inter = s.intermediateSize;
  std::byte* base = weightArena_.data();
  uploadBf16(base + embeddingOffset_, weights.embedding);
  if (separateLmHead_) uploadBf16(base + lmHeadOffset_, weights.lmHead);
  uploadFloat(base + finalNormOffset_, weights.finalNorm);
  for (std::size_t l = 0; l < layerOffsets_.size(); ++l) {
    const LlamaLayerWeights& layer = weights.layers[l];
    const LayerOffsets& o = layerOffsets_[l];
    uploadFloat(base + o.attnNorm, layer.attnNorm);
    uploadBf16(base + o.wqkv, layer.wq);
    uploadBf16(base + o.wqkv + static_cast<std::size_t>(qWidth * hidden) * bf16, layer.wk);
    uploadBf16(base + o.wqkv + static_cast<std::size_t>((qWidth + kvWidth) * hidden) * bf16, layer.wv);
    uploadBf16(base + o.wo, layer.wo);
    uploadFloat(base + o.mlpNorm, layer.mlpNorm);
    uploadBf16(base + o.wGateUp, layer.wGate);
    uploadBf16(base + o.wGateUp + static_cast<std::size_t>(inter * hidden) * bf16, layer.wUp);
    uploadBf16(base + o.wDown, layer.wDown);
  }
  // Pageable uploads and memsets may still be in flight on the legacy stream, which the executor's
  // non-blocking stream does not wait for.
  checkCuda(cudaDeviceSynchronize(), "weight upload");
}

CudaLlama::CudaLlama(const ModelShape& shape, std::uint64_t seed, const CudaLlamaLimits& limits)
    : CudaLlama(shape, shape.ropeTheta, shape.rmsNormEps, !shape.tiedEmbeddings, limits) {
  const ModelShape& s = shape_;
  const std::int64_t hidden = s.hiddenSize;
  const std::int64_t qWidth = s.attentionWidth();
  const std::int64_t kvWidth = static_cast<std::int64_t>(s.kvHeads) * s.headDim;
  const std::int64_t inter = s.intermediateSize;
  const std::int64_t vocab = s.vocabSize;
  const double residualScale = 1.0 / std::sqrt(2.0 * static_cast<double>(s.layers));
  std::uint64_t tensor = seed * 0x9E3779B97F4A7C15ULL;
  const auto fill = [&](std::size_t offset, std::int64_t count, double bound) {
    launchFillUniform(at<__nv_bfloat16>(offset), count, ++tensor, 0.0f, static_cast<float>(bound), nullptr);
  };
  const std::vector<float> ones(static_cast<std::size_t>(hidden), 1.0f);
  fill(embeddingOffset_, vocab * hidden, std::sqrt(3.0));
  if (separateLmHead_) fill(lmHeadOffset_, vocab * hidden, std::sqrt(3.0 / static_cast<double>(hidden)));
  uploadFloat(weightArena_.data() + finalNormOffset_, ones);
  for (const LayerOffsets& o : layerOffsets_) {
    uploadFloat(weightArena_.data() + o.attnNorm, ones);
    uploadFloat(weightArena_.data() + o.mlpNorm, ones);
    fill(o.wqkv, (qWidth + 2 * kvWidth) * hidden, std::sqrt(3.0 / static_cast<double>(hidden)));
    fill(o.wo, hidden * qWidth, residualScale * std::sqrt(3.0 / static_cast<double>(qWidth)));
    fill(o.wGateUp, 2 * inter * hidden, std::sqrt(3.0 / static_cast<double>(hidden)));
    fill(o.wDown, hidden * inter, residualScale * std::sqrt(3.0 / static_cast<double>(inter)));
  }
  checkCuda(cudaDeviceSynchronize(), "random weights");
}

void CudaLlama::planArena() {
  const ModelShape& s = shape_;
  const std::size_t bf16 = sizeof(std::uint16_t);
  const auto hidden = static_cast<std::size_t>(s.hiddenSize);
  const auto qWidth = static_cast<std::size_t>(s.attentionWidth());
  const auto kvWidth = static_cast<std::size_t>(s.kvHeads) * static_cast<std::size_t>(s.headDim);
  const auto inter = static_cast<std::size_t>(s.intermediateSize);
  const auto vocab = static_cast<std::size_t>(s.vocabSize);
  std::size_t cursor = 0;
  const auto take = [&cursor](std::size_t bytes) {
    const std::size_t offset = cursor;
    cursor += alignUp(bytes);
    return offset;
  };
  embeddingOffset_ = take(vocab * hidden * bf16);
  lmHeadOffset_ = separateLmHead_ ? take(vocab * hidden * bf16) : embeddingOffset_;
  finalNormOffset_ = take(hidden * sizeof(float));
  invFreqOffset_ = take(static_cast<std::size_t>(s.headDim / 2) * sizeof(float));
  layerOffsets_.clear();
  for (int l = 0; l < s.layers; ++l) {
    LayerOffsets o{};
    o.attnNorm = take(hidden * sizeof(float));
    o.wqkv = take((qWidth + 2 * kvWidth) * hidden * bf16);
    o.wo = take(hidden * qWidth * bf16);
    o.mlpNorm = take(hidden * sizeof(float));
    o.wGateUp = take(2 * inter * hidden * bf16);
    o.wDown = take(hidden * inter * bf16);
    layerOffsets_.push_back(o);
  }
  arenaBytes_ = cursor;
}

void CudaLlama::allocate() {
  const ModelShape& s = shape_;
  const auto tokens = static_cast<std::size_t>(limits_.maxTokens);
  const auto sequences = static_cast<std::size_t>(limits_.maxSequences);
  const auto hidden = static_cast<std::size_t>(s.hiddenSize);
  const auto qWidth = static_cast<std::size_t>(s.attentionWidth());
  const auto qkvWidth = static_cast<std::size_t>(s.qkvWidth());
  const auto inter = static_cast<std::size_t>(s.intermediateSize);

  weightArena_ = DeviceBuffer<std::byte>(arenaBytes_);
  residual_ = DeviceBuffer<float>(tokens * hidden);
  normed_ = DeviceBuffer<__nv_bfloat16>(tokens * hidden);
  qkv_ = DeviceBuffer<__nv_bfloat16>(tokens * qkvWidth);
  attention_ = DeviceBuffer<__nv_bfloat16>(tokens * qWidth);
  delta_ = DeviceBuffer<__nv_bfloat16>(tokens * hidden);
  gateUp_ = DeviceBuffer<__nv_bfloat16>(tokens * 2 * inter);
  mlp_ = DeviceBuffer<__nv_bfloat16>(tokens * inter);
  lastNormed_ = DeviceBuffer<__nv_bfloat16>(sequences * hidden);
  logits_ = DeviceBuffer<float>(sequences * static_cast<std::size_t>(s.vocabSize));
  // Rows a padded iteration never writes are read by the GEMMs: keep them finite.
  checkCuda(cudaMemset(attention_.data(), 0, attention_.bytes()), "activation init");
  checkCuda(cudaMemset(delta_.data(), 0, delta_.bytes()), "activation init");
  checkCuda(cudaMemset(residual_.data(), 0, residual_.bytes()), "activation init");

  std::vector<float> invFreq(static_cast<std::size_t>(s.headDim / 2));
  for (std::size_t i = 0; i < invFreq.size(); ++i) {
    invFreq[i] = static_cast<float>(1.0 / std::pow(ropeTheta_, 2.0 * static_cast<double>(i) / s.headDim));
  }
  uploadFloat(weightArena_.data() + invFreqOffset_, invFreq);

  const std::int64_t blockValues = static_cast<std::int64_t>(kBlockTokens) * s.kvHeads * s.headDim;
  const std::int64_t bytesPerBlock = 2 * static_cast<std::int64_t>(s.layers) * blockValues * 2;
  kvBlocks_ = limits_.kvBlocks;
  if (kvBlocks_ <= 0) {
    std::size_t freeBytes = 0;
    std::size_t totalBytes = 0;
    checkCuda(cudaMemGetInfo(&freeBytes, &totalBytes), "cudaMemGetInfo");
    const double usable = std::max(0.0, static_cast<double>(freeBytes) - static_cast<double>(kReservedBytes));
    kvBlocks_ = static_cast<std::int64_t>(usable * limits_.kvMemoryFraction / static_cast<double>(bytesPerBlock));
  }
  kvBlocks_ = std::min(kvBlocks_, kMaxKvBlocks);
  if (kvBlocks_ <= 0) {
    throw std::runtime_error("CUDA Llama: no GPU memory left for the KV cache of '" + s.name + "' (one block of " +
                             std::to_string(kBlockTokens) + " tokens takes " + std::to_string(bytesPerBlock) +
                             " bytes)");
  }
  const std::size_t layerValues = static_cast<std::size_t>(kvBlocks_) * static_cast<std::size_t>(blockValues);
  kvCache_ = DeviceBuffer<__nv_bfloat16>(2 * static_cast<std::size_t>(s.layers) * layerValues);
  layers_.clear();
  for (std::size_t l = 0; l < layerOffsets_.size(); ++l) {
    const LayerOffsets& o = layerOffsets_[l];
    Layer layer;
    layer.attnNorm = at<float>(o.attnNorm);
    layer.wqkv = at<__nv_bfloat16>(o.wqkv);
    layer.wo = at<__nv_bfloat16>(o.wo);
    layer.mlpNorm = at<float>(o.mlpNorm);
    layer.wGateUp = at<__nv_bfloat16>(o.wGateUp);
    layer.wDown = at<__nv_bfloat16>(o.wDown);
    layer.kCache = kvCache_.data() + (2 * l) * layerValues;
    layer.vCache = kvCache_.data() + (2 * l + 1) * layerValues;
    layers_.push_back(layer);
  }
}

int CudaLlama::queriesPerTile() const { return pagedAttentionQueriesPerTile(shape_.attentionHeads, shape_.kvHeads); }

void CudaLlama::forward(const ForwardInputs& in, cudaStream_t stream) {
  if (in.tokens <= 0 || in.sequences <= 0) return;
  if (in.tokens > limits_.maxTokens || in.sequences > limits_.maxSequences) {
    throw std::invalid_argument("CUDA Llama: an iteration of " + std::to_string(in.tokens) + " tokens in " +
                                std::to_string(in.sequences) + " sequences exceeds the limits (" +
                                std::to_string(limits_.maxTokens) + " tokens, " +
                                std::to_string(limits_.maxSequences) + " sequences)");
  }
  const ModelShape& s = shape_;
  const int tokens = in.tokens;
  const int hidden = s.hiddenSize;
  const int qWidth = static_cast<int>(s.attentionWidth());
  const int kvWidth = s.kvHeads * s.headDim;
  const int qkvWidth = static_cast<int>(s.qkvWidth());
  const int inter = s.intermediateSize;
  const float* invFreq = at<float>(invFreqOffset_);

  PagedAttentionArgs attention;
  attention.q = qkv_.data();
  attention.qStride = qkvWidth;
  attention.out = attention_.data();
  attention.outStride = qWidth;
  attention.tileSequence = in.tileSequence;
  attention.tileFirstQuery = in.tileFirstQuery;
  attention.tiles = in.tiles;
  attention.firstToken = in.firstToken;
  attention.newTokens = in.newTokens;
  attention.context = in.context;
  attention.blockTables = in.blockTables;
  attention.blockTableStride = in.blockTableStride;
  attention.qHeads = s.attentionHeads;
  attention.kvHeads = s.kvHeads;
  attention.headDim = s.headDim;
  attention.blockTokens = kBlockTokens;
  attention.scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(s.headDim)));

  launchEmbeddingGather(in.tokenIds, at<__nv_bfloat16>(embeddingOffset_), residual_.data(), tokens, hidden,
                        s.vocabSize, stream);
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const Layer& layer = layers_[l];
    launchRmsNorm(residual_.data(), l == 0 ? nullptr : delta_.data(), nullptr, layer.attnNorm, normed_.data(), tokens,
                  hidden, rmsNormEps_, stream);
    gemm_.run(normed_.data(), layer.wqkv, qkv_.data(), GemmOut::Bf16, tokens, qkvWidth, hidden, stream);
    launchRope(qkv_.data(), tokens, qkvWidth, s.attentionHeads + s.kvHeads, s.headDim, in.positions, invFreq, stream);
    launchKvAppend(qkv_.data(), qkvWidth, qWidth, qWidth + kvWidth, in.slots, layer.kCache, layer.vCache, tokens,
                   s.kvHeads, s.headDim, stream);
    attention.kCache = layer.kCache;
    attention.vCache = layer.vCache;
    launchPagedAttention(attention, stream);
    gemm_.run(attention_.data(), layer.wo, delta_.data(), GemmOut::Bf16, tokens, hidden, qWidth, stream);
    launchRmsNorm(residual_.data(), delta_.data(), nullptr, layer.mlpNorm, normed_.data(), tokens, hidden, rmsNormEps_,
                  stream);
    gemm_.run(normed_.data(), layer.wGateUp, gateUp_.data(), GemmOut::Bf16, tokens, 2 * inter, hidden, stream);
    launchSwiglu(gateUp_.data(), mlp_.data(), tokens, inter, stream);
    gemm_.run(mlp_.data(), layer.wDown, delta_.data(), GemmOut::Bf16, tokens, hidden, inter, stream);
  }
  launchRmsNorm(residual_.data(), delta_.data(), in.lastTokenRow, at<float>(finalNormOffset_), lastNormed_.data(),
                in.sequences, hidden, rmsNormEps_, stream);
  gemm_.run(lastNormed_.data(), at<__nv_bfloat16>(lmHeadOffset_), logits_.data(), GemmOut::Fp32, in.sequences,
            s.vocabSize, hidden, stream);
  launchSample(logits_.data(), in.sequences, s.vocabSize, in.temperature, in.topP, in.uniform, in.sampled, stream);
}

}  // namespace headroom::engine::gpu
