#include <algorithm>
#include <array>

#include "net/quic/quic_connection_impl.h"
#include "net/quic/stream_header.h"

// The sending side of a ConnectionImpl: each stream's bytes kept until acknowledged, the scheduler kept
// up to date, and the write loop that asks the scheduler which stream goes next.
namespace headroom::net::quic::detail {

namespace {
constexpr std::size_t kChunkBytes = 64 * 1024;  // the most one stored chunk of stream data holds
constexpr std::size_t kMaxVectors = 16;         // chunks offered to one ngtcp2_conn_writev_stream call
}  // namespace

ConnectionImpl::Stream* ConnectionImpl::find(StreamId id) {
  auto it = streams_.find(id);
  return it == streams_.end() ? nullptr : &it->second;
}

void ConnectionImpl::updateScheduler(StreamId id, Stream& stream) {
  const bool finOnly = stream.finQueued && !stream.finSent && !stream.writeShut && stream.sent == stream.written;
  if (finOnly) {
    finOnly_.insert(id);
  } else {
    finOnly_.erase(id);
  }
  if (!stream.scheduled) return;
  if (stream.writeShut || stream.finSent) {
    unschedule(id, stream);
    return;
  }
  scheduler_->setPending(id, stream.written - stream.sent, stream.flowBlocked);
}

std::optional<StreamId> ConnectionImpl::openStream(const StreamAttributes& attributes, QuicTime now) {
  if (closed_ || conn_ == nullptr) return std::nullopt;
  std::int64_t id = -1;
  const int rv = ngtcp2_conn_open_bidi_stream(conn_, &id, nullptr);
  if (rv != 0) return std::nullopt;  // NGTCP2_ERR_STREAM_ID_BLOCKED: the peer's limit (or no handshake yet)
  lastNow_ = std::max(lastNow_, now);
  schedule(id, streams_[id], attributes, now);
  return id;
}

void ConnectionImpl::schedule(StreamId id, Stream& stream, const StreamAttributes& attributes, QuicTime now) {
  unschedule(id, stream);
  scheduler_->open(id, attributes, now);
  stream.scheduled = true;
  stream.deadline = attributes.deadline;
  if (stream.deadline) deadlines_.emplace(*stream.deadline, id);
}

void ConnectionImpl::unschedule(StreamId id, Stream& stream) {
  if (!stream.scheduled) return;
  scheduler_->close(id);
  stream.scheduled = false;
  if (stream.deadline) deadlines_.erase({*stream.deadline, id});
  stream.deadline.reset();
}

void ConnectionImpl::setStreamAttributes(StreamId id, const StreamAttributes& attributes, QuicTime now) {
  Stream* stream = find(id);
  if (stream == nullptr || stream->writeShut || stream->finSent) return;
  lastNow_ = std::max(lastNow_, now);
  schedule(id, *stream, attributes, now);
  updateScheduler(id, *stream);
}

void ConnectionImpl::write(StreamId id, std::string_view bytes, bool fin) {
  if (closed_) return;
  auto it = streams_.find(id);
  if (it == streams_.end()) return;  // closed or never opened
  Stream& stream = it->second;
  if (stream.writeShut || stream.finQueued) return;
  if (!stream.scheduled) schedule(id, stream, StreamAttributes{}, lastNow_);
  while (!bytes.empty()) {
    // The last chunk grows while none of it has been sent (ngtcp2 holds no pointer into it yet).
    if (!stream.chunks.empty() && stream.written - stream.chunks.back().size() >= stream.sent &&
        stream.chunks.back().size() < kChunkBytes) {
      const std::size_t take = std::min(bytes.size(), kChunkBytes - stream.chunks.back().size());
      stream.chunks.back().append(bytes.substr(0, take));
      stream.written += take;
      bytes.remove_prefix(take);
      continue;
    }
    const std::size_t take = std::min(bytes.size(), kChunkBytes);
    stream.chunks.emplace_back(bytes.substr(0, take));
    stream.written += take;
    bytes.remove_prefix(take);
  }
  if (fin) stream.finQueued = true;
  updateScheduler(id, stream);
}

void ConnectionImpl::dropStream(StreamId id, Stream& stream, std::uint64_t code, bool expired) {
  unschedule(id, stream);
  stream.writeShut = true;
  stream.localReset = true;
  finOnly_.erase(id);
  shutdowns_.push_back(Shutdown{id, code, expired});
}

void ConnectionImpl::resetStream(StreamId id, std::uint64_t applicationErrorCode) {
  if (closed_) return;
  if (Stream* stream = find(id)) {
    if (stream->localReset) return;
    dropStream(id, *stream, applicationErrorCode, false);
  }
}

void ConnectionImpl::applyShutdowns() {
  if (conn_ == nullptr) return;
  std::vector<Shutdown> due;
  due.swap(shutdowns_);
  for (const Shutdown& shutdown : due) {
    if (!closed_) ngtcp2_conn_shutdown_stream(conn_, shutdown.id, shutdown.code);
    // ngtcp2 forgot the unacknowledged data with the shutdown: so may we.
    if (Stream* stream = find(shutdown.id)) {
      stream->chunks.clear();
      stream->cursorIndex = 0;
    }
    if (shutdown.expired && handler_ != nullptr) handler_->onStreamExpired(shutdown.id);
  }
}

void ConnectionImpl::accountSent(StreamId id, Stream& stream, std::int64_t bytes, bool finOffered) {
  if (bytes < 0) return;
  const auto sentBytes = static_cast<std::uint64_t>(bytes);
  stream.sent += sentBytes;
  while (stream.cursorIndex < stream.chunks.size() &&
         stream.cursorBegin + stream.chunks[stream.cursorIndex].size() <= stream.sent) {
    stream.cursorBegin += stream.chunks[stream.cursorIndex].size();
    ++stream.cursorIndex;
  }
  if (finOffered && stream.sent == stream.written) stream.finSent = true;
  if (sentBytes > 0 && stream.scheduled) scheduler_->sent(id, sentBytes);
  updateScheduler(id, stream);
}

void ConnectionImpl::flush(QuicTime now, const std::function<void(std::span<const std::uint8_t>)>& send) {
  if (conn_ == nullptr) return;
  lastNow_ = std::max(lastNow_, now);
  if (closed_) {
    if (closeToWrite_) writeConnectionClose(now, send);
    applyShutdowns();
    notifyClosed();
    return;
  }
  applyShutdowns();
  const ngtcp2_tstamp ts = timestamp(now);
  const std::size_t payloadBytes = std::min<std::size_t>(ngtcp2_conn_get_max_tx_udp_payload_size(conn_), kDatagramBytes);
  const std::size_t burst = std::max<std::size_t>(1, ngtcp2_conn_get_send_quantum(conn_) / payloadBytes);
  std::array<std::uint8_t, kDatagramBytes> buffer{};
  ngtcp2_path_storage storage;
  ngtcp2_path_storage_zero(&storage);
  ngtcp2_pkt_info info{};
  const LinkEstimate link = linkEstimate();
  const bool streamsMayGo = handshakeCompleted();

  std::size_t packets = 0;
  bool midPacket = false;                 // inside a coalesced packet: no other ngtcp2 call allowed
  std::vector<StreamId> refusedInPacket;  // blocked or shut streams met while building this packet
  while (packets < burst && !closed_) {
    if (!midPacket) {
      applyShutdowns();
      refusedInPacket.clear();
    }
    StreamId id = -1;
    std::uint32_t flags = NGTCP2_WRITE_STREAM_FLAG_MORE;
    std::array<ngtcp2_vec, kMaxVectors> vectors{};
    std::size_t vectorCount = 0;
    Stream* stream = nullptr;
    if (streamsMayGo) {
      for (StreamId candidate : finOnly_) {
        if (std::find(refusedInPacket.begin(), refusedInPacket.end(), candidate) == refusedInPacket.end()) {
          id = candidate;
          break;
        }
      }
      if (id >= 0) {
        stream = find(id);
        flags |= NGTCP2_WRITE_STREAM_FLAG_FIN;
      } else if (ngtcp2_conn_get_max_data_left(conn_) > 0) {
        StreamScheduler::Decision decision = scheduler_->next(now, link);
        for (StreamId expired : decision.expired) {
          if (Stream* dropped = find(expired); dropped != nullptr && !dropped->localReset) {
            dropStream(expired, *dropped, static_cast<std::uint64_t>(StreamErrorCode::DeadlinePassed), true);
          } else {
            scheduler_->close(expired);
          }
        }
        if (decision.send && std::find(refusedInPacket.begin(), refusedInPacket.end(), *decision.send) ==
                                 refusedInPacket.end()) {
          stream = find(*decision.send);
          if (stream != nullptr && !stream->writeShut && stream->sent < stream->written) {
            id = *decision.send;
          } else {
            // The scheduler's view is stale: correct it and write no stream this round.
            if (stream != nullptr) updateScheduler(*decision.send, *stream);
            else scheduler_->close(*decision.send);
            stream = nullptr;
          }
        }
      }
      if (stream != nullptr && id >= 0) {
        std::uint64_t offset = stream->cursorBegin;
        for (std::size_t i = stream->cursorIndex; i < stream->chunks.size() && vectorCount < kMaxVectors; ++i) {
          const std::string& chunk = stream->chunks[i];
          const std::uint64_t skip = stream->sent > offset ? stream->sent - offset : 0;
          if (skip < chunk.size()) {
            vectors[vectorCount].base = reinterpret_cast<std::uint8_t*>(const_cast<char*>(chunk.data())) + skip;
            vectors[vectorCount].len = chunk.size() - skip;
            ++vectorCount;
          }
          offset += chunk.size();
        }
        const bool allOffered = vectorCount == 0 || offset == stream->written;
        if (stream->finQueued && allOffered) flags |= NGTCP2_WRITE_STREAM_FLAG_FIN;
      }
    }

    ngtcp2_ssize dataBytes = -1;
    const ngtcp2_ssize written =
        ngtcp2_conn_writev_stream(conn_, &storage.path, &info, buffer.data(), payloadBytes, &dataBytes, flags, id,
                                  vectorCount > 0 ? vectors.data() : nullptr, vectorCount, ts);
    // A callback inside the write (a stream closing, its handler opening another) may have changed the
    // stream table: look the stream up again.
    stream = id >= 0 ? find(id) : nullptr;
    if (written < 0) {
      switch (written) {
        case NGTCP2_ERR_STREAM_DATA_BLOCKED:
          if (stream != nullptr) {
            stream->flowBlocked = true;
            updateScheduler(id, *stream);
          }
          refusedInPacket.push_back(id);
          midPacket = true;
          continue;
        case NGTCP2_ERR_STREAM_SHUT_WR:
        case NGTCP2_ERR_STREAM_NOT_FOUND:
          if (stream != nullptr) {
            stream->writeShut = true;
            updateScheduler(id, *stream);
          }
          finOnly_.erase(id);
          refusedInPacket.push_back(id);
          midPacket = true;
          continue;
        case NGTCP2_ERR_WRITE_MORE:
          if (stream != nullptr) accountSent(id, *stream, dataBytes, (flags & NGTCP2_WRITE_STREAM_FLAG_FIN) != 0);
          midPacket = true;
          continue;
        default:
          fail(static_cast<int>(written), liberrText("ngtcp2_conn_writev_stream", static_cast<int>(written)));
          continue;
      }
    }
    midPacket = false;
    if (stream != nullptr && dataBytes >= 0) {
      accountSent(id, *stream, dataBytes, (flags & NGTCP2_WRITE_STREAM_FLAG_FIN) != 0);
    }
    if (written == 0) {
      if (shutdowns_.empty()) break;
      continue;  // streams dropped on the way: the loop's top shuts them down and their frames go now
    }
    send(std::span<const std::uint8_t>(buffer.data(), static_cast<std::size_t>(written)));
    ++packets;
  }
  if (!closed_) ngtcp2_conn_update_pkt_tx_time(conn_, ts);
  if (closeToWrite_) writeConnectionClose(now, send);
  applyShutdowns();
  notifyClosed();
}

}  // namespace headroom::net::quic::detail
