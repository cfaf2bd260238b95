#include "engine/exec/cuda/paged_attention.cuh"

#include <cstddef>
#include <stdexcept>
#include <string>

#include "engine/exec/cuda/block_reduce.cuh"
#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {
namespace {

// One block computes kRows (query, head) rows: up to queriesPerTile queries of one sequence times
// headsPerBlock query heads sharing one KV head, so each key chunk loaded into shared memory serves
// them all. Warp w owns rows w, w + kWarps, ... (decodes, with few rows, still spread over the warps).
constexpr int kWarps = 4;
constexpr int kThreads = kWarps * kWarpSize;
constexpr int kRows = 16;
constexpr int kRowsPerWarp = kRows / kWarps;
constexpr int kKeys = kWarpSize;  // keys per chunk: one per lane when scoring
constexpr int kMaxHeadDim = 256;
constexpr int kValuesPerLoad = 8;  // bf16 values per 16-byte load

int headsPerBlockFor(int qHeads, int kvHeads) {
  const int group = qHeads / kvHeads;
  int best = 1;
  for (int heads = 1; heads <= kRows && heads <= group; ++heads) {
    if (group % heads == 0) best = heads;
  }
  return best;
}

std::size_t sharedBytesFor(int headDim) {
  return sizeof(float) * (static_cast<std::size_t>(kRows) * headDim + static_cast<std::size_t>(kKeys) * (headDim + 1) +
                          static_cast<std::size_t>(kKeys) * headDim);
}

__device__ __forceinline__ void unpack8(const uint4& raw, float* values) {
  const __nv_bfloat162* pairs = reinterpret_cast<const __nv_bfloat162*>(&raw);
#pragma unroll
  for (int e = 0; e < kValuesPerLoad / 2; ++e) {
    const float2 pair = __bfloat1622float2(pairs[e]);
    values[2 * e] = pair.x;
    values[2 * e + 1] = pair.y;
  }
}

template <int kDimsPerLane>
__global__ void __launch_bounds__(kThreads)
    pagedAttentionKernel(PagedAttentionArgs a, int headsPerBlock, int queriesPerTile) {
  extern __shared__ float shared[];
  const int headDim = a.headDim;
  const int kStride = headDim + 1;  // padded so lane j reading key j hits bank (j + d) % 32
  float* qShared = shared;                          // [kRows][headDim], pre-scaled
  float* kShared = qShared + kRows * headDim;       // [kKeys][headDim + 1]
  float* vShared = kShared + kKeys * kStride;       // [kKeys][headDim]

  const int tile = blockIdx.x;
  const int sequence = a.tileSequence[tile];
  const int firstQuery = a.tileFirstQuery[tile];
  const int tileQueries = min(queriesPerTile, a.newTokens[sequence] - firstQuery);
  if (tileQueries <= 0) return;
  const int context = a.context[sequence];
  const long long firstRow = static_cast<long long>(a.firstToken[sequence]) + firstQuery;
  const int firstHead = blockIdx.y * headsPerBlock;
  const int kvHead = firstHead / (a.qHeads / a.kvHeads);
  const int* blockTable = a.blockTables + static_cast<long long>(sequence) * a.blockTableStride;

  for (int idx = threadIdx.x; idx < kRows * headDim; idx += kThreads) {
    const int row = idx / headDim;
    const int d = idx - row * headDim;
    const int query = row / headsPerBlock;
    const int head = firstHead + row % headsPerBlock;
    float value = 0.0f;
    if (query < tileQueries) {
      value = __bfloat162float(a.q[(firstRow + query) * a.qStride + head * headDim + d]) * a.scale;
    }
    qShared[idx] = value;
  }

  const int warp = threadIdx.x / kWarpSize;
  const int lane = threadIdx.x % kWarpSize;
  bool active[kRowsPerWarp];
  int position[kRowsPerWarp];
  float runningMax[kRowsPerWarp];
  float runningSum[kRowsPerWarp];
  float acc[kRowsPerWarp][kDimsPerLane];
#pragma unroll
  for (int r = 0; r < kRowsPerWarp; ++r) {
    const int query = (warp + r * kWarps) / headsPerBlock;
    active[r] = query < tileQueries;
    position[r] = context + firstQuery + query;
    runningMax[r] = -INFINITY;
    runningSum[r] = 0.0f;
#pragma unroll
    for (int i = 0; i < kDimsPerLane; ++i) acc[r][i] = 0.0f;
  }

  const int lastKey = context + firstQuery + tileQueries - 1;
  const int loadsPerKey = headDim / kValuesPerLoad;
  for (int chunk = 0; chunk <= lastKey; chunk += kKeys) {
    __syncthreads();  // the previous chunk is consumed (and qShared is written before the first use)
    for (int idx = threadIdx.x; idx < kKeys * loadsPerKey; idx += kThreads) {
      const int j = idx / loadsPerKey;
      const int part = (idx - j * loadsPerKey) * kValuesPerLoad;
      const int key = chunk + j;
      float kValues[kValuesPerLoad] = {};
      float vValues[kValuesPerLoad] = {};
      if (key <= lastKey) {
        const long long slot =
            static_cast<long long>(blockTable[key / a.blockTokens]) * a.blockTokens + key % a.blockTokens;
        const long long offset = (slot * a.kvHeads + kvHead) * headDim + part;
        unpack8(*reinterpret_cast<const uint4*>(a.kCache + offset), kValues);
        unpack8(*reinterpret_cast<const uint4*>(a.vCache + offset), vValues);
      }
#pragma unroll
      for (int e = 0; e < kValuesPerLoad; ++e) {
        kShared[j * kStride + part + e] = kValues[e];
        vShared[j * headDim + part + e] = vValues[e];
      }
    }
    __syncthreads();

    float score[kRowsPerWarp];
#pragma unroll
    for (int r = 0; r < kRowsPerWarp; ++r) score[r] = 0.0f;
    const float* kRow = kShared + lane * kStride;
    for (int d = 0; d < headDim; ++d) {
      const float kd = kRow[d];
#pragma unroll
      for (int r = 0; r < kRowsPerWarp; ++r) score[r] += qShared[(warp + r * kWarps) * headDim + d] * kd;
    }

    const int key = chunk + lane;
    float weight[kRowsPerWarp];
#pragma unroll
    for (int r = 0; r < kRowsPerWarp; ++r) {
      weight[r] = 0.0f;
      if (!active[r]) continue;  // uniform across the warp
      const bool valid = key <= position[r];
      const float s = valid ? score[r] : -INFINITY;
      const float newMax = fmaxf(runningMax[r], warpMax(s));
      weight[r] = valid ? __expf(s - newMax) : 0.0f;
      const float correction = runningMax[r] == -INFINITY ? 0.0f : __expf(runningMax[r] - newMax);
      runningSum[r] = runningSum[r] * correction + warpSum(weight[r]);
#pragma unroll
      for (int i = 0; i < kDimsPerLane; ++i) acc[r][i] *= correction;
      runningMax[r] = newMax;
    }

    for (int j = 0; j < kKeys; ++j) {
      float v[kDimsPerLane];
#pragma unroll
      for (int i = 0; i < kDimsPerLane; ++i) {
        const int d = lane + i * kWarpSize;
        v[i] = d < headDim ? vShared[j * headDim + d] : 0.0f;
      }
#pragma unroll
      for (int r = 0; r < kRowsPerWarp; ++r) {
        if (!active[r]) continue;
        const float p = __shfl_sync(kFullWarpMask, weight[r], j);
#pragma unroll
        for (int i = 0; i < kDimsPerLane; ++i) acc[r][i] += p * v[i];
      }
    }
  }

#pragma unroll
  for (int r = 0; r < kRowsPerWarp; ++r) {
    if (!active[r]) continue;
    const int row = warp + r * kWarps;
    const int query = row / headsPerBlock;
    const int head = firstHead + row % headsPerBlock;
    const float inverse = 1.0f / runningSum[r];
    __nv_bfloat16* y = a.out + (firstRow + query) * a.outStride + head * headDim;
#pragma unroll
    for (int i = 0; i < kDimsPerLane; ++i) {
      const int d = lane + i * kWarpSize;
      if (d < headDim) y[d] = __float2bfloat16(acc[r][i] * inverse);
    }
  }
}

template <int kDimsPerLane>
void launchWith(const PagedAttentionArgs& args, cudaStream_t stream) {
  const int headsPerBlock = headsPerBlockFor(args.qHeads, args.kvHeads);
  const int queriesPerTile = kRows / headsPerBlock;
  const std::size_t sharedBytes = sharedBytesFor(args.headDim);
  // Opt in once to the largest shared memory this instantiation can need (beyond the 48 KiB default);
  // done before any graph capture since the first launch always runs outside one.
  static const cudaError_t optIn =
      cudaFuncSetAttribute(pagedAttentionKernel<kDimsPerLane>, cudaFuncAttributeMaxDynamicSharedMemorySize,
                           static_cast<int>(sharedBytesFor(kDimsPerLane * kWarpSize)));
  checkCuda(optIn, "paged attention: shared memory size");
  const dim3 grid(static_cast<unsigned>(args.tiles), static_cast<unsigned>(args.qHeads / headsPerBlock));
  pagedAttentionKernel<kDimsPerLane><<<grid, kThreads, sharedBytes, stream>>>(args, headsPerBlock, queriesPerTile);
  checkLaunch("pagedAttentionKernel");
}

}  // namespace

int pagedAttentionQueriesPerTile(int qHeads, int kvHeads) {
  if (kvHeads <= 0 || qHeads % kvHeads != 0) return 1;
  return kRows / headsPerBlockFor(qHeads, kvHeads);
}

void launchPagedAttention(const PagedAttentionArgs& args, cudaStream_t stream) {
  if (args.headDim <= 0 || args.headDim % kValuesPerLoad != 0 || args.headDim > kMaxHeadDim) {
    throw std::invalid_argument("paged attention: head dimension must be a multiple of 8 up to 256, got " +
                                std::to_string(args.headDim));
  }
  if (args.kvHeads <= 0 || args.qHeads <= 0 || args.qHeads % args.kvHeads != 0) {
    throw std::invalid_argument("paged attention: query heads (" + std::to_string(args.qHeads) +
                                ") must be a multiple of KV heads (" + std::to_string(args.kvHeads) + ")");
  }
  if (args.blockTokens <= 0) throw std::invalid_argument("paged attention: block size must be > 0");
  if (args.tiles <= 0) return;
  if (args.headDim <= 32) {
    launchWith<1>(args, stream);
  } else if (args.headDim <= 64) {
    launchWith<2>(args, stream);
  } else if (args.headDim <= 128) {
    launchWith<4>(args, stream);
  } else {
    launchWith<8>(args, stream);
  }
}

}  // namespace headroom::engine::gpu
