#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/core/request.h"
#include "engine/sched/request_state.h"
#include "serve/server/request_listener.h"
#include "serve/server/stop_matcher.h"
#include "serve/server/utf8_token_decoder.h"

namespace headroom::serve {

// The replies a serving host is streaming, by request: each request's listener, its token-to-text
// decoding (the byte tokeniser's bytes for a computing executor, synthetic words for a modeled one) and
// its stop strings. Tells the host when a reply has ended (end of sequence, stop string) while the
// request still decodes, so the host can end it early, and makes each listener's FinishedRequest.
//
// Loop thread only (not thread-safe); listeners are called on the calling thread.
class ReplyText {
 public:
  void add(engine::RequestId id, std::shared_ptr<RequestListener> listener, engine::ClassId classId,
           std::vector<std::string> stops);

  // A token of `state` was generated; `computed` is the token the executor sampled, or empty for a
  // modeled executor (a synthetic token and its word are used). Sends the released text to the
  // listener. True when the reply has just ended (end of sequence or a stop string).
  // `logprobs` are that token's, when the request asked for them (else null).
  bool onToken(const engine::RequestState& state, std::optional<std::int32_t> computed,
               const engine::TokenLogprobs* logprobs = nullptr);
  // The request finished: the listener hears onFinished (Stop or Length, with the text held back) and
  // the reply is forgotten. Nothing happens for an unknown (cancelled) id.
  void onFinished(const engine::RequestState& state);
  // Forgets `id`'s reply before it finished (cancelled, or refused by the scheduler); its listener
  // hears onFinished(`reason`) with `promptTokens` and no completion tokens. Returns the reply's class,
  // or empty when the id was unknown (already finished or never added).
  // The class of a request whose reply is open; nullopt once it has finished.
  std::optional<engine::ClassId> classOf(engine::RequestId id) const;
  std::optional<engine::ClassId> abandon(engine::RequestId id, FinishReason reason, std::int32_t promptTokens = 0);
  // Forgets every reply; each listener hears onFinished(reason).
  void finishAll(FinishReason reason);

  // The synthetic token a modeled executor's reply uses at `index`, and its text.
  static std::int32_t syntheticToken(engine::RequestId id, std::int32_t index);

 private:
  struct Reply {
    std::shared_ptr<RequestListener> listener;
    engine::ClassId classId = 0;
    Utf8TokenDecoder decoder;
    StopMatcher stop;
    bool ended = false;  // end of sequence or a stop string: the reply is complete
  };

  std::unordered_map<engine::RequestId, Reply> replies_;
};

}  // namespace headroom::serve
