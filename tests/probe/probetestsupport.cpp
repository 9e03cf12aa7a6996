#include "probetestsupport.h"

#include <QNetworkRequest>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::test {

QNetworkReply *LoopbackOnlyNetworkAccessManager::createRequest(Operation operation, const QNetworkRequest &request,
                                                               QIODevice *outgoingData)
{
    m_requestedUrls.append(request.url());
    if (request.url().host() == u"127.0.0.1"_s)
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);

    // Qt fails a request for an unknown scheme at once (ProtocolUnknownError) without any traffic.
    QNetworkRequest contained(request);
    contained.setUrl(QUrl(u"blocked-by-test:/"_s));
    return QNetworkAccessManager::createRequest(operation, contained, outgoingData);
}

EndpointConfig endpointConfig(const QUrl &url, EndpointExpectation expectation, Milliseconds slowAfter)
{
    EndpointConfig endpoint;
    endpoint.name = u"engine"_s;
    endpoint.title = u"Engine API"_s;
    endpoint.url = url;
    endpoint.expect = expectation;
    endpoint.slowAfter = slowAfter;
    return endpoint;
}

ProbeResult probeOnce(const EndpointConfig &endpoint, const ProbeOptions &options, QNetworkAccessManager *network)
{
    EndpointProber prober(endpoint, options, network);
    QSignalSpy finished(&prober, &EndpointProber::finished);
    prober.start();

    const bool arrived = finished.wait(int(options.timeout.count()) + 5000);
    EXPECT_TRUE(arrived) << "no probe result for " << endpoint.url.toString().toStdString();
    if (!arrived)
        return {};
    EXPECT_EQ(finished.count(), 1);
    return finished.first().first().value<ProbeResult>();
}

} // namespace poc::test
