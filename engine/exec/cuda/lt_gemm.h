#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <tuple>

#include <cublasLt.h>
#include <cuda_bf16.h>
#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// The output element type of a GEMM.
enum class GemmOut : std::uint8_t { Bf16, Fp32 };

// bf16 GEMMs through cuBLASLt with fp32 accumulation, for the linear layers:
//   y[m][n] = sum_k x[m][k] * w[n][k]        (x row-major [m][k]; w row-major [n][k], the Hugging Face
//                                             [out][in] layout; y row-major [m][n])
// One algorithm per (m, n, k, output type) is chosen by cuBLASLt's heuristic on first use and cached.
// Uses its own workspace, so the calls can be captured into a CUDA graph. Not thread-safe: one per
// stream owner. Pointers must be 16-byte aligned.
class LtGemm {
 public:
  explicit LtGemm(std::size_t workspaceBytes = std::size_t{32} << 20);
  ~LtGemm();
  LtGemm(const LtGemm&) = delete;
  LtGemm& operator=(const LtGemm&) = delete;

  // Throws std::runtime_error when cuBLASLt rejects the problem.
  void run(const __nv_bfloat16* x, const __nv_bfloat16* w, void* y, GemmOut out, int m, int n, int k,
           cudaStream_t stream);

 private:
  struct Plan {
    cublasLtMatmulDesc_t operation = nullptr;
    cublasLtMatrixLayout_t wLayout = nullptr;
    cublasLtMatrixLayout_t xLayout = nullptr;
    cublasLtMatrixLayout_t yLayout = nullptr;
    cublasLtMatmulAlgo_t algo{};
  };
  const Plan& planFor(int m, int n, int k, GemmOut out);

  cublasLtHandle_t handle_ = nullptr;
  void* workspace_ = nullptr;
  std::size_t workspaceBytes_ = 0;
  std::map<std::tuple<int, int, int, GemmOut>, Plan> plans_;
};

}  // namespace headroom::engine::gpu
