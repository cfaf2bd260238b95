#include "serve/client/route_members_poller.h"

namespace headroom::serve {

RouteMembersPoller::RouteMembersPoller(net::UpstreamTransport& transport, RemoteTarget target, Options options)
    : transport_(transport), target_(std::move(target)), options_(options) {
  thread_ = std::thread([this] { run(); });
}

RouteMembersPoller::~RouteMembersPoller() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

RouteMembersPoller::Status RouteMembersPoller::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

void RouteMembersPoller::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const auto startedAt = std::chrono::steady_clock::now();
    // The poll's reply, written under mutex_ by the transport thread that delivers it.
    auto reply = std::make_shared<std::optional<RemoteReply>>();
    lock.unlock();
    const std::shared_ptr<net::UpstreamCall> call = startRemoteCall(
        transport_, target_, "GET", std::string(kRouteMembersPath), {}, options_.timeout, [this, reply](RemoteReply outcome) {
          // This thread waits for the reply (or cancels the call and then waits for it): it is alive here.
          std::lock_guard pollerLock(mutex_);
          *reply = std::move(outcome);
          wake_.notify_all();
        });
    lock.lock();
    wake_.wait(lock, [&] { return stopping_ || reply->has_value(); });
    if (stopping_) {
      lock.unlock();
      if (call) call->cancel();
      lock.lock();
      // The transport lets go of the callback, which names this poller, only once it has run.
      wake_.wait(lock, [&] { return reply->has_value(); });
      break;
    }
    const RemoteReply outcome = std::move(**reply);
    lock.unlock();  // readers of status() wait for no parse
    RouteMembersAnswer answer = routeMembersAnswer(outcome);
    std::shared_ptr<const RouteMembersStatus> members;
    if (!answer.error) members = std::make_shared<const RouteMembersStatus>(std::move(answer.members));
    lock.lock();
    ++status_.polls;
    status_.lastError = answer.error;
    if (members) {
      ++status_.answers;
      status_.members = std::move(members);
      status_.lastAnswerAt = std::chrono::steady_clock::now();
    }
    wake_.wait_until(lock, startedAt + options_.interval, [&] { return stopping_; });
  }
}

}  // namespace headroom::serve
