#pragma once

#include <cstdint>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/exec/token_logprobs.h"
#include "serve/protocol/completion_request.h"

namespace headroom::serve {

// How a token of the byte tokeniser is shown in logprobs: a byte below 0x80 as its character, another
// byte as "bytes:\xNN" (alone it is no UTF-8 text), a special id as "<|bos|>", "<|eos|>" or
// "<|special_N|>"; and its bytes (none for a special id).
std::string logprobTokenText(std::int32_t token);
std::string logprobTokenBytes(std::int32_t token);

// The "logprobs" value of a choice covering `tokens`, in order, in the endpoint's OpenAI shape:
//  chat:        {"content": [{"token", "logprob", "bytes", "top_logprobs": [{"token", "logprob", "bytes"}]}],
//                "refusal": null}
//  completions: {"tokens": [...], "token_logprobs": [...], "top_logprobs": [{token: logprob}],
//                "text_offset": [...]}, text offsets counted in bytes of the reply from `firstOffset`.
nlohmann::json logprobsJson(CompletionEndpoint endpoint, std::span<const engine::TokenLogprobs> tokens,
                            std::int64_t firstOffset);

}  // namespace headroom::serve
