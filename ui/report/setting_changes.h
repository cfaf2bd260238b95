#pragma once

#include <QList>
#include <QString>

#include "engine/store/run_record.h"

namespace headroom::ui {

// One setting that differs between two runs: its label (as the report's settings name it) and its value
// in run a and in run b; a value is "—" where that run has no such setting (a class only one run has).
struct SettingChange {
  QString label;
  QString valueA;
  QString valueB;
};

// What changed from run a to run b: the run settings (ReportDocument::scenarioSettings), then each
// class's own (ReportDocument::classSettings), in run a's order followed by what only run b has. Empty
// when both ran with the same settings.
QList<SettingChange> settingChanges(const engine::RunRecord& a, const engine::RunRecord& b);

}  // namespace headroom::ui
