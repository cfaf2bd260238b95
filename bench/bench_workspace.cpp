// Workspace write cost: what recording a run costs per second of replay. An 8-class replay of the demo
// setup runs second by second; after each second the windows closed since the last save and the totals
// are appended to a workspace (what RunRecorder does about once a wall second). Only appendSamples is
// timed. Prints a table; see docs/PERFORMANCE.md.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <span>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/fmt.h>

#include "engine/sim/simulation.h"
#include "engine/store/workspace.h"

using namespace headroom::engine;

namespace {

// The demo's three classes widened to `classes` by repeating them with their rates shared out.
Scenario widened(std::size_t classes, double durationS) {
  Scenario demo = loadScenario(std::filesystem::path(HEADROOM_SOURCE_RESOURCE_DIR) / "scenarios/demo.json");
  Scenario scenario = demo;
  scenario.name = "bench-workspace";
  scenario.durationS = durationS;
  scenario.classes.clear();
  for (std::size_t i = 0; i < classes; ++i) {
    ClassSpec spec = demo.classes[i % demo.classes.size()];
    spec.qos.name += "-" + std::to_string(i);
    spec.qos.rank = static_cast<int>(i);
    spec.arrival.ratePerS *= static_cast<double>(demo.classes.size()) / static_cast<double>(classes);
    scenario.classes.push_back(spec);
  }
  return scenario;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Time Workspace::appendSamples per second of an N-class replay"};
  std::size_t classes = 8;
  double durationS = 600.0;
  std::filesystem::path file = std::filesystem::temp_directory_path() / "bench-workspace.headroom";
  app.add_option("--classes", classes, "number of classes")->check(CLI::Range(1, 64));
  app.add_option("--seconds", durationS, "virtual seconds to replay")->check(CLI::PositiveNumber);
  app.add_option("--file", file, "workspace file to write (replaced)");
  CLI11_PARSE(app, argc, argv);

  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  const Scenario scenario = widened(classes, durationS);
  Workspace workspace = Workspace::create(file);
  const RunId run = workspace.beginRun("bench", scenario, std::nullopt);
  Simulation simulation(scenario, ReplayOptions{});

  std::vector<double> millis;
  TimePoint savedUntil = kTimeZero;
  std::size_t windows = 0;
  for (int second = 1; second <= static_cast<int>(durationS); ++second) {
    simulation.runUntil(timeFromSeconds(second));
    const auto snapshot = simulation.snapshot();
    const MetricsSeries& series = *snapshot->series;
    const auto first = std::partition_point(series.begin(), series.end(),
                                            [&](const SeriesWindow& w) { return w.start < savedUntil; });
    const std::span<const SeriesWindow> fresh(first, series.end());
    const auto start = std::chrono::steady_clock::now();
    workspace.appendSamples(run, fresh, *snapshot);
    millis.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!fresh.empty()) savedUntil = fresh.back().end;
    windows += fresh.size();
  }
  workspace.finishRun(run, RunStatus::Finished);

  double sum = 0.0;
  for (double ms : millis) sum += ms;
  std::uintmax_t bytes = 0;
  for (const char* suffix : {"", "-wal"}) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file.string() + suffix, error);
    if (!error) bytes += size;
  }
  std::cout << fmt::format("{:>7} {:>6} {:>7} {:>9} {:>9} {:>9} {:>9} {:>10}\n", "classes", "saves", "windows",
                           "mean ms", "p50 ms", "p99 ms", "max ms", "file KiB");
  std::cout << fmt::format("{:>7} {:>6} {:>7} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>10.0f}\n", classes,
                           millis.size(), windows, sum / static_cast<double>(millis.size()),
                           percentile(millis, 50), percentile(millis, 99),
                           *std::max_element(millis.begin(), millis.end()), static_cast<double>(bytes) / 1024.0);
  return 0;
}
