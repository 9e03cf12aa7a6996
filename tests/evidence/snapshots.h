#pragma once

#include "core/config.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace poc::test {

// Snapshot documents in the shape `check --format json` prints, with values like
// those the replica's seed scenario produces.

// The time every test snapshot was generated at: 2026-12-04T20:00:00Z.
QDateTime snapshotTime();

QJsonObject endpointJson(const QString &name, const QString &url, const QString &state, int httpStatus,
                         const QString &signInHost = {}, const QString &error = {});

// Four endpoints up (the Dashboard redirecting to `signInHost`), both category-5 gaps
// open, fixtures TBD, a Kibana query with export-failure samples, no Engine series.
QJsonObject seedSnapshot(const QString &signInHost = QStringLiteral("login.microsoftonline.com"));

// Replaces the entry with `key` == `id` in `array` of `snapshot`.
void replaceEntry(QJsonObject *snapshot, const QString &array, const QString &key, const QString &id,
                  const QJsonObject &entry);
void setGapState(QJsonObject *snapshot, const QString &gapId, const QString &state);
void setFixtureStatus(QJsonObject *snapshot, const QString &fixtureId, const QString &status);

// The facts of the embedded default configuration.
FactsConfig defaultFacts();

// A fake API key as a user would paste it. No output may contain it.
inline constexpr char kFakeSecret[] = "arc_live_7Gq2mZp9Xw4Lk8Rt0Vb3WXYZ";

} // namespace poc::test
