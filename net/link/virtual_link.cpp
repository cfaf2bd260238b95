#include "net/link/virtual_link.h"

#include <algorithm>

namespace headroom::net::link {

namespace {

using std::chrono::nanoseconds;

constexpr nanoseconds kNever = nanoseconds::max();
// The down direction's seed differs from the up direction's so the two lose different packets.
constexpr std::uint64_t kDownSeedOffset = 0x9E3779B97F4A7C15ull;

std::size_t sideIndex(LinkSide side) { return side == LinkSide::Client ? 0 : 1; }

}  // namespace

VirtualLink::VirtualLink(DatagramEndpoint& client, DatagramEndpoint& server, const LinkSettings& up,
                         const LinkSettings& down, std::uint64_t seed)
    : client_(client), server_(server), up_(up, seed), down_(down, seed + kDownSeedOffset) {}

void VirtualLink::schedule(nanoseconds at, std::function<void()> action) {
  actions_.emplace(Key{std::max(at, now_), sequence_++}, std::move(action));
}

nanoseconds VirtualLink::timerOf(LinkSide side) const {
  const DatagramEndpoint& endpoint = side == LinkSide::Client ? client_ : server_;
  const nanoseconds due = endpoint.nextTimer();
  if (due == kNever) return kNever;
  nanoseconds at = std::max(due, now_);
  // A timer that is still due at the time it last ran would run again at once, forever: move it on.
  if (at <= timerRanAt_[sideIndex(side)]) at = timerRanAt_[sideIndex(side)] + nanoseconds(1);
  return at;
}

void VirtualLink::flushOne(LinkSide from) {
  DatagramEndpoint& endpoint = from == LinkSide::Client ? client_ : server_;
  LinkDirection& direction = from == LinkSide::Client ? up_ : down_;
  const LinkSide to = from == LinkSide::Client ? LinkSide::Server : LinkSide::Client;
  endpoint.flush(now_, [&](std::span<const std::uint8_t> datagram) {
    const std::uint64_t index = written_[sideIndex(from)]++;
    if (filter_ && filter_(from, index, datagram)) return;
    const std::optional<nanoseconds> arrival = direction.send(datagram.size(), now_);
    if (!arrival) return;
    arrivals_.emplace(Key{std::max(*arrival, now_), sequence_++},
                      Arrival{to, std::vector<std::uint8_t>(datagram.begin(), datagram.end())});
  });
}

void VirtualLink::flushBoth() {
  flushOne(LinkSide::Client);
  flushOne(LinkSide::Server);
}

bool VirtualLink::step(nanoseconds limit, bool& idle) {
  const nanoseconds clientTimer = timerOf(LinkSide::Client);
  const nanoseconds serverTimer = timerOf(LinkSide::Server);
  const nanoseconds arrivalAt = arrivals_.empty() ? kNever : arrivals_.begin()->first.first;
  const nanoseconds actionAt = actions_.empty() ? kNever : actions_.begin()->first.first;
  const nanoseconds next = std::min({clientTimer, serverTimer, arrivalAt, actionAt});
  idle = next == kNever;
  if (idle || next > limit) return false;
  now_ = next;
  ++events_;
  // Ties: timers first, then arrivals, then actions.
  if (clientTimer == next) {
    timerRanAt_[sideIndex(LinkSide::Client)] = now_;
    client_.onTimer(now_);
  } else if (serverTimer == next) {
    timerRanAt_[sideIndex(LinkSide::Server)] = now_;
    server_.onTimer(now_);
  } else if (arrivalAt == next) {
    auto node = arrivals_.extract(arrivals_.begin());
    Arrival& arrival = node.mapped();
    DatagramEndpoint& to = arrival.to == LinkSide::Client ? client_ : server_;
    to.receive(arrival.datagram, now_);
  } else {
    auto node = actions_.extract(actions_.begin());
    node.mapped()();
  }
  flushBoth();
  return true;
}

VirtualLink::Stop VirtualLink::runUntil(const std::function<bool()>& done, nanoseconds limit) {
  flushBoth();
  if (done()) return Stop::Done;
  for (;;) {
    bool idle = false;
    if (!step(limit, idle)) {
      if (idle) return Stop::Idle;
      now_ = std::max(now_, limit);
      return Stop::TimeLimit;
    }
    if (done()) return Stop::Done;
  }
}

VirtualLink::Stop VirtualLink::runFor(nanoseconds duration) {
  return runUntil([] { return false; }, now_ + duration);
}

}  // namespace headroom::net::link
