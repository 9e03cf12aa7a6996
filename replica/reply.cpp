#include "reply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

Reply bodyReply(const QByteArray &body, const QByteArray &contentType, int status)
{
    Reply reply;
    reply.status = status;
    reply.contentType = contentType;
    reply.body = body;
    return reply;
}

} // namespace

Reply jsonReply(const QJsonObject &object, int status)
{
    return bodyReply(QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", status);
}

Reply jsonReply(const QJsonArray &array, int status)
{
    return bodyReply(QJsonDocument(array).toJson(QJsonDocument::Compact), "application/json", status);
}

Reply textReply(const QByteArray &text, int status)
{
    return bodyReply(text, "text/plain; charset=utf-8", status);
}

Reply htmlReply(const QByteArray &html, int status)
{
    return bodyReply(html, "text/html; charset=utf-8", status);
}

Reply standInPage(const QString &product, const QString &pathAndQuery)
{
    const QString html = u"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>%1 (replica)</title></head>"
                         u"<body><h1>%1 is not part of the replica</h1>"
                         u"<p>The demo replica serves only the APIs the dashboard reads. Against the live POC this link opens %1 at:</p>"
                         u"<pre>%2</pre></body></html>\n"_s.arg(product.toHtmlEscaped(), pathAndQuery.toHtmlEscaped());
    return htmlReply(html.toUtf8());
}

Reply emptyReply(int status)
{
    Reply reply;
    reply.status = status;
    return reply;
}

} // namespace poc::replica
