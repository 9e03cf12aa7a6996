#pragma once

#include "core/config.h"

#include <QList>
#include <QString>

#include <optional>

namespace poc {

// One problem found in a config file, located so that an editor can jump to it.
struct ConfigIssue {
    QString file;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    QString key;    // dotted path such as "endpoints[2].url"
    QString message;

    // "config.yaml:12:5: endpoints[2].url: invalid URL "htp:/x"; use an absolute http or https URL"
    QString toString() const;
};

struct ConfigLoadResult {
    std::optional<Config> config; // empty when any error was found
    QList<ConfigIssue> errors;
    QList<ConfigIssue> warnings; // unknown keys and the like; the config is still usable
};

// Parses YAML config text. `fileName` only labels the issues.
ConfigLoadResult parseConfig(const QByteArray &text, const QString &fileName);

// Reads and parses a config file. A missing or unreadable file is an error naming the path.
ConfigLoadResult loadConfigFile(const QString &path);

// The embedded default: the live POC.
Config defaultConfig();

// The demo config, every URL pointing at a replica served at `replicaBase` (http://127.0.0.1:PORT).
Config demoConfig(const QUrl &replicaBase);

// The user's config file in the app config location (it may not exist).
QString userConfigPath();

} // namespace poc
