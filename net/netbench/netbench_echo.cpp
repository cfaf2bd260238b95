#include "net/netbench/netbench_echo.h"

#include <algorithm>
#include <charconv>

namespace headroom::net::netbench {

using quic::QuicTime;
using quic::StreamErrorCode;
using quic::StreamId;

std::string echoPayload(std::size_t index, std::uint32_t bytes) {
  std::string payload(bytes, '\0');
  std::uint32_t state = static_cast<std::uint32_t>(index) * 2654435761u + 1u;
  for (char& c : payload) {
    state = state * 1664525u + 1013904223u;
    c = static_cast<char>(state >> 24);
  }
  return payload;
}

std::string requestIdOf(std::size_t index) {
  std::string id(1, 'r');
  id += std::to_string(index);
  return id;
}

std::optional<std::size_t> requestIndexOf(std::string_view requestId) {
  if (requestId.size() < 2 || requestId.front() != 'r') return std::nullopt;
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(requestId.data() + 1, requestId.data() + requestId.size(), index);
  if (error != std::errc() || end != requestId.data() + requestId.size()) return std::nullopt;
  return index;
}

EchoServerHandler::EchoServerHandler(quic::QuicConnection& connection, std::vector<NetbenchClass> classes,
                                     std::function<QuicTime()> clock, EchoLedger& ledger)
    : connection_(connection), classes_(std::move(classes)), clock_(std::move(clock)), ledger_(ledger) {}

void EchoServerHandler::onStreamData(StreamId id, std::string_view bytes, bool /*fin*/) {
  Stream& stream = streams_[id];
  if (stream.refused) return;
  if (!stream.header) {
    auto result = stream.reader.feed(bytes);
    if (std::holds_alternative<std::monostate>(result)) return;
    if (std::holds_alternative<quic::StreamHeaderError>(result)) {
      stream.refused = true;
      ++ledger_.refusedStreams;
      connection_.resetStream(id, static_cast<std::uint64_t>(StreamErrorCode::BadHeader));
      return;
    }
    auto& complete = std::get<quic::StreamHeaderReader::Complete>(result);
    const bool known = std::any_of(classes_.begin(), classes_.end(),
                                   [&](const NetbenchClass& c) { return c.name == complete.header.className; });
    if (!known) {
      stream.refused = true;
      ++ledger_.refusedStreams;
      connection_.resetStream(id, static_cast<std::uint64_t>(StreamErrorCode::UnknownClass));
      return;
    }
    stream.header = std::move(complete.header);
    stream.requestIndex = requestIndexOf(stream.header->requestId);
    const QuicTime now = clock_();
    quic::StreamAttributes attributes{stream.header->className, stream.header->level, std::nullopt};
    if (stream.header->budget) {
      // The budget was what was left when the client wrote the header; half an RTT of it went by on the way.
      attributes.deadline = now + *stream.header->budget - connection_.linkEstimate().smoothedRtt / 2;
    }
    connection_.setStreamAttributes(id, attributes, now);
    bytes.remove_prefix(complete.consumed);
  }
  echo(id, stream, bytes);
}

void EchoServerHandler::echo(StreamId id, Stream& stream, std::string_view payload) {
  const std::uint64_t left = stream.header->requestBytes - stream.echoedBytes;
  if (payload.size() > left) payload = payload.substr(0, left);  // bytes past the announced length: ignored
  if (payload.empty() && stream.header->requestBytes != 0) return;
  if (stream.requestIndex && *stream.requestIndex < ledger_.serverReceivedBytes.size()) {
    ledger_.serverReceivedBytes[*stream.requestIndex] += payload.size();
  }
  stream.echoedBytes += payload.size();
  connection_.write(id, payload, stream.echoedBytes == stream.header->requestBytes);
}

void EchoServerHandler::onStreamReset(StreamId id, std::uint64_t /*applicationErrorCode*/) { streams_[id].refused = true; }

void EchoServerHandler::onStreamClosed(StreamId id, std::uint64_t /*lostPackets*/) { streams_.erase(id); }

void EchoServerHandler::onClosed(std::string_view /*reason*/) { streams_.clear(); }

EchoClient::EchoClient(std::vector<NetbenchClass> classes, std::function<QuicTime()> clock,
                       const std::vector<NetbenchRequest>& requests)
    : classes_(std::move(classes)), clock_(std::move(clock)), requests_(requests.size()) {
  for (const NetbenchRequest& request : requests) {
    requests_.at(request.index).classIndex = request.classIndex;
    requests_.at(request.index).bytes = request.bytes;
  }
}

void EchoClient::start(const NetbenchRequest& request) {
  Request& r = requests_.at(request.index);
  r.classIndex = request.classIndex;
  r.start = clock_();
  r.bytes = request.bytes;
  r.payload = echoPayload(request.index, request.bytes);
  ++started_;
  waiting_.push_back(request.index);
  openWaiting();
}

void EchoClient::openWaiting() {
  if (connection_ == nullptr || !failure_.empty()) return;
  while (!waiting_.empty()) {
    const std::size_t index = waiting_.front();
    Request& r = requests_[index];
    const NetbenchClass& c = classes_[r.classIndex];
    const QuicTime deadline = r.start + std::chrono::duration_cast<QuicTime>(c.deadline);
    const QuicTime now = clock_();
    if (now >= deadline) {
      // It waited for a stream past its deadline: dropped before a byte went.
      r.dropped = true;
      settle(r);
      waiting_.erase(waiting_.begin());
      continue;
    }
    const auto id = connection_->openStream({c.name, c.level, deadline}, now);
    if (!id) return;
    waiting_.erase(waiting_.begin());
    streamRequest_[*id] = index;
    quic::StreamHeader header;
    header.className = c.name;
    header.level = c.level;
    header.budget = std::chrono::duration_cast<std::chrono::microseconds>(deadline - now);
    header.requestId = requestIdOf(index);
    header.requestBytes = r.bytes;
    connection_->write(*id, quic::encodeStreamHeader(header) + r.payload, true);
  }
}

void EchoClient::settle(Request& request) {
  if (request.settled) return;
  request.settled = true;
  request.payload = std::string();
  ++settled_;
}

void EchoClient::onStreamData(StreamId id, std::string_view bytes, bool fin) {
  const auto it = streamRequest_.find(id);
  if (it == streamRequest_.end()) return;
  Request& r = requests_[it->second];
  if (r.settled) return;
  const std::string_view expected =
      std::string_view(r.payload).substr(std::min<std::uint64_t>(r.echoedBytes, r.payload.size()), bytes.size());
  if (expected != bytes) {
    r.failed = true;
    settle(r);
    if (failure_.empty()) failure_ = "the echo of request " + requestIdOf(it->second) + " differs from what was sent";
    return;
  }
  r.echoedBytes += bytes.size();
  if (fin || r.echoedBytes == r.bytes) {
    if (r.echoedBytes == r.bytes) {
      r.completedAt = clock_();
    } else {
      r.failed = true;
    }
    settle(r);
  }
}

void EchoClient::onStreamReset(StreamId id, std::uint64_t applicationErrorCode) {
  const auto it = streamRequest_.find(id);
  if (it == streamRequest_.end()) return;
  Request& r = requests_[it->second];
  if (r.settled) return;
  if (applicationErrorCode == static_cast<std::uint64_t>(StreamErrorCode::DeadlinePassed)) {
    r.dropped = true;
  } else {
    r.failed = true;
  }
  settle(r);
}

void EchoClient::onStreamExpired(StreamId id) {
  const auto it = streamRequest_.find(id);
  if (it == streamRequest_.end()) return;
  Request& r = requests_[it->second];
  r.dropped = true;
  settle(r);
}

void EchoClient::onStreamClosed(StreamId id, std::uint64_t /*lostPackets*/) {
  const auto it = streamRequest_.find(id);
  if (it != streamRequest_.end()) {
    Request& r = requests_[it->second];
    if (!r.settled) {
      // Closed both ways without the whole echo: nothing more will come.
      r.failed = true;
      settle(r);
    }
    streamRequest_.erase(it);
  }
  openWaiting();
}

void EchoClient::onClosed(std::string_view reason) {
  if (failure_.empty()) failure_ = "connection closed: " + std::string(reason);
}

RunOutcome EchoClient::outcome(const EchoLedger& ledger) const {
  RunOutcome result;
  result.failure = failure_;
  result.requests.reserve(requests_.size());
  for (std::size_t i = 0; i < requests_.size(); ++i) {
    const Request& r = requests_[i];
    RequestOutcome o;
    o.classIndex = r.classIndex;
    if (r.completedAt) o.latency = *r.completedAt - r.start;
    o.dropped = r.dropped;
    if (r.dropped) {
      const std::uint64_t up = i < ledger.serverReceivedBytes.size() ? ledger.serverReceivedBytes[i] : 0;
      o.bytesDropped = (r.bytes - std::min<std::uint64_t>(up, r.bytes)) + (r.bytes - std::min<std::uint64_t>(r.echoedBytes, r.bytes));
    }
    result.requests.push_back(o);
  }
  return result;
}

}  // namespace headroom::net::netbench
