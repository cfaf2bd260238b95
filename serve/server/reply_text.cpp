#include "serve/server/reply_text.h"

#include "engine/exec/llama/byte_tokenizer.h"
#include "serve/protocol/synthetic_text.h"

namespace headroom::serve {

namespace {

constexpr std::int32_t kSyntheticVocabulary = 32000;

}  // namespace

std::int32_t ReplyText::syntheticToken(engine::RequestId id, std::int32_t index) {
  std::uint64_t x = id * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(index) * 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 31;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 29;
  return static_cast<std::int32_t>(x % kSyntheticVocabulary);
}

void ReplyText::add(engine::RequestId id, std::shared_ptr<RequestListener> listener, engine::ClassId classId,
                    std::vector<std::string> stops) {
  replies_.emplace(id, Reply{std::move(listener), classId, {}, StopMatcher(std::move(stops)), false});
}

bool ReplyText::onToken(const engine::RequestState& state, std::optional<std::int32_t> computed,
                        const engine::TokenLogprobs* logprobs) {
  const auto found = replies_.find(state.request.id);
  if (found == replies_.end()) return false;
  Reply& reply = found->second;
  if (reply.ended) return false;
  const std::int32_t index = state.generatedTokens - 1;
  const std::int32_t tokenId = computed ? *computed : syntheticToken(state.request.id, index);
  const bool endOfSequence = computed && *computed == engine::ByteTokenizer::kEos;
  const std::string text = computed ? reply.decoder.push(tokenId) : std::string(tokenText(tokenId));
  StopMatcher::Step step = reply.stop.push(text);
  if (endOfSequence || step.stopped) reply.ended = true;
  if (reply.listener && logprobs && !endOfSequence) reply.listener->onLogprobs(index, *logprobs);
  if (reply.listener) reply.listener->onToken(tokenId, index, step.text);
  return reply.ended;
}

void ReplyText::onFinished(const engine::RequestState& state) {
  const auto found = replies_.find(state.request.id);
  if (found == replies_.end()) return;
  Reply reply = std::move(found->second);
  replies_.erase(found);
  if (!reply.listener) return;
  FinishedRequest finished{state.request.promptTokens, state.generatedTokens, FinishReason::Stop, {}};
  if (!reply.ended) {
    StopMatcher::Step step = reply.stop.push(reply.decoder.flush());
    finished.text = std::move(step.text);
    if (!step.stopped) {
      finished.text += reply.stop.flush();
      finished.reason = FinishReason::Length;
    }
  }
  reply.listener->onFinished(finished);
}

std::optional<engine::ClassId> ReplyText::classOf(engine::RequestId id) const {
  const auto found = replies_.find(id);
  if (found == replies_.end()) return std::nullopt;
  return found->second.classId;
}

std::optional<engine::ClassId> ReplyText::abandon(engine::RequestId id, FinishReason reason, std::int32_t promptTokens) {
  const auto found = replies_.find(id);
  if (found == replies_.end()) return std::nullopt;
  Reply reply = std::move(found->second);
  replies_.erase(found);
  if (reply.listener) reply.listener->onFinished({promptTokens, 0, reason, {}});
  return reply.classId;
}

void ReplyText::finishAll(FinishReason reason) {
  std::unordered_map<engine::RequestId, Reply> replies;
  replies.swap(replies_);
  for (auto& [id, reply] : replies) {
    if (reply.listener) reply.listener->onFinished({0, 0, reason, {}});
  }
}

}  // namespace headroom::serve
