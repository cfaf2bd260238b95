#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/exec/modeled/iteration_time_fit.h"

namespace headroom::engine {

// A measured iteration-time profile as `headroom-cli profile` writes it and resources/profiles/*.json
// ship it: where and when it was measured, every measured point, and the fitted predictor with its
// error. A plain value.
struct MeasuredProfile {
  std::string executor;  // "cpu", "cuda"
  std::string model;     // model shape name
  std::string weights;   // "random" or the checkpoint measured
  std::string machine;   // CPU or GPU model and core count
  std::string date;      // YYYY-MM-DD
  std::string timing = "wall";  // what was measured: "wall" (the executor's duration) or "thread-cpu"
  std::string command;   // the command line that reproduces it
  IterationTimeFit fit;
  std::vector<ProfilePoint> points;
};

nlohmann::json toJson(const MeasuredProfile& profile);

// Parses a profile; throws InputError naming `origin` (a file), the bad field's pointer and what it allows.
MeasuredProfile measuredProfileFromJson(const nlohmann::json& json, const std::string& origin);

// Reads a profile file. Same errors, plus one for a file that cannot be read.
MeasuredProfile readMeasuredProfile(const std::filesystem::path& file);

// Reads resources/profiles/<name>.json; an unknown name lists the available profiles.
MeasuredProfile loadMeasuredProfile(std::string_view name);

}  // namespace headroom::engine
