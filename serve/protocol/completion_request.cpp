#include "serve/protocol/completion_request.h"

#include <array>
#include <cstdio>
#include <limits>

#include "engine/exec/sampling_params.h"
#include "engine/io/input_problems.h"
#include "serve/protocol/json_text.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;

constexpr int kMaxJsonDepth = 32;

ApiError badParam(std::string param, std::string message, std::string code = {}) {
  ApiError error;
  error.status = 400;
  error.message = std::move(message);
  error.param = std::move(param);
  error.code = std::move(code);
  return error;
}

std::string typeName(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    case json::value_t::number_float: return "a number";
    default: return "an integer";
  }
}

// Reads a completions prompt into `request`: text, or token ids; an ApiError on a wrong shape.
std::variant<std::int64_t, ApiError> completionPrompt(const json& prompt, CompletionRequest& request) {
  if (prompt.is_string()) {
    request.promptText = prompt.get<std::string>();
    return std::int64_t{estimateTokens(request.promptText)};
  }
  if (prompt.is_array() && !prompt.empty()) {
    if (prompt.size() == 1 && prompt[0].is_string()) {
      request.promptText = prompt[0].get<std::string>();
      return std::int64_t{estimateTokens(request.promptText)};
    }
    const json* ids = &prompt;
    if (prompt.size() == 1 && prompt[0].is_array()) ids = &prompt[0];
    if (ids->empty()) return badParam("prompt", "'prompt' must not be empty.");
    constexpr std::int64_t kMaxTokenId = std::numeric_limits<std::int32_t>::max();
    for (const json& id : *ids) {
      if (!id.is_number_integer() || id.get<std::int64_t>() < 0 || id.get<std::int64_t>() > kMaxTokenId) {
        if (ids == &prompt && id.is_string()) {
          return badParam("prompt", "Only one prompt per request is supported; got an array of several.");
        }
        return badParam("prompt", "'prompt' must be a string, an array of token ids (integers >= 0), or an array "
                                  "holding one of those.");
      }
    }
    request.promptTokenIds.reserve(ids->size());
    for (const json& id : *ids) request.promptTokenIds.push_back(static_cast<std::int32_t>(id.get<std::int64_t>()));
    return static_cast<std::int64_t>(ids->size());
  }
  return badParam("prompt", "'prompt' must be a non-empty string or array of token ids; got " + typeName(prompt) + ".");
}

// Checks chat messages, counts estimated tokens and renders them into request.promptText.
std::variant<std::int64_t, ApiError> chatPrompt(const json& messages, CompletionRequest& request) {
  if (!messages.is_array() || messages.empty()) {
    return badParam("messages", "'messages' must be a non-empty array of message objects; got " + typeName(messages) + ".");
  }
  static constexpr std::array<std::string_view, 6> kRoles{"system", "developer", "user", "assistant", "tool", "function"};
  constexpr std::int64_t kTokensPerMessage = 4;
  std::int64_t tokens = 3;
  std::vector<ChatMessage> rendered;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const json& message = messages[i];
    const std::string param = "messages[" + std::to_string(i) + "]";
    if (!message.is_object()) return badParam(param, "Each message must be an object; " + param + " is " + typeName(message) + ".");
    const auto role = message.find("role");
    if (role == message.end() || !role->is_string()) {
      return badParam(param + ".role", "Missing or non-string 'role' in " + param + ".");
    }
    bool knownRole = false;
    for (std::string_view known : kRoles) knownRole = knownRole || *role == known;
    if (!knownRole) {
      return badParam(param + ".role", "Invalid role " + echoInput(role->dump()) +
                                           "; allowed: system, developer, user, assistant, tool, function.");
    }
    tokens += kTokensPerMessage;
    ChatMessage& out = rendered.emplace_back(ChatMessage{role->get<std::string>(), {}});
    const auto content = message.find("content");
    if (content == message.end() || content->is_null()) {
      if (*role != "assistant") return badParam(param + ".content", "Missing 'content' in " + param + ".");
      continue;
    }
    if (content->is_string()) {
      out.content = content->get<std::string>();
      tokens += estimateTokens(out.content);
    } else if (content->is_array()) {
      for (const json& part : *content) {
        if (!part.is_object() || !part.contains("type") || !part["type"].is_string()) {
          return badParam(param + ".content", "Each content part must be an object with a string 'type'.");
        }
        if (part["type"] == "text") {
          const auto text = part.find("text");
          if (text == part.end() || !text->is_string()) {
            return badParam(param + ".content", "A 'text' content part needs a string 'text'.");
          }
          out.content += text->get_ref<const std::string&>();
          tokens += estimateTokens(text->get_ref<const std::string&>());
        } else {
          return badParam(param + ".content", "Only 'text' content parts are supported; got " + echoInput(part["type"].dump()) + ".");
        }
      }
    } else {
      return badParam(param + ".content", "'content' must be a string or an array of content parts; got " +
                                               typeName(*content) + ".");
    }
  }
  request.promptText = renderChatPrompt(rendered);
  return tokens;
}

// Fields of OpenAI's API this server cannot honour: accepted only with the value that asks for nothing.
struct UnsupportedField {
  const char* name;
  const char* accepted;  // how the value that asks for nothing is written, for the message
  bool (*asksNothing)(const json& value);
};

constexpr UnsupportedField kUnsupportedFields[] = {
    {"tools", "[]", [](const json& v) { return v.is_array() && v.empty(); }},
    {"tool_choice", "\"none\"", [](const json& v) { return v == "none"; }},
    {"functions", "[]", [](const json& v) { return v.is_array() && v.empty(); }},
    {"function_call", "\"none\"", [](const json& v) { return v == "none"; }},
    {"response_format", "{\"type\": \"text\"}",
     [](const json& v) { return v.is_object() && v.size() == 1 && v.contains("type") && v["type"] == "text"; }},
    {"logit_bias", "{}", [](const json& v) { return v.is_object() && v.empty(); }},
    {"echo", "false", [](const json& v) { return v == false; }},
    {"suffix", "\"\"", [](const json& v) { return v == ""; }},
    {"best_of", "1", [](const json& v) { return v.is_number_integer() && v == 1; }},
};

std::optional<ApiError> checkUnsupported(const json& root) {
  for (const UnsupportedField& field : kUnsupportedFields) {
    const auto found = root.find(field.name);
    if (found == root.end() || found->is_null() || field.asksNothing(*found)) continue;
    return badParam(field.name, std::string("'") + field.name + "' is not supported by this server; leave it out (or send " +
                                    field.accepted + "); got " + echoInput(found->dump()) + ".",
                    "unsupported_parameter");
  }
  return std::nullopt;
}

// Chat: "logprobs": bool and "top_logprobs": 0..20 (only with logprobs). Completions: "logprobs": an
// integer 0..5, the alternatives to list beside each sampled token.
std::optional<ApiError> readLogprobs(const json& root, CompletionEndpoint endpoint, CompletionRequest& request) {
  const auto logprobs = root.find("logprobs");
  const bool given = logprobs != root.end() && !logprobs->is_null();
  if (endpoint == CompletionEndpoint::Completions) {
    if (const auto top = root.find("top_logprobs"); top != root.end() && !top->is_null()) {
      return badParam("top_logprobs", "'top_logprobs' belongs to /v1/chat/completions; here 'logprobs' is the count.");
    }
    if (!given) return std::nullopt;
    constexpr std::int64_t kMaxCompletionLogprobs = 5;
    if (!logprobs->is_number_integer() || logprobs->get<std::int64_t>() < 0 ||
        logprobs->get<std::int64_t>() > kMaxCompletionLogprobs) {
      return badParam("logprobs", "'logprobs' must be an integer from 0 to " + std::to_string(kMaxCompletionLogprobs) +
                                      " (the most likely tokens to list beside each one); got " +
                                      echoInput(logprobs->dump()) + ".");
    }
    request.logprobs = true;
    request.topLogprobs = static_cast<std::int32_t>(logprobs->get<std::int64_t>());
    return std::nullopt;
  }
  if (given) {
    if (!logprobs->is_boolean()) return badParam("logprobs", "'logprobs' must be a boolean; got " + typeName(*logprobs) + ".");
    request.logprobs = logprobs->get<bool>();
  }
  if (const auto top = root.find("top_logprobs"); top != root.end() && !top->is_null()) {
    if (!top->is_number_integer() || top->get<std::int64_t>() < 0 || top->get<std::int64_t>() > engine::kMaxTopLogprobs) {
      return badParam("top_logprobs", "'top_logprobs' must be an integer from 0 to " +
                                          std::to_string(engine::kMaxTopLogprobs) + "; got " + echoInput(top->dump()) + ".");
    }
    if (!request.logprobs && top->get<std::int64_t>() > 0) {
      return badParam("top_logprobs", "'top_logprobs' needs 'logprobs': true.");
    }
    request.topLogprobs = static_cast<std::int32_t>(top->get<std::int64_t>());
  }
  return std::nullopt;
}

std::optional<ApiError> checkNumber(const json& body, const char* name, double minimum, double maximum) {
  const auto found = body.find(name);
  if (found == body.end() || found->is_null()) return std::nullopt;
  if (!found->is_number() || found->get<double>() < minimum || found->get<double>() > maximum) {
    char range[64];
    std::snprintf(range, sizeof range, "%g to %g", minimum, maximum);
    return badParam(name, std::string("'") + name + "' must be a number from " + range + "; got " + echoInput(found->dump()) + ".");
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parseDeadlineMs(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > kMaxDeadlineMs) return std::nullopt;
  return value;
}

std::int32_t estimateTokens(std::string_view text) {
  constexpr std::size_t kBytesPerToken = 4;
  const std::size_t tokens = (text.size() + kBytesPerToken - 1) / kBytesPerToken;
  constexpr std::size_t kMax = 1 << 30;
  return static_cast<std::int32_t>(std::max<std::size_t>(1, std::min(tokens, kMax)));
}

std::variant<CompletionRequest, ApiError> parseCompletionRequest(CompletionEndpoint endpoint, std::string_view body,
                                                                 const ServeLimits& limits) {
  if (static_cast<std::int64_t>(body.size()) > limits.maxBodyBytes) {
    ApiError error;
    error.status = 413;
    error.message = "The request body exceeds " + std::to_string(limits.maxBodyBytes) + " bytes.";
    return error;
  }
  if (jsonNestingDepth(body, kMaxJsonDepth) > kMaxJsonDepth) {
    return badParam({}, "The JSON body nests deeper than " + std::to_string(kMaxJsonDepth) + " levels.");
  }
  const json root = json::parse(body.begin(), body.end(), nullptr, false);
  if (root.is_discarded()) {
    return badParam({}, "We could not parse the JSON body of your request. The body must be valid JSON (an object).");
  }
  if (!root.is_object()) return badParam({}, "The request body must be a JSON object; got " + typeName(root) + ".");

  CompletionRequest request;
  request.endpoint = endpoint;
  if (auto error = checkUnsupported(root)) return *error;
  const auto model = root.find("model");
  if (model == root.end() || !model->is_string() || model->get_ref<const std::string&>().empty()) {
    return badParam("model", "'model' is required and must be a non-empty string.");
  }
  request.model = model->get<std::string>();

  std::variant<std::int64_t, ApiError> prompt = std::int64_t{0};
  if (endpoint == CompletionEndpoint::Completions) {
    const auto found = root.find("prompt");
    if (found == root.end()) return badParam("prompt", "'prompt' is required.");
    prompt = completionPrompt(*found, request);
  } else {
    const auto found = root.find("messages");
    if (found == root.end()) return badParam("messages", "'messages' is required.");
    prompt = chatPrompt(*found, request);
  }
  if (auto* error = std::get_if<ApiError>(&prompt)) return *error;
  const std::int64_t promptTokens = std::get<std::int64_t>(prompt);
  if (promptTokens > limits.maxPromptTokens) {
    return badParam(endpoint == CompletionEndpoint::Completions ? "prompt" : "messages",
                    "This server's maximum prompt length is " + std::to_string(limits.maxPromptTokens) +
                        " tokens; the prompt has about " + std::to_string(promptTokens) + ".",
                    "context_length_exceeded");
  }
  request.promptTokens = static_cast<std::int32_t>(std::max<std::int64_t>(1, promptTokens));

  request.maxTokens = endpoint == CompletionEndpoint::Completions ? std::min(16, limits.maxOutputTokens)
                                                                  : limits.defaultMaxTokens;
  for (const char* name : {"max_tokens", "max_completion_tokens"}) {
    const auto found = root.find(name);
    if (found == root.end() || found->is_null()) continue;
    if (!found->is_number_integer() || found->get<std::int64_t>() < 1 ||
        found->get<std::int64_t>() > limits.maxOutputTokens) {
      return badParam(name, std::string("'") + name + "' must be an integer from 1 to " +
                                std::to_string(limits.maxOutputTokens) + "; got " + echoInput(found->dump()) + ".");
    }
    request.maxTokens = static_cast<std::int32_t>(found->get<std::int64_t>());
  }

  if (const auto found = root.find("stream"); found != root.end() && !found->is_null()) {
    if (!found->is_boolean()) return badParam("stream", "'stream' must be a boolean; got " + typeName(*found) + ".");
    request.stream = found->get<bool>();
  }
  if (const auto found = root.find("stream_options"); found != root.end() && !found->is_null()) {
    if (!request.stream) return badParam("stream_options", "'stream_options' is only allowed when 'stream' is true.");
    if (!found->is_object()) return badParam("stream_options", "'stream_options' must be an object.");
    if (const auto usage = found->find("include_usage"); usage != found->end()) {
      if (!usage->is_boolean()) return badParam("stream_options.include_usage", "'include_usage' must be a boolean.");
      request.includeUsage = usage->get<bool>();
    }
  }
  if (const auto found = root.find("n"); found != root.end() && !found->is_null()) {
    if (!found->is_number_integer() || found->get<std::int64_t>() != 1) {
      return badParam("n", "Only n = 1 is supported; got " + echoInput(found->dump()) + ".");
    }
  }
  if (auto error = checkNumber(root, "temperature", 0.0, 2.0)) return *error;
  if (const auto found = root.find("top_p"); found != root.end() && !found->is_null()) {
    if (!found->is_number() || !(found->get<double>() > 0.0) || found->get<double>() > 1.0) {
      return badParam("top_p", "'top_p' " + engine::englishText(engine::SamplingProblem::TopPOutOfRange) + "; got " +
                                   echoInput(found->dump()) + ".");
    }
  }
  if (const auto found = root.find("temperature"); found != root.end() && !found->is_null()) {
    request.temperature = found->get<float>();
  }
  if (const auto found = root.find("top_p"); found != root.end() && !found->is_null()) {
    request.topP = found->get<float>();
  }
  for (const char* name : {"presence_penalty", "frequency_penalty"}) {
    if (auto error = checkNumber(root, name, -2.0, 2.0)) return *error;
    const auto found = root.find(name);
    if (found != root.end() && !found->is_null() && found->get<double>() != 0.0) {
      return badParam(name, std::string("'") + name + "' is not supported by this server's executors; allowed: 0; got " +
                                echoInput(found->dump()) + ".");
    }
  }
  if (auto error = readLogprobs(root, endpoint, request)) return *error;
  // What every executor runs (engine::checkSamplingParams), after the conversion to float: a top_p of
  // 1e-400 or 1e-300 is 0 there, and 0 keeps no token.
  engine::SamplingParams sampling;
  sampling.temperature = request.temperature;
  sampling.topP = request.topP;
  sampling.logprobs = request.logprobs;
  sampling.topLogprobs = request.topLogprobs;
  if (const std::optional<engine::SamplingProblem> problem = engine::checkSamplingParams(sampling)) {
    const char* param = *problem == engine::SamplingProblem::TemperatureInvalid ? "temperature"
                        : *problem == engine::SamplingProblem::TopPOutOfRange   ? "top_p"
                                                                                : "top_logprobs";
    const auto found = root.find(param);
    return badParam(param, std::string("'") + param + "' " + engine::englishText(*problem) + "; got " +
                               (found == root.end() ? std::string("nothing") : echoInput(found->dump())) + ".");
  }
  if (const auto found = root.find("seed"); found != root.end() && !found->is_null()) {
    if (!found->is_number_integer()) return badParam("seed", "'seed' must be an integer; got " + typeName(*found) + ".");
    request.seed = found->is_number_unsigned() ? found->get<std::uint64_t>()
                                               : static_cast<std::uint64_t>(found->get<std::int64_t>());
  }
  if (const auto found = root.find("stop"); found != root.end() && !found->is_null()) {
    constexpr std::size_t kMaxStopBytes = 256;
    bool valid = found->is_string() || (found->is_array() && found->size() <= 4);
    if (found->is_array()) {
      for (const json& item : *found) valid = valid && item.is_string();
    }
    if (!valid) return badParam("stop", "'stop' must be a string or an array of up to 4 strings.");
    if (found->is_string()) {
      request.stop.push_back(found->get<std::string>());
    } else {
      for (const json& item : *found) request.stop.push_back(item.get<std::string>());
    }
    for (const std::string& stop : request.stop) {
      if (stop.size() > kMaxStopBytes) return badParam("stop", "Each stop string may have at most 256 bytes.");
    }
  }
  if (const auto found = root.find("headroom"); found != root.end() && !found->is_null()) {
    if (!found->is_object()) return badParam("headroom", "'headroom' must be an object {deadline_ms, importance}.");
    for (const auto& [key, value] : found->items()) {
      if (key == "deadline_ms") {
        if (!value.is_number_integer() || value.get<std::int64_t>() < 1 || value.get<std::int64_t>() > kMaxDeadlineMs) {
          return badParam("headroom.deadline_ms", "'headroom.deadline_ms' must be an integer of milliseconds from 1 to " +
                                                      std::to_string(kMaxDeadlineMs) + "; got " + echoInput(value.dump()) + ".");
        }
        request.deadlineMs = value.get<std::int64_t>();
      } else if (key == "importance") {
        const auto importance = value.is_string() ? engine::importanceFromString(value.get_ref<const std::string&>()) : std::nullopt;
        if (!importance) {
          return badParam("headroom.importance", "'headroom.importance' must be one of: high, normal, low; got " +
                                                     echoInput(value.dump()) + ".");
        }
        request.importance = *importance;
      } else {
        return badParam("headroom." + key, "Unknown field 'headroom." + key + "'; allowed: deadline_ms, importance.");
      }
    }
  }
  if (const auto found = root.find("user"); found != root.end() && !found->is_null() && !found->is_string()) {
    return badParam("user", "'user' must be a string.");
  }
  if (const auto found = root.find("qos_class"); found != root.end() && !found->is_null()) {
    if (!found->is_string() || found->get_ref<const std::string&>().empty()) {
      return badParam("qos_class", "'qos_class' must be a non-empty string naming a QoS class.");
    }
    request.qosClass = found->get<std::string>();
  }
  return request;
}

}  // namespace headroom::serve
