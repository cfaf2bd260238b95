#pragma once

#include <atomic>
#include <cstdint>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "net/link/link_model.h"

namespace headroom::net::link {

// The two ends of a NetnsLink: A is the client's end (what it sends crosses the `up` direction), B the
// server's end.
enum class NetnsSide : std::uint8_t { A, B };

// Thrown when this host cannot make a NetnsLink (not root, no /dev/net/tun, no `ip`); the message says
// what is missing.
class NetnsLinkUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The link model as a real-time relay between two network namespaces it creates: a TUN device in each
// (addresses 10.77.0.1 on A and 10.77.0.2 on B, a /24 between them), and a relay thread that reads every
// IP packet from one TUN device and writes it to the other when its LinkDirection says it arrives
// (dropping what the model drops). UDP (QUIC) and TCP (TLS) between the sides both meet the rate, delay,
// queue and loss. Each pair of namespaces is private, so every link has the same addresses.
//
// Needs root and /dev/net/tun, and `ip` from iproute2 in PATH. The destructor stops the relay and deletes
// both namespaces (a socket still open in one keeps that namespace alive, without its name, until it is
// closed). Thread-safe: runIn(), openSocket() and counters() may be called from any thread.
class NetnsLink {
 public:
  // `up` orders A -> B, `down` B -> A; their random losses are drawn from `seed` and `seed` + 1.
  // Throws NetnsLinkUnavailable when this host cannot, std::runtime_error when a step fails (naming the
  // step); nothing is left behind either way.
  NetnsLink(const LinkSettings& up, const LinkSettings& down, std::uint64_t seed);
  ~NetnsLink();
  NetnsLink(const NetnsLink&) = delete;
  NetnsLink& operator=(const NetnsLink&) = delete;

  // Why this host cannot make a NetnsLink ("needs root ...", "/dev/net/tun ...", or why a first link
  // failed: a chroot, a container without CAP_NET_ADMIN), or nullopt when it can. The first call as root
  // makes and removes one link to find out (about 50 ms); the answer is kept for the process.
  static std::optional<std::string> unavailableReason();

  // "10.77.0.1" (A) or "10.77.0.2" (B).
  std::string address(NetnsSide side) const;
  // The namespace's name, e.g. for `ip netns exec NAME command`.
  std::string namespaceName(NetnsSide side) const;

  // Runs `fn` on a new thread that has joined the side's network namespace and waits for it; rethrows
  // what it throws. Sockets made in `fn` live in that namespace, whichever thread uses them later. For a
  // long-running loop in a namespace, call runIn() from a thread of your own.
  void runIn(NetnsSide side, const std::function<void()>& fn) const;
  // A socket (as socket(2)) made in the side's namespace; the caller owns the descriptor. Throws
  // std::system_error when socket(2) fails.
  int openSocket(NetnsSide side, int domain, int type, int protocol = 0) const;

  struct Counters {
    LinkDirection::Counters up, down;
  };
  Counters counters() const;

 private:
  struct Direction;
  // What is missing before anything is tried: root, /dev/net/tun, `ip`.
  static std::optional<std::string> missingPrerequisite();
  void relay();
  void deliverDue(Direction& direction, std::chrono::nanoseconds now);
  void readAll(Direction& direction, std::vector<std::uint8_t>& buffer);
  std::chrono::nanoseconds sinceStart() const;
  void tearDown() noexcept;

  std::string names_[2];
  bool namespaceCreated_[2] = {false, false};
  int tunFds_[2] = {-1, -1};
  int stopFd_ = -1;
  std::chrono::steady_clock::time_point start_;
  mutable std::mutex mutex_;  // guards the two directions' models
  std::unique_ptr<Direction> up_, down_;
  std::thread relay_;
};

}  // namespace headroom::net::link
