#include "observability/kibanalinesmodel.h"

using namespace Qt::StringLiterals;

namespace poc {

namespace {

constexpr int kTimeColumn = 0;
constexpr int kMessageColumn = 1;
constexpr int kFixedColumns = 2;

} // namespace

KibanaLinesModel::KibanaLinesModel(const QStringList &fields, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fields(fields)
{
}

void KibanaLinesModel::setLines(const QList<KibanaLine> &lines)
{
    beginResetModel();
    m_lines = lines;
    endResetModel();
}

int KibanaLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int KibanaLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kFixedColumns + int(m_fields.size());
}

QVariant KibanaLinesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};

    const KibanaLine &line = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(line, index.column());
    case Qt::ToolTipRole:
        return index.column() == kMessageColumn ? QVariant(line.message) : QVariant();
    case Qt::UserRole:
        return index.column() == kTimeColumn ? QVariant(line.timestamp) : QVariant();
    default:
        return {};
    }
}

QVariant KibanaLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return {};
    if (section == kTimeColumn)
        return u"Time (UTC)"_s;
    if (section == kMessageColumn)
        return u"Message"_s;
    return m_fields.at(section - kFixedColumns);
}

QString KibanaLinesModel::displayText(const KibanaLine &line, int column) const
{
    if (column == kTimeColumn)
        return line.timestamp.toUTC().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    if (column == kMessageColumn)
        return line.message;
    return line.field(m_fields.at(column - kFixedColumns));
}

} // namespace poc
