#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace poc::app {

enum class Command { Window, Check, Capture, Report, Fixtures, Replica };

// A validated command-line request.
struct Invocation {
    Command command = Command::Window;
    QString configPath;           // --config FILE; empty: user config or embedded default
    bool demo = false;            // --demo
    QString scenario;             // --scenario NAME for --demo and replica
    QString format = QStringLiteral("text"); // check --format
    QString panel;                // capture --panel
    QString outPath;              // capture/report --out
    QString listen = QStringLiteral("127.0.0.1:8931"); // replica --listen HOST:PORT
    QStringList commandArguments; // what follows `fixtures`, passed on as it is
};

// Either an invocation to run, or text to print and an exit status (help, version, usage errors).
struct ParseOutcome {
    std::optional<Invocation> invocation;
    QString output;
    int exitCode = 0;
    bool outputIsError = false;
};

ParseOutcome parseCommandLine(const QStringList &arguments);

QString helpText();
QString versionText();

} // namespace poc::app
