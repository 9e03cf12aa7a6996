#include "commandline.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSet>

namespace poc::app {

namespace {

struct CommandSpec {
    Command command;
    QLatin1String name;
    QStringList options; // options this command accepts besides the common ones
};

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs{
        {Command::Check, QLatin1String("check"), {QStringLiteral("format")}},
        {Command::Capture, QLatin1String("capture"), {QStringLiteral("panel"), QStringLiteral("out")}},
        {Command::Report, QLatin1String("report"), {QStringLiteral("out")}},
        {Command::Fixtures, QLatin1String("fixtures"), {QStringLiteral("format"), QStringLiteral("label")}},
        {Command::Replica, QLatin1String("replica"), {QStringLiteral("listen")}},
    };
    return specs;
}

const QStringList kCommonOptions{QStringLiteral("config"), QStringLiteral("demo"), QStringLiteral("scenario")};
const QStringList kPanels{QStringLiteral("overview"), QStringLiteral("observability"), QStringLiteral("fixtures"),
                          QStringLiteral("facts"), QStringLiteral("window")};
const QStringList kCheckFormats{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("markdown"),
                                QStringLiteral("junit")};

ParseOutcome usageError(const QString &message)
{
    ParseOutcome outcome;
    outcome.output = QStringLiteral("arcade-poc-dashboard: %1\nRun 'arcade-poc-dashboard --help' for usage.\n")
                         .arg(message);
    outcome.exitCode = 2;
    outcome.outputIsError = true;
    return outcome;
}

ParseOutcome textOutcome(const QString &text)
{
    ParseOutcome outcome;
    outcome.output = text;
    return outcome;
}

void addOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOptions({
        {{QStringLiteral("h"), QStringLiteral("help")}, QString()},
        {{QStringLiteral("v"), QStringLiteral("version")}, QString()},
        {QStringLiteral("config"), QString(), QStringLiteral("FILE")},
        {QStringLiteral("demo"), QString()},
        {QStringLiteral("scenario"), QString(), QStringLiteral("NAME")},
        {QStringLiteral("format"), QString(), QStringLiteral("FORMAT")},
        {QStringLiteral("panel"), QString(), QStringLiteral("PANEL")},
        {QStringLiteral("out"), QString(), QStringLiteral("PATH")},
        {QStringLiteral("listen"), QString(), QStringLiteral("HOST:PORT")},
        {QStringLiteral("label"), QString(), QStringLiteral("LABEL")},
    });
}

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &spec : commandSpecs()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

std::optional<QString> rejectForeignOptions(const QCommandLineParser &parser, const CommandSpec *spec)
{
    const QStringList allowed = kCommonOptions + (spec ? spec->options : QStringList());
    for (const QString &name : parser.optionNames()) {
        const QString longName = name == QLatin1String("h") ? QStringLiteral("help") : name;
        if (longName == QLatin1String("help") || longName == QLatin1String("version") || allowed.contains(longName))
            continue;
        const QString where = spec ? QStringLiteral("'%1'").arg(spec->name) : QStringLiteral("the window");
        return QStringLiteral("option --%1 does not apply to %2").arg(longName, where);
    }
    return std::nullopt;
}

std::optional<QString> validateCommandOptions(const Invocation &invocation)
{
    switch (invocation.command) {
    case Command::Check:
        if (!kCheckFormats.contains(invocation.format))
            return QStringLiteral("invalid --format \"%1\"; use text, json, markdown or junit").arg(invocation.format);
        break;
    case Command::Capture:
        if (!kPanels.contains(invocation.panel))
            return QStringLiteral("invalid or missing --panel \"%1\"; use overview, observability, fixtures, facts or window")
                .arg(invocation.panel);
        if (!invocation.outPath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
            return QStringLiteral("missing or invalid --out \"%1\"; name a .png file to write").arg(invocation.outPath);
        break;
    case Command::Report:
        if (invocation.outPath.isEmpty())
            return QStringLiteral("missing --out DIR; name a new or empty folder for the report bundle");
        break;
    case Command::Replica:
        if (!invocation.listen.contains(QLatin1Char(':')))
            return QStringLiteral("invalid --listen \"%1\"; write HOST:PORT, such as 127.0.0.1:8931").arg(invocation.listen);
        break;
    case Command::Fixtures:
        if (invocation.commandArguments.isEmpty())
            return QStringLiteral("missing fixtures action; use list, set ID VALUE, set-api-key --label LABEL or verify");
        break;
    case Command::Window:
        break;
    }
    return std::nullopt;
}

Invocation readInvocation(const QCommandLineParser &parser, const CommandSpec *spec)
{
    Invocation invocation;
    invocation.command = spec ? spec->command : Command::Window;
    invocation.configPath = parser.value(QStringLiteral("config"));
    invocation.demo = parser.isSet(QStringLiteral("demo"));
    invocation.scenario = parser.value(QStringLiteral("scenario"));
    if (parser.isSet(QStringLiteral("format")))
        invocation.format = parser.value(QStringLiteral("format"));
    invocation.panel = parser.value(QStringLiteral("panel"));
    invocation.outPath = parser.value(QStringLiteral("out"));
    if (parser.isSet(QStringLiteral("listen")))
        invocation.listen = parser.value(QStringLiteral("listen"));

    invocation.commandArguments = parser.positionalArguments().mid(1);
    if (invocation.command == Command::Fixtures) {
        // The fixtures command parses its own words; hand the options it takes back to it.
        if (parser.isSet(QStringLiteral("label")))
            invocation.commandArguments << QStringLiteral("--label") << parser.value(QStringLiteral("label"));
        if (parser.isSet(QStringLiteral("format")))
            invocation.commandArguments << QStringLiteral("--format") << parser.value(QStringLiteral("format"));
    }
    return invocation;
}

} // namespace

ParseOutcome parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());

    if (parser.isSet(QStringLiteral("help")))
        return textOutcome(helpText());
    if (parser.isSet(QStringLiteral("version")))
        return textOutcome(versionText());

    const QStringList positional = parser.positionalArguments();
    const CommandSpec *spec = positional.isEmpty() ? nullptr : findCommand(positional.first());
    if (!positional.isEmpty() && !spec)
        return usageError(QStringLiteral("unknown command \"%1\"; use check, capture, report, fixtures or replica")
                              .arg(positional.first()));
    if (spec && spec->command != Command::Fixtures && positional.size() > 1)
        return usageError(QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1)));

    if (const auto error = rejectForeignOptions(parser, spec))
        return usageError(*error);
    if (parser.isSet(QStringLiteral("scenario")) && !parser.isSet(QStringLiteral("demo"))
        && (!spec || spec->command != Command::Replica))
        return usageError(QStringLiteral("--scenario needs --demo (or the replica command)"));
    if (parser.isSet(QStringLiteral("config")) && parser.isSet(QStringLiteral("demo")))
        return usageError(QStringLiteral("--config and --demo exclude each other; --demo uses the built-in demo config"));

    ParseOutcome outcome;
    outcome.invocation = readInvocation(parser, spec);
    if (const auto error = validateCommandOptions(*outcome.invocation))
        return usageError(*error);
    return outcome;
}

QString versionText()
{
    return QStringLiteral("arcade-poc-dashboard %1 (Qt %2)\n").arg(QStringLiteral(POC_VERSION), QString::fromLatin1(qVersion()));
}

QString helpText()
{
    return QStringLiteral(R"(Usage: arcade-poc-dashboard [COMMAND] [OPTIONS]

Watches a self-hosted Arcade installation: endpoint status, Kibana log evidence,
Mimir series, the category-5 observability gaps, the Phase 1 fixture table and the
recorded facts. Without a command it opens the window.

Commands:
  (none)                      Open the dashboard window.
  check                       Poll everything once and print the result.
      --format FORMAT         text (default), json, markdown or junit.
                              Exit status: 0 all healthy and no gap open,
                              1 something down, a gap open or a configured Kibana or
                              Mimir query failed, 2 invalid usage or config.
  capture                     Render one panel offscreen after one poll.
      --panel PANEL           overview, observability, fixtures, facts or window.
      --out FILE.png          PNG to write; provenance goes to FILE.json beside it.
  report                      Poll once and write a report bundle.
      --out DIR               New or empty folder for report.md, report.pdf, the raw
                              JSON, CSV tables, captures and SHA256SUMS.
  fixtures list [--format text|json|markdown|csv]
                              Print the Phase 1 fixture table (default format: text).
  fixtures set ID VALUE       Record a fixture value (status becomes "recorded").
  fixtures set-api-key --label LABEL
                              Store the Arcade API key in the OS keychain. The key is
                              read from standard input, never from the command line;
                              only LABEL and its last 4 characters are kept elsewhere.
  fixtures verify             Verify the fixtures live through the MCP gateway.
                              Exit status 1 when any fixture is a mismatch.
  replica                     Serve the loopback stand-in of the POC until interrupted.
      --listen HOST:PORT      Address to serve on (default 127.0.0.1:8931; port 0 picks
                              a free port).
      --scenario NAME         seed (default), fixed, outage, slow, auth-expired,
                              mcp-sse (the gateway answers as an event stream), and
                              the Kibana faults kibana-sign-in, shard-failure, slow-search.

Common options:
  --config FILE               YAML config to use. Default: the user config
                              (~/.config/arcade-poc-dashboard/config.yaml on Linux) if it
                              exists, else the embedded config of the live POC.
  --demo                      Start the replica in-process on a free loopback port and
                              watch it instead; every screen and capture shows DEMO.
                              Demo fixtures and keychain entries are kept apart.
  --scenario NAME             Replica scenario for --demo (default: seed).
  -h, --help                  Show this help.
  -v, --version               Show the version and the Qt version.

Durations in the config are written with a unit: 250ms, 30s, 15m, 2h or 7d.
Logging: QT_LOGGING_RULES="poc.*.debug=true" opens the poc.config, poc.probe,
poc.kibana, poc.mimir, poc.mcp, poc.fixtures, poc.evidence and poc.replica categories.
)");
}

} // namespace poc::app
