#include "ui/models/class_arrival_model.h"

#include <QLocale>
#include <QStringList>

#include <cmath>

#include "ui/models/rule_text.h"
#include "ui/models/typed_number.h"

namespace headroom::ui {

namespace {

QString numberText(double value) { return QLocale().toString(value, 'g', 6); }

std::optional<engine::ArrivalKind> kindFromText(const QString& text) {
  const QString key = text.trimmed().toLower();
  if (key == QLatin1String("poisson") || key == arrivalKindText(engine::ArrivalKind::Poisson).toLower()) {
    return engine::ArrivalKind::Poisson;
  }
  if (key == QLatin1String("gamma") || key == arrivalKindText(engine::ArrivalKind::Gamma).toLower()) {
    return engine::ArrivalKind::Gamma;
  }
  if (key == QLatin1String("constant") || key == arrivalKindText(engine::ArrivalKind::Constant).toLower()) {
    return engine::ArrivalKind::Constant;
  }
  return std::nullopt;
}

}  // namespace

QString arrivalKindText(engine::ArrivalKind kind) {
  switch (kind) {
    case engine::ArrivalKind::Poisson: return ClassArrivalModel::tr("Poisson");
    case engine::ArrivalKind::Gamma: return ClassArrivalModel::tr("Gamma");
    case engine::ArrivalKind::Constant: return ClassArrivalModel::tr("Constant");
  }
  return {};
}

std::optional<std::vector<engine::RatePhase>> parsePhases(const QString& text, QString* error) {
  std::vector<engine::RatePhase> phases;
  const auto fail = [&](const QString& why) -> std::optional<std::vector<engine::RatePhase>> {
    if (error) *error = why;
    return std::nullopt;
  };
  const QStringList items = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
  for (const QString& raw : items) {
    const QString item = raw.trimmed();
    if (item.isEmpty()) continue;
    const QStringList sides = item.split(QLatin1Char('='));
    const QString when = sides.size() == 2 ? sides[0].trimmed() : QString();
    const int dash = when.indexOf(QLatin1Char('-'), 1);
    const auto start = typedNumber(dash > 0 ? when.left(dash) : when);
    const auto end = dash > 0 ? typedNumber(when.mid(dash + 1)) : std::optional<double>(0.0);
    const auto rate = sides.size() == 2 ? typedNumber(sides[1]) : std::nullopt;
    if (!start || !end || !rate) {
      return fail(ClassArrivalModel::tr("\"%1\": write START=RATE for a step or START-END=RATE for a ramp").arg(item));
    }
    engine::RatePhase phase;
    phase.startS = *start;
    phase.ratePerS = *rate;
    if (dash > 0) {
      phase.shape = engine::PhaseShape::Ramp;
      phase.endS = *end;
    }
    phases.push_back(phase);
  }
  // The rules (starts >= 0 and sorted, a ramp's end after its start, no phase inside a ramp, rates >= 0)
  // are the engine's.
  engine::ArrivalSpec spec;
  spec.phases = phases;
  if (const auto issue = engine::checkArrivalSpec(spec)) return fail(RuleText::arrival(*issue, spec));
  return phases;
}

QString phasesText(const std::vector<engine::RatePhase>& phases) {
  QStringList items;
  for (const auto& phase : phases) {
    if (phase.shape == engine::PhaseShape::Ramp) {
      items << QStringLiteral("%1-%2=%3").arg(numberText(phase.startS), numberText(phase.endS), numberText(phase.ratePerS));
    } else {
      items << QStringLiteral("%1=%2").arg(numberText(phase.startS), numberText(phase.ratePerS));
    }
  }
  return items.join(QStringLiteral(", "));
}

ClassArrivalModel::ClassArrivalModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClassArrivalModel::setScenario(const engine::Scenario& scenario) {
  beginResetModel();
  names_.clear();
  arrivals_.clear();
  shares_.clear();
  for (const auto& spec : scenario.classes) {
    names_.push_back(QString::fromStdString(spec.qos.name));
    arrivals_.push_back(spec.arrival);
    double share = 1.0;
    if (scenario.trace && !scenario.trace->classMix.empty()) {
      const auto it = scenario.trace->classMix.find(spec.qos.name);
      share = it == scenario.trace->classMix.end() ? 0.0 : it->second;
    }
    shares_.push_back(share);
  }
  loaded_ = arrivals_;
  lastError_.clear();
  endResetModel();
}

void ClassArrivalModel::followClasses(const engine::Scenario& scenario) {
  bool same = scenario.classes.size() == names_.size();
  for (std::size_t i = 0; same && i < names_.size(); ++i) same = names_[i] == QString::fromStdString(scenario.classes[i].qos.name);
  if (!same) {
    setScenario(scenario);
    return;
  }
  for (std::size_t i = 0; i < names_.size(); ++i) {
    const engine::ArrivalSpec& incoming = scenario.classes[i].arrival;
    if (arrivals_[i] == loaded_[i] && incoming != loaded_[i]) {
      arrivals_[i] = incoming;
      loaded_[i] = incoming;
      const int row = static_cast<int>(i);
      emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::DisplayRole, Qt::EditRole});
    }
  }
}

int ClassArrivalModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(names_.size());
}

int ClassArrivalModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ClassArrivalModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return {};
  }
  const auto row = static_cast<std::size_t>(index.row());
  const engine::ArrivalSpec& arrival = arrivals_[row];
  if (role == Qt::DisplayRole || role == Qt::EditRole) {
    switch (index.column()) {
      case Class: return names_[row];
      case Process: return arrivalKindText(arrival.kind);
      case Rate: return numberText(arrival.ratePerS);
      case Cv: return arrival.kind == engine::ArrivalKind::Gamma ? numberText(arrival.cv) : QString();
      case Phases: return phasesText(arrival.phases);
      case TraceShare: return numberText(shares_[row]);
      default: return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (index.column()) {
      case Process: return tr("Poisson, Gamma (bursty: set the CV) or Constant (evenly spaced)");
      case Rate: return tr("Requests per second before the first phase");
      case Cv: return tr("Coefficient of variation of the gaps between arrivals (Gamma only; 1 is Poisson)");
      case Phases: return tr("Comma-separated START=RATE steps and START-END=RATE ramps, seconds and requests per second");
      case TraceShare: return tr("This class's share of a trace's requests (traces without a class column)");
      default: return {};
    }
  }
  return {};
}

QVariant ClassArrivalModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole || orientation != Qt::Horizontal) return {};
  switch (section) {
    case Class: return tr("Class");
    case Process: return tr("Arrivals");
    case Rate: return tr("Rate (req/s)");
    case Cv: return tr("CV");
    case Phases: return tr("Phases");
    case TraceShare: return tr("Trace share");
    default: return {};
  }
}

Qt::ItemFlags ClassArrivalModel::flags(const QModelIndex& index) const {
  if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return Qt::NoItemFlags;
  }
  const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  return index.column() == Class ? base : base | Qt::ItemIsEditable;
}

bool ClassArrivalModel::reject(int row, int column, const QString& reason) {
  lastError_ = tr("%1, %2: %3").arg(names_[static_cast<std::size_t>(row)],
                                    headerData(column, Qt::Horizontal).toString(), reason);
  emit editRejected(row, column, lastError_);
  return false;
}

bool ClassArrivalModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !index.isValid() ||
      !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return false;
  }
  const int row = index.row();
  engine::ArrivalSpec& arrival = arrivals_[static_cast<std::size_t>(row)];
  const QString text = value.toString();
  switch (index.column()) {
    case Process: {
      const auto kind = kindFromText(text);
      if (!kind) return reject(row, index.column(), tr("must be Poisson, Gamma or Constant"));
      arrival.kind = *kind;
      break;
    }
    case Rate: {
      engine::ArrivalSpec edited = arrival;
      edited.ratePerS = typedNumber(text).value_or(std::nan(""));
      if (const auto issue = engine::checkArrivalSpec(edited)) return reject(row, index.column(), RuleText::arrival(*issue, edited));
      arrival = edited;
      break;
    }
    case Cv: {
      if (arrival.kind != engine::ArrivalKind::Gamma) return reject(row, index.column(), tr("only Gamma arrivals have a CV"));
      engine::ArrivalSpec edited = arrival;
      edited.cv = typedNumber(text).value_or(std::nan(""));
      if (const auto issue = engine::checkArrivalSpec(edited)) return reject(row, index.column(), RuleText::arrival(*issue, edited));
      arrival = edited;
      break;
    }
    case Phases: {
      QString why;
      auto phases = parsePhases(text, &why);
      if (!phases) return reject(row, index.column(), why);
      arrival.phases = std::move(*phases);
      break;
    }
    case TraceShare: {
      const auto share = typedNumber(text);
      if (!share || *share < 0.0) return reject(row, index.column(), tr("must be a number, 0 or more"));
      shares_[static_cast<std::size_t>(row)] = *share;
      break;
    }
    default: return false;
  }
  lastError_.clear();
  emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1), {Qt::DisplayRole, Qt::EditRole});
  return true;
}

}  // namespace headroom::ui
