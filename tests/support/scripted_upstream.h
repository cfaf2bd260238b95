#pragma once

// A scripted HTTP/1.1 upstream on a free loopback port, for router tests that need a member to fail in
// a chosen way: answer a status, break a stream off half-way, or drop the connection as a crashing
// process would. Each request is read whole (head and Content-Length body) and handed to the script,
// which returns the raw bytes to send (possibly nothing) and whether to close after them. Every
// connection is closed after its first request. Requests are counted by path.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace headroom::test {

class ScriptedUpstream {
 public:
  struct Request {
    std::string method;
    std::string target;
    std::string head;  // the request line and header lines, as sent
    std::string body;
  };
  // The bytes to send back; an empty string closes the connection without a word.
  using Script = std::function<std::string(const Request&)>;

  explicit ScriptedUpstream(Script script) : script_(std::move(script)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = 0;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener_, 64) != 0) {
      ::close(listener_);
      listener_ = -1;
      return;
    }
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { acceptLoop(); });
  }
  ~ScriptedUpstream() {
    stopping_ = true;
    if (acceptor_.joinable()) acceptor_.join();
    if (listener_ >= 0) ::close(listener_);
    std::vector<std::thread> workers;
    {
      std::lock_guard lock(mutex_);
      workers.swap(workers_);
    }
    for (std::thread& worker : workers) worker.join();
  }
  ScriptedUpstream(const ScriptedUpstream&) = delete;
  ScriptedUpstream& operator=(const ScriptedUpstream&) = delete;

  bool started() const { return port_ != 0; }
  std::uint16_t port() const { return port_; }
  int requests(const std::string& path) const {
    std::lock_guard lock(mutex_);
    const auto found = counts_.find(path);
    return found == counts_.end() ? 0 : found->second;
  }

  // A whole answer with a body.
  static std::string response(int status, const std::string& body, const std::string& contentType = "application/json") {
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  }
  // The head of a chunked text/event-stream answer and `data` as its chunks (no terminating chunk).
  static std::string streamStart(const std::vector<std::string>& chunks) {
    std::string out = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (const std::string& chunk : chunks) {
      char size[16];
      std::snprintf(size, sizeof size, "%zx", chunk.size());
      out += std::string(size) + "\r\n" + chunk + "\r\n";
    }
    return out;
  }

 private:
  void acceptLoop() {
    while (!stopping_) {
      pollfd pfd{listener_, POLLIN, 0};
      if (::poll(&pfd, 1, 20) <= 0) continue;
      const int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) continue;
      std::lock_guard lock(mutex_);
      workers_.emplace_back([this, fd] { serve(fd); });
    }
  }

  void serve(int fd) {
    std::string buffer;
    std::size_t headEnd = std::string::npos;
    while ((headEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
      if (!fill(fd, buffer)) return finish(fd);
    }
    Request request;
    const std::string head = buffer.substr(0, headEnd);
    const std::size_t firstSpace = head.find(' ');
    const std::size_t secondSpace = head.find(' ', firstSpace + 1);
    request.method = head.substr(0, firstSpace);
    request.target = head.substr(firstSpace + 1, secondSpace - firstSpace - 1);
    request.head = head;
    std::size_t length = 0;
    std::string lower = head;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (const std::size_t at = lower.find("content-length:"); at != std::string::npos) {
      length = std::stoul(head.substr(at + 15));
    }
    while (buffer.size() < headEnd + 4 + length) {
      if (!fill(fd, buffer)) return finish(fd);
    }
    request.body = buffer.substr(headEnd + 4, length);
    {
      std::lock_guard lock(mutex_);
      ++counts_[request.target];
    }
    const std::string answer = script_(request);
    std::size_t sent = 0;
    while (sent < answer.size()) {
      const ssize_t n = ::send(fd, answer.data() + sent, answer.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    finish(fd);
  }

  bool fill(int fd, std::string& buffer) {
    pollfd pfd{fd, POLLIN, 0};
    for (int waited = 0; waited < 10000 && !stopping_; waited += 20) {
      if (::poll(&pfd, 1, 20) > 0) {
        char data[16384];
        const ssize_t n = ::recv(fd, data, sizeof data, 0);
        if (n <= 0) return false;
        buffer.append(data, static_cast<std::size_t>(n));
        return true;
      }
    }
    return false;
  }

  static void finish(int fd) {
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
  }

  Script script_;
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread acceptor_;
  mutable std::mutex mutex_;
  std::vector<std::thread> workers_;
  std::map<std::string, int> counts_;
};

}  // namespace headroom::test
