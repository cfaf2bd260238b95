#include "engine/exec/cuda/lt_gemm.h"

#include <stdexcept>
#include <string>

#include "engine/exec/cuda/cuda_check.h"

namespace headroom::engine::gpu {

LtGemm::LtGemm(std::size_t workspaceBytes) : workspaceBytes_(workspaceBytes) {
  checkCublas(cublasLtCreate(&handle_), "cublasLtCreate");
  if (workspaceBytes_ > 0) {
    const cudaError_t status = cudaMalloc(&workspace_, workspaceBytes_);
    if (status != cudaSuccess) {
      cublasLtDestroy(handle_);
      checkCuda(status, "GEMM workspace");
    }
  }
}

LtGemm::~LtGemm() {
  for (auto& entry : plans_) {
    Plan& plan = entry.second;
    cublasLtMatrixLayoutDestroy(plan.yLayout);
    cublasLtMatrixLayoutDestroy(plan.xLayout);
    cublasLtMatrixLayoutDestroy(plan.wLayout);
    cublasLtMatmulDescDestroy(plan.operation);
  }
  if (workspace_ != nullptr) cudaFree(workspace_);
  if (handle_ != nullptr) cublasLtDestroy(handle_);
}

// cuBLASLt is column-major. Row-major y[m][n] is column-major y^T (n x m), and y^T = w * x^T where
// the stored w (row-major [n][k]) reads as column-major k x n (so it enters transposed) and the
// stored x (row-major [m][k]) reads as column-major k x m (entering as is).
const LtGemm::Plan& LtGemm::planFor(int m, int n, int k, GemmOut out) {
  const auto key = std::make_tuple(m, n, k, out);
  if (auto found = plans_.find(key); found != plans_.end()) return found->second;

  Plan plan;
  const cudaDataType_t outType = out == GemmOut::Bf16 ? CUDA_R_16BF : CUDA_R_32F;
  checkCublas(cublasLtMatmulDescCreate(&plan.operation, CUBLAS_COMPUTE_32F, CUDA_R_32F), "GEMM descriptor");
  const cublasOperation_t transposed = CUBLAS_OP_T;
  const cublasOperation_t plain = CUBLAS_OP_N;
  checkCublas(cublasLtMatmulDescSetAttribute(plan.operation, CUBLASLT_MATMUL_DESC_TRANSA, &transposed,
                                             sizeof(transposed)),
              "GEMM transpose A");
  checkCublas(cublasLtMatmulDescSetAttribute(plan.operation, CUBLASLT_MATMUL_DESC_TRANSB, &plain, sizeof(plain)),
              "GEMM transpose B");
  checkCublas(cublasLtMatrixLayoutCreate(&plan.wLayout, CUDA_R_16BF, k, n, k), "GEMM layout w");
  checkCublas(cublasLtMatrixLayoutCreate(&plan.xLayout, CUDA_R_16BF, k, m, k), "GEMM layout x");
  checkCublas(cublasLtMatrixLayoutCreate(&plan.yLayout, outType, n, m, n), "GEMM layout y");

  cublasLtMatmulPreference_t preference = nullptr;
  checkCublas(cublasLtMatmulPreferenceCreate(&preference), "GEMM preference");
  checkCublas(cublasLtMatmulPreferenceSetAttribute(preference, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES,
                                                   &workspaceBytes_, sizeof(workspaceBytes_)),
              "GEMM workspace preference");
  cublasLtMatmulHeuristicResult_t result{};
  int found = 0;
  const cublasStatus_t status =
      cublasLtMatmulAlgoGetHeuristic(handle_, plan.operation, plan.wLayout, plan.xLayout, plan.yLayout,
                                     plan.yLayout, preference, 1, &result, &found);
  cublasLtMatmulPreferenceDestroy(preference);
  if (status != CUBLAS_STATUS_SUCCESS || found == 0) {
    cublasLtMatrixLayoutDestroy(plan.yLayout);
    cublasLtMatrixLayoutDestroy(plan.xLayout);
    cublasLtMatrixLayoutDestroy(plan.wLayout);
    cublasLtMatmulDescDestroy(plan.operation);
    throw std::runtime_error("cuBLASLt has no algorithm for a bf16 GEMM of m=" + std::to_string(m) +
                             " n=" + std::to_string(n) + " k=" + std::to_string(k));
  }
  plan.algo = result.algo;
  return plans_.emplace(key, plan).first->second;
}

void LtGemm::run(const __nv_bfloat16* x, const __nv_bfloat16* w, void* y, GemmOut out, int m, int n, int k,
                 cudaStream_t stream) {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const Plan& plan = planFor(m, n, k, out);
  const float alpha = 1.0f;
  const float beta = 0.0f;
  checkCublas(cublasLtMatmul(handle_, plan.operation, &alpha, w, plan.wLayout, x, plan.xLayout, &beta, y,
                             plan.yLayout, y, plan.yLayout, &plan.algo, workspace_, workspaceBytes_, stream),
              "cublasLtMatmul");
}

}  // namespace headroom::engine::gpu
