#include "evidence/provenance.h"
#include "snapshots.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

const QString kSecret = QString::fromLatin1(test::kFakeSecret);

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

TEST(ScrubSecrets, MasksSecretKeysKeepingLastFour)
{
    const QJsonObject input{
        {u"api_key"_s, kSecret},
        {u"Authorization"_s, u"Bearer "_s + kSecret},
        {u"kibana-password"_s, u"hunter2"_s},
        {u"X-Api-Key"_s, kSecret},
        {u"refresh_token"_s, 123456789},
        {u"api_key_set"_s, true},
        {u"api_key_label"_s, u"ci-eval"_s},
    };

    const QJsonObject scrubbed = scrubSecrets(input);

    EXPECT_EQ(scrubbed.value(u"api_key"_s).toString(), u"…WXYZ"_s);
    EXPECT_EQ(scrubbed.value(u"Authorization"_s).toString(), u"…WXYZ"_s);
    EXPECT_EQ(scrubbed.value(u"kibana-password"_s).toString(), u"…"_s);
    EXPECT_EQ(scrubbed.value(u"X-Api-Key"_s).toString(), u"…WXYZ"_s);
    EXPECT_EQ(scrubbed.value(u"refresh_token"_s).toString(), u"…"_s);
    EXPECT_TRUE(scrubbed.value(u"api_key_set"_s).toBool());
    EXPECT_EQ(scrubbed.value(u"api_key_label"_s).toString(), u"ci-eval"_s);
    EXPECT_FALSE(compact(scrubbed).contains(kSecret.left(12)));
}

TEST(ScrubSecrets, MasksCredentialsInsideText)
{
    const QJsonObject input{
        {u"lines"_s, QJsonArray{QJsonObject{
             {u"message"_s, u"POST /mcp/poc-baseline Authorization: Bearer "_s + kSecret + u" Arcade-User-ID: eval@example.com"_s}}}},
        {u"discover_url"_s, u"http://127.0.0.1:5601/app/discover?apiKey="_s + kSecret + u"&x=1"_s},
        {u"headers"_s, QJsonObject{{u"authorization"_s, u"Basic ZXZhbDpzM2NyZXQtcGFzc3dvcmQ="_s}}},
    };

    const QString scrubbed = compact(scrubSecrets(input));

    EXPECT_FALSE(scrubbed.contains(kSecret.left(12)));
    EXPECT_FALSE(scrubbed.contains(u"ZXZhbDpzM2NyZXQt"_s));
    EXPECT_TRUE(scrubbed.contains(u"Bearer …WXYZ Arcade-User-ID: eval@example.com"_s));
    EXPECT_TRUE(scrubbed.contains(u"apiKey=…WXYZ&x=1"_s));
}

TEST(ScrubSecrets, KeepsMaskedValuesAndProse)
{
    const QJsonObject input{
        {u"api_key"_s, u"ci-eval …WXYZ"_s},
        {u"value"_s, u"Authorization: Bearer <key>, Arcade-User-ID: <user>"_s},
        {u"note"_s, u"Send a Bearer token with every request."_s},
    };

    EXPECT_EQ(scrubSecrets(input), input);
}

TEST(Provenance, SidecarJsonFields)
{
    QJsonObject snapshot = test::seedSnapshot();
    CaptureProvenance provenance = provenanceFromSnapshot(snapshot, u"observability"_s);
    provenance.devicePixelRatio = 2;
    provenance.imageSize = QSize(1280, 856);

    const QJsonObject json = toJson(provenance);

    EXPECT_EQ(json.value(u"environment"_s).toString(), u"DEMO replica"_s);
    EXPECT_EQ(json.value(u"captured_at"_s).toString(), u"2026-12-04T20:00:00Z"_s);
    EXPECT_EQ(json.value(u"app_version"_s).toString(), QStringLiteral(POC_VERSION));
    EXPECT_EQ(json.value(u"config_sha256"_s).toString(), snapshot.value(u"config_sha256"_s).toString());
    EXPECT_TRUE(json.value(u"demo"_s).toBool());
    EXPECT_EQ(json.value(u"panel"_s).toString(), u"observability"_s);
    EXPECT_EQ(json.value(u"device_pixel_ratio"_s).toDouble(), 2.0);
    EXPECT_EQ(json.value(u"image_size"_s).toObject().value(u"width"_s).toInt(), 1280);
    const QJsonObject results = json.value(u"results"_s).toObject();
    EXPECT_TRUE(results.contains(u"kibana"_s));
    EXPECT_TRUE(results.contains(u"mimir"_s));
    EXPECT_TRUE(results.contains(u"gaps"_s));
    EXPECT_FALSE(results.contains(u"fixtures"_s));

    const std::optional<CaptureProvenance> back = provenanceFromJson(json);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->capturedAt, provenance.capturedAt);
    EXPECT_EQ(back->imageSize, provenance.imageSize);
}

TEST(Provenance, SidecarPathReplacesPng)
{
    EXPECT_EQ(sidecarPath(u"/tmp/out.png"_s), u"/tmp/out.json"_s);
    EXPECT_EQ(sidecarPath(u"/tmp/OUT.PNG"_s), u"/tmp/OUT.json"_s);
    EXPECT_EQ(sidecarPath(u"/tmp/capture"_s), u"/tmp/capture.json"_s);
}

} // namespace
} // namespace poc
