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
#include "engine/workload/trace_reader.h"
#include "ui/bridge/engine_bridge.h"
#include "ui/models/class_arrival_model.h"
#include "ui/models/rule_text.h"
#include "ui/models/typed_number.h"

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

void selectText(QComboBox* combo, const QString& text) {
  int index = combo->findText(text);
  if (index < 0 && !text.isEmpty()) {
    combo->addItem(text);  // a scenario may name a resource this build does not list
    index = combo->count() - 1;
  }
  combo->setCurrentIndex(index);
}

}  // namespace

ScenarioEditor::ScenarioEditor(EngineBridge* bridge, QWidget* parent)
    : QWidget(parent),
      bridge_(bridge),
      arrivals_(new ClassArrivalModel(this)),
      duration_(new QLineEdit(this)),
      seed_(new QLineEdit(this)),
      executor_(new QComboBox(this)),
      model_(new QComboBox(this)),
      hardware_(new QComboBox(this)),
      iterationMs_(new QLineEdit(this)),
      instances_(new QSpinBox(this)),
      router_(new QComboBox(this)),
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
  model_->addItems(resourceNames("models"));
  hardware_->addItems(resourceNames("hardware"));
  iterationMs_->setToolTip(tr("Every iteration takes this long whatever the batch, milliseconds"));
  instances_->setRange(1, 4096);
  router_->addItem(tr("Round robin"), static_cast<int>(engine::RouterKind::RoundRobin));
  router_->addItem(tr("Least loaded"), static_cast<int>(engine::RouterKind::LeastLoaded));
  router_->addItem(tr("Class priority"), static_cast<int>(engine::RouterKind::ClassPriority));
  router_->addItem(tr("Weighted (plan shares)"), static_cast<int>(engine::RouterKind::Weighted));
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

  auto* pool = new QGroupBox(tr("Instances"), this);
  auto* poolForm = new QFormLayout(pool);
  poolForm->addRow(tr("Executor:"), executor_);
  poolForm->addRow(tr("Model:"), model_);
  poolForm->addRow(tr("Hardware:"), hardware_);
  poolForm->addRow(tr("Iteration (ms):"), withError(iterationMs_, kIteration));
  poolForm->addRow(tr("Instances:"), instances_);
  poolForm->addRow(tr("Router:"), withError(router_, kRouter));

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
  columns->addLayout(left);
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
  if (!scenario.executor.model.empty()) selectText(model_, QString::fromStdString(scenario.executor.model));
  if (!scenario.executor.hardware.empty()) selectText(hardware_, QString::fromStdString(scenario.executor.hardware));
  iterationMs_->setText(numberText(engine::toSeconds(scenario.executor.iteration) * 1000.0));
  instances_->setValue(scenario.pool.instances);
  selectData(router_, static_cast<int>(scenario.pool.router));
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
  model_->setEnabled(!constant);
  hardware_->setEnabled(!constant);
  iterationMs_->setEnabled(constant);
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
  scenario.executor.kind = kind;
  if (kind == engine::ExecutorKind::Constant) {
    const double iterationS = typedNumber(iterationMs_->text()).value_or(std::nan("")) / 1000.0;
    if (const auto problem = engine::checkPositiveSeconds(iterationS)) {
      fail(kIteration, RuleText::seconds(*problem));
    } else {
      scenario.executor.iteration = engine::durationFromSeconds(iterationS);
    }
    scenario.executor.model.clear();
    scenario.executor.hardware.clear();
  } else {
    if (model_->currentText() != QString::fromStdString(scenario.executor.model) ||
        hardware_->currentText() != QString::fromStdString(scenario.executor.hardware)) {
      scenario.executor.tensorParallel = 0;  // the new model's own default degree
    }
    scenario.executor.model = model_->currentText().toStdString();
    scenario.executor.hardware = hardware_->currentText().toStdString();
    scenario.executor.iteration = {};
  }

  const auto router = static_cast<engine::RouterKind>(router_->currentData().toInt());
  const std::int32_t instances = instances_->value();
  if (router == engine::RouterKind::Weighted) {
    const auto& weights = scenario.pool.weights;
    const bool fits = weights.size() == scenario.classes.size() &&
                      std::all_of(weights.begin(), weights.end(), [&](const std::vector<double>& row) {
                        return row.size() == static_cast<std::size_t>(instances);
                      });
    if (!fits) {
      fail(kRouter, tr("Weighted routing takes each class's shares from a plan for this many instances: apply "
                       "one from the Planner, or choose another router."));
    }
  } else {
    scenario.pool.weights.clear();
  }
  scenario.pool.router = router;
  scenario.pool.instances = instances;

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
