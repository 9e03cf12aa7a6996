#pragma once

#include "core/config.h"
#include "probe/probeclassifier.h"
#include "probe/proberesult.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace poc {

// Settings shared by every probe of a config.
struct ProbeOptions {
    Milliseconds timeout{10000}; // whole probe, redirect hops included
    // The CAs to trust: the system store plus tls.ca_bundle. Empty means the system store only.
    QList<QSslCertificate> caCertificates;
    QString caBundleProblem; // why tls.ca_bundle could not be used; empty when it was loaded or unset
};

// Reads polling.timeout and loads the PEM certificates of tls.ca_bundle.
ProbeOptions probeOptions(const Config &config);

// Probes one endpoint once per start(): GET with TLS verification always on, same-host
// redirects followed by hand up to kMaxRedirects hops, cross-host redirects recorded and never
// followed. Each start() ends in one finished() signal, unless another start() or cancel()
// supersedes it first, in which case its result is dropped.
class EndpointProber final : public QObject
{
    Q_OBJECT

public:
    EndpointProber(const EndpointConfig &endpoint, const ProbeOptions &options,
                   QNetworkAccessManager *network, QObject *parent = nullptr);
    ~EndpointProber() override;
    Q_DISABLE_COPY_MOVE(EndpointProber)

    const EndpointConfig &endpoint() const { return m_endpoint; }
    bool isRunning() const { return m_running; }

    void start();
    void cancel();

Q_SIGNALS:
    void finished(const poc::ProbeResult &result);

private:
    void sendRequest(const QUrl &url);
    void handleReadyRead();
    void handleSslErrors(const QList<QSslError> &errors);
    void handleFinished();
    void handleDeadline();
    bool followRedirect(int status);
    void recordCertificates(const QList<QSslCertificate> &chain);
    Classification classifyFinishedReply(int status);
    void finish(const Classification &classification);
    void finishNotConfigured(const QString &error);
    void releaseReply();

    EndpointConfig m_endpoint;
    ProbeOptions m_options;
    QNetworkAccessManager *m_network;

    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QElapsedTimer m_elapsed;
    bool m_running = false;
    quint64 m_generation = 0; // drops the queued result of a superseded not-configured probe
    bool m_bodyTruncated = false;
    int m_hops = 0;
    QUrl m_currentUrl;
    QByteArray m_body;   // kept for EngineHealth only, at most kMaxBodyBytes
    qint64 m_bodyBytes = 0;
    QList<QSslError> m_sslErrors;
    ProbeResult m_result;
    HttpResponse m_response;
};

} // namespace poc
