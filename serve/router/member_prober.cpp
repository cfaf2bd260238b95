#include "serve/router/member_prober.h"

#include <string>

#include <spdlog/spdlog.h>

namespace headroom::serve {

using SteadyClock = std::chrono::steady_clock;

// The answers' side: the table while the prober runs (null after stop()) and which members have a
// check out.
struct MemberProber::Shared {
  std::mutex mutex;
  MemberTable* table = nullptr;
  std::vector<bool> checking;

  void ended(int member, SteadyClock::time_point startedAt, bool answered, std::string_view reason = {}) {
    std::lock_guard lock(mutex);
    checking[static_cast<std::size_t>(member)] = false;
    if (table) table->healthChecked(member, startedAt, answered, reason);
  }
};

// One GET /health; any status below 500 within the timeout counts as an answer: the member is there
// and serving HTTP (an OpenAI-compatible server without /health answers 404).
class MemberProber::Check final : public net::UpstreamHandler {
 public:
  // `keepsReason`: the transport's errors name no address (QUIC), so the reason may reach clients.
  Check(std::shared_ptr<Shared> shared, int member, std::string name, bool keepsReason)
      : shared_(std::move(shared)), member_(member), name_(std::move(name)), keepsReason_(keepsReason), startedAt_(SteadyClock::now()) {}
  void onHead(int status, const net::HttpHeaders&) override { status_ = status; }
  void onBody(std::string_view) override {}
  void onComplete() override {
    const bool answered = status_ >= 200 && status_ < 500;
    if (!answered) spdlog::debug("route: health check of member {}: status {}", name_, status_);
    shared_->ended(member_, startedAt_, answered);
  }
  void onError(std::string_view message) override {
    spdlog::debug("route: health check of member {} failed: {}", name_, message);
    shared_->ended(member_, startedAt_, false, keepsReason_ ? message : std::string_view{});
  }

 private:
  std::shared_ptr<Shared> shared_;
  int member_;
  std::string name_;
  bool keepsReason_;
  SteadyClock::time_point startedAt_;
  int status_ = 0;
};

MemberProber::MemberProber(MemberTable& table, std::vector<RouteMember> members, net::UpstreamTransport& transport,
                           engine::Duration interval, engine::Duration timeout)
    : members_(std::move(members)),
      transport_(transport),
      interval_(interval),
      timeout_(timeout),
      shared_(std::make_shared<Shared>()) {
  shared_->table = &table;
  shared_->checking.assign(members_.size(), false);
}

MemberProber::~MemberProber() { stop(); }

void MemberProber::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { run(); });
}

void MemberProber::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(shared_->mutex);
  shared_->table = nullptr;
}

void MemberProber::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    for (std::size_t m = 0; m < members_.size(); ++m) checkMember(static_cast<int>(m));
    wake_.wait_for(lock, std::chrono::microseconds(interval_.count()), [this] { return stopping_; });
  }
}

void MemberProber::checkMember(int member) {
  {
    std::lock_guard lock(shared_->mutex);
    if (shared_->checking[static_cast<std::size_t>(member)]) return;
    shared_->checking[static_cast<std::size_t>(member)] = true;
  }
  const RouteMember& target = members_[static_cast<std::size_t>(member)];
  net::UpstreamRequest request;
  request.endpoint = target.endpoint;
  request.method = "GET";
  request.target = "/health";
  request.connectTimeout = std::chrono::microseconds(timeout_.count());
  request.idleTimeout = std::chrono::microseconds(timeout_.count());
  if (!target.apiKey.empty()) request.headers.emplace_back("Authorization", "Bearer " + target.apiKey);
  transport_.start(std::move(request), std::make_shared<Check>(shared_, member, target.name, target.endpoint.quic));
}

}  // namespace headroom::serve
