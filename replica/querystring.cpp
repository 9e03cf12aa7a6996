#include "querystring.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

struct Token {
    enum class Kind { Term, And, Or, Not, Must, Open, Close } kind;
    QString field;
    QString text;
};

QString withoutKeywordSuffix(const QString &field)
{
    return field.endsWith(u".keyword") ? field.chopped(8) : field;
}

bool isTextField(const QString &field)
{
    return field == u"message";
}

QString readQuoted(QStringView query, qsizetype &position)
{
    QString text;
    for (++position; position < query.size() && query[position] != u'"'; ++position) {
        if (query[position] == u'\\' && position + 1 < query.size())
            ++position;
        text.append(query[position]);
    }
    ++position;
    return text;
}

QString readWord(QStringView query, qsizetype &position)
{
    QString text;
    for (; position < query.size(); ++position) {
        const QChar c = query[position];
        if (c.isSpace() || c == u'(' || c == u')' || c == u':' || c == u'"')
            break;
        text.append(c);
    }
    return text;
}

Token keywordOrTerm(const QString &word)
{
    if (word == u"AND" || word == u"&&")
        return {Token::Kind::And, {}, {}};
    if (word == u"OR" || word == u"||")
        return {Token::Kind::Or, {}, {}};
    if (word == u"NOT" || word == u"!")
        return {Token::Kind::Not, {}, {}};
    return {Token::Kind::Term, {}, word};
}

std::variant<Token, QString> readTerm(QStringView query, qsizetype &position)
{
    if (query[position] == u'"')
        return Token{Token::Kind::Term, {}, readQuoted(query, position)};

    const QString word = readWord(query, position);
    if (word.isEmpty())
        return u"unexpected character '%1' at position %2"_s.arg(query[position]).arg(position);
    if (position >= query.size() || query[position] != u':')
        return keywordOrTerm(word);

    ++position;
    if (position >= query.size())
        return u"missing value after field '%1'"_s.arg(word);
    const QString value = query[position] == u'"' ? readQuoted(query, position) : readWord(query, position);
    return Token{Token::Kind::Term, word, value};
}

std::variant<QList<Token>, QString> tokenize(QStringView query)
{
    QList<Token> tokens;
    qsizetype position = 0;
    while (position < query.size()) {
        const QChar c = query[position];
        if (c.isSpace()) {
            ++position;
        } else if (c == u'(' || c == u')') {
            tokens.append({c == u'(' ? Token::Kind::Open : Token::Kind::Close, {}, {}});
            ++position;
        } else if (c == u'-' || c == u'+') {
            tokens.append({c == u'-' ? Token::Kind::Not : Token::Kind::Must, {}, {}});
            ++position;
        } else {
            auto term = readTerm(query, position);
            if (auto *error = std::get_if<QString>(&term))
                return *error;
            tokens.append(std::get<Token>(term));
        }
    }
    return tokens;
}

// Recursive descent over the tokens: or := and (OR? and)*, and := unary (AND unary)*,
// unary := (NOT|+)* primary, primary := term | ( or ).
class Parser
{
public:
    explicit Parser(QList<Token> tokens)
        : m_tokens(std::move(tokens))
    {
    }

    std::variant<DocumentFilter, QString> parse()
    {
        DocumentFilter filter = parseOr();
        if (!m_error.isEmpty())
            return m_error;
        if (m_next < m_tokens.size())
            return u"unexpected ')'"_s;
        return filter;
    }

private:
    bool atEnd() const { return m_next >= m_tokens.size(); }
    Token::Kind peek() const { return m_tokens[m_next].kind; }

    DocumentFilter parseOr()
    {
        DocumentFilter left = parseAnd();
        while (!atEnd() && m_error.isEmpty() && peek() != Token::Kind::Close) {
            if (peek() == Token::Kind::Or)
                ++m_next;
            DocumentFilter right = parseAnd();
            left = [left, right](const LogFields &fields) { return left(fields) || right(fields); };
        }
        return left;
    }

    DocumentFilter parseAnd()
    {
        DocumentFilter left = parseUnary();
        while (!atEnd() && m_error.isEmpty() && peek() == Token::Kind::And) {
            ++m_next;
            DocumentFilter right = parseUnary();
            left = [left, right](const LogFields &fields) { return left(fields) && right(fields); };
        }
        return left;
    }

    DocumentFilter parseUnary()
    {
        if (!atEnd() && peek() == Token::Kind::Must) {
            ++m_next;
            return parseUnary();
        }
        if (!atEnd() && peek() == Token::Kind::Not) {
            ++m_next;
            DocumentFilter inner = parseUnary();
            return [inner](const LogFields &fields) { return !inner(fields); };
        }
        return parsePrimary();
    }

    DocumentFilter parsePrimary()
    {
        if (atEnd())
            return fail(u"query ends where a term is expected"_s);

        const Token token = m_tokens[m_next++];
        if (token.kind == Token::Kind::Term)
            return termFilter(token);
        if (token.kind != Token::Kind::Open)
            return fail(u"an operator stands where a term is expected"_s);

        DocumentFilter inner = parseOr();
        if (atEnd() || peek() != Token::Kind::Close)
            return fail(u"missing ')'"_s);
        ++m_next;
        return inner;
    }

    static DocumentFilter termFilter(const Token &token)
    {
        return [token](const LogFields &fields) {
            if (!token.field.isEmpty() && token.field != u"*")
                return fieldMatches(token.field, fields.value(withoutKeywordSuffix(token.field)), token.text);
            for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
                if (fieldMatches(it.key(), it.value(), token.text))
                    return true;
            }
            return false;
        };
    }

    DocumentFilter fail(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
        return [](const LogFields &) { return false; };
    }

    QList<Token> m_tokens;
    qsizetype m_next = 0;
    QString m_error;
};

bool wildcardMatches(const QString &value, const QString &pattern)
{
    const QRegularExpression expression(QRegularExpression::wildcardToRegularExpression(pattern),
                                        QRegularExpression::CaseInsensitiveOption);
    return expression.match(value).hasMatch();
}

bool textMatches(const QString &value, const QString &term)
{
    if (!term.contains(u'*'))
        return value.contains(term, Qt::CaseInsensitive);

    static const QRegularExpression separators(u"[^\\w]+"_s);
    const QStringList words = value.split(separators, Qt::SkipEmptyParts);
    return std::any_of(words.cbegin(), words.cend(), [&term](const QString &word) { return wildcardMatches(word, term); });
}

} // namespace

bool fieldMatches(const QString &field, const QString &value, const QString &term)
{
    if (term == u"*")
        return !value.isEmpty();
    if (isTextField(field))
        return textMatches(value, term);
    return term.contains(u'*') ? wildcardMatches(value, term) : value == term;
}

std::variant<DocumentFilter, QString> compileQueryString(const QString &query)
{
    if (query.trimmed().isEmpty() || query.trimmed() == u"*")
        return DocumentFilter([](const LogFields &) { return true; });

    auto tokens = tokenize(query);
    if (auto *error = std::get_if<QString>(&tokens))
        return *error;
    return Parser(std::get<QList<Token>>(tokens)).parse();
}

} // namespace poc::replica
