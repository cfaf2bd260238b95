#pragma once

#include <atomic>
#include <chrono>
#include <functional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace headroom::net::netbench {

// Stops a real-time run's io_context within `period` once `*cancel` is set (from any thread), calling
// `onCancel` first on the io_context's thread. A null `cancel` never stops it. Lives on the stack of the
// thread that runs the io_context.
class CancelWatch {
 public:
  CancelWatch(boost::asio::io_context& io, const std::atomic<bool>* cancel, std::function<void()> onCancel,
              std::chrono::milliseconds period = std::chrono::milliseconds(100))
      : io_(io), timer_(io), cancel_(cancel), onCancel_(std::move(onCancel)), period_(period) {
    if (cancel_ != nullptr) arm();
  }

 private:
  void arm() {
    timer_.expires_after(period_);
    timer_.async_wait([this](const boost::system::error_code& error) {
      if (error) return;
      if (cancel_->load()) {
        if (onCancel_) onCancel_();
        io_.stop();
        return;
      }
      arm();
    });
  }

  boost::asio::io_context& io_;
  boost::asio::steady_timer timer_;
  const std::atomic<bool>* cancel_;
  std::function<void()> onCancel_;
  std::chrono::milliseconds period_;
};

}  // namespace headroom::net::netbench
