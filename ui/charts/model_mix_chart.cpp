#include "ui/charts/model_mix_chart.h"

#include <QAreaSeries>
#include <QBrush>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

#include "ui/charts/model_mix_sampler.h"
#include "ui/charts/panel_chart_style.h"

namespace headroom::ui {

namespace {

// Colours of the groups in pool order: distinct hues (Tableau 10), so neighbouring areas stay apart.
constexpr std::array<QRgb, engine::kMaxPoolGroups> kGroupColours = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759,
                                                                      0xb07aa1, 0x9c755f, 0xff9da7, 0xbab0ac};

double tickStep(double span) {
  const double raw = span / 5.0;
  if (raw <= 0.0) return 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    if (factor * magnitude >= raw) return factor * magnitude;
  }
  return 10.0 * magnitude;
}

}  // namespace

ModelMixChart::ModelMixChart(QWidget* parent)
    : QChartView(parent),
      chart_(new QChart),
      reward_(new QLineSeries),
      axisX_(new QValueAxis),
      axisShare_(new QValueAxis),
      axisReward_(new QValueAxis) {
  stylePanelChart(*chart_);

  reward_->setName(tr("mean reward"));
  reward_->setPen(QPen(QColor(0x21, 0x21, 0x21), 2.0));
  reward_->setUseOpenGL(false);
  chart_->addSeries(reward_);

  setUpTimeAxis(*axisX_);
  axisShare_->setTitleText(tr("%"));
  axisShare_->setRange(0.0, 100.0);
  axisShare_->setLabelFormat(QStringLiteral("%.0f"));
  axisShare_->setTickType(QValueAxis::TicksDynamic);
  axisShare_->setTickAnchor(0.0);
  axisShare_->setTickInterval(25.0);
  axisReward_->setTitleText(tr("reward"));
  axisReward_->setLabelFormat(QStringLiteral("%.2g"));
  axisReward_->setRange(0.0, 1.0);
  axisReward_->setTickType(QValueAxis::TicksDynamic);
  axisReward_->setTickAnchor(0.0);
  axisReward_->setTickInterval(0.25);
  useSmallAxisFonts({axisX_, axisShare_, axisReward_});
  chart_->addAxis(axisX_, Qt::AlignBottom);
  chart_->addAxis(axisShare_, Qt::AlignLeft);
  chart_->addAxis(axisReward_, Qt::AlignRight);
  reward_->attachAxis(axisX_);
  reward_->attachAxis(axisReward_);
  setChart(chart_);
  setRenderHint(QPainter::Antialiasing, true);
  setMinimumSize(220, 160);
}

void ModelMixChart::ensureGroups(const std::vector<std::string>& names) {
  if (names == names_) return;
  for (std::size_t g = 0; g < areas_.size(); ++g) {
    chart_->removeSeries(areas_[g]);
    delete areas_[g];
    delete uppers_[g];
    delete lowers_[g];
  }
  areas_.clear();
  uppers_.clear();
  lowers_.clear();
  names_ = names;
  for (std::size_t g = 0; g < names.size() && g < engine::kMaxPoolGroups; ++g) {
    auto* upper = new QLineSeries(this);
    auto* lower = new QLineSeries(this);
    auto* area = new QAreaSeries(upper, lower);
    area->setName(QString::fromStdString(names[g]));
    const QColor colour(kGroupColours[g]);
    area->setBrush(QBrush(colour));
    area->setPen(QPen(colour.darker(115), 0.8));
    area->setUseOpenGL(false);
    chart_->addSeries(area);
    area->attachAxis(axisX_);
    area->attachAxis(axisShare_);
    areas_.push_back(area);
    uppers_.push_back(upper);
    lowers_.push_back(lower);
  }
  // The reward line is drawn over the areas.
  chart_->removeSeries(reward_);
  chart_->addSeries(reward_);
  reward_->attachAxis(axisX_);
  reward_->attachAxis(axisReward_);
}

void ModelMixChart::update(const engine::Snapshot& snapshot, std::size_t classIndex, double windowS) {
  if (classIndex >= snapshot.classes.size() || snapshot.groupNames.empty()) {
    clearData();
    return;
  }
  ensureGroups(snapshot.groupNames);
  const QString title = tr("%1 — model mix (% of completions)").arg(QString::fromStdString(snapshot.classes[classIndex].name));
  if (chart_->title() != title) chart_->setTitle(title);

  const double nowS = engine::toSeconds(snapshot.time);
  const double stepX = tickStep(windowS);
  const double toS = std::max(stepX, std::ceil(nowS / stepX - 1e-9) * stepX);
  const double fromS = std::max(0.0, toS - windowS);
  const ModelMixPoints points =
      sampleModelMix(*snapshot.series, classIndex, areas_.size(), fromS, nowS, kMaxPoints);

  // The largest reward of a class is its weight; the axis grows in steps of 0.5 so it rarely moves.
  const double topReward = std::max(1.0, std::ceil(points.maxReward * 1.1 * 2.0) / 2.0);
  if (axisX_->min() != fromS || axisX_->max() != toS || axisReward_->max() != topReward) {
    for (auto* lines : {&uppers_, &lowers_}) {
      for (auto* line : *lines) {
        if (line->count() > 0) line->replace(QList<QPointF>{});
      }
    }
    if (reward_->count() > 0) reward_->replace(QList<QPointF>{});
    if (axisX_->tickInterval() != stepX) axisX_->setTickInterval(stepX);
    axisX_->setRange(fromS, toS);
    axisReward_->setTickInterval(topReward > 1.0 ? 0.5 : 0.25);
    axisReward_->setRange(0.0, topReward);
  }
  const qsizetype count = points.meanReward.size();
  QList<QPointF> cumulative;
  cumulative.reserve(count);
  for (const QPointF& point : points.meanReward) cumulative.append(QPointF(point.x(), 0.0));
  for (std::size_t g = 0; g < uppers_.size(); ++g) {
    lowers_[g]->replace(cumulative);
    const auto& share = points.shareByGroup[g];
    for (qsizetype i = 0; i < count; ++i) cumulative[i].ry() += share[i].y() * 100.0;
    uppers_[g]->replace(cumulative);
  }
  reward_->replace(points.meanReward);
}

void ModelMixChart::clearData() {
  for (auto* lines : {&uppers_, &lowers_}) {
    for (auto* line : *lines) line->replace(QList<QPointF>{});
  }
  reward_->replace(QList<QPointF>{});
}

void ModelMixChart::setCompact(bool compact) {
  for (auto* axis : {axisX_, axisShare_, axisReward_}) axis->setTitleVisible(!compact);
}

QString ModelMixChart::groupName(int group) const {
  return group >= 0 && group < groupCount() ? areas_[static_cast<std::size_t>(group)]->name() : QString();
}

QList<QPointF> ModelMixChart::shares(int group) const {
  if (group < 0 || group >= groupCount()) return {};
  const auto* area = areas_[static_cast<std::size_t>(group)];
  const QList<QPointF> upper = area->upperSeries()->points();
  const QList<QPointF> lower = area->lowerSeries()->points();
  QList<QPointF> shares;
  for (qsizetype i = 0; i < upper.size() && i < lower.size(); ++i) {
    shares.append(QPointF(upper[i].x(), (upper[i].y() - lower[i].y()) / 100.0));
  }
  return shares;
}

QList<QPointF> ModelMixChart::meanRewards() const { return reward_->points(); }

QString ModelMixChart::titleText() const { return chart_->title(); }

}  // namespace headroom::ui
