#include "evidence/factsmodel.h"

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString formatAge(const FactResult &result)
{
    if (!result.asOf.isValid())
        return {};
    const QString age = result.ageDays == 1 ? u"1 day"_s : u"%1 days"_s.arg(result.ageDays);
    return result.stale ? age + u" (stale)"_s : age;
}

QString formatCheckedAt(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s) : u"not checked live"_s;
}

} // namespace

FactsModel::FactsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FactsModel::setResults(const QList<FactResult> &results)
{
    if (sameRows(results)) {
        m_results = results;
        if (!m_results.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }

    beginResetModel();
    m_results = results;
    endResetModel();
}

int FactsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int FactsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FactsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};

    const FactResult &result = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(result, index.column());
    case Qt::ToolTipRole:
        return toolTipData(result, index.column());
    case StateRole:
        return int(result.state);
    case StaleRole:
        return result.stale;
    case IdRole:
        return result.id;
    default:
        return {};
    }
}

QVariant FactsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);

    switch (section) {
    case FactColumn:
        return u"Fact"_s;
    case ValueColumn:
        return u"Value"_s;
    case AsOfColumn:
        return u"As of"_s;
    case AgeColumn:
        return u"Age"_s;
    case StateColumn:
        return u"State"_s;
    case CheckedColumn:
        return u"Last checked"_s;
    case ReasonColumn:
        return u"Reason"_s;
    default:
        return {};
    }
}

QVariant FactsModel::displayData(const FactResult &result, int column) const
{
    switch (column) {
    case FactColumn:
        return result.title.isEmpty() ? result.id : result.title;
    case ValueColumn:
        return result.value;
    case AsOfColumn:
        return result.asOf.toString(Qt::ISODate);
    case AgeColumn:
        return formatAge(result);
    case StateColumn:
        return displayText(result.state);
    case CheckedColumn:
        return result.check == FactCheck::None ? QString() : formatCheckedAt(result.checkedAt);
    case ReasonColumn:
        return result.reason;
    default:
        return {};
    }
}

QVariant FactsModel::toolTipData(const FactResult &result, int column) const
{
    if (column == StateColumn && result.lastConfirmedAt.isValid())
        return u"Last confirmed %1"_s.arg(formatCheckedAt(result.lastConfirmedAt));
    if (column == ReasonColumn || column == ValueColumn)
        return displayData(result, column);
    return {};
}

bool FactsModel::sameRows(const QList<FactResult> &results) const
{
    if (results.size() != m_results.size())
        return false;
    for (qsizetype row = 0; row < results.size(); ++row) {
        if (results.at(row).id != m_results.at(row).id)
            return false;
    }
    return true;
}

} // namespace poc
