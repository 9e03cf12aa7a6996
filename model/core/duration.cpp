#include "core/duration.h"

#include <QRegularExpression>

#include <array>

namespace poc {

namespace {

struct Unit {
    QStringView suffix;
    std::chrono::milliseconds size;
};

constexpr std::array<Unit, 5> kUnits{{
    {u"d", std::chrono::hours(24)},
    {u"h", std::chrono::hours(1)},
    {u"m", std::chrono::minutes(1)},
    {u"s", std::chrono::seconds(1)},
    {u"ms", std::chrono::milliseconds(1)},
}};

} // namespace

std::optional<std::chrono::milliseconds> parseDuration(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,9})\\s*(ms|s|m|h|d)\\s*$"));
    const auto match = pattern.match(text.toString());
    if (!match.hasMatch())
        return std::nullopt;

    const qint64 count = match.capturedView(1).toLongLong();
    const QStringView suffix = match.capturedView(2);
    for (const Unit &unit : kUnits) {
        if (unit.suffix == suffix)
            return unit.size * count;
    }
    return std::nullopt;
}

QString formatDuration(std::chrono::milliseconds duration)
{
    const qint64 total = duration.count();
    for (const Unit &unit : kUnits) {
        const qint64 size = unit.size.count();
        if (total != 0 && total % size == 0)
            return QString::number(total / size) + unit.suffix.toString();
    }
    return QString::number(total) + QStringLiteral("ms");
}

} // namespace poc
