#include "serve/fleet/mode_hardware.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "engine/exec/modeled/hardware_profile.h"
#include "engine/exec/modeled/model_shape.h"

namespace headroom::serve {

namespace {

constexpr std::string_view kForm = "MODE=MODEL@HARDWARE or MODE=MODEL@HARDWARExTP (e.g. gpu=llama-3.1-8b@h100-sxm)";

[[noreturn]] void refuse(std::string_view text, const std::string& why) {
  throw std::invalid_argument("--mode-map \"" + std::string(text) + "\": " + why);
}

}  // namespace

ModeHardware parseModeHardware(std::string_view text) {
  const std::size_t equals = text.find('=');
  const std::size_t at = text.find('@', equals == std::string_view::npos ? 0 : equals);
  if (equals == std::string_view::npos || at == std::string_view::npos || equals == 0 || at == equals + 1 ||
      at + 1 == text.size()) {
    refuse(text, "must be " + std::string(kForm));
  }
  ModeHardware mapped;
  mapped.mode = std::string(text.substr(0, equals));
  mapped.model = std::string(text.substr(equals + 1, at - equals - 1));
  std::string_view hardware = text.substr(at + 1);
  std::int32_t degree = 0;
  const std::size_t x = hardware.rfind('x');
  if (x != std::string_view::npos && x > 0 && x + 1 < hardware.size()) {
    const std::string_view digits = hardware.substr(x + 1);
    if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), degree);
      if (error != std::errc() || degree < 1 || degree > 64) refuse(text, "the tensor-parallel degree must be in [1, 64]");
      hardware = hardware.substr(0, x);
    }
  }
  mapped.hardware = std::string(hardware);
  try {
    const engine::ModelShape model = engine::loadModelShape(mapped.model);
    (void)engine::loadHardwareProfile(mapped.hardware);
    mapped.tensorParallel = degree > 0 ? degree : model.defaultTensorParallel;
    engine::checkTensorParallel(model, mapped.tensorParallel);
  } catch (const std::exception& error) {
    refuse(text, error.what());
  }
  return mapped;
}

std::string toString(const ModeHardware& mapped) {
  return mapped.mode + "=" + mapped.model + "@" + mapped.hardware + "x" + std::to_string(mapped.tensorParallel);
}

const ModeHardware* findModeHardware(const std::vector<ModeHardware>& mapped, std::string_view mode) {
  const auto it = std::find_if(mapped.begin(), mapped.end(), [&](const ModeHardware& each) { return each.mode == mode; });
  return it == mapped.end() ? nullptr : &*it;
}

}  // namespace headroom::serve
