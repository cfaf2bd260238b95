#include "net/http_server.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <spdlog/spdlog.h>

#include "net/http_wire.h"
#include "net/peer_watch.h"

namespace headroom::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

int parseErrorStatus(beast::error_code ec) {
  if (ec == http::error::header_limit) return 431;
  if (ec == http::error::body_limit) return 413;
  return 400;
}

std::string parseErrorMessage(beast::error_code ec, const HttpServerOptions& options) {
  if (ec == http::error::header_limit) {
    return "The request header exceeds " + std::to_string(options.maxHeaderBytes) + " bytes.";
  }
  if (ec == http::error::body_limit) return "The request body exceeds " + std::to_string(options.maxBodyBytes) + " bytes.";
  return "Malformed HTTP request: " + ec.message() + ".";
}

HttpRequest toEngineRequest(http::request<http::string_body>&& message) {
  HttpRequest request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  request.body = std::move(message.body());
  return request;
}

// What an exchange needs from its connection; implemented by Session<Stream>. All calls post onto the
// connection's strand.
class SessionBase {
 public:
  virtual ~SessionBase() = default;
  virtual void post(std::function<void()> work) = 0;
  virtual void deliverResponse(HttpResponse response) = 0;
  virtual void deliverStreamStart(int status, HttpHeaders headers) = 0;
  virtual void deliverChunk(std::string data) = 0;
  virtual void deliverStreamEnd() = 0;
  virtual void deliverOnClose(std::function<void()> callback) = 0;
};

// Holds its connection alive until the reply is written: while a handler or a serving host still has
// the exchange, the connection waits for it (it reads nothing meanwhile).
class Exchange final : public HttpExchange {
 public:
  explicit Exchange(std::shared_ptr<SessionBase> session) : session_(std::move(session)) {}

  void respond(HttpResponse response) override {
    with([response = std::move(response)](SessionBase& s) mutable { s.deliverResponse(std::move(response)); });
  }
  void startStream(int status, HttpHeaders headers) override {
    with([status, headers = std::move(headers)](SessionBase& s) mutable { s.deliverStreamStart(status, std::move(headers)); });
  }
  void sendChunk(std::string data) override {
    if (data.empty()) return;
    with([data = std::move(data)](SessionBase& s) mutable { s.deliverChunk(std::move(data)); });
  }
  void endStream() override {
    with([](SessionBase& s) { s.deliverStreamEnd(); });
  }
  void onClose(std::function<void()> callback) override {
    with([callback = std::move(callback)](SessionBase& s) mutable { s.deliverOnClose(std::move(callback)); });
  }

 private:
  template <typename Work>
  void with(Work work) {
    session_->post([session = session_, work = std::move(work)]() mutable { work(*session); });
  }

  std::shared_ptr<SessionBase> session_;
};

}  // namespace

// Whether a new connection may be served, and if not, why.
enum class Admission : std::uint8_t { Accepted, ServerFull, ClientFull };

struct HttpServer::Impl {
  Impl(const HttpServerOptions& opts, HttpHandler& h)
      : options(opts),
        handler(h),
        counters(opts.counters ? opts.counters : std::make_shared<HttpServerCounters>()),
        io(opts.threads),
        acceptor(asio::make_strand(io)),
        acceptRetry(acceptor.get_executor()),
        ssl(asio::ssl::context::tls_server) {}
  ~Impl() {
    if (spareDescriptor >= 0) ::close(spareDescriptor);
  }

  HttpServerOptions options;
  HttpHandler& handler;
  std::shared_ptr<HttpServerCounters> counters;
  // Admitted connections, all and per client address. Refused connections are not counted here: they
  // hold no place while their 503 is written. Declared before io: sessions that io's destructor
  // destroys release their place here.
  std::mutex admissionMutex;
  std::int32_t admitted = 0;
  std::map<asio::ip::address, std::int32_t> admittedPerClient;
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::steady_timer acceptRetry;  // backs off after a failed accept (out of descriptors)
  asio::ssl::context ssl;
  bool useTls = false;
  std::vector<std::thread> threads;
  std::atomic<bool> stopped{false};
  std::atomic<bool> finishing{false};  // stop(grace): no more keep-alive, idle connections close
  std::mutex sessionsMutex;
  std::vector<std::weak_ptr<void>> sessions;
  std::vector<std::function<void()>> closers;  // parallel to sessions: closes one on the I/O threads
  std::vector<std::function<void()>> idleClosers;  // parallel to sessions: closes one if it awaits a request
  std::uint16_t boundPort = 0;

  // Accept failures (on the acceptor's strand): logged at most once per kAcceptLogInterval.
  static constexpr std::chrono::seconds kAcceptLogInterval{10};
  static constexpr std::chrono::milliseconds kAcceptRetry{50};
  std::chrono::steady_clock::time_point lastAcceptLog{};
  std::uint64_t acceptFailuresUnlogged = 0;
  // A descriptor held back for the moment the process runs out: freed to accept and answer 503 to
  // the clients waiting in the backlog instead of leaving them hanging.
  int spareDescriptor = -1;

  void accept();
  void onAcceptFailure(beast::error_code ec);
  void shedBacklog();
  Admission admit(const asio::ip::address& client);
  void release(const asio::ip::address& client);
  template <typename Stream>
  void track(const std::shared_ptr<Stream>& session);
};

namespace {

constexpr std::chrono::milliseconds kPeerPoll{200};

std::string secondsText(std::chrono::microseconds duration) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", static_cast<double>(duration.count()) / 1e6);
  return text;
}

template <typename Stream>
class Session final : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
 public:
  template <typename... Args>
  Session(HttpServer::Impl& server, Admission admission, asio::ip::address client, Args&&... args)
      : server_(server), stream_(std::forward<Args>(args)...), timer_(stream_.get_executor()),
        admission_(admission), holdsPlace_(admission == Admission::Accepted), client_(std::move(client)),
        peerTimer_(stream_.get_executor()) {
    server_.counters->connectionOpened();
  }

  ~Session() override {
    releasePlace();
    server_.counters->connectionClosed();
  }

  void run() {
    asio::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->handshake(); });
  }

  void close() {
    asio::post(stream_.get_executor(), [self = this->shared_from_this()] { self->fail(); });
  }

  void closeIfIdle() {
    asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (self->awaitingRequest_) self->shutdown();
    });
  }

  void post(std::function<void()> work) override { asio::post(stream_.get_executor(), std::move(work)); }

  void deliverResponse(HttpResponse response) override {
    if (closed_ || replied_) return;
    replied_ = true;
    complete_ = true;
    if (server_.finishing.load()) keepAlive_ = false;
    server_.counters->countResponse(response.status);
    queue(formatResponse(response.status, response.headers, response.body, keepAlive_));
  }

  void deliverStreamStart(int status, HttpHeaders headers) override {
    if (closed_ || replied_) return;
    replied_ = true;
    streaming_ = true;
    chunked_ = version_ >= 11;
    if (server_.finishing.load()) keepAlive_ = false;
    if (!chunked_) keepAlive_ = false;
    server_.counters->countResponse(status);
    queue(formatStreamHead(status, headers, chunked_, keepAlive_));
  }

  void deliverChunk(std::string data) override {
    if (closed_ || !streaming_ || complete_) return;
    queue(chunked_ ? formatChunk(data) : std::move(data));
  }

  void deliverStreamEnd() override {
    if (closed_ || !streaming_ || complete_) return;
    complete_ = true;
    if (chunked_) {
      queue(std::string(kLastChunk));
    } else {
      maybeFinishExchange();
    }
  }

  void deliverOnClose(std::function<void()> callback) override {
    if (closed_ && !complete_) {
      callback();
    } else if (!complete_) {
      onClose_ = std::move(callback);
    }
  }

 private:
  static constexpr bool kTls = std::is_same_v<Stream, beast::ssl_stream<beast::tcp_stream>>;

  // Which wait a read deadline belongs to.
  enum class Phase : std::uint8_t { Idle, Header, Body };

  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }
  const HttpServerOptions& options() const { return server_.options; }

  void handshake() {
    if constexpr (kTls) {
      // The handshake is part of the first request's header: it has headerTimeout (beast closes the
      // socket when it runs out).
      lowest().expires_after(options().headerTimeout);
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                self->lowest().expires_never();
                                if (ec) return self->fail();
                                self->startRequest();
                              });
    } else {
      startRequest();
    }
  }

  void startRequest() {
    if (admission_ != Admission::Accepted) {
      const bool serverFull = admission_ == Admission::ServerFull;
      server_.counters->countRefusal(serverFull ? ConnectionRefusal::ServerLimit : ConnectionRefusal::ClientLimit);
      answerError(503, serverFull ? "The server has too many open connections; retry later."
                                  : "This client has too many open connections; close some or retry later.");
      return;
    }
    read();
  }

  // The next request: on a kept-alive connection with nothing buffered, first wait (idleTimeout) for
  // its first byte; then its header (headerTimeout), then its body (bodyTimeout).
  void read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options().maxHeaderBytes));
    parser_->body_limit(static_cast<std::uint64_t>(options().maxBodyBytes));
    replied_ = streaming_ = chunked_ = complete_ = false;
    onClose_ = nullptr;
    awaitingRequest_ = true;
    ++exchangeNumber_;
    peerTimer_.cancel();
    if (requests_ > 0 && buffer_.size() == 0) return waitForNextRequest();
    readHeader();
  }

  void waitForNextRequest() {
    arm(options().idleTimeout);
    stream_.async_read_some(buffer_.prepare(kReadSize), [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
      self->buffer_.commit(n);
      self->disarm();
      if (ec) return self->onReadError(ec, Phase::Idle);
      self->readHeader();
    });
  }

  void readHeader() {
    arm(options().headerTimeout);
    http::async_read_header(stream_, buffer_, *parser_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      self->disarm();
      if (ec) return self->onReadError(ec, Phase::Header);
      if (self->parser_->is_done()) return self->dispatch();
      self->readBody();
    });
  }

  void readBody() {
    arm(options().bodyTimeout);
    http::async_read(stream_, buffer_, *parser_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      self->disarm();
      if (ec) return self->onReadError(ec, Phase::Body);
      self->dispatch();
    });
  }

  // A read deadline: when it runs out the pending read is cancelled and completes with
  // operation_aborted, and timedOut_ tells that apart from a stop.
  void arm(std::chrono::microseconds timeout) {
    timedOut_ = false;
    timer_.expires_after(timeout);
    timer_.async_wait([self = this->shared_from_this(), generation = ++timerGeneration_](beast::error_code ec) {
      if (ec || generation != self->timerGeneration_ || self->closed_) return;
      self->timedOut_ = true;
      beast::error_code ignored;
      self->lowest().socket().cancel(ignored);
    });
  }

  void disarm() {
    ++timerGeneration_;
    timer_.cancel();
  }

  void onReadError(beast::error_code ec, Phase phase) {
    awaitingRequest_ = false;
    if (timedOut_ && !closed_) {
      timedOut_ = false;
      if (phase == Phase::Idle) {
        server_.counters->countTimeout(ReadTimeout::Idle);
        return shutdown();
      }
      const bool header = phase == Phase::Header;
      server_.counters->countTimeout(header ? ReadTimeout::Header : ReadTimeout::Body);
      spdlog::debug("connection: the request's {} did not arrive in time", header ? "header" : "body");
      return answerError(408, header ? "The request header did not arrive within " + secondsText(options().headerTimeout) + " s."
                                     : "The request body did not arrive within " + secondsText(options().bodyTimeout) + " s.");
    }
    spdlog::debug("connection: read ended: {}", ec.message());
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
      return shutdown();
    }
    if (ec.category() != http::make_error_code(http::error::bad_target).category() || ec == http::error::partial_message) {
      return fail();
    }
    answerError(parseErrorStatus(ec), parseErrorMessage(ec, options()));
  }

  void dispatch() {
    awaitingRequest_ = false;
    ++requests_;
    http::request<http::string_body> message = parser_->release();
    keepAlive_ = message.keep_alive();
    version_ = message.version();
    HttpRequest request = toEngineRequest(std::move(message));
    beast::error_code endpointError;
    const auto remote = lowest().socket().remote_endpoint(endpointError);
    if (!endpointError) request.remoteAddress = remote.address().to_string();
    auto exchange = std::make_shared<Exchange>(std::static_pointer_cast<SessionBase>(this->shared_from_this()));
    try {
      server_.handler.handle(std::move(request), std::move(exchange));
    } catch (const std::exception& error) {
      spdlog::error("HTTP handler failed: {}", error.what());
      deliverResponse(server_.handler.errorResponse(500, "The server failed to handle the request."));
    }
    watchPeer(exchangeNumber_);
  }

  // While a handler holds the exchange the connection reads nothing, so a client that leaves would be
  // noticed only when a write fails (never, for a reply not written yet). The socket is watched
  // meanwhile: the peer's close (FIN or reset) closes the session, which runs the onClose callback.
  // Bytes that arrive instead (a pipelined request, a TLS record) stay unread; the watch then looks
  // again every kPeerPoll until the reply is complete.
  void watchPeer(std::uint64_t exchange) {
    lowest().socket().async_wait(tcp::socket::wait_read, [self = this->shared_from_this(), exchange](beast::error_code ec) {
      if (!ec) self->checkPeer(exchange);
    });
  }

  void checkPeer(std::uint64_t exchange) {
    if (closed_ || complete_ || exchange != exchangeNumber_) return;
    if (peerHasClosed(lowest().socket().native_handle())) {
      spdlog::debug("connection: the client closed before its reply was complete");
      return fail();
    }
    peerTimer_.expires_after(kPeerPoll);
    peerTimer_.async_wait([self = this->shared_from_this(), exchange](beast::error_code ec) {
      if (!ec) self->checkPeer(exchange);
    });
  }

  // An error the server answers itself: the connection closes after it, gracefully (linger()).
  void answerError(int status, std::string_view message) {
    keepAlive_ = false;
    replied_ = true;
    complete_ = true;
    linger_ = true;
    const HttpResponse response = server_.handler.errorResponse(status, message);
    server_.counters->countResponse(response.status);
    queue(formatResponse(response.status, response.headers, response.body, false));
  }

  void queue(std::string data) {
    if (closed_) return;
    outbox_ += data;
    if (static_cast<std::int64_t>(outbox_.size()) > options().maxPendingWriteBytes) {
      spdlog::warn("dropping a client that does not read its stream ({} bytes pending)", outbox_.size());
      return fail();
    }
    if (!writing_) write();
  }

  void write() {
    writing_ = true;
    inflight_.clear();
    inflight_.swap(outbox_);
    lowest().expires_after(options().idleTimeout);
    asio::async_write(stream_, asio::buffer(inflight_),
                      [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onWrite(ec); });
  }

  void onWrite(beast::error_code ec) {
    writing_ = false;
    if (ec) {
      spdlog::debug("connection: write failed: {}", ec.message());
      return fail();
    }
    if (!outbox_.empty()) return write();
    lowest().expires_never();
    maybeFinishExchange();
  }

  void maybeFinishExchange() {
    if (!complete_ || writing_ || !outbox_.empty() || closed_) return;
    if (keepAlive_ && !server_.stopped.load() && !server_.finishing.load()) {
      read();
    } else {
      shutdown();
    }
  }

  void shutdown() {
    if (closed_) return;
    markClosed();
    if (linger_ && !server_.stopped.load()) return linger();
    closeGracefully();
  }

  void closeGracefully() {
    if constexpr (kTls) {
      lowest().expires_after(std::chrono::seconds(2));
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {
        beast::error_code ignored;
        self->lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
        self->lowest().close();
      });
    } else {
      beast::error_code ignored;
      lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
      lowest().close();
    }
  }

  // After an answer of the server's own the client may still be sending (a body over the limit, a
  // request on a refused connection). Closing now would reset the connection and the client would lose
  // the answer: stop sending (plain TCP), read and discard until the client closes, kLingerBytes have
  // come or kLingerTime has passed (beast closes the socket then), and close.
  void linger() {
    lowest().expires_after(HttpServerOptions::kLingerTime);
    if constexpr (!kTls) {
      beast::error_code ignored;
      lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
    discard();
  }

  void discard() {
    if (!discardBuffer_) discardBuffer_ = std::make_unique<std::array<char, kReadSize>>();
    stream_.async_read_some(asio::buffer(*discardBuffer_), [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
      self->discarded_ += static_cast<std::int64_t>(n);
      if (ec == beast::error::timeout) return;  // beast closed the socket
      if (ec || self->discarded_ >= HttpServerOptions::kLingerBytes) {
        self->lowest().expires_never();
        return self->closeGracefully();
      }
      self->discard();
    });
  }

  // Closes at once, a graceful close in progress (lingering) too.
  void fail() {
    if (!closed_) markClosed();
    disarm();
    lowest().close();
  }

  // An admitted connection gives its place back when it closes, before a graceful close ends.
  void releasePlace() {
    if (!holdsPlace_) return;
    holdsPlace_ = false;
    server_.release(client_);
  }

  void markClosed() {
    closed_ = true;
    releasePlace();
    outbox_.clear();
    if (onClose_ && !complete_) {
      auto callback = std::move(onClose_);
      onClose_ = nullptr;
      callback();
    }
  }

  static constexpr std::size_t kReadSize = 16 * 1024;

  HttpServer::Impl& server_;
  Stream stream_;
  asio::steady_timer timer_;  // the read deadline (idle, header, body)
  Admission admission_;
  bool holdsPlace_;  // counted in the server's admitted connections
  asio::ip::address client_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string outbox_;
  std::string inflight_;
  std::function<void()> onClose_;
  asio::steady_timer peerTimer_;      // the next look at a peer that sent bytes while its reply is pending
  std::uint64_t exchangeNumber_ = 0;  // one per request read; a stale peer watch ignores itself
  bool awaitingRequest_ = false;      // between two requests (idle keep-alive) or reading one
  std::unique_ptr<std::array<char, kReadSize>> discardBuffer_;
  std::int64_t discarded_ = 0;
  std::uint64_t requests_ = 0;
  std::uint64_t timerGeneration_ = 0;
  unsigned version_ = 11;
  bool keepAlive_ = true;
  bool writing_ = false;
  bool replied_ = false;
  bool streaming_ = false;
  bool chunked_ = false;
  bool complete_ = false;
  bool closed_ = false;
  bool timedOut_ = false;
  bool linger_ = false;
};

}  // namespace

template <typename Stream>
void HttpServer::Impl::track(const std::shared_ptr<Stream>& session) {
  std::lock_guard lock(sessionsMutex);
  // Forget sessions that ended so the list stays as long as the open connections.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    if (sessions[i].expired()) continue;
    // Never move an entry onto itself: a self-moved weak_ptr comes out empty, which forgot live
    // sessions (neither stop() nor stop(grace) reached them).
    if (kept != i) {
      sessions[kept] = std::move(sessions[i]);
      closers[kept] = std::move(closers[i]);
      idleClosers[kept] = std::move(idleClosers[i]);
    }
    ++kept;
  }
  sessions.resize(kept);
  closers.resize(kept);
  idleClosers.resize(kept);
  sessions.push_back(session);
  closers.push_back([weak = std::weak_ptr<Stream>(session)] {
    if (auto s = weak.lock()) s->close();
  });
  idleClosers.push_back([weak = std::weak_ptr<Stream>(session)] {
    if (auto s = weak.lock()) s->closeIfIdle();
  });
}

Admission HttpServer::Impl::admit(const asio::ip::address& client) {
  std::lock_guard lock(admissionMutex);
  if (admitted >= options.maxConnections) return Admission::ServerFull;
  std::int32_t& fromClient = admittedPerClient[client];
  if (fromClient >= options.maxConnectionsPerClient) {
    if (fromClient == 0) admittedPerClient.erase(client);
    return Admission::ClientFull;
  }
  ++fromClient;
  ++admitted;
  return Admission::Accepted;
}

void HttpServer::Impl::release(const asio::ip::address& client) {
  std::lock_guard lock(admissionMutex);
  --admitted;
  const auto found = admittedPerClient.find(client);
  if (found != admittedPerClient.end() && --found->second <= 0) admittedPerClient.erase(found);
}

void HttpServer::Impl::accept() {
  acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || stopped.load()) return;
      return onAcceptFailure(ec);
    }
    socket.set_option(tcp::no_delay(true), ec);
    beast::error_code endpointError;
    const auto remote = socket.remote_endpoint(endpointError);
    const asio::ip::address client = endpointError ? asio::ip::address() : remote.address();
    const Admission admission = admit(client);
    if (useTls) {
      auto session = std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(*this, admission, client,
                                                                                     std::move(socket), ssl);
      track(session);
      session->run();
    } else {
      auto session = std::make_shared<Session<beast::tcp_stream>>(*this, admission, client, std::move(socket));
      track(session);
      session->run();
    }
    accept();
  });
}

// Out of descriptors (or kernel memory): answer the clients already waiting with 503 (using the spare
// descriptor), log at most once per interval, and try again after a pause instead of spinning.
void HttpServer::Impl::onAcceptFailure(beast::error_code ec) {
  ++acceptFailuresUnlogged;
  if (ec == asio::error::no_descriptors || ec.value() == ENFILE) shedBacklog();
  const auto now = std::chrono::steady_clock::now();
  if (now - lastAcceptLog >= kAcceptLogInterval) {
    spdlog::warn("accept failed: {} ({} time{} in the last {} s; clients get 503 until descriptors are free; "
                 "lower the connection limit or raise the open-file limit)",
                 ec.message(), acceptFailuresUnlogged, acceptFailuresUnlogged == 1 ? "" : "s", kAcceptLogInterval.count());
    lastAcceptLog = now;
    acceptFailuresUnlogged = 0;
  }
  acceptRetry.expires_after(kAcceptRetry);
  acceptRetry.async_wait([this](beast::error_code waitError) {
    if (waitError || stopped.load()) return;
    accept();
  });
}

void HttpServer::Impl::shedBacklog() {
  if (spareDescriptor < 0) return;
  ::close(spareDescriptor);
  spareDescriptor = -1;
  const HttpResponse response = handler.errorResponse(503, "The server is out of connections; retry later.");
  const std::string answer = formatResponse(response.status, response.headers, response.body, false);
  constexpr int kMostPerRound = 64;
  for (int i = 0; i < kMostPerRound; ++i) {
    const int client = ::accept4(acceptor.native_handle(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (client < 0) break;
    if (::send(client, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT) > 0) counters->countResponse(503);
    counters->countRefusal(ConnectionRefusal::ServerLimit);
    ::shutdown(client, SHUT_WR);
    ::close(client);
  }
  spareDescriptor = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

HttpServer::HttpServer(const HttpServerOptions& options, HttpHandler& handler)
    : impl_(std::make_unique<Impl>(options, handler)) {
  if (options.threads < 1) throw std::invalid_argument("the server needs at least one thread");
  if (options.maxConnections < 1 || options.maxConnectionsPerClient < 1) {
    throw std::invalid_argument("the server needs a connection limit of at least one, overall and per client");
  }
  if (options.headerTimeout.count() <= 0 || options.bodyTimeout.count() <= 0 || options.idleTimeout.count() <= 0) {
    throw std::invalid_argument("the server's timeouts must be positive");
  }
  if (!options.tlsCertificate.empty() || !options.tlsKey.empty()) {
    if (options.tlsCertificate.empty() || options.tlsKey.empty()) {
      throw std::invalid_argument("TLS needs both a certificate (--tls-cert) and a key (--tls-key)");
    }
    beast::error_code ec;
    impl_->ssl.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                           asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
    impl_->ssl.use_certificate_chain_file(options.tlsCertificate.string(), ec);
    if (ec) throw std::runtime_error("cannot load the TLS certificate " + options.tlsCertificate.string() + ": " + ec.message());
    impl_->ssl.use_private_key_file(options.tlsKey.string(), asio::ssl::context::pem, ec);
    if (ec) throw std::runtime_error("cannot load the TLS key " + options.tlsKey.string() + ": " + ec.message());
    impl_->useTls = true;
  }
  beast::error_code ec;
  const auto address = asio::ip::make_address(options.address, ec);
  if (ec) throw std::invalid_argument("not an IP address: " + options.address);
  const tcp::endpoint endpoint(address, options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + options.address + ":" + std::to_string(options.port) + ": " +
                             ec.message());
  }
  impl_->boundPort = acceptor.local_endpoint().port();
  impl_->spareDescriptor = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  if (!impl_->threads.empty()) return;
  impl_->accept();
  for (int i = 0; i < impl_->options.threads; ++i) impl_->threads.emplace_back([this] { impl_->io.run(); });
}

void HttpServer::stop() {
  if (impl_->stopped.exchange(true)) return;
  asio::post(impl_->acceptor.get_executor(), [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->acceptRetry.cancel();
  });
  {
    std::lock_guard lock(impl_->sessionsMutex);
    for (const auto& close : impl_->closers) close();
  }
  // Give the closes a moment to run, then stop the loop.
  if (!impl_->threads.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  impl_->io.stop();
  for (std::thread& thread : impl_->threads) thread.join();
  impl_->threads.clear();
}

void HttpServer::stop(std::chrono::milliseconds grace) {
  if (impl_->stopped.load()) return;
  impl_->finishing.store(true);
  asio::post(impl_->acceptor.get_executor(), [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->acceptRetry.cancel();
  });
  {
    std::lock_guard lock(impl_->sessionsMutex);
    for (const auto& closeIfIdle : impl_->idleClosers) closeIfIdle();
  }
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (impl_->counters->openConnections() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  stop();
}

std::variant<HttpRequest, int> parseHttpRequest(std::string_view bytes, const HttpServerOptions& options) {
  http::request_parser<http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(options.maxHeaderBytes));
  parser.body_limit(static_cast<std::uint64_t>(options.maxBodyBytes));
  parser.eager(true);
  beast::error_code ec;
  std::size_t offset = 0;
  while (offset < bytes.size() && !parser.is_done()) {
    const std::size_t used = parser.put(asio::buffer(bytes.data() + offset, bytes.size() - offset), ec);
    if (ec == http::error::need_more) break;
    if (ec) return parseErrorStatus(ec);
    if (used == 0) break;
    offset += used;
  }
  if (!parser.is_done()) {
    if (!parser.got_some()) return 0;
    parser.put_eof(ec);
    if (ec && ec != http::error::partial_message) return parseErrorStatus(ec);
    if (!parser.is_done()) return 0;
  }
  return toEngineRequest(parser.release());
}

std::uint16_t HttpServer::port() const { return impl_->boundPort; }
bool HttpServer::tls() const { return impl_->useTls; }
std::int64_t HttpServer::connections() const { return impl_->counters->openConnections(); }
const HttpServerCounters& HttpServer::counters() const { return *impl_->counters; }

}  // namespace headroom::net
