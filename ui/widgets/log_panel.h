#pragma once

#include <QWidget>

#include "ui/bridge/log_forwarder.h"

class QComboBox;
class QPlainTextEdit;

namespace headroom::ui {

// The log: lines from spdlog (through a LogForwarder) with a minimum-level filter; keeps the last
// kMaxLines lines. UI thread only.
class LogPanel : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kMaxLines = 5000;

  explicit LogPanel(QWidget* parent = nullptr);

  int lineCount() const;
  QString text() const;

 public slots:
  void append(headroom::ui::LogLevel level, const QString& timeText, const QString& message);
  void clear();

 private:
  QComboBox* level_;
  QPlainTextEdit* text_;
};

QString levelName(LogLevel level);

}  // namespace headroom::ui
