#pragma once

#include <QByteArray>

#include <cstdint>
#include <string>
#include <utility>

#include "support/scripted_upstream.h"

// A router that re-plans, for tests: its configuration (classes chat and batch, tenant acme, an admin
// key, two members), a planning file whose one mode "gpu" carries between 5 and 6 req/s per instance
// within chat's bound, and the members' scripted answer.
namespace headroom::test::replan_route {

inline const std::pair<std::string, std::string> kAcme{"Authorization", "Bearer sk-acme-0123456789"};
inline const std::pair<std::string, std::string> kAdmin{"Authorization", "Bearer sk-admin-0123456789"};
inline const std::string kCompletion = R"({"model": "m", "prompt": "x", "max_tokens": 1})";

inline QByteArray routeConfig(std::uint16_t a, std::uint16_t b) {
  return R"({"classes": [{"name": "chat", "rank": 0, "slo": {"ttft_s": 1.0, "tbt_s": 0.1}},
                         {"name": "batch", "rank": 1, "slo": {"ttlt_s": 60}}],
    "tenants": [{"name": "acme", "classes": ["chat", "batch"], "default_class": "chat", "keys": ["sk-acme-0123456789"]}],
    "admin_keys": ["sk-admin-0123456789"],
    "members": [{"name": "a", "url": "http://127.0.0.1:)" + QByteArray::number(a) + R"("},
                {"name": "b", "url": "http://127.0.0.1:)" + QByteArray::number(b) + R"("}]})";
}

inline const QByteArray kPlanning =
    "{\"classes\": [{\"name\": \"chat\", \"rate_per_s\": 0.1, \"bound_s\": 10},"
    " {\"name\": \"batch\", \"rate_per_s\": 0.1, \"bound_s\": 60}],"
    " \"modes\": [{\"name\": \"gpu\", \"max_instances\": 8, \"curve\": [ [0, 1], [5, 5], [6, 100] ]}]}";

// A member: healthy, and a one-token completion for every request.
inline std::string memberAnswer(const ScriptedUpstream::Request& request) {
  if (request.target == "/health") return ScriptedUpstream::response(200, R"({"status": "ok"})");
  return ScriptedUpstream::response(
      200, R"({"id": "c", "object": "text_completion", "choices": [{"index": 0, "text": "ok", "finish_reason": "length"}],)"
           R"( "usage": {"prompt_tokens": 2, "completion_tokens": 1, "total_tokens": 3}})");
}

}  // namespace headroom::test::replan_route
