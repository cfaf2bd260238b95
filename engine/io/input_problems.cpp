#include "engine/io/input_problems.h"

#include "engine/io/json_input.h"

namespace headroom::engine {

std::string englishText(SecondsProblem problem) {
  switch (problem) {
    case SecondsProblem::NotPositive: return "must be a number > 0 (seconds)";
    case SecondsProblem::BelowResolution: return "must be a number >= 0.000001 (seconds, the engine counts microseconds)";
    case SecondsProblem::AboveMaximum: return "must be a number <= " + JsonInput::formatNumber(kMaxInputSeconds) + " (seconds)";
  }
  return "is not valid";
}

std::string englishText(ClassProblem problem) {
  switch (problem) {
    case ClassProblem::NameEmpty: return "must be a non-empty string";
    case ClassProblem::NameTooLong: return "must be at most " + std::to_string(kMaxClassNameBytes) + " bytes long";
    case ClassProblem::NameTaken: return "class names must be unique (ignoring case)";
    case ClassProblem::RankOutOfRange: return "must be an integer in [0, " + std::to_string(kMaxClassRank) + "] (0 is the most urgent)";
  }
  return "is not valid";
}

std::string englishText(TierClassProblem problem) {
  switch (problem) {
    case TierClassProblem::RewardWeightOutOfRange:
      return "must be a number in (0, " + JsonInput::formatNumber(kMaxRewardWeight) + "] (1 by default, 2 for traffic worth double)";
    case TierClassProblem::TaskNameEmpty: return "a task name must be a non-empty string";
    case TierClassProblem::TaskNameTooLong:
      return "a task name must be at most " + std::to_string(kMaxTaskNameBytes) + " bytes long";
    case TierClassProblem::TaskNameTaken: return "task names of one class must be unique";
    case TierClassProblem::ShareNotPositive: return "must be a number > 0 (a share of the class's requests, any scale)";
  }
  return "is not valid";
}

std::string englishText(GroupNameProblem problem) {
  switch (problem) {
    case GroupNameProblem::Empty: return "a group name must be a non-empty string";
    case GroupNameProblem::TooLong: return "a group name must be at most " + std::to_string(kMaxGroupNameBytes) + " bytes long";
    case GroupNameProblem::Taken: return "group names must be unique";
  }
  return "is not valid";
}

std::string englishText(SloProblem problem) {
  switch (problem) {
    case SloProblem::NoBound: return "needs at least one bound: ttft_s, tbt_s or ttlt_s (numbers > 0, seconds)";
    case SloProblem::TtftNotPositive:
    case SloProblem::TbtNotPositive:
    case SloProblem::TtltNotPositive: return "must be a number > 0 (seconds)";
    case SloProblem::PercentileOutOfRange:
      return "must be a number in (" + JsonInput::formatNumber(kSloPercentileMin) + ", " +
             JsonInput::formatNumber(kSloPercentileMax) + "], e.g. 99 for p99, 100 for every request";
    case SloProblem::TtftAboveTtlt: return "must not exceed ttlt_s (the first token cannot be due after the last)";
    case SloProblem::TbtAboveTtlt: return "must not exceed ttlt_s";
  }
  return "is not valid";
}

std::string englishText(ChunkingProblem problem) {
  switch (problem) {
    case ChunkingProblem::FixedTokensNotPositive:
      return "must be one of: " + std::string(kChunkingNames);
  }
  return "is not valid";
}

std::string englishText(SchedulerProblem problem) {
  switch (problem) {
    case SchedulerProblem::AlphaOutOfRange:
      return "must be a number in [0, " + JsonInput::formatNumber(kMaxAlphaSPerToken) + "] (seconds per token)";
    case SchedulerProblem::ChunkingInvalid: return "must be one of: " + std::string(kChunkingNames);
    case SchedulerProblem::MaxBatchTokensNotPositive:
    case SchedulerProblem::MaxBatchSizeNotPositive:
    case SchedulerProblem::DynamicFloorTokensNotPositive:
    case SchedulerProblem::KvBlockTokensNotPositive:
    case SchedulerProblem::KvBlocksNotPositive: return "must be an integer >= 1";
    case SchedulerProblem::DynamicSafetyFactorOutOfRange:
      return "must be a number in (0, " + JsonInput::formatNumber(kMaxDynamicSafetyFactor) +
             "] (predicted time multiplier)";
  }
  return "is not valid";
}

std::string englishText(SamplingProblem problem) {
  switch (problem) {
    case SamplingProblem::TemperatureInvalid: return "must be a finite number >= 0 (0 = greedy)";
    case SamplingProblem::TopPOutOfRange: return "must be a number > 0 and <= 1 (the nucleus's probability mass)";
    case SamplingProblem::TopLogprobsOutOfRange:
      return "must be an integer in [0, " + std::to_string(kMaxTopLogprobs) + "], and > 0 only with logprobs";
  }
  return "is not valid";
}

std::string englishText(const ArrivalIssue& issue, const ArrivalSpec& spec) {
  const auto phaseNumber = [&](std::size_t k, bool end) {
    if (k >= spec.phases.size()) return std::string("?");
    return JsonInput::formatNumber(end ? spec.phases[k].endS : spec.phases[k].startS);
  };
  switch (issue.problem) {
    case ArrivalProblem::RateNegative:
    case ArrivalProblem::PhaseRateNegative: return "must be a number >= 0 (requests per second)";
    case ArrivalProblem::CvOutOfRange:
      return "must be a number in (0, " + JsonInput::formatNumber(kMaxArrivalCv) +
             "] (coefficient of variation of the gaps; 1 is Poisson-like)";
    case ArrivalProblem::PhaseStartNegative: return "must be a number >= 0 (seconds)";
    case ArrivalProblem::PhasesUnsorted:
      return "must be >= " + phaseNumber(issue.phase - 1, false) +
             " (the previous phase's start_s; phases are sorted by start_s)";
    case ArrivalProblem::PhaseOverlapsRamp:
      return "must be >= " + phaseNumber(issue.phase - 1, true) +
             " (the previous ramp's end_s; phases may not overlap)";
    case ArrivalProblem::RampEndNotAfterStart:
      return "must be a number > " + phaseNumber(issue.phase, false) + " (seconds, after start_s)";
  }
  return "is not valid";
}

}  // namespace headroom::engine
