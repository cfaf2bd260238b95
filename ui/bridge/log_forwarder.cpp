#include "ui/bridge/log_forwarder.h"

#include <QMetaObject>

#include <mutex>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

namespace headroom::ui {

// State the sink and the forwarder share: the sink checks `target` under the mutex before posting.
struct LogForwarder::Shared {
  std::mutex mutex;
  LogForwarder* target = nullptr;
};

namespace {

LogLevel toLogLevel(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace: return LogLevel::Trace;
    case spdlog::level::debug: return LogLevel::Debug;
    case spdlog::level::info: return LogLevel::Info;
    case spdlog::level::warn: return LogLevel::Warning;
    case spdlog::level::err: return LogLevel::Error;
    case spdlog::level::critical: return LogLevel::Critical;
    default: return LogLevel::Info;
  }
}

template <typename Shared>
class ForwardingSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit ForwardingSink(std::weak_ptr<Shared> shared) : shared_(std::move(shared)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    auto shared = shared_.lock();
    if (!shared) return;
    const auto level = toLogLevel(msg.level);
    const auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(msg.time);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time - seconds).count();
    const std::time_t time = std::chrono::system_clock::to_time_t(msg.time);
    std::tm local{};
    localtime_r(&time, &local);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d.%03d", local.tm_hour, local.tm_min, local.tm_sec,
                  static_cast<int>(millis));
    const QString timeText = QString::fromLatin1(buffer);
    const QString message = QString::fromUtf8(msg.payload.data(), static_cast<qsizetype>(msg.payload.size()));
    std::lock_guard lock(shared->mutex);
    if (!shared->target) return;
    QMetaObject::invokeMethod(
        shared->target,
        [target = shared->target, level, timeText, message] { emit target->record(level, timeText, message); },
        Qt::QueuedConnection);
  }
  void flush_() override {}

 private:
  std::weak_ptr<Shared> shared_;
};

}  // namespace

LogForwarder::LogForwarder(QObject* parent) : QObject(parent), shared_(std::make_shared<Shared>()) {
  qRegisterMetaType<LogLevel>("headroom::ui::LogLevel");
  shared_->target = this;
}

LogForwarder::~LogForwarder() {
  std::lock_guard lock(shared_->mutex);
  shared_->target = nullptr;
}

void LogForwarder::install(spdlog::level::level_enum level) {
  if (installed_) return;
  auto sink = std::make_shared<ForwardingSink<Shared>>(shared_);
  sink->set_level(level);
  auto logger = spdlog::default_logger();
  logger->sinks().push_back(sink);
  if (logger->level() > level) logger->set_level(level);
  installed_ = true;
}

}  // namespace headroom::ui
