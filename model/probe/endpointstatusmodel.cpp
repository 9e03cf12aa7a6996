#include "probe/endpointstatusmodel.h"

#include "probe/endpointmonitor.h"

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString stateText(const EndpointTracker &tracker)
{
    const std::optional<EndpointState> shown = tracker.displayedState();
    if (!shown)
        return u"not checked yet"_s;

    const QString debounce = tracker.debounceText();
    if (debounce.isEmpty())
        return toString(*shown);
    return u"%1 (%2)"_s.arg(toString(*shown), debounce);
}

QVariant uptimeText(const EndpointTracker &tracker)
{
    const std::optional<double> uptime = tracker.sessionUptime();
    if (!uptime)
        return {};
    return u"%1 %"_s.arg(*uptime, 0, 'f', 1);
}

QVariant latestResultData(const ProbeResult &result, int column)
{
    switch (column) {
    case EndpointStatusModel::HttpStatusColumn:
        return result.httpStatus > 0 ? QVariant(result.httpStatus) : QVariant();
    case EndpointStatusModel::LatencyColumn:
        return result.latencyMs;
    case EndpointStatusModel::LastCheckedColumn:
        return result.checkedAt.toLocalTime();
    case EndpointStatusModel::CertificateColumn: {
        const std::optional<int> daysLeft = result.tlsDaysLeft();
        return daysLeft ? QVariant(*daysLeft) : QVariant();
    }
    default:
        return {};
    }
}

QStringList redirectLines(const ProbeResult &result)
{
    QStringList lines;
    for (const QUrl &url : result.redirectChain)
        lines.append(u"→ %1"_s.arg(url.toString()));
    return lines;
}

} // namespace

EndpointStatusModel::EndpointStatusModel(EndpointMonitor *monitor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_monitor(monitor)
{
    connect(m_monitor, &EndpointMonitor::resultRecorded, this, &EndpointStatusModel::handleResultRecorded);
}

EndpointStatusModel::~EndpointStatusModel() = default;

int EndpointStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_monitor->count();
}

int EndpointStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EndpointStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};

    const EndpointTracker &tracker = m_monitor->tracker(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(tracker, index.column());
    case Qt::ToolTipRole:
        return toolTipData(tracker);
    case StateRole:
        return stateData(tracker);
    default:
        return {};
    }
}

QVariant EndpointStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);

    switch (section) {
    case EndpointColumn:
        return u"Endpoint"_s;
    case StateColumn:
        return u"State"_s;
    case HttpStatusColumn:
        return u"HTTP status"_s;
    case LatencyColumn:
        return u"Latency (ms)"_s;
    case LastCheckedColumn:
        return u"Last checked"_s;
    case CertificateColumn:
        return u"Certificate days left"_s;
    case UptimeColumn:
        return u"Uptime (session)"_s;
    default:
        return {};
    }
}

QHash<int, QByteArray> EndpointStatusModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(StateRole, "state");
    return names;
}

void EndpointStatusModel::handleResultRecorded(int endpointIndex)
{
    Q_EMIT dataChanged(index(endpointIndex, 0), index(endpointIndex, ColumnCount - 1));
}

QVariant EndpointStatusModel::displayData(const EndpointTracker &tracker, int column) const
{
    if (column == EndpointColumn)
        return tracker.endpoint().title.isEmpty() ? tracker.endpoint().name : tracker.endpoint().title;
    if (column == StateColumn)
        return stateText(tracker);
    if (column == UptimeColumn)
        return uptimeText(tracker);
    if (!tracker.hasResult())
        return {};
    return latestResultData(tracker.latest(), column);
}

QVariant EndpointStatusModel::toolTipData(const EndpointTracker &tracker) const
{
    QStringList lines{tracker.endpoint().url.toString()};
    if (!tracker.hasResult())
        return lines.join(u'\n');

    const ProbeResult &result = tracker.latest();
    if (!result.error.isEmpty())
        lines.append(result.error);
    lines.append(redirectLines(result));
    if (!result.signInHost.isEmpty())
        lines.append(u"Sign-in at %1"_s.arg(result.signInHost));
    return lines.join(u'\n');
}

QVariant EndpointStatusModel::stateData(const EndpointTracker &tracker) const
{
    const std::optional<EndpointState> shown = tracker.displayedState();
    return shown ? QVariant::fromValue(*shown) : QVariant();
}

} // namespace poc
