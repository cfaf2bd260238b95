#include "ui/widgets/dashboard.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "ui/charts/class_latency_chart.h"
#include "ui/charts/model_mix_chart.h"
#include "ui/widgets/class_figures_panel.h"
#include "ui/widgets/stale_banner.h"

namespace headroom::ui {

Dashboard::Dashboard(QWidget* parent)
    : QWidget(parent),
      figures_(new ClassFiguresPanel(this)),
      metric_(new QComboBox(this)),
      window_(new QComboBox(this)),
      staleBanner_(makeStaleBanner(this, QStringLiteral("staleBanner"))),
      chartArea_(new QWidget(this)),
      chartGrid_(new QGridLayout(chartArea_)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(staleBanner_);
  layout->addWidget(figures_);

  auto* options = new QHBoxLayout;
  auto* metricLabel = new QLabel(tr("Latency:"), this);
  metricLabel->setBuddy(metric_);
  metric_->setObjectName(QStringLiteral("latencyMetric"));
  metric_->addItem(tr("Each class's SLO metric"), kAutoMetric);
  metric_->addItem(tr("Queue time"), static_cast<int>(engine::LatencyMetric::Queue));
  metric_->addItem(tr("Time to first token"), static_cast<int>(engine::LatencyMetric::Ttft));
  metric_->addItem(tr("Time between tokens (as judged)"), static_cast<int>(engine::LatencyMetric::Tbt));
  metric_->setItemData(metric_->count() - 1,
                       tr("Each request's effective time between tokens against its token deadlines "
                          "(arrival + TTFT + (n − 1) × TBT): above the SLO line exactly when a token was late"),
                       Qt::ToolTipRole);
  metric_->addItem(tr("Time to last token"), static_cast<int>(engine::LatencyMetric::Ttlt));
  metric_->addItem(tr("Gap between tokens"), static_cast<int>(engine::LatencyMetric::TokenGap));
  metric_->setItemData(metric_->count() - 1,
                       tr("Every gap between two tokens; no SLO judges a single gap, so no SLO line is drawn"),
                       Qt::ToolTipRole);
  auto* windowLabel = new QLabel(tr("Window:"), this);
  windowLabel->setBuddy(window_);
  window_->addItem(tr("1 minute"), 60.0);
  window_->addItem(tr("5 minutes"), 300.0);
  window_->addItem(tr("10 minutes"), 600.0);
  window_->addItem(tr("1 hour"), 3600.0);
  window_->setCurrentIndex(1);
  options->addWidget(metricLabel);
  options->addWidget(metric_);
  options->addSpacing(12);
  options->addWidget(windowLabel);
  options->addWidget(window_);
  options->addStretch(1);
  layout->addLayout(options);

  chartGrid_->setContentsMargins(0, 0, 0, 0);
  chartGrid_->setSpacing(4);
  layout->addWidget(chartArea_, 1);

  connect(metric_, &QComboBox::currentIndexChanged, this, &Dashboard::redraw);
  connect(window_, &QComboBox::currentIndexChanged, this, &Dashboard::redraw);
}

bool Dashboard::setMetric(int metric) {
  const int index = metric_->findData(metric);
  if (index < 0) return false;
  metric_->setCurrentIndex(index);
  return true;
}

int Dashboard::metric() const { return metric_->currentData().toInt(); }

void Dashboard::setStale(bool stale, double lastUpdateS) {
  stale_ = stale;
  figures_->setStale(stale);
  if (stale) {
    const int seconds = static_cast<int>(lastUpdateS);
    staleBanner_->setText(tr("Disconnected: these figures are not live, last update %n s ago", nullptr, seconds));
  }
  staleBanner_->setVisible(stale);
}

QString Dashboard::staleText() const { return stale_ ? staleBanner_->text() : QString(); }

double Dashboard::windowS() const { return window_->currentData().toDouble(); }

void Dashboard::setWindowS(double windowS) {
  const int index = window_->findData(windowS);
  if (index >= 0) window_->setCurrentIndex(index);
}

void Dashboard::ensureCharts(std::size_t classCount) {
  if (charts_.size() == classCount) return;
  for (auto* cell : cells_) delete cell;
  cells_.clear();
  charts_.clear();
  mixCharts_.clear();
  const int columns = classCount <= 3 ? static_cast<int>(std::max<std::size_t>(classCount, 1))
                                      : (classCount == 4 ? 2 : static_cast<int>((classCount + 1) / 2));
  for (std::size_t i = 0; i < classCount; ++i) {
    auto* cell = new QWidget(chartArea_);
    auto* stack = new QVBoxLayout(cell);
    stack->setContentsMargins(0, 0, 0, 0);
    stack->setSpacing(2);
    auto* chart = new ClassLatencyChart(cell);
    chart->setCompact(classCount > 4);
    auto* mix = new ModelMixChart(cell);
    mix->setCompact(classCount > 4);
    mix->hide();
    stack->addWidget(chart, 3);
    stack->addWidget(mix, 2);
    cells_.push_back(cell);
    charts_.push_back(chart);
    mixCharts_.push_back(mix);
    chartGrid_->addWidget(cell, static_cast<int>(i) / columns, static_cast<int>(i) % columns);
  }
}

void Dashboard::update(std::shared_ptr<const engine::RunnerView> view) {
  lastView_ = std::move(view);
  redraw();
}

void Dashboard::clear() {
  lastView_.reset();
  for (auto* chart : charts_) chart->clearData();
  for (auto* mix : mixCharts_) mix->clearData();
}

void Dashboard::redraw() {
  if (!lastView_ || !lastView_->metrics) return;
  const auto& metrics = *lastView_->metrics;
  figures_->update(*lastView_);
  ensureCharts(metrics.classes.size());
  const int metricChoice = metric_->currentData().toInt();
  const double windowS = this->windowS();
  for (std::size_t c = 0; c < metrics.classes.size(); ++c) {
    const engine::LatencyMetric metric = metricChoice == kAutoMetric ? defaultMetric(metrics.classes[c].slo)
                                                                     : static_cast<engine::LatencyMetric>(metricChoice);
    charts_[c]->update(metrics, c, metric, windowS);
  }
  const bool tiers = !metrics.groupNames.empty();
  for (std::size_t c = 0; c < mixCharts_.size(); ++c) {
    if (mixCharts_[c]->isHidden() == tiers) mixCharts_[c]->setVisible(tiers);
    if (tiers) mixCharts_[c]->update(metrics, c, windowS);
  }
}

}  // namespace headroom::ui
