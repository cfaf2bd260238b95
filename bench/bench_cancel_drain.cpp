// What a client that leaves saves, and how a shutdown drains, in one process on loopback: a `serve`
// stack (ServingHost + ServeApi + HttpServer) on the modeled executor (Llama-3.1-8B on an A100-80G, so
// an iteration lasts as long as the model predicts), driven by an HTTP client. Two phases, each printed
// as a table (see docs/PERFORMANCE.md):
//  1. disconnects: N streams opened at once; in one run a share of the clients leave after a few
//     tokens, in the other every client stays to the end (what a departed client used to cost). The
//     instance's busy time and the tokens it computed, from the host's own counters;
//  2. drain: M streams in flight, then the shutdown the CLI runs on SIGTERM (beginDrain, wait up to the
//     drain time, stopNow, a graceful server stop), once with a drain time long enough and once with a
//     short one: how long it took and how each stream ended ([DONE], an error event, or a bare close).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "serve/server/serve_api.h"
#include "serve/server/serving_host.h"
#include "net/http_server.h"
#include "net/upstream_client.h"
#include "serving_stack.h"

using namespace headroom;
using namespace headroom::serve;
using namespace headroom::net;
using headroom::bench::completionRequest;
using headroom::bench::kKey;
using headroom::bench::ServeStack;
using SteadyClock = std::chrono::steady_clock;

namespace {

ServeConfig modeledConfig() {
  const nlohmann::json root = {
      {"model_name", "bench"},
      {"model", "llama-3.1-8b"},
      {"hardware", "a100-80g"},
      {"scheduler", {{"policy", "hybrid"}, {"chunking", "dynamic"}, {"max_batch_size", 4096}}},
      {"classes", {{{"name", "chat"}, {"rank", 0}, {"slo", {{"ttft_s", 2.0}, {"tbt_s", 0.1}}}, {"queue_limit", 100000}}}},
      {"tenants", {{{"name", "bench"}, {"classes", {"chat"}}, {"keys", {kKey}}}}},
      {"limits", {{"max_connections", 100000}, {"max_output_tokens", 4096}, {"max_prompt_tokens", 32768}}}};
  return parseServeConfig(root);
}

// How a stream ended, seen by its client.
enum class StreamEnd { Done, ErrorEvent, Left, Bare, Refused };

// One streaming client: counts token chunks, leaves after `leaveAfter` of them (0: stays).
class Client final : public UpstreamHandler {
 public:
  Client(int leaveAfter, std::function<void(StreamEnd)> done) : leaveAfter_(leaveAfter), done_(std::move(done)) {}
  void setCall(std::shared_ptr<UpstreamCall> call) {
    std::lock_guard lock(mutex_);
    call_ = std::move(call);
  }
  void onHead(int status, const HttpHeaders&) override {
    std::lock_guard lock(mutex_);
    status_ = status;
  }
  void onBody(std::string_view bytes) override {
    std::shared_ptr<UpstreamCall> leave;
    {
      std::lock_guard lock(mutex_);
      tail_.append(bytes);
      if (tail_.size() > 4096) tail_.erase(0, tail_.size() - 4096);
      std::size_t at = 0;
      while ((at = bytes.find("\"finish_reason\":null", at)) != std::string_view::npos) {
        ++tokens_;
        at += 20;
      }
      if (leaveAfter_ > 0 && tokens_ >= leaveAfter_ && !left_) {
        left_ = true;
        leave = call_;
      }
    }
    if (leave) leave->cancel();
  }
  void onComplete() override {
    std::lock_guard lock(mutex_);
    if (status_ != 200) return done_(StreamEnd::Refused);
    const bool done = tail_.find("data: [DONE]") != std::string::npos;
    const bool error = tail_.find("data: {\"error\"") != std::string::npos;
    done_(done ? StreamEnd::Done : error ? StreamEnd::ErrorEvent : StreamEnd::Bare);
  }
  void onError(std::string_view) override {
    std::lock_guard lock(mutex_);
    done_(left_ ? StreamEnd::Left : StreamEnd::Bare);
  }

 private:
  std::mutex mutex_;
  int leaveAfter_;
  std::function<void(StreamEnd)> done_;
  std::shared_ptr<UpstreamCall> call_;
  std::string tail_;
  int status_ = 0;
  int tokens_ = 0;
  bool left_ = false;
};

// Opens streams and counts how they ended.
class Streams {
 public:
  void open(UpstreamClient& client, std::uint16_t port, int promptChars, int maxTokens, int leaveAfter) {
    {
      std::lock_guard lock(mutex_);
      ++opened_;
    }
    auto handler = std::make_shared<Client>(leaveAfter, [this](StreamEnd end) {
      std::lock_guard lock(mutex_);
      ++ends_[static_cast<int>(end)];
      changed_.notify_all();
    });
    handler->setCall(client.start(completionRequest(port, promptChars, maxTokens, true, "chat"), handler));
  }
  bool waitAll(std::chrono::seconds limit) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [&] { return ended() == opened_; });
  }
  int count(StreamEnd end) {
    std::lock_guard lock(mutex_);
    return ends_[static_cast<int>(end)];
  }

 private:
  int ended() const { return ends_[0] + ends_[1] + ends_[2] + ends_[3] + ends_[4]; }
  std::mutex mutex_;
  std::condition_variable changed_;
  int opened_ = 0;
  int ends_[5] = {0, 0, 0, 0, 0};
};

void disconnectPhase(int streams, int maxTokens, double leaveShare, int leaveAfter, int maxSeconds) {
  fmt::print("\n1. Disconnects: {} streams opened at once (prompt ~500 tokens, max_tokens {}), modeled Llama-3.1-8B on "
             "A100-80G; in the first run {:.0f}% of the clients leave after {} tokens\n",
             streams, maxTokens, leaveShare * 100.0, leaveAfter);
  fmt::print("{:<14} {:>7} {:>6} {:>9} {:>14} {:>16} {:>16} {:>10}\n", "clients", "streams", "left", "cancelled",
             "instance busy", "tokens computed", "tokens not run", "wall");
  for (const bool leave : {true, false}) {
    ServeStack stack(modeledConfig());
    UpstreamClient client(1, static_cast<std::size_t>(streams));
    Streams all;
    const int leaving = static_cast<int>(leaveShare * streams + 0.5);
    const auto start = SteadyClock::now();
    for (int i = 0; i < streams; ++i) {
      all.open(client, stack.server.port(), 2000, maxTokens, leave && i < leaving ? leaveAfter : 0);
    }
    const bool finished = all.waitAll(std::chrono::seconds(maxSeconds));
    // The cancellations reach the instance at its next iteration: wait until the host has counted every
    // stream as completed or cancelled, then for its next publication (status and busy time are
    // published, not live), which holds the work done up to then.
    const auto counted = [&] {
      const ClassServingStats chat = stack.host.stats().classes[0];
      return chat.completed + chat.cancelled >= static_cast<std::uint64_t>(streams);
    };
    for (int i = 0; i < 4000 && !counted(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const double countedAtS = stack.host.stats().uptimeS;
    for (int i = 0; i < 2000 && (stack.host.stats().uptimeS <= countedAtS || stack.host.status().busy ||
                                 stack.host.status().load.decoding > 0);
         ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const double wallS = std::chrono::duration<double>(SteadyClock::now() - start).count();
    const ServingStats stats = stack.host.stats();
    const ClassServingStats& chat = stats.classes[0];
    const std::uint64_t computed = chat.completionTokens + chat.cancelledCompletionTokens;
    const std::uint64_t notRun = chat.cancelled * static_cast<std::uint64_t>(maxTokens) - chat.cancelledCompletionTokens;
    fmt::print("{:<14} {:>7} {:>6} {:>9} {:>13.2f}s {:>16} {:>16} {:>9.2f}s{}\n", leave ? "some leave" : "all stay", streams,
               all.count(StreamEnd::Left), chat.cancelled, stats.busyS, computed, notRun, wallS,
               finished ? "" : " (time limit hit)");
  }
}

void drainPhase(int streams, int maxTokens, const std::vector<double>& drainTimesS) {
  fmt::print("\n2. Drain: {} streams in flight (max_tokens {}), then the shutdown `serve` runs on SIGTERM\n", streams,
             maxTokens);
  fmt::print("{:>9} {:>7} {:>14} {:>8} {:>13} {:>11} {:>10}\n", "drain-s", "streams", "shutdown took", "[DONE]",
             "error event", "bare close", "new->503");
  for (const double drainS : drainTimesS) {
    auto stack = std::make_unique<ServeStack>(modeledConfig());
    UpstreamClient client(1, static_cast<std::size_t>(streams) + 1);
    Streams all;
    for (int i = 0; i < streams; ++i) all.open(client, stack->server.port(), 2000, maxTokens, 0);
    // Let every stream start.
    for (int i = 0; i < 2000 && stack->host.status().load.decoding < streams; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto start = SteadyClock::now();
    stack->host.beginDrain(engine::durationFromSeconds(drainS));
    // A request arriving now is refused.
    Streams late;
    late.open(client, stack->server.port(), 20, 4, 0);
    late.waitAll(std::chrono::seconds(5));
    const bool refused = late.count(StreamEnd::Refused) == 1;
    stack->host.waitDrained(engine::durationFromSeconds(drainS));
    stack->host.stopNow();
    stack->server.stop(std::chrono::milliseconds(2000));
    const double tookS = std::chrono::duration<double>(SteadyClock::now() - start).count();
    all.waitAll(std::chrono::seconds(10));
    fmt::print("{:>8.1f}s {:>7} {:>13.2f}s {:>8} {:>13} {:>11} {:>10}\n", drainS, streams, tookS, all.count(StreamEnd::Done),
               all.count(StreamEnd::ErrorEvent), all.count(StreamEnd::Bare), refused ? "yes" : "no");
    stack.reset();
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_cancel_drain: what departed clients save, and how a shutdown drains (loopback, modeled A100)"};
  int streams = 64;
  int maxTokens = 512;
  double leaveShare = 0.5;
  int leaveAfter = 16;
  int drainStreams = 32;
  int drainTokens = 256;
  std::vector<double> drainTimesS = {30.0, 1.0};
  int maxSeconds = 120;
  app.add_option("--streams", streams, "Phase 1 streams (default 64)");
  app.add_option("--max-tokens", maxTokens, "Phase 1 max_tokens per stream (default 512)");
  app.add_option("--leave-share", leaveShare, "Phase 1 share of clients that leave (default 0.5)")->check(CLI::Range(0.0, 1.0));
  app.add_option("--leave-after", leaveAfter, "Phase 1 tokens a leaving client reads first (default 16)");
  app.add_option("--drain-streams", drainStreams, "Phase 2 streams in flight (default 32)");
  app.add_option("--drain-tokens", drainTokens, "Phase 2 max_tokens per stream (default 256)");
  app.add_option("--drain-s", drainTimesS, "Phase 2 drain times (default 30 1)");
  app.add_option("--max-seconds", maxSeconds, "Time limit of a phase-1 run (default 120)");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::warn);
  disconnectPhase(streams, maxTokens, leaveShare, leaveAfter, maxSeconds);
  drainPhase(drainStreams, drainTokens, drainTimesS);
  return 0;
}
