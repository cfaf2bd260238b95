#include "ui/models/rule_text.h"

#include <QLocale>

namespace headroom::ui {

namespace {

QString numberText(double value) { return QLocale().toString(value, 'g', 12); }

}  // namespace

QString RuleText::seconds(engine::SecondsProblem problem) {
  switch (problem) {
    case engine::SecondsProblem::NotPositive: return tr("Must be a number of seconds above 0.");
    case engine::SecondsProblem::BelowResolution:
      return tr("Must be at least one microsecond (0.000001 s), the engine's time step.");
    case engine::SecondsProblem::AboveMaximum:
      return tr("Must be at most %1 seconds.").arg(numberText(engine::kMaxInputSeconds));
  }
  return {};
}

QString RuleText::classProblem(engine::ClassProblem problem, const QString& name) {
  switch (problem) {
    case engine::ClassProblem::NameEmpty: return tr("A class needs a name.");
    case engine::ClassProblem::NameTooLong:
      return tr("A class name has at most %1 bytes (UTF-8).").arg(engine::kMaxClassNameBytes);
    case engine::ClassProblem::NameTaken: return tr("Another class is already named \"%1\".").arg(name);
    case engine::ClassProblem::RankOutOfRange:
      return tr("The rank must be a whole number from 0 to %1.").arg(engine::kMaxClassRank);
  }
  return {};
}

QString RuleText::slo(engine::SloProblem problem) {
  switch (problem) {
    case engine::SloProblem::NoBound: return tr("A class needs at least one bound: TTFT, TBT or TTLT.");
    case engine::SloProblem::TtftNotPositive:
    case engine::SloProblem::TbtNotPositive:
    case engine::SloProblem::TtltNotPositive: return seconds(engine::SecondsProblem::NotPositive);
    case engine::SloProblem::PercentileOutOfRange:
      return tr("The percentile must be a number above %1 and at most %2, e.g. 99 for p99 or 100 for every request.")
          .arg(numberText(engine::kSloPercentileMin), numberText(engine::kSloPercentileMax));
    case engine::SloProblem::TtftAboveTtlt: return tr("The TTFT bound cannot exceed the TTLT bound.");
    case engine::SloProblem::TbtAboveTtlt: return tr("The TBT bound cannot exceed the TTLT bound.");
  }
  return {};
}

QString RuleText::chunking(engine::ChunkingProblem problem) {
  switch (problem) {
    case engine::ChunkingProblem::FixedTokensNotPositive:
      return tr("Must be none, fixed:N with N above 0, or dynamic.");
  }
  return {};
}

QString RuleText::arrival(const engine::ArrivalIssue& issue, const engine::ArrivalSpec& spec) {
  const auto phaseAt = [&](std::size_t k) -> const engine::RatePhase* {
    return k < spec.phases.size() ? &spec.phases[k] : nullptr;
  };
  const int phaseNumber = static_cast<int>(issue.phase) + 1;
  switch (issue.problem) {
    case engine::ArrivalProblem::RateNegative: return tr("The rate must be a number of requests per second, 0 or more.");
    case engine::ArrivalProblem::CvOutOfRange:
      return tr("The CV must be a number above 0, at most %1.").arg(numberText(engine::kMaxArrivalCv));
    case engine::ArrivalProblem::PhaseStartNegative:
      return tr("Phase %1: the start must be a number of seconds, 0 or more.").arg(phaseNumber);
    case engine::ArrivalProblem::PhaseRateNegative:
      return tr("Phase %1: the rate must be a number of requests per second, 0 or more.").arg(phaseNumber);
    case engine::ArrivalProblem::PhasesUnsorted: {
      const engine::RatePhase* previous = issue.phase > 0 ? phaseAt(issue.phase - 1) : nullptr;
      return tr("Phase %1: phases must be in time order (start at %2 s or later).")
          .arg(phaseNumber)
          .arg(numberText(previous ? previous->startS : 0.0));
    }
    case engine::ArrivalProblem::PhaseOverlapsRamp: {
      const engine::RatePhase* previous = issue.phase > 0 ? phaseAt(issue.phase - 1) : nullptr;
      return tr("Phase %1: may not start inside the previous ramp (start at %2 s or later).")
          .arg(phaseNumber)
          .arg(numberText(previous ? previous->endS : 0.0));
    }
    case engine::ArrivalProblem::RampEndNotAfterStart:
      return tr("Phase %1: a ramp's end must be a number of seconds after its start.").arg(phaseNumber);
  }
  return {};
}

QString RuleText::tierClass(engine::TierClassProblem problem, const QString& task) {
  switch (problem) {
    case engine::TierClassProblem::RewardWeightOutOfRange:
      return tr("The reward weight must be a number above 0, at most %1.").arg(numberText(engine::kMaxRewardWeight));
    case engine::TierClassProblem::TaskNameEmpty: return tr("Every task of the mix needs a name.");
    case engine::TierClassProblem::TaskNameTooLong:
      return tr("A task name has at most %1 bytes (UTF-8).").arg(engine::kMaxTaskNameBytes);
    case engine::TierClassProblem::TaskNameTaken: return tr("The task \"%1\" is named twice.").arg(task);
    case engine::TierClassProblem::ShareNotPositive:
      return tr("The share of task \"%1\" must be a number above 0.").arg(task);
  }
  return {};
}

QString RuleText::groupName(engine::GroupNameProblem problem, const QString& name) {
  switch (problem) {
    case engine::GroupNameProblem::Empty: return tr("A group needs a name.");
    case engine::GroupNameProblem::TooLong:
      return tr("A group name has at most %1 bytes (UTF-8).").arg(engine::kMaxGroupNameBytes);
    case engine::GroupNameProblem::Taken: return tr("Another group is already named \"%1\".").arg(name);
  }
  return {};
}

}  // namespace headroom::ui
