#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

#include "engine/core/qos_class.h"
#include "serve/client/remote_admin.h"
#include "serve/client/remote_error.h"
#include "serve/client/route_members_poller.h"
#include "serve/client/telemetry_client.h"
#include "ui/bridge/engine_bridge.h"

namespace headroom::net {
class UpstreamClient;
}

namespace headroom::ui {

// A router's members as one answer gave them; immutable once published.
using RouteMembersPtr = std::shared_ptr<const serve::RouteMembersStatus>;
// A router's re-planning status as one answer gave it; immutable once published.
using ReplanStatusPtr = std::shared_ptr<const serve::ReplanStatus>;

// What a remote pool is: one `headroom-cli serve` (live telemetry, class edits) or a `headroom-cli
// route` front (plan shares are pushed to it; its members and their per-class stream figures are polled).
enum class RemoteKind : int { Server = 0, Router = 1 };

struct RemoteConnection {
  QString url;  // http://host:port or https://host:port
  QString apiKey;  // an admin key
  RemoteKind kind = RemoteKind::Server;
};

// The console's side of a remote pool, beside EngineBridge: for a server it follows the telemetry
// stream (serve::TelemetryClient, which reconnects with backoff) and, on a frame timer, turns each new
// event into a RunnerView (state Playing, the wall clock as simulatedS, one instance) emitted exactly as
// EngineBridge emits the embedded pool's views. Once connected, the last view goes stale when the
// stream drops or no event came for kStaleAfterMs: staleChanged() says so, and again each whole second
// while it stays stale, so what is shown never passes for live. Every new stream connection (a
// reconnect, perhaps to a restarted server) re-reads the server's classes. For a router it polls the
// members (serve::RouteMembersPoller, about once a second) and emits each new answer as
// routeMembersChanged(); the members go stale as the telemetry does when the router stops answering
// (staleChanged()), and it reads the router's re-planning status (GET /v1/headroom/replan) every
// replan poll interval: replanChanged() with each answer, replanUnavailable() when the router runs
// without --replan or the read fails. Admin calls (classes, shares, applying a recommendation) run on a
// worker thread and answer with signals. Lives on the UI thread; not thread-safe.
class RemoteBridge : public QObject {
  Q_OBJECT

 public:
  explicit RemoteBridge(QObject* parent = nullptr);
  ~RemoteBridge() override;

  // Starts connecting; false (and *error set) only for a URL that is not one. The outcome comes as
  // connected() or connectionFailed().
  bool connectTo(const RemoteConnection& connection, QString* error);
  // Drops the connection (no signal).
  void disconnectFrom();
  bool isActive() const { return active_; }
  bool isConnected() const { return connected_; }
  // The server publishes telemetry about twice a second; a view older than this is not live.
  static constexpr qint64 kStaleAfterMs = 2000;
  // The router re-plans every interval (60 s by default): its status is read this often.
  static constexpr int kReplanPollIntervalMs = 2000;
  // Whether the view shown is no longer live (connected once, and the stream dropped or went quiet).
  bool isStale() const { return stale_; }
  const RemoteConnection& connection() const { return connection_; }
  ViewPtr latest() const { return latest_; }
  // Router: the members as last read; null until the first answer.
  RouteMembersPtr latestMembers() const { return members_; }

  // Server: replaces the classes' rank, importance and SLOs by name (queue limits and overload
  // settings stay as the server has them). Answers classesApplied() or adminFailed().
  void applyClasses(const std::vector<engine::QosClass>& classes);
  // Router: puts a plan's per-class instance shares (headroom-cli plan --json). Answers sharesPushed()
  // or adminFailed().
  void pushPlan(const QByteArray& planJson);
  // Router: applies the re-planner's decision `sequence` (POST /v1/headroom/replan/apply). Answers
  // replanChanged() and replanApplied(), or adminFailed() with the router's reason (e.g. a newer decision
  // came first).
  void applyReplanDecision(std::int64_t sequence);
  // Router: the re-planning status as last read; null until one was read, or while re-planning is off.
  ReplanStatusPtr latestReplan() const { return replan_; }
  // Router: how often the re-planning status is read (default kReplanPollIntervalMs).
  void setReplanPollIntervalMs(int intervalMs) { replanTimer_.setInterval(intervalMs); }

  void setFrameIntervalMs(int intervalMs) { frameTimer_.setInterval(intervalMs); }
  // Router: how often the members are read (default 1 s); applies to the next connection.
  void setMembersPollInterval(engine::Duration interval) { membersPollInterval_ = interval; }

 public slots:
  void pullLatest();

 signals:
  void connected();
  void connectionFailed(const QString& message);
  // The stream dropped after it worked: the client reconnects on its own.
  void connectionTrouble(const QString& message);
  // The shown view went stale (`stale`, last event `lastUpdateS` seconds ago; repeated each whole second)
  // or is live again (`stale` false).
  void staleChanged(bool stale, double lastUpdateS);
  void viewChanged(const headroom::ui::ViewPtr& view);
  // The server's classes as it serves them now (after connecting and after an edit).
  void classesLoaded(const std::vector<headroom::engine::QosClass>& classes);
  void classesApplied();
  void sharesPushed(const QString& sharesJson);
  // Router: a new answer of its members (about once a second while it answers).
  void routeMembersChanged(const headroom::ui::RouteMembersPtr& members);
  void adminFailed(const QString& message);
  // Router: the re-planning status (after each read, and after an apply).
  void replanChanged(const headroom::ui::ReplanStatusPtr& status);
  // Router: re-planning is off (`off`: the router runs without --replan) or its status could not be read
  // (`reason`); the last status stays as it was.
  void replanUnavailable(bool off, const QString& reason);
  // Router: decision `sequence` was applied; replanChanged() has the status after it.
  void replanApplied(std::int64_t sequence);

 private:
  template <typename Work, typename Done>
  void runInBackground(Work work, Done done);
  void fetchClasses();
  void updateStaleness(bool streaming);
  void pullMembers();
  void pullReplan();
  void takeReplan(const serve::ReplanStatusAnswer& answer);

  std::shared_ptr<net::UpstreamClient> transport_;
  std::unique_ptr<serve::TelemetryClient> telemetry_;
  std::unique_ptr<serve::RouteMembersPoller> membersPoller_;
  RouteMembersPtr members_;
  std::int64_t membersAnswersSeen_ = 0;
  engine::Duration membersPollInterval_ = std::chrono::seconds(1);
  std::shared_ptr<const serve::TelemetryEvent> lastEvent_;
  RemoteConnection connection_;
  ViewPtr latest_;
  bool active_ = false;
  bool connected_ = false;
  bool troubleReported_ = false;
  bool stale_ = false;
  qint64 staleSecondsShown_ = -1;
  QElapsedTimer sinceEvent_;
  std::int64_t classesReadAtConnection_ = -1;  // the client's connection count when classes were last read
  std::int64_t generation_ = 0;  // answers of an earlier connection are dropped
  QTimer frameTimer_;
  QTimer replanTimer_;
  bool replanInFlight_ = false;
  ReplanStatusPtr replan_;
};

// The user's words for a remote failure.
QString remoteErrorText(const serve::RemoteError& error);

}  // namespace headroom::ui

Q_DECLARE_METATYPE(std::vector<headroom::engine::QosClass>)
Q_DECLARE_METATYPE(headroom::ui::RouteMembersPtr)
Q_DECLARE_METATYPE(headroom::ui::ReplanStatusPtr)
