#include "ui/dialogs/deploy_export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStringList>

#include <algorithm>

#include "engine/io/json_input.h"

namespace headroom::ui {

namespace key {
constexpr auto kTarget = "export/target";
constexpr auto kImage = "export/image";
constexpr auto kGpuBudget = "export/gpuBudget";  // absent: no budget
constexpr auto kGateway = "export/gateway";
constexpr auto kServeConfig = "export/serveConfig";
constexpr auto kDirectory = "export/directory";
}  // namespace key

namespace {

// The most GPUs a budget may name, as deploy's --gpu-budget allows.
constexpr int kMaxGpuBudget = 1000000;

std::filesystem::path pathOf(const QLineEdit* edit) {
  const QString text = edit->text().trimmed();
  return text.isEmpty() ? std::filesystem::path() : std::filesystem::path(text.toStdString());
}

void addWithBrowse(QFormLayout* form, const QString& label, QLineEdit* edit, QPushButton* browse) {
  auto* row = new QHBoxLayout;
  row->addWidget(edit, 1);
  row->addWidget(browse);
  form->addRow(label, row);
}

}  // namespace

serve::FleetOptions fleetOptionsFor(const DeployExportChoices& choices, std::vector<serve::ModeHardware> modes) {
  serve::FleetOptions options;
  options.target = choices.target;
  options.image = choices.image.empty() ? serve::defaultFleetImage() : choices.image;
  options.modes = std::move(modes);
  options.gpuBudget = choices.gpuBudget;
  if (!choices.serveConfigFile.empty()) {
    options.serveConfig = engine::JsonInput::loadFile(choices.serveConfigFile, "serving configuration");
    options.serveConfigFile = choices.serveConfigFile;
  }
  if (!choices.gateway.empty()) options.gateway = choices.gateway;
  return options;
}

DeployExportDialog::DeployExportDialog(serve::FleetPlan plan, std::vector<serve::ModeHardware> modes, QWidget* parent)
    : QDialog(parent),
      plan_(std::move(plan)),
      modes_(std::move(modes)),
      target_(new QComboBox(this)),
      targetExplanation_(new QLabel(this)),
      image_(new QLineEdit(this)),
      budgetOn_(new QCheckBox(tr("Limit the fleet's &GPUs to"), this)),
      budget_(new QSpinBox(this)),
      gateway_(new QLineEdit(this)),
      serveConfig_(new QLineEdit(this)),
      directory_(new QLineEdit(this)),
      mapping_(new QLabel(this)),
      gpus_(new QLabel(this)),
      ok_(nullptr) {
  setObjectName(QStringLiteral("deployExportDialog"));
  setWindowTitle(tr("Export the Plan to Kubernetes"));
  target_->addItem(tr("Kustomize base"), static_cast<int>(serve::FleetTarget::Kustomize));
  target_->addItem(tr("Gateway API"), static_cast<int>(serve::FleetTarget::GatewayApi));
  targetExplanation_->setWordWrap(true);
  image_->setText(QString::fromStdString(serve::defaultFleetImage()));
  image_->setToolTip(tr("The container image with headroom-cli that every server and the router run"));
  budget_->setRange(1, kMaxGpuBudget);
  budget_->setSuffix(tr(" GPUs"));
  budget_->setEnabled(false);
  budgetOn_->setToolTip(tr("A plan needing more GPUs is refused; the budget also becomes a ResourceQuota"));
  gateway_->setText(QString::fromStdString(serve::FleetOptions{}.gateway));
  gateway_->setToolTip(tr("The Gateway the HTTPRoute attaches to"));
  serveConfig_->setPlaceholderText(tr("Made from the plan's classes, with a placeholder key"));
  serveConfig_->setToolTip(tr("The serving configuration every mode starts from (tenants, keys, limits)"));
  directory_->setPlaceholderText(tr("A new or empty directory, or one written by an earlier export"));
  mapping_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  gpus_->setWordWrap(true);

  auto* form = new QFormLayout(this);
  form->addRow(tr("&Target:"), target_);
  form->addRow(QString(), targetExplanation_);
  form->addRow(tr("&Image:"), image_);
  auto* budgetRow = new QHBoxLayout;
  budgetRow->addWidget(budgetOn_);
  budgetRow->addWidget(budget_);
  budgetRow->addStretch(1);
  form->addRow(tr("GPU budget:"), budgetRow);
  form->addRow(tr("G&ateway:"), gateway_);
  auto* browseConfig = new QPushButton(tr("Browse…"), this);
  browseConfig->setObjectName(QStringLiteral("browseServeConfig"));
  addWithBrowse(form, tr("&Serve configuration:"), serveConfig_, browseConfig);
  auto* browseDirectory = new QPushButton(tr("Browse…"), this);
  browseDirectory->setObjectName(QStringLiteral("browseDirectory"));
  addWithBrowse(form, tr("&Directory:"), directory_, browseDirectory);
  form->addRow(tr("Modes:"), mapping_);
  form->addRow(tr("GPUs:"), gpus_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  ok_ = buttons->button(QDialogButtonBox::Ok);
  ok_->setText(tr("&Export"));
  form->addRow(buttons);

  QStringList lines;
  for (const serve::FleetMode& mode : plan_.modes) {
    if (mode.instances <= 0) continue;
    const serve::ModeHardware* hardware = serve::findModeHardware(modes_, mode.name);
    if (hardware == nullptr) {
      lines << tr("%1: no model and hardware").arg(QString::fromStdString(mode.name));
      continue;
    }
    lines << tr("%1: %2 on %3, tensor-parallel degree %4, %n instance(s)", nullptr, mode.instances)
                 .arg(QString::fromStdString(mode.name), QString::fromStdString(hardware->model),
                      QString::fromStdString(hardware->hardware))
                 .arg(hardware->tensorParallel);
  }
  mapping_->setText(lines.join(QLatin1Char('\n')));
  budget_->setValue(std::max(1, static_cast<int>(gpusNeeded())));

  connect(target_, &QComboBox::currentIndexChanged, this, &DeployExportDialog::targetChanged);
  connect(budgetOn_, &QCheckBox::toggled, this, &DeployExportDialog::budgetChanged);
  connect(budget_, &QSpinBox::valueChanged, this, &DeployExportDialog::budgetChanged);
  connect(directory_, &QLineEdit::textChanged, this, &DeployExportDialog::directoryChanged);
  connect(browseConfig, &QPushButton::clicked, this, &DeployExportDialog::browseServeConfig);
  connect(browseDirectory, &QPushButton::clicked, this, &DeployExportDialog::browseDirectory);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  targetChanged();
  budgetChanged();
  directoryChanged();
}

DeployExportChoices DeployExportDialog::choices() const {
  DeployExportChoices choices;
  choices.target = static_cast<serve::FleetTarget>(target_->currentData().toInt());
  choices.image = image_->text().trimmed().toStdString();
  if (budgetOn_->isChecked()) choices.gpuBudget = budget_->value();
  choices.gateway = gateway_->text().trimmed().toStdString();
  choices.serveConfigFile = pathOf(serveConfig_);
  choices.directory = pathOf(directory_);
  return choices;
}

void DeployExportDialog::setChoices(const DeployExportChoices& choices) {
  target_->setCurrentIndex(std::max(0, target_->findData(static_cast<int>(choices.target))));
  image_->setText(QString::fromStdString(choices.image.empty() ? serve::defaultFleetImage() : choices.image));
  budgetOn_->setChecked(choices.gpuBudget.has_value());
  if (choices.gpuBudget) budget_->setValue(*choices.gpuBudget);
  gateway_->setText(QString::fromStdString(choices.gateway));
  serveConfig_->setText(QString::fromStdString(choices.serveConfigFile.string()));
  directory_->setText(QString::fromStdString(choices.directory.string()));
}

void DeployExportDialog::restoreSettings() {
  const QSettings settings;
  DeployExportChoices remembered;
  if (const auto target = serve::fleetTargetFromString(settings.value(key::kTarget).toString().toStdString())) {
    remembered.target = *target;
  }
  remembered.image = settings.value(key::kImage).toString().toStdString();
  if (settings.contains(key::kGpuBudget)) remembered.gpuBudget = settings.value(key::kGpuBudget).toInt();
  remembered.gateway = settings.value(key::kGateway, QString::fromStdString(remembered.gateway)).toString().toStdString();
  remembered.serveConfigFile = settings.value(key::kServeConfig).toString().toStdString();
  remembered.directory = settings.value(key::kDirectory).toString().toStdString();
  setChoices(remembered);
}

void DeployExportDialog::saveSettings() const {
  QSettings settings;
  const DeployExportChoices chosen = choices();
  settings.setValue(key::kTarget, QString::fromUtf8(serve::toString(chosen.target).data(),
                                                   static_cast<qsizetype>(serve::toString(chosen.target).size())));
  settings.setValue(key::kImage, QString::fromStdString(chosen.image));
  if (chosen.gpuBudget) {
    settings.setValue(key::kGpuBudget, *chosen.gpuBudget);
  } else {
    settings.remove(key::kGpuBudget);
  }
  settings.setValue(key::kGateway, QString::fromStdString(chosen.gateway));
  settings.setValue(key::kServeConfig, QString::fromStdString(chosen.serveConfigFile.string()));
  settings.setValue(key::kDirectory, QString::fromStdString(chosen.directory.string()));
}

std::int32_t DeployExportDialog::gpusNeeded() const { return serve::fleetGpus(plan_, modes_); }

QString DeployExportDialog::gpuText(std::int32_t needed, std::optional<std::int32_t> budget) {
  const QString plan = tr("The plan needs %n GPU(s).", nullptr, needed);
  if (!budget) return plan;
  if (needed > *budget) {
    return plan + QLatin1Char(' ') + tr("That is over the budget of %n GPU(s): the export will be refused.", nullptr, *budget);
  }
  return plan + QLatin1Char(' ') + tr("Within the budget of %n GPU(s).", nullptr, *budget);
}

void DeployExportDialog::targetChanged() {
  const bool gateway = static_cast<serve::FleetTarget>(target_->currentData().toInt()) == serve::FleetTarget::GatewayApi;
  targetExplanation_->setText(
      gateway ? tr("The Kustomize base, plus per mode an InferencePool, an HTTPRoute weighting each class's modes and "
                   "the InferenceObjectives of the Gateway API Inference Extension (its controller must be installed).")
              : tr("Core kinds only: per mode a Deployment, Service, serve configuration (a Secret: it holds the API keys) and PodDisruptionBudget, and the "
                   "router as a Deployment and Service with the plan's shares; runs on any cluster."));
  gateway_->setEnabled(gateway);
}

void DeployExportDialog::budgetChanged() {
  budget_->setEnabled(budgetOn_->isChecked());
  const std::optional<std::int32_t> budget =
      budgetOn_->isChecked() ? std::optional<std::int32_t>(budget_->value()) : std::nullopt;
  const std::int32_t needed = gpusNeeded();
  gpus_->setText(gpuText(needed, budget));
  gpus_->setStyleSheet(budget && needed > *budget ? QStringLiteral("color: #c62828;") : QString());
}

void DeployExportDialog::directoryChanged() { ok_->setEnabled(!directory_->text().trimmed().isEmpty()); }

void DeployExportDialog::browseServeConfig() {
  const QString file = QFileDialog::getOpenFileName(this, tr("Serve Configuration"), serveConfig_->text(),
                                                    tr("Serving configurations (*.json);;All files (*)"));
  if (!file.isEmpty()) serveConfig_->setText(file);
}

void DeployExportDialog::browseDirectory() {
  const QString directory = QFileDialog::getExistingDirectory(this, tr("Export to Directory"), directory_->text());
  if (!directory.isEmpty()) directory_->setText(directory);
}

}  // namespace headroom::ui
