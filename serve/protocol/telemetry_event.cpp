#include "serve/protocol/telemetry_event.h"

#include <stdexcept>

#include "engine/metrics/replay_json.h"
#include "engine/metrics/snapshot_json.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;

const json& field(const json& object, const char* path, const char* name) {
  if (!object.is_object()) throw std::invalid_argument(std::string("telemetry event: ") + path + " must be an object");
  const auto found = object.find(name);
  if (found == object.end() || !found->is_number()) {
    throw std::invalid_argument(std::string("telemetry event: ") + path + "/" + name + " must be a number");
  }
  return *found;
}

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
          {"busy_s", engine::toSeconds(status.busyTime)}};
}

engine::InstanceStatus instanceStatusFromJson(const json& object) {
  constexpr const char* kPath = "/instance";
  engine::InstanceStatus status;
  auto integer = [&](const char* name) {
    const json& value = field(object, kPath, name);
    if (!value.is_number_integer()) {
      throw std::invalid_argument(std::string("telemetry event: /instance/") + name + " must be an integer");
    }
    return value.get<std::int64_t>();
  };
  status.id = static_cast<std::int32_t>(integer("id"));
  const auto busy = object.find("busy");
  if (busy == object.end() || !busy->is_boolean()) throw std::invalid_argument("telemetry event: /instance/busy must be true or false");
  status.busy = busy->get<bool>();
  status.load.waiting = static_cast<std::int32_t>(integer("waiting"));
  status.load.relegated = static_cast<std::int32_t>(integer("relegated"));
  status.load.prefilling = static_cast<std::int32_t>(integer("prefilling"));
  status.load.decoding = static_cast<std::int32_t>(integer("decoding"));
  status.load.outstandingTokens = integer("outstanding_tokens");
  status.kvUsedFraction = field(object, kPath, "kv_used_fraction").get<double>();
  status.lastBatchTokens = static_cast<std::int32_t>(integer("last_batch_tokens"));
  status.lastBatchSize = static_cast<std::int32_t>(integer("last_batch_size"));
  status.iterations = integer("iterations");
  status.busyTime = engine::durationFromSeconds(field(object, kPath, "busy_s").get<double>());
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
  if (!object.is_object()) throw std::invalid_argument("telemetry event: the event must be a JSON object");
  TelemetryEvent event;
  if (const auto model = object.find("scenario"); model != object.end() && model->is_string()) {
    event.model = model->get<std::string>();
  }
  const auto snapshot = object.find("snapshot");
  if (snapshot == object.end()) throw std::invalid_argument("telemetry event: /snapshot is missing (a server older than this console?)");
  event.snapshot = std::make_shared<const engine::Snapshot>(engine::snapshotFromJson(*snapshot));
  const auto instance = object.find("instance");
  if (instance == object.end()) throw std::invalid_argument("telemetry event: /instance is missing");
  event.instance = instanceStatusFromJson(*instance);
  return event;
}

TelemetryEvent parseTelemetryEvent(std::string_view data) {
  const json object = json::parse(data, nullptr, false);
  if (object.is_discarded()) throw std::invalid_argument("telemetry event: the data is not JSON");
  return telemetryFromJson(object);
}

}  // namespace headroom::serve
