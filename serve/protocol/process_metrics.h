#pragma once

#include "serve/protocol/prometheus_writer.h"

namespace headroom::serve {

// The families every Headroom server process exposes on /metrics beside its own: headroom_build_info
// (a gauge of 1 labelled with the version) and the Prometheus client libraries' standard process
// metrics (process_cpu_seconds_total, process_resident_memory_bytes, process_virtual_memory_bytes,
// process_open_fds, process_max_fds, process_start_time_seconds), read from /proc when written. A value
// that cannot be read is left out. Thread-safe.
void writeProcessMetrics(PrometheusWriter& out);

}  // namespace headroom::serve
