#pragma once

#include "core/config.h"
#include "probe/endpointprober.h"
#include "probe/proberesult.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QUrl>

namespace poc::test {

// A network access manager that records every request URL. It rewrites requests for any host
// other than 127.0.0.1 to an unknown scheme, which fails at once. So a redirect followed by
// mistake shows up in requestedUrls() without any traffic leaving the machine.
class LoopbackOnlyNetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using QNetworkAccessManager::QNetworkAccessManager;

    QList<QUrl> requestedUrls() const { return m_requestedUrls; }

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    QList<QUrl> m_requestedUrls;
};

EndpointConfig endpointConfig(const QUrl &url, EndpointExpectation expectation,
                              Milliseconds slowAfter = Milliseconds(5000));

// Runs one probe to completion; fails the current test when no result arrives in time.
ProbeResult probeOnce(const EndpointConfig &endpoint, const ProbeOptions &options,
                      QNetworkAccessManager *network);

} // namespace poc::test
