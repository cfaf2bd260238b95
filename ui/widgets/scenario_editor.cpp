#include "ui/widgets/scenario_editor.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <cmath>
#include <filesystem>

#include "engine/core/resource_paths.h"
#include "engine/io/json_input.h"
#include "engine/pool/tier_router.h"
#include "engine/sim/simulation.h"
#include "engine/workload/trace_reader.h"
#include "ui/bridge/engine_bridge.h"
#include "ui/models/class_arrival_model.h"
#include "ui/models/pool_group_model.h"
#include "ui/models/rule_text.h"
#include "ui/models/typed_number.h"
#include "ui/widgets/choice_item_delegate.h"

namespace headroom::ui {

namespace {


QStringList resourceNames(const char* kind) {
  const QDir dir(QString::fromStdString((engine::resourceDir() / kind).string()));
  QStringList names;
  for (const QFileInfo& file : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
    names << file.completeBaseName();
  }
  return names;
}

QString numberText(double value) { return QLocale().toString(value, 'g', 10); }

void selectData(QComboBox* combo, const QVariant& data) {
  const int index = combo->findData(data);
  if (index >= 0) combo->setCurrentIndex(index);
}

// Tier router combo items: the kind in the item's data; a static item's group row in kGroupRowRole.
constexpr int kGroupRowRole = Qt::UserRole + 1;
const QString kGreedy = QStringLiteral("greedy");
const QString kRandom = QStringLiteral("random");
const QString kStatic = QStringLiteral("static");
const QString kLearned = QStringLiteral("learned");

}  // namespace

ScenarioEditor::ScenarioEditor(EngineBridge* bridge, QWidget* parent)
    : QWidget(parent),
      bridge_(bridge),
      arrivals_(new ClassArrivalModel(this)),
      duration_(new QLineEdit(this)),
      seed_(new QLineEdit(this)),
      executor_(new QComboBox(this)),
      iterationMs_(new QLineEdit(this)),
      groups_(new PoolGroupModel(resourceNames("models"), resourceNames("hardware"), this)),
      groupsView_(new QTableView(this)),
      addGroup_(new QPushButton(tr("Add group"), this)),
      removeGroup_(new QPushButton(tr("Remove group"), this)),
      tierRouter_(new QComboBox(this)),
      policyPath_(new QLineEdit(this)),
      browsePolicy_(new QPushButton(tr("Browse…"), this)),
      tierRow_(new QWidget(this)),
      poolForm_(nullptr),
      policy_(new QComboBox(this)),
      chunking_(new QLineEdit(this)),
      relegation_(new QCheckBox(tr("Eager relegation of requests that cannot meet their deadline"), this)),
      fromClasses_(new QRadioButton(tr("Per-class arrival processes"), this)),
      fromTrace_(new QRadioButton(tr("Trace file"), this)),
      tracePath_(new QLineEdit(this)),
      browse_(new QPushButton(tr("Browse…"), this)),
      traceFormat_(new QComboBox(this)),
      table_(new QTableView(this)),
      apply_(new QPushButton(tr("&Apply"), this)),
      revert_(new QPushButton(tr("Revert"), this)) {
  setObjectName(QStringLiteral("scenarioEditor"));
  duration_->setToolTip(tr("Length of the arrival window, seconds"));
  seed_->setToolTip(tr("Seed of the random arrivals and lengths; the same seed replays the same requests"));
  executor_->addItem(tr("Modeled (model on hardware)"), static_cast<int>(engine::ExecutorKind::Modeled));
  executor_->addItem(tr("Constant iteration time"), static_cast<int>(engine::ExecutorKind::Constant));
  iterationMs_->setToolTip(tr("Every iteration takes this long whatever the batch, milliseconds"));
  groupsView_->setObjectName(QStringLiteral("poolGroups"));
  groupsView_->setModel(groups_);
  groupsView_->setItemDelegate(new ChoiceItemDelegate(PoolGroupModel::kChoicesRole, groupsView_));
  groupsView_->verticalHeader()->setVisible(false);
  groupsView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  groupsView_->horizontalHeader()->setStretchLastSection(true);
  groupsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  groupsView_->setSelectionMode(QAbstractItemView::SingleSelection);
  groupsView_->setMinimumHeight(groupsView_->horizontalHeader()->sizeHint().height() +
                                3 * groupsView_->verticalHeader()->defaultSectionSize() + 4);
  addGroup_->setToolTip(tr("Add a group of instances of another model or hardware (a model tier)"));
  removeGroup_->setToolTip(tr("Remove the selected group (the last one when none is selected)"));
  tierRouter_->setObjectName(QStringLiteral("tierRouter"));
  tierRouter_->setToolTip(tr("Which group serves each request; the group's instance router then picks the instance"));
  policyPath_->setPlaceholderText(tr("policy file (headroom-cli train-router)"));
  policy_->addItem(tr("FCFS"), static_cast<int>(engine::OrderingPolicy::Fcfs));
  policy_->addItem(tr("Class priority"), static_cast<int>(engine::OrderingPolicy::Priority));
  policy_->addItem(tr("EDF"), static_cast<int>(engine::OrderingPolicy::Edf));
  policy_->addItem(tr("SRPF"), static_cast<int>(engine::OrderingPolicy::Srpf));
  policy_->addItem(tr("Hybrid (QoServe)"), static_cast<int>(engine::OrderingPolicy::Hybrid));
  chunking_->setToolTip(tr("none, fixed:N (at most N tokens per iteration) or dynamic"));
  traceFormat_->addItem(tr("Azure LLM inference (CSV)"), static_cast<int>(engine::TraceFormat::Azure));
  traceFormat_->addItem(tr("BurstGPT (CSV)"), static_cast<int>(engine::TraceFormat::BurstGpt));
  traceFormat_->addItem(tr("Headroom (CSV with a class column)"), static_cast<int>(engine::TraceFormat::Headroom));
  auto* source = new QButtonGroup(this);
  source->addButton(fromClasses_);
  source->addButton(fromTrace_);
  table_->setModel(arrivals_);
  table_->verticalHeader()->setVisible(false);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);

  auto* run = new QGroupBox(tr("Run"), this);
  auto* runForm = new QFormLayout(run);
  runForm->addRow(tr("Duration (s):"), withError(duration_, kDuration));
  runForm->addRow(tr("Seed:"), withError(seed_, kSeed));

  auto* pool = new QGroupBox(tr("Pool"), this);
  poolForm_ = new QFormLayout(pool);
  poolForm_->addRow(tr("Executor:"), executor_);
  poolForm_->addRow(tr("Iteration (ms):"), withError(iterationMs_, kIteration));
  poolForm_->addRow(withError(groupsView_, kGroups));
  auto* groupButtons = new QHBoxLayout;
  groupButtons->addWidget(addGroup_);
  groupButtons->addWidget(removeGroup_);
  groupButtons->addStretch(1);
  poolForm_->addRow(groupButtons);
  auto* tierLayout = new QVBoxLayout(tierRow_);
  tierLayout->setContentsMargins(0, 0, 0, 0);
  tierLayout->setSpacing(2);
  tierLayout->addWidget(tierRouter_);
  auto* policyRow = new QHBoxLayout;
  policyRow->addWidget(policyPath_, 1);
  policyRow->addWidget(browsePolicy_);
  tierLayout->addLayout(policyRow);
  poolForm_->addRow(tr("Tier router:"), withError(tierRow_, kTierRouter));

  auto* scheduler = new QGroupBox(tr("Scheduler"), this);
  auto* schedulerForm = new QFormLayout(scheduler);
  schedulerForm->addRow(tr("Policy:"), policy_);
  schedulerForm->addRow(tr("Chunking:"), withError(chunking_, kChunking));
  schedulerForm->addRow(relegation_);

  auto* workload = new QGroupBox(tr("Workload"), this);
  auto* workloadLayout = new QVBoxLayout(workload);
  auto* sourceRow = new QHBoxLayout;
  sourceRow->addWidget(fromClasses_);
  sourceRow->addWidget(fromTrace_);
  sourceRow->addStretch(1);
  auto* traceRow = new QHBoxLayout;
  traceRow->addWidget(withError(tracePath_, kTrace), 1);
  traceRow->addWidget(browse_);
  traceRow->addWidget(traceFormat_);
  workloadLayout->addLayout(sourceRow);
  workloadLayout->addLayout(traceRow);
  workloadLayout->addWidget(withError(table_, kClasses), 1);

  auto* left = new QVBoxLayout;
  left->addWidget(run);
  left->addWidget(pool);
  left->addWidget(scheduler);
  left->addStretch(1);
  auto* columns = new QHBoxLayout;
  columns->addLayout(left, 1);
  columns->addWidget(workload, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(withError(new QWidget(this), kScenario), 1);
  buttons->addWidget(revert_);
  buttons->addWidget(apply_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(columns, 1);
  layout->addLayout(buttons);

  connect(apply_, &QPushButton::clicked, this, &ScenarioEditor::apply);
  connect(revert_, &QPushButton::clicked, this, &ScenarioEditor::revert);
  connect(browse_, &QPushButton::clicked, this, &ScenarioEditor::browseTrace);
  connect(executor_, &QComboBox::currentIndexChanged, this, &ScenarioEditor::updateEnabled);
  connect(addGroup_, &QPushButton::clicked, this, &ScenarioEditor::addGroup);
  connect(removeGroup_, &QPushButton::clicked, this, &ScenarioEditor::removeGroup);
  connect(browsePolicy_, &QPushButton::clicked, this, &ScenarioEditor::browsePolicy);
  connect(tierRouter_, &QComboBox::currentIndexChanged, this, &ScenarioEditor::updateEnabled);
  connect(groups_, &PoolGroupModel::editRejected, this,
          [this](int, int, const QString& reason) { setError(kGroups, reason); });
  connect(groups_, &QAbstractItemModel::dataChanged, this, [this] {
    setError(kGroups, {});
    refreshTierChoices();
  });
  for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
    connect(groups_, signal, this, [this] {
      refreshTierChoices();
      updateEnabled();
    });
  }
  connect(groups_, &QAbstractItemModel::modelReset, this, [this] {
    refreshTierChoices();
    updateEnabled();
  });
  connect(traceFormat_, &QComboBox::currentIndexChanged, this, &ScenarioEditor::updateEnabled);
  connect(fromTrace_, &QRadioButton::toggled, this, &ScenarioEditor::updateEnabled);
  connect(arrivals_, &ClassArrivalModel::editRejected, this,
          [this](int, int, const QString& reason) { setError(kClasses, reason); });
  connect(arrivals_, &QAbstractItemModel::dataChanged, this, [this] { setError(kClasses, {}); });
  connect(bridge_, &EngineBridge::scenarioChanged, this, [this] { load(bridge_->scenario()); });
  connect(bridge_, &EngineBridge::classSpecsChanged, this, [this] { arrivals_->followClasses(bridge_->scenario()); });
  if (bridge_->hasScenario()) load(bridge_->scenario());
  updateEnabled();
}

QWidget* ScenarioEditor::withError(QWidget* field, const char* key) {
  auto* box = new QWidget(this);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(field);
  auto* error = new QLabel(box);
  error->setObjectName(QStringLiteral("error_%1").arg(QLatin1String(key)));
  error->setStyleSheet(QStringLiteral("color: #c62828;"));
  error->setWordWrap(true);
  error->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error->hide();
  layout->addWidget(error);
  errors_.insert(QLatin1String(key), error);
  return box;
}

void ScenarioEditor::setError(const char* key, const QString& text) {
  QLabel* label = errors_.value(QLatin1String(key));
  if (!label) return;
  label->setText(text);
  label->setVisible(!text.isEmpty());
}

void ScenarioEditor::clearErrors() {
  for (QLabel* label : std::as_const(errors_)) {
    label->clear();
    label->hide();
  }
}

QString ScenarioEditor::fieldError(const QString& key) const {
  const QLabel* label = errors_.value(key);
  return label ? label->text() : QString();
}

void ScenarioEditor::load(const engine::Scenario& scenario) {
  clearErrors();
  duration_->setText(numberText(scenario.durationS));
  seed_->setText(QString::number(scenario.seed));
  selectData(executor_, static_cast<int>(scenario.executor.kind));
  iterationMs_->setText(numberText(engine::toSeconds(scenario.executor.iteration) * 1000.0));
  groups_->setConstantExecutor(scenario.executor.kind == engine::ExecutorKind::Constant);
  groups_->setGroups(engine::poolGroups(scenario));
  if (!setTierRouterText(QString::fromStdString(scenario.tierRouter))) setTierRouterText(kGreedy);
  selectData(policy_, static_cast<int>(scenario.scheduler.policy));
  chunking_->setText(QString::fromStdString(engine::toString(scenario.scheduler.chunking)));
  relegation_->setChecked(scenario.scheduler.relegation == engine::Relegation::On);
  fromTrace_->setChecked(scenario.trace.has_value());
  fromClasses_->setChecked(!scenario.trace.has_value());
  tracePath_->setText(scenario.trace ? QString::fromStdString(scenario.trace->path.string()) : QString());
  if (scenario.trace) selectData(traceFormat_, static_cast<int>(scenario.trace->format));
  arrivals_->setScenario(scenario);
  updateEnabled();
}

void ScenarioEditor::revert() {
  if (bridge_->hasScenario()) load(bridge_->scenario());
}

void ScenarioEditor::updateEnabled() {
  const bool constant = executor_->currentData().toInt() == static_cast<int>(engine::ExecutorKind::Constant);
  groups_->setConstantExecutor(constant);
  iterationMs_->setEnabled(constant);
  addGroup_->setEnabled(!constant && groups_->rowCount() < static_cast<int>(engine::kMaxPoolGroups));
  removeGroup_->setEnabled(groups_->rowCount() > 1);
  if (poolForm_) poolForm_->setRowVisible(tierRow_->parentWidget(), tierRouterShown());
  const bool learned = tierRouter_->currentData().toString() == kLearned;
  policyPath_->setVisible(learned);
  browsePolicy_->setVisible(learned);
  const bool trace = fromTrace_->isChecked();
  tracePath_->setEnabled(trace);
  browse_->setEnabled(trace);
  traceFormat_->setEnabled(trace);
  const bool mix = trace && traceFormat_->currentData().toInt() != static_cast<int>(engine::TraceFormat::Headroom);
  table_->setColumnHidden(ClassArrivalModel::TraceShare, !mix);
  for (int column : {ClassArrivalModel::Process, ClassArrivalModel::Rate, ClassArrivalModel::Cv, ClassArrivalModel::Phases}) {
    table_->setColumnHidden(column, trace);
  }
}

bool ScenarioEditor::tierRouterShown() const { return groups_->rowCount() > 1; }

void ScenarioEditor::addGroup() {
  setError(kGroups, {});
  const int row = groups_->rowCount();
  if (groups_->insertRows(row, 1)) groupsView_->selectRow(row);
}

void ScenarioEditor::removeGroup() {
  setError(kGroups, {});
  const QModelIndexList selected = groupsView_->selectionModel()->selectedRows();
  const int row = selected.isEmpty() ? groups_->rowCount() - 1 : selected.front().row();
  groups_->removeRows(row, 1);
}

void ScenarioEditor::refreshTierChoices() {
  const QString kind = tierRouter_->currentData().toString();
  const int staticRow = tierRouter_->currentData(kGroupRowRole).toInt();
  const QSignalBlocker blocker(tierRouter_);
  tierRouter_->clear();
  tierRouter_->addItem(tr("Greedy: the most accurate group predicted to meet the SLO"), kGreedy);
  tierRouter_->addItem(tr("Random"), kRandom);
  for (int row = 0; row < groups_->rowCount(); ++row) {
    tierRouter_->addItem(tr("Static: every request to %1").arg(groups_->index(row, PoolGroupModel::Name).data().toString()),
                         kStatic);
    tierRouter_->setItemData(tierRouter_->count() - 1, row, kGroupRowRole);
  }
  tierRouter_->addItem(tr("Learned policy"), kLearned);
  int index = 0;
  for (int i = 0; i < tierRouter_->count(); ++i) {
    if (tierRouter_->itemData(i).toString() == kind &&
        (kind != kStatic || tierRouter_->itemData(i, kGroupRowRole).toInt() == staticRow)) {
      index = i;
    }
  }
  tierRouter_->setCurrentIndex(index);
}

bool ScenarioEditor::setTierRouterText(const QString& text) {
  const auto spec = engine::parseTierRouterSpec(text.trimmed().toStdString());
  if (!spec) return false;
  refreshTierChoices();
  int index = -1;
  switch (spec->kind) {
    case engine::TierRouterKind::Greedy: index = tierRouter_->findData(kGreedy); break;
    case engine::TierRouterKind::Random: index = tierRouter_->findData(kRandom); break;
    case engine::TierRouterKind::Learned:
      index = tierRouter_->findData(kLearned);
      policyPath_->setText(QString::fromStdString(spec->policy.string()));
      break;
    case engine::TierRouterKind::Static: {
      // By group name, or by model name when exactly one group runs that model (as the engine reads it).
      const QString wanted = QString::fromStdString(spec->group);
      int byModel = -1;
      int models = 0;
      for (int row = 0; row < groups_->rowCount(); ++row) {
        if (groups_->index(row, PoolGroupModel::Name).data().toString() == wanted) {
          index = tierRouter_->findData(row, kGroupRowRole);
        }
        if (QString::fromStdString(groups_->groups()[static_cast<std::size_t>(row)].executor.model) == wanted) {
          byModel = row;
          ++models;
        }
      }
      if (index < 0 && models == 1) index = tierRouter_->findData(byModel, kGroupRowRole);
      break;
    }
  }
  if (index < 0) return false;
  tierRouter_->setCurrentIndex(index);
  updateEnabled();
  return true;
}

QString ScenarioEditor::tierRouterText() const {
  const QString kind = tierRouter_->currentData().toString();
  if (kind == kStatic) {
    const int row = tierRouter_->currentData(kGroupRowRole).toInt();
    return QStringLiteral("static:") + groups_->index(row, PoolGroupModel::Name).data().toString();
  }
  if (kind == kLearned) return QStringLiteral("learned:") + policyPath_->text().trimmed();
  return kind;
}

void ScenarioEditor::browsePolicy() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Tier Router Policy"), policyPath_->text(),
                                                    tr("Policies (*.json);;All files (*)"));
  if (!path.isEmpty()) policyPath_->setText(path);
}

void ScenarioEditor::browseTrace() {
  QString start = tracePath_->text();
  if (start.isEmpty()) start = QString::fromStdString((engine::resourceDir() / "traces").string());
  const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Trace"), start,
                                                    tr("CSV traces (*.csv);;All files (*)"));
  if (path.isEmpty()) return;
  tracePath_->setText(path);
  fromTrace_->setChecked(true);
}

bool ScenarioEditor::apply() {
  clearErrors();
  if (!bridge_->hasScenario()) {
    setError(kScenario, tr("Open a scenario first."));
    return false;
  }
  engine::Scenario scenario = bridge_->scenario();
  bool valid = true;
  const auto fail = [&](const char* key, const QString& text) {
    setError(key, text);
    valid = false;
  };

  const double durationS = typedNumber(duration_->text()).value_or(std::nan(""));
  if (const auto problem = engine::checkPositiveSeconds(durationS)) {
    fail(kDuration, RuleText::seconds(*problem));
  } else {
    scenario.durationS = durationS;
  }
  bool seedOk = false;
  const qulonglong seed = seed_->text().trimmed().toULongLong(&seedOk);
  if (!seedOk) {
    fail(kSeed, tr("Must be a whole number, 0 or more."));
  } else {
    scenario.seed = seed;
  }

  const auto kind = static_cast<engine::ExecutorKind>(executor_->currentData().toInt());
  std::vector<engine::PoolGroup> groups = groups_->groups();
  bool groupsOk = true;
  const auto failGroups = [&](const char* key, const QString& text) {
    fail(key, text);
    groupsOk = false;
  };
  engine::Duration iteration{};
  if (kind == engine::ExecutorKind::Constant) {
    const double iterationS = typedNumber(iterationMs_->text()).value_or(std::nan("")) / 1000.0;
    if (const auto problem = engine::checkPositiveSeconds(iterationS)) {
      failGroups(kIteration, RuleText::seconds(*problem));
    } else {
      iteration = engine::durationFromSeconds(iterationS);
    }
    if (groups.size() > 1) {
      failGroups(kGroups, tr("A constant iteration time serves one group: remove the others or choose a modeled executor."));
    }
  }
  for (auto& group : groups) {
    group.executor.kind = kind;
    if (kind == engine::ExecutorKind::Constant) {
      group.executor.iteration = iteration;
      group.executor.model.clear();
      group.executor.hardware.clear();
      group.executor.tensorParallel = 0;
    } else {
      group.executor.iteration = {};
    }
    if (group.pool.router == engine::RouterKind::Weighted) {
      const auto& weights = group.pool.weights;
      const bool fits = weights.size() == scenario.classes.size() &&
                        std::all_of(weights.begin(), weights.end(), [&](const std::vector<double>& row) {
                          return row.size() == static_cast<std::size_t>(group.pool.instances);
                        });
      if (!fits) {
        failGroups(kGroups, tr("Weighted routing takes each class's shares from a plan for this many instances: apply "
                         "one from the Planner, or choose another instance router for group %1.")
                          .arg(QString::fromStdString(group.name)));
      }
    } else {
      group.pool.weights.clear();
    }
  }
  if (groupsOk) setPoolGroups(scenario, groups);
  if (groups.size() > 1) {
    const QString text = tierRouterText();
    const auto spec = engine::parseTierRouterSpec(text.toStdString());
    if (tierRouter_->currentData().toString() == kLearned && policyPath_->text().trimmed().isEmpty()) {
      fail(kTierRouter, tr("Choose the policy file of the learned router."));
    } else if (!spec) {
      fail(kTierRouter, tr("Must be one of: %1.").arg(QString::fromLatin1(engine::kTierRouterForms.data())));
    } else if (groupsOk) {
      // The engine's own check: a static group the pool lacks, a policy that cannot be read or was
      // trained for another pool. A relative policy path is the scenario file's neighbour.
      engine::TierRouterSpec resolved = *spec;
      if (resolved.kind == engine::TierRouterKind::Learned && resolved.policy.is_relative() && !scenario.file.empty()) {
        resolved.policy = scenario.file.parent_path() / resolved.policy;
      }
      const QString policy = QString::fromStdString(resolved.policy.string());
      if (resolved.kind == engine::TierRouterKind::Learned && !QFileInfo(policy).isFile()) {
        fail(kTierRouter, tr("No such file: %1").arg(policy));
      } else {
        try {
          engine::makeTierRouter(resolved, engine::tierPool(scenario), scenario.seed);
          scenario.tierRouter = text.toStdString();
        } catch (const std::exception& error) {
          fail(kTierRouter, QString::fromStdString(error.what()));
        }
      }
    }
  }

  scenario.scheduler.policy = static_cast<engine::OrderingPolicy>(policy_->currentData().toInt());
  // chunkingFromString reads the text and refuses what checkChunking refuses.
  if (const auto chunking = engine::chunkingFromString(chunking_->text().trimmed().toStdString())) {
    scenario.scheduler.chunking = *chunking;
  } else {
    fail(kChunking, RuleText::chunking(engine::ChunkingProblem::FixedTokensNotPositive));
  }
  scenario.scheduler.relegation = relegation_->isChecked() ? engine::Relegation::On : engine::Relegation::Off;

  const auto& arrivals = arrivals_->arrivals();
  if (arrivals.size() != scenario.classes.size()) {
    fail(kClasses, tr("The classes changed since this table was filled; press Revert."));
  } else if (fromTrace_->isChecked()) {
    engine::TraceSpec trace;
    trace.format = static_cast<engine::TraceFormat>(traceFormat_->currentData().toInt());
    const QString path = tracePath_->text().trimmed();
    std::vector<std::string> names;
    for (const auto& spec : scenario.classes) names.push_back(spec.qos.name);
    if (path.isEmpty()) {
      fail(kTrace, tr("Choose a trace file."));
    } else if (!QFileInfo(path).isFile()) {
      fail(kTrace, tr("No such file: %1").arg(path));
    } else {
      trace.path = std::filesystem::absolute(path.toStdString()).lexically_normal();
      try {
        engine::readTrace(trace.path, trace.format, names);
      } catch (const engine::TraceError& error) {
        fail(kTrace, QString::fromStdString(error.what()));
      }
    }
    if (trace.format != engine::TraceFormat::Headroom) {
      double sum = 0.0;
      for (std::size_t i = 0; i < names.size(); ++i) {
        trace.classMix[names[i]] = arrivals_->traceShares()[i];
        sum += arrivals_->traceShares()[i];
      }
      if (!(sum > 0.0)) fail(kClasses, tr("Give at least one class a trace share above 0."));
    }
    scenario.trace = std::move(trace);
  } else {
    for (std::size_t i = 0; i < arrivals.size(); ++i) scenario.classes[i].arrival = arrivals[i];
    scenario.trace.reset();
  }

  if (!valid) return false;
  try {
    bridge_->setScenario(scenario);
  } catch (const std::exception& error) {
    setError(kScenario, tr("The engine refused this scenario: %1").arg(QString::fromStdString(error.what())));
    return false;
  }
  spdlog::info("scenario edited: {} instances, {} s", scenario.pool.instances, scenario.durationS);
  emit applied();
  return true;
}

}  // namespace headroom::ui
