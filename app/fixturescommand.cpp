#include "fixturescommand.h"

#include "appsession.h"

#include "core/config.h"
#include "fixtures/fixturestore.h"
#include "fixtures/fixturetablemodel.h"
#include "fixtures/fixtureverifier.h"
#include "fixtures/keychainsecretstore.h"
#include "replicaserver.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <cstdio>
#include <optional>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace poc::app {

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
}

int usage(const QString &message)
{
    print(stderr, u"arcade-poc-dashboard fixtures: %1\n"_s.arg(message));
    return kUsage;
}

int failure(const QString &message)
{
    print(stderr, u"error: %1\n"_s.arg(message));
    return kFailed;
}

// The table and its file for one command, with notices (read-only, file moved aside)
// printed to standard error.
struct FixtureTable {
    FixtureStore store;
    std::unique_ptr<FixtureTableModel> model;

    explicit FixtureTable(bool demo)
        : store(FixtureStore::defaultPath(demo), demo ? demoFixtures() : defaultFixtures())
    {
        for (const FixtureStoreMessage &notice : store.open())
            print(stderr, u"note: %1\n"_s.arg(notice.message));
        model = std::make_unique<FixtureTableModel>(&store);
    }
};

QString entryName(const Config &config)
{
    return config.gateway.apiKey.isSet() ? config.gateway.apiKey.entry : u"arcade-api-key"_s;
}

// --- list ---------------------------------------------------------------------------

QString lastVerified(const Fixture &fixture)
{
    return fixture.verifiedAt.isValid() ? formatUtc(fixture.verifiedAt) : u"never"_s;
}

QString formatText(const QList<Fixture> &fixtures)
{
    QString text = u"%1  %2  %3  %4  %5\n"_s.arg(u"FIXTURE"_s, -22).arg(u"STATUS"_s, -9).arg(u"TASK"_s, -9)
                       .arg(u"LAST VERIFIED"_s, -20).arg(u"VALUE"_s);
    for (const Fixture &fixture : fixtures) {
        text += u"%1  %2  %3  %4  %5\n"_s.arg(fixture.id, -22).arg(toString(fixture.status), -9)
                    .arg(fixture.task, -9).arg(lastVerified(fixture), -20).arg(fixture.displayValue());
        if (!fixture.evidence.isEmpty())
            text += u"%1  evidence: %2\n"_s.arg(QString(), -22).arg(fixture.evidence);
    }
    return text;
}

QString markdownCell(QString text)
{
    return text.replace(u"|"_s, u"\\|"_s).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QString formatMarkdown(const QList<Fixture> &fixtures)
{
    QString text = u"| Fixture | Value | Task | Status | Last verified (UTC) | Evidence |\n"
                   "|---|---|---|---|---|---|\n"_s;
    for (const Fixture &fixture : fixtures) {
        const QStringList cells{fixture.title, fixture.displayValue(), fixture.task, toString(fixture.status),
                                lastVerified(fixture), fixture.evidence};
        QStringList escaped;
        for (const QString &cell : cells)
            escaped.append(markdownCell(cell));
        text += u"| "_s + escaped.join(u" | "_s) + u" |\n"_s;
    }
    return text;
}

QString csvField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n')))
        return field;
    QString quoted = field;
    return QLatin1Char('"') + quoted.replace(u"\""_s, u"\"\""_s) + QLatin1Char('"');
}

QString formatCsv(const QList<Fixture> &fixtures)
{
    QString text = u"id,title,value,task,status,verified_at,evidence\r\n"_s;
    for (const Fixture &fixture : fixtures) {
        const QStringList fields{fixture.id, fixture.title, fixture.hasValue() ? fixture.displayValue() : u"TBD"_s,
                                 fixture.task, toString(fixture.status), formatUtc(fixture.verifiedAt), fixture.evidence};
        QStringList quoted;
        for (const QString &field : fields)
            quoted.append(csvField(field));
        text += quoted.join(QLatin1Char(',')) + u"\r\n"_s;
    }
    return text;
}

int runList(const QCommandLineParser &parser, bool demo)
{
    const QString format = parser.isSet(u"format"_s) ? parser.value(u"format"_s) : u"text"_s;
    static const QStringList formats{u"text"_s, u"json"_s, u"markdown"_s, u"csv"_s};
    if (!formats.contains(format))
        return usage(u"invalid --format \"%1\"; use text, json, markdown or csv"_s.arg(format));

    FixtureTable table(demo);
    const QList<Fixture> &fixtures = table.model->fixtures();
    if (format == u"json"_s) {
        const QJsonObject object{{u"demo"_s, demo}, {u"fixtures"_s, table.model->fixturesJson()}};
        print(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    } else if (format == u"markdown"_s) {
        print(stdout, formatMarkdown(fixtures));
    } else if (format == u"csv"_s) {
        print(stdout, formatCsv(fixtures));
    } else {
        print(stdout, formatText(fixtures));
    }
    return kOk;
}

// --- set ----------------------------------------------------------------------------

int runSet(const QStringList &positional, bool demo)
{
    if (positional.size() != 3)
        return usage(u"set needs an id and a value: fixtures set ID VALUE (quote a value with spaces)"_s);

    FixtureTable table(demo);
    const QString &id = positional.at(1);
    const FixtureValidation validation = validateFixtureValue(id, positional.at(2));
    if (!validation.ok())
        return usage(validation.error);
    if (table.model->isReadOnly())
        return failure(table.model->readOnlyReason());

    QString saveError;
    QObject::connect(table.model.get(), &FixtureTableModel::saveFailed, table.model.get(),
                     [&saveError](const QString &message, const QString &) { saveError = message; });
    const QString error = table.model->setValue(id, positional.at(2));
    if (!error.isEmpty())
        return usage(error);
    if (!saveError.isEmpty())
        return failure(saveError);

    print(stdout, u"%1 = %2 (%3)\n"_s.arg(id, table.model->fixture(id)->displayValue(),
                                          toString(table.model->fixture(id)->status)));
    return kOk;
}

// --- set-api-key and delete-api-key ---------------------------------------------------

// Reads the key from standard input. On a terminal the typed characters are not echoed.
QByteArray readSecretFromStdin()
{
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        print(stderr, u"API key (input hidden): "_s);
    }

    QFile input;
    QByteArray secret;
    if (input.open(stdin, QIODevice::ReadOnly))
        secret = terminal ? input.readLine() : input.readAll();

    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        print(stderr, u"\n"_s);
    }
    while (secret.endsWith('\n') || secret.endsWith('\r'))
        secret.chop(1);
    return secret;
}

SecretResult waitFor(const std::function<void(SecretCallback)> &operation)
{
    QEventLoop loop;
    std::optional<SecretResult> result;
    operation([&loop, &result](const SecretResult &finished) {
        result = finished;
        loop.quit();
    });
    // The callback may already have run, and then quit() found no running loop.
    if (!result)
        loop.exec();
    return *result;
}

int runSetApiKey(const QCommandLineParser &parser, const Config &config, bool demo)
{
    if (!parser.isSet(u"label"_s) || parser.value(u"label"_s).trimmed().isEmpty())
        return usage(u"set-api-key needs --label LABEL, a name for the key such as \"evaluation key\""_s);
    const QString label = parser.value(u"label"_s).trimmed();

    FixtureTable table(demo);
    if (table.model->isReadOnly())
        return failure(table.model->readOnlyReason());

    const QByteArray secret = readSecretFromStdin();
    if (secret.trimmed().isEmpty())
        return usage(u"no API key on standard input; pipe it in, such as: secret-tool lookup ... | "
                     "arcade-poc-dashboard fixtures set-api-key --label LABEL"_s);

    KeychainSecretStore keychain(demo);
    const QString entry = entryName(config);
    const SecretResult stored = waitFor([&](SecretCallback done) { keychain.writeSecret(entry, secret, std::move(done)); });
    if (!stored.ok())
        return failure(stored.message);

    const ApiKeyRecord record = ApiKeyRecord::fromSecret(label, secret);
    table.model->setApiKeyRecord(record);
    print(stdout, u"Stored the API key %1 in the keychain entry \"%2\" (service %3).\n"_s
                      .arg(record.display(), entry, KeychainSecretStore::serviceName(demo)));
    return kOk;
}

int runDeleteApiKey(const Config &config, bool demo)
{
    FixtureTable table(demo);
    if (table.model->isReadOnly())
        return failure(table.model->readOnlyReason());

    KeychainSecretStore keychain(demo);
    const QString entry = entryName(config);
    const SecretResult deleted = waitFor([&](SecretCallback done) { keychain.deleteSecret(entry, std::move(done)); });
    if (!deleted.ok() && deleted.error != SecretError::NotFound)
        return failure(deleted.message);

    table.model->setApiKeyRecord({});
    print(stdout, u"Deleted the API key from the keychain entry \"%1\".\n"_s.arg(entry));
    return kOk;
}

// --- verify ---------------------------------------------------------------------------

void printReport(const VerificationReport &report)
{
    for (const Fixture &fixture : report.checked)
        print(stdout, u"%1  %2  %3\n"_s.arg(toString(fixture.status), -9).arg(fixture.id, -22).arg(fixture.evidence));
    for (const QString &line : report.notChecked)
        print(stdout, u"%1  %2\n"_s.arg(u"skipped"_s, -9).arg(line));
    print(report.ok() ? stdout : stderr, report.summary + QLatin1Char('\n'));
}

int runVerify(const Config &config, bool demo)
{
    FixtureTable table(demo);
    KeychainSecretStore keychain(demo);
    QNetworkAccessManager network;
    FixtureVerifier verifier(table.model.get(), &keychain, config, &network);
    if (demo) {
        verifier.setKeyFallback([] { return replica::ReplicaServer::demoApiKey(); });
        recordDemoKeyIfMissing(*table.model);
    }

    QEventLoop loop;
    std::optional<VerificationReport> report;
    QObject::connect(&verifier, &FixtureVerifier::finished, &loop, [&loop, &report](const VerificationReport &finished) {
        report = finished;
        loop.quit();
    });
    verifier.verify();
    if (!report)
        loop.exec();

    printReport(*report);
    return report->ok() ? kOk : kFailed;
}

} // namespace

int runFixturesCommand(const QStringList &arguments, const Config &config, bool demo)
{
    QCommandLineParser parser;
    parser.addOption({u"format"_s, u"Output format of list: text, json, markdown or csv."_s, u"format"_s});
    parser.addOption({u"label"_s, u"Label of the API key for set-api-key."_s, u"label"_s});
    if (!parser.parse(QStringList{u"fixtures"_s} + arguments))
        return usage(parser.errorText());

    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == u"list"_s && positional.size() == 1)
        return runList(parser, demo);
    if (action == u"set"_s)
        return runSet(positional, demo);
    if (action == u"set-api-key"_s && positional.size() == 1)
        return runSetApiKey(parser, config, demo);
    if (action == u"delete-api-key"_s && positional.size() == 1)
        return runDeleteApiKey(config, demo);
    if (action == u"verify"_s && positional.size() == 1)
        return runVerify(config, demo);
    return usage(u"invalid arguments \"%1\"; use list [--format text|json|markdown|csv], set ID VALUE, "
                 "set-api-key --label LABEL, delete-api-key or verify"_s.arg(arguments.join(QLatin1Char(' '))));
}

} // namespace poc::app
