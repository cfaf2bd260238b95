#include "engine/store/run_record.h"

namespace headroom::engine {

std::string_view toString(RunStatus status) {
  switch (status) {
    case RunStatus::Running: return "running";
    case RunStatus::Finished: return "finished";
    case RunStatus::Stopped: return "stopped";
    case RunStatus::Failed: return "failed";
    case RunStatus::Interrupted: return "interrupted";
  }
  return "running";
}

std::optional<RunStatus> runStatusFromString(std::string_view text) {
  for (RunStatus status : {RunStatus::Running, RunStatus::Finished, RunStatus::Stopped, RunStatus::Failed,
                           RunStatus::Interrupted}) {
    if (toString(status) == text) return status;
  }
  return std::nullopt;
}

}  // namespace headroom::engine
