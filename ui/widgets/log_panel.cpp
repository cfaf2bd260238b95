#include "ui/widgets/log_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace headroom::ui {

QString levelName(LogLevel level) {
  switch (level) {
    case LogLevel::Trace: return LogPanel::tr("trace");
    case LogLevel::Debug: return LogPanel::tr("debug");
    case LogLevel::Info: return LogPanel::tr("info");
    case LogLevel::Warning: return LogPanel::tr("warning");
    case LogLevel::Error: return LogPanel::tr("error");
    case LogLevel::Critical: return LogPanel::tr("critical");
  }
  return {};
}

LogPanel::LogPanel(QWidget* parent) : QWidget(parent), level_(new QComboBox(this)), text_(new QPlainTextEdit(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* bar = new QHBoxLayout;
  auto* label = new QLabel(tr("Show from:"), this);
  label->setBuddy(level_);
  for (auto level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
    level_->addItem(levelName(level), static_cast<int>(level));
  }
  level_->setCurrentIndex(1);
  auto* clearButton = new QPushButton(tr("Clear"), this);
  bar->addWidget(label);
  bar->addWidget(level_);
  bar->addStretch(1);
  bar->addWidget(clearButton);
  layout->addLayout(bar);
  text_->setReadOnly(true);
  text_->setMaximumBlockCount(kMaxLines);
  text_->setLineWrapMode(QPlainTextEdit::NoWrap);
  QFont mono = text_->font();
  mono.setFamily(QStringLiteral("monospace"));
  mono.setStyleHint(QFont::Monospace);
  text_->setFont(mono);
  layout->addWidget(text_, 1);
  connect(clearButton, &QPushButton::clicked, this, &LogPanel::clear);
}

void LogPanel::append(LogLevel level, const QString& timeText, const QString& message) {
  if (static_cast<int>(level) < level_->currentData().toInt()) return;
  text_->appendPlainText(QStringLiteral("%1  %2  %3").arg(timeText, levelName(level).leftJustified(8), message));
}

void LogPanel::clear() { text_->clear(); }

int LogPanel::lineCount() const { return text_->document()->isEmpty() ? 0 : text_->blockCount(); }

QString LogPanel::text() const { return text_->toPlainText(); }

}  // namespace headroom::ui
