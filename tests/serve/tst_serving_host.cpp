#include <QtTest>

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>

#include "engine/exec/llama/byte_tokenizer.h"
#include "engine/exec/modeled/constant_time_model.h"
#include "engine/metrics/latency_buckets.h"
#include "serve/server/serve_config.h"
#include "serve/server/serving_host.h"
#include "serve/server/utf8_token_decoder.h"

using namespace headroom::engine;
using namespace headroom::serve;
using namespace std::chrono_literals;

namespace {

// Records what the host tells one request; wait() blocks the test thread until it finished.
class CollectingListener final : public RequestListener {
 public:
  void onToken(std::int32_t tokenId, std::int32_t index, std::string_view text) override {
    std::lock_guard lock(mutex_);
    text_ += text;
    indices_.push_back(index);
    tokenIds_.push_back(tokenId);
    tokenTimes_.push_back(std::chrono::steady_clock::now());
  }
  void onLogprobs(std::int32_t /*index*/, const TokenLogprobs& logprobs) override {
    std::lock_guard lock(mutex_);
    logprobs_.push_back(logprobs);
  }
  std::vector<TokenLogprobs> logprobs() const {
    std::lock_guard lock(mutex_);
    return logprobs_;
  }
  void onFinished(const FinishedRequest& finished) override {
    std::lock_guard lock(mutex_);
    finished_ = finished;
    text_ += finished.text;
    ++finishCalls_;
    done_.notify_all();
  }
  bool wait(std::chrono::milliseconds timeout = 10s) {
    std::unique_lock lock(mutex_);
    return done_.wait_for(lock, timeout, [&] { return finishCalls_ > 0; });
  }
  std::vector<std::int32_t> indices() const {
    std::lock_guard lock(mutex_);
    return indices_;
  }
  std::vector<std::chrono::steady_clock::time_point> tokenTimes() const {
    std::lock_guard lock(mutex_);
    return tokenTimes_;
  }
  FinishedRequest finished() const {
    std::lock_guard lock(mutex_);
    return finished_;
  }
  int finishCalls() const {
    std::lock_guard lock(mutex_);
    return finishCalls_;
  }
  std::vector<std::int32_t> tokenIds() const {
    std::lock_guard lock(mutex_);
    return tokenIds_;
  }
  // Every piece of text heard, joined (the whole reply once finished).
  std::string text() const {
    std::lock_guard lock(mutex_);
    return text_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable done_;
  std::vector<std::int32_t> indices_;
  std::vector<std::int32_t> tokenIds_;
  std::vector<TokenLogprobs> logprobs_;
  std::vector<std::chrono::steady_clock::time_point> tokenTimes_;
  FinishedRequest finished_;
  std::string text_;
  int finishCalls_ = 0;
};

// One class on the CPU reference executor with the tiny model and seeded random weights.
ServeConfig cpuConfig() {
  const nlohmann::json root = {
      {"executor", {{"kind", "cpu"}, {"model", "llama-tiny"}, {"weights", "random"}, {"weights_seed", 7}}},
      {"scheduler", {{"policy", "fcfs"}, {"chunking", "fixed:64"}}},
      {"classes", {{{"name", "chat"}, {"slo", {{"ttft_s", 5.0}}}}}},
      {"tenants", {{{"name", "acme"}, {"classes", {"chat"}}, {"keys", {"key-acme-0001"}}}}}};
  return parseServeConfig(root);
}

ServeRequest textRequest(const std::string& prompt, int maxTokens, std::vector<std::string> stop = {}) {
  ServeRequest request;
  request.promptTokenIds = ByteTokenizer{}.encode(prompt);
  request.promptTokens = static_cast<std::int32_t>(request.promptTokenIds.size());
  request.maxTokens = maxTokens;
  request.stop = std::move(stop);
  return request;
}

// Two classes on a constant executor: "chat" (interactive) and "batch" (TTLT).
ServeConfig config(double iterationS, int maxBatchSize, nlohmann::json chatExtra = nlohmann::json::object(),
                   nlohmann::json batchExtra = nlohmann::json::object()) {
  nlohmann::json chat = {{"name", "chat"}, {"rank", 0}, {"slo", {{"ttft_s", 1.0}, {"tbt_s", 0.2}}}};
  nlohmann::json batch = {{"name", "batch"}, {"rank", 1}, {"slo", {{"ttlt_s", 30.0}}}};
  if (chatExtra.is_object()) chat.update(chatExtra);
  if (batchExtra.is_object()) batch.update(batchExtra);
  const nlohmann::json root = {
      {"executor", {{"kind", "constant"}, {"iteration_s", iterationS}}},
      {"scheduler", {{"policy", "priority"}, {"chunking", "fixed:256"}, {"max_batch_size", maxBatchSize}}},
      {"classes", {chat, batch}},
      {"tenants", {{{"name", "acme"}, {"classes", {"chat", "batch"}}, {"keys", {"key-acme-0001"}}}}}};
  return parseServeConfig(root);
}

// Every iteration takes `iteration`; the first batch waits for `gate`, the `failAt`-th (1-based)
// throws, and from it on every `failEvery`-th too (0: only that one), as a faulty device would.
class FailingExecutor final : public Executor {
 public:
  FailingExecutor(Duration iteration, int failAt, std::shared_future<void> gate, int failEvery = 0)
      : model_(iteration), failAt_(failAt), failEvery_(failEvery), gate_(std::move(gate)) {}
  IterationResult execute(const Batch& batch) override {
    if (++calls_ == 1) gate_.wait();
    if (calls_ == failAt_ || (failEvery_ > 0 && calls_ > failAt_ && (calls_ - failAt_) % failEvery_ == 0)) {
      throw std::runtime_error("device lost");
    }
    return {model_.predict(batch.shape), {}};
  }
  const IterationTimeModel& timeModel() const override { return model_; }

 private:
  ConstantTimeModel model_;
  int failAt_;
  int failEvery_;
  int calls_ = 0;
  std::shared_future<void> gate_;
};

}  // namespace

class TestServingHost : public QObject {
  Q_OBJECT

 private slots:
  void tokensArriveInOrderOnTheWallClock() {
    ServingHost host(config(0.01, 8));
    auto listener = std::make_shared<CollectingListener>();
    const auto start = std::chrono::steady_clock::now();
    const Admission admission = host.submit({0, 100, 5}, listener);
    QCOMPARE(admission.outcome, AdmissionOutcome::Admitted);
    QVERIFY(listener->wait());
    const auto elapsed = std::chrono::steady_clock::now() - start;
    QCOMPARE(listener->indices(), (std::vector<std::int32_t>{0, 1, 2, 3, 4}));
    QCOMPARE(listener->finished().completionTokens, 5);
    QCOMPARE(listener->finished().promptTokens, 100);
    QCOMPARE(listener->finished().reason, FinishReason::Length);
    QCOMPARE(listener->finishCalls(), 1);
    // One prefill iteration (samples the first token) and four decodes of 10 ms each, slept for real.
    QVERIFY2(elapsed >= 45ms, std::to_string(std::chrono::duration<double>(elapsed).count()).c_str());
    const auto times = listener->tokenTimes();
    QVERIFY(times.back() - times.front() >= 35ms);
  }

  void metricsMatchTheRequestsServed() {
    ServingHost host(config(0.002, 16));
    std::vector<std::shared_ptr<CollectingListener>> listeners;
    for (int i = 0; i < 6; ++i) {
      listeners.push_back(std::make_shared<CollectingListener>());
      QVERIFY(host.submit({static_cast<ClassId>(i % 2), 50, 3}, listeners.back()).accepted());
    }
    for (const auto& listener : listeners) QVERIFY(listener->wait());
    const ServingStats stats = host.stats();
    const auto latencies = host.latencies();
    QCOMPARE(latencies.size(), std::size_t{2});
    for (const auto& cls : latencies) {
      QCOMPARE(cls.ttft.count(), 3u);
      QCOMPARE(cls.tbt.count(), 3u);  // one judged figure per request
      QCOMPARE(cls.tokenGap.count(), 6u);
      QCOMPARE(cls.ttlt.count(), 3u);
      QCOMPARE(cls.queue.count(), 3u);
    }
    for (const ClassServingStats& cls : stats.classes) {
      QCOMPARE(cls.admitted, 3u);
      QCOMPARE(cls.completed, 3u);
      QCOMPARE(cls.completionTokens, 9u);
      QCOMPARE(cls.promptTokens, 150u);
      QCOMPARE(cls.queued, 0);
      QCOMPARE(cls.running, 0);
    }
    // The one fixed bucket set, whatever the class's SLO.
    QCOMPARE(latencies[0].ttft.boundsS(), latencyBucketBoundsS());
    QTRY_VERIFY_WITH_TIMEOUT(host.snapshot()->completed == 6, 5000);
    const auto snapshot = host.snapshot();
    QCOMPARE(snapshot->classes[0].name, std::string("chat"));
    QCOMPARE(snapshot->classes[0].completed, 3);
    QCOMPARE(snapshot->tokensOut, 18);
  }

  // A full queue answers with the time the work ahead takes at the rate the instance serves it: one
  // sequence at a time, 50 ms per iteration, 20 tokens per request: about 1 s per request waiting.
  void fullQueueRejectsWithRetryAfter() {
    ServingHost host(config(0.05, 1, {{"queue_limit", 2}}));
    std::vector<std::shared_ptr<CollectingListener>> listeners;
    // Let the instance show its pace first: one request served in full.
    auto pace = std::make_shared<CollectingListener>();
    QVERIFY(host.submit({0, 10, 20}, pace).accepted());
    QVERIFY(pace->wait());
    listeners.push_back(std::make_shared<CollectingListener>());
    QVERIFY(host.submit({0, 10, 20}, listeners.back()).accepted());
    QTRY_VERIFY_WITH_TIMEOUT(!listeners.back()->indices().empty(), 10000);
    int admitted = 1;
    int rejected = 0;
    for (int i = 0; i < 7; ++i) {
      listeners.push_back(std::make_shared<CollectingListener>());
      const Admission admission = host.submit({0, 10, 20}, listeners.back());
      if (admission.accepted()) ++admitted;
      if (admission.outcome == AdmissionOutcome::Rejected) {
        ++rejected;
        // Three requests ahead (one running, two waiting), about 1 s each, one at a time: about 3 s,
        // never the 1 s floor.
        QVERIFY2(admission.retryAfter >= 2s && admission.retryAfter <= 10s,
                 std::to_string(admission.retryAfter.count()).c_str());
        QCOMPARE(admission.retryAfter.count() % 1'000'000, std::int64_t{0});  // whole seconds
      }
    }
    // Two may wait, one may already be running: never more.
    QVERIFY2(admitted >= 2 && admitted <= 3, std::to_string(admitted).c_str());
    QCOMPARE(admitted + rejected, 8);
    QCOMPARE(host.stats().classes[0].rejected, static_cast<std::uint64_t>(rejected));
  }

  void overloadRelegatesWithinItsBound() {
    ServingHost host(config(0.02, 1, {}, {{"queue_limit", 1}, {"overload", "relegate"}, {"relegated_limit", 2}}));
    std::vector<std::shared_ptr<CollectingListener>> listeners;
    std::vector<AdmissionOutcome> outcomes;
    for (int i = 0; i < 6; ++i) {
      listeners.push_back(std::make_shared<CollectingListener>());
      outcomes.push_back(host.submit({1, 10, 3}, listeners.back()).outcome);
    }
    const auto count = [&](AdmissionOutcome outcome) { return std::count(outcomes.begin(), outcomes.end(), outcome); };
    QCOMPARE(count(AdmissionOutcome::Relegated), 2);
    QVERIFY(count(AdmissionOutcome::Rejected) >= 2);
    for (std::size_t i = 0; i < listeners.size(); ++i) {
      if (outcomes[i] == AdmissionOutcome::Rejected) continue;
      QVERIFY(listeners[i]->wait());
      QCOMPARE(listeners[i]->finished().completionTokens, 3);
    }
    QCOMPARE(host.stats().classes[1].relegatedOverload, 2u);
  }

  void cancellingAHeldBackRequestFinishesIt() {
    ServingHost host(config(0.05, 1, {}, {{"queue_limit", 1}, {"overload", "relegate"}, {"relegated_limit", 4}}));
    auto first = std::make_shared<CollectingListener>();
    auto second = std::make_shared<CollectingListener>();
    auto third = std::make_shared<CollectingListener>();
    QVERIFY(host.submit({1, 10, 10}, first).accepted());
    host.submit({1, 10, 10}, second);
    const Admission held = host.submit({1, 10, 10}, third);
    QCOMPARE(held.outcome, AdmissionOutcome::Relegated);
    host.cancel(held.id);
    QVERIFY(third->wait(2s));
    QCOMPARE(third->finished().reason, FinishReason::Cancelled);
    QCOMPARE(third->finished().completionTokens, 0);
    QVERIFY(third->indices().empty());
    QCOMPARE(host.stats().classes[1].cancelled, 1u);
  }

  void requestsLargerThanTheKvCacheAreRefused() {
    ServeConfig small = config(0.01, 4);
    small.scheduler.kvBlocksOverride = 10;  // 160 tokens
    ServingHost host(small);
    auto listener = std::make_shared<CollectingListener>();
    QCOMPARE(host.submit({0, 150, 50}, listener).outcome, AdmissionOutcome::TooLarge);
    QCOMPARE(host.submit({0, 50, 50}, listener).outcome, AdmissionOutcome::Admitted);
    QVERIFY(listener->wait());
  }

  void stoppingFinishesEveryListener() {
    auto listener = std::make_shared<CollectingListener>();
    {
      ServingHost host(config(0.05, 1));
      QVERIFY(host.submit({0, 10, 1000}, listener).accepted());
      QTRY_VERIFY_WITH_TIMEOUT(!listener->indices().empty(), 5000);
    }
    QCOMPARE(listener->finishCalls(), 1);
    QCOMPARE(listener->finished().reason, FinishReason::Shutdown);
  }

  // A computing executor: the reply is the executor's greedy tokens decoded, always valid UTF-8.
  void cpuExecutorRepliesWithItsTokensAsText() {
    qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS);
    ServingHost host(cpuConfig());
    auto listener = std::make_shared<CollectingListener>();
    QVERIFY(host.submit(textRequest("Hello, queue", 24), listener).accepted());
    QVERIFY(listener->wait());
    const std::vector<std::int32_t> tokens = listener->tokenIds();
    QCOMPARE(listener->finished().promptTokens, 13);  // BOS + 12 bytes
    QCOMPARE(listener->finished().completionTokens, static_cast<std::int32_t>(tokens.size()));
    QVERIFY(!tokens.empty());
    const bool endedOnEos = tokens.back() == ByteTokenizer::kEos;
    QCOMPARE(listener->finished().reason, endedOnEos ? FinishReason::Stop : FinishReason::Length);
    if (!endedOnEos) QCOMPARE(tokens.size(), std::size_t{24});
    const std::size_t textTokens = endedOnEos ? tokens.size() - 1 : tokens.size();
    QCOMPARE(listener->text(), Utf8TokenDecoder::decodeAll(tokens.data(), textTokens));

    // The same request again: greedy decoding is deterministic.
    auto again = std::make_shared<CollectingListener>();
    QVERIFY(host.submit(textRequest("Hello, queue", 24), again).accepted());
    QVERIFY(again->wait());
    QCOMPARE(again->tokenIds(), tokens);

    // A stop string from inside that reply ends the next one early, the stop string left out.
    const std::string full = listener->text();
    if (full.size() >= 6) {
      const std::string stop = full.substr(3, 2);
      auto stopped = std::make_shared<CollectingListener>();
      QVERIFY(host.submit(textRequest("Hello, queue", 24, {stop}), stopped).accepted());
      QVERIFY(stopped->wait());
      QCOMPARE(stopped->finished().reason, FinishReason::Stop);
      QCOMPARE(stopped->text(), full.substr(0, full.find(stop)));
      QVERIFY(stopped->finished().completionTokens < listener->finished().completionTokens);
    }
  }

  // An executor fault fails the requests of its batch, not the host: later requests are served, and
  // /health has nothing to report.
  void anExecutorFaultFailsItsBatchNotTheHost() {
    std::promise<void> gate;
    ServingHost host(config(0.005, 8),
                     std::make_unique<FailingExecutor>(std::chrono::milliseconds(5), 3, gate.get_future().share()));
    QVERIFY(host.failure().empty());
    auto first = std::make_shared<CollectingListener>();
    auto second = std::make_shared<CollectingListener>();
    QVERIFY(host.submit({0, 10, 50}, first).accepted());  // its prefill waits at the gate
    QVERIFY(host.submit({1, 10, 50}, second).accepted());
    gate.set_value();
    QVERIFY(first->wait());
    QVERIFY(second->wait());
    QCOMPARE(first->finished().reason, FinishReason::Failed);
    QCOMPARE(second->finished().reason, FinishReason::Failed);
    QCOMPARE(first->finishCalls(), 1);
    QCOMPARE(host.stats().classes[0].failed + host.stats().classes[1].failed, 2u);
    QCOMPARE(host.stats().classes[0].running + host.stats().classes[1].running, std::int64_t{0});
    auto late = std::make_shared<CollectingListener>();
    QCOMPARE(host.submit({0, 10, 5}, late).outcome, AdmissionOutcome::Admitted);
    QVERIFY(late->wait());
    QCOMPARE(late->finished().reason, FinishReason::Length);
    QCOMPARE(late->finished().completionTokens, 5);
    QVERIFY(host.failure().empty());
    QTRY_COMPARE_WITH_TIMEOUT(host.status().load.outstandingTokens, std::int64_t{0}, 5000);
  }

  // An executor that fails every iteration (a lost device) is given up on: the host stops serving and
  // says why, the process goes on.
  void anExecutorThatAlwaysFailsStopsTheHost() {
    std::promise<void> gate;
    gate.set_value();
    ServingHost host(config(0.001, 8),
                     std::make_unique<FailingExecutor>(std::chrono::milliseconds(1), 1, gate.get_future().share(), 1));
    std::vector<std::shared_ptr<CollectingListener>> listeners;
    for (int i = 0; i < ServingHost::kMaxFailedIterationsInARow + 4 && host.failure().empty(); ++i) {
      listeners.push_back(std::make_shared<CollectingListener>());
      const Admission admission = host.submit({0, 10, 5}, listeners.back());
      if (!admission.accepted()) break;  // the host is stopping or has stopped
      QVERIFY(listeners.back()->wait());
      QCOMPARE(listeners.back()->finished().reason, FinishReason::Failed);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!host.failure().empty(), 5000);
    QVERIFY2(host.failure().find("in a row") != std::string::npos, host.failure().c_str());
    auto late = std::make_shared<CollectingListener>();
    QCOMPARE(host.submit({0, 10, 5}, late).outcome, AdmissionOutcome::Unavailable);
  }

  // Sampling parameters no executor can run (top_p 0 keeps no token) fail that request when it is
  // admitted, never the instance: the next request is served.
  void unrunnableSamplingFailsOnlyThatRequest() {
    qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS);
    ServingHost host(cpuConfig());
    auto poisoned = std::make_shared<CollectingListener>();
    ServeRequest bad = textRequest("Hello, queue", 8);
    bad.sampling = {1.0f, 0.0f, 7};
    QVERIFY(host.submit(bad, poisoned).accepted());
    QVERIFY(poisoned->wait());
    QCOMPARE(poisoned->finished().reason, FinishReason::Failed);
    QCOMPARE(host.stats().classes[0].failed, 1u);
    auto next = std::make_shared<CollectingListener>();
    QVERIFY(host.submit(textRequest("Hello, queue", 8), next).accepted());
    QVERIFY(next->wait());
    QCOMPARE(next->finished().completionTokens > 0, true);
    QVERIFY(next->finished().reason == FinishReason::Length || next->finished().reason == FinishReason::Stop);
    QVERIFY(host.failure().empty());
  }

  // Logprobs reach the listener before their token, for requests that asked, from the executor's logits.
  void logprobsReachTheListener() {
    qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS);
    ServingHost host(cpuConfig());
    auto listener = std::make_shared<CollectingListener>();
    ServeRequest request = textRequest("Hello, queue", 6);
    request.sampling.logprobs = true;
    request.sampling.topLogprobs = 3;
    QVERIFY(host.submit(request, listener).accepted());
    QVERIFY(listener->wait());
    const std::vector<TokenLogprobs> logprobs = listener->logprobs();
    const std::vector<std::int32_t> tokens = listener->tokenIds();
    const bool endedOnEos = !tokens.empty() && tokens.back() == ByteTokenizer::kEos;
    QCOMPARE(logprobs.size(), endedOnEos ? tokens.size() - 1 : tokens.size());
    for (std::size_t i = 0; i < logprobs.size(); ++i) {
      QCOMPARE(logprobs[i].sampled.token, tokens[i]);
      QCOMPARE(logprobs[i].top.size(), std::size_t{3});
      QVERIFY(logprobs[i].sampled.logprob <= 0.0f);
      // Greedy: the sampled token is the most likely one.
      QCOMPARE(logprobs[i].top[0].logprob, logprobs[i].sampled.logprob);
    }
    auto plain = std::make_shared<CollectingListener>();
    QVERIFY(host.submit(textRequest("Hello, queue", 3), plain).accepted());
    QVERIFY(plain->wait());
    QVERIFY(plain->logprobs().empty());
  }

  void schedulerPolicyChangesLive() {
    ServingHost host(config(0.005, 4));
    QVERIFY(host.schedulerConfig().policy == OrderingPolicy::Priority);
    SchedulerConfig next = host.schedulerConfig();
    next.policy = OrderingPolicy::Edf;
    next.chunking = {ChunkingMode::Fixed, 32};
    host.setSchedulerConfig(next);
    QVERIFY(host.schedulerConfig().policy == OrderingPolicy::Edf);
    auto listener = std::make_shared<CollectingListener>();
    QVERIFY(host.submit({0, 100, 3}, listener).accepted());
    QVERIFY(listener->wait());
    // 100 prompt tokens in 32-token chunks: 4 prefill iterations, then 2 decodes.
    QTRY_COMPARE_WITH_TIMEOUT(host.status().iterations, std::int64_t{6}, 5000);
    next.kvBlockTokens = 32;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, host.setSchedulerConfig(next));
  }

  void classesCanBeRetunedLive() {
    ServingHost host(config(0.01, 4));
    std::vector<ServedClass> classes = host.classes();
    classes[0].queueLimit = 7;
    classes[0].qos.slo.ttft = 500ms;
    host.setClasses(classes);
    QCOMPARE(host.classes()[0].queueLimit, 7);
    QVERIFY(host.classes()[0].qos.slo.ttft == std::optional<Duration>(500ms));
    classes[1].qos.name = "renamed";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, host.setClasses(classes));
  }

  // Every class has the same latency buckets (so they can be summed across classes), and a class's
  // histograms go on counting when its SLO changes.
  void latencyBucketsAreOneSetThatSurvivesSloChanges() {
    ServingHost host(config(0.002, 4));
    QCOMPARE(host.latencies()[0].ttft.boundsS(), host.latencies()[1].ttft.boundsS());
    auto first = std::make_shared<CollectingListener>();
    QVERIFY(host.submit({0, 50, 3}, first).accepted());
    QVERIFY(first->wait());
    QCOMPARE(host.latencies()[0].ttft.count(), 1u);
    std::vector<ServedClass> classes = host.classes();
    classes[0].qos.slo.ttft = 123ms;
    host.setClasses(classes);
    QCOMPARE(host.latencies()[0].ttft.count(), 1u);
    QCOMPARE(host.latencies()[0].tbt.count(), 1u);
    QCOMPARE(host.latencies()[0].tokenGap.count(), 2u);
    QCOMPARE(host.latencies()[0].ttft.boundsS(), host.latencies()[1].ttft.boundsS());
    // Attainment has counters of its own, per bound, judged by the SLO in force at the finish.
    QCOMPARE(host.sloCounts()[0].ttft.judged, 1u);
    QCOMPARE(host.sloCounts()[0].ttft.met, 1u);
    QCOMPARE(host.sloCounts()[0].tbt.met, 1u);
    QCOMPARE(host.sloCounts()[0].ttlt.judged, 0u);
    classes[0].qos.slo.ttft = 1ms;  // shorter than one 2 ms iteration
    host.setClasses(classes);
    auto second = std::make_shared<CollectingListener>();
    QVERIFY(host.submit({0, 50, 3}, second).accepted());
    QVERIFY(second->wait());
    QCOMPARE(host.sloCounts()[0].ttft.judged, 2u);
    QCOMPARE(host.sloCounts()[0].ttft.met, 1u);
    QCOMPARE(host.latencies()[0].ttft.count(), 2u);
  }

  // A running request whose client left is taken out of the batch: the instance stops computing it,
  // frees its KV, and counts it as cancelled (with the tokens it got), not as completed.
  void cancellingARunningRequestStopsItsWork() {
    ServeConfig bounded = config(0.02, 4);
    bounded.scheduler.kvBlocksOverride = 1000;
    ServingHost host(bounded, 20ms);
    auto listener = std::make_shared<CollectingListener>();
    const Admission admission = host.submit({0, 10, 1000}, listener);  // 1000 x 20 ms = 20 s of work
    QVERIFY(admission.accepted());
    QTRY_VERIFY_WITH_TIMEOUT(listener->indices().size() >= 3, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(host.status().kvUsedFraction > 0.0, 5000);
    host.cancel(admission.id);
    QVERIFY(listener->wait(5s));
    QCOMPARE(listener->finished().reason, FinishReason::Cancelled);
    QCOMPARE(listener->finishCalls(), 1);
    // The instance holds nothing any more: no request running, no KV in use, no token outstanding.
    QTRY_VERIFY_WITH_TIMEOUT(host.status().load.decoding == 0 && host.status().load.outstandingTokens == 0, 5000);
    QCOMPARE(host.status().kvUsedFraction, 0.0);
    const ClassServingStats stats = host.stats().classes[0];
    QCOMPARE(stats.cancelled, 1u);
    QCOMPARE(stats.completed, 0u);
    QCOMPARE(stats.running, 0);
    QCOMPARE(stats.completionTokens, 0u);
    QCOMPARE(stats.cancelledPromptTokens, 10u);
    QVERIFY(stats.cancelledCompletionTokens >= 3u);
    QVERIFY(stats.cancelledCompletionTokens < 1000u);
    QCOMPARE(host.snapshot()->classes[0].completed, 0);
  }

  // A queued request whose client left never runs.
  void cancellingAQueuedRequestNeverRunsIt() {
    ServingHost host(config(0.02, 1), 20ms);  // one request at a time
    auto running = std::make_shared<CollectingListener>();
    auto queued = std::make_shared<CollectingListener>();
    const Admission first = host.submit({0, 10, 1000}, running);
    const Admission second = host.submit({0, 10, 1000}, queued);
    QVERIFY(first.accepted() && second.accepted());
    QTRY_VERIFY_WITH_TIMEOUT(!running->indices().empty(), 5000);
    host.cancel(second.id);
    QVERIFY(queued->wait(5s));
    QCOMPARE(queued->finished().reason, FinishReason::Cancelled);
    QVERIFY(queued->indices().empty());
    QTRY_VERIFY_WITH_TIMEOUT(host.status().load.waiting == 0, 5000);
    host.cancel(first.id);
    QVERIFY(running->wait(5s));
    QTRY_VERIFY_WITH_TIMEOUT(host.status().load.outstandingTokens == 0 && host.status().load.decoding == 0, 5000);
    const ClassServingStats stats = host.stats().classes[0];
    QCOMPARE(stats.cancelled, 2u);
    QCOMPARE(stats.completed, 0u);
    QCOMPARE(stats.queued, 0);
    QCOMPARE(stats.running, 0);
    // The queue is free again: a new request is admitted and runs to its end.
    auto next = std::make_shared<CollectingListener>();
    QVERIFY(host.submit({0, 10, 3}, next).accepted());
    QVERIFY(next->wait());
    QCOMPARE(next->finished().reason, FinishReason::Length);
  }

  // Draining: new requests are refused with a retry time, admitted ones finish normally, then the loop
  // ends.
  void drainFinishesAdmittedWorkAndRefusesNew() {
    ServingHost host(config(0.01, 4), 20ms);
    auto listener = std::make_shared<CollectingListener>();
    QVERIFY(host.submit({0, 10, 20}, listener).accepted());
    host.beginDrain(30s);
    QVERIFY(host.draining());
    auto late = std::make_shared<CollectingListener>();
    const Admission refused = host.submit({0, 10, 5}, late);
    QCOMPARE(refused.outcome, AdmissionOutcome::Draining);
    QVERIFY(refused.retryAfter >= 1s && refused.retryAfter <= 30s);
    QVERIFY(host.waitDrained(10s));
    QVERIFY(listener->wait(1s));
    QCOMPARE(listener->finished().reason, FinishReason::Length);
    QCOMPARE(listener->finished().completionTokens, 20);
    QCOMPARE(late->finishCalls(), 0);
  }

  // A drain that runs out: what is still running is told the server shut down.
  void stopAfterDrainTimeEndsTheRestWithShutdown() {
    ServingHost host(config(0.02, 4), 20ms);
    auto listener = std::make_shared<CollectingListener>();
    QVERIFY(host.submit({0, 10, 1000}, listener).accepted());
    QTRY_VERIFY_WITH_TIMEOUT(!listener->indices().empty(), 5000);
    host.beginDrain(50ms);
    QVERIFY(!host.waitDrained(50ms));
    host.stopNow();
    QCOMPARE(listener->finishCalls(), 1);
    QCOMPARE(listener->finished().reason, FinishReason::Shutdown);
  }
};

QTEST_GUILESS_MAIN(TestServingHost)
#include "tst_serving_host.moc"
