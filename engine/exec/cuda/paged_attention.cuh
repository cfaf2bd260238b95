#pragma once

#include <cuda_bf16.h>
#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// Attention of one iteration's mixed batch over the paged KV cache (layout in kv_append.cuh), after
// this iteration's K and V were appended. Sequence s has newTokens[s] query tokens at rows
// firstToken[s] ... of `q` and `out`, at positions context[s] + i; query i attends causally to the keys
// at positions 0 .. context[s] + i, found through its block table (blockTableStride ids per sequence).
// A decode is a sequence with one new token. Grouped-query attention: query head h reads KV head
// h / (qHeads / kvHeads). Softmax of scale * q.k, fp32 throughout, online over chunks of keys.
//
// The work is cut into tiles of up to pagedAttentionQueriesPerTile() consecutive queries of one
// sequence; tile t covers queries tileFirstQuery[t] ... of sequence tileSequence[t]. A tile whose
// first query is past its sequence's new tokens does nothing (padding). Requirements: headDim a
// multiple of 8 and at most 256; qHeads a multiple of kvHeads.
struct PagedAttentionArgs {
  const __nv_bfloat16* q = nullptr;  // row r: qHeads * headDim values
  int qStride = 0;                   // values between rows of q
  const __nv_bfloat16* kCache = nullptr;
  const __nv_bfloat16* vCache = nullptr;
  __nv_bfloat16* out = nullptr;  // row r: qHeads * headDim values
  int outStride = 0;
  const int* tileSequence = nullptr;
  const int* tileFirstQuery = nullptr;
  int tiles = 0;
  const int* firstToken = nullptr;  // per sequence
  const int* newTokens = nullptr;
  const int* context = nullptr;
  const int* blockTables = nullptr;
  int blockTableStride = 0;
  int qHeads = 0;
  int kvHeads = 0;
  int headDim = 0;
  int blockTokens = 0;
  float scale = 0.0f;  // usually 1 / sqrt(headDim)
};

// How many consecutive queries of one sequence a tile holds for this head layout (>= 1).
int pagedAttentionQueriesPerTile(int qHeads, int kvHeads);

// Throws std::invalid_argument when the layout is unsupported; otherwise launches asynchronously.
void launchPagedAttention(const PagedAttentionArgs& args, cudaStream_t stream);

}  // namespace headroom::engine::gpu
