#pragma once

#include <QString>

#include <vector>

#include "serve/protocol/route_members_json.h"
#include "ui/models/live_table_model.h"

namespace headroom::ui {

// A router's members as a read-only table: one row per member (name, transport, stream scheduler, up or
// down, requests in flight, and its streams summed over classes), each QUIC member followed by one row
// per class with that class's stream figures: streams completed, the share completed within the class's
// deadline (of the streams that completed or were dropped), streams dropped at their deadline, completion
// time p50 and p99, payload bytes sent and received, and lost packets. HTTP members have no stream
// figures ("—"). update() takes each new answer; rows change only when the members or their classes do.
// setStale() greys every cell while the router does not answer. UI thread only.
class RouteMemberTableModel : public LiveTableModel {
  Q_OBJECT

 public:
  enum Column : int { Name, Transport, Scheduler, State, InFlight, Completed, WithinDeadline, DroppedAtDeadline,
                      CompletionP50, CompletionP99, BytesSent, BytesReceived, LostPackets, ColumnCount };
  // The cell's value in its unit, unformatted: counts and bytes as qulonglong (in flight as qlonglong),
  // the within-deadline share as 0..1, percentiles in seconds, the transport and scheduler by their wire
  // names, the state as bool (up); invalid where the cell shows no figure.
  static constexpr int kValueRole = Qt::UserRole;

  explicit RouteMemberTableModel(QObject* parent = nullptr);

  void update(const serve::RouteMembersStatus& status);
  void clear();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // Whether row `row` is a member's row (not one of its class rows).
  bool isMemberRow(int row) const;
  // The row of a member (empty className) or of one of its classes; -1 when there is none.
  int rowOf(const QString& member, const QString& className = {}) const;
  int memberCount() const { return static_cast<int>(status_.members.size()); }

 private:
  struct RowRef {
    int member = 0;
    int cls = -1;  // -1: the member's own row

    bool operator==(const RowRef&) const = default;
  };
  QVariant display(const RowRef& ref, int column) const;
  QVariant value(const RowRef& ref, int column) const;

  serve::RouteMembersStatus status_;
  std::vector<RowRef> rows_;
};

}  // namespace headroom::ui
