#include "mcptools.h"

#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

QJsonObject objectSchema(const QJsonObject &properties, const QStringList &required)
{
    return {{u"type"_s, u"object"_s}, {u"properties"_s, properties}, {u"required"_s, QJsonArray::fromStringList(required)}};
}

QJsonObject typed(const QString &type, const QString &description)
{
    return {{u"type"_s, type}, {u"description"_s, description}};
}

QJsonObject textResult(const QString &text, bool isError = false)
{
    QJsonObject result{{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}}};
    if (isError)
        result.insert(u"isError"_s, true);
    return result;
}

QJsonObject echo(const QJsonObject &arguments)
{
    if (!arguments.value(u"text"_s).isString())
        return textResult(u"Invalid arguments for tool echo: \"text\" must be a string."_s, true);
    return textResult(arguments.value(u"text"_s).toString());
}

QJsonObject whoami(const QString &userId)
{
    const QJsonObject identity{{u"user_id"_s, userId}, {u"project"_s, u"demo-project"_s}};
    QJsonObject result = textResult(QString::fromUtf8(QJsonDocument(identity).toJson(QJsonDocument::Compact)));
    result.insert(u"structuredContent"_s, identity);
    return result;
}

QJsonObject add(const QJsonObject &arguments)
{
    const QJsonValue a = arguments.value(u"a"_s);
    const QJsonValue b = arguments.value(u"b"_s);
    if (!a.isDouble() || !b.isDouble())
        return textResult(u"Invalid arguments for tool add: \"a\" and \"b\" must be numbers."_s, true);
    return textResult(QString::number(a.toDouble() + b.toDouble(), 'f', QLocale::FloatingPointShortest));
}

} // namespace

QJsonArray mcpToolDescriptions()
{
    const QJsonObject whoamiOutput = objectSchema(
        {{u"user_id"_s, typed(u"string"_s, u"The Arcade user id the gateway received"_s)},
         {u"project"_s, typed(u"string"_s, u"The Arcade project the API key belongs to"_s)}},
        {u"user_id"_s, u"project"_s});

    return {
        QJsonObject{{u"name"_s, u"echo"_s},
                    {u"description"_s, u"Returns the text it is given."_s},
                    {u"inputSchema"_s, objectSchema({{u"text"_s, typed(u"string"_s, u"Text to return"_s)}}, {u"text"_s})}},
        QJsonObject{{u"name"_s, u"whoami"_s},
                    {u"description"_s, u"Returns the caller's identity as the gateway sees it."_s},
                    {u"inputSchema"_s, objectSchema({}, {})},
                    {u"outputSchema"_s, whoamiOutput}},
        QJsonObject{{u"name"_s, u"add"_s},
                    {u"description"_s, u"Returns the sum of two numbers."_s},
                    {u"inputSchema"_s, objectSchema({{u"a"_s, typed(u"number"_s, u"First addend"_s)},
                                                     {u"b"_s, typed(u"number"_s, u"Second addend"_s)}},
                                                    {u"a"_s, u"b"_s})}},
    };
}

std::optional<QJsonObject> callMcpTool(const QString &name, const QJsonObject &arguments, const QString &userId)
{
    if (name == u"echo")
        return echo(arguments);
    if (name == u"whoami")
        return whoami(userId);
    if (name == u"add")
        return add(arguments);
    return std::nullopt;
}

} // namespace poc::replica
