#include "replicacommand.h"

#include "replicaserver.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <optional>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

struct ListenAddress {
    QHostAddress host;
    quint16 port = 0;
};

// The write end of the pipe that turns SIGINT/SIGTERM into an event-loop event.
int signalPipeWriteEnd = -1;

void handleSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here; a full pipe just means a quit is already pending.
    [[maybe_unused]] const auto written = ::write(signalPipeWriteEnd, &byte, 1);
}

std::optional<ListenAddress> parseListen(const QString &listen)
{
    if (listen.isEmpty())
        return ListenAddress{QHostAddress(QHostAddress::LocalHost), 0};

    const qsizetype colon = listen.lastIndexOf(u':');
    if (colon < 0)
        return std::nullopt;

    QString host = listen.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    const QHostAddress address(host == u"localhost" ? u"127.0.0.1"_s : host);
    if (!portOk || port > 65535 || address.isNull())
        return std::nullopt;
    return ListenAddress{address, static_cast<quint16>(port)};
}

bool installSignalHandlers(QObject *context)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return false;

    signalPipeWriteEnd = fds[1];
    auto *notifier = new QSocketNotifier(fds[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [] { QCoreApplication::quit(); });
    std::signal(SIGINT, handleSignal);
    std::signal(SIGTERM, handleSignal);
    return true;
}

void printBanner(QTextStream &out, const ReplicaServer &server, Scenario scenario)
{
    out << "Replica (scenario " << toString(scenario) << ") serving on " << server.baseUrl().toString() << "\n";
    out << "Routes:\n";
    for (const QString &route : ReplicaServer::routeList())
        out << "  " << route << "\n";
    out << "Demo API key: " << QString::fromLatin1(ReplicaServer::demoApiKey()) << "  user: " << ReplicaServer::demoUserId() << "\n";
    out << "Press Ctrl+C to stop.\n";
    out.flush();
}

} // namespace

int runReplicaCommand(const QString &listen, Scenario scenario)
{
    QTextStream err(stderr);
    const auto address = parseListen(listen);
    if (!address) {
        err << "Invalid --listen value '" << listen << "': expected HOST:PORT, such as 127.0.0.1:8080.\n";
        return 2;
    }
    if (!address->host.isLoopback())
        err << "Warning: the replica listens on " << address->host.toString()
            << ", which is not a loopback address; it has no authentication beyond the public demo API key.\n";

    ReplicaServer server(scenario);
    if (server.listen(address->host, address->port) == 0) {
        err << "The replica could not listen on " << listen << ": " << server.errorString() << "\n";
        return 1;
    }
    if (!installSignalHandlers(&server))
        err << "Warning: could not install the SIGINT/SIGTERM handlers; stop the replica by killing it.\n";

    QTextStream out(stdout);
    printBanner(out, server, scenario);
    QCoreApplication::exec();

    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    out << "Replica stopped.\n";
    return 0;
}

} // namespace poc::replica
