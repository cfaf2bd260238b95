#include "ui/charts/panel_chart_style.h"

#include <QChart>
#include <QCoreApplication>
#include <QFont>
#include <QLegend>
#include <QValueAxis>

namespace headroom::ui {

namespace {

constexpr double kSmallFontScale = 0.85;

}  // namespace

void stylePanelChart(QChart& chart) {
  chart.setMargins(QMargins(4, 4, 4, 4));
  chart.setBackgroundRoundness(0);
  chart.legend()->setAlignment(Qt::AlignBottom);
  QFont legendFont = chart.legend()->font();
  legendFont.setPointSizeF(legendFont.pointSizeF() * kSmallFontScale);
  chart.legend()->setFont(legendFont);
  QFont titleFont = chart.titleFont();
  titleFont.setBold(true);
  chart.setTitleFont(titleFont);
}

void setUpTimeAxis(QValueAxis& axis) {
  axis.setTitleText(QCoreApplication::translate("headroom::ui::PanelChart", "virtual time (s)"));
  axis.setLabelFormat(QStringLiteral("%.0f"));
  axis.setTickType(QValueAxis::TicksDynamic);
  axis.setTickAnchor(0.0);
}

void useSmallAxisFonts(std::initializer_list<QValueAxis*> axes) {
  if (axes.size() == 0) return;
  QFont font = (*axes.begin())->labelsFont();
  font.setPointSizeF(font.pointSizeF() * kSmallFontScale);
  for (QValueAxis* axis : axes) {
    axis->setLabelsFont(font);
    axis->setTitleFont(font);
  }
}

}  // namespace headroom::ui
