#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QSize>
#include <QString>

#include <optional>

namespace poc {

// Where a capture came from: written as the sidecar JSON next to its PNG.
struct CaptureProvenance {
    QString environment;
    QDateTime capturedAt; // UTC
    QString appVersion = QStringLiteral(POC_VERSION);
    QString configSha256;
    bool demo = false;
    QString panel; // "overview", "observability", "fixtures", "facts", "window"
    qreal devicePixelRatio = 1.0;
    QSize imageSize;     // in device pixels
    QJsonObject results; // the snapshot sections behind the panel
    QString displayName; // set by the user in the evidence dock, may be empty
    QString note;        // the user's annotation, may be empty
};

// Starts a provenance from a snapshot document: environment, config hash, demo flag,
// generation time as capture time, and the sections that `panel` shows.
CaptureProvenance provenanceFromSnapshot(const QJsonObject &snapshot, const QString &panel);

// Returns the snapshot sections a panel shows, with generated_at:
//   overview: endpoints, gaps        observability: kibana, mimir, gaps
//   fixtures: fixtures               facts: facts, gaps
//   anything else (the whole window): every section
QJsonObject resultsForPanel(const QJsonObject &snapshot, const QString &panel);

// The sidecar document, with scrubSecrets() applied to everything in it.
QJsonObject toJson(const CaptureProvenance &provenance);
std::optional<CaptureProvenance> provenanceFromJson(const QJsonObject &object);

// Returns the sidecar path of a capture: "out.png" -> "out.json", and other names get ".json" appended.
QString sidecarPath(const QString &pngPath);

// Masks anything that looks like a secret. Values under keys named like authorization,
// api_key, secret, password or token are masked, and so are Bearer/Basic credentials and
// secret-like URL query parameters inside any string. A mask keeps the last 4 characters
// of values of 12 characters or more. A value already in "label …1234" form stays as it is.
QJsonValue scrubSecrets(const QJsonValue &value);
QJsonObject scrubSecrets(const QJsonObject &object);
QString scrubSecretsInText(const QString &text);

// "…1234" for values of 12 characters or more, "…" for shorter ones.
QString maskSecret(const QString &secret);

// Whether a JSON key names a secret (case and separators ignored).
bool isSecretKey(const QString &key);

} // namespace poc
