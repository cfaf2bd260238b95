#pragma once

#include <initializer_list>

class QChart;
class QValueAxis;

namespace headroom::ui {

// The look every per-class chart of the dashboard shares: tight margins, square corners, a smaller
// legend below, a bold title. Plain functions; UI thread only.
void stylePanelChart(QChart& chart);
// The x axis of virtual time in whole seconds, ticks anchored at 0.
void setUpTimeAxis(QValueAxis& axis);
// Axis labels and titles at the legend's smaller size.
void useSmallAxisFonts(std::initializer_list<QValueAxis*> axes);

}  // namespace headroom::ui
