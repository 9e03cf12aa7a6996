#include "evidence/provenance.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

// Secrets shorter than this are masked completely, because their last 4 characters
// would give away too large a share of them.
constexpr qsizetype kMinimumLengthForHint = 12;

QString normalizedKey(const QString &key)
{
    QString normalized = key.toLower();
    normalized.remove(QRegularExpression(u"[-_ .]"_s));
    return normalized;
}

bool isAlreadyMasked(const QString &text)
{
    static const QRegularExpression masked(u"^(?:.*\\s)?(?:…|\\.\\.\\.|\\*{2,}|•+)[^\\s…]{0,4}$"_s);
    return masked.match(text.trimmed()).hasMatch();
}

QString maskValue(const QString &text)
{
    return isAlreadyMasked(text) ? text : maskSecret(text);
}

QJsonValue maskJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return maskValue(value.toString());
    case QJsonValue::Bool:
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return value; // a flag such as "api_key_set" tells nothing about the secret
    default:
        return u"…"_s;
    }
}

QString replaceMatches(const QString &text, const QRegularExpression &pattern, int secretGroup)
{
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += text.mid(last, match.capturedStart(secretGroup) - last);
        result += maskSecret(match.captured(secretGroup));
        last = match.capturedEnd(secretGroup);
    }
    result += text.mid(last);
    return result;
}

QJsonArray scrubArray(const QJsonArray &array)
{
    QJsonArray scrubbed;
    for (const QJsonValue &entry : array)
        scrubbed.append(scrubSecrets(entry));
    return scrubbed;
}

QJsonObject sizeJson(const QSize &size)
{
    return {{u"width"_s, size.width()}, {u"height"_s, size.height()}};
}

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

void copySection(const QJsonObject &snapshot, QJsonObject &results, const QString &key)
{
    if (snapshot.contains(key))
        results.insert(key, snapshot.value(key));
}

} // namespace

QString maskSecret(const QString &secret)
{
    if (secret.size() < kMinimumLengthForHint)
        return u"…"_s;
    return u"…"_s + secret.right(4);
}

bool isSecretKey(const QString &key)
{
    const QString name = normalizedKey(key);
    for (const QString &harmless : {u"label"_s, u"last4"_s, u"entry"_s}) {
        if (name.endsWith(harmless))
            return false;
    }
    for (const QString &word : {u"authorization"_s, u"apikey"_s, u"secret"_s, u"password"_s,
                                u"passwd"_s, u"token"_s, u"cookie"_s}) {
        if (name.contains(word))
            return true;
    }
    return false;
}

QString scrubSecretsInText(const QString &text)
{
    // Credentials after an HTTP auth scheme. Short words ("Bearer token") are prose, not secrets.
    static const QRegularExpression scheme(
        u"\\b(Bearer|Basic|Token)\\s+([A-Za-z0-9\\-._~+/]{8,}=*)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression queryParameter(
        u"(\\b(?:api[_-]?key|access[_-]?token|token|secret|password|passwd)=)([^&\\s\"'#]+)"_s,
        QRegularExpression::CaseInsensitiveOption);

    QString scrubbed = replaceMatches(text, scheme, 2);
    return replaceMatches(scrubbed, queryParameter, 2);
}

QJsonValue scrubSecrets(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return scrubSecretsInText(value.toString());
    case QJsonValue::Array:
        return scrubArray(value.toArray());
    case QJsonValue::Object:
        return scrubSecrets(value.toObject());
    default:
        return value;
    }
}

QJsonObject scrubSecrets(const QJsonObject &object)
{
    QJsonObject scrubbed;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const bool secret = isSecretKey(it.key()) && !it.value().isObject() && !it.value().isArray();
        scrubbed.insert(it.key(), secret ? maskJson(it.value()) : scrubSecrets(it.value()));
    }
    return scrubbed;
}

QJsonObject resultsForPanel(const QJsonObject &snapshot, const QString &panel)
{
    QStringList sections;
    if (panel == u"overview"_s)
        sections = {u"endpoints"_s, u"gaps"_s};
    else if (panel == u"observability"_s)
        sections = {u"kibana"_s, u"mimir"_s, u"gaps"_s};
    else if (panel == u"fixtures"_s)
        sections = {u"fixtures"_s};
    else if (panel == u"facts"_s)
        sections = {u"facts"_s, u"gaps"_s};
    else
        sections = {u"endpoints"_s, u"kibana"_s, u"mimir"_s, u"gaps"_s, u"fixtures"_s, u"facts"_s};

    QJsonObject results{{u"generated_at"_s, snapshot.value(u"generated_at"_s)}};
    for (const QString &section : sections)
        copySection(snapshot, results, section);
    return results;
}

CaptureProvenance provenanceFromSnapshot(const QJsonObject &snapshot, const QString &panel)
{
    CaptureProvenance provenance;
    provenance.environment = snapshot.value(u"environment"_s).toString();
    provenance.capturedAt = QDateTime::fromString(snapshot.value(u"generated_at"_s).toString(), Qt::ISODate).toUTC();
    provenance.configSha256 = snapshot.value(u"config_sha256"_s).toString();
    provenance.demo = snapshot.value(u"demo"_s).toBool();
    provenance.panel = panel;
    provenance.results = resultsForPanel(snapshot, panel);
    return provenance;
}

QJsonObject toJson(const CaptureProvenance &provenance)
{
    const QJsonObject object{
        {u"environment"_s, provenance.environment},
        {u"captured_at"_s, formatTime(provenance.capturedAt)},
        {u"app_version"_s, provenance.appVersion},
        {u"config_sha256"_s, provenance.configSha256},
        {u"demo"_s, provenance.demo},
        {u"panel"_s, provenance.panel},
        {u"device_pixel_ratio"_s, provenance.devicePixelRatio},
        {u"image_size"_s, sizeJson(provenance.imageSize)},
        {u"display_name"_s, provenance.displayName},
        {u"note"_s, provenance.note},
        {u"results"_s, provenance.results},
    };
    return scrubSecrets(object);
}

std::optional<CaptureProvenance> provenanceFromJson(const QJsonObject &object)
{
    if (!object.contains(u"captured_at"_s) || !object.contains(u"panel"_s))
        return std::nullopt;

    const QJsonObject size = object.value(u"image_size"_s).toObject();
    CaptureProvenance provenance;
    provenance.environment = object.value(u"environment"_s).toString();
    provenance.capturedAt = QDateTime::fromString(object.value(u"captured_at"_s).toString(), Qt::ISODate).toUTC();
    provenance.appVersion = object.value(u"app_version"_s).toString();
    provenance.configSha256 = object.value(u"config_sha256"_s).toString();
    provenance.demo = object.value(u"demo"_s).toBool();
    provenance.panel = object.value(u"panel"_s).toString();
    provenance.devicePixelRatio = object.value(u"device_pixel_ratio"_s).toDouble(1.0);
    provenance.imageSize = QSize(size.value(u"width"_s).toInt(), size.value(u"height"_s).toInt());
    provenance.displayName = object.value(u"display_name"_s).toString();
    provenance.note = object.value(u"note"_s).toString();
    provenance.results = object.value(u"results"_s).toObject();
    return provenance;
}

QString sidecarPath(const QString &pngPath)
{
    if (pngPath.endsWith(u".png"_s, Qt::CaseInsensitive))
        return pngPath.chopped(4) + u".json"_s;
    return pngPath + u".json"_s;
}

} // namespace poc
