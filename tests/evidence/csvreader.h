#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace poc::test {

// A strict RFC 4180 reader for the tests: records end in CRLF, quoted fields may hold
// commas, doubled quotes, CR and LF. Returns nothing for malformed input.
inline std::optional<QList<QStringList>> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                i += 2;
                continue;
            }
            if (c == u'"')
                quoted = false;
            else
                field += c;
            ++i;
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || fieldWasQuoted)
                return std::nullopt; // a quote inside an unquoted field
            quoted = true;
            fieldWasQuoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldWasQuoted = false;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n')
                return std::nullopt; // a bare CR outside quotes
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldWasQuoted = false;
            ++i;
        } else if (c == u'\n') {
            return std::nullopt; // records must end in CRLF
        } else {
            if (fieldWasQuoted)
                return std::nullopt; // text after a closing quote
            field += c;
        }
        ++i;
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        return std::nullopt; // the last record lacks its CRLF
    return records;
}

} // namespace poc::test
