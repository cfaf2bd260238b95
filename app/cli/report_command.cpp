#include <QByteArray>
#include <QGuiApplication>
#include <QString>

#include <iostream>
#include <optional>
#include <stdexcept>

#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "app/cli/commands.h"
#include "engine/store/workspace.h"
#include "ui/report/report_document.h"
#include "ui/report/report_writer.h"

namespace headroom::cli {

namespace {

// Loads a run; an id the workspace does not hold is bad input, with the ids it does hold.
engine::RunRecord loadRun(const engine::Workspace& workspace, engine::RunId id) {
  try {
    return workspace.loadRun(id);
  } catch (const std::out_of_range&) {
    std::string known;
    for (const auto& run : workspace.runs()) known += (known.empty() ? "" : ", ") + std::to_string(run.id);
    throw std::invalid_argument(fmt::format("{}: no run with id {} (runs: {})", workspace.file().string(), id,
                                            known.empty() ? "none" : known));
  }
}

}  // namespace

int runReport(const ReportArgs& args) {
  const QString out = QString::fromStdString(args.outPath);
  if (!ui::reportFormatForPath(out)) {
    throw std::invalid_argument(fmt::format("--out {}: unknown report type; use one of {}", args.outPath,
                                            ui::reportSuffixesText().toStdString()));
  }
  std::optional<engine::Workspace> workspace;
  try {
    workspace.emplace(engine::Workspace::open(args.workspacePath));
  } catch (const engine::WorkspaceError& error) {
    throw std::invalid_argument(error.what());
  }
  engine::RunRecord run = loadRun(*workspace, args.runId);
  std::optional<engine::RunRecord> comparison;
  if (args.compareWith != 0) comparison = loadRun(*workspace, args.compareWith);

  // Reports paint text and charts with QtGui; the offscreen platform needs no display.
  qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
  int argc = 1;
  char name[] = "headroom-cli";
  char* argv[] = {name, nullptr};
  QGuiApplication application(argc, argv);

  spdlog::info("writing the report of run {} ({}) to {}", run.summary.id, run.summary.name, args.outPath);
  const bool hasPlan = run.plan.has_value();
  QString error;
  if (!ui::writeReport(ui::ReportDocument(std::move(run), std::move(comparison)), out, &error)) {
    throw std::runtime_error(error.toStdString());
  }
  std::cout << "wrote " << args.outPath;
  if (ui::reportFormatForPath(out) == ui::ReportFormat::Csv) {
    std::cout << (hasPlan ? ", " : " and ") << ui::totalsCsvPath(out).toStdString();
    if (hasPlan) std::cout << " and " << ui::planCsvPath(out).toStdString();
  }
  std::cout << '\n';
  return 0;
}

}  // namespace headroom::cli
