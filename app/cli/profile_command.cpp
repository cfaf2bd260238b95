#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include <spdlog/fmt/fmt.h>

#include "app/cli/commands.h"
#include "app/cli/output_file.h"
#include "engine/exec/executor_factory.h"
#include "engine/exec/modeled/measured_profile.h"
#include "engine/exec/profile_sweep.h"

namespace headroom::cli {

namespace {

std::string cpuName() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  }
  return "unknown CPU";
}

std::string machineName(const std::string& executor) {
  const std::string host = fmt::format("{} ({} hardware threads)", cpuName(), std::thread::hardware_concurrency());
  return executor == "cpu" ? host + ", 1 thread used" : "GPU host: " + host;
}

std::string today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date{days};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::string commandLine(const ProfileArgs& args) {
  std::string line = "headroom-cli profile --executor " + args.executor + " --model " + args.model;
  if (args.weights != "random") line += " --weights " + args.weights;
  if (args.timing != "wall") line += " --timing " + args.timing;
  line += fmt::format(" --repeats {} --max-context {} --max-prefill {} --max-decodes {}", args.repeats,
                      args.maxContext, args.maxPrefill, args.maxDecodes);
  return line;
}

}  // namespace

int runProfile(const ProfileArgs& args) {
  engine::ExecutorSpec spec;
  spec.kind = args.executor == "cuda" ? engine::ExecutorKind::Cuda : engine::ExecutorKind::Cpu;
  spec.model = args.model;
  spec.weights = args.weights;
  spec.weightsSeed = args.seed;
  const auto executor = engine::makeExecutor(spec);

  engine::ProfileSweepOptions options;
  options.repeats = args.repeats;
  options.warmup = args.warmup;
  options.maxContext = args.maxContext;
  options.maxPrefill = args.maxPrefill;
  options.maxDecodes = args.maxDecodes;
  options.heldOutShare = args.heldOutShare;
  options.seed = args.seed;
  if (args.timing == "thread-cpu") {
    if (args.executor != "cpu") {
      throw CLI::ValidationError("--timing", "thread-cpu measures the CPU executor only; use wall for " + args.executor);
    }
    options.timing = engine::ProfileTiming::ThreadCpu;
  }
  const auto progress = [&](const engine::ProfilePoint& point, std::size_t index, std::size_t total) {
    if (!args.progress) return;
    std::cerr << fmt::format("[{}/{}] prefill {} (+{} cached) decodes {} ({} KV tokens): {:.3f} ms\n", index + 1, total,
                             point.shape.prefillTokens, point.shape.prefillKvTokens - point.shape.prefillTokens,
                             point.shape.decodeTokens, point.shape.decodeKvTokens,
                             static_cast<double>(point.measured.count()) / 1000.0);
  };

  engine::MeasuredProfile profile;
  profile.executor = args.executor;
  profile.model = args.model;
  profile.weights = args.weights;
  profile.machine = machineName(args.executor);
  profile.date = today();
  profile.timing = args.timing;
  profile.command = commandLine(args);
  profile.points = engine::measureIterationTimes(*executor, options, progress);
  profile.fit = engine::fitIterationTime(profile.points);

  const bool jsonToStdout = args.outPath == "-";
  if (!args.outPath.empty()) writeOutput(args.outPath, engine::toJson(profile).dump(2) + "\n");
  if (!jsonToStdout) {
    std::ostream& out = std::cout;
    out << fmt::format("{} on {} ({}), {}, {} time\n", args.model, args.executor, profile.machine, profile.date,
                       args.timing);
    out << fmt::format("{:>8} {:>9} {:>8} {:>10} {:>12} {:>12} {:>7}\n", "prefill", "p.cached", "decodes",
                       "decode KV", "measured ms", "predicted ms", "error");
    for (const engine::ProfilePoint& point : profile.points) {
      if (!point.heldOut) continue;
      const double measured = static_cast<double>(point.measured.count()) / 1000.0;
      const double predicted = std::max(1.0, engine::predictUs(profile.fit.coefficientsUs, point.shape)) / 1000.0;
      out << fmt::format("{:>8} {:>9} {:>8} {:>10} {:>12.3f} {:>12.3f} {:>6.1f}%\n", point.shape.prefillTokens,
                         point.shape.prefillKvTokens - point.shape.prefillTokens, point.shape.decodeTokens,
                         point.shape.decodeKvTokens, measured, predicted, 100.0 * (predicted - measured) / measured);
    }
    out << "coefficients (us):";
    for (std::size_t i = 0; i < engine::kProfileFeatureCount; ++i) {
      out << fmt::format(" {} {:.4g}", engine::kProfileFeatureNames[i], profile.fit.coefficientsUs[i]);
    }
    out << "\n";
    out << fmt::format("fit MAPE {:.1f}% on {} points; held-out MAPE {:.1f}% on {} points\n",
                       100.0 * profile.fit.fitMape, profile.fit.fitPoints, 100.0 * profile.fit.heldOutMape,
                       profile.fit.heldOutPoints);
  }
  return 0;
}

}  // namespace headroom::cli
