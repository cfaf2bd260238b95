#pragma once

#include <cstdint>

namespace headroom::net {

// The process's limit on open file descriptors (RLIMIT_NOFILE): every connection a server holds is one
// (a router's forwarded request one more). Counts of descriptors.
struct OpenFileLimit {
  std::int64_t soft = 0;  // the limit in force
  std::int64_t hard = 0;  // how far the process may raise it
};

// Raises the soft limit to the hard one (servers call it once at start-up, before any thread) and
// returns the limits in force afterwards. When the hard limit is unlimited the soft one is raised to the
// kernel's per-process maximum. Leaves the limit as it was when the kernel refuses.
OpenFileLimit raiseOpenFileLimit();

}  // namespace headroom::net
