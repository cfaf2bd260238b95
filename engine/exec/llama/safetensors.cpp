#include "engine/exec/llama/safetensors.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>

namespace headroom::engine {

namespace {

constexpr const char* kIndexName = "model.safetensors.index.json";
constexpr const char* kSingleName = "model.safetensors";

std::string shapeText(std::span<const std::int64_t> shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

std::uint64_t dtypeBytes(SafetensorsDtype dtype) { return dtype == SafetensorsDtype::F32 ? 4 : 2; }

std::uint64_t fileSize(const std::filesystem::path& file) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error) throw std::runtime_error("safetensors: " + file.string() + " cannot be read: " + error.message());
  return size;
}

}  // namespace

float bfloat16ToFloat(std::uint16_t bits) { return std::bit_cast<float>(static_cast<std::uint32_t>(bits) << 16); }

float halfToFloat(std::uint16_t bits) {
  const std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000u) << 16;
  std::uint32_t exponent = (bits >> 10) & 0x1Fu;
  std::uint32_t mantissa = bits & 0x3FFu;
  std::uint32_t out;
  if (exponent == 0x1F) {
    out = sign | 0x7F800000u | (mantissa << 13);
  } else if (exponent != 0) {
    out = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else if (mantissa == 0) {
    out = sign;
  } else {
    // Subnormal half: normalise it.
    exponent = 113;
    while ((mantissa & 0x400u) == 0) {
      mantissa <<= 1;
      --exponent;
    }
    out = sign | (exponent << 23) | ((mantissa & 0x3FFu) << 13);
  }
  return std::bit_cast<float>(out);
}

SafetensorsReader::SafetensorsReader(const std::filesystem::path& path) : path_(path) {
  std::error_code error;
  std::filesystem::path target = path;
  if (std::filesystem::is_directory(path, error)) {
    if (std::filesystem::exists(path / kIndexName)) {
      target = path / kIndexName;
    } else if (std::filesystem::exists(path / kSingleName)) {
      target = path / kSingleName;
    } else {
      throw std::runtime_error("safetensors: folder " + path.string() + " holds neither " + kIndexName + " nor " +
                               kSingleName);
    }
  } else if (!std::filesystem::exists(path, error)) {
    throw std::runtime_error("safetensors: " + path.string() + " does not exist");
  }
  if (target.filename().string().ends_with(".index.json")) {
    std::ifstream in(target);
    if (!in) throw std::runtime_error("safetensors: " + target.string() + " cannot be read");
    nlohmann::json index;
    try {
      index = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& parseError) {
      throw std::runtime_error("safetensors: " + target.string() + " is not valid JSON: " + parseError.what());
    }
    if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object()) {
      throw std::runtime_error("safetensors: " + target.string() + " has no 'weight_map' object");
    }
    std::map<std::string, std::vector<std::string>> byShard;
    for (const auto& [name, shard] : index["weight_map"].items()) {
      if (!shard.is_string()) {
        throw std::runtime_error("safetensors: " + target.string() + ": weight_map entry '" + name +
                                 "' must name a shard file");
      }
      byShard[shard.get<std::string>()].push_back(name);
    }
    for (const auto& [shard, names] : byShard) {
      readHeader(target.parent_path() / shard, &names);
    }
  } else {
    readHeader(target, nullptr);
  }
}

void SafetensorsReader::readHeader(const std::filesystem::path& file, const std::vector<std::string>* only) {
  const std::uint64_t size = fileSize(file);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("safetensors: " + file.string() + " cannot be read");
  const auto fail = [&](const std::string& problem) {
    throw std::runtime_error("safetensors: " + file.string() + ": " + problem);
  };
  unsigned char lengthBytes[8];
  if (size < 8 || !in.read(reinterpret_cast<char*>(lengthBytes), 8)) fail("truncated: no header length");
  std::uint64_t headerBytes = 0;
  for (int i = 7; i >= 0; --i) headerBytes = (headerBytes << 8) | lengthBytes[i];
  if (headerBytes > size - 8) {
    fail("truncated: the header says " + std::to_string(headerBytes) + " bytes but the file has " +
         std::to_string(size - 8) + " after the length");
  }
  std::string headerText(headerBytes, '\0');
  in.read(headerText.data(), static_cast<std::streamsize>(headerBytes));
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(headerText);
  } catch (const nlohmann::json::exception& error) {
    fail(std::string("the header is not valid JSON: ") + error.what());
  }
  if (!header.is_object()) fail("the header is not a JSON object");
  const std::uint64_t dataStart = 8 + headerBytes;
  for (const auto& [name, entry] : header.items()) {
    if (name == "__metadata__") continue;
    if (only && std::find(only->begin(), only->end(), name) == only->end()) continue;
    const std::string& tensorName = name;  // Clang 14 (Debian 12) cannot capture a structured binding
    const auto tensorFail = [&](const std::string& problem) { fail("tensor '" + tensorName + "': " + problem); };
    if (!entry.is_object() || !entry.contains("dtype") || !entry.contains("shape") || !entry.contains("data_offsets")) {
      tensorFail("needs dtype, shape and data_offsets");
    }
    SafetensorsTensor tensor;
    tensor.file = file;
    const std::string dtype = entry["dtype"].is_string() ? entry["dtype"].get<std::string>() : entry["dtype"].dump();
    if (dtype == "F32") {
      tensor.dtype = SafetensorsDtype::F32;
    } else if (dtype == "F16") {
      tensor.dtype = SafetensorsDtype::F16;
    } else if (dtype == "BF16") {
      tensor.dtype = SafetensorsDtype::BF16;
    } else {
      tensorFail("dtype " + dtype + " is not supported (allowed: F32, F16, BF16)");
    }
    std::uint64_t elements = 1;
    for (const auto& dim : entry["shape"]) {
      if (!dim.is_number_integer() || dim.get<std::int64_t>() < 0) tensorFail("bad shape " + entry["shape"].dump());
      tensor.shape.push_back(dim.get<std::int64_t>());
      elements *= static_cast<std::uint64_t>(dim.get<std::int64_t>());
    }
    const auto& offsets = entry["data_offsets"];
    if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() ||
        !offsets[1].is_number_unsigned() || offsets[1].get<std::uint64_t>() < offsets[0].get<std::uint64_t>()) {
      tensorFail("bad data_offsets " + offsets.dump());
    }
    const std::uint64_t begin = offsets[0].get<std::uint64_t>();
    const std::uint64_t end = offsets[1].get<std::uint64_t>();
    if (end - begin != elements * dtypeBytes(tensor.dtype)) {
      tensorFail("data_offsets span " + std::to_string(end - begin) + " bytes but shape " + entry["shape"].dump() +
                 " of " + dtype + " needs " + std::to_string(elements * dtypeBytes(tensor.dtype)));
    }
    if (dataStart + end > size) {
      tensorFail("truncated: its data ends at byte " + std::to_string(dataStart + end) + " but the file has " +
                 std::to_string(size));
    }
    tensor.offset = dataStart + begin;
    tensor.bytes = end - begin;
    tensors_[name] = std::move(tensor);
  }
  if (only) {
    for (const std::string& name : *only) {
      if (!tensors_.contains(name)) {
        fail("tensor '" + name + "' is listed in the index but not in this shard");
      }
    }
  }
}

const SafetensorsTensor& SafetensorsReader::tensor(const std::string& name) const {
  const auto it = tensors_.find(name);
  if (it == tensors_.end()) {
    throw std::runtime_error("safetensors: " + path_.string() + ": tensor '" + name + "' is missing");
  }
  return it->second;
}

std::vector<std::string> SafetensorsReader::names() const {
  std::vector<std::string> names;
  for (const auto& [name, tensor] : tensors_) names.push_back(name);
  return names;
}

std::vector<float> SafetensorsReader::readFloat32(const std::string& name,
                                                  std::span<const std::int64_t> expectedShape) const {
  const SafetensorsTensor& info = tensor(name);
  if (!std::equal(info.shape.begin(), info.shape.end(), expectedShape.begin(), expectedShape.end())) {
    throw std::runtime_error("safetensors: " + info.file.string() + ": tensor '" + name + "' has shape " +
                             shapeText(info.shape) + ", expected " + shapeText(expectedShape));
  }
  std::ifstream in(info.file, std::ios::binary);
  std::vector<char> raw(info.bytes);
  if (!in.seekg(static_cast<std::streamoff>(info.offset)) ||
      !in.read(raw.data(), static_cast<std::streamsize>(info.bytes))) {
    throw std::runtime_error("safetensors: " + info.file.string() + ": tensor '" + name +
                             "': the file ends before its data does (truncated)");
  }
  const std::uint64_t count = info.bytes / dtypeBytes(info.dtype);
  std::vector<float> values(count);
  if (info.dtype == SafetensorsDtype::F32) {
    std::memcpy(values.data(), raw.data(), info.bytes);
    return values;
  }
  for (std::uint64_t i = 0; i < count; ++i) {
    const auto lo = static_cast<unsigned char>(raw[2 * i]);
    const auto hi = static_cast<unsigned char>(raw[2 * i + 1]);
    const auto bits = static_cast<std::uint16_t>(lo | (hi << 8));
    values[i] = info.dtype == SafetensorsDtype::BF16 ? bfloat16ToFloat(bits) : halfToFloat(bits);
  }
  return values;
}

}  // namespace headroom::engine
