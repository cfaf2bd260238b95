#pragma once

#include <cstdint>
#include <string>

namespace headroom::engine {

// Who writes a run: the process id and the boot it runs in (Linux boot_id; empty elsewhere). A run
// whose writer is no longer alive was interrupted.
struct ProcessIdentity {
  std::int64_t pid = 0;
  std::string boot;

  static ProcessIdentity current();
  // True when this names the calling process, or another process of this boot that still exists.
  // Unknown (another machine's boot, no way to ask) counts as not alive.
  bool alive() const;
};

}  // namespace headroom::engine
