#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace headroom::engine {

// Element types the reader converts to fp32.
enum class SafetensorsDtype : std::uint8_t { F32, F16, BF16 };

// Where one tensor lives: its file, type, shape and byte range within the file.
struct SafetensorsTensor {
  std::filesystem::path file;
  SafetensorsDtype dtype = SafetensorsDtype::F32;
  std::vector<std::int64_t> shape;
  std::uint64_t offset = 0;  // from the start of the file
  std::uint64_t bytes = 0;
};

// Reads tensors from a safetensors checkpoint: one .safetensors file, a sharded checkpoint's
// model.safetensors.index.json, or a folder holding either. The headers are read and checked up front
// (JSON, dtypes, byte ranges within each file); tensor data is read on demand. Every error names the
// file and, where there is one, the tensor. Read-only after construction: safe to share between threads
// (each read opens its own stream).
class SafetensorsReader {
 public:
  // Throws std::runtime_error on a missing, unreadable, truncated or malformed file or an unsupported
  // dtype (supported: F32, F16, BF16).
  explicit SafetensorsReader(const std::filesystem::path& path);

  bool contains(const std::string& name) const { return tensors_.contains(name); }
  // Throws std::runtime_error naming the checkpoint and the missing tensor.
  const SafetensorsTensor& tensor(const std::string& name) const;
  std::vector<std::string> names() const;

  // The tensor converted to fp32, row-major. Throws std::runtime_error when it is missing, its shape
  // is not `expectedShape`, or the file ends before its data does.
  std::vector<float> readFloat32(const std::string& name, std::span<const std::int64_t> expectedShape) const;

  const std::filesystem::path& path() const { return path_; }

 private:
  void readHeader(const std::filesystem::path& file, const std::vector<std::string>* only);

  std::filesystem::path path_;
  std::map<std::string, SafetensorsTensor> tensors_;
};

// IEEE half and bfloat16 bit patterns to fp32.
float halfToFloat(std::uint16_t bits);
float bfloat16ToFloat(std::uint16_t bits);

}  // namespace headroom::engine
