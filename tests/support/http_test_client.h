#pragma once

// A small blocking HTTP/1.1 client over POSIX sockets for tests that talk to a real server on loopback.
// It sends exactly the bytes it is given (so tests can send malformed requests too) and decodes
// Content-Length, chunked and close-delimited replies.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace headroom::test {

struct HttpReply {
  int status = 0;  // 0: no reply (connection closed or timed out first)
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;                            // decoded
  bool chunked = false;

  std::string header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
  }
};

class HttpConnection {
 public:
  // Connects to 127.0.0.1:port, from `sourceAddress` when given (another loopback address such as
  // "127.0.0.2" stands for another client). A send blocked for 30 s fails.
  explicit HttpConnection(std::uint16_t port, const char* sourceAddress = nullptr) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (sourceAddress) {
      sockaddr_in source{};
      source.sin_family = AF_INET;
      ::inet_pton(AF_INET, sourceAddress, &source.sin_addr);
      if (::bind(fd_, reinterpret_cast<sockaddr*>(&source), sizeof source) != 0) {
        ::close(fd_);
        fd_ = -1;
        return;
      }
    }
    timeval sendTimeout{30, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, sizeof sendTimeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
    int one = 1;
    if (fd_ >= 0) ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~HttpConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  bool connected() const { return fd_ >= 0; }

  bool sendRaw(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  bool send(const std::string& method, const std::string& path, const std::string& body = {},
            const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
    if (!body.empty() || method == "POST" || method == "PUT") {
      request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    }
    request += "\r\n" + body;
    return sendRaw(request);
  }

  // Reads one reply. `onChunk` (optional) hears each chunk of a chunked body as it arrives.
  template <typename OnChunk>
  HttpReply read(std::chrono::milliseconds timeout, OnChunk onChunk) {
    deadline_ = std::chrono::steady_clock::now() + timeout;
    HttpReply reply;
    std::size_t headerEnd;
    while ((headerEnd = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return reply;
    }
    const std::string head = buffer_.substr(0, headerEnd);
    buffer_.erase(0, headerEnd + 4);
    std::size_t lineEnd = head.find("\r\n");
    const std::string statusLine = head.substr(0, lineEnd);
    if (statusLine.size() < 12) return reply;
    const int status = std::stoi(statusLine.substr(9, 3));
    while (lineEnd != std::string::npos) {
      const std::size_t start = lineEnd + 2;
      lineEnd = head.find("\r\n", start);
      const std::string line = head.substr(start, lineEnd == std::string::npos ? std::string::npos : lineEnd - start);
      const std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::size_t valueStart = colon + 1;
      while (valueStart < line.size() && line[valueStart] == ' ') ++valueStart;
      reply.headers[name] = line.substr(valueStart);
    }
    if (reply.header("transfer-encoding") == "chunked") {
      reply.chunked = true;
      while (true) {
        std::size_t sizeEnd;
        while ((sizeEnd = buffer_.find("\r\n")) == std::string::npos) {
          if (!fill()) return reply;
        }
        const std::size_t size = std::stoul(buffer_.substr(0, sizeEnd), nullptr, 16);
        while (buffer_.size() < sizeEnd + 2 + size + 2) {
          if (!fill()) return reply;
        }
        const std::string chunk = buffer_.substr(sizeEnd + 2, size);
        buffer_.erase(0, sizeEnd + 2 + size + 2);
        if (size == 0) break;
        onChunk(chunk);
        reply.body += chunk;
      }
    } else if (!reply.header("content-length").empty()) {
      const std::size_t length = std::stoul(reply.header("content-length"));
      while (buffer_.size() < length) {
        if (!fill()) return reply;
      }
      reply.body = buffer_.substr(0, length);
      buffer_.erase(0, length);
    } else {
      while (fill()) {
      }
      reply.body = std::move(buffer_);
      buffer_.clear();
    }
    reply.status = status;
    return reply;
  }

  HttpReply read(std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    return read(timeout, [](const std::string&) {});
  }

  // True when the server closed the connection (EOF) within `timeout`.
  bool closedByPeer(std::chrono::milliseconds timeout) {
    deadline_ = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const std::size_t before = buffer_.size();
      if (!fill()) return eof_;
      if (buffer_.size() == before) return false;
    }
  }

 private:
  bool fill() {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd pfd{fd_, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) return false;
    char data[16384];
    const ssize_t n = ::recv(fd_, data, sizeof data, 0);
    if (n <= 0) {
      eof_ = n == 0;
      return false;
    }
    buffer_.append(data, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  std::string buffer_;
  bool eof_ = false;
  std::chrono::steady_clock::time_point deadline_{};
};

inline HttpReply httpRequest(std::uint16_t port, const std::string& method, const std::string& path,
                             const std::string& body = {},
                             const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  HttpConnection connection(port);
  if (!connection.connected() || !connection.send(method, path, body, headers)) return {};
  return connection.read();
}

// The JSON payloads of an SSE body's "data:" events, in order ("[DONE]" included as is).
inline std::vector<std::string> sseData(const std::string& body) {
  std::vector<std::string> events;
  std::size_t position = 0;
  while ((position = body.find("data: ", position)) != std::string::npos) {
    const std::size_t end = body.find("\n\n", position);
    events.push_back(body.substr(position + 6, end == std::string::npos ? std::string::npos : end - position - 6));
    if (end == std::string::npos) break;
    position = end + 2;
  }
  return events;
}

}  // namespace headroom::test
