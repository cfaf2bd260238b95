#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/core/qos_class.h"
#include "engine/io/json_input.h"

namespace headroom::engine {

// The one JSON encoding of Slo and QosClass, used by scenario files, serve and route configurations,
// the admin endpoints, snapshots, telemetry and the workspace. Times are seconds.
//  Slo: {"ttft_s", "tbt_s", "ttlt_s" (each optional, > 0), "percentile" (0, 100]}
//  QosClass: {"name", "rank" (integer >= 0), "importance" (high, normal, low), "slo",
//             "reward_weight" (optional, (0, 1000], default 1), "tasks" (optional: {task name: share > 0})}
//  "reward_weight" and "tasks" are written only when they differ from the defaults, so files and records
//  of classes that never route between models read as before. Tasks are read in name order (a JSON
//  object's); their rules are checkRewardWeight and checkTaskMix (engine/core/qos_class.h).
nlohmann::json sloToJson(const Slo& slo);
// Whether sloFromJson applies checkSlo. Input (a file, a request) is Checked; a record of what the engine
// ran with (a snapshot, a stored run) is read AsRecorded: types only, as it was checked when configured.
enum class SloRules : std::uint8_t { Checked, AsRecorded };

// Checks types, then (Checked) checkSlo; InputError at the offending field. A missing percentile keeps
// 99; a null bound is the same as a missing one.
Slo sloFromJson(const JsonInput& input, const nlohmann::json& object, const JsonPointer& at,
                SloRules rules = SloRules::Checked);

nlohmann::json qosClassToJson(const QosClass& qos);
// Reads name, rank (default `defaultRank`), importance and slo. Does not check for other fields: the
// caller knows which ones its format adds (arrivals, queue limits) and calls checkFields with
// kQosClassFields plus its own.
QosClass qosClassFromJson(const JsonInput& input, const nlohmann::json& object, const JsonPointer& at,
                          std::size_t defaultRank);

inline constexpr std::array<std::string_view, 6> kQosClassFields = {"name", "rank", "importance", "slo",
                                                                    "reward_weight", "tasks"};

}  // namespace headroom::engine
