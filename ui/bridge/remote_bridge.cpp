#include "ui/bridge/remote_bridge.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "engine/core/qos_class_json.h"
#include "net/upstream_client.h"
#include "serve/client/remote_admin.h"

namespace headroom::ui {

namespace {

using json = nlohmann::json;

serve::RemoteError failure(const serve::RemoteReply& reply) { return reply.error; }

// The classes of a GET /v1/headroom/admin/classes answer; empty when it cannot be read.
std::vector<engine::QosClass> classesOf(const std::string& body) {
  std::vector<engine::QosClass> out;
  const json root = json::parse(body, nullptr, false);
  if (!root.is_object() || !root.contains("classes") || !root["classes"].is_array()) return out;
  const engine::JsonInput input("the server's classes");
  for (std::size_t i = 0; i < root["classes"].size(); ++i) {
    try {
      out.push_back(engine::qosClassFromJson(input, root["classes"][i], engine::JsonPointer("/classes") / i, i));
    } catch (const engine::InputError& error) {
      spdlog::warn("skipping a class the server sent: {}", error.what());
    }
  }
  return out;
}

}  // namespace

QString remoteErrorText(const serve::RemoteError& error) {
  const QString detail = QString::fromStdString(error.detail);
  QString head;
  switch (error.kind) {
    case serve::RemoteErrorKind::None: return {};
    case serve::RemoteErrorKind::BadUrl:
      head = RemoteBridge::tr("The address must be http://host:port or https://host:port.");
      break;
    case serve::RemoteErrorKind::Unauthorized: head = RemoteBridge::tr("The server refused the key (401)."); break;
    case serve::RemoteErrorKind::Forbidden: head = RemoteBridge::tr("This key is not an admin key (403)."); break;
    case serve::RemoteErrorKind::Unreachable: head = RemoteBridge::tr("The server cannot be reached."); break;
    case serve::RemoteErrorKind::Tls: head = RemoteBridge::tr("The secure (TLS) connection failed."); break;
    case serve::RemoteErrorKind::Timeout: head = RemoteBridge::tr("The server did not answer in time."); break;
    case serve::RemoteErrorKind::Broken: head = RemoteBridge::tr("The connection was lost."); break;
    case serve::RemoteErrorKind::HttpStatus: head = RemoteBridge::tr("The server answered %1.").arg(error.status); break;
    case serve::RemoteErrorKind::Protocol: head = RemoteBridge::tr("The server's answer could not be read."); break;
  }
  return detail.isEmpty() ? head : RemoteBridge::tr("%1 (%2)").arg(head, detail);
}

RemoteBridge::RemoteBridge(QObject* parent) : QObject(parent) {
  qRegisterMetaType<ViewPtr>();
  qRegisterMetaType<std::vector<engine::QosClass>>();
  qRegisterMetaType<RouteMembersPtr>();
  qRegisterMetaType<ReplanStatusPtr>();
  frameTimer_.setInterval(EngineBridge::kDefaultFrameIntervalMs);
  connect(&frameTimer_, &QTimer::timeout, this, &RemoteBridge::pullLatest);
  replanTimer_.setInterval(kReplanPollIntervalMs);
  connect(&replanTimer_, &QTimer::timeout, this, &RemoteBridge::pullReplan);
}

RemoteBridge::~RemoteBridge() { disconnectFrom(); }

bool RemoteBridge::connectTo(const RemoteConnection& connection, QString* error) {
  const auto target = serve::remoteTarget(connection.url.trimmed().toStdString(), connection.apiKey.toStdString());
  if (!target) {
    if (error) *error = remoteErrorText({serve::RemoteErrorKind::BadUrl, 0, connection.url.toStdString()});
    return false;
  }
  disconnectFrom();
  connection_ = connection;
  connection_.url = connection.url.trimmed();
  active_ = true;
  ++generation_;
  if (!transport_) transport_ = std::make_shared<net::UpstreamClient>(1);
  if (connection.kind == RemoteKind::Server) {
    telemetry_ = std::make_unique<serve::TelemetryClient>(*transport_, *target);
    frameTimer_.start();
    return true;
  }
  // A router: reading its shares proves the address and the admin key.
  const serve::RemoteTarget routerTarget = *target;
  runInBackground(
      [routerTarget](net::UpstreamTransport& transport) {
        return serve::callRemote(transport, routerTarget, "GET", "/v1/headroom/admin/shares");
      },
      [this](const serve::RemoteReply& reply) {
        if (reply.error) {
          const QString message = remoteErrorText(reply.error);
          disconnectFrom();
          emit connectionFailed(message);
          return;
        }
        connected_ = true;
        const auto members = serve::remoteTarget(connection_.url.toStdString(), connection_.apiKey.toStdString());
        if (members) {
          serve::RouteMembersPoller::Options options;
          options.interval = membersPollInterval_;
          membersPoller_ = std::make_unique<serve::RouteMembersPoller>(*transport_, *members, options);
          frameTimer_.start();
        }
        emit connected();
        replanTimer_.start();
        pullReplan();
      });
  return true;
}

void RemoteBridge::disconnectFrom() {
  frameTimer_.stop();
  replanTimer_.stop();
  replanInFlight_ = false;
  replan_.reset();
  telemetry_.reset();
  membersPoller_.reset();
  members_.reset();
  membersAnswersSeen_ = 0;
  sinceEvent_.invalidate();
  lastEvent_.reset();
  latest_.reset();
  active_ = false;
  connected_ = false;
  troubleReported_ = false;
  stale_ = false;
  staleSecondsShown_ = -1;
  classesReadAtConnection_ = -1;
  ++generation_;
}

template <typename Work, typename Done>
void RemoteBridge::runInBackground(Work work, Done done) {
  std::shared_ptr<net::UpstreamClient> transport = transport_;
  QPointer<RemoteBridge> self(this);
  const std::int64_t generation = generation_;
  QThread* thread = QThread::create([transport, work, done, self, generation] {
    auto result = work(*transport);
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [self, generation, done, result] {
          if (self && self->generation_ == generation) done(result);
        },
        Qt::QueuedConnection);
  });
  connect(thread, &QThread::finished, thread, &QObject::deleteLater);
  thread->start();
}

void RemoteBridge::fetchClasses() {
  const auto target = serve::remoteTarget(connection_.url.toStdString(), connection_.apiKey.toStdString());
  if (!target) return;
  runInBackground(
      [target = *target](net::UpstreamTransport& transport) {
        return serve::callRemote(transport, target, "GET", "/v1/headroom/admin/classes");
      },
      [this](const serve::RemoteReply& reply) {
        if (reply.error) {
          emit adminFailed(remoteErrorText(reply.error));
          return;
        }
        emit classesLoaded(classesOf(reply.body));
      });
}

void RemoteBridge::applyClasses(const std::vector<engine::QosClass>& classes) {
  const auto target = serve::remoteTarget(connection_.url.toStdString(), connection_.apiKey.toStdString());
  if (!active_ || connection_.kind != RemoteKind::Server || !target) return;
  runInBackground(
      [target = *target, classes](net::UpstreamTransport& transport) {
        serve::RemoteReply current = serve::callRemote(transport, target, "GET", "/v1/headroom/admin/classes");
        if (current.error) return current;
        json served = json::parse(current.body, nullptr, false);
        if (!served.is_object() || !served.contains("classes") || !served["classes"].is_array()) {
          return serve::RemoteReply{current.status, {}, {serve::RemoteErrorKind::Protocol, current.status, "classes"}};
        }
        for (json& item : served["classes"]) {
          for (const engine::QosClass& cls : classes) {
            if (item.value("name", std::string()) != cls.name) continue;
            item.update(engine::qosClassToJson(cls));
          }
        }
        return serve::putServerClasses(transport, target, served["classes"]);
      },
      [this](const serve::RemoteReply& reply) {
        if (reply.error) {
          emit adminFailed(remoteErrorText(reply.error));
          return;
        }
        emit classesLoaded(classesOf(reply.body));
        emit classesApplied();
      });
}

void RemoteBridge::pushPlan(const QByteArray& planJson) {
  if (!active_ || connection_.kind != RemoteKind::Router) return;
  const json plan = json::parse(planJson.toStdString(), nullptr, false);
  const std::string url = connection_.url.toStdString();
  const std::string key = connection_.apiKey.toStdString();
  runInBackground(
      [url, key, plan](net::UpstreamTransport& transport) { return serve::pushSharesToRouter(transport, url, key, plan); },
      [this](const serve::RemoteReply& reply) {
        if (reply.error) {
          emit adminFailed(remoteErrorText(failure(reply)));
          return;
        }
        emit sharesPushed(QString::fromStdString(reply.body));
      });
}

void RemoteBridge::pullReplan() {
  const auto target = serve::remoteTarget(connection_.url.toStdString(), connection_.apiKey.toStdString());
  if (!connected_ || connection_.kind != RemoteKind::Router || !target || replanInFlight_) return;
  replanInFlight_ = true;
  runInBackground([target = *target](net::UpstreamTransport& transport) { return serve::readReplanStatus(transport, target); },
                  [this](const serve::ReplanStatusAnswer& answer) {
                    replanInFlight_ = false;
                    takeReplan(answer);
                  });
}

void RemoteBridge::takeReplan(const serve::ReplanStatusAnswer& answer) {
  if (answer.status) {
    replan_ = std::make_shared<const serve::ReplanStatus>(*answer.status);
    emit replanChanged(replan_);
    return;
  }
  if (answer.off) replan_.reset();
  emit replanUnavailable(answer.off, answer.off ? tr("The router runs without re-planning: start it with --replan "
                                                     "advisory (or auto) to see its recommendation here.")
                                                : remoteErrorText(answer.error));
}

void RemoteBridge::applyReplanDecision(std::int64_t sequence) {
  const auto target = serve::remoteTarget(connection_.url.toStdString(), connection_.apiKey.toStdString());
  if (!connected_ || connection_.kind != RemoteKind::Router || !target) return;
  runInBackground(
      [target = *target, sequence](net::UpstreamTransport& transport) {
        return serve::applyReplanDecision(transport, target, sequence);
      },
      [this, sequence](const serve::ReplanStatusAnswer& answer) {
        if (!answer.status) {
          emit adminFailed(remoteErrorText(answer.error));
          return;
        }
        replan_ = std::make_shared<const serve::ReplanStatus>(*answer.status);
        emit replanChanged(replan_);
        emit replanApplied(sequence);
      });
}

void RemoteBridge::pullLatest() {
  if (membersPoller_) return pullMembers();
  if (!telemetry_) return;
  const serve::TelemetryClient::Status status = telemetry_->status();
  if (!connected_ && status.state == serve::TelemetryClient::State::Stopped) {
    const QString message = remoteErrorText(status.lastError);
    disconnectFrom();
    emit connectionFailed(message);
    return;
  }
  if (connected_ && status.state != serve::TelemetryClient::State::Streaming && status.lastError && !troubleReported_) {
    troubleReported_ = true;
    emit connectionTrouble(remoteErrorText(status.lastError));
  }
  if (!connected_ && status.events == 0 && status.connections >= 3 && status.lastError && !troubleReported_) {
    troubleReported_ = true;
    emit connectionTrouble(remoteErrorText(status.lastError));
  }
  std::shared_ptr<const serve::TelemetryEvent> event = telemetry_->latest();
  if (!event || event == lastEvent_) {
    updateStaleness(status.state == serve::TelemetryClient::State::Streaming);
    return;
  }
  lastEvent_ = event;
  sinceEvent_.start();
  troubleReported_ = false;
  if (stale_) {
    stale_ = false;
    staleSecondsShown_ = -1;
    emit staleChanged(false, 0.0);
  }
  auto view = std::make_shared<engine::RunnerView>();
  view->state = engine::RunnerState::Playing;
  view->simulatedS = engine::toSeconds(event->snapshot->time);
  view->speed = 1.0;
  view->iterations = event->instance.iterations;
  view->metrics = event->snapshot;
  view->instances = {event->instance};
  latest_ = view;
  const bool reconnected = connected_ && status.connections != classesReadAtConnection_;
  classesReadAtConnection_ = status.connections;
  if (!connected_) {
    connected_ = true;
    emit connected();
    fetchClasses();
  } else if (reconnected) {
    // A new stream may come from a restarted server with other classes: what was read before is stale.
    fetchClasses();
  }
  emit viewChanged(latest_);
}

void RemoteBridge::pullMembers() {
  const serve::RouteMembersPoller::Status status = membersPoller_->status();
  if (status.answers == membersAnswersSeen_ || !status.members) {
    // A router that never answered since connecting counts from the connection.
    if (!sinceEvent_.isValid()) sinceEvent_.start();
    updateStaleness(!status.lastError);
    return;
  }
  membersAnswersSeen_ = status.answers;
  members_ = status.members;
  sinceEvent_.start();
  if (stale_) {
    stale_ = false;
    staleSecondsShown_ = -1;
    emit staleChanged(false, 0.0);
  }
  emit routeMembersChanged(members_);
}

void RemoteBridge::updateStaleness(bool streaming) {
  if (!connected_ || !sinceEvent_.isValid()) return;
  const qint64 ageMs = sinceEvent_.elapsed();
  if (!stale_ && streaming && ageMs < kStaleAfterMs) return;
  stale_ = true;
  const qint64 seconds = ageMs / 1000;
  if (seconds == staleSecondsShown_) return;
  staleSecondsShown_ = seconds;
  emit staleChanged(true, static_cast<double>(ageMs) / 1000.0);
}

}  // namespace headroom::ui
