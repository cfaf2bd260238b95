// /v1/headroom/admin/classes (GET, PUT), /v1/headroom/admin/scheduler (GET, PUT) and
// /v1/headroom/admin/status (GET): the live class and scheduler settings and the instance's state.
#include "engine/core/qos_class_json.h"
#include "engine/sched/scheduler_config_json.h"
#include "serve/protocol/admin_put_body.h"
#include "serve/server/api_responses.h"
#include "engine/io/json_input.h"
#include "serve/server/serve_api.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;

const char* overloadText(OverloadAction action) { return action == OverloadAction::Relegate ? "relegate" : "reject"; }

}  // namespace

json servedClassesJson(const std::vector<ServedClass>& classes) {
  json out = json::array();
  for (const ServedClass& served : classes) {
    json item = engine::qosClassToJson(served.qos);
    item["queue_limit"] = served.queueLimit;
    item["overload"] = overloadText(served.overload);
    if (served.overload == OverloadAction::Relegate) item["relegated_limit"] = served.relegatedLimit;
    out.push_back(std::move(item));
  }
  return out;
}

std::optional<json> ServeApi::readAdminPut(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange,
                                           const std::string& shapeHint) {
  AdminPutBody put = readAdminPutBody(request, shapeHint);
  if (put.refusal) {
    exchange->respond(std::move(*put.refusal));
    return std::nullopt;
  }
  return std::move(put.object);
}

void ServeApi::handleAdmin(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  if (!requireAdmin(request, exchange)) return;
  const std::string_view path = request.path();
  if (path == "/v1/headroom/admin/classes") {
    if (request.method == "GET") {
      respondJson(exchange, 200, {{"classes", servedClassesJson(host_.classes())}});
      return;
    }
    const std::optional<json> body = readAdminPut(request, exchange, "The body must be a JSON object {\"classes\": [...]}.");
    if (!body) return;
    try {
      const engine::JsonInput reader("request body");
      reader.checkFields(*body, engine::JsonPointer(), {"classes"});
      std::vector<ServedClass> classes = readServedClasses(reader, *body);
      host_.setClasses(std::move(classes));
    } catch (const std::exception& error) {
      respondError(exchange, ApiError::make(400, error.what(), "invalid_request_error", {}, "classes"));
      return;
    }
    respondJson(exchange, 200, {{"classes", servedClassesJson(host_.classes())}});
    return;
  }
  if (path == "/v1/headroom/admin/scheduler") {
    if (request.method == "GET") {
      respondJson(exchange, 200, {{"scheduler", engine::schedulerConfigToJson(host_.schedulerConfig())}});
      return;
    }
    const std::optional<json> body =
        readAdminPut(request, exchange,
                     "The body must be a JSON object with the scheduler fields to change, e.g. "
                     "{\"policy\": \"edf\", \"chunking\": \"fixed:256\"}.");
    if (!body) return;
    try {
      host_.setSchedulerConfig(engine::schedulerConfigFromJson(engine::JsonInput("request body"), *body, engine::JsonPointer(),
                                                               host_.schedulerConfig()));
    } catch (const std::exception& error) {
      respondError(exchange, ApiError::make(400, error.what(), "invalid_request_error", {}, "scheduler"));
      return;
    }
    respondJson(exchange, 200, {{"scheduler", engine::schedulerConfigToJson(host_.schedulerConfig())}});
    return;
  }
  if (path == "/v1/headroom/admin/status") {
    if (request.method != "GET") {
      respondError(exchange, ApiError::make(405, "Use GET on " + std::string(path) + ".", "invalid_request_error",
                                       "method_not_allowed"),
                   {{"Allow", "GET"}});
      return;
    }
    const engine::InstanceStatus status = host_.status();
    const engine::SchedulerConfig scheduler = host_.schedulerConfig();
    respondJson(exchange, 200,
                {{"model", config_.modelName},
                 {"executor", host_.describeExecutor()},
                 {"kv_blocks", host_.kvBlocks()},
                 {"scheduler", engine::schedulerConfigToJson(scheduler)},
                 {"iterations", status.iterations},
                 {"busy_s", engine::toSeconds(status.busyTime)},
                 {"kv_used_fraction", status.kvUsedFraction}});
    return;
  }
  respondError(exchange, ApiError::make(404, "Unknown admin path " + std::string(path) + ".", "invalid_request_error", "not_found"));
}

}  // namespace headroom::serve
