// What one QUIC connection (ngtcp2 0.12 + GnuTLS) costs on this machine: a client and a server endpoint
// joined by the virtual link (no sockets), both driven on one thread, so the wall time is the CPU time of
// both ends (encryption, loss detection, ACKs, the stream scheduler) and the link's event loop. Rows: one
// long stream (flow-control credit returned all along), the same with 1% loss each way, and many short
// echoed streams. Prints a table; see docs/PERFORMANCE.md.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/fmt.h>

#include "net/link/quic_link_endpoints.h"
#include "net/link/virtual_link.h"
#include "net/quic/quic_connection.h"

using namespace std::chrono_literals;
using namespace headroom::net;
using namespace headroom::net::quic;

namespace {

class ServerHandler final : public QuicConnectionHandler {
 public:
  explicit ServerHandler(QuicConnection& connection) : connection_(connection) {}
  // Echoes short streams; a long one is only counted and answered "ok" at its end.
  void onStreamData(StreamId id, std::string_view bytes, bool fin) override {
    if (echo) {
      connection_.write(id, bytes, fin);
    } else if (fin) {
      connection_.write(id, "ok", true);
    }
  }
  void onStreamReset(StreamId, std::uint64_t) override {}
  void onClosed(std::string_view) override {}
  static inline bool echo = false;

 private:
  QuicConnection& connection_;
};

class ClientHandler final : public QuicConnectionHandler {
 public:
  void onHandshakeCompleted() override { handshake = true; }
  void onStreamData(StreamId, std::string_view, bool fin) override { finished += fin ? 1 : 0; }
  void onStreamReset(StreamId, std::uint64_t) override {}
  void onClosed(std::string_view reason) override { closedReason = std::string(reason); }
  bool handshake = false;
  std::size_t finished = 0;
  std::string closedReason;
};

struct Row {
  std::string name;
  double virtualS = 0;
  double wallS = 0;
  std::uint64_t datagrams = 0;
  std::uint64_t payloadBytes = 0;
  std::size_t streams = 0;
};

link::LinkSettings linkOf(double lossRate) {
  link::LinkSettings settings;
  settings.rateBitsPerSecond = 0;  // unlimited: the ends are the bottleneck
  settings.oneWayDelay = 1ms;
  settings.queueBytes = 0;
  settings.lossRate = lossRate;
  return settings;
}

// Runs one connection: `streams` streams of `bytesPerStream` each, all opened at once after the
// handshake; times from the first write to the last answer.
Row run(const std::string& name, const std::filesystem::path& certificate, const std::filesystem::path& key,
        std::size_t streams, std::uint64_t bytesPerStream, bool echo, double lossRate) {
  ServerHandler::echo = echo;
  QuicServerEndpoint server(QuicServerConfig{certificate, key, {}, {}}, [](QuicConnection& connection) {
    return std::make_unique<ServerHandler>(connection);
  });
  link::QuicServerOnLink serverEnd(server);
  ClientHandler handler;
  QuicClientConfig config;
  config.pinnedCertificate = certificate;
  auto client = QuicConnection::connect(config, link::clientLinkPath(), 0ns, handler);
  link::QuicClientOnLink clientEnd(*client);
  link::VirtualLink virtualLink(clientEnd, serverEnd, linkOf(lossRate), linkOf(lossRate), 1);
  virtualLink.runUntil([&] { return handler.handshake || client->closed(); }, 10s);
  if (!handler.handshake) throw std::runtime_error("no handshake: " + handler.closedReason);

  const std::uint64_t datagramsBefore = virtualLink.up().counters().packets + virtualLink.down().counters().packets;
  const auto virtualStart = virtualLink.now();
  const auto wallStart = std::chrono::steady_clock::now();
  const std::string piece(std::min<std::uint64_t>(bytesPerStream, 1'000'000), 'q');
  for (std::size_t i = 0; i < streams; ++i) {
    const std::optional<StreamId> id = client->openStream(StreamAttributes{"bench", 0, std::nullopt}, virtualLink.now());
    if (!id) throw std::runtime_error("stream " + std::to_string(i) + " did not open");
    for (std::uint64_t written = 0; written < bytesPerStream; written += piece.size()) {
      const std::uint64_t size = std::min<std::uint64_t>(piece.size(), bytesPerStream - written);
      client->write(*id, std::string_view(piece).substr(0, size), written + size == bytesPerStream);
    }
  }
  const auto stop = virtualLink.runUntil([&] { return handler.finished == streams || client->closed(); },
                                         virtualStart + 3600s);
  if (stop != link::VirtualLink::Stop::Done || handler.finished != streams) {
    throw std::runtime_error(name + ": did not complete (" + handler.closedReason + ")");
  }
  Row row;
  row.name = name;
  row.wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
  row.virtualS = std::chrono::duration<double>(virtualLink.now() - virtualStart).count();
  row.datagrams = virtualLink.up().counters().packets + virtualLink.down().counters().packets - datagramsBefore;
  row.payloadBytes = streams * bytesPerStream * (echo ? 2 : 1);
  row.streams = streams;
  return row;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Cost of one QUIC connection over the virtual link (both ends on one thread)"};
  std::uint64_t megabytes = 100;
  std::size_t streams = 1000;
  std::size_t streamBytes = 1024;
  app.add_option("--megabytes", megabytes, "bytes of the long stream, in MB (10^6)")->check(CLI::Range(1, 100000));
  app.add_option("--streams", streams, "short echoed streams on one connection")->check(CLI::Range(1, 4096));
  app.add_option("--stream-bytes", streamBytes, "bytes of each short stream")->check(CLI::Range(1, 1 << 20));
  CLI11_PARSE(app, argc, argv);

  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("bench_quic_" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  const auto certificate = dir / "cert.pem";
  const auto key = dir / "key.pem";
  const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
                              "-subj /CN=localhost -keyout '" + key.string() + "' -out '" + certificate.string() +
                              "' > /dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    std::cerr << "bench_quic: openssl could not make a test certificate\n";
    return 1;
  }

  std::vector<Row> rows;
  try {
    const std::uint64_t bytes = megabytes * 1'000'000;
    rows.push_back(run(fmt::format("1 stream, {} MB", megabytes), certificate, key, 1, bytes, false, 0));
    rows.push_back(run(fmt::format("1 stream, {} MB, 1% loss", megabytes / 5), certificate, key, 1, bytes / 5, false,
                       0.01));
    rows.push_back(run(fmt::format("{} streams x {} B echoed", streams, streamBytes), certificate, key, streams,
                       streamBytes, true, 0));
  } catch (const std::exception& error) {
    std::cerr << "bench_quic: " << error.what() << "\n";
    std::filesystem::remove_all(dir);
    return 1;
  }
  std::filesystem::remove_all(dir);

  std::cout << fmt::format("{:<34} {:>10} {:>9} {:>11} {:>14} {:>10} {:>11}\n", "run", "virtual s", "wall s",
                           "datagrams", "datagrams/s", "MB/s", "streams/s");
  for (const Row& row : rows) {
    std::cout << fmt::format("{:<34} {:>10.3f} {:>9.3f} {:>11} {:>14.0f} {:>10.1f} {:>11.0f}\n", row.name,
                             row.virtualS, row.wallS, row.datagrams, static_cast<double>(row.datagrams) / row.wallS,
                             static_cast<double>(row.payloadBytes) / 1e6 / row.wallS,
                             static_cast<double>(row.streams) / row.wallS);
  }
  std::cout << "(wall: both ends and the link on one thread; datagrams counted in both directions)\n";
  return 0;
}
