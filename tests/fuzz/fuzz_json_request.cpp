// libFuzzer target: the JSON a client or operator sends: completion and chat bodies (validation, token
// estimates, limits), the serve and route configuration readers (as the admin endpoints use them),
// plus the response formatter fed with the results. Run by scripts/fuzz_http.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "serve/protocol/completion_request.h"
#include "serve/protocol/completion_formatter.h"
#include "serve/protocol/json_text.h"
#include "serve/router/route_config.h"
#include "serve/server/serve_config.h"

using namespace headroom::engine;
using namespace headroom::serve;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  ServeLimits limits;
  limits.maxBodyBytes = 1 << 16;
  limits.maxPromptTokens = 4096;
  limits.maxOutputTokens = 512;
  for (CompletionEndpoint endpoint : {CompletionEndpoint::Completions, CompletionEndpoint::ChatCompletions}) {
    const auto parsed = parseCompletionRequest(endpoint, body, limits);
    if (const auto* request = std::get_if<CompletionRequest>(&parsed)) {
      if (request->promptTokens < 1 || request->promptTokens > limits.maxPromptTokens) __builtin_trap();
      if (request->maxTokens < 1 || request->maxTokens > limits.maxOutputTokens) __builtin_trap();
      CompletionFormatter formatter(endpoint, "id", request->model, 0, request->includeUsage);
      const std::string chunk = formatter.tokenChunk(request->qosClass.value_or(""));
      if (nlohmann::json::parse(chunk.substr(6), nullptr, false).is_discarded()) __builtin_trap();
      const std::string full = formatter.fullResponse(request->model, "length", request->promptTokens, 1);
      if (nlohmann::json::parse(full, nullptr, false).is_discarded()) __builtin_trap();
    } else {
      const ApiError& error = std::get<ApiError>(parsed);
      if (error.status < 400 || error.status > 499) __builtin_trap();
      if (nlohmann::json::parse(error.body(), nullptr, false).is_discarded()) __builtin_trap();
    }
  }
  if (jsonNestingDepth(body, 32) > 32) return 0;
  const nlohmann::json root = nlohmann::json::parse(body, nullptr, false);
  if (root.is_discarded()) return 0;
  try {
    (void)parseServeConfig(root, "fuzz.json");
  } catch (const InputError&) {
  }
  try {
    (void)parseRouteConfig(root, "fuzz.json");
  } catch (const InputError&) {
  }
  return 0;
}
