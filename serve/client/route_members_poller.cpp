#include "serve/client/route_members_poller.h"

namespace headroom::serve {

// One poll's outcome, shared with the transport thread that delivers it (it may come after the poller
// stopped waiting).
struct RouteMembersPoller::Poll {
  std::mutex mutex;
  std::optional<RemoteReply> reply;
};

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
    auto poll = std::make_shared<Poll>();
    lock.unlock();
    const std::shared_ptr<net::UpstreamCall> call = startRemoteCall(
        transport_, target_, "GET", std::string(kRouteMembersPath), {}, options_.timeout, [this, poll](RemoteReply reply) {
          {
            std::lock_guard pollLock(poll->mutex);
            poll->reply = std::move(reply);
          }
          // The poller waits for this (or stops, after cancelling and hearing it): it is alive here.
          std::lock_guard pollerLock(mutex_);
          wake_.notify_all();
        });
    lock.lock();
    const auto replied = [&] {
      std::lock_guard pollLock(poll->mutex);
      return poll->reply.has_value();
    };
    wake_.wait(lock, [&] { return stopping_ || replied(); });
    if (stopping_) {
      lock.unlock();
      if (call) call->cancel();
      lock.lock();
      // Wait for the transport to let go of the callback, which names this poller.
      wake_.wait(lock, replied);
      break;
    }
    RouteMembersAnswer answer;
    {
      std::lock_guard pollLock(poll->mutex);
      answer = routeMembersAnswer(*poll->reply);
    }
    ++status_.polls;
    status_.lastError = answer.error;
    if (!answer.error) {
      ++status_.answers;
      status_.members = std::make_shared<const RouteMembersStatus>(std::move(answer.members));
      status_.lastAnswerAt = std::chrono::steady_clock::now();
    }
    wake_.wait_until(lock, startedAt + options_.interval, [&] { return stopping_; });
  }
}

}  // namespace headroom::serve
