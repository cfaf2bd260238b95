#include "ui/widgets/replay_controls.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include <cmath>

namespace headroom::ui {

QString clockText(double seconds) {
  const auto total = static_cast<long long>(std::floor(std::max(seconds, 0.0)));
  const long long hours = total / 3600;
  const long long minutes = (total / 60) % 60;
  const long long secs = total % 60;
  if (hours > 0) {
    return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(secs, 2, 10, QLatin1Char('0'));
  }
  return QStringLiteral("%1:%2").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
}

ReplayControls::ReplayControls(QAction* playPause, QAction* step, QAction* stop, QAction* restart, QWidget* parent)
    : QWidget(parent), speed_(new QComboBox(this)), time_(new QLabel(this)), progress_(new QProgressBar(this)) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  for (QAction* action : {playPause, step, stop, restart}) {
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    layout->addWidget(button);
  }
  auto* speedLabel = new QLabel(tr("Speed:"), this);
  speedLabel->setBuddy(speed_);
  layout->addSpacing(8);
  layout->addWidget(speedLabel);
  speed_->addItem(tr("1× (real time)"), static_cast<int>(ReplaySpeed::RealTime));
  speed_->addItem(tr("10×"), static_cast<int>(ReplaySpeed::Times10));
  speed_->addItem(tr("100×"), static_cast<int>(ReplaySpeed::Times100));
  speed_->addItem(tr("As fast as possible"), static_cast<int>(ReplaySpeed::Max));
  speed_->setToolTip(tr("Virtual seconds replayed per wall-clock second"));
  layout->addWidget(speed_);
  layout->addSpacing(8);
  QFont mono = time_->font();
  mono.setFamily(QStringLiteral("monospace"));
  mono.setStyleHint(QFont::Monospace);
  time_->setFont(mono);
  time_->setText(tr("%1 / %2").arg(clockText(0), clockText(0)));
  time_->setToolTip(tr("Virtual time elapsed / scenario length"));
  layout->addWidget(time_);
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  progress_->setTextVisible(true);
  progress_->setFormat(QStringLiteral("%p %"));
  progress_->setMinimumWidth(160);
  layout->addWidget(progress_, 1);
  connect(speed_, &QComboBox::currentIndexChanged, this,
          [this] { emit speedChosen(static_cast<ReplaySpeed>(speed_->currentData().toInt())); });
}

void ReplayControls::setSpeed(ReplaySpeed speed) {
  const int index = speed_->findData(static_cast<int>(speed));
  if (index >= 0 && index != speed_->currentIndex()) speed_->setCurrentIndex(index);
}

ReplaySpeed ReplayControls::speed() const { return static_cast<ReplaySpeed>(speed_->currentData().toInt()); }

void ReplayControls::update(const engine::RunnerView& view) {
  time_->setText(tr("%1 / %2").arg(clockText(view.simulatedS), clockText(view.durationS)));
  progress_->setValue(static_cast<int>(std::lround(std::clamp(view.progress, 0.0, 1.0) * 1000.0)));
}

QString ReplayControls::timeText() const { return time_->text(); }

int ReplayControls::progressPercent() const { return progress_->value() / 10; }

}  // namespace headroom::ui
