#pragma once

#include <cublasLt.h>
#include <cuda_runtime.h>

namespace headroom::engine::gpu {

// Throws std::runtime_error("<what>: <CUDA error name>: <description>") unless `status` is success.
void checkCuda(cudaError_t status, const char* what);
// The same for cuBLAS / cuBLASLt status codes.
void checkCublas(cublasStatus_t status, const char* what);
// Throws if the last kernel launch on this thread failed (bad configuration, missing device code).
void checkLaunch(const char* kernel);

}  // namespace headroom::engine::gpu
