// libFuzzer target: what a QUIC server endpoint does with a datagram from anyone (net/quic): reading the
// version and connection ids, accepting an Initial or answering with Version Negotiation, handing it to a
// connection, and its timers afterwards. The input is cut into datagrams at points its first bytes choose,
// all from one client address, so a datagram that opened a connection is followed by more for it. The
// endpoint must neither crash nor leak; what it answers is not checked. Run by scripts/fuzz_http.sh.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "net/netbench/self_signed_certificate.h"
#include "net/quic/quic_connection.h"

namespace {

using namespace headroom::net;

// Accepts every connection and every stream, and reads nothing into them.
class Quiet final : public quic::QuicConnectionHandler {
 public:
  void onStreamData(quic::StreamId, std::string_view, bool) override {}
  void onStreamReset(quic::StreamId, std::uint64_t) override {}
  void onClosed(std::string_view) override {}
};

netbench::CertificateFiles& certificate() {
  static netbench::CertificateFiles files = [] {
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "headroom-fuzz-quic";
    std::filesystem::create_directories(folder);
    return netbench::writeSelfSignedCertificate(folder, "localhost");
  }();
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  quic::QuicServerConfig config;
  config.certificate = certificate().certificate;
  config.key = certificate().key;
  quic::QuicServerEndpoint endpoint(config, [](quic::QuicConnection&) { return std::make_unique<Quiet>(); });
  const quic::QuicPath path = quic::makeQuicPath("127.0.0.1", 4433, "127.0.0.2", 50000);
  const auto ignore = [](std::span<const std::uint8_t>, const quic::QuicPath&) {};

  // The first byte: how many datagrams (1..4); each takes an equal part of the rest.
  const std::size_t datagrams = 1 + data[0] % 4;
  const std::span<const std::uint8_t> rest(data + 1, size - 1);
  const std::size_t part = (rest.size() + datagrams - 1) / datagrams;
  quic::QuicTime now{1'000'000'000};
  for (std::size_t offset = 0; offset < rest.size(); offset += part) {
    endpoint.receive(rest.subspan(offset, std::min(part, rest.size() - offset)), path, now);
    endpoint.flush(now, ignore);
    now += std::chrono::milliseconds(10);
  }
  // Let every timer run out: idle timeouts close what was opened.
  for (int i = 0; i < 8 && endpoint.nextTimer() != quic::QuicTime::max(); ++i) {
    now = std::max(now, endpoint.nextTimer());
    endpoint.onTimer(now);
    endpoint.flush(now, ignore);
  }
  return 0;
}
