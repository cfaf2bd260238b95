#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/exec/token_logprobs.h"
#include "serve/protocol/completion_formatter.h"

namespace headroom::serve {

// The logprobs a reply has heard and not yet sent: a streamed chunk carries those of the tokens heard
// since the chunk before (a token whose text is held back, a split character or a possible stop string,
// goes with the next chunk that has text), a buffered reply all of them. Keeps the text offset of the
// next token for the completions shape. Not thread-safe: its reply's lock or thread.
class LogprobsTrail {
 public:
  void add(const engine::TokenLogprobs& logprobs) {
    pending_.push_back(logprobs);
    any_ = true;
  }
  // The pending logprobs in `formatter`'s endpoint shape, forgotten once taken; null when the request
  // heard none at all (it did not ask).
  nlohmann::json take(const CompletionFormatter& formatter);
  // take() as JSON text, for a streamed chunk.
  std::string takeText(const CompletionFormatter& formatter) { return take(formatter).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }
  bool empty() const { return pending_.empty(); }

 private:
  std::vector<engine::TokenLogprobs> pending_;
  std::int64_t nextOffset_ = 0;
  bool any_ = false;
};

}  // namespace headroom::serve
