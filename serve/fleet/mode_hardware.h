#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace headroom::serve {

// Where a plan's mode runs: a model (resources/models/<model>.json) on a hardware kind
// (resources/hardware/<hardware>.json) across `tensorParallel` GPUs of one node. A plain value.
struct ModeHardware {
  std::string mode;
  std::string model;
  std::string hardware;
  std::int32_t tensorParallel = 1;
};

// Reads one `--mode-map` value, "MODE=MODEL@HARDWARE" or "MODE=MODEL@HARDWARExTP" (e.g.
// "gpu=llama-3.1-70b@h100-sxmx4"). Without xTP the model's default tensor-parallel degree applies. The
// model and hardware must name resource files and the degree must split the model evenly. Throws
// std::invalid_argument naming the value and what is allowed.
ModeHardware parseModeHardware(std::string_view text);

// The mapping as a `--mode-map` value with its degree stated, "MODE=MODEL@HARDWARExTP": what
// parseModeHardware reads back as the same mapping.
std::string toString(const ModeHardware& mapped);

// The mapping of `mode` among `mapped`; nullptr when none.
const ModeHardware* findModeHardware(const std::vector<ModeHardware>& mapped, std::string_view mode);

}  // namespace headroom::serve
