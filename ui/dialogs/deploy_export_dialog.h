#pragma once

#include <QDialog>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "serve/fleet/fleet_manifests.h"
#include "serve/fleet/fleet_plan.h"
#include "serve/fleet/mode_hardware.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace headroom::ui {

// What the planner panel's Export… gathers for one plan, as plain values: the `headroom-cli deploy` flags.
//  gpuBudget: absent = no budget. serveConfigFile: empty = the configuration deploy makes from the
//  plan's classes. directory: where the Kustomize directory goes.
struct DeployExportChoices {
  serve::FleetTarget target = serve::FleetTarget::Kustomize;
  std::string image;
  std::optional<std::int32_t> gpuBudget;
  std::string gateway = serve::FleetOptions{}.gateway;
  std::filesystem::path serveConfigFile;
  std::filesystem::path directory;
};

// The options deploy would build from the same flags: `modes` as given, an empty image the default one,
// the serve configuration read with engine::JsonInput::loadFile (throws engine::InputError naming the
// file when it is missing or not JSON; buildFleet checks the rest).
serve::FleetOptions fleetOptionsFor(const DeployExportChoices& choices, std::vector<serve::ModeHardware> modes);

// The planner panel's Export…: the target (Kustomize base or Gateway API, each explained in a line), the
// image, an optional GPU budget, the Gateway's name (Gateway API only), an optional serve configuration
// and the output directory. Shows, read-only, where each planned mode runs and the GPUs the plan needs
// against the budget, updated as it changes. OK is enabled only when a directory is given. The choices
// are kept in QSettings (group "export") by restoreSettings/saveSettings. UI thread only.
class DeployExportDialog : public QDialog {
  Q_OBJECT

 public:
  DeployExportDialog(serve::FleetPlan plan, std::vector<serve::ModeHardware> modes, QWidget* parent = nullptr);

  DeployExportChoices choices() const;
  void setChoices(const DeployExportChoices& choices);

  // Reads and writes the choices of the last export.
  void restoreSettings();
  void saveSettings() const;

  // The GPUs the plan needs under the dialog's mapping.
  std::int32_t gpusNeeded() const;
  // The line under the budget: the GPUs needed, and whether they fit `budget`.
  static QString gpuText(std::int32_t needed, std::optional<std::int32_t> budget);

  QComboBox* targetBox() const { return target_; }
  QLabel* targetExplanation() const { return targetExplanation_; }
  QLineEdit* imageEdit() const { return image_; }
  QCheckBox* budgetCheck() const { return budgetOn_; }
  QSpinBox* budgetSpin() const { return budget_; }
  QLineEdit* gatewayEdit() const { return gateway_; }
  QLineEdit* serveConfigEdit() const { return serveConfig_; }
  QLineEdit* directoryEdit() const { return directory_; }
  QLabel* mappingLabel() const { return mapping_; }
  QLabel* gpuLabel() const { return gpus_; }
  QPushButton* okButton() const { return ok_; }

 private:
  void targetChanged();
  void budgetChanged();
  void directoryChanged();
  void browseServeConfig();
  void browseDirectory();

  serve::FleetPlan plan_;
  std::vector<serve::ModeHardware> modes_;
  QComboBox* target_;
  QLabel* targetExplanation_;
  QLineEdit* image_;
  QCheckBox* budgetOn_;
  QSpinBox* budget_;
  QLineEdit* gateway_;
  QLineEdit* serveConfig_;
  QLineEdit* directory_;
  QLabel* mapping_;
  QLabel* gpus_;
  QPushButton* ok_;
};

}  // namespace headroom::ui
