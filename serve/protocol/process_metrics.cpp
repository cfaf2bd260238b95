#include "serve/protocol/process_metrics.h"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>

#ifndef HEADROOM_VERSION
#define HEADROOM_VERSION "0"
#endif

namespace headroom::serve {

namespace {

std::string fileText(const char* path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

double cpuSeconds() {
  rusage usage{};
  if (::getrusage(RUSAGE_SELF, &usage) != 0) return 0.0;
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// /proc/self/statm: total and resident pages.
std::optional<std::pair<double, double>> memoryBytes() {
  std::istringstream statm(fileText("/proc/self/statm"));
  double totalPages = 0;
  double residentPages = 0;
  if (!(statm >> totalPages >> residentPages)) return std::nullopt;
  const double pageBytes = static_cast<double>(::sysconf(_SC_PAGESIZE));
  return std::pair{totalPages * pageBytes, residentPages * pageBytes};
}

std::optional<double> openDescriptors() {
  std::error_code error;
  std::filesystem::directory_iterator entries("/proc/self/fd", error);
  if (error) return std::nullopt;
  double count = 0;
  for (auto it = entries; it != std::filesystem::directory_iterator(); it.increment(error)) {
    if (error) return std::nullopt;
    ++count;
  }
  return count - 1;  // the descriptor that reads the directory
}

std::optional<double> maxDescriptors() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
  return static_cast<double>(limit.rlim_cur);
}

// The boot time (/proc/stat btime) plus the process's start in clock ticks after boot (field 22 of
// /proc/self/stat), in seconds since the Unix epoch.
std::optional<double> startTimeSeconds() {
  std::istringstream stat(fileText("/proc/stat"));
  std::string line;
  double bootS = -1;
  while (std::getline(stat, line)) {
    if (line.rfind("btime ", 0) == 0) bootS = std::stod(line.substr(6));
  }
  const std::string self = fileText("/proc/self/stat");
  const std::size_t afterName = self.rfind(')');
  if (bootS < 0 || afterName == std::string::npos) return std::nullopt;
  std::istringstream fields(self.substr(afterName + 1));
  std::string field;
  for (int index = 3; index <= 22 && (fields >> field); ++index) {
    if (index == 22) return bootS + std::stod(field) / static_cast<double>(::sysconf(_SC_CLK_TCK));
  }
  return std::nullopt;
}

}  // namespace

void writeProcessMetrics(PrometheusWriter& out) {
  out.family("headroom_build_info", "gauge", "Always 1; labelled with the version of the running build.");
  out.sample("headroom_build_info", {{"version", HEADROOM_VERSION}}, 1.0);
  out.family("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.");
  out.sample("process_cpu_seconds_total", {}, cpuSeconds());
  if (const auto memory = memoryBytes()) {
    out.family("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.");
    out.sample("process_virtual_memory_bytes", {}, static_cast<std::uint64_t>(memory->first));
    out.family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
    out.sample("process_resident_memory_bytes", {}, static_cast<std::uint64_t>(memory->second));
  }
  if (const auto open = openDescriptors()) {
    out.family("process_open_fds", "gauge", "Number of open file descriptors.");
    out.sample("process_open_fds", {}, static_cast<std::uint64_t>(*open));
  }
  if (const auto most = maxDescriptors()) {
    out.family("process_max_fds", "gauge", "Maximum number of open file descriptors.");
    out.sample("process_max_fds", {}, static_cast<std::uint64_t>(*most));
  }
  if (const auto start = startTimeSeconds()) {
    out.family("process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.");
    // Whole seconds: the writer's nine significant digits would round a time since the epoch to tens
    // of seconds.
    out.sample("process_start_time_seconds", {}, static_cast<std::uint64_t>(*start));
  }
}

}  // namespace headroom::serve
