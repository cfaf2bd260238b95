#include "ui/models/class_table_model.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <string>
#include <vector>

#include "ui/models/rule_text.h"
#include "ui/models/typed_number.h"

namespace headroom::ui {

namespace {

QString importanceText(engine::Importance importance) {
  switch (importance) {
    case engine::Importance::High: return ClassTableModel::tr("high");
    case engine::Importance::Normal: return ClassTableModel::tr("normal");
    case engine::Importance::Low: return ClassTableModel::tr("low");
  }
  return ClassTableModel::tr("normal");
}

std::optional<engine::Importance> importanceFromValue(const QVariant& value) {
  bool ok = false;
  const int index = value.toInt(&ok);
  if (ok && value.typeId() != QMetaType::QString) {
    if (index >= 0 && index <= 2) return static_cast<engine::Importance>(index);
    return std::nullopt;
  }
  const QString text = value.toString().trimmed();
  for (auto candidate : {engine::Importance::High, engine::Importance::Normal, engine::Importance::Low}) {
    if (text.compare(importanceText(candidate), Qt::CaseInsensitive) == 0 ||
        text.compare(QString::fromLatin1(engine::toString(candidate).data()), Qt::CaseInsensitive) == 0) {
      return candidate;
    }
  }
  return std::nullopt;
}

std::optional<engine::Duration>& boundOf(engine::Slo& slo, int column) {
  if (column == ClassTableModel::Ttft) return slo.ttft;
  if (column == ClassTableModel::Tbt) return slo.tbt;
  return slo.ttlt;
}

const std::optional<engine::Duration>& boundOf(const engine::Slo& slo, int column) {
  return boundOf(const_cast<engine::Slo&>(slo), column);
}

QString secondsText(double seconds) { return QLocale().toString(seconds, 'g', 6); }

}  // namespace

std::optional<std::vector<engine::TaskShare>> parseTaskMix(const QString& text, QString* error) {
  std::vector<engine::TaskShare> tasks;
  // name, then optionally [:=] and a share whose decimal separator may be a point or a comma (German).
  static const QRegularExpression item(
      QStringLiteral(R"(\s*([^\s,;:=]+)\s*(?:[:=]\s*|\s+)?([+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?)?\s*(?:[,;]|$))"));
  qsizetype at = 0;
  const QString trimmed = text.trimmed();
  while (at < trimmed.size()) {
    const auto match = item.match(trimmed, at, QRegularExpression::NormalMatch,
                                  QRegularExpression::AnchorAtOffsetMatchOption);
    if (!match.hasMatch() || match.capturedLength(0) == 0) {
      if (error) {
        *error = ClassTableModel::tr("Write the task mix as task names with shares, e.g. \"mmlu 0.6, gsm8k 0.4\"; "
                                     "could not read \"%1\".")
                     .arg(trimmed.mid(at));
      }
      return std::nullopt;
    }
    engine::TaskShare share;
    share.task = match.captured(1).toStdString();
    if (match.capturedLength(2) > 0) {
      QString number = match.captured(2);
      number.replace(QLatin1Char(','), QLatin1Char('.'));
      share.share = QLocale::c().toDouble(number);
    }
    tasks.push_back(std::move(share));
    at += match.capturedLength(0);
  }
  return tasks;
}

QString taskMixText(const std::vector<engine::TaskShare>& tasks) {
  QStringList items;
  for (const auto& task : tasks) {
    items << QStringLiteral("%1 %2").arg(QString::fromStdString(task.task), QLocale().toString(task.share, 'g', 6));
  }
  return items.join(QStringLiteral(", "));
}

ClassTableModel::ClassTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClassTableModel::setClassSpecs(const std::vector<engine::ClassSpec>& specs, bool ratesFromTrace) {
  beginResetModel();
  specs_ = specs;
  ratesFromTrace_ = ratesFromTrace;
  lastError_.clear();
  errorRow_ = errorColumn_ = -1;
  endResetModel();
}

int ClassTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(specs_.size());
}

int ClassTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ClassTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& spec = specs_[static_cast<std::size_t>(index.row())];
  const int column = index.column();
  if (role == Qt::DisplayRole || role == Qt::EditRole) {
    switch (column) {
      case Name: return QString::fromStdString(spec.qos.name);
      case Rank: return spec.qos.rank;
      case Importance:
        return role == Qt::EditRole ? QVariant(static_cast<int>(spec.qos.importance))
                                    : QVariant(importanceText(spec.qos.importance));
      case Ttft:
      case Tbt:
      case Ttlt: {
        const auto& bound = boundOf(spec.qos.slo, column);
        if (!bound) return role == Qt::EditRole ? QVariant(QString()) : QVariant(tr("none"));
        return role == Qt::EditRole ? QVariant(engine::toSeconds(*bound)) : QVariant(secondsText(engine::toSeconds(*bound)));
      }
      case Percentile:
        return role == Qt::EditRole ? QVariant(spec.qos.slo.percentile)
                                    : QVariant(tr("p%1").arg(QLocale().toString(spec.qos.slo.percentile, 'g', 5)));
      case Rate:
        if (ratesFromTrace_) return role == Qt::EditRole ? QVariant(QString()) : QVariant(tr("trace"));
        return role == Qt::EditRole ? QVariant(spec.arrival.ratePerS) : QVariant(secondsText(spec.arrival.ratePerS));
      case RewardWeight:
        return role == Qt::EditRole ? QVariant(spec.qos.rewardWeight) : QVariant(secondsText(spec.qos.rewardWeight));
      case Tasks:
        if (spec.qos.tasks.empty() && role == Qt::DisplayRole) {
          return tr("%1 (default)").arg(QString::fromLatin1(engine::kDefaultTask.data(), engine::kDefaultTask.size()));
        }
        return taskMixText(spec.qos.tasks);
      default: return {};
    }
  }
  if (role == Qt::TextAlignmentRole && column != Name) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole) {
    if (index.row() == errorRow_ && column == errorColumn_ && !lastError_.isEmpty()) return lastError_;
    switch (column) {
      case Name: return tr("Unique class name");
      case Rank: return tr("0 is the most urgent class; orders classes for the priority policy");
      case Importance: return tr("Low-importance requests are relegated first when deadlines slip");
      case Ttft: return tr("Time to first token bound in seconds; empty for none");
      case Tbt: return tr("Time between tokens bound in seconds; empty for none");
      case Ttlt: return tr("Time to last token bound in seconds; empty for none");
      case Percentile: return tr("The percentile the SLO is judged on, e.g. 99 for p99");
      case Rate:
        return ratesFromTrace_ ? tr("Arrivals come from the scenario's trace")
                               : tr("Base arrival rate in requests per second; applies when the replay restarts");
      case RewardWeight:
        return tr("What a request that meets its SLO is worth, times the serving model's accuracy (e.g. 2 for "
                  "high-priority traffic); routing between model tiers maximises it; applies when the replay restarts");
      case Tasks:
        return tr("The tasks of the class's requests with their shares, e.g. \"mmlu 0.6, gsm8k 0.4\"; the serving "
                  "model's accuracy on each task sets the reward; applies when the replay restarts");
      default: return {};
    }
  }
  return {};
}

QVariant ClassTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  if (orientation == Qt::Vertical) return section + 1;
  switch (section) {
    case Name: return tr("Class");
    case Rank: return tr("Rank");
    case Importance: return tr("Importance");
    case Ttft: return tr("TTFT (s)");
    case Tbt: return tr("TBT (s)");
    case Ttlt: return tr("TTLT (s)");
    case Percentile: return tr("Percentile");
    case Rate: return tr("Rate (req/s)");
    case RewardWeight: return tr("Reward weight");
    case Tasks: return tr("Task mix");
    default: return {};
  }
}

Qt::ItemFlags ClassTableModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
  if (!(index.column() == Rate && ratesFromTrace_)) flags |= Qt::ItemIsEditable;
  return flags;
}

std::optional<QString> ClassTableModel::validate(int row, int column, const QVariant& value) const {
  if (row < 0 || row >= rowCount()) return tr("No such class");
  const auto& spec = specs_[static_cast<std::size_t>(row)];
  switch (column) {
    case Name: {
      const QString name = value.toString().trimmed();
      std::vector<std::string> others;
      for (std::size_t i = 0; i < specs_.size(); ++i) {
        if (static_cast<int>(i) != row) others.push_back(specs_[i].qos.name);
      }
      if (const auto problem = engine::checkClassName(name.toStdString(), others)) return RuleText::classProblem(*problem, name);
      return std::nullopt;
    }
    case Rank: {
      bool ok = false;
      const qlonglong rank = value.toString().trimmed().toLongLong(&ok);
      if (!ok) return RuleText::classProblem(engine::ClassProblem::RankOutOfRange);
      if (const auto problem = engine::checkClassRank(rank)) return RuleText::classProblem(*problem);
      return std::nullopt;
    }
    case Importance:
      if (!importanceFromValue(value)) return tr("The importance must be high, normal or low");
      return std::nullopt;
    case Ttft:
    case Tbt:
    case Ttlt: {
      engine::Slo slo = spec.qos.slo;
      if (isEmptyBound(value)) {
        boundOf(slo, column).reset();
      } else {
        const auto seconds = typedNumber(value);
        if (!seconds) return RuleText::seconds(engine::SecondsProblem::NotPositive);
        if (const auto problem = engine::checkPositiveSeconds(*seconds)) return RuleText::seconds(*problem);
        boundOf(slo, column) = engine::durationFromSeconds(*seconds);
      }
      if (const auto problem = engine::checkSlo(slo)) return RuleText::slo(*problem);
      return std::nullopt;
    }
    case Percentile: {
      engine::Slo slo = spec.qos.slo;
      const auto number = typedNumber(value);
      slo.percentile = number ? *number : std::nan("");
      if (const auto problem = engine::checkSlo(slo)) return RuleText::slo(*problem);
      return std::nullopt;
    }
    case Rate: {
      if (ratesFromTrace_) return tr("Arrivals come from the scenario's trace");
      engine::ArrivalSpec arrival = spec.arrival;
      const auto number = typedNumber(value);
      arrival.ratePerS = number ? *number : std::nan("");
      if (const auto issue = engine::checkArrivalSpec(arrival)) return RuleText::arrival(*issue, arrival);
      return std::nullopt;
    }
    case RewardWeight: {
      const double weight = typedNumber(value).value_or(std::nan(""));
      if (const auto problem = engine::checkRewardWeight(weight)) return RuleText::tierClass(*problem);
      return std::nullopt;
    }
    case Tasks: {
      QString error;
      const auto tasks = parseTaskMix(value.toString(), &error);
      if (!tasks) return error;
      if (const auto issue = engine::checkTaskMix(*tasks)) {
        return RuleText::tierClass(issue->problem, QString::fromStdString((*tasks)[issue->task].task));
      }
      return std::nullopt;
    }
    default: return tr("No such column");
  }
}

bool ClassTableModel::isEmptyBound(const QVariant& value) {
  if (!value.isValid() || value.isNull()) return true;
  return value.typeId() == QMetaType::QString && value.toString().trimmed().isEmpty();
}

bool ClassTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return false;
  const int row = index.row();
  const int column = index.column();
  if (const auto reason = validate(row, column, value)) {
    lastError_ = *reason;
    errorRow_ = row;
    errorColumn_ = column;
    emit dataChanged(index, index, {Qt::ToolTipRole});
    emit editRejected(row, column, *reason);
    return false;
  }
  auto& spec = specs_[static_cast<std::size_t>(row)];
  switch (column) {
    case Name: spec.qos.name = value.toString().trimmed().toStdString(); break;
    case Rank: spec.qos.rank = value.toString().trimmed().toInt(); break;
    case Importance: spec.qos.importance = *importanceFromValue(value); break;
    case Ttft:
    case Tbt:
    case Ttlt: {
      boundOf(spec.qos.slo, column) =
          isEmptyBound(value) ? std::nullopt : std::optional(engine::durationFromSeconds(*typedNumber(value)));
      break;
    }
    case Percentile: spec.qos.slo.percentile = *typedNumber(value); break;
    case Rate: spec.arrival.ratePerS = *typedNumber(value); break;
    case RewardWeight: spec.qos.rewardWeight = *typedNumber(value); break;
    case Tasks: spec.qos.tasks = *parseTaskMix(value.toString(), nullptr); break;
    default: return false;
  }
  const bool hadError = errorRow_ >= 0;
  const QModelIndex errorIndex = hadError ? this->index(errorRow_, errorColumn_) : QModelIndex();
  lastError_.clear();
  errorRow_ = errorColumn_ = -1;
  emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
  if (hadError && errorIndex.isValid()) emit dataChanged(errorIndex, errorIndex, {Qt::ToolTipRole});
  emit classesEdited(specs_);
  return true;
}

QString ClassTableModel::uniqueName() const {
  for (int n = static_cast<int>(specs_.size()) + 1;; ++n) {
    const QString candidate = QStringLiteral("class-%1").arg(n);
    bool taken = false;
    for (const auto& spec : specs_) taken = taken || QString::fromStdString(spec.qos.name) == candidate;
    if (!taken) return candidate;
  }
}

bool ClassTableModel::insertRows(int row, int count, const QModelIndex& parent) {
  if (parent.isValid() || row < 0 || row > rowCount() || count <= 0) return false;
  beginInsertRows(parent, row, row + count - 1);
  for (int i = 0; i < count; ++i) {
    engine::ClassSpec spec;
    if (!specs_.empty()) {
      const auto& like = specs_[static_cast<std::size_t>(row > 0 ? row - 1 : 0)];
      spec.arrival = like.arrival;
      spec.arrival.phases.clear();
      spec.promptTokens = like.promptTokens;
      spec.outputTokens = like.outputTokens;
    } else {
      spec.arrival.ratePerS = 1.0;
      spec.promptTokens.value = 512;
      spec.outputTokens.value = 128;
    }
    spec.arrival.ratePerS = 1.0;
    spec.qos.name = uniqueName().toStdString();
    int maxRank = -1;
    for (const auto& other : specs_) maxRank = std::max(maxRank, other.qos.rank);
    spec.qos.rank = std::min(maxRank + 1, engine::kMaxClassRank);
    spec.qos.importance = engine::Importance::Low;
    spec.qos.slo.ttlt = std::chrono::seconds(600);
    specs_.insert(specs_.begin() + row + i, spec);
  }
  endInsertRows();
  emit classesEdited(specs_);
  return true;
}

bool ClassTableModel::removeRows(int row, int count, const QModelIndex& parent) {
  if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount()) return false;
  if (count >= rowCount()) {
    lastError_ = tr("A scenario needs at least one class");
    emit editRejected(row, -1, lastError_);
    return false;
  }
  beginRemoveRows(parent, row, row + count - 1);
  specs_.erase(specs_.begin() + row, specs_.begin() + row + count);
  errorRow_ = errorColumn_ = -1;
  endRemoveRows();
  emit classesEdited(specs_);
  return true;
}

bool ClassTableModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                               const QModelIndex& destinationParent, int destinationChild) {
  if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0 ||
      sourceRow + count > rowCount() || destinationChild < 0 || destinationChild > rowCount() ||
      (destinationChild >= sourceRow && destinationChild <= sourceRow + count)) {
    return false;
  }
  if (!beginMoveRows(sourceParent, sourceRow, sourceRow + count - 1, destinationParent, destinationChild))
    return false;
  std::vector<engine::ClassSpec> moved(specs_.begin() + sourceRow, specs_.begin() + sourceRow + count);
  specs_.erase(specs_.begin() + sourceRow, specs_.begin() + sourceRow + count);
  const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
  specs_.insert(specs_.begin() + insertAt, moved.begin(), moved.end());
  errorRow_ = errorColumn_ = -1;
  endMoveRows();
  emit classesEdited(specs_);
  return true;
}

}  // namespace headroom::ui
