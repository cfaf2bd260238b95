// The live dashboard's cost: the real Dashboard widget with 8 classes over a 10-minute window, fed at
// 10 frames per second, on the offscreen platform (so painting into the backing store is included).
//  1. Dashboard alone: views prepared beforehand by a replay (one per virtual second past the first
//     10 minutes) are shown in turn; CPU time of the whole process over wall time.
//  2. Dashboard beside a replay playing as fast as possible through the EngineBridge: a 5 ms timer on the
//     UI thread measures its own lateness; the longest lateness is the longest UI stall.
// Prints a table; see docs/PERFORMANCE.md.
#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "engine/sim/replay_runner.h"
#include "engine/sim/simulation.h"
#include "ui/bridge/engine_bridge.h"
#include "ui/charts/class_latency_chart.h"
#include "ui/widgets/dashboard.h"

using namespace headroom;

namespace {

constexpr int kClasses = 8;
constexpr double kWindowS = 600.0;
constexpr int kStallTimerMs = 5;

double cpuSeconds(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

engine::LengthSpec lognormal(double median, double p90, std::int32_t max) {
  engine::LengthSpec spec;
  spec.kind = engine::LengthKind::Lognormal;
  spec.median = median;
  spec.p90 = p90;
  spec.max = max;
  return spec;
}

// Eight classes (two interactive, six by deadline) on eight modeled H100 instances of Llama-3.1-8B.
engine::Scenario benchScenario(double durationS) {
  engine::Scenario scenario;
  scenario.name = "bench-dashboard";
  scenario.seed = 11;
  scenario.durationS = durationS;
  scenario.executor.kind = engine::ExecutorKind::Modeled;
  scenario.executor.model = "llama-3.1-8b";
  scenario.executor.hardware = "h100-sxm";
  scenario.pool.instances = 8;
  scenario.pool.router = engine::RouterKind::LeastLoaded;
  scenario.scheduler.policy = engine::OrderingPolicy::Hybrid;
  for (int c = 0; c < kClasses; ++c) {
    engine::ClassSpec spec;
    spec.qos.name = fmt::format("class-{}", c + 1);
    spec.qos.rank = c;
    if (c < 2) {
      spec.qos.slo.ttft = std::chrono::seconds(1 + c);
      spec.qos.slo.tbt = std::chrono::milliseconds(100);
    } else {
      spec.qos.slo.ttlt = std::chrono::seconds(30 * c);
    }
    spec.arrival.ratePerS = 2.0;
    spec.promptTokens = lognormal(400, 1500, 6000);
    spec.outputTokens = lognormal(80, 300, 1500);
    scenario.classes.push_back(spec);
  }
  return scenario;
}

struct FrameTimes {
  int frames = 0;
  double totalMs = 0.0;
  double maxMs = 0.0;
  void add(double ms) {
    ++frames;
    totalMs += ms;
    maxMs = std::max(maxMs, ms);
  }
  double meanMs() const { return frames ? totalMs / frames : 0.0; }
};

// Views one virtual second apart from kWindowS on: the charts' window is full from the first frame.
std::vector<ui::ViewPtr> prepareViews(int count) {
  engine::ReplayOptions options;
  engine::Simulation simulation(benchScenario(kWindowS + count + 60.0), options);
  simulation.runUntil(engine::timeFromSeconds(kWindowS));
  std::vector<ui::ViewPtr> views;
  for (int i = 0; i < count; ++i) {
    simulation.runUntil(engine::timeFromSeconds(kWindowS + i + 1.0));
    auto view = std::make_shared<engine::RunnerView>();
    view->state = engine::RunnerState::Playing;
    view->simulatedS = engine::toSeconds(simulation.now());
    view->durationS = simulation.durationS();
    view->progress = simulation.progress();
    view->metrics = simulation.snapshot();
    view->instances = simulation.pool().status();
    views.push_back(std::move(view));
  }
  return views;
}

int seriesPerChart(const ui::Dashboard& dashboard) {
  return dashboard.chartCount() > 0 ? static_cast<int>(dashboard.chart(0)->chart()->series().size()) : 0;
}

}  // namespace

int main(int argc, char* argv[]) {
  if (std::getenv("QT_QPA_PLATFORM") == nullptr) setenv("QT_QPA_PLATFORM", "offscreen", 1);
  CLI::App cli{"Dashboard CPU use and UI-thread stalls (offscreen platform)"};
  double seconds = 20.0;
  double replaySeconds = 20.0;
  int fps = 10;
  cli.add_option("--seconds", seconds, "wall seconds of the dashboard-alone phase")->check(CLI::PositiveNumber);
  cli.add_option("--replay-seconds", replaySeconds, "wall seconds of the phase beside a replay")
      ->check(CLI::PositiveNumber);
  cli.add_option("--fps", fps, "frames per second fed to the dashboard")->check(CLI::Range(1, 120));
  CLI11_PARSE(cli, argc, argv);
  spdlog::set_level(spdlog::level::warn);

  QApplication app(argc, argv);
  const int frameMs = 1000 / fps;
  const int viewCount = std::max(1, static_cast<int>(seconds * fps));
  std::cerr << "preparing " << viewCount << " views...\n";
  const std::vector<ui::ViewPtr> views = prepareViews(viewCount);

  // Phase 1: the dashboard alone.
  ui::Dashboard dashboard;
  dashboard.setWindowS(kWindowS);
  dashboard.resize(1600, 1000);
  dashboard.show();
  dashboard.update(views.front());
  QApplication::processEvents();
  FrameTimes alone;
  std::size_t next = 0;
  QTimer feed;
  feed.setTimerType(Qt::PreciseTimer);
  feed.setInterval(frameMs);
  QObject::connect(&feed, &QTimer::timeout, [&] {
    QElapsedTimer frame;
    frame.start();
    dashboard.update(views[next++ % views.size()]);
    alone.add(static_cast<double>(frame.nsecsElapsed()) / 1e6);
  });
  const double cpuStart = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  QElapsedTimer wall;
  wall.start();
  feed.start();
  QTimer::singleShot(static_cast<int>(seconds * 1000.0), &app, &QApplication::quit);
  QApplication::exec();
  feed.stop();
  const double aloneWallS = static_cast<double>(wall.nsecsElapsed()) / 1e9;
  const double aloneCpuS = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpuStart;
  const int points = dashboard.chartCount() > 0 ? dashboard.chart(0)->watchedCount() : 0;
  const int chartWidth = dashboard.chartCount() > 0 ? dashboard.chart(0)->width() : 0;
  const int series = seriesPerChart(dashboard);

  // Phase 2: beside a replay playing as fast as possible.
  ui::EngineBridge bridge;
  bridge.setFrameIntervalMs(frameMs);
  bridge.setScenario(benchScenario(1e7));
  bridge.setSpeed(ui::ReplaySpeed::Max);
  FrameTimes beside;
  QObject::connect(&bridge, &ui::EngineBridge::viewChanged, [&](const ui::ViewPtr& view) {
    QElapsedTimer frame;
    frame.start();
    dashboard.update(view);
    beside.add(static_cast<double>(frame.nsecsElapsed()) / 1e6);
  });
  QElapsedTimer tick;
  double worstLateMs = 0.0;
  std::vector<double> lateness;
  QTimer stall;
  stall.setTimerType(Qt::PreciseTimer);
  stall.setInterval(kStallTimerMs);
  // Wall-clock lateness also counts time the OS gave the UI thread's core to another thread; the UI
  // thread's own CPU time between two ticks is how long it was really busy in one stretch.
  double lastUiCpuS = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
  double longestBusyMs = 0.0;
  QObject::connect(&stall, &QTimer::timeout, [&] {
    const double late = static_cast<double>(tick.nsecsElapsed()) / 1e6 - kStallTimerMs;
    tick.restart();
    const double uiCpuS = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
    longestBusyMs = std::max(longestBusyMs, (uiCpuS - lastUiCpuS) * 1000.0);
    lastUiCpuS = uiCpuS;
    lateness.push_back(std::max(0.0, late));
    worstLateMs = std::max(worstLateMs, late);
  });
  const double uiCpuStart = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
  const double replayCpuStart = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  wall.restart();
  tick.start();
  stall.start();
  bridge.play();
  QTimer::singleShot(static_cast<int>(replaySeconds * 1000.0), &app, &QApplication::quit);
  QApplication::exec();
  stall.stop();
  const double besideWallS = static_cast<double>(wall.nsecsElapsed()) / 1e9;
  const double uiCpuS = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - uiCpuStart;
  const double processCpuS = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - replayCpuStart;
  const double virtualS = bridge.latest() ? bridge.latest()->simulatedS : 0.0;
  bridge.stop();
  std::sort(lateness.begin(), lateness.end());
  const double p99LateMs = lateness.empty() ? 0.0 : lateness[lateness.size() * 99 / 100];

  double load[1] = {0.0};
  getloadavg(load, 1);
  std::cout << fmt::format("| phase | metric | value |\n|---|---|---:|\n");
  std::cout << fmt::format("| setup | machine load average (1 min) at the end | {:.2f} |\n", load[0]);
  std::cout << fmt::format("| setup | classes x series per chart | {} x {} |\n", kClasses, series);
  std::cout << fmt::format("| setup | window, points per series (chart {} px wide) | {:.0f} s, {} |\n", chartWidth,
                           kWindowS, points);
  std::cout << fmt::format("| dashboard alone | frames at {} fps over {:.1f} s | {} |\n", fps, aloneWallS, alone.frames);
  std::cout << fmt::format("| dashboard alone | frame time mean / max | {:.2f} / {:.2f} ms |\n", alone.meanMs(),
                           alone.maxMs);
  std::cout << fmt::format("| dashboard alone | CPU, % of one core | {:.1f} % |\n", 100.0 * aloneCpuS / aloneWallS);
  std::cout << fmt::format("| beside replay | frames over {:.1f} s | {} |\n", besideWallS, beside.frames);
  std::cout << fmt::format("| beside replay | frame time mean / max | {:.2f} / {:.2f} ms |\n", beside.meanMs(),
                           beside.maxMs);
  std::cout << fmt::format("| beside replay | longest UI stall (5 ms timer lateness) | {:.1f} ms |\n", worstLateMs);
  std::cout << fmt::format("| beside replay | p99 timer lateness | {:.2f} ms |\n", p99LateMs);
  std::cout << fmt::format("| beside replay | longest UI-thread busy stretch (CPU time between ticks) | {:.1f} ms |\n",
                           longestBusyMs);
  std::cout << fmt::format("| beside replay | UI thread CPU, % of one core | {:.1f} % |\n", 100.0 * uiCpuS / besideWallS);
  std::cout << fmt::format("| beside replay | process CPU (UI + replay), % of one core | {:.1f} % |\n",
                           100.0 * processCpuS / besideWallS);
  std::cout << fmt::format("| beside replay | virtual seconds replayed per wall second | {:.0f} |\n",
                           virtualS / besideWallS);
  return 0;
}
