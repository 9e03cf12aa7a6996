#pragma once

#include "observability/kibanaresult.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace poc {

// The newest log lines of a Kibana result as a table: time (UTC), message, then one
// column per configured field (empty where a line lacks it).
class KibanaLinesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KibanaLinesModel)

public:
    explicit KibanaLinesModel(const QStringList &fields, QObject *parent = nullptr);

    // Replaces every row with the lines of `result`.
    void setLines(const QList<KibanaLine> &lines);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const KibanaLine &line, int column) const;

    QStringList m_fields;
    QList<KibanaLine> m_lines;
};

} // namespace poc
