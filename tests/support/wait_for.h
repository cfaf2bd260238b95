#pragma once

// Polling for tests of work on other threads or processes: wait until a condition holds, within a
// generous wall-clock budget (the budget only bounds a failing test; no test asserts on how long it
// took).

#include <chrono>
#include <memory>
#include <thread>

#include "engine/sim/replay_runner.h"

namespace headroom::test {

// Polls `predicate` every `poll` until it holds (true) or `limit` has passed (false).
template <typename Predicate>
bool waitFor(Predicate predicate, std::chrono::milliseconds limit = std::chrono::seconds(10),
             std::chrono::milliseconds poll = std::chrono::milliseconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!predicate()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(poll);
  }
  return true;
}

// Polls the runner's latest view until `done(view)` holds or `limit` has passed; the last view seen
// either way (the test asserts on it).
template <typename Predicate>
std::shared_ptr<const engine::RunnerView> waitFor(const engine::ReplayRunner& runner, Predicate done,
                                                  std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  std::shared_ptr<const engine::RunnerView> view = runner.latest();
  waitFor([&] { return done(*(view = runner.latest())); }, limit, std::chrono::milliseconds(5));
  return view;
}

}  // namespace headroom::test
