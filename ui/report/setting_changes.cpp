#include "ui/report/setting_changes.h"

#include "ui/report/report_document.h"

namespace headroom::ui {

namespace {

const QString kAbsent = QStringLiteral("—");

const ReportFact* findFact(const QList<ReportFact>& facts, const QString& label) {
  for (const auto& fact : facts) {
    if (fact.label == label) return &fact;
  }
  return nullptr;
}

void diff(const QList<ReportFact>& a, const QList<ReportFact>& b, QList<SettingChange>& changes) {
  for (const auto& fact : a) {
    const ReportFact* other = findFact(b, fact.label);
    if (!other) {
      changes.append({fact.label, fact.value, kAbsent});
    } else if (other->value != fact.value) {
      changes.append({fact.label, fact.value, other->value});
    }
  }
  for (const auto& fact : b) {
    if (!findFact(a, fact.label)) changes.append({fact.label, kAbsent, fact.value});
  }
}

}  // namespace

QList<SettingChange> settingChanges(const engine::RunRecord& a, const engine::RunRecord& b) {
  QList<SettingChange> changes;
  diff(ReportDocument::scenarioSettings(a.scenario), ReportDocument::scenarioSettings(b.scenario), changes);
  diff(ReportDocument::classSettings(a.scenario), ReportDocument::classSettings(b.scenario), changes);
  return changes;
}

}  // namespace headroom::ui
