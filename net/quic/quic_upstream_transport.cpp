#include "net/quic/quic_upstream_transport.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <deque>
#include <future>
#include <map>
#include <optional>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/http.hpp>

#include <spdlog/spdlog.h>

#include "net/quic/quic_socket_support.h"
#include "net/quic/quic_udp_server.h"
#include "net/quic/stream_header.h"

namespace headroom::net::quic {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using udp = asio::ip::udp;

namespace {

std::string endpointKey(const UpstreamEndpoint& endpoint) {
  return endpoint.host + ":" + std::to_string(endpoint.port) + "|" + endpoint.pinnedCertificate.string() + "|" +
         std::string(streamSchedulerName(endpoint.streamScheduler)) + "|" +
         std::string(congestionControlName(endpoint.congestionControl));
}

std::string resetReason(std::uint64_t code) {
  switch (static_cast<StreamErrorCode>(code)) {
    case StreamErrorCode::BadHeader: return "the member refused the stream header";
    case StreamErrorCode::UnknownClass: return "the member does not serve the request's class";
    case StreamErrorCode::DeadlinePassed: return "deadline passed";
    case StreamErrorCode::Cancelled: return "the member cancelled the stream";
    case StreamErrorCode::Internal: return "the member failed on the stream";
  }
  return "the member reset the stream (code " + std::to_string(code) + ")";
}

// Printable ASCII, at most what the header allows.
std::string headerRequestId(std::string_view id) {
  std::string out;
  for (char c : id) {
    if (out.size() == StreamHeader::kMaxRequestIdBytes) break;
    if (c > 0x20 && c < 0x7f) out.push_back(c);
  }
  return out;
}

std::string requestWire(const UpstreamRequest& request) {
  std::string wire = request.method + " " + request.target + " HTTP/1.1\r\nHost: " + request.endpoint.host + ":" +
                     std::to_string(request.endpoint.port) + "\r\n";
  for (const auto& [name, value] : request.headers) {
    wire += name;
    wire += ": ";
    wire += value;
    wire += "\r\n";
  }
  wire += "Content-Length: " + std::to_string(request.body.size()) + "\r\n\r\n";
  wire += request.body;
  return wire;
}

class ClientConnection;

// One request on one stream; everything runs on the transport's I/O thread.
class QuicCall final : public UpstreamCall, public std::enable_shared_from_this<QuicCall> {
 public:
  QuicCall(asio::io_context& io, UpstreamRequest request, std::shared_ptr<UpstreamHandler> handler)
      : io_(io), request_(std::move(request)), handler_(std::move(handler)), idleTimer_(io) {
    parser_.body_limit(std::uint64_t{1} << 40);
    parser_.eager(true);
  }

  void cancel() override;

  const UpstreamRequest& request() const { return request_; }
  bool done() const { return done_; }
  std::optional<StreamId> stream;
  std::weak_ptr<ClientConnection> connection;
  QuicTime openedAt{0};
  std::uint64_t bytesSent = 0;
  std::uint64_t bytesReceived = 0;
  StreamOutcome outcome = StreamOutcome::Completed;
  bool recorded = false;

  void sending() {
    handler_->onSending();
    armIdle();
  }

  void feed(std::string_view bytes, bool fin) {
    if (done_) return;
    bytesReceived += bytes.size();
    pending_.append(bytes);
    lastActivity_ = std::chrono::steady_clock::now();
    while (!done_) {
      auto& body = parser_.get().body();
      body.data = chunk_.data();
      body.size = chunk_.size();
      boost::beast::error_code ec;
      const std::size_t used = pending_.empty() ? 0 : parser_.put(asio::buffer(pending_), ec);
      if (ec == http::error::need_buffer) ec = {};
      const std::size_t got = chunk_.size() - parser_.get().body().size;
      pending_.erase(0, used);
      if (ec && ec != http::error::need_more) return fail("the member's answer is not valid HTTP: " + ec.message());
      if (!headSeen_ && parser_.is_header_done()) {
        headSeen_ = true;
        HttpHeaders headers;
        for (const auto& field : parser_.get()) headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        handler_->onHead(static_cast<int>(parser_.get().result_int()), headers);
        if (done_) return;
      }
      if (got > 0) handler_->onBody(std::string_view(chunk_.data(), got));
      if (parser_.is_done()) return complete();
      if (ec == http::error::need_more || (used == 0 && got == 0)) break;
    }
    if (fin && !done_) {
      boost::beast::error_code ec;
      if (parser_.got_some() && parser_.need_eof()) parser_.put_eof(ec);
      if (!ec && parser_.is_done()) return complete();
      fail(headSeen_ ? "the member's answer broke off" : "the member ended the stream without an answer");
    }
  }

  void complete() {
    if (done_) return;
    done_ = true;
    idleTimer_.cancel();
    outcome = StreamOutcome::Completed;
    auto handler = std::move(handler_);
    handler->onComplete();
  }

  void fail(const std::string& message, StreamOutcome how = StreamOutcome::Reset);

  void deadlinePassed() {
    if (done_) return;
    done_ = true;
    idleTimer_.cancel();
    outcome = StreamOutcome::DeadlinePassed;
    auto handler = std::move(handler_);
    handler->onDeadlinePassed();
  }

 private:
  // One wait at a time: when it fires it looks at the last byte's time and waits again if need be.
  void armIdle() {
    lastActivity_ = std::chrono::steady_clock::now();
    waitIdle(lastActivity_ + request_.idleTimeout);
  }
  void waitIdle(std::chrono::steady_clock::time_point until) {
    idleTimer_.expires_at(until);
    idleTimer_.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
      if (ec) return;
      auto self = weak.lock();
      if (!self || self->done_) return;
      const auto due = self->lastActivity_ + self->request_.idleTimeout;
      if (std::chrono::steady_clock::now() < due) return self->waitIdle(due);
      self->idleExpired();
    });
  }
  void idleExpired();

  asio::io_context& io_;
  UpstreamRequest request_;
  std::shared_ptr<UpstreamHandler> handler_;
  asio::steady_timer idleTimer_;
  http::response_parser<http::buffer_body> parser_;
  std::string pending_;
  std::chrono::steady_clock::time_point lastActivity_{};
  std::array<char, 16384> chunk_{};
  bool headSeen_ = false;
  bool done_ = false;
};

}  // namespace

struct QuicUpstreamTransport::Impl {
  explicit Impl(QuicUpstreamOptions opts) : options(std::move(opts)), guard(asio::make_work_guard(io)) {}

  QuicUpstreamOptions options;
  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> guard;
  std::thread thread;
  std::map<std::string, std::shared_ptr<ClientConnection>> connections;  // I/O thread
  std::atomic<std::size_t> connectionCount{0};
  std::atomic<bool> stopping{false};

  void record(QuicCall& call, std::uint64_t lostPackets) {
    if (call.recorded) return;
    call.recorded = true;
    if (!options.observer) return;
    StreamRecord record;
    record.className = call.request().stream.className.empty() ? std::string(kControlStreamClass) : call.request().stream.className;
    record.outcome = call.outcome;
    record.duration = steadyQuicNow() - call.openedAt;
    record.bytesSent = call.bytesSent;
    record.bytesReceived = call.bytesReceived;
    record.lostPackets = lostPackets;
    const auto& deadline = call.request().stream.deadline;
    record.withinDeadline = call.outcome == StreamOutcome::Completed && (!deadline || std::chrono::steady_clock::now() <= *deadline);
    record.peer = call.request().endpoint.host + ":" + std::to_string(call.request().endpoint.port);
    options.observer->streamEnded(record);
  }
};

namespace {

// One QUIC connection to one endpoint, on a connected UDP socket of its own.
class ClientConnection final : public QuicConnectionHandler, public std::enable_shared_from_this<ClientConnection> {
 public:
  ClientConnection(QuicUpstreamTransport::Impl& transport, std::string key, const UpstreamRequest& first)
      : transport_(transport), key_(std::move(key)), endpoint_(first.endpoint), socket_(transport.io), timer_(transport.io),
        handshakeTimer_(transport.io), handshakeTimeout_(first.connectTimeout) {}

  // Opens the socket and starts the handshake; false (after failing `first`) when it cannot.
  bool open(const std::shared_ptr<QuicCall>& first) {
    boost::system::error_code ec;
    udp::endpoint remote;
    const auto address = asio::ip::make_address(endpoint_.host, ec);
    if (!ec) {
      remote = udp::endpoint(address, endpoint_.port);
    } else {
      udp::resolver resolver(transport_.io);
      const auto results = resolver.resolve(endpoint_.host, std::to_string(endpoint_.port), ec);
      if (ec || results.empty()) {
        first->fail("QUIC: cannot resolve the member's host: " + ec.message(), StreamOutcome::Reset);
        return false;
      }
      remote = results.begin()->endpoint();
    }
    socket_.open(remote.protocol(), ec);
    if (!ec) socket_.connect(remote, ec);
    if (ec) {
      first->fail("QUIC: cannot open a UDP socket to the member: " + ec.message(), StreamOutcome::Reset);
      return false;
    }
    socket_.set_option(asio::socket_base::receive_buffer_size(4 << 20), ec);
    socket_.set_option(asio::socket_base::send_buffer_size(4 << 20), ec);
    path_ = pathOf(socket_.local_endpoint(), remote);
    QuicClientConfig config;
    config.serverName = endpoint_.host;
    config.pinnedCertificate = endpoint_.pinnedCertificate;
    config.scheduler.kind = endpoint_.streamScheduler;
    config.limits = transport_.options.limits;
    config.limits.congestionControl = endpoint_.congestionControl;
    try {
      connection_ = QuicConnection::connect(config, path_, steadyQuicNow(), *this);
    } catch (const std::exception& error) {
      first->fail(std::string("QUIC: cannot start the handshake: ") + error.what(), StreamOutcome::Reset);
      return false;
    }
    ++transport_.connectionCount;
    handshakeTimer_.expires_after(handshakeTimeout_);
    handshakeTimer_.async_wait([weak = weak_from_this()](const boost::system::error_code& error) {
      if (error) return;
      auto self = weak.lock();
      if (self && self->connection_ && !self->connection_->handshakeCompleted() && !self->ended_) {
        self->connection_->close("handshake timed out");
        self->onClosed("no handshake within the connect timeout");
        self->flush();
      }
    });
    receiveNext();
    return true;
  }

  void add(std::shared_ptr<QuicCall> call) {
    call->connection = weak_from_this();
    waiting_.push_back(std::move(call));
    openWaiting();
    flush();
  }

  void reset(QuicCall& call, StreamErrorCode code) {
    if (!call.stream || ended_) return;
    connection_->resetStream(*call.stream, static_cast<std::uint64_t>(code));
    flush();
  }

  void forget(const QuicCall& call) {
    std::erase_if(waiting_, [&](const std::shared_ptr<QuicCall>& waiting) { return waiting.get() == &call; });
  }

  void onHandshakeCompleted() override {
    handshakeTimer_.cancel();
    openWaiting();
  }

  void onStreamData(StreamId id, std::string_view bytes, bool fin) override {
    if (const auto call = callOf(id)) call->feed(bytes, fin);
  }

  void onStreamReset(StreamId id, std::uint64_t code) override {
    const auto call = callOf(id);
    if (!call) return;
    if (static_cast<StreamErrorCode>(code) == StreamErrorCode::DeadlinePassed) return call->deadlinePassed();
    const bool refused = code == static_cast<std::uint64_t>(StreamErrorCode::BadHeader) ||
                         code == static_cast<std::uint64_t>(StreamErrorCode::UnknownClass);
    call->fail(resetReason(code), refused ? StreamOutcome::Refused : StreamOutcome::Reset);
  }

  void onStreamExpired(StreamId id) override {
    if (const auto call = callOf(id)) call->deadlinePassed();
  }

  void onStreamClosed(StreamId id, std::uint64_t lostPackets) override {
    const auto found = calls_.find(id);
    if (found == calls_.end()) return;
    const std::shared_ptr<QuicCall> call = found->second;
    calls_.erase(found);
    if (!call->done()) call->fail("the member closed the stream without a whole answer");
    transport_.record(*call, lostPackets);
  }

  void onClosed(std::string_view reason) override {
    if (ended_) return;
    ended_ = true;
    handshakeTimer_.cancel();
    const std::string message = std::string(handshaken_ ? "QUIC connection failed: " : "QUIC handshake failed: ") + std::string(reason);
    spdlog::debug("QUIC: connection to {}:{} ended: {}", endpoint_.host, endpoint_.port, reason);
    auto calls = std::move(calls_);
    auto waiting = std::move(waiting_);
    for (auto& [id, call] : calls) {
      call->fail(message);
      transport_.record(*call, 0);
    }
    for (auto& call : waiting) call->fail(message);
    // Made again on next use.
    auto self = shared_from_this();
    if (const auto found = transport_.connections.find(key_); found != transport_.connections.end() && found->second == self) {
      transport_.connections.erase(found);
    }
    --transport_.connectionCount;
    asio::post(transport_.io, [self] {
      boost::system::error_code ignored;
      self->timer_.cancel();
      self->socket_.close(ignored);
    });
  }

  void flush() {
    if (!connection_) return;
    connection_->flush(steadyQuicNow(), [this](std::span<const std::uint8_t> bytes) {
      boost::system::error_code ignored;
      socket_.send(asio::buffer(bytes.data(), bytes.size()), 0, ignored);
    });
    armTimer();
  }

  void closeNow(std::string_view reason) {
    if (!connection_ || ended_) return;
    connection_->close(reason);
    flush();
  }

 private:
  std::shared_ptr<QuicCall> callOf(StreamId id) const {
    const auto found = calls_.find(id);
    return found == calls_.end() ? nullptr : found->second;
  }

  void openWaiting() {
    if (ended_ || !connection_) return;
    if (connection_->handshakeCompleted()) handshaken_ = true;
    while (!waiting_.empty()) {
      const std::shared_ptr<QuicCall>& call = waiting_.front();
      if (call->done()) {
        waiting_.pop_front();
        continue;
      }
      const UpstreamRequest& request = call->request();
      const QuicTime now = steadyQuicNow();
      StreamAttributes attributes;
      attributes.className = request.stream.className.empty() ? std::string(kControlStreamClass) : request.stream.className;
      attributes.level = request.stream.level;
      StreamHeader header;
      header.className = attributes.className;
      header.level = attributes.level;
      header.requestId = headerRequestId(request.stream.requestId);
      if (request.stream.deadline) {
        const auto left = *request.stream.deadline - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero()) {
          auto gone = call;
          waiting_.pop_front();
          gone->deadlinePassed();
          continue;
        }
        attributes.deadline = now + std::chrono::duration_cast<QuicTime>(left);
        header.budget = std::min(std::chrono::duration_cast<std::chrono::microseconds>(left), std::chrono::microseconds(0xFFFFFFFEu));
      }
      std::string wire = requestWire(request);
      header.requestBytes = static_cast<std::uint32_t>(std::min<std::size_t>(wire.size(), StreamHeader::kMaxRequestBytes + 1ull));
      std::string bytes;
      try {
        bytes = encodeStreamHeader(header);
      } catch (const std::exception& error) {
        auto gone = call;
        waiting_.pop_front();
        gone->fail(std::string("cannot send the request over QUIC: ") + error.what());
        continue;
      }
      const std::optional<StreamId> id = connection_->openStream(attributes, now);
      if (!id) break;  // the peer's stream limit: when streams close, more may open
      auto opened = call;
      waiting_.pop_front();
      opened->stream = *id;
      opened->openedAt = now;
      calls_[*id] = opened;
      bytes += wire;
      opened->bytesSent = bytes.size();
      opened->sending();
      if (opened->done()) continue;
      connection_->write(*id, bytes, true);
    }
  }

  void receiveNext() {
    socket_.async_receive(asio::buffer(datagram_), [self = shared_from_this()](const boost::system::error_code& ec, std::size_t bytes) {
      if (ec == asio::error::operation_aborted || self->ended_ || self->transport_.stopping.load()) return;
      if (!ec) {
        self->connection_->receive(std::span<const std::uint8_t>(self->datagram_.data(), bytes), self->path_, steadyQuicNow());
        // Take what else is there before answering, so one flush covers it all.
        boost::system::error_code more;
        for (int i = 0; i < 64 && !self->ended_ && self->socket_.available(more) > 0 && !more; ++i) {
          const std::size_t n = self->socket_.receive(asio::buffer(self->datagram_), 0, more);
          if (more) break;
          self->connection_->receive(std::span<const std::uint8_t>(self->datagram_.data(), n), self->path_, steadyQuicNow());
        }
        if (!self->ended_) {
          self->openWaiting();
          self->flush();
        }
      }
      // ICMP port unreachable shows as connection_refused. Before the handshake nothing listens there:
      // say so now rather than at the handshake timeout. Later the connection's own timers decide.
      if (ec == asio::error::connection_refused && !self->ended_ && !self->connection_->handshakeCompleted()) {
        self->onClosed("nothing answers on the member's UDP port (connection refused)");
        return;
      }
      if (!self->ended_) self->receiveNext();
    });
  }

  // Waits for the connection's next timer. A wait already set for an earlier time stays (it re-checks
  // when it fires): re-arming on every flush would cost a cancel and a timer syscall per packet.
  void armTimer() {
    if (!connection_ || ended_) return;
    const QuicTime due = connection_->nextTimer();
    if (due == QuicTime::max() || (armedFor_ != QuicTime::max() && armedFor_ <= due)) return;
    armedFor_ = due;
    timer_.expires_at(steadyTimeOf(due));
    timer_.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
      if (ec) return;
      auto self = weak.lock();
      if (!self || self->ended_) return;
      self->armedFor_ = QuicTime::max();
      const QuicTime now = steadyQuicNow();
      if (self->connection_->nextTimer() <= now) self->connection_->onTimer(now);
      if (!self->ended_) {
        self->openWaiting();
        self->flush();
      }
    });
  }

  QuicUpstreamTransport::Impl& transport_;
  std::string key_;
  UpstreamEndpoint endpoint_;
  udp::socket socket_;
  asio::steady_timer timer_;
  asio::steady_timer handshakeTimer_;
  std::chrono::microseconds handshakeTimeout_;
  QuicPath path_;
  std::unique_ptr<QuicConnection> connection_;
  std::map<StreamId, std::shared_ptr<QuicCall>> calls_;
  std::deque<std::shared_ptr<QuicCall>> waiting_;
  std::array<std::uint8_t, 65536> datagram_{};
  QuicTime armedFor_ = QuicTime::max();
  bool handshaken_ = false;
  bool ended_ = false;
};

void QuicCall::fail(const std::string& message, StreamOutcome how) {
  if (done_) return;
  done_ = true;
  idleTimer_.cancel();
  outcome = how;
  auto handler = std::move(handler_);
  handler->onError(message);
}

void QuicCall::cancel() {
  asio::post(io_, [self = shared_from_this()] {
    if (self->done_) return;
    if (auto owner = self->connection.lock()) {
      owner->forget(*self);
      owner->reset(*self, StreamErrorCode::Cancelled);
    }
    self->fail("cancelled");
  });
}

void QuicCall::idleExpired() {
  if (done_) return;
  if (auto owner = connection.lock()) owner->reset(*this, StreamErrorCode::Cancelled);
  fail("no answer byte from the member for " +
       std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(request_.idleTimeout).count() / 1000.0) + " s");
}

}  // namespace

QuicUpstreamTransport::QuicUpstreamTransport(QuicUpstreamOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->thread = std::thread([impl = impl_.get()] {
    for (;;) {
      try {
        impl->io.run();
        return;
      } catch (const std::exception& error) {
        spdlog::error("QUIC: upstream I/O failed: {}", error.what());
      }
    }
  });
}

QuicUpstreamTransport::~QuicUpstreamTransport() {
  auto closed = std::make_shared<std::promise<void>>();
  auto done = closed->get_future();
  asio::post(impl_->io, [impl = impl_.get(), closed] {
    impl->stopping.store(true);
    auto connections = std::move(impl->connections);
    for (auto& [key, connection] : connections) connection->closeNow("router stopping");
    closed->set_value();
  });
  done.wait_for(std::chrono::seconds(5));
  impl_->stopping.store(true);
  impl_->guard.reset();
  impl_->io.stop();
  impl_->thread.join();
}

std::shared_ptr<UpstreamCall> QuicUpstreamTransport::start(UpstreamRequest request, std::shared_ptr<UpstreamHandler> handler) {
  auto call = std::make_shared<QuicCall>(impl_->io, std::move(request), std::move(handler));
  asio::post(impl_->io, [impl = impl_.get(), call] {
    if (impl->stopping.load()) return call->fail("the router is stopping");
    const std::string key = endpointKey(call->request().endpoint);
    auto found = impl->connections.find(key);
    if (found == impl->connections.end()) {
      auto connection = std::make_shared<ClientConnection>(*impl, key, call->request());
      if (!connection->open(call)) return;
      found = impl->connections.emplace(key, std::move(connection)).first;
    }
    const std::shared_ptr<ClientConnection> connection = found->second;  // add() may end it
    connection->add(call);
  });
  return call;
}

std::size_t QuicUpstreamTransport::connections() const { return impl_->connectionCount.load(); }

}  // namespace headroom::net::quic
