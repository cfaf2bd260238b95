#pragma once

#include <QObject>
#include <QString>

#include <memory>

#include <spdlog/common.h>

namespace headroom::ui {

// Severity of a log line as the console shows it.
enum class LogLevel : int { Trace, Debug, Info, Warning, Error, Critical };

// Receives spdlog records on the UI thread. install() adds a sink to spdlog's default logger; the sink
// (which may run on any thread, engine threads included) formats the record and posts it to this object
// with a queued signal, so no engine thread calls into a widget. Destroying the forwarder detaches the
// sink: records logged afterwards are dropped.
class LogForwarder : public QObject {
  Q_OBJECT

 public:
  explicit LogForwarder(QObject* parent = nullptr);
  ~LogForwarder() override;

  // Adds the forwarding sink to spdlog's default logger (once) and lets records at `level` and above through.
  void install(spdlog::level::level_enum level = spdlog::level::info);

 signals:
  // Queued to the thread this object lives on.
  void record(headroom::ui::LogLevel level, const QString& timeText, const QString& message);

 private:
  struct Shared;
  std::shared_ptr<Shared> shared_;
  bool installed_ = false;
};

}  // namespace headroom::ui

Q_DECLARE_METATYPE(headroom::ui::LogLevel)
