#include "net/quic/quic_udp_server.h"

#include <algorithm>
#include <atomic>
#include <array>
#include <cstring>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <spdlog/spdlog.h>

#include "net/http_wire.h"
#include "net/quic/quic_socket_support.h"
#include "net/quic/stream_header.h"

namespace headroom::net::quic {

namespace asio = boost::asio;
using udp = asio::ip::udp;

namespace {

struct ConnectionState;

// The reply side of one request stream, on the I/O thread; the exchange reaches it by posting there.
struct StreamReply {
  std::weak_ptr<ConnectionState> connection;
  StreamId id = 0;
  bool finished = false;   // the whole answer (FIN) was given to the connection
  bool closed = false;     // reset, expired, or the connection ended
  std::function<void()> onClose;
  bool closeFired = false;

  // `evenIfFinished`: the answer was given whole but will not arrive (reset, or dropped at its deadline).
  void fireClose(bool evenIfFinished = false) {
    if (closeFired || (finished && !evenIfFinished)) return;
    closeFired = true;
    if (onClose) {
      auto callback = std::move(onClose);
      onClose = nullptr;
      callback();
    }
  }
};

// One request stream as the server reads it.
struct StreamState {
  StreamHeaderReader reader;
  std::optional<StreamHeader> header;
  std::string request;
  bool handedOver = false;   // parsed and given to the handler (or answered with an error)
  bool discarding = false;   // answered early (e.g. 413): the rest of the request is read and dropped
  QuicTime openedAt{0};
  std::uint64_t bytesReceived = 0;
  StreamOutcome outcome = StreamOutcome::Completed;
  std::shared_ptr<StreamReply> reply = std::make_shared<StreamReply>();
};

struct ConnectionState {
  QuicConnection* connection = nullptr;  // null once the connection ended
  std::string peerAddress;
  std::map<StreamId, StreamState> streams;
  std::map<StreamId, std::uint64_t> bytesSent;
};

}  // namespace

struct QuicUdpServer::Impl {
  Impl(QuicUdpServerOptions opts, HttpHandler& h) : options(std::move(opts)), handler(h), socket(io), timer(io) {
    classes.insert(options.classNames.begin(), options.classNames.end());
    classes.insert(std::string(kControlStreamClass));
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(options.address, ec);
    if (ec) throw std::runtime_error("QUIC: cannot use address \"" + options.address + "\": " + ec.message());
    const udp::endpoint local(address, options.port);
    socket.open(local.protocol(), ec);
    if (!ec) socket.bind(local, ec);
    if (ec) {
      throw std::runtime_error("QUIC: cannot bind UDP " + options.address + ":" + std::to_string(options.port) + ": " + ec.message());
    }
    socket.set_option(asio::socket_base::receive_buffer_size(4 << 20), ec);
    socket.set_option(asio::socket_base::send_buffer_size(4 << 20), ec);
    localEndpoint = socket.local_endpoint();
    endpoint = std::make_unique<QuicServerEndpoint>(options.quic, [this](QuicConnection& connection) { return makeHandler(connection); });
  }

  std::unique_ptr<QuicConnectionHandler> makeHandler(QuicConnection& connection);

  void receiveNext() {
    socket.async_receive_from(asio::buffer(datagram), sender, [this](const boost::system::error_code& ec, std::size_t bytes) {
      if (ec == asio::error::operation_aborted || stopped.load()) return;
      if (!ec) {
        endpoint->receive(std::span<const std::uint8_t>(datagram.data(), bytes), pathOf(localEndpoint, sender), steadyQuicNow());
        // Take what else is there before answering, so one flush covers it all.
        boost::system::error_code more;
        for (int i = 0; i < kMaxDatagramsPerRead && socket.available(more) > 0 && !more; ++i) {
          const std::size_t n = socket.receive_from(asio::buffer(datagram), sender, 0, more);
          if (more) break;
          endpoint->receive(std::span<const std::uint8_t>(datagram.data(), n), pathOf(localEndpoint, sender), steadyQuicNow());
        }
        // Answers written meanwhile flush when their write runs, with the ACKs in the same packets.
        if (queuedWrites.load() == 0) flushAll();
      }
      receiveNext();
    });
  }

  static constexpr int kMaxDatagramsPerRead = 64;

  // An exchange's write ran: flush when it was the last one queued (the writes before it are covered).
  void writeDone() {
    if (--queuedWrites == 0) flushAll();
  }

  void flushAll() {
    endpoint->flush(steadyQuicNow(), [this](std::span<const std::uint8_t> bytes, const QuicPath& path) {
      boost::system::error_code ignored;
      socket.send_to(asio::buffer(bytes.data(), bytes.size()), endpointOf(path.remote, path.remoteLength), 0, ignored);
    });
    armTimer();
  }

  // Waits for the endpoint's next timer. A wait already set for an earlier time stays (it re-checks
  // when it fires): re-arming on every flush would cost a cancel and a timer syscall per packet.
  void armTimer() {
    const QuicTime due = endpoint->nextTimer();
    if (due == QuicTime::max() || (armedFor != QuicTime::max() && armedFor <= due)) return;
    armedFor = due;
    timer.expires_at(steadyTimeOf(due));
    timer.async_wait([this](const boost::system::error_code& ec) {
      if (ec == asio::error::operation_aborted || stopped.load()) return;
      armedFor = QuicTime::max();
      const QuicTime now = steadyQuicNow();
      if (endpoint->nextTimer() <= now) endpoint->onTimer(now);
      flushAll();
    });
  }

  void record(const StreamState& stream, StreamId id, const ConnectionState& state, std::uint64_t lostPackets) {
    if (!options.observer) return;
    StreamRecord record;
    if (stream.header) record.className = stream.header->className;
    record.outcome = stream.outcome;
    record.duration = steadyQuicNow() - stream.openedAt;
    record.bytesReceived = stream.bytesReceived;
    if (const auto sent = state.bytesSent.find(id); sent != state.bytesSent.end()) record.bytesSent = sent->second;
    record.lostPackets = lostPackets;
    record.withinDeadline = stream.outcome == StreamOutcome::Completed &&
                            (!stream.header || !stream.header->budget ||
                             record.duration <= std::chrono::duration_cast<std::chrono::nanoseconds>(*stream.header->budget));
    options.observer->streamEnded(record);
  }

  QuicUdpServerOptions options;
  HttpHandler& handler;
  std::set<std::string, std::less<>> classes;
  asio::io_context io;
  udp::socket socket;
  asio::steady_timer timer;
  udp::endpoint localEndpoint;
  udp::endpoint sender;
  std::array<std::uint8_t, 65536> datagram{};
  std::unique_ptr<QuicServerEndpoint> endpoint;
  std::thread thread;
  std::atomic<bool> stopped{false};
  bool started = false;
  std::atomic<std::int64_t> queuedWrites{0};  // exchange writes posted and not yet run
  QuicTime armedFor = QuicTime::max();
  std::vector<std::weak_ptr<ConnectionState>> liveConnections;  // I/O thread
  std::weak_ptr<Impl> self;

  mutable std::mutex countersMutex;
  Counters counters;
  std::atomic<std::size_t> connectionCount{0};
};

namespace {

// HttpExchange over one request stream: every call is posted to the server's I/O thread.
class StreamExchange final : public HttpExchange {
 public:
  StreamExchange(std::shared_ptr<QuicUdpServer::Impl> server, std::shared_ptr<StreamReply> reply)
      : server_(std::move(server)), reply_(std::move(reply)) {}

  void respond(HttpResponse response) override {
    write(formatResponse(response.status, response.headers, response.body, true), true);
  }
  void startStream(int status, HttpHeaders headers) override { write(formatStreamHead(status, headers, true, true), false); }
  void sendChunk(std::string data) override {
    if (!data.empty()) write(formatChunk(data), false);
  }
  void endStream() override { write(std::string(kLastChunk), true); }
  void onClose(std::function<void()> callback) override {
    if (server_->stopped.load()) {
      callback();
      return;
    }
    asio::post(server_->io, [reply = reply_, callback = std::move(callback)]() mutable {
      if (reply->finished) return;
      if (reply->closed) {
        reply->closeFired = true;
        callback();
        return;
      }
      reply->onClose = std::move(callback);
    });
  }

 private:
  void write(std::string bytes, bool fin) {
    if (server_->stopped.load()) return;
    QuicUdpServer::Impl* server = server_.get();
    ++server->queuedWrites;
    asio::post(server_->io, [server, reply = reply_, bytes = std::move(bytes), fin] {
      const auto state = reply->connection.lock();
      if (!reply->closed && !reply->finished && state && state->connection) {
        state->connection->write(reply->id, bytes, fin);
        state->bytesSent[reply->id] += bytes.size();
        if (fin) reply->finished = true;
      }
      server->writeDone();
    });
  }

  std::shared_ptr<QuicUdpServer::Impl> server_;
  std::shared_ptr<StreamReply> reply_;
};

// The owner of one accepted connection: reads request streams and answers them through the handler.
class ServerConnection final : public QuicConnectionHandler {
 public:
  ServerConnection(QuicUdpServer::Impl& server, std::shared_ptr<QuicUdpServer::Impl> shared, QuicConnection& connection)
      : server_(server), shared_(std::move(shared)), state_(std::make_shared<ConnectionState>()) {
    state_->connection = &connection;
    state_->peerAddress = server.sender.address().to_string();
    server.liveConnections.push_back(state_);
    ++server.connectionCount;
    std::lock_guard lock(server.countersMutex);
    ++server.counters.connectionsAccepted;
  }
  ~ServerConnection() override { end("connection gone"); }

  void onStreamData(StreamId id, std::string_view bytes, bool fin) override {
    auto [found, fresh] = state_->streams.try_emplace(id);
    StreamState& stream = found->second;
    if (fresh) {
      stream.openedAt = steadyQuicNow();
      stream.reply->connection = state_;
      stream.reply->id = id;
    }
    stream.bytesReceived += bytes.size();
    if (!stream.header) {
      const auto result = stream.reader.feed(bytes);
      if (std::holds_alternative<std::monostate>(result)) {
        if (fin) refuse(id, StreamErrorCode::BadHeader, "the stream ended inside its header");
        return;
      }
      if (const auto* error = std::get_if<StreamHeaderError>(&result)) {
        return refuse(id, StreamErrorCode::BadHeader, error->message);
      }
      const auto& complete = std::get<StreamHeaderReader::Complete>(result);
      if (!server_.classes.contains(complete.header.className)) {
        return refuse(id, StreamErrorCode::UnknownClass, "class \"" + complete.header.className + "\" is not served");
      }
      stream.header = complete.header;
      bytes.remove_prefix(complete.consumed);
      StreamAttributes attributes;
      attributes.className = stream.header->className;
      attributes.level = stream.header->level;
      const QuicTime now = steadyQuicNow();
      if (stream.header->budget) attributes.deadline = now + std::chrono::duration_cast<QuicTime>(*stream.header->budget);
      state_->connection->setStreamAttributes(id, attributes, now);
      {
        std::lock_guard lock(server_.countersMutex);
        ++server_.counters.streams;
      }
      const std::uint64_t limit = static_cast<std::uint64_t>(server_.options.http.maxHeaderBytes) +
                                  static_cast<std::uint64_t>(server_.options.http.maxBodyBytes);
      if (stream.header->requestBytes > limit) {
        stream.discarding = true;
        answerError(stream, 413, "the request (" + std::to_string(stream.header->requestBytes) + " bytes) is larger than allowed");
      }
    }
    if (stream.discarding || stream.handedOver) return;
    const std::size_t wanted = stream.header->requestBytes - stream.request.size();
    if (bytes.size() > wanted) {
      return refuse(id, StreamErrorCode::BadHeader, "the stream carries more bytes than its header's request length");
    }
    stream.request.append(bytes);
    if (stream.request.size() < stream.header->requestBytes) {
      if (fin) refuse(id, StreamErrorCode::BadHeader, "the stream ended before the request length its header gives");
      return;
    }
    handOver(stream);
  }

  void onStreamReset(StreamId id, std::uint64_t /*code*/) override {
    const auto found = state_->streams.find(id);
    if (found == state_->streams.end()) return;
    if (found->second.outcome == StreamOutcome::Completed) found->second.outcome = StreamOutcome::Reset;
    found->second.reply->closed = true;
    found->second.reply->fireClose(true);
  }

  void onStreamExpired(StreamId id) override {
    {
      std::lock_guard lock(server_.countersMutex);
      ++server_.counters.droppedAtDeadline;
    }
    const auto found = state_->streams.find(id);
    if (found == state_->streams.end()) return;
    found->second.outcome = StreamOutcome::DeadlinePassed;
    found->second.reply->closed = true;
    found->second.reply->fireClose(true);
  }

  void onStreamClosed(StreamId id, std::uint64_t lostPackets) override {
    const auto found = state_->streams.find(id);
    if (found == state_->streams.end()) return;
    StreamState& stream = found->second;
    if (!stream.reply->finished && stream.outcome == StreamOutcome::Completed) stream.outcome = StreamOutcome::Reset;
    stream.reply->closed = true;
    stream.reply->fireClose();
    server_.record(stream, id, *state_, lostPackets);
    state_->bytesSent.erase(id);
    state_->streams.erase(found);
  }

  void onClosed(std::string_view reason) override {
    spdlog::debug("QUIC: connection from {} ended: {}", state_->peerAddress, reason);
    end(reason);
  }

 private:
  void end(std::string_view /*reason*/) {
    if (!state_->connection) return;
    state_->connection = nullptr;
    --server_.connectionCount;
    for (auto& [id, stream] : state_->streams) {
      if (!stream.reply->finished && stream.outcome == StreamOutcome::Completed) stream.outcome = StreamOutcome::Reset;
      stream.reply->closed = true;
      stream.reply->fireClose();
      server_.record(stream, id, *state_, 0);
    }
    state_->streams.clear();
  }

  void refuse(StreamId id, StreamErrorCode code, const std::string& message) {
    spdlog::debug("QUIC: stream {} from {} refused: {}", id, state_->peerAddress, message);
    {
      std::lock_guard lock(server_.countersMutex);
      if (code == StreamErrorCode::UnknownClass) ++server_.counters.unknownClasses;
      else ++server_.counters.badHeaders;
    }
    state_->connection->resetStream(id, static_cast<std::uint64_t>(code));
    if (const auto found = state_->streams.find(id); found != state_->streams.end()) {
      found->second.reply->closed = true;
      found->second.reply->fireClose();
      found->second.outcome = StreamOutcome::Refused;
      server_.record(found->second, id, *state_, 0);
      state_->streams.erase(found);
    }
  }

  void answerError(StreamState& stream, int status, std::string_view message) {
    stream.handedOver = true;
    const HttpResponse response = server_.handler.errorResponse(status, message);
    StreamExchange(shared_, stream.reply).respond(response);
  }

  void handOver(StreamState& stream) {
    stream.handedOver = true;
    auto parsed = parseHttpRequest(stream.request, server_.options.http);
    stream.request.clear();
    stream.request.shrink_to_fit();
    if (const int* status = std::get_if<int>(&parsed)) {
      if (*status == 0) return answerError(stream, 400, "the stream's request ends before the HTTP request is complete");
      return answerError(stream, *status, *status == 400 ? "malformed HTTP request" : "request over the server's limits");
    }
    HttpRequest request = std::move(std::get<HttpRequest>(parsed));
    request.remoteAddress = state_->peerAddress;
    auto exchange = std::make_shared<StreamExchange>(shared_, stream.reply);
    try {
      server_.handler.handle(std::move(request), exchange);
    } catch (const std::exception& error) {
      spdlog::error("QUIC: the handler failed: {}", error.what());
      exchange->respond(server_.handler.errorResponse(500, "internal error"));
    }
  }

  QuicUdpServer::Impl& server_;
  std::shared_ptr<QuicUdpServer::Impl> shared_;
  std::shared_ptr<ConnectionState> state_;
};

}  // namespace

std::unique_ptr<QuicConnectionHandler> QuicUdpServer::Impl::makeHandler(QuicConnection& connection) {
  std::erase_if(liveConnections, [](const std::weak_ptr<ConnectionState>& weak) { return weak.expired(); });
  return std::make_unique<ServerConnection>(*this, self.lock(), connection);
}

QuicUdpServer::QuicUdpServer(QuicUdpServerOptions options, HttpHandler& handler)
    : impl_(std::make_shared<Impl>(std::move(options), handler)) {
  impl_->self = impl_;
}

QuicUdpServer::~QuicUdpServer() { stop(); }

void QuicUdpServer::start() {
  if (impl_->started) return;
  impl_->started = true;
  impl_->receiveNext();
  impl_->thread = std::thread([impl = impl_.get()] {
    try {
      impl->io.run();
    } catch (const std::exception& error) {
      spdlog::error("QUIC: the server's I/O thread ended: {}", error.what());
    }
  });
}

void QuicUdpServer::stop() {
  if (impl_->stopped.load()) return;
  if (impl_->thread.joinable()) {
    auto closed = std::make_shared<std::promise<void>>();
    auto done = closed->get_future();
    asio::post(impl_->io, [impl = impl_.get(), closed] {
      impl->endpoint->forEachConnection([](QuicConnection& connection) { connection.close("server stopping"); });
      impl->flushAll();
      impl->stopped.store(true);
      for (const auto& weak : impl->liveConnections) {
        if (auto state = weak.lock()) {
          for (auto& [id, stream] : state->streams) {
            stream.reply->closed = true;
            stream.reply->fireClose();
          }
        }
      }
      closed->set_value();
    });
    done.wait_for(std::chrono::seconds(5));
    impl_->stopped.store(true);
    impl_->io.stop();
    impl_->thread.join();
  }
  impl_->stopped.store(true);
  boost::system::error_code ignored;
  impl_->socket.close(ignored);
}

std::uint16_t QuicUdpServer::port() const { return impl_->localEndpoint.port(); }

QuicUdpServer::Counters QuicUdpServer::counters() const {
  std::lock_guard lock(impl_->countersMutex);
  return impl_->counters;
}

std::size_t QuicUdpServer::connections() const { return impl_->connectionCount.load(); }

}  // namespace headroom::net::quic
