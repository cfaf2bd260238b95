#include "net/link/netns_link.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <system_error>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sched.h>
#include <spawn.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

extern char** environ;

namespace headroom::net::link {

namespace {

constexpr const char* kTunPath = "/dev/net/tun";
constexpr const char* kDeviceName = "hr0";
constexpr const char* kAddresses[2] = {"10.77.0.1", "10.77.0.2"};
constexpr std::size_t kMaxPacketBytes = 65536;
constexpr int kMaxPacketsPerRead = 64;

int sideIndex(NetnsSide side) { return side == NetnsSide::A ? 0 : 1; }

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

// Runs `ip` with the arguments; returns its standard error and whether it exited with 0.
std::pair<bool, std::string> runIp(const std::vector<std::string>& arguments) {
  std::vector<std::string> words{"ip"};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);

  int errorPipe[2];
  if (pipe2(errorPipe, O_CLOEXEC) != 0) return {false, std::string("pipe: ") + std::strerror(errno)};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "ip", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(errorPipe[1]);
  std::string errorText;
  if (spawned == 0) {
    char buffer[512];
    ssize_t n = 0;
    while ((n = read(errorPipe[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
      if (n > 0) errorText.append(buffer, static_cast<std::size_t>(n));
    }
  }
  close(errorPipe[0]);
  if (spawned != 0) return {false, std::string("cannot run ip: ") + std::strerror(spawned)};
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  while (!errorText.empty() && (errorText.back() == '\n' || errorText.back() == ' ')) errorText.pop_back();
  return {WIFEXITED(status) && WEXITSTATUS(status) == 0, errorText};
}

void mustRunIp(const std::vector<std::string>& arguments) {
  const auto [ok, errorText] = runIp(arguments);
  if (!ok) throw std::runtime_error("netns link: `ip " + joined(arguments) + "` failed: " + errorText);
}

bool ipInPath() {
  const char* path = std::getenv("PATH");
  std::string rest = path != nullptr ? path : "/usr/sbin:/usr/bin:/sbin:/bin";
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string dir = rest.substr(0, colon);
    if (!dir.empty() && access((dir + "/ip").c_str(), X_OK) == 0) return true;
    if (colon == std::string::npos) break;
    rest.erase(0, colon + 1);
  }
  return false;
}

// Joins the calling thread to the named network namespace.
void enterNamespace(const std::string& name) {
  const std::string path = "/run/netns/" + name;
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "netns link: open " + path);
  const int joinedNs = setns(fd, CLONE_NEWNET);
  const int error = errno;
  close(fd);
  if (joinedNs != 0) throw std::system_error(error, std::generic_category(), "netns link: setns " + name);
}

void runOnThreadIn(const std::string& name, const std::function<void()>& fn) {
  std::exception_ptr failure;
  std::thread thread([&] {
    try {
      enterNamespace(name);
      fn();
    } catch (...) {
      failure = std::current_exception();
    }
  });
  thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

// One direction of the relay: its model, the TUN devices it reads from and writes to, and the packets
// on their way (arrival times are non-decreasing: one FIFO bottleneck, then a fixed delay).
struct NetnsLink::Direction {
  Direction(const LinkSettings& settings, std::uint64_t seed, int readFd, int writeFd)
      : model(settings, seed), fromFd(readFd), toFd(writeFd) {}
  LinkDirection model;
  int fromFd;
  int toFd;
  std::deque<std::pair<std::chrono::nanoseconds, std::vector<std::uint8_t>>> inFlight;
};

std::optional<std::string> NetnsLink::missingPrerequisite() {
  if (geteuid() != 0) {
    return "netns link: needs root to create network namespaces and TUN devices (running as uid " +
           std::to_string(geteuid()) + ")";
  }
  if (access(kTunPath, F_OK) != 0) return std::string("netns link: ") + kTunPath + " is missing (modprobe tun)";
  if (access(kTunPath, R_OK | W_OK) != 0) {
    return std::string("netns link: ") + kTunPath + " is not readable and writable: " + std::strerror(errno);
  }
  if (!ipInPath()) return std::string("netns link: `ip` (iproute2) not found in PATH");
  return std::nullopt;
}

std::optional<std::string> NetnsLink::unavailableReason() {
  if (std::optional<std::string> missing = missingPrerequisite()) return missing;
  // Root and a TUN device are not enough everywhere (a chroot cannot give `ip netns` its mounts, a
  // container may withhold CAP_NET_ADMIN): make one link, once per process, and say why it failed.
  static const std::optional<std::string> refused = []() -> std::optional<std::string> {
    try {
      const NetnsLink probe(LinkSettings{}, LinkSettings{}, 1);
      return std::nullopt;
    } catch (const std::exception& error) {
      return std::string("netns link: this host refuses to set one up (") + error.what() + ")";
    }
  }();
  return refused;
}

NetnsLink::NetnsLink(const LinkSettings& up, const LinkSettings& down, std::uint64_t seed) {
  if (std::optional<std::string> reason = missingPrerequisite()) throw NetnsLinkUnavailable(*reason);
  static std::atomic<std::uint64_t> counter{0};
  const std::string stem = "hr-" + std::to_string(getpid()) + "-" + std::to_string(counter.fetch_add(1));
  names_[0] = stem + "-a";
  names_[1] = stem + "-b";
  try {
    for (int side = 0; side < 2; ++side) {
      mustRunIp({"netns", "add", names_[side]});
      namespaceCreated_[side] = true;
      // The TUN device is made by a thread inside the namespace, so it is born there.
      runOnThreadIn(names_[side], [this, side] {
        const int fd = open(kTunPath, O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) throw std::system_error(errno, std::generic_category(), std::string("netns link: open ") + kTunPath);
        ifreq request{};
        request.ifr_flags = IFF_TUN | IFF_NO_PI;
        std::strncpy(request.ifr_name, kDeviceName, IFNAMSIZ - 1);
        if (ioctl(fd, TUNSETIFF, &request) != 0) {
          const int error = errno;
          close(fd);
          throw std::system_error(error, std::generic_category(), "netns link: TUNSETIFF in " + names_[side]);
        }
        tunFds_[side] = fd;
      });
      // No IPv6 link-local address: the kernel would send solicitations across the link.
      runIp({"-n", names_[side], "link", "set", "dev", kDeviceName, "addrgenmode", "none"});
      mustRunIp({"-n", names_[side], "addr", "add", std::string(kAddresses[side]) + "/24", "dev", kDeviceName});
      mustRunIp({"-n", names_[side], "link", "set", "dev", kDeviceName, "up"});
      mustRunIp({"-n", names_[side], "link", "set", "dev", "lo", "up"});
    }
    stopFd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (stopFd_ < 0) throw std::system_error(errno, std::generic_category(), "netns link: eventfd");
    up_ = std::make_unique<Direction>(up, seed, tunFds_[0], tunFds_[1]);
    down_ = std::make_unique<Direction>(down, seed + 1, tunFds_[1], tunFds_[0]);
    start_ = std::chrono::steady_clock::now();
    relay_ = std::thread([this] { relay(); });
  } catch (...) {
    tearDown();
    throw;
  }
}

NetnsLink::~NetnsLink() { tearDown(); }

void NetnsLink::tearDown() noexcept {
  if (relay_.joinable()) {
    const std::uint64_t one = 1;
    if (write(stopFd_, &one, sizeof one) < 0) spdlog::warn("netns link: cannot stop the relay: {}", std::strerror(errno));
    relay_.join();
  }
  if (stopFd_ >= 0) close(stopFd_);
  stopFd_ = -1;
  for (int side = 0; side < 2; ++side) {
    if (tunFds_[side] >= 0) close(tunFds_[side]);
    tunFds_[side] = -1;
    if (namespaceCreated_[side]) {
      const auto [ok, errorText] = runIp({"netns", "delete", names_[side]});
      if (!ok) spdlog::warn("netns link: cannot delete namespace {}: {}", names_[side], errorText);
      namespaceCreated_[side] = false;
    }
  }
}

std::string NetnsLink::address(NetnsSide side) const { return kAddresses[sideIndex(side)]; }

std::string NetnsLink::namespaceName(NetnsSide side) const { return names_[sideIndex(side)]; }

void NetnsLink::runIn(NetnsSide side, const std::function<void()>& fn) const {
  runOnThreadIn(names_[sideIndex(side)], fn);
}

int NetnsLink::openSocket(NetnsSide side, int domain, int type, int protocol) const {
  int fd = -1;
  runIn(side, [&] {
    fd = socket(domain, type | SOCK_CLOEXEC, protocol);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "netns link: socket");
  });
  return fd;
}

NetnsLink::Counters NetnsLink::counters() const {
  std::lock_guard lock(mutex_);
  return Counters{up_->model.counters(), down_->model.counters()};
}

std::chrono::nanoseconds NetnsLink::sinceStart() const {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_);
}

void NetnsLink::readAll(Direction& direction, std::vector<std::uint8_t>& buffer) {
  // At most a burst at a time, so a flooded direction cannot hold up deliveries the other way.
  for (int packets = 0; packets < kMaxPacketsPerRead; ++packets) {
    const ssize_t n = read(direction.fromFd, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) spdlog::warn("netns link: read from TUN: {}", std::strerror(errno));
      return;
    }
    if (n == 0) return;
    std::optional<std::chrono::nanoseconds> arrival;
    {
      std::lock_guard lock(mutex_);
      arrival = direction.model.send(static_cast<std::size_t>(n), sinceStart());
    }
    if (arrival) direction.inFlight.emplace_back(*arrival, std::vector<std::uint8_t>(buffer.begin(), buffer.begin() + n));
  }
}

void NetnsLink::deliverDue(Direction& direction, std::chrono::nanoseconds now) {
  while (!direction.inFlight.empty() && direction.inFlight.front().first <= now) {
    const std::vector<std::uint8_t>& packet = direction.inFlight.front().second;
    // A TUN write that fails (the far device's queue full) loses the packet, as a wire would.
    if (write(direction.toFd, packet.data(), packet.size()) < 0 && errno != EAGAIN && errno != EIO) {
      spdlog::debug("netns link: write to TUN: {}", std::strerror(errno));
    }
    direction.inFlight.pop_front();
  }
}

void NetnsLink::relay() {
  pollfd fds[3] = {{up_->fromFd, POLLIN, 0}, {down_->fromFd, POLLIN, 0}, {stopFd_, POLLIN, 0}};
  std::vector<std::uint8_t> buffer(kMaxPacketBytes);
  while (true) {
    std::chrono::nanoseconds now = sinceStart();
    deliverDue(*up_, now);
    deliverDue(*down_, now);
    std::optional<std::chrono::nanoseconds> nextDue;
    for (const Direction* direction : {up_.get(), down_.get()}) {
      if (!direction->inFlight.empty() && (!nextDue || direction->inFlight.front().first < *nextDue)) {
        nextDue = direction->inFlight.front().first;
      }
    }
    timespec timeout{};
    if (nextDue) {
      const std::chrono::nanoseconds wait = std::max(std::chrono::nanoseconds(0), *nextDue - now);
      timeout.tv_sec = static_cast<time_t>(wait.count() / 1'000'000'000);
      timeout.tv_nsec = static_cast<long>(wait.count() % 1'000'000'000);
    }
    const int ready = ppoll(fds, 3, nextDue ? &timeout : nullptr, nullptr);
    if (ready < 0) {
      if (errno == EINTR) continue;
      spdlog::error("netns link: poll: {}; the relay stops", std::strerror(errno));
      return;
    }
    if (fds[2].revents != 0) return;
    if (fds[0].revents != 0) readAll(*up_, buffer);
    if (fds[1].revents != 0) readAll(*down_, buffer);
  }
}

}  // namespace headroom::net::link
