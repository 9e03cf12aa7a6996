#include "core/config.h"
#include "observability/kibanasearch.h"
#include "observability/mimirrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

const QDateTime kFrom = QDateTime(QDate(2026, 6, 18), QTime(9, 0), Qt::UTC);
const QDateTime kTo = QDateTime(QDate(2026, 6, 18), QTime(9, 15), Qt::UTC);

KibanaConfig kibanaConfig()
{
    KibanaConfig config;
    config.url = QUrl(u"https://kibana.example.test/s/observability"_s);
    config.index = u"logs-arcade-*"_s;
    return config;
}

TEST(DiscoverLink, AbsoluteTimesAndQuery)
{
    const QString query = u"kubernetes.namespace_name:\"arcade\" AND message:\"failed to upload metrics\""_s;

    const QUrl url = discoverUrl(kibanaConfig(), query, kFrom, kTo);
    const QString decoded = QUrl::fromPercentEncoding(url.toString(QUrl::FullyEncoded).toUtf8());

    EXPECT_TRUE(decoded.startsWith(u"https://kibana.example.test/s/observability/app/discover#/?_g="_s)) << decoded.toStdString();
    EXPECT_TRUE(decoded.contains(u"_g=(time:(from:'2026-06-18T09:00:00.000Z',to:'2026-06-18T09:15:00.000Z'))"_s));
    EXPECT_TRUE(decoded.contains(u"_a=(query:(language:lucene,query:'"_s + query + u"'),index:'logs-arcade-*')"_s));
    EXPECT_FALSE(url.toString(QUrl::FullyEncoded).contains(u' '));
}

TEST(DiscoverLink, UsesDataViewId)
{
    KibanaConfig config = kibanaConfig();
    config.dataViewId = u"90943e30-9a47-11e8-b64d-95841ca0b247"_s;

    const QString decoded = QUrl::fromPercentEncoding(discoverUrl(config, u"x"_s, kFrom, kTo).toString(QUrl::FullyEncoded).toUtf8());

    EXPECT_TRUE(decoded.contains(u"index:'90943e30-9a47-11e8-b64d-95841ca0b247'"_s));
}

TEST(DiscoverLink, RisonEscapesQuotesAndBangs)
{
    EXPECT_EQ(risonString(u"it's done!"_s), u"'it!'s done!!'"_s);
    EXPECT_EQ(risonString(u"plain"_s), u"'plain'"_s);
}

TEST(DiscoverLink, QueryWithApostropheSurvives)
{
    const QUrl url = discoverUrl(kibanaConfig(), u"message:\"can't resolve\""_s, kFrom, kTo);
    const QString decoded = QUrl::fromPercentEncoding(url.toString(QUrl::FullyEncoded).toUtf8());

    EXPECT_TRUE(decoded.contains(u"query:'message:\"can!'t resolve\"'"_s)) << decoded.toStdString();
}

TEST(ExploreLink, AbsoluteTimesAndExpression)
{
    MimirConfig config;
    config.grafanaUrl = QUrl(u"https://grafana.example.test"_s);
    config.grafanaDatasource = u"mimir"_s;
    const QString expr = u"sum(up{namespace=\"arcade\"}) + 1"_s;

    const QUrl url = exploreUrl(config, expr, kFrom, kTo);
    const QJsonObject left = QJsonDocument::fromJson(QUrlQuery(url).queryItemValue(u"left"_s, QUrl::FullyDecoded).toUtf8()).object();

    EXPECT_EQ(url.path(), u"/explore"_s);
    EXPECT_EQ(left[u"datasource"_s].toString(), u"mimir"_s);
    EXPECT_EQ(left[u"queries"_s][0][u"refId"_s].toString(), u"A"_s);
    EXPECT_EQ(left[u"queries"_s][0][u"expr"_s].toString(), expr);
    EXPECT_EQ(left[u"range"_s][u"from"_s].toString(), QString::number(kFrom.toMSecsSinceEpoch()));
    EXPECT_EQ(left[u"range"_s][u"to"_s].toString(), QString::number(kTo.toMSecsSinceEpoch()));
    EXPECT_TRUE(url.toString(QUrl::FullyEncoded).contains(u"%2B"_s)) << "a + in PromQL must stay a plus";
}

TEST(ExploreLink, HiddenWithoutGrafanaUrl)
{
    EXPECT_TRUE(exploreUrl(MimirConfig{}, u"up"_s, kFrom, kTo).isEmpty());
}

TEST(SearchUrl, ConsoleProxyAndDirect)
{
    KibanaConfig config = kibanaConfig();

    EXPECT_EQ(QUrl::fromPercentEncoding(kibanaSearchUrl(config).toString(QUrl::FullyEncoded).toUtf8()),
              u"https://kibana.example.test/s/observability/api/console/proxy?path=logs-arcade-*/_search&method=POST"_s);

    config.mode = KibanaMode::Elasticsearch;
    config.url = QUrl(u"https://es.example.test:9200/"_s);
    EXPECT_EQ(kibanaSearchUrl(config).toString(), u"https://es.example.test:9200/logs-arcade-*/_search"_s);
}

} // namespace
} // namespace poc
