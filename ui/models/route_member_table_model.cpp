#include "ui/models/route_member_table_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace headroom::ui {

namespace {

using serve::MemberClassStreams;
using serve::MemberStatus;
using serve::MemberTransport;

const QColor kDownRed(0xc6, 0x28, 0x28);
const QColor kDroppedOrange(0xef, 0x6c, 0x00);

bool hasStreams(const MemberStatus& member) { return member.transport == MemberTransport::Quic; }

// A member's streams over all its classes; the percentiles do not add up and stay empty.
MemberClassStreams totalOf(const MemberStatus& member) {
  MemberClassStreams total;
  for (const MemberClassStreams& streams : member.classes) {
    total.streamsCompleted += streams.streamsCompleted;
    total.streamsWithinDeadline += streams.streamsWithinDeadline;
    total.streamsDroppedAtDeadline += streams.streamsDroppedAtDeadline;
    total.bytesSent += streams.bytesSent;
    total.bytesReceived += streams.bytesReceived;
    total.lostPackets += streams.lostPackets;
  }
  return total;
}

// Of the streams that ended (completed or dropped), the share that completed within the deadline.
std::optional<double> withinDeadlineShare(const MemberClassStreams& streams) {
  const std::uint64_t ended = streams.streamsCompleted + streams.streamsDroppedAtDeadline;
  if (ended == 0) return std::nullopt;
  return static_cast<double>(streams.streamsWithinDeadline) / static_cast<double>(ended);
}

QString transportText(MemberTransport transport) {
  switch (transport) {
    case MemberTransport::Http: return RouteMemberTableModel::tr("HTTP");
    case MemberTransport::Https: return RouteMemberTableModel::tr("HTTPS");
    case MemberTransport::Quic: return RouteMemberTableModel::tr("QUIC");
  }
  return {};
}

QString schedulerText(const std::string& name) {
  if (name == "rr") return RouteMemberTableModel::tr("round robin");
  if (name == "fcfs") return RouteMemberTableModel::tr("first come, first served");
  if (name == "abs") return RouteMemberTableModel::tr("absolute priority");
  if (name == "edf") return RouteMemberTableModel::tr("earliest deadline first");
  if (name == "ml") return RouteMemberTableModel::tr("multi-level");
  return QString::fromStdString(name);
}

QString secondsText(double seconds) {
  const QLocale locale;
  if (seconds < 1.0) return RouteMemberTableModel::tr("%1 ms").arg(locale.toString(seconds * 1000.0, 'f', 1));
  return RouteMemberTableModel::tr("%1 s").arg(locale.toString(seconds, 'f', 2));
}

QString bytesText(std::uint64_t bytes) { return QLocale().formattedDataSize(static_cast<qint64>(bytes)); }

}  // namespace

RouteMemberTableModel::RouteMemberTableModel(QObject* parent) : LiveTableModel(parent) {}

void RouteMemberTableModel::update(const serve::RouteMembersStatus& status) {
  std::vector<RowRef> rows;
  for (std::size_t m = 0; m < status.members.size(); ++m) {
    rows.push_back({static_cast<int>(m), -1});
    for (std::size_t c = 0; c < status.members[m].classes.size(); ++c) rows.push_back({static_cast<int>(m), static_cast<int>(c)});
  }
  bool sameRows = rows == rows_;
  for (std::size_t m = 0; sameRows && m < status.members.size(); ++m) {
    const MemberStatus& now = status.members[m];
    const MemberStatus& before = status_.members[m];
    sameRows = now.name == before.name;
    for (std::size_t c = 0; sameRows && c < now.classes.size(); ++c) sameRows = now.classes[c].className == before.classes[c].className;
  }
  if (!sameRows) {
    beginResetModel();
    status_ = status;
    rows_ = std::move(rows);
    endResetModel();
    return;
  }
  status_ = status;
  if (!rows_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RouteMemberTableModel::clear() {
  if (rows_.empty() && status_.members.empty()) return;
  beginResetModel();
  status_ = {};
  rows_.clear();
  endResetModel();
}

int RouteMemberTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RouteMemberTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool RouteMemberTableModel::isMemberRow(int row) const {
  return row >= 0 && row < rowCount() && rows_[static_cast<std::size_t>(row)].cls < 0;
}

int RouteMemberTableModel::rowOf(const QString& member, const QString& className) const {
  for (std::size_t row = 0; row < rows_.size(); ++row) {
    const RowRef& ref = rows_[row];
    const MemberStatus& status = status_.members[static_cast<std::size_t>(ref.member)];
    if (QString::fromStdString(status.name) != member) continue;
    if (className.isEmpty() && ref.cls < 0) return static_cast<int>(row);
    if (ref.cls >= 0 && QString::fromStdString(status.classes[static_cast<std::size_t>(ref.cls)].className) == className) {
      return static_cast<int>(row);
    }
  }
  return -1;
}

QVariant RouteMemberTableModel::value(const RowRef& ref, int column) const {
  const MemberStatus& member = status_.members[static_cast<std::size_t>(ref.member)];
  const bool memberRow = ref.cls < 0;
  if (memberRow) {
    switch (column) {
      case Name: return QString::fromStdString(member.name);
      case Transport: return QString::fromUtf8(serve::kMemberTransportNames.name(member.transport));
      case Scheduler: return member.streamScheduler.empty() ? QVariant() : QVariant(QString::fromStdString(member.streamScheduler));
      case State: return member.up;
      case InFlight: return static_cast<qlonglong>(member.requestsInFlight);
      default: break;
    }
  } else if (column == Name) {
    return QString::fromStdString(member.classes[static_cast<std::size_t>(ref.cls)].className);
  }
  if (column < Completed || !hasStreams(member)) return {};
  const MemberClassStreams streams = memberRow ? totalOf(member) : member.classes[static_cast<std::size_t>(ref.cls)];
  switch (column) {
    case Completed: return static_cast<qulonglong>(streams.streamsCompleted);
    case WithinDeadline: {
      const auto share = withinDeadlineShare(streams);
      return share ? QVariant(*share) : QVariant();
    }
    case DroppedAtDeadline: return static_cast<qulonglong>(streams.streamsDroppedAtDeadline);
    case CompletionP50: return streams.completionP50S ? QVariant(*streams.completionP50S) : QVariant();
    case CompletionP99: return streams.completionP99S ? QVariant(*streams.completionP99S) : QVariant();
    case BytesSent: return static_cast<qulonglong>(streams.bytesSent);
    case BytesReceived: return static_cast<qulonglong>(streams.bytesReceived);
    case LostPackets: return static_cast<qulonglong>(streams.lostPackets);
    default: return {};
  }
}

QVariant RouteMemberTableModel::display(const RowRef& ref, int column) const {
  const MemberStatus& member = status_.members[static_cast<std::size_t>(ref.member)];
  const bool memberRow = ref.cls < 0;
  const QLocale locale;
  if (memberRow) {
    switch (column) {
      case Name: return QString::fromStdString(member.name);
      case Transport: return transportText(member.transport);
      case Scheduler: return member.streamScheduler.empty() ? tr("—") : schedulerText(member.streamScheduler);
      case State: return member.up ? tr("up") : tr("down");
      case InFlight: return locale.toString(static_cast<qlonglong>(member.requestsInFlight));
      default: break;
    }
  } else {
    if (column == Name) return QStringLiteral("    %1").arg(QString::fromStdString(member.classes[static_cast<std::size_t>(ref.cls)].className));
    if (column < Completed) return {};
  }
  if (!hasStreams(member)) return tr("—");
  const QVariant raw = value(ref, column);
  switch (column) {
    case Completed:
    case DroppedAtDeadline:
    case LostPackets: return locale.toString(raw.toULongLong());
    case WithinDeadline: return raw.isValid() ? tr("%1 %").arg(locale.toString(raw.toDouble() * 100.0, 'f', 1)) : tr("—");
    case CompletionP50:
    case CompletionP99:
      if (memberRow) return {};
      return raw.isValid() ? secondsText(raw.toDouble()) : tr("—");
    case BytesSent:
    case BytesReceived: return bytesText(raw.toULongLong());
    default: return {};
  }
}

QVariant RouteMemberTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const RowRef& ref = rows_[static_cast<std::size_t>(index.row())];
  const MemberStatus& member = status_.members[static_cast<std::size_t>(ref.member)];
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole: return display(ref, column);
    case kValueRole: return value(ref, column);
    case Qt::TextAlignmentRole:
      if (column >= InFlight) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    case Qt::FontRole:
      if (ref.cls < 0 && column == Name) {
        QFont font;
        font.setBold(true);
        return font;
      }
      return {};
    case Qt::ForegroundRole:
      if (isStale()) return staleForeground();
      if (ref.cls < 0 && column == State && !member.up) return QBrush(kDownRed);
      if (column == DroppedAtDeadline && value(ref, column).toULongLong() > 0) return QBrush(kDroppedOrange);
      return {};
    case Qt::ToolTipRole:
      if (ref.cls < 0 && column == Name) {
        const QString kind = member.kind == serve::MemberKind::OpenAi ? tr("an OpenAI-compatible server") : tr("a Headroom server");
        return tr("%1 at %2: %3").arg(QString::fromStdString(member.name), QString::fromStdString(member.url), kind);
      }
      if (ref.cls >= 0 && column == Name) {
        return tr("Streams of class %1 to member %2")
            .arg(QString::fromStdString(member.classes[static_cast<std::size_t>(ref.cls)].className), QString::fromStdString(member.name));
      }
      if (column >= Completed && !hasStreams(member)) return tr("Only QUIC members count streams");
      return {};
    default: return {};
  }
}

QVariant RouteMemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
    switch (section) {
      case Transport: return tr("How the router reaches the member: HTTP/1.1, HTTP/1.1 over TLS, or QUIC with one stream per request");
      case Scheduler: return tr("The order in which the router sends its QUIC streams to the member");
      case State: return tr("Down: the member failed a request or its health check and gets no requests for now");
      case InFlight: return tr("Requests the router is waiting on at this member");
      case Completed: return tr("Streams whose whole answer arrived");
      case WithinDeadline:
        return tr("Share of the streams that completed within their class's deadline, of those that completed or were "
                  "dropped at the deadline");
      case DroppedAtDeadline: return tr("Streams reset because their deadline passed; their clients got an error");
      case CompletionP50: return tr("Median time from opening a stream to its last byte");
      case CompletionP99: return tr("99th percentile of the time from opening a stream to its last byte");
      case BytesSent: return tr("Payload bytes the router sent on the streams");
      case BytesReceived: return tr("Payload bytes the router received on the streams");
      case LostPackets: return tr("Packets of these streams that QUIC declared lost and sent again");
      default: return {};
    }
  }
  if (role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  if (orientation == Qt::Vertical) return section + 1;
  switch (section) {
    case Name: return tr("Member / class");
    case Transport: return tr("Transport");
    case Scheduler: return tr("Scheduler");
    case State: return tr("State");
    case InFlight: return tr("In flight");
    case Completed: return tr("Streams");
    case WithinDeadline: return tr("Within deadline");
    case DroppedAtDeadline: return tr("Dropped at deadline");
    case CompletionP50: return tr("Completion p50");
    case CompletionP99: return tr("Completion p99");
    case BytesSent: return tr("Sent");
    case BytesReceived: return tr("Received");
    case LostPackets: return tr("Lost packets");
    default: return {};
  }
}

}  // namespace headroom::ui
