#include "appconfig.h"
#include "appsession.h"
#include "capturecommand.h"
#include "checkcommand.h"
#include "commandline.h"
#include "fixturescommand.h"
#include "reportcommand.h"
#include "replicacommand.h"
#include "scenario.h"
#include "windowcommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>

#include <cstdio>
#include <memory>

namespace {

using poc::app::Command;
using poc::app::Invocation;

const char *const kAppName = "arcade-poc-dashboard";

QStringList argumentList(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

// Qt's own -platform option is read by QGuiApplication; the command-line parser does not receive it.
QStringList withoutPlatformOption(QStringList arguments, QString *platform)
{
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("-platform") || arguments.at(i) == QLatin1String("--platform")) {
            *platform = arguments.at(i + 1);
            arguments.remove(i, 2);
            break;
        }
    }
    return arguments;
}

bool hasDisplay(const QString &platformOption)
{
    if (!platformOption.isEmpty() || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
}

std::unique_ptr<QCoreApplication> createApplication(Command command, int &argc, char **argv)
{
    const bool needsGui = command == Command::Window || command == Command::Capture || command == Command::Report;
    if (!needsGui)
        return std::make_unique<QCoreApplication>(argc, argv);

    // Captures and reports render offscreen, so they work without a display.
    if (command != Command::Window && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    auto application = std::make_unique<QApplication>(argc, argv);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Arcade POC Dashboard"));
    QGuiApplication::setDesktopFileName(QStringLiteral(POC_APP_ID));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/" POC_APP_ID ".svg")));
    return application;
}

int runReplica(const Invocation &invocation)
{
    const QString name = invocation.scenario.isEmpty() ? QStringLiteral("seed") : invocation.scenario;
    const auto scenario = poc::replica::parseScenario(name);
    if (!scenario) {
        print(stderr, QStringLiteral("arcade-poc-dashboard: unknown scenario \"%1\"; use one of: %2\n")
                          .arg(name, poc::replica::scenarioNames().join(QStringLiteral(", "))));
        return 2;
    }
    return poc::replica::runReplicaCommand(invocation.listen, *scenario);
}

int runWithConfig(const Invocation &invocation)
{
    poc::app::AppConfig appConfig = poc::app::resolveConfig(invocation);
    if (!appConfig.startError.isEmpty()) {
        print(stderr, QStringLiteral("error: %1\n").arg(appConfig.startError));
        return 2;
    }
    if (invocation.command == Command::Window)
        return poc::app::runWindowCommand(invocation, appConfig);

    poc::app::printConfigIssues(appConfig.load);
    if (!appConfig.load.config)
        return 2;
    const poc::Config &config = *appConfig.load.config;
    if (invocation.command == Command::Fixtures)
        return poc::app::runFixturesCommand(invocation.commandArguments, config, invocation.demo);

    poc::app::AppSession session(config, appConfig.replica);
    switch (invocation.command) {
    case Command::Check:
        return poc::app::runCheckCommand(invocation, session);
    case Command::Capture:
        return poc::app::runCaptureCommand(invocation, session);
    case Command::Report:
        return poc::app::runReportCommand(invocation, session);
    default:
        return 2;
    }
}

} // namespace

int main(int argc, char **argv)
{
    QString platform;
    const QStringList arguments = withoutPlatformOption(argumentList(argc, argv), &platform);
    const poc::app::ParseOutcome outcome = poc::app::parseCommandLine(arguments);
    if (!outcome.invocation) {
        print(outcome.outputIsError ? stderr : stdout, outcome.output);
        return outcome.exitCode;
    }

    const Invocation &invocation = *outcome.invocation;
    if (invocation.command == Command::Window && !hasDisplay(platform)) {
        print(stderr, QStringLiteral(
            "arcade-poc-dashboard: cannot open the window: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
            "Run it inside a desktop session, add '--platform offscreen' to run without showing anything, or use a\n"
            "command that needs no display: check, capture, report, fixtures or replica (see --help).\n"));
        return 2;
    }

    QCoreApplication::setApplicationName(QString::fromLatin1(kAppName));
    QCoreApplication::setApplicationVersion(QStringLiteral(POC_VERSION));
    const auto application = createApplication(invocation.command, argc, argv);
    if (invocation.command == Command::Replica)
        return runReplica(invocation);
    return runWithConfig(invocation);
}
