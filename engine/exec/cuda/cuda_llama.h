#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <cuda_bf16.h>
#include <cuda_runtime.h>

#include "engine/exec/cuda/device_buffer.h"
#include "engine/exec/cuda/lt_gemm.h"
#include "engine/exec/llama/llama_weights.h"
#include "engine/exec/modeled/model_shape.h"

namespace headroom::engine::gpu {

// One iteration's inputs, all in device memory (int32 unless noted). Token rows are grouped by
// sequence; sequence s owns rows firstToken[s] .. firstToken[s] + newTokens[s] - 1.
struct ForwardInputs {
  int tokens = 0;
  int sequences = 0;
  int tiles = 0;             // attention tiles (paged_attention.cuh)
  int blockTableStride = 0;  // block ids per sequence in blockTables
  const int* tokenIds = nullptr;      // [tokens]
  const int* positions = nullptr;     // [tokens] position of each token in its sequence
  const int* slots = nullptr;         // [tokens] KV slot, < 0 for padding
  const int* firstToken = nullptr;    // [sequences]
  const int* newTokens = nullptr;     // [sequences]
  const int* context = nullptr;       // [sequences] tokens cached before this iteration
  const int* lastTokenRow = nullptr;  // [sequences] row whose logits are sampled
  const int* tileSequence = nullptr;  // [tiles]
  const int* tileFirstQuery = nullptr;  // [tiles]
  const int* blockTables = nullptr;     // [sequences][blockTableStride]
  const float* temperature = nullptr;   // [sequences]
  const float* topP = nullptr;          // [sequences]
  const float* uniform = nullptr;       // [sequences]
  int* sampled = nullptr;               // [sequences] output
};

// Capacity of the activation buffers and of the KV cache.
struct CudaLlamaLimits {
  int maxTokens = 8192;     // tokens in one iteration
  int maxSequences = 256;   // sequences in one iteration
  std::int64_t kvBlocks = 0;       // KV blocks of kBlockTokens; 0 = kvMemoryFraction of the memory left
  double kvMemoryFraction = 0.9;
};

// A Llama-architecture decoder resident on the GPU: bf16 weights (norm weights fp32), an fp32
// residual stream, a paged bf16 KV cache, cuBLASLt GEMMs and the kernels of this folder. forward()
// queues one iteration on a stream (capturable into a CUDA graph). Owns its device memory; not
// thread-safe (one stream owner).
class CudaLlama {
 public:
  static constexpr int kBlockTokens = 16;

  // Uploads host fp32 weights as bf16. Throws std::invalid_argument on inconsistent weights or an
  // unsupported head layout, std::runtime_error on CUDA errors (out of memory included).
  CudaLlama(const LlamaWeights& weights, const CudaLlamaLimits& limits);
  // Seeded random weights made on the device (the same scales as randomLlamaWeights, another
  // generator), for shapes too large to build on the host.
  CudaLlama(const ModelShape& shape, std::uint64_t seed, const CudaLlamaLimits& limits);
  CudaLlama(const CudaLlama&) = delete;
  CudaLlama& operator=(const CudaLlama&) = delete;

  // Queues the forward pass, the LM head on each sequence's lastTokenRow and the sampling. The logits
  // stay in logits() until the next call.
  void forward(const ForwardInputs& inputs, cudaStream_t stream);

  const ModelShape& shape() const { return shape_; }
  const CudaLlamaLimits& limits() const { return limits_; }
  std::int64_t kvBlocks() const { return kvBlocks_; }
  std::int64_t weightBytes() const { return static_cast<std::int64_t>(weightArena_.bytes()); }
  std::int64_t kvBytes() const { return static_cast<std::int64_t>(kvCache_.bytes()); }
  int queriesPerTile() const;
  const float* logits() const { return logits_.data(); }  // device, [sequences][vocab]

 private:
  struct Layer {
    const float* attnNorm = nullptr;
    const __nv_bfloat16* wqkv = nullptr;  // [q + k + v rows][hidden]
    const __nv_bfloat16* wo = nullptr;    // [hidden][heads * headDim]
    const float* mlpNorm = nullptr;
    const __nv_bfloat16* wGateUp = nullptr;  // [2 * inter][hidden]: gate rows then up rows
    const __nv_bfloat16* wDown = nullptr;    // [hidden][inter]
    __nv_bfloat16* kCache = nullptr;
    __nv_bfloat16* vCache = nullptr;
  };
  // Byte offsets of every tensor in the weight arena.
  struct LayerOffsets {
    std::size_t attnNorm, wqkv, wo, mlpNorm, wGateUp, wDown;
  };

  CudaLlama(const ModelShape& shape, double ropeTheta, double rmsNormEps, bool separateLmHead,
            const CudaLlamaLimits& limits);
  void planArena();
  void allocate();
  template <typename T>
  T* at(std::size_t offset) const {
    return reinterpret_cast<T*>(weightArena_.data() + offset);
  }

  ModelShape shape_;
  double ropeTheta_;
  float rmsNormEps_;
  bool separateLmHead_;  // an LM head of its own, else the embedding serves as one
  CudaLlamaLimits limits_;
  std::int64_t kvBlocks_ = 0;

  std::vector<LayerOffsets> layerOffsets_;
  std::size_t embeddingOffset_ = 0;
  std::size_t lmHeadOffset_ = 0;  // == embeddingOffset_ without a separate LM head
  std::size_t finalNormOffset_ = 0;
  std::size_t invFreqOffset_ = 0;
  std::size_t arenaBytes_ = 0;

  DeviceBuffer<std::byte> weightArena_;
  DeviceBuffer<__nv_bfloat16> kvCache_;
  std::vector<Layer> layers_;

  DeviceBuffer<float> residual_;          // [maxTokens][hidden]
  DeviceBuffer<__nv_bfloat16> normed_;    // [maxTokens][hidden]
  DeviceBuffer<__nv_bfloat16> qkv_;       // [maxTokens][qkvWidth]
  DeviceBuffer<__nv_bfloat16> attention_; // [maxTokens][heads * headDim]
  DeviceBuffer<__nv_bfloat16> delta_;     // [maxTokens][hidden]
  DeviceBuffer<__nv_bfloat16> gateUp_;    // [maxTokens][2 * inter]
  DeviceBuffer<__nv_bfloat16> mlp_;       // [maxTokens][inter]
  DeviceBuffer<__nv_bfloat16> lastNormed_;  // [maxSequences][hidden]
  DeviceBuffer<float> logits_;            // [maxSequences][vocab]
  LtGemm gemm_;
};

}  // namespace headroom::engine::gpu
