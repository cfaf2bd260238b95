// The planner's Export…: the plan shown in the planner panel written as the Kustomize directory
// `headroom-cli deploy` writes for it (the same bytes), with replicas and shares from the plan; refusals
// (over the GPU budget, a directory deploy did not write, a constant executor, a bad serve
// configuration) say why in red and write nothing; the dialog's values become the deploy options, and OK
// waits for a directory.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <memory>

#include <yaml-cpp/yaml.h>

#include "engine/exec/modeled/model_shape.h"
#include "engine/io/json_input.h"
#include "serve/fleet/fleet_manifests.h"
#include "solver/planner.h"
#include "solver/planning_file.h"
#include "support/cli_run.h"
#include "support/planner_fixtures.h"
#include "ui/bridge/engine_bridge.h"
#include "ui/dialogs/deploy_export_dialog.h"
#include "ui/planner/plan_export.h"
#include "ui/planner/plan_setup.h"
#include "ui/widgets/planner_panel.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

const QString kSourceDir = QStringLiteral(HEADROOM_SOURCE_DIR_FOR_TESTS);

// A planner run as the panel shows it, without measuring curves: the scenario's executor is the one
// mode (`model` on h100-sxm, or the constant executor when `model` is empty) and the curves and classes
// are the seed example's (resources/plans/seed-example.json), whose priority plan is 3 instances.
PlannerOutcomePtr outcomeFor(const std::string& model, std::int32_t tensorParallel = 0) {
  engine::Scenario scenario = test::plannableScenario("export");
  if (!model.empty()) {
    scenario.executor = engine::ExecutorSpec{};
    scenario.executor.kind = engine::ExecutorKind::Modeled;
    scenario.executor.model = model;
    scenario.executor.hardware = "h100-sxm";
    scenario.executor.tensorParallel = tensorParallel;
  }
  auto outcome = std::make_shared<PlannerOutcome>();
  outcome->planning = planningScenarioFor(scenario, 8);
  outcome->input = solver::loadPlanningFile((kSourceDir + "/resources/plans/seed-example.json").toStdString());
  outcome->input.modes.front().name = outcome->planning.modes.front().name;
  outcome->report = solver::planCapacity(outcome->input, solver::PlanOptions{});
  return outcome;
}

// A panel showing `outcome` as if its planner run had just finished.
struct ShownPlan {
  EngineBridge bridge;
  PlannerPanel panel{&bridge};

  explicit ShownPlan(const PlannerOutcomePtr& outcome) {
    bridge.setScenario(outcome->planning.scenario);
    emit panel.task()->planned(outcome);
  }

  // Whether the status line is shown as an error (red).
  bool statusIsError() const {
    for (const QLabel* label : panel.findChildren<QLabel*>()) {
      if (label->text() == panel.statusText()) return label->styleSheet().contains(QStringLiteral("color"));
    }
    return false;
  }
};

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

YAML::Node loadYaml(const QString& path) { return YAML::Load(readAll(path).toStdString()); }

QStringList filesIn(const QString& directory) {
  return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// The plan's requests per second of class `cls` over all its instances.
double planRate(const solver::Plan& plan, std::size_t cls) {
  double sum = 0.0;
  for (const solver::PlannedInstance& instance : plan.instances) sum += instance.ratePerS.at(cls);
  return sum;
}

}  // namespace

class TestDeployExport : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const PlannerOutcomePtr outcome = outcomeFor("llama-3.1-8b");
    QVERIFY(outcome->report.recommended.solutionFound);
    QCOMPARE(outcome->report.recommended.instancesTotal, 3);
  }

  // The mapping comes from the planned executor; a degree of 0 is the model file's default.
  void modesComeFromThePlannedExecutor() {
    const PlannerOutcomePtr defaulted = outcomeFor("llama-3.1-70b", 0);
    const auto modes = fleetModesFor(defaulted->planning, fleetPlanFor(*defaulted));
    QCOMPARE(modes.size(), std::size_t{1});
    QCOMPARE(modes[0].mode, std::string("llama-3.1-70b@h100-sxm"));
    QCOMPARE(modes[0].model, std::string("llama-3.1-70b"));
    QCOMPARE(modes[0].hardware, std::string("h100-sxm"));
    QCOMPARE(modes[0].tensorParallel, engine::loadModelShape("llama-3.1-70b").defaultTensorParallel);
    QVERIFY(modes[0].tensorParallel > 1);

    const PlannerOutcomePtr explicitDegree = outcomeFor("llama-3.1-70b", 8);
    QCOMPARE(fleetModesFor(explicitDegree->planning, fleetPlanFor(*explicitDegree)).at(0).tensorParallel, 8);
  }

  void exportWritesThePlansReplicasAndShares() {
    QTemporaryDir dir;
    const PlannerOutcomePtr outcome = outcomeFor("llama-3.1-8b");
    ShownPlan shown(outcome);
    QVERIFY(shown.panel.exportButton()->isEnabled());
    const QString out = dir.filePath(QStringLiteral("fleet"));
    QVERIFY2(shown.panel.exportPlan(out.toStdString(), serve::FleetOptions{}), qPrintable(shown.panel.statusText()));
    QVERIFY(!shown.statusIsError());

    const YAML::Node kustomization = loadYaml(out + "/kustomization.yaml");
    QCOMPARE(kustomization["kind"].as<std::string>(), std::string("Kustomization"));
    const QStringList files = filesIn(out);
    QCOMPARE(static_cast<qsizetype>(kustomization["resources"].size()) + 1, files.size());
    const QString status = shown.panel.statusText();
    QVERIFY2(status.contains(QStringLiteral("kubectl kustomize %1").arg(QDir::toNativeSeparators(out))), qPrintable(status));
    QVERIFY2(status.contains(QString::number(files.size())), qPrintable(status));

    const QString mode = QStringLiteral("headroom-serve-llama-3-1-8b-h100-sxm");
    const YAML::Node deployment = loadYaml(out + "/" + mode + "-deployment.yaml");
    QCOMPARE(deployment["kind"].as<std::string>(), std::string("Deployment"));
    QCOMPARE(deployment["spec"]["replicas"].as<int>(), outcome->report.recommended.instancesTotal);
    const YAML::Node container = deployment["spec"]["template"]["spec"]["containers"][0];
    QCOMPARE(container["image"].as<std::string>(), serve::defaultFleetImage());
    QCOMPARE(container["resources"]["limits"]["nvidia.com/gpu"].as<std::string>(), std::string("1"));
    const QJsonObject serveConfig = QJsonDocument::fromJson(QByteArray::fromStdString(
        loadYaml(out + "/" + mode + "-config.yaml")["stringData"]["serve.json"].as<std::string>())).object();
    QCOMPARE(serveConfig["model"].toString(), QStringLiteral("llama-3.1-8b"));
    QCOMPARE(serveConfig["hardware"].toString(), QStringLiteral("h100-sxm"));

    const QJsonObject route = QJsonDocument::fromJson(QByteArray::fromStdString(
        loadYaml(out + "/router-config.yaml")["stringData"]["route.json"].as<std::string>())).object();
    QCOMPARE(route["routing"][QStringLiteral("policy")].toString(), QStringLiteral("weighted"));
    const auto& classes = outcome->input.classes;
    for (std::size_t c = 0; c < classes.size(); ++c) {
      const QJsonArray shares = route["routing"][QStringLiteral("shares")][QString::fromStdString(classes[c].name)].toArray();
      QCOMPARE(shares.size(), 1);
      QVERIFY(shares[0].toDouble() > 0.0);
      QVERIFY2(std::abs(shares[0].toDouble() - planRate(outcome->report.recommended, c)) < 1e-12, classes[c].name.c_str());
    }
    QVERIFY(!QFileInfo::exists(out + "/gpu-quota.yaml"));

    // A directory the export wrote is replaced by the next one, the Gateway API target adding its kinds.
    serve::FleetOptions gateway;
    gateway.target = serve::FleetTarget::GatewayApi;
    gateway.gateway = "edge-gateway";
    QVERIFY2(shown.panel.exportPlan(out.toStdString(), gateway), qPrintable(shown.panel.statusText()));
    const YAML::Node httpRoute = loadYaml(out + "/httproute.yaml");
    QCOMPARE(httpRoute["spec"]["parentRefs"][0]["name"].as<std::string>(), std::string("edge-gateway"));
    QVERIFY(QFileInfo::exists(out + "/" + mode + "-inferencepool.yaml"));
  }

  // The console's export and `headroom-cli deploy` on the same plan JSON write the same bytes.
  void exportIsWhatDeployWrites() {
    QTemporaryDir dir;
    const PlannerOutcomePtr outcome = outcomeFor("llama-3.1-8b");
    const QString planPath = dir.filePath(QStringLiteral("plan.json"));
    {
      QFile plan(planPath);
      QVERIFY(plan.open(QIODevice::WriteOnly));
      plan.write(QByteArray::fromStdString(planJsonFor(*outcome).dump(2)));
    }
    const QString mode = QString::fromStdString(outcome->planning.modes.front().name);
    const test::CliRun run = test::runCli({"deploy", planPath, "--out", dir.filePath("cli"), "--mode-map",
                                           mode + "=llama-3.1-8b@h100-sxm", "--gpu-budget", "4"});
    QVERIFY2(run.exitCode == 0, run.err.constData());

    ShownPlan shown(outcome);
    serve::FleetOptions options;
    options.gpuBudget = 4;
    options.planName = "plan.json";  // deploy names the plan file in each header
    QVERIFY2(shown.panel.exportPlan(dir.filePath("console").toStdString(), options), qPrintable(shown.panel.statusText()));
    const QStringList files = filesIn(dir.filePath("cli"));
    QCOMPARE(filesIn(dir.filePath("console")), files);
    QVERIFY(files.contains(QStringLiteral("gpu-quota.yaml")));
    for (const QString& file : files) {
      QVERIFY2(readAll(dir.filePath("console/" + file)) == readAll(dir.filePath("cli/" + file)), qPrintable(file));
    }
  }

  void overTheBudgetIsRefusedWithBothFigures() {
    QTemporaryDir dir;
    ShownPlan shown(outcomeFor("llama-3.1-70b"));  // 3 instances x 4 GPUs
    serve::FleetOptions options;
    options.gpuBudget = 8;
    const QString out = dir.filePath(QStringLiteral("fleet"));
    QVERIFY(!shown.panel.exportPlan(out.toStdString(), options));
    const QString status = shown.panel.statusText();
    QVERIFY2(status.contains(QStringLiteral("needs 12 GPUs")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("budget is 8")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("nothing was written")), qPrintable(status));
    QVERIFY(shown.statusIsError());
    QVERIFY(!QFileInfo::exists(out));
  }

  void aDirectoryDeployDidNotWriteIsLeftAlone() {
    QTemporaryDir dir;
    ShownPlan shown(outcomeFor("llama-3.1-8b"));
    const QString out = dir.filePath(QStringLiteral("mine"));
    QVERIFY(QDir().mkpath(out));
    {
      QFile notes(out + "/notes.txt");
      QVERIFY(notes.open(QIODevice::WriteOnly));
      notes.write("mine");
    }
    QVERIFY(!shown.panel.exportPlan(out.toStdString(), serve::FleetOptions{}));
    QVERIFY(shown.statusIsError());
    QVERIFY2(shown.panel.statusText().contains(QStringLiteral("Not exported")), qPrintable(shown.panel.statusText()));
    QCOMPARE(filesIn(out), QStringList{QStringLiteral("notes.txt")});
    QCOMPARE(readAll(out + "/notes.txt"), QByteArray("mine"));
  }

  void aConstantExecutorHasNothingToDeploy() {
    QTemporaryDir dir;
    ShownPlan shown(outcomeFor({}));
    QVERIFY(shown.panel.exportButton()->isEnabled());
    const QString out = dir.filePath(QStringLiteral("fleet"));
    QVERIFY(!shown.panel.exportPlan(out.toStdString(), serve::FleetOptions{}));
    const QString status = shown.panel.statusText();
    QVERIFY2(status.contains(QStringLiteral("constant executor")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("model and hardware")), qPrintable(status));
    QVERIFY(shown.statusIsError());
    QVERIFY(!QFileInfo::exists(out));

    // The button says the same at once, without the dialog.
    shown.panel.exportButton()->click();
    QVERIFY(shown.panel.findChild<DeployExportDialog*>() == nullptr);
    QVERIFY2(shown.panel.statusText().contains(QStringLiteral("constant executor")), qPrintable(shown.panel.statusText()));
  }

  void aBadServeConfigurationIsRefused() {
    QTemporaryDir dir;
    // Not JSON: the reader names the file.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    {
      QFile file(broken);
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write("{\"classes\": [");
    }
    DeployExportChoices choices;
    choices.serveConfigFile = broken.toStdString();
    try {
      (void)fleetOptionsFor(choices, {});
      QFAIL("a serve configuration that is not JSON was read");
    } catch (const engine::InputError& error) {
      QVERIFY2(QString::fromUtf8(error.what()).contains(broken), error.what());
    }

    // Valid, but without the plan's classes: refused by deploy's own check, nothing written.
    ShownPlan shown(outcomeFor("llama-3.1-8b"));
    serve::FleetOptions options;
    const std::filesystem::path config = (kSourceDir + "/resources/serving/serve.json").toStdString();
    options.serveConfig = engine::JsonInput::loadFile(config);
    options.serveConfigFile = config;
    const QString out = dir.filePath(QStringLiteral("fleet"));
    QVERIFY(!shown.panel.exportPlan(out.toStdString(), options));
    const QString status = shown.panel.statusText();
    QVERIFY2(status.contains(QStringLiteral("serve.json")) && status.contains(QStringLiteral("user1")), qPrintable(status));
    QVERIFY(shown.statusIsError());
    QVERIFY(!QFileInfo::exists(out));
  }

  void exportNeedsASolvedPlan() {
    EngineBridge bridge;
    bridge.setScenario(test::plannableScenario());
    PlannerPanel panel(&bridge);
    QVERIFY(!panel.exportButton()->isEnabled());
    QTemporaryDir dir;
    QVERIFY(!panel.exportPlan(dir.filePath("fleet").toStdString(), serve::FleetOptions{}));
    QVERIFY(!QFileInfo::exists(dir.filePath("fleet")));
  }

  // The dialog: the mapping and the GPUs shown, the target's explanation and gateway field, the budget
  // live against the plan, OK only with a directory, and its values as deploy's options.
  void dialogValuesBecomeTheDeployOptions() {
    const PlannerOutcomePtr outcome = outcomeFor("llama-3.1-70b");
    const serve::FleetPlan plan = fleetPlanFor(*outcome);
    const auto modes = fleetModesFor(outcome->planning, plan);
    DeployExportDialog dialog(plan, modes);

    const QString mapping = dialog.mappingLabel()->text();
    QVERIFY2(mapping.contains(QStringLiteral("llama-3.1-70b@h100-sxm: llama-3.1-70b on h100-sxm, tensor-parallel degree 4, "
                                             "3 instance(s)")),
             qPrintable(mapping));
    QCOMPARE(dialog.gpusNeeded(), 12);
    QVERIFY(dialog.gpuLabel()->text().contains(QStringLiteral("12")));

    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.directoryEdit()->setText(QStringLiteral("   "));
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.directoryEdit()->setText(QStringLiteral("/tmp/fleet"));
    QVERIFY(dialog.okButton()->isEnabled());

    QVERIFY(!dialog.gatewayEdit()->isEnabled());
    const QString kustomizeText = dialog.targetExplanation()->text();
    dialog.targetBox()->setCurrentIndex(dialog.targetBox()->findData(static_cast<int>(serve::FleetTarget::GatewayApi)));
    QVERIFY(dialog.gatewayEdit()->isEnabled());
    QVERIFY(dialog.targetExplanation()->text() != kustomizeText);
    QVERIFY(dialog.targetExplanation()->text().contains(QStringLiteral("InferencePool")));

    QVERIFY(!dialog.budgetSpin()->isEnabled());
    QVERIFY(!dialog.choices().gpuBudget);
    dialog.budgetCheck()->setChecked(true);
    QVERIFY(dialog.budgetSpin()->isEnabled());
    dialog.budgetSpin()->setValue(8);
    QCOMPARE(dialog.gpuLabel()->text(), DeployExportDialog::gpuText(12, 8));
    QVERIFY(dialog.gpuLabel()->text().contains(QStringLiteral("over the budget")));
    QVERIFY(dialog.gpuLabel()->styleSheet().contains(QStringLiteral("color")));
    dialog.budgetSpin()->setValue(12);
    QVERIFY(!dialog.gpuLabel()->text().contains(QStringLiteral("over the budget")));
    QVERIFY(dialog.gpuLabel()->styleSheet().isEmpty());

    dialog.gatewayEdit()->setText(QStringLiteral("edge-gateway"));
    dialog.imageEdit()->setText(QStringLiteral(" registry.example/headroom:1 "));
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("serve.json"));
    {
      QFile file(config);
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write("{\"classes\": []}");
    }
    dialog.serveConfigEdit()->setText(config);
    const DeployExportChoices choices = dialog.choices();
    QCOMPARE(choices.directory, std::filesystem::path("/tmp/fleet"));
    const serve::FleetOptions options = fleetOptionsFor(choices, modes);
    QVERIFY(options.target == serve::FleetTarget::GatewayApi);
    QCOMPARE(options.image, std::string("registry.example/headroom:1"));
    QCOMPARE(options.gpuBudget, std::optional<std::int32_t>(12));
    QCOMPARE(options.gateway, std::string("edge-gateway"));
    QCOMPARE(options.modes.size(), std::size_t{1});
    QCOMPARE(options.modes[0].tensorParallel, 4);
    QVERIFY(options.serveConfig.has_value());
    QVERIFY(options.serveConfig->contains("classes"));
    QCOMPARE(options.serveConfigFile, std::filesystem::path(config.toStdString()));

    // Cleared, the image is deploy's default and there is no serve configuration.
    dialog.imageEdit()->clear();
    dialog.serveConfigEdit()->clear();
    const serve::FleetOptions defaults = fleetOptionsFor(dialog.choices(), modes);
    QCOMPARE(defaults.image, serve::defaultFleetImage());
    QVERIFY(!defaults.serveConfig);
  }

  // The button opens the dialog; accepted with a directory, the plan is written there, and the next
  // export offers the same choices.
  void exportButtonOpensTheDialogAndWrites() {
    QTemporaryDir dir;
    ShownPlan shown(outcomeFor("llama-3.1-8b"));
    const QString out = dir.filePath(QStringLiteral("fleet"));
    DeployExportChoices offered;
    bool sawDialog = false;
    // Runs inside the dialog's exec(): reads what it offers, then fills it in with `fill` and accepts.
    const auto answer = [&](const std::function<void(DeployExportDialog*)>& fill) {
      QTimer::singleShot(0, &shown.panel, [&, fill] {
        auto* dialog = shown.panel.findChild<DeployExportDialog*>();
        if (dialog == nullptr) {
          if (QWidget* modal = QApplication::activeModalWidget()) modal->close();
          return;
        }
        sawDialog = true;
        offered = dialog->choices();
        fill(dialog);
        dialog->okButton()->click();
      });
    };

    answer([&](DeployExportDialog* dialog) {
      dialog->targetBox()->setCurrentIndex(dialog->targetBox()->findData(static_cast<int>(serve::FleetTarget::GatewayApi)));
      dialog->budgetCheck()->setChecked(true);
      dialog->budgetSpin()->setValue(5);
      dialog->directoryEdit()->setText(out);
    });
    shown.panel.exportButton()->click();
    QVERIFY(sawDialog);
    QVERIFY(offered.directory.empty());
    QVERIFY(!offered.gpuBudget);
    QVERIFY2(QFileInfo::exists(out + "/kustomization.yaml"), qPrintable(shown.panel.statusText()));
    QVERIFY(QFileInfo::exists(out + "/httproute.yaml"));
    QCOMPARE(loadYaml(out + "/gpu-quota.yaml")["spec"]["hard"]["requests.nvidia.com/gpu"].as<std::string>(), std::string("5"));
    QVERIFY(!shown.statusIsError());

    sawDialog = false;
    answer([](DeployExportDialog*) {});
    shown.panel.exportButton()->click();
    QVERIFY(sawDialog);
    QCOMPARE(offered.directory, std::filesystem::path(out.toStdString()));
    QVERIFY(offered.target == serve::FleetTarget::GatewayApi);
    QCOMPARE(offered.gpuBudget, std::optional<std::int32_t>(5));
    QCOMPARE(offered.image, serve::defaultFleetImage());
    QVERIFY2(shown.panel.statusText().contains(QStringLiteral("kubectl kustomize")), qPrintable(shown.panel.statusText()));
  }
};

QTEST_MAIN(TestDeployExport)
#include "tst_deploy_export.moc"
