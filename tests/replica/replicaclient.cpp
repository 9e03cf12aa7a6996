#include "replicaclient.h"

#include "testsupport.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace poc::replica::test {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpResponse ReplicaClient::send(const QByteArray &verb, const QUrl &url, const HeaderList &headers, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(20'000);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    QNetworkReply *reply = m_manager.sendCustomRequest(request, verb, body);
    const bool finished = poc::test::waitUntil([reply] { return reply->isFinished(); }, std::chrono::seconds(30));

    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    response.error = finished ? reply->errorString() : QStringLiteral("timed out");
    reply->deleteLater();
    return response;
}

void ReplicaTest::SetUp()
{
    m_server = std::make_unique<ReplicaServer>(Scenario::Seed);
    m_server->setSlowDelay(std::chrono::milliseconds(400));
    ASSERT_NE(m_server->listen(), 0) << m_server->errorString().toStdString();
}

QUrl ReplicaTest::url(const QString &pathAndQuery) const
{
    return QUrl(m_server->baseUrl().toString() + pathAndQuery);
}

} // namespace poc::replica::test
