#pragma once

class QDockWidget;
class QMainWindow;
class QMenu;

namespace headroom::ui {

class EngineBridge;
class PlannerPanel;
class ReplanPanel;
class ScenarioEditor;

// The scenario editor and planner docks of the main window.
struct PlanningDocks {
  QDockWidget* scenario = nullptr;
  QDockWidget* planner = nullptr;
  ScenarioEditor* editor = nullptr;
  PlannerPanel* plannerPanel = nullptr;
  ReplanPanel* replanPanel = nullptr;  // below the planner: a connected router's live recommendation
};

// Creates both docks over `bridge`, tabbed with `tabWith` (when given), and lists them in `viewMenu`.
PlanningDocks addPlanningDocks(QMainWindow* window, EngineBridge* bridge, QDockWidget* tabWith, QMenu* viewMenu);

}  // namespace headroom::ui
