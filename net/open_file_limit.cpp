#include "net/open_file_limit.h"

#include <sys/resource.h>

#include <fstream>

namespace headroom::net {

namespace {

// /proc/sys/fs/nr_open: the most descriptors one process may have; 1048576 when it cannot be read.
rlim_t kernelMaximum() {
  std::ifstream file("/proc/sys/fs/nr_open");
  unsigned long long value = 0;
  if (file >> value && value > 0) return static_cast<rlim_t>(value);
  return 1 << 20;
}

std::int64_t asCount(rlim_t value) {
  return value == RLIM_INFINITY ? static_cast<std::int64_t>(kernelMaximum()) : static_cast<std::int64_t>(value);
}

}  // namespace

OpenFileLimit raiseOpenFileLimit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return {};
  const rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? kernelMaximum() : limit.rlim_max;
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
    rlimit raised = limit;
    raised.rlim_cur = wanted;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return {asCount(limit.rlim_cur), asCount(limit.rlim_max)};
}

}  // namespace headroom::net
