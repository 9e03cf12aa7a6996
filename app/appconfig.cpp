#include "appconfig.h"

#include "commandline.h"
#include "replicaserver.h"

#include <QFileInfo>

#include <cstdio>

namespace poc::app {

namespace {

AppConfig startDemo(const Invocation &invocation)
{
    AppConfig result;
    const QString name = invocation.scenario.isEmpty() ? QStringLiteral("seed") : invocation.scenario;
    const auto scenario = replica::parseScenario(name);
    if (!scenario) {
        result.startError = QStringLiteral("unknown scenario \"%1\"; use one of: %2")
                                .arg(name, replica::scenarioNames().join(QStringLiteral(", ")));
        return result;
    }

    result.replica = std::make_shared<replica::ReplicaServer>(*scenario);
    if (result.replica->listen(QHostAddress::LocalHost, 0) == 0) {
        result.startError = QStringLiteral("cannot start the demo replica on 127.0.0.1: %1")
                                .arg(result.replica->errorString());
        result.replica.reset();
        return result;
    }
    result.load.config = demoConfig(result.replica->baseUrl());
    return result;
}

} // namespace

AppConfig resolveConfig(const Invocation &invocation)
{
    if (invocation.demo)
        return startDemo(invocation);

    AppConfig result;
    if (!invocation.configPath.isEmpty()) {
        result.load = loadConfigFile(invocation.configPath);
        return result;
    }
    if (QFileInfo::exists(userConfigPath())) {
        result.load = loadConfigFile(userConfigPath());
        return result;
    }
    result.load.config = defaultConfig();
    return result;
}

void printConfigIssues(const ConfigLoadResult &load)
{
    for (const ConfigIssue &issue : load.warnings)
        std::fprintf(stderr, "warning: %s\n", qPrintable(issue.toString()));
    for (const ConfigIssue &issue : load.errors)
        std::fprintf(stderr, "error: %s\n", qPrintable(issue.toString()));
    if (!load.errors.isEmpty())
        std::fprintf(stderr, "The config could not be used. Fix what the lines above name and run again.\n");
}

} // namespace poc::app
