#include "engine/store/process_identity.h"

#include <fstream>
#include <string>

#if defined(__unix__) || defined(__APPLE__)
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#define HEADROOM_HAS_POSIX_PROCESSES 1
#endif

namespace headroom::engine {

namespace {

std::string bootId() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(in, id);
  return id;
}

// A process that died but was not yet reaped by its parent.
bool zombie(std::int64_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  if (!std::getline(in, stat)) return false;
  const auto end = stat.rfind(')');
  return end != std::string::npos && end + 2 < stat.size() && stat[end + 2] == 'Z';
}

}  // namespace

ProcessIdentity ProcessIdentity::current() {
  static const ProcessIdentity identity = [] {
    ProcessIdentity self;
#ifdef HEADROOM_HAS_POSIX_PROCESSES
    self.pid = static_cast<std::int64_t>(::getpid());
#endif
    self.boot = bootId();
    return self;
  }();
#ifdef HEADROOM_HAS_POSIX_PROCESSES
  // A forked child is another process: never reuse the parent's id.
  if (identity.pid != static_cast<std::int64_t>(::getpid())) return {static_cast<std::int64_t>(::getpid()), bootId()};
#endif
  return identity;
}

bool ProcessIdentity::alive() const {
  const ProcessIdentity self = current();
  if (boot != self.boot) return false;
  if (pid == self.pid) return true;
#ifdef HEADROOM_HAS_POSIX_PROCESSES
  if (pid <= 0) return false;
  if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM) return false;
  return !zombie(pid);
#else
  return false;
#endif
}

}  // namespace headroom::engine
