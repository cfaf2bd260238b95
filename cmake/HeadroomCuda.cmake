# Resolves HEADROOM_WITH_CUDA (AUTO/ON/OFF) into HEADROOM_CUDA_ENABLED. When enabled, the CUDA language
# and toolkit are set up here, at the top level, so every target that links headroom::cuda can link it.
include(CheckLanguage)
set(HEADROOM_CUDA_ENABLED OFF)
if(NOT HEADROOM_WITH_CUDA STREQUAL "OFF")
  if(NOT CMAKE_CUDA_COMPILER AND EXISTS "/usr/local/cuda/bin/nvcc")
    set(CMAKE_CUDA_COMPILER "/usr/local/cuda/bin/nvcc")
  endif()
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    set(HEADROOM_CUDA_ENABLED ON)
  elseif(HEADROOM_WITH_CUDA STREQUAL "ON")
    message(FATAL_ERROR "HEADROOM_WITH_CUDA=ON but no CUDA compiler (nvcc) was found.")
  endif()
endif()

if(HEADROOM_CUDA_ENABLED)
  # A100 (sm_80) and H100/H200 (sm_90); override with -DCMAKE_CUDA_ARCHITECTURES=...
  if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
    set(CMAKE_CUDA_ARCHITECTURES 80 90)
  endif()
  enable_language(CUDA)
  find_package(CUDAToolkit REQUIRED)
endif()
