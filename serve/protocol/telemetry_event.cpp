#include "serve/protocol/telemetry_event.h"

#include <limits>

#include "engine/io/json_input.h"

#include "engine/metrics/replay_json.h"
#include "engine/metrics/snapshot_json.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;
using engine::JsonInput;
using engine::JsonPointer;

const JsonInput kInput("telemetry event");

}  // namespace

json toInstanceStatusJson(const engine::InstanceStatus& status) {
  return {{"id", status.id},
          {"busy", status.busy},
          {"waiting", status.load.waiting},
          {"relegated", status.load.relegated},
          {"prefilling", status.load.prefilling},
          {"decoding", status.load.decoding},
          {"outstanding_tokens", status.load.outstandingTokens},
          {"kv_used_fraction", status.kvUsedFraction},
          {"last_batch_tokens", status.lastBatchTokens},
          {"last_batch_size", status.lastBatchSize},
          {"iterations", status.iterations},
          {"busy_s", engine::toSeconds(status.busyTime)},
          {"token_budget", status.tokenBudget},
          {"queued_prefill_s", engine::toSeconds(status.queuedPrefill)}};
}

engine::InstanceStatus instanceStatusFromJson(const json& object) {
  const JsonPointer at = JsonPointer() / "instance";
  kInput.requireObject(object, at, "(the instance's status)");
  engine::InstanceStatus status;
  const auto integer = [&](const char* name) {
    const json& value = kInput.required(object, at, name, "an integer");
    if (!value.is_number_integer() ||
        (value.is_number_unsigned() &&
         value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))) {
      kInput.failValue(at / name, "must be an integer (64 bits)", value);
    }
    return value.get<std::int64_t>();
  };
  const auto number = [&](const char* name) {
    return kInput.number(kInput.required(object, at, name, "a number"), at / name, engine::NumberRange{});
  };
  status.id = static_cast<std::int32_t>(integer("id"));
  status.busy = kInput.boolean(kInput.required(object, at, "busy", "true or false"), at / "busy");
  status.load.waiting = static_cast<std::int32_t>(integer("waiting"));
  status.load.relegated = static_cast<std::int32_t>(integer("relegated"));
  status.load.prefilling = static_cast<std::int32_t>(integer("prefilling"));
  status.load.decoding = static_cast<std::int32_t>(integer("decoding"));
  status.load.outstandingTokens = integer("outstanding_tokens");
  status.kvUsedFraction = number("kv_used_fraction");
  status.lastBatchTokens = static_cast<std::int32_t>(integer("last_batch_tokens"));
  status.lastBatchSize = static_cast<std::int32_t>(integer("last_batch_size"));
  status.iterations = integer("iterations");
  status.busyTime = engine::durationFromSeconds(number("busy_s"));
  // Sent since the pool table leads with spare capacity; a server without them reads as unknown (0).
  if (object.contains("token_budget")) status.tokenBudget = static_cast<std::int32_t>(integer("token_budget"));
  if (object.contains("queued_prefill_s")) status.queuedPrefill = engine::durationFromSeconds(number("queued_prefill_s"));
  return status;
}

json toTelemetryJson(const TelemetryEvent& event) {
  const engine::Snapshot empty;
  const engine::Snapshot& snapshot = event.snapshot ? *event.snapshot : empty;
  json out = engine::toReplayJson(snapshot, event.model, engine::toSeconds(snapshot.time));
  out["time_s"] = engine::toSeconds(snapshot.time);
  out["instance"] = toInstanceStatusJson(event.instance);
  out["snapshot"] = engine::toSnapshotJson(snapshot);
  return out;
}

TelemetryEvent telemetryFromJson(const json& object) {
  const JsonPointer top;
  kInput.requireObject(object, top, "(a telemetry event)");
  TelemetryEvent event;
  if (const json* model = JsonInput::field(object, "scenario"); model && model->is_string()) {
    event.model = model->get<std::string>();
  }
  const json& snapshot = kInput.required(object, top, "snapshot", "the lossless snapshot; a server older than this console?");
  event.snapshot = std::make_shared<const engine::Snapshot>(engine::snapshotFromJson(kInput, snapshot, top / "snapshot"));
  event.instance = instanceStatusFromJson(kInput.required(object, top, "instance", "the instance's status"));
  return event;
}

TelemetryEvent parseTelemetryEvent(std::string_view data) {
  const json object = json::parse(data, nullptr, false);
  if (object.is_discarded()) throw engine::InputError("telemetry event", JsonPointer(), "must be JSON");
  return telemetryFromJson(object);
}

}  // namespace headroom::serve
