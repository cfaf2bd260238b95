#include "engine/store/run_record.h"

#include "engine/core/enum_names.h"

namespace headroom::engine {

constexpr auto kRunStatusNames = enumNames<RunStatus>({
    {RunStatus::Running, "running"},
    {RunStatus::Finished, "finished"},
    {RunStatus::Stopped, "stopped"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Interrupted, "interrupted"},
});

std::string_view toString(RunStatus status) { return kRunStatusNames.name(status); }

std::optional<RunStatus> runStatusFromString(std::string_view text) { return kRunStatusNames.parse(text); }

}  // namespace headroom::engine
