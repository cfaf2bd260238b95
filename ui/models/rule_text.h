#pragma once

#include <QCoreApplication>
#include <QString>

#include "engine/core/duration_rule.h"
#include "engine/core/qos_class.h"
#include "engine/sched/scheduler_config.h"
#include "engine/workload/scenario.h"

namespace headroom::ui {

// The console's words for the engine's rule codes. Every domain rule (class names and ranks, SLO bounds
// and percentile, durations, chunking, arrivals) is checked once, in the engine, which returns a code;
// this says it in the user's language. No rule lives here: a limit shown in a text is the engine's
// constant. Static functions; call on the UI thread (translation).
class RuleText {
  Q_DECLARE_TR_FUNCTIONS(headroom::ui::RuleText)

 public:
  static QString seconds(engine::SecondsProblem problem);
  // `name` is the name that was refused (for NameTaken).
  static QString classProblem(engine::ClassProblem problem, const QString& name = {});
  static QString slo(engine::SloProblem problem);
  static QString chunking(engine::ChunkingProblem problem);
  static QString arrival(const engine::ArrivalIssue& issue, const engine::ArrivalSpec& spec);
  // `task` is the task a task-mix problem is about.
  static QString tierClass(engine::TierClassProblem problem, const QString& task = {});
  // `name` is the group name the problem is about.
  static QString groupName(engine::GroupNameProblem problem, const QString& name);
};

}  // namespace headroom::ui
