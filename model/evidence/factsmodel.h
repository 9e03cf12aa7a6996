#pragma once

#include "evidence/facts.h"

#include <QAbstractTableModel>
#include <QList>

namespace poc {

// The frozen facts against live state, one row per configured fact.
class FactsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FactsModel)

public:
    // State comes second so that it stays in view, and in captures, however wide the values are.
    enum Column { FactColumn, StateColumn, ValueColumn, AsOfColumn, AgeColumn, CheckedColumn, ReasonColumn, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole + 1, // int(FactState), on every column
        StaleRole,                    // bool
        IdRole,                       // QString
    };

    explicit FactsModel(QObject *parent = nullptr);

    // Replaces the results. The same ids in the same order update in place with
    // dataChanged, and any other change resets the model.
    void setResults(const QList<FactResult> &results);
    const QList<FactResult> &results() const { return m_results; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const FactResult &result, int column) const;
    QVariant toolTipData(const FactResult &result, int column) const;
    bool sameRows(const QList<FactResult> &results) const;

    QList<FactResult> m_results;
};

} // namespace poc
