#pragma once

#include <QAbstractTableModel>

namespace poc {

class EndpointMonitor;
class EndpointTracker;

// A table of the monitor's endpoints, one row each in config order, refreshed with
// dataChanged() whenever a result is recorded.
class EndpointStatusModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        EndpointColumn,
        StateColumn,
        HttpStatusColumn,
        LatencyColumn,
        LastCheckedColumn,
        CertificateColumn,
        UptimeColumn,
        ColumnCount,
    };

    enum Role {
        StateRole = Qt::UserRole + 1, // the shown poc::EndpointState; invalid before the first result
    };

    explicit EndpointStatusModel(EndpointMonitor *monitor, QObject *parent = nullptr);
    ~EndpointStatusModel() override;
    Q_DISABLE_COPY_MOVE(EndpointStatusModel)

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void handleResultRecorded(int endpointIndex);
    QVariant displayData(const EndpointTracker &tracker, int column) const;
    QVariant toolTipData(const EndpointTracker &tracker) const;
    QVariant stateData(const EndpointTracker &tracker) const;

    EndpointMonitor *m_monitor;
};

} // namespace poc
