#pragma once

// QUIC over real UDP sockets for tests (certificates: test_certificates.h): an UpstreamHandler that
// collects what it hears, and a raw QUIC client (the net API's QuicConnection on a socket of its own,
// pumped by the test's thread) that can write anything on a stream, a malformed header too.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "net/quic/quic_connection.h"
#include "net/upstream.h"

namespace headroom::test {

// Collects one upstream call's callbacks; wait() blocks until it ended (or the limit passed).
class CollectingHandler final : public net::UpstreamHandler {
 public:
  void onSending() override {
    std::lock_guard lock(mutex_);
    sending = true;
  }
  void onHead(int s, const net::HttpHeaders& h) override {
    std::lock_guard lock(mutex_);
    status = s;
    headers = h;
  }
  void onBody(std::string_view bytes) override {
    std::lock_guard lock(mutex_);
    body.append(bytes);
  }
  void onComplete() override { end([&] { completed = true; }); }
  void onError(std::string_view message) override { end([&] { error = std::string(message); }); }
  void onDeadlinePassed() override { end([&] { deadlinePassed = true; }); }

  bool wait(std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    std::unique_lock lock(mutex_);
    return ended_.wait_for(lock, limit, [&] { return done; });
  }
  std::string snapshotBody() {
    std::lock_guard lock(mutex_);
    return body;
  }

  // Read after wait() returned true.
  bool sending = false;
  int status = 0;
  net::HttpHeaders headers;
  std::string body;
  bool completed = false;
  bool deadlinePassed = false;
  std::optional<std::string> error;
  bool done = false;

 private:
  template <typename Set>
  void end(Set set) {
    {
      std::lock_guard lock(mutex_);
      set();
      done = true;
    }
    ended_.notify_all();
  }
  std::mutex mutex_;
  std::condition_variable ended_;
};

// A QUIC client on a loopback UDP socket, driven by pump() on the calling thread.
class RawQuicClient final : public net::quic::QuicConnectionHandler {
 public:
  RawQuicClient(std::uint16_t port, const std::filesystem::path& pinned) {
    fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(port);
    remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(fd_, reinterpret_cast<sockaddr*>(&remote), sizeof remote);
    sockaddr_in local{};
    socklen_t length = sizeof local;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&local), &length);
    path_ = net::quic::makeQuicPath("127.0.0.1", ntohs(local.sin_port), "127.0.0.1", port);
    net::quic::QuicClientConfig config;
    config.serverName = "headroom";
    config.pinnedCertificate = pinned;
    connection_ = net::quic::QuicConnection::connect(config, path_, now(), *this);
  }
  ~RawQuicClient() override { ::close(fd_); }

  net::quic::QuicConnection& connection() { return *connection_; }

  // Drives the connection until `done()` holds or `limit` passed; true when it holds.
  template <typename Done>
  bool pumpUntil(Done done, std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
      flush();
      const auto left = deadline - std::chrono::steady_clock::now();
      if (left <= std::chrono::steady_clock::duration::zero()) return false;
      auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(left);
      const net::quic::QuicTime due = connection_->nextTimer();
      if (due != net::quic::QuicTime::max()) {
        wait = std::min(wait, std::max(std::chrono::milliseconds(0), std::chrono::duration_cast<std::chrono::milliseconds>(due - now())));
      }
      pollfd pfd{fd_, POLLIN, 0};
      if (::poll(&pfd, 1, static_cast<int>(std::max<long long>(1, wait.count()))) > 0) {
        std::uint8_t datagram[65536];
        while (true) {
          const ssize_t n = ::recv(fd_, datagram, sizeof datagram, MSG_DONTWAIT);
          if (n <= 0) break;
          connection_->receive(std::span<const std::uint8_t>(datagram, static_cast<std::size_t>(n)), path_, now());
        }
      }
      if (connection_->nextTimer() <= now()) connection_->onTimer(now());
    }
    flush();
    return true;
  }

  void onHandshakeCompleted() override { handshake = true; }
  void onStreamData(net::quic::StreamId id, std::string_view bytes, bool fin) override {
    data[id].append(bytes);
    if (fin) finished[id] = true;
  }
  void onStreamReset(net::quic::StreamId id, std::uint64_t code) override { resets[id] = code; }
  void onClosed(std::string_view reason) override { closedReason = std::string(reason); }

  bool handshake = false;
  std::map<net::quic::StreamId, std::string> data;
  std::map<net::quic::StreamId, bool> finished;
  std::map<net::quic::StreamId, std::uint64_t> resets;
  std::optional<std::string> closedReason;

  static net::quic::QuicTime now() {
    return std::chrono::duration_cast<net::quic::QuicTime>(std::chrono::steady_clock::now().time_since_epoch());
  }

 private:
  void flush() {
    connection_->flush(now(), [&](std::span<const std::uint8_t> bytes) { ::send(fd_, bytes.data(), bytes.size(), 0); });
  }

  int fd_ = -1;
  net::quic::QuicPath path_;
  std::unique_ptr<net::quic::QuicConnection> connection_;
};

}  // namespace headroom::test
