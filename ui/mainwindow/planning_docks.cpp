#include "ui/mainwindow/planning_docks.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QScrollArea>
#include <QSplitter>

#include "ui/widgets/planner_panel.h"
#include "ui/widgets/replan_panel.h"
#include "ui/widgets/scenario_editor.h"

namespace headroom::ui {

namespace {

// Docks share the window with the dashboard: their content scrolls rather than forcing a minimum size.
QScrollArea* scrolling(QWidget* content, QWidget* parent) {
  auto* area = new QScrollArea(parent);
  area->setWidgetResizable(true);
  area->setFrameShape(QFrame::NoFrame);
  area->setWidget(content);
  return area;
}

}  // namespace

PlanningDocks addPlanningDocks(QMainWindow* window, EngineBridge* bridge, QDockWidget* tabWith, QMenu* viewMenu) {
  PlanningDocks docks;
  docks.editor = new ScenarioEditor(bridge, window);
  docks.scenario = new QDockWidget(QCoreApplication::translate("PlanningDocks", "Scenario"), window);
  docks.scenario->setObjectName(QStringLiteral("scenarioDock"));
  docks.scenario->setWidget(scrolling(docks.editor, docks.scenario));
  // The planner and, below it, a connected router's live recommendation, each scrolling on its own: the
  // operator moves the split.
  auto* planning = new QSplitter(Qt::Vertical, window);
  planning->setObjectName(QStringLiteral("plannerSplitter"));
  docks.plannerPanel = new PlannerPanel(bridge, window);
  docks.replanPanel = new ReplanPanel(window);
  planning->addWidget(scrolling(docks.plannerPanel, planning));
  planning->addWidget(scrolling(docks.replanPanel, planning));
  planning->setStretchFactor(0, 3);
  planning->setStretchFactor(1, 2);
  planning->setChildrenCollapsible(false);
  docks.planner = new QDockWidget(QCoreApplication::translate("PlanningDocks", "Planner"), window);
  docks.planner->setObjectName(QStringLiteral("plannerDock"));
  docks.planner->setWidget(planning);
  for (QDockWidget* dock : {docks.scenario, docks.planner}) {
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (tabWith) window->tabifyDockWidget(tabWith, dock);
    if (viewMenu) viewMenu->addAction(dock->toggleViewAction());
  }
  if (tabWith) tabWith->raise();
  return docks;
}

}  // namespace headroom::ui
