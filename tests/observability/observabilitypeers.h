#pragma once

#include "core/config.h"

#include "memorysecretstore.h"
#include "recordingserver.h"
#include "testsupport.h"

#include <QNetworkAccessManager>

#include <gtest/gtest.h>

namespace poc::test {

inline QByteArray observabilityData(const char *name)
{
    return readFile(QStringLiteral(POC_TEST_SOURCE_DIR "/observability/data/") + QString::fromUtf8(name));
}

inline const QByteArray kEngineSeries =
    R"({"status":"success","data":[{"__name__":"up","namespace":"arcade","job":"arcade/arcade-engine"}]})";
inline const QByteArray kNoSeries = R"({"status":"success","data":[]})";

// A Kibana and a Mimir stand-in (recording servers with canned bodies) and the config
// with both gap rules of the live POC pointing at them.
class ObservabilityPeers
{
public:
    ObservabilityPeers()
    {
        EXPECT_TRUE(kibana.listen());
        EXPECT_TRUE(mimir.listen());
        kibana.setReply({200, "application/json", observabilityData("es7-hits-total-number.json")});
        mimir.setReply({200, "application/json", kNoSeries});

        config.sourcePath = QStringLiteral("/home/evaluator/.config/arcade-poc-dashboard/config.yaml");
        config.kibana.url = kibana.url(QStringLiteral("/kibana"));
        config.kibana.index = QStringLiteral("logs-arcade-*");
        config.kibana.fields = {QStringLiteral("Tracing.TraceId"), QStringLiteral("ContextInfo.CorrelationId")};
        config.kibana.queries = {KibanaQuery{QStringLiteral("otlp-export-failure"), QStringLiteral("Export failures"),
                                             QStringLiteral("message:\"failed to upload metrics\""), std::chrono::minutes(15), 20}};
        config.mimir.url = mimir.url(QStringLiteral("/prometheus"));
        config.mimir.tenant = QStringLiteral("k8s-backstage-v4");
        config.mimir.grafanaUrl = QUrl(QStringLiteral("https://grafana.example.test"));
        config.mimir.grafanaDatasource = QStringLiteral("mimir");
        config.mimir.queries = {MimirQuery{QStringLiteral("engine-series"), QStringLiteral("Engine series"),
                                           QStringLiteral("{namespace=\"arcade\"}"), MimirQueryKind::Series,
                                           std::chrono::hours(1), std::chrono::minutes(1)}};
        config.gaps = {
            GapRule{QStringLiteral("otel-collector-missing"), QStringLiteral("No OTEL collector"), QStringLiteral("5"),
                    GapSource::Kibana, QStringLiteral("otlp-export-failure"), GapOpenWhen::Hits, QStringLiteral("Deploy a collector.")},
            GapRule{QStringLiteral("otlp-prometheus-bridge-missing"), QStringLiteral("No bridge"), QStringLiteral("5"),
                    GapSource::Mimir, QStringLiteral("engine-series"), GapOpenWhen::NoSeries, QStringLiteral("Add an exporter.")},
        };
    }

    RecordingServer kibana;
    RecordingServer mimir;
    MemorySecretStore secrets;
    QNetworkAccessManager network;
    Config config;
};

} // namespace poc::test
