#include "ui/widgets/class_figures_panel.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <limits>

#include "ui/charts/series_sampler.h"

namespace headroom::ui {

namespace {

constexpr std::size_t kAllClasses = std::numeric_limits<std::size_t>::max();

QLabel* makeLabel(QWidget* parent, double scale, bool bold) {
  auto* label = new QLabel(parent);
  QFont font = label->font();
  font.setPointSizeF(font.pointSizeF() * scale);
  font.setBold(bold);
  label->setFont(font);
  label->setTextFormat(Qt::PlainText);
  return label;
}

}  // namespace

FigureTile::FigureTile(QWidget* parent) : QFrame(parent) {
  setFrameShape(QFrame::StyledPanel);
  setObjectName(QStringLiteral("figureTile"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 6, 8, 6);
  layout->setSpacing(1);
  name_ = makeLabel(this, 1.05, true);
  attainment_ = makeLabel(this, 2.2, true);
  target_ = makeLabel(this, 0.85, false);
  goodput_ = makeLabel(this, 1.0, false);
  throughput_ = makeLabel(this, 1.0, false);
  relegated_ = makeLabel(this, 1.0, false);
  reward_ = makeLabel(this, 1.0, true);
  reward_->setObjectName(QStringLiteral("meanReward"));
  reward_->setToolTip(tr("Mean reward per completed request: the class's reward weight × the serving model's "
                         "accuracy on the request's task when it met its SLO, else 0"));
  reward_->hide();
  for (auto* label : {name_, attainment_, target_, goodput_, throughput_, relegated_, reward_}) layout->addWidget(label);
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void FigureTile::setFigures(const QString& name, std::optional<double> attainment, double targetShare, double goodputPerS,
                      double tokensPerS, std::int64_t relegated) {
  const QLocale locale;
  name_->setText(name);
  belowTarget_ = attainment && *attainment < targetShare;
  hasAttainment_ = attainment.has_value();
  if (attainment) {
    attainment_->setText(tr("%1 %").arg(locale.toString(*attainment * 100.0, 'f', 1)));
  } else {
    attainment_->setText(tr("—"));
  }
  target_->setText(tr("SLO met · target %1 %").arg(locale.toString(targetShare * 100.0, 'g', 4)));
  goodput_->setText(tr("goodput %1 req/s").arg(locale.toString(goodputPerS, 'f', 2)));
  throughput_->setText(tr("%1 tokens/s").arg(locale.toString(tokensPerS, 'f', 0)));
  relegated_->setText(tr("%n relegated", nullptr, static_cast<int>(relegated)));
  hasRelegated_ = relegated > 0;
  applyColours();
}

void FigureTile::setMeanReward(bool shown, std::optional<double> meanReward) {
  if (reward_->isHidden() == shown) reward_->setVisible(shown);
  if (!shown) return;
  const QString text = meanReward ? tr("mean reward %1").arg(QLocale().toString(*meanReward, 'f', 3))
                                  : tr("mean reward —");
  if (reward_->text() != text) reward_->setText(text);
}

QString FigureTile::meanRewardText() const { return reward_->isHidden() ? QString() : reward_->text(); }

void FigureTile::setStale(bool stale) {
  if (stale_ == stale) return;
  stale_ = stale;
  applyColours();
}

void FigureTile::applyColours() {
  // A style sheet re-polishes its label even when unchanged: set only what changed (this runs every frame).
  const auto style = [](QLabel* label, const QString& sheet) {
    if (label->styleSheet() != sheet) label->setStyleSheet(sheet);
  };
  const QString grey = QStringLiteral("#9e9e9e");
  colour_ = stale_           ? grey
            : !hasAttainment_ ? QStringLiteral("#757575")
            : belowTarget_    ? QStringLiteral("#c62828")
                              : QStringLiteral("#2e7d32");
  style(attainment_, QStringLiteral("color: %1;").arg(colour_));
  const QString others = stale_ ? QStringLiteral("color: %1;").arg(grey) : QString();
  for (QLabel* label : {name_, target_, goodput_, throughput_, reward_}) style(label, others);
  style(relegated_, stale_ ? others : hasRelegated_ ? QStringLiteral("color: #ef6c00;") : QString());
}

QString FigureTile::attainmentText() const { return attainment_->text(); }

ClassFiguresPanel::ClassFiguresPanel(QWidget* parent) : QWidget(parent), layout_(new QGridLayout(this)) {
  layout_->setContentsMargins(0, 0, 0, 0);
  layout_->setSpacing(6);
}

void ClassFiguresPanel::ensureTiles(std::size_t classCount) {
  const std::size_t wanted = classCount + 1;
  if (tiles_.size() == wanted) return;
  for (auto* tile : tiles_) delete tile;
  tiles_.clear();
  const int columns = wanted <= 5 ? static_cast<int>(wanted) : static_cast<int>((wanted + 1) / 2);
  for (std::size_t i = 0; i < wanted; ++i) {
    auto* tile = new FigureTile(this);
    tile->setStale(stale_);
    tiles_.push_back(tile);
    layout_->addWidget(tile, static_cast<int>(i) / columns, static_cast<int>(i) % columns);
  }
}

void ClassFiguresPanel::setStale(bool stale) {
  stale_ = stale;
  for (auto* tile : tiles_) tile->setStale(stale);
}

void ClassFiguresPanel::update(const engine::RunnerView& view) {
  if (!view.metrics) return;
  const auto& metrics = *view.metrics;
  ensureTiles(metrics.classes.size());
  const double elapsedS = std::max(view.simulatedS, 0.0);
  const double nowS = engine::toSeconds(metrics.time);
  const bool tiers = !metrics.groupNames.empty();
  std::int64_t relegated = 0;
  double rewardSum = 0.0;
  double worstTarget = 0.0;
  for (std::size_t c = 0; c < metrics.classes.size(); ++c) {
    const auto& cls = metrics.classes[c];
    const double target = cls.slo.percentile / 100.0;
    worstTarget = std::max(worstTarget, target);
    const double goodput = elapsedS > 0.0 ? static_cast<double>(cls.sloMet) / elapsedS : 0.0;
    tiles_[c]->setFigures(QString::fromStdString(cls.name), cls.attainment, target, goodput,
                    recentTokensPerS(*metrics.series, c, nowS, kThroughputSpanS), cls.relegated);
    tiles_[c]->setMeanReward(tiers, cls.meanReward);
    relegated += cls.relegated;
    rewardSum += cls.rewardSum;
  }
  std::optional<double> overall;
  if (metrics.completed > 0) overall = static_cast<double>(metrics.sloMet) / static_cast<double>(metrics.completed);
  tiles_.back()->setFigures(tr("All classes"), overall, worstTarget, metrics.goodputPerS(elapsedS),
                      recentTokensPerS(*metrics.series, kAllClasses, nowS, kThroughputSpanS), relegated);
  // Over all classes: the rewards of every completion over the completions (the classes' means weighted
  // by their completions).
  std::optional<double> overallReward;
  if (metrics.completed > 0) overallReward = rewardSum / static_cast<double>(metrics.completed);
  tiles_.back()->setMeanReward(tiers, overallReward);
}

}  // namespace headroom::ui
