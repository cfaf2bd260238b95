#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/instance/instance.h"
#include "engine/io/json_input.h"
#include "engine/metrics/snapshot.h"

namespace headroom::serve {

// One event of a server's telemetry stream (GET /v1/headroom/telemetry, SSE): the metric snapshot and
// the instance's status at one moment. A plain value.
struct TelemetryEvent {
  std::string model;
  std::shared_ptr<const engine::Snapshot> snapshot;
  engine::InstanceStatus instance;
};

// The event's JSON: the replay summary (toReplayJson: "scenario" = the model, "classes", ...) for plain
// readers, plus "time_s", "instance" (status, below) and "snapshot" (toSnapshotJson, lossless).
nlohmann::json toTelemetryJson(const TelemetryEvent& event);
// Reads what toTelemetryJson() wrote. Throws engine::InputError ("telemetry event") at the field at fault.
TelemetryEvent telemetryFromJson(const nlohmann::json& json);
// Parses and reads one SSE data payload. Throws engine::InputError (bad JSON or a field at fault).
TelemetryEvent parseTelemetryEvent(std::string_view data);

// {"id", "busy", "waiting", "relegated", "prefilling", "decoding", "outstanding_tokens", "kv_used_fraction",
//  "last_batch_tokens", "last_batch_size", "iterations", "busy_s"}
nlohmann::json toInstanceStatusJson(const engine::InstanceStatus& status);
engine::InstanceStatus instanceStatusFromJson(const nlohmann::json& json);

}  // namespace headroom::serve
