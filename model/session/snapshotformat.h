#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace poc {

enum class SnapshotFormat { Text, Json, Markdown, JUnit };

std::optional<SnapshotFormat> parseSnapshotFormat(QStringView name);

// Renders the snapshot document (the `check --format json` object) for people
// (text, Markdown) or for CI systems (JUnit XML, one test case per endpoint and gap).
QString formatSnapshot(const QJsonObject &snapshot, SnapshotFormat format);

} // namespace poc
