#include "serve/router/relayed_slo.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace headroom::serve {

namespace {

using json = nlohmann::json;

}  // namespace

RelayedSlo::RelayedSlo(const engine::Slo& slo, engine::TimePoint arrival) : slo_(slo) { state_.request.arrival = arrival; }

void RelayedSlo::tokens(std::int32_t count, engine::TimePoint at) {
  if (count <= 0) return;
  if (state_.generatedTokens == 0) state_.firstToken = at;
  state_.generatedTokens += count;
  state_.lastToken = at;
  if (!slo_.tbt || state_.generatedTokens < 2) return;
  // All tokens of this piece arrived at `at`: the earliest of them has the tightest deadline.
  const std::int32_t earliest = std::max(2, state_.generatedTokens - count + 1);
  const engine::TimePoint anchor = slo_.ttft ? state_.request.arrival + *slo_.ttft : state_.firstToken;
  if (at > anchor + (earliest - 1) * *slo_.tbt) state_.tbtDeadlineMissed = true;
}

engine::SloOutcome RelayedSlo::judge(engine::TimePoint finish) const {
  engine::RequestState state = state_;
  // An answer with no token seen (an empty completion) is judged as if its first token came with its end.
  if (state.generatedTokens == 0) state.firstToken = finish;
  return engine::sloOutcome(slo_, state, finish);
}

std::int32_t streamedTokens(std::string_view eventData) {
  if (eventData.empty() || eventData.front() != '{') return 0;
  const json event = json::parse(eventData, nullptr, false);
  if (!event.is_object()) return 0;
  const auto choices = event.find("choices");
  if (choices == event.end() || !choices->is_array() || choices->empty() || !choices->front().is_object()) return 0;
  const json& choice = choices->front();
  auto nonEmptyText = [](const json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() && !found->get_ref<const std::string&>().empty();
  };
  if (nonEmptyText(choice, "text")) return 1;
  if (const auto delta = choice.find("delta"); delta != choice.end() && delta->is_object() && nonEmptyText(*delta, "content")) return 1;
  return 0;
}

std::optional<std::int32_t> completionTokens(std::string_view body) {
  const json answer = json::parse(body, nullptr, false);
  if (!answer.is_object()) return std::nullopt;
  const auto usage = answer.find("usage");
  if (usage == answer.end() || !usage->is_object()) return std::nullopt;
  const auto tokens = usage->find("completion_tokens");
  if (tokens == usage->end() || !tokens->is_number_integer()) return std::nullopt;
  const std::int64_t value = tokens->get<std::int64_t>();
  if (value < 0 || value > 1'000'000'000) return std::nullopt;
  return static_cast<std::int32_t>(value);
}

}  // namespace headroom::serve
