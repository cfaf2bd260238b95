// runTlsTcpEcho: netbench's TLS/TCP baseline. One TLS 1.3 connection (Boost.Asio + OpenSSL, as net/'s
// HTTP transport), every request framed by the StreamHeader and written whole in arrival order, the
// payloads echoed in that order.
#include <deque>
#include <future>
#include <memory>
#include <thread>

#include <sys/socket.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <openssl/ssl.h>

#include "net/netbench/cancel_watch.h"
#include "net/netbench/netbench_echo.h"
#include "net/netbench/realtime_echo_run.h"
#include "net/netbench/steady_time.h"
#include "net/quic/stream_header.h"

namespace headroom::net::netbench {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using TlsStream = ssl::stream<tcp::socket>;

namespace {

// Writes what is queued, whole and in order, one async_write at a time.
class OrderedWriter {
 public:
  explicit OrderedWriter(TlsStream& stream) : stream_(stream) {}
  void write(std::string bytes) {
    pending_ += bytes;
    if (!writing_) next();
  }

 private:
  void next() {
    if (pending_.empty()) return;
    writing_ = true;
    inFlight_ = std::move(pending_);
    pending_.clear();
    asio::async_write(stream_, asio::buffer(inFlight_), [this](const boost::system::error_code& error, std::size_t) {
      writing_ = false;
      if (!error) next();
    });
  }
  TlsStream& stream_;
  std::string pending_, inFlight_;
  bool writing_ = false;
};

void requireTls13(ssl::context& context) {
  SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_3_VERSION);
}

// The server's side: reads header, payload, header, payload ... and echoes each payload as it arrives.
class EchoConnection {
 public:
  explicit EchoConnection(TlsStream& stream) : stream_(stream), writer_(stream) {}
  void start() { read(); }

 private:
  void read() {
    stream_.async_read_some(asio::buffer(buffer_), [this](const boost::system::error_code& error, std::size_t n) {
      if (error) return;
      std::string_view bytes(buffer_.data(), n);
      while (!bytes.empty()) {
        if (payloadLeft_ == 0) {
          auto result = reader_.feed(bytes);
          if (std::holds_alternative<quic::StreamHeaderError>(result)) return;  // a broken frame ends the echo
          if (std::holds_alternative<std::monostate>(result)) break;
          const auto& complete = std::get<quic::StreamHeaderReader::Complete>(result);
          payloadLeft_ = complete.header.requestBytes;
          bytes.remove_prefix(complete.consumed);
          reader_ = quic::StreamHeaderReader();
          continue;
        }
        const std::size_t take = std::min<std::size_t>(payloadLeft_, bytes.size());
        writer_.write(std::string(bytes.substr(0, take)));
        payloadLeft_ -= take;
        bytes.remove_prefix(take);
      }
      read();
    });
  }
  TlsStream& stream_;
  OrderedWriter writer_;
  quic::StreamHeaderReader reader_;
  std::uint64_t payloadLeft_ = 0;
  std::array<char, 65536> buffer_{};
};

}  // namespace

RunOutcome runTlsTcpEcho(const RealtimeEchoRun& run) {
  asio::io_context serverIo;
  std::promise<std::uint16_t> serverPort;
  std::future<std::uint16_t> serverPortReady = serverPort.get_future();
  std::thread serverThread([&] {
    bool reported = false;
    try {
      ssl::context context(ssl::context::tls_server);
      requireTls13(context);
      context.use_certificate_chain_file(run.certificate.certificate.string());
      context.use_private_key_file(run.certificate.key.string(), ssl::context::pem);
      const tcp::endpoint bindTo(asio::ip::make_address(run.endpoints.serverIp), run.endpoints.serverPort);
      tcp::acceptor acceptor(serverIo, bindTo.protocol(),
                             openEndpointSocket(run.endpoints.serverSocket, bindTo.protocol().family(), SOCK_STREAM));
      acceptor.set_option(tcp::acceptor::reuse_address(true));
      acceptor.bind(bindTo);
      acceptor.listen();
      TlsStream stream(serverIo, context);
      std::unique_ptr<EchoConnection> echoConnection;
      acceptor.async_accept(stream.lowest_layer(), [&](const boost::system::error_code& error) {
        if (error) return;
        stream.lowest_layer().set_option(tcp::no_delay(true));
        stream.async_handshake(ssl::stream_base::server, [&](const boost::system::error_code& handshakeError) {
          if (handshakeError) return;
          echoConnection = std::make_unique<EchoConnection>(stream);
          echoConnection->start();
        });
      });
      serverPort.set_value(acceptor.local_endpoint().port());
      reported = true;
      serverIo.run();
    } catch (...) {
      if (!reported) serverPort.set_exception(std::current_exception());
    }
  });

  struct Request {
    std::size_t classIndex = 0;
    std::uint32_t bytes = 0;
    quic::QuicTime start{0};
    std::optional<quic::QuicTime> completedAt;
  };
  std::vector<Request> requests(run.requests.size());
  for (const NetbenchRequest& r : run.requests) requests.at(r.index) = {r.classIndex, r.bytes, {}, std::nullopt};
  std::string failure;

  try {
    const std::uint16_t port = serverPortReady.get();
    std::thread clientThread([&] {
      try {
        asio::io_context io;
        ssl::context context(ssl::context::tls_client);
        requireTls13(context);
        context.load_verify_file(run.certificate.certificate.string());  // the server's own certificate, pinned
        context.set_verify_mode(ssl::verify_peer);
        TlsStream stream(io, context);
        const tcp::endpoint serverEndpoint(asio::ip::make_address(run.endpoints.serverIp), port);
        stream.lowest_layer().assign(serverEndpoint.protocol(), openEndpointSocket(run.endpoints.clientSocket,
                                                                                   serverEndpoint.protocol().family(), SOCK_STREAM));
        stream.lowest_layer().connect(serverEndpoint);
        stream.lowest_layer().set_option(tcp::no_delay(true));
        stream.handshake(ssl::stream_base::client);

        OrderedWriter writer(stream);
        std::deque<std::pair<std::size_t, std::uint64_t>> awaiting;  // request, echo offset of its last byte
        std::uint64_t written = 0, echoed = 0;
        std::size_t settled = 0;
        std::array<char, 65536> buffer{};
        std::function<void()> read = [&] {
          stream.async_read_some(asio::buffer(buffer), [&](const boost::system::error_code& error, std::size_t n) {
            if (error) {
              failure = "the TLS connection ended: " + error.message();
              io.stop();
              return;
            }
            echoed += n;
            while (!awaiting.empty() && awaiting.front().second <= echoed) {
              requests[awaiting.front().first].completedAt = steadyNow();
              awaiting.pop_front();
              ++settled;
            }
            if (settled == requests.size()) {
              io.stop();
              return;
            }
            read();
          });
        };
        read();

        const auto origin = std::chrono::steady_clock::now();
        std::vector<std::unique_ptr<asio::steady_timer>> starts;
        std::chrono::nanoseconds lastStart{0};
        for (const NetbenchRequest& request : run.requests) {
          lastStart = std::max(lastStart, request.start);
          auto timer = std::make_unique<asio::steady_timer>(io, origin + request.start);
          timer->async_wait([&, request](const boost::system::error_code& error) {
            if (error) return;
            Request& r = requests[request.index];
            r.start = steadyNow();
            const NetbenchClass& c = run.classes[r.classIndex];
            quic::StreamHeader header;
            header.className = c.name;
            header.level = c.level;
            header.budget = std::chrono::duration_cast<std::chrono::microseconds>(c.deadline);
            header.requestId = requestIdOf(request.index);
            header.requestBytes = r.bytes;
            written += r.bytes;
            awaiting.emplace_back(request.index, written);
            writer.write(quic::encodeStreamHeader(header) + echoPayload(request.index, r.bytes));
          });
          starts.push_back(std::move(timer));
        }
        asio::steady_timer limit(io, origin + lastStart + run.drainAfterLastStart);
        limit.async_wait([&](const boost::system::error_code& error) {
          if (!error) io.stop();
        });
        const CancelWatch watch(io, run.cancel, [&] { failure = std::string(kInterrupted); });
        io.run();
      } catch (const std::exception& error) {
        failure = error.what();
      }
    });
    clientThread.join();
  } catch (const std::exception& error) {
    failure = std::string("the echo server did not start: ") + error.what();
  }
  serverIo.stop();
  serverThread.join();

  RunOutcome outcome;
  outcome.failure = failure;
  for (const Request& r : requests) {
    RequestOutcome o;
    o.classIndex = r.classIndex;
    if (r.completedAt) o.latency = *r.completedAt - r.start;
    outcome.requests.push_back(o);
  }
  return outcome;
}

}  // namespace headroom::net::netbench
