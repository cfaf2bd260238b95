#include "net/upstream_client.h"

#include <sys/socket.h>

#include <cerrno>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace headroom::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using Strand = asio::strand<asio::io_context::executor_type>;

// An idle keep-alive connection and the strand it was made on: its completions (and its timer's) run
// there, so the call that takes it over runs on that strand too.
template <typename Stream>
struct PooledConnection {
  std::unique_ptr<Stream> stream;
  Strand strand;
};

namespace {

std::string endpointKey(const UpstreamEndpoint& endpoint) {
  return endpoint.host + ":" + std::to_string(endpoint.port);
}

std::chrono::microseconds micros(std::chrono::microseconds d) { return std::chrono::microseconds(d.count()); }

}  // namespace

struct UpstreamClient::Impl {
  Impl(int threadCount, std::size_t maxIdle, bool verify)
      : io(threadCount), guard(asio::make_work_guard(io)), tls(asio::ssl::context::tls_client), maxIdlePerEndpoint(maxIdle) {
    if (verify) {
      tls.set_default_verify_paths();
      tls.set_verify_mode(asio::ssl::verify_peer);
    } else {
      tls.set_verify_mode(asio::ssl::verify_none);
    }
  }

  template <typename Stream>
  std::map<std::string, std::vector<PooledConnection<Stream>>>& idle() {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      return idleTls;
    } else {
      return idlePlain;
    }
  }

  // An idle connection to `key` that still looks open. One the server has closed meanwhile is dropped
  // rather than sent a request, so a server that went away is met with a refused connect, before any
  // byte of the request left.
  template <typename Stream>
  std::optional<PooledConnection<Stream>> take(const std::string& key) {
    std::lock_guard lock(poolMutex);
    auto& pool = idle<Stream>()[key];
    while (!pool.empty()) {
      PooledConnection<Stream> connection = std::move(pool.back());
      pool.pop_back();
      const int fd = beast::get_lowest_layer(*connection.stream).socket().native_handle();
      if (looksOpen(fd, std::is_same_v<Stream, TlsStream>)) return connection;
    }
    return std::nullopt;
  }

  // Not closed or reset by the server, and on a plain connection no bytes nobody asked for (a TLS one
  // may hold a session ticket).
  static bool looksOpen(int fd, bool tls) {
    char byte = 0;
    const ssize_t n = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n > 0) return tls;
    if (n == 0) return false;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }

  template <typename Stream>
  void giveBack(const std::string& key, PooledConnection<Stream> connection) {
    std::lock_guard lock(poolMutex);
    if (stopping) return;
    auto& pool = idle<Stream>()[key];
    if (pool.size() < maxIdlePerEndpoint) pool.push_back(std::move(connection));
  }

  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> guard;
  asio::ssl::context tls;
  std::size_t maxIdlePerEndpoint;
  std::vector<std::thread> threads;
  std::mutex poolMutex;
  bool stopping = false;
  std::map<std::string, std::vector<PooledConnection<PlainStream>>> idlePlain;
  std::map<std::string, std::vector<PooledConnection<TlsStream>>> idleTls;
};

namespace {

// One request. Everything it does runs on strand_: cancel() and every completion. A call that takes
// over an idle connection takes its strand too (the connection's operations complete there).
template <typename Stream>
class Call final : public UpstreamCall, public std::enable_shared_from_this<Call<Stream>> {
 public:
  Call(UpstreamClient::Impl& client, UpstreamRequest request, std::shared_ptr<UpstreamHandler> handler,
       std::string key, std::optional<PooledConnection<Stream>> pooled)
      : client_(client),
        request_(std::move(request)),
        handler_(std::move(handler)),
        key_(std::move(key)),
        strand_(pooled ? pooled->strand : asio::make_strand(client_.io)) {
    if (pooled) pooled_ = std::move(pooled->stream);
  }

  void begin() {
    asio::dispatch(strand_, [self = this->shared_from_this()] { self->obtainConnection(true); });
  }

  void cancel() override {
    asio::post(strand_, [self = this->shared_from_this()] {
      if (self->done_) return;
      self->cancelled_ = true;
      if (self->stream_) beast::get_lowest_layer(*self->stream_).close();
      else self->finishError("cancelled");
    });
  }

 private:
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(*stream_); }

  void obtainConnection(bool mayReuse) {
    if (cancelled_) return finishError("cancelled");
    if (mayReuse) stream_ = std::move(pooled_);
    pooled_.reset();
    reused_ = stream_ != nullptr;
    if (reused_) return send();
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      stream_ = std::make_unique<Stream>(strand_, client_.tls);
      SSL_set_tlsext_host_name(stream_->native_handle(), request_.endpoint.host.c_str());
    } else {
      stream_ = std::make_unique<Stream>(strand_);
    }
    beast::error_code ec;
    const auto address = asio::ip::make_address(request_.endpoint.host, ec);
    if (!ec) {
      connectTo({tcp::endpoint(address, request_.endpoint.port)});
      return;
    }
    resolver_.emplace(strand_);
    resolver_->async_resolve(request_.endpoint.host, std::to_string(request_.endpoint.port),
                             [self = this->shared_from_this()](beast::error_code error, tcp::resolver::results_type results) {
                               if (error) return self->finishError("cannot resolve " + self->key_ + ": " + error.message());
                               std::vector<tcp::endpoint> endpoints;
                               for (const auto& entry : results) endpoints.push_back(entry.endpoint());
                               self->connectTo(std::move(endpoints));
                             });
  }

  void connectTo(std::vector<tcp::endpoint> endpoints) {
    lowest().expires_after(micros(request_.connectTimeout));
    lowest().async_connect(endpoints, [self = this->shared_from_this()](beast::error_code ec, const tcp::endpoint&) {
      if (ec) return self->finishError("cannot connect to " + self->key_ + ": " + ec.message());
      beast::error_code ignored;
      self->lowest().socket().set_option(tcp::no_delay(true), ignored);
      if constexpr (std::is_same_v<Stream, TlsStream>) {
        self->stream_->async_handshake(asio::ssl::stream_base::client, [self](beast::error_code error) {
          if (error) return self->finishError("TLS handshake with " + self->key_ + " failed: " + error.message());
          self->send();
        });
      } else {
        self->send();
      }
    });
  }

  void send() {
    wire_ = request_.method + " " + request_.target + " HTTP/1.1\r\nHost: " + key_ + "\r\n";
    for (const auto& [name, value] : request_.headers) {
      wire_ += name;
      wire_ += ": ";
      wire_ += value;
      wire_ += "\r\n";
    }
    wire_ += "Content-Length: " + std::to_string(request_.body.size()) + "\r\nConnection: keep-alive\r\n\r\n";
    wire_ += request_.body;
    handler_->onSending();
    lowest().expires_after(micros(request_.idleTimeout));
    asio::async_write(*stream_, asio::buffer(wire_), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->retryOrFail("cannot send to " + self->key_ + ": " + ec.message());
      self->readHead();
    });
  }

  void readHead() {
    parser_.emplace();
    // Not boost::none: Beast 1.74 compares a Content-Length against an empty limit as exceeded.
    parser_->body_limit(std::uint64_t{1} << 40);
    lowest().expires_after(micros(request_.idleTimeout));
    http::async_read_header(*stream_, buffer_, *parser_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->retryOrFail("no reply from " + self->key_ + ": " + ec.message());
      const auto& message = self->parser_->get();
      HttpHeaders headers;
      for (const auto& field : message) headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
      self->headSeen_ = true;
      self->handler_->onHead(static_cast<int>(message.result_int()), headers);
      if (self->parser_->is_done()) return self->complete();
      self->readBody();
    });
  }

  void readBody() {
    auto& body = parser_->get().body();
    body.data = chunk_;
    body.size = sizeof chunk_;
    lowest().expires_after(micros(request_.idleTimeout));
    http::async_read_some(*stream_, buffer_, *parser_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec == http::error::need_buffer) ec = {};
      const std::size_t got = sizeof self->chunk_ - self->parser_->get().body().size;
      if (got > 0 && !self->cancelled_) self->handler_->onBody(std::string_view(self->chunk_, got));
      if (ec) return self->finishError("reply from " + self->key_ + " broke off: " + ec.message());
      if (self->parser_->is_done()) return self->complete();
      self->readBody();
    });
  }

  void retryOrFail(std::string message) {
    // A pooled connection the server had closed meanwhile: try once more on a fresh one.
    if (reused_ && !headSeen_ && !cancelled_) {
      stream_.reset();
      buffer_.consume(buffer_.size());
      return obtainConnection(false);
    }
    finishError(std::move(message));
  }

  void complete() {
    if (done_) return;
    done_ = true;
    const bool reusable = parser_->keep_alive() && !cancelled_ && buffer_.size() == 0;
    lowest().expires_never();
    if (reusable) client_.template giveBack<Stream>(key_, PooledConnection<Stream>{std::move(stream_), strand_});
    handler_->onComplete();
  }

  void finishError(std::string message) {
    if (done_) return;
    done_ = true;
    if (stream_) {
      beast::error_code ignored;
      lowest().socket().close(ignored);
    }
    handler_->onError(cancelled_ ? std::string("cancelled") : message);
  }

  UpstreamClient::Impl& client_;
  UpstreamRequest request_;
  std::shared_ptr<UpstreamHandler> handler_;
  std::string key_;
  Strand strand_;
  std::optional<tcp::resolver> resolver_;
  std::unique_ptr<Stream> pooled_;  // an idle connection to use first
  std::unique_ptr<Stream> stream_;
  std::string wire_;
  beast::flat_buffer buffer_;
  std::optional<http::response_parser<http::buffer_body>> parser_;
  char chunk_[16384];
  bool reused_ = false;
  bool headSeen_ = false;
  bool cancelled_ = false;
  bool done_ = false;
};

}  // namespace

UpstreamClient::UpstreamClient(int threads, std::size_t maxIdlePerEndpoint, bool verifyPeer)
    : impl_(std::make_unique<Impl>(threads, maxIdlePerEndpoint, verifyPeer)) {
  for (int i = 0; i < std::max(1, threads); ++i) impl_->threads.emplace_back([impl = impl_.get()] { impl->io.run(); });
}

UpstreamClient::~UpstreamClient() {
  {
    std::lock_guard lock(impl_->poolMutex);
    impl_->stopping = true;
    impl_->idlePlain.clear();
    impl_->idleTls.clear();
  }
  impl_->guard.reset();
  impl_->io.stop();
  for (std::thread& thread : impl_->threads) thread.join();
}

std::shared_ptr<UpstreamCall> UpstreamClient::start(UpstreamRequest request,
                                                            std::shared_ptr<UpstreamHandler> handler) {
  std::string key = endpointKey(request.endpoint);
  if (request.endpoint.tls) {
    auto pooled = impl_->take<TlsStream>(key);
    auto call = std::make_shared<Call<TlsStream>>(*impl_, std::move(request), std::move(handler), std::move(key), std::move(pooled));
    call->begin();
    return call;
  }
  auto pooled = impl_->take<PlainStream>(key);
  auto call = std::make_shared<Call<PlainStream>>(*impl_, std::move(request), std::move(handler), std::move(key), std::move(pooled));
  call->begin();
  return call;
}

}  // namespace headroom::net
