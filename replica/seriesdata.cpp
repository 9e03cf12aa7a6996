#include "seriesdata.h"

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

SeriesData gauge(const QString &name, Labels labels, double value)
{
    labels.insert(u"__name__"_s, name);
    return {labels, value, 0};
}

SeriesData counter(const QString &name, Labels labels, double ratePerSecond)
{
    labels.insert(u"__name__"_s, name);
    // Counters start from 0 at a fixed epoch (2026-06-18T00:00:00Z) so values stay readable.
    constexpr double kStartSeconds = 1781740800;
    return {labels, -ratePerSecond * kStartSeconds, ratePerSecond};
}

QList<SeriesData> clusterSeries()
{
    const Labels agent{{u"namespace"_s, u"monitoring"_s}, {u"job"_s, u"grafana-agent"_s},
                       {u"instance"_s, u"grafana-agent-0:12345"_s}, {u"pod"_s, u"grafana-agent-0"_s}};
    const Labels kubeState{{u"namespace"_s, u"monitoring"_s}, {u"job"_s, u"kube-state-metrics"_s},
                           {u"instance"_s, u"10.244.0.12:8080"_s}, {u"pod"_s, u"kube-state-metrics-5c8d7b9f6-h2kqv"_s}};
    return {
        gauge(u"up"_s, agent, 1),
        gauge(u"up"_s, kubeState, 1),
        counter(u"prometheus_remote_storage_samples_total"_s, agent, 1250),
    };
}

QList<SeriesData> arcadeSeries()
{
    const Labels engine{{u"namespace"_s, u"arcade"_s}, {u"job"_s, u"arcade/arcade-engine"_s},
                        {u"instance"_s, u"10.244.1.23:8888"_s}, {u"pod"_s, u"arcade-engine-6f8b9c7d5-q4z2x"_s}};
    const Labels collector{{u"namespace"_s, u"arcade"_s}, {u"job"_s, u"arcade/arcade-otel-collector"_s},
                           {u"instance"_s, u"10.244.1.31:8888"_s}, {u"pod"_s, u"arcade-otel-collector-7b5d9c8f4-m9tfw"_s},
                           {u"exporter"_s, u"prometheus"_s}};
    return {
        gauge(u"up"_s, engine, 1),
        counter(u"http_server_request_duration_seconds_count"_s, engine, 0.5),
        counter(u"otelcol_exporter_sent_metric_points_total"_s, collector, 40),
    };
}

} // namespace

QString mimirTenant()
{
    return u"k8s-backstage-v4"_s;
}

QList<SeriesData> mimirSeries(bool fixedData)
{
    QList<SeriesData> series = clusterSeries();
    if (fixedData)
        series += arcadeSeries();
    return series;
}

} // namespace poc::replica
