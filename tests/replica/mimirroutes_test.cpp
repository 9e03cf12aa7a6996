#include "replicaclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::replica::test {
namespace {

const QString kEngineSelector = uR"({namespace="arcade", job=~".*arcade-engine.*"})"_s;
const QByteArray kTenant = "k8s-backstage-v4";

class MimirRoutes : public ReplicaTest
{
protected:
    HttpResponse query(const QString &route, const QUrlQuery &parameters, const QByteArray &tenant = kTenant)
    {
        QUrl target = url(u"/prometheus/api/v1/"_s + route);
        target.setQuery(parameters);
        HeaderList headers;
        if (!tenant.isEmpty())
            headers.emplaceBack("X-Scope-OrgID", tenant);
        return m_client.get(target, headers);
    }

    HttpResponse postForm(const QString &route, const QByteArray &form)
    {
        return m_client.post(url(u"/prometheus/api/v1/"_s + route),
                             {{"X-Scope-OrgID", kTenant}, {"Content-Type", "application/x-www-form-urlencoded"}}, form);
    }

    static QUrlQuery match(const QString &selector)
    {
        QUrlQuery parameters;
        parameters.addQueryItem(u"match[]"_s, selector);
        return parameters;
    }
};

TEST_F(MimirRoutes, MissingTenantIsNoOrgId)
{
    const HttpResponse response = query(u"series"_s, match(kEngineSelector), {});

    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.body.trimmed(), "no org id");
    EXPECT_TRUE(response.header("Content-Type").startsWith("text/plain"));
}

TEST_F(MimirRoutes, SeedHasNoEngineSeries)
{
    const HttpResponse response = query(u"series"_s, match(kEngineSelector));

    ASSERT_EQ(response.status, 200) << response.body.toStdString();
    EXPECT_EQ(response.json().value(u"status"_s).toString(), u"success"_s);
    EXPECT_TRUE(response.json().value(u"data"_s).toArray().isEmpty());
}

TEST_F(MimirRoutes, SeedHasUnrelatedSeries)
{
    const QJsonArray data = query(u"series"_s, match(u"up"_s)).json().value(u"data"_s).toArray();

    ASSERT_FALSE(data.isEmpty());
    EXPECT_EQ(data.first().toObject().value(u"namespace"_s).toString(), u"monitoring"_s);
    EXPECT_EQ(data.first().toObject().value(u"__name__"_s).toString(), u"up"_s);
}

TEST_F(MimirRoutes, FixedHasEngineSeries)
{
    m_server->setScenario(Scenario::Fixed);

    const QJsonArray data = query(u"series"_s, match(kEngineSelector)).json().value(u"data"_s).toArray();

    ASSERT_FALSE(data.isEmpty());
    for (const QJsonValue &labels : data) {
        EXPECT_EQ(labels.toObject().value(u"namespace"_s).toString(), u"arcade"_s);
        EXPECT_TRUE(labels.toObject().value(u"job"_s).toString().contains(u"arcade-engine"_s));
    }
}

TEST_F(MimirRoutes, OtherTenantSeesNothing)
{
    m_server->setScenario(Scenario::Fixed);

    const HttpResponse response = query(u"series"_s, match(kEngineSelector), "another-tenant");

    EXPECT_EQ(response.status, 200);
    EXPECT_TRUE(response.json().value(u"data"_s).toArray().isEmpty());
}

TEST_F(MimirRoutes, RangeQueryHonoursStartEndStep)
{
    m_server->setScenario(Scenario::Fixed);
    const qint64 end = QDateTime::currentSecsSinceEpoch();
    QUrlQuery parameters;
    parameters.addQueryItem(u"query"_s, uR"(sum(up{namespace="arcade"}))"_s);
    parameters.addQueryItem(u"start"_s, QString::number(end - 3600));
    parameters.addQueryItem(u"end"_s, QString::number(end));
    parameters.addQueryItem(u"step"_s, u"1m"_s);

    const QJsonObject data = query(u"query_range"_s, parameters).json().value(u"data"_s).toObject();

    EXPECT_EQ(data.value(u"resultType"_s).toString(), u"matrix"_s);
    const QJsonArray result = data.value(u"result"_s).toArray();
    ASSERT_EQ(result.size(), 1);
    const QJsonArray values = result.first().toObject().value(u"values"_s).toArray();
    ASSERT_EQ(values.size(), 61);
    EXPECT_EQ(values.first().toArray().at(0).toInteger(), end - 3600);
    EXPECT_EQ(values.at(1).toArray().at(0).toInteger() - values.first().toArray().at(0).toInteger(), 60);
    EXPECT_EQ(values.first().toArray().at(1).toString(), u"1"_s);
}

TEST_F(MimirRoutes, FractionalStepKeepsMillisecondTimes)
{
    m_server->setScenario(Scenario::Fixed);
    QUrlQuery parameters;
    parameters.addQueryItem(u"query"_s, u"up{namespace=\"arcade\"}"_s);
    parameters.addQueryItem(u"start"_s, u"1781740800.123"_s);
    parameters.addQueryItem(u"end"_s, u"1781744400.123"_s);
    parameters.addQueryItem(u"step"_s, u"60.000"_s);

    const QJsonArray values = query(u"query_range"_s, parameters).json().value(u"data"_s).toObject().value(u"result"_s)
                                  .toArray().first().toObject().value(u"values"_s).toArray();

    ASSERT_EQ(values.size(), 61);
    EXPECT_EQ(values.last().toArray().at(0).toDouble(), 1781744400.123);
}

TEST_F(MimirRoutes, SeedRangeQueryIsEmpty)
{
    QUrlQuery parameters;
    parameters.addQueryItem(u"query"_s, uR"(sum(up{namespace="arcade"}))"_s);
    parameters.addQueryItem(u"start"_s, u"2026-06-18T00:00:00Z"_s);
    parameters.addQueryItem(u"end"_s, u"2026-06-18T01:00:00Z"_s);
    parameters.addQueryItem(u"step"_s, u"60"_s);

    const HttpResponse response = query(u"query_range"_s, parameters);

    ASSERT_EQ(response.status, 200) << response.body.toStdString();
    EXPECT_TRUE(response.json().value(u"data"_s).toObject().value(u"result"_s).toArray().isEmpty());
}

TEST_F(MimirRoutes, InstantQueryReturnsVector)
{
    const HttpResponse response = postForm(u"query"_s, "query=up%7Bjob%3D%22grafana-agent%22%7D&time=1781740800");

    const QJsonObject data = response.json().value(u"data"_s).toObject();
    EXPECT_EQ(data.value(u"resultType"_s).toString(), u"vector"_s);
    const QJsonArray result = data.value(u"result"_s).toArray();
    ASSERT_EQ(result.size(), 1);
    EXPECT_EQ(result.first().toObject().value(u"value"_s).toArray().at(0).toInteger(), 1781740800);
    EXPECT_EQ(result.first().toObject().value(u"value"_s).toArray().at(1).toString(), u"1"_s);
}

TEST_F(MimirRoutes, NumberQueryReturnsScalar)
{
    QUrlQuery parameters;
    parameters.addQueryItem(u"query"_s, u"42"_s);

    const QJsonObject data = query(u"query"_s, parameters).json().value(u"data"_s).toObject();

    EXPECT_EQ(data.value(u"resultType"_s).toString(), u"scalar"_s);
    EXPECT_EQ(data.value(u"result"_s).toArray().at(1).toString(), u"42"_s);
}

TEST_F(MimirRoutes, UnparsableQueryIsBadData)
{
    QUrlQuery parameters;
    parameters.addQueryItem(u"query"_s, u"up{job=}"_s);

    const HttpResponse response = query(u"query"_s, parameters);

    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.json().value(u"status"_s).toString(), u"error"_s);
    EXPECT_EQ(response.json().value(u"errorType"_s).toString(), u"bad_data"_s);
    EXPECT_TRUE(response.json().value(u"error"_s).toString().contains(u"parse error"_s));
}

TEST_F(MimirRoutes, LabelsAndValuesAreSorted)
{
    m_server->setScenario(Scenario::Fixed);

    const QJsonArray names = query(u"labels"_s, {}).json().value(u"data"_s).toArray();
    const QJsonArray namespaces = query(u"label/namespace/values"_s, {}).json().value(u"data"_s).toArray();

    EXPECT_TRUE(names.contains(u"__name__"_s));
    EXPECT_TRUE(names.contains(u"job"_s));
    EXPECT_EQ(namespaces, (QJsonArray{u"arcade"_s, u"monitoring"_s}));
}

TEST_F(MimirRoutes, AuthExpiredIsUnauthorized)
{
    m_server->setScenario(Scenario::AuthExpired);

    EXPECT_EQ(query(u"series"_s, match(kEngineSelector)).status, 401);
}

} // namespace
} // namespace poc::replica::test
