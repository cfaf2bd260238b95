#include "engine/core/qos_class.h"

#include <cmath>

namespace headroom::engine {

std::string_view toString(Importance importance) {
  switch (importance) {
    case Importance::High: return "high";
    case Importance::Normal: return "normal";
    case Importance::Low: return "low";
  }
  return "normal";
}

std::optional<Importance> importanceFromString(std::string_view text) {
  if (text == "high") return Importance::High;
  if (text == "normal") return Importance::Normal;
  if (text == "low") return Importance::Low;
  return std::nullopt;
}

std::optional<SloProblem> checkSlo(const Slo& slo) {
  if (slo.ttft && slo.ttft->count() <= 0) return SloProblem::TtftNotPositive;
  if (slo.tbt && slo.tbt->count() <= 0) return SloProblem::TbtNotPositive;
  if (slo.ttlt && slo.ttlt->count() <= 0) return SloProblem::TtltNotPositive;
  if (!std::isfinite(slo.percentile) || slo.percentile <= kSloPercentileMin || slo.percentile > kSloPercentileMax) {
    return SloProblem::PercentileOutOfRange;
  }
  if (!slo.hasBound()) return SloProblem::NoBound;
  if (slo.ttft && slo.ttlt && *slo.ttft > *slo.ttlt) return SloProblem::TtftAboveTtlt;
  if (slo.tbt && slo.ttlt && *slo.tbt > *slo.ttlt) return SloProblem::TbtAboveTtlt;
  return std::nullopt;
}

std::string_view sloProblemField(SloProblem problem) {
  switch (problem) {
    case SloProblem::NoBound: return "";
    case SloProblem::TtftNotPositive: return "ttft_s";
    case SloProblem::TbtNotPositive: return "tbt_s";
    case SloProblem::TtltNotPositive: return "ttlt_s";
    case SloProblem::PercentileOutOfRange: return "percentile";
    case SloProblem::TtftAboveTtlt: return "ttft_s";
    case SloProblem::TbtAboveTtlt: return "tbt_s";
  }
  return "";
}

}  // namespace headroom::engine
