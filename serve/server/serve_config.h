#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/qos_class.h"
#include "engine/exec/executor_spec.h"
#include "engine/sched/scheduler_config.h"
#include "serve/server/access_policy.h"
#include "engine/io/json_input.h"

namespace headroom::serve {

// What a server does with a request of a class whose queue is full.
//  reject: 429 with Retry-After. relegate: hold it back (bounded by relegatedLimit) and serve it only
//  when nothing else is waiting, as the scheduler does with requests that can no longer meet their SLO.
enum class OverloadAction : std::uint8_t { Reject, Relegate };

inline constexpr std::string_view kOverloadActionNames = "reject, relegate";

// A QoS class as a server offers it: the class and its admission limits (requests, not tokens).
struct ServedClass {
  engine::QosClass qos;
  std::int32_t queueLimit = 256;  // admitted requests of the class not yet scheduled
  OverloadAction overload = OverloadAction::Reject;
  std::int32_t relegatedLimit = 256;  // relegate only: requests held back beyond queueLimit
};

// Bounds on what one client may send or hold open. The server's HTTP layer (net::HttpServerOptions)
// enforces the connection limits and timeouts: a request's header must arrive within headerTimeout
// (the TLS handshake included), its body within bodyTimeout after the header (else 408); a kept-alive
// connection with no next request for idleTimeout closes; connections beyond maxConnections, or beyond
// maxConnectionsPerClient from one client address, get 503. A server behind a router sees the router's
// connections as one client: give it a maxConnectionsPerClient as large as its maxConnections.
struct ServeLimits {
  std::int64_t maxBodyBytes = 1 << 20;
  std::int32_t maxHeaderBytes = 16 * 1024;
  std::int32_t maxPromptTokens = 8192;
  std::int32_t maxOutputTokens = 4096;
  std::int32_t defaultMaxTokens = 256;  // when a request gives no max_tokens
  std::int32_t maxConnections = 4096;
  std::int32_t maxConnectionsPerClient = 256;
  engine::Duration headerTimeout = std::chrono::seconds(10);
  engine::Duration bodyTimeout = std::chrono::seconds(60);
  engine::Duration idleTimeout = std::chrono::seconds(60);
  engine::Duration drainTime = std::chrono::seconds(30);    // on SIGTERM: how long requests in flight may finish
};

// Descriptors a server process keeps beside its connections (listener, event loop, log, model and
// workspace files, the spare one for running out).
inline constexpr std::int64_t kReservedFileDescriptors = 64;

// Throws engine::InputError naming `file`, /limits/max_connections, the value and the limit when
// maxConnections connections of `descriptorsPerConnection` descriptors each (a router's forwarded
// request holds a second one) and kReservedFileDescriptors do not fit under `openFileLimit` (the soft
// RLIMIT_NOFILE, after net::raiseOpenFileLimit()).
void checkOpenFileLimit(const ServeLimits& limits, std::int64_t openFileLimit, int descriptorsPerConnection,
                        const std::filesystem::path& file);

// A whole `headroom-cli serve` configuration, as loaded from JSON:
//  {"model_name", "model", "hardware", "tensor_parallel", "executor", "scheduler",
//   "classes": [{name, rank, importance, slo, queue_limit, overload, relegated_limit}],
//   "tenants": [{"name", "classes": [...], "default_class", "keys": [...]}], "admin_keys": [...],
//   "limits": {max_body_bytes, max_header_bytes, max_prompt_tokens, max_output_tokens,
//              default_max_tokens, max_connections, max_connections_per_client, header_timeout_s,
//              body_timeout_s, idle_timeout_s, drain_s}}
struct ServeConfig {
  std::string modelName;  // the id clients send as "model" and /v1/models lists
  engine::ExecutorSpec executor;
  engine::SchedulerConfig scheduler;
  std::vector<ServedClass> classes;
  AccessPolicy access;
  ServeLimits limits;

  std::vector<engine::QosClass> qosClasses() const;
};

// Throw engine::InputError naming the file, the field's JSON pointer, what is allowed and what was found.
// The executor fields and "scheduler" use the scenario files' encoding (engine/workload/executor_spec_json.h,
// engine/sched/scheduler_config_json.h); classes the QosClass encoding (engine/core/qos_class_json.h).
ServeConfig loadServeConfig(const std::filesystem::path& file);
ServeConfig parseServeConfig(const nlohmann::json& root, const std::filesystem::path& file = {});

// The parts a router's configuration shares with a server's (same field names).
std::vector<ServedClass> readServedClasses(const engine::JsonInput& reader, const nlohmann::json& root);
AccessPolicy readAccess(const engine::JsonInput& reader, const nlohmann::json& root, const std::vector<ServedClass>& classes);
ServeLimits readLimits(const engine::JsonInput& reader, const nlohmann::json& root);

}  // namespace headroom::serve
