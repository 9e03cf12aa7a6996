#pragma once

#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QString>

#include <variant>

namespace poc::replica {

using Labels = QMap<QString, QString>;

// One label matcher of a PromQL selector: =, !=, =~ or !~ (regular expressions are
// fully anchored, as in Prometheus).
struct LabelMatcher {
    enum class Op { Equal, NotEqual, Regex, NotRegex };

    QString name;
    Op op = Op::Equal;
    QString value;
    QRegularExpression regex;

    bool matches(const Labels &labels) const;
};

// The PromQL subset the replica evaluates: a number literal, a vector selector
// `name{label="v", label=~"re", ...}` (either part optional, but not both), and one
// aggregation `sum|count|min|max|avg(selector)` without `by`/`without`, ranges or offsets.
struct PromQuery {
    enum class Kind { Number, Selector, Aggregation };

    Kind kind = Kind::Selector;
    double number = 0;
    QString aggregation;
    QList<LabelMatcher> matchers;

    bool selects(const Labels &labels) const;
};

// Parses `text`; returns the query, or an error such as Prometheus gives:
// "1:12: parse error: unexpected character: '@'".
std::variant<PromQuery, QString> parsePromQuery(QStringView text);

// Parses a series selector for match[] parameters: a selector only.
std::variant<PromQuery, QString> parseSeriesSelector(QStringView text);

} // namespace poc::replica
