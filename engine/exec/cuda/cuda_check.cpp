#include "engine/exec/cuda/cuda_check.h"

#include <stdexcept>
#include <string>

namespace headroom::engine::gpu {

void checkCuda(cudaError_t status, const char* what) {
  if (status == cudaSuccess) return;
  throw std::runtime_error(std::string(what) + ": " + cudaGetErrorName(status) + ": " +
                           cudaGetErrorString(status));
}

void checkCublas(cublasStatus_t status, const char* what) {
  if (status == CUBLAS_STATUS_SUCCESS) return;
  throw std::runtime_error(std::string(what) + ": cuBLAS status " + std::to_string(static_cast<int>(status)) + " (" +
                           cublasLtGetStatusString(status) + ")");
}

void checkLaunch(const char* kernel) { checkCuda(cudaGetLastError(), kernel); }

}  // namespace headroom::engine::gpu
