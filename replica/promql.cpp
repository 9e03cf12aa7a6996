#include "promql.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

const QSet<QString> &aggregations()
{
    static const QSet<QString> names{u"sum"_s, u"count"_s, u"min"_s, u"max"_s, u"avg"_s};
    return names;
}

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u':';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || c.isDigit();
}

class PromParser
{
public:
    explicit PromParser(QStringView text)
        : m_text(text)
    {
    }

    std::variant<PromQuery, QString> parseExpression()
    {
        skipSpace();
        if (atEnd())
            return error(u"no expression found in input"_s);

        PromQuery query;
        if (peek().isDigit() || peek() == u'.' || peek() == u'-')
            parseNumber(query);
        else if (!parseAggregationOrSelector(query))
            return m_error;
        return finish(query);
    }

    std::variant<PromQuery, QString> parseSelectorOnly()
    {
        skipSpace();
        PromQuery query;
        if (!parseSelector(query, readName()))
            return m_error;
        return finish(query);
    }

private:
    bool atEnd() const { return m_position >= m_text.size(); }
    QChar peek() const { return m_text[m_position]; }

    void skipSpace()
    {
        while (!atEnd() && peek().isSpace())
            ++m_position;
    }

    QString error(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = u"1:%1: parse error: %2"_s.arg(m_position + 1).arg(message);
        return m_error;
    }

    std::variant<PromQuery, QString> finish(const PromQuery &query)
    {
        if (!m_error.isEmpty())
            return m_error;
        skipSpace();
        if (!atEnd())
            return error(u"unexpected character: '%1'"_s.arg(peek()));
        return query;
    }

    void parseNumber(PromQuery &query)
    {
        const qsizetype start = m_position;
        while (!atEnd() && !peek().isSpace())
            ++m_position;
        bool ok = false;
        query.kind = PromQuery::Kind::Number;
        query.number = m_text.mid(start, m_position - start).toDouble(&ok);
        if (!ok)
            error(u"bad number or duration syntax: \"%1\""_s.arg(m_text.mid(start, m_position - start)));
    }

    QString readName()
    {
        const qsizetype start = m_position;
        if (!atEnd() && isNameStart(peek())) {
            while (!atEnd() && isNameChar(peek()))
                ++m_position;
        }
        return m_text.mid(start, m_position - start).toString();
    }

    bool parseAggregationOrSelector(PromQuery &query)
    {
        const QString name = readName();
        skipSpace();
        if (!aggregations().contains(name) || atEnd() || peek() != u'(')
            return parseSelector(query, name);

        ++m_position;
        skipSpace();
        if (!parseSelector(query, readName()))
            return false;
        skipSpace();
        if (atEnd() || peek() != u')') {
            error(u"unclosed left parenthesis"_s);
            return false;
        }
        ++m_position;
        query.kind = PromQuery::Kind::Aggregation;
        query.aggregation = name;
        return true;
    }

    bool parseSelector(PromQuery &query, const QString &metricName)
    {
        query.kind = PromQuery::Kind::Selector;
        if (!metricName.isEmpty())
            query.matchers.append({u"__name__"_s, LabelMatcher::Op::Equal, metricName, {}});

        skipSpace();
        if (!atEnd() && peek() == u'{' && !parseMatchers(query))
            return false;
        if (metricName.isEmpty() && query.matchers.isEmpty() && m_error.isEmpty())
            error(atEnd() ? u"unexpected end of input"_s : u"unexpected character: '%1'"_s.arg(peek()));
        if (!m_error.isEmpty())
            return false;
        return hasNonEmptyMatcher(query);
    }

    bool hasNonEmptyMatcher(const PromQuery &query)
    {
        const Labels none;
        for (const LabelMatcher &matcher : query.matchers) {
            if (!matcher.matches(none))
                return true;
        }
        error(u"vector selector must contain at least one non-empty matcher"_s);
        return false;
    }

    bool parseMatchers(PromQuery &query)
    {
        ++m_position;
        for (skipSpace(); !atEnd() && peek() != u'}'; skipSpace()) {
            if (!parseMatcher(query))
                return false;
            skipSpace();
            if (!atEnd() && peek() == u',')
                ++m_position;
        }
        if (atEnd()) {
            error(u"unexpected end of input inside braces"_s);
            return false;
        }
        ++m_position;
        return true;
    }

    bool parseMatcher(PromQuery &query)
    {
        LabelMatcher matcher;
        matcher.name = readName();
        if (matcher.name.isEmpty()) {
            error(u"unexpected character inside braces: '%1'"_s.arg(peek()));
            return false;
        }
        skipSpace();
        if (!parseOperator(matcher.op))
            return false;
        skipSpace();
        if (!parseString(matcher.value))
            return false;
        if (!compileRegex(matcher))
            return false;

        query.matchers.append(matcher);
        return true;
    }

    bool parseOperator(LabelMatcher::Op &op)
    {
        static const QList<std::pair<QStringView, LabelMatcher::Op>> operators{
            {u"=~", LabelMatcher::Op::Regex}, {u"!~", LabelMatcher::Op::NotRegex},
            {u"!=", LabelMatcher::Op::NotEqual}, {u"=", LabelMatcher::Op::Equal}};
        for (const auto &[text, value] : operators) {
            if (m_text.mid(m_position).startsWith(text)) {
                m_position += text.size();
                op = value;
                return true;
            }
        }
        error(u"unexpected character inside braces, expected a label matching operator"_s);
        return false;
    }

    bool parseString(QString &value)
    {
        if (atEnd() || (peek() != u'"' && peek() != u'\'')) {
            error(u"unexpected character inside braces, expected a quoted string"_s);
            return false;
        }
        const QChar quote = peek();
        for (++m_position; !atEnd() && peek() != quote; ++m_position) {
            if (peek() == u'\\' && m_position + 1 < m_text.size())
                ++m_position;
            value.append(peek());
        }
        if (atEnd()) {
            error(u"unterminated quoted string"_s);
            return false;
        }
        ++m_position;
        return true;
    }

    bool compileRegex(LabelMatcher &matcher)
    {
        if (matcher.op != LabelMatcher::Op::Regex && matcher.op != LabelMatcher::Op::NotRegex)
            return true;
        matcher.regex.setPattern(QRegularExpression::anchoredPattern(matcher.value));
        if (!matcher.regex.isValid())
            error(u"invalid regular expression \"%1\": %2"_s.arg(matcher.value, matcher.regex.errorString()));
        return matcher.regex.isValid();
    }

    QStringView m_text;
    qsizetype m_position = 0;
    QString m_error;
};

} // namespace

bool LabelMatcher::matches(const Labels &labels) const
{
    // A missing label matches as the empty string, as in Prometheus.
    const QString actual = labels.value(name);
    switch (op) {
    case Op::Equal:
        return actual == value;
    case Op::NotEqual:
        return actual != value;
    case Op::Regex:
        return regex.match(actual).hasMatch();
    case Op::NotRegex:
        return !regex.match(actual).hasMatch();
    }
    return false;
}

bool PromQuery::selects(const Labels &labels) const
{
    return std::all_of(matchers.cbegin(), matchers.cend(), [&labels](const LabelMatcher &matcher) { return matcher.matches(labels); });
}

std::variant<PromQuery, QString> parsePromQuery(QStringView text)
{
    return PromParser(text).parseExpression();
}

std::variant<PromQuery, QString> parseSeriesSelector(QStringView text)
{
    return PromParser(text).parseSelectorOnly();
}

} // namespace poc::replica
