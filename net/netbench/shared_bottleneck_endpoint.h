#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "net/link/link_model.h"
#include "net/link/virtual_link.h"

namespace headroom::net::netbench {

// One bottleneck that both directions of a virtual link cross (a half-duplex or shared radio link, as
// opposed to a rate per direction): an endpoint wrapped in this hands each datagram it writes to the
// shared `bottleneck` (a LinkDirection with the rate and queue, no delay, no loss) and passes it on to the
// virtual link only when the bottleneck lets it out; a datagram that finds the queue full is dropped. Give
// the VirtualLink's own directions no rate and no queue (only the delay and the loss) when using it. The
// wrapped endpoint and the bottleneck are borrowed. Single-threaded, like the VirtualLink.
class SharedBottleneckEndpoint final : public link::DatagramEndpoint {
 public:
  SharedBottleneckEndpoint(link::DatagramEndpoint& inner, link::LinkDirection& bottleneck)
      : inner_(inner), bottleneck_(bottleneck) {}

  void receive(std::span<const std::uint8_t> datagram, std::chrono::nanoseconds now) override {
    inner_.receive(datagram, now);
  }
  void flush(std::chrono::nanoseconds now, const std::function<void(std::span<const std::uint8_t>)>& send) override {
    inner_.flush(now, [&](std::span<const std::uint8_t> datagram) {
      if (const auto out = bottleneck_.send(datagram.size(), now)) {
        held_.emplace_back(*out, std::vector<std::uint8_t>(datagram.begin(), datagram.end()));
      }
    });
    while (!held_.empty() && held_.front().first <= now) {
      send(held_.front().second);
      held_.pop_front();
    }
  }
  std::chrono::nanoseconds nextTimer() const override {
    const std::chrono::nanoseconds inner = inner_.nextTimer();
    return held_.empty() ? inner : std::min(inner, held_.front().first);
  }
  // The inner endpoint's timer when it is due; held datagrams go out on the flush that follows.
  void onTimer(std::chrono::nanoseconds now) override {
    if (inner_.nextTimer() <= now) inner_.onTimer(now);
  }

 private:
  link::DatagramEndpoint& inner_;
  link::LinkDirection& bottleneck_;
  std::deque<std::pair<std::chrono::nanoseconds, std::vector<std::uint8_t>>> held_;  // in leaving order
};

}  // namespace headroom::net::netbench
