#pragma once

#include "core/configloader.h"

#include <yaml-cpp/yaml.h>

#include <QDate>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <initializer_list>
#include <optional>
#include <utility>

namespace poc {

// Typed reads from a yaml-cpp tree that record every problem as a ConfigIssue
// with the file, line, column and dotted key path, instead of throwing.
class YamlReader final
{
public:
    explicit YamlReader(QString fileName);

    enum class Presence { Required, Optional };

    void addError(const YAML::Node &node, const QString &path, const QString &message);
    void addWarning(const YAML::Node &node, const QString &path, const QString &message);

    bool isMap(const YAML::Node &node, const QString &path);
    bool isSequence(const YAML::Node &node, const QString &path);
    // Warns about keys of `map` that are not in `known`: likely typos, but not fatal.
    void warnUnknownKeys(const YAML::Node &map, const QString &path, std::initializer_list<const char *> known);

    // Reports every key that appears twice in one mapping, anywhere below `node`.
    void rejectDuplicateKeys(const YAML::Node &node, const QString &path);

    std::optional<QString> readString(const YAML::Node &map, const QString &path, const char *key,
                                      Presence presence = Presence::Optional);
    QString readString(const YAML::Node &map, const QString &path, const char *key, const QString &fallback);
    QUrl readUrl(const YAML::Node &map, const QString &path, const char *key, Presence presence);
    std::chrono::milliseconds readDuration(const YAML::Node &map, const QString &path, const char *key,
                                           std::chrono::milliseconds fallback);
    int readInt(const YAML::Node &map, const QString &path, const char *key, int fallback, int minimum, int maximum);
    bool readBool(const YAML::Node &map, const QString &path, const char *key, bool fallback);
    QStringList readStringList(const YAML::Node &map, const QString &path, const char *key);
    QDate readDate(const YAML::Node &map, const QString &path, const char *key);

    // Reads one of `choices` (the config spelling paired with its value).
    template <typename Enum>
    Enum readChoice(const YAML::Node &map, const QString &path, const char *key, Enum fallback,
                    std::initializer_list<std::pair<const char *, Enum>> choices)
    {
        const std::optional<QString> text = readString(map, path, key);
        if (!text)
            return fallback;
        QStringList spellings;
        for (const auto &[spelling, value] : choices) {
            if (*text == QLatin1String(spelling))
                return value;
            spellings.append(QLatin1String(spelling));
        }
        addError(map[key], join(path, key),
                 QStringLiteral("invalid value \"%1\"; use one of: %2").arg(*text, spellings.join(QStringLiteral(", "))));
        return fallback;
    }

    static QString join(const QString &path, const char *key);
    static QString index(const QString &path, std::size_t position);

    QList<ConfigIssue> takeErrors() { return std::exchange(m_errors, {}); }
    QList<ConfigIssue> takeWarnings() { return std::exchange(m_warnings, {}); }

private:
    ConfigIssue makeIssue(const YAML::Node &node, const QString &path, const QString &message) const;

    QString m_fileName;
    QList<ConfigIssue> m_errors;
    QList<ConfigIssue> m_warnings;
};

} // namespace poc
