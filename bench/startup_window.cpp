// Measures start-up to the first painted main window; the target is a median of at most 400 ms.
// The parent run starts itself `runs` times as a child process. Each child builds the real
// window against an in-process replica, then prints the time from its process start (read
// from /proc/self/stat) to the main window's first paint event.

#include "appsession.h"
#include "core/configloader.h"
#include "mainwindow/mainwindow.h"
#include "replicaserver.h"
#include "session/monitor.h"
#include "windowbuilder.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

// Milliseconds since this process started, from the kernel's start time in clock ticks.
double millisecondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Field 22 is starttime; fields after the ")" of the command name are space separated.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

class FirstPaintFilter final : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            std::printf("%.1f\n", millisecondsSinceProcessStart());
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_reported = false;
};

int runChild(int argc, char **argv)
{
    QApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("arcade-poc-dashboard-bench"));

    auto replica = std::make_shared<poc::replica::ReplicaServer>(poc::replica::Scenario::Seed);
    replica->listen();
    poc::app::AppSession session(poc::demoConfig(replica->baseUrl()), replica);
    poc::app::PanelSet panels(session);
    FirstPaintFilter filter;
    panels.window()->installEventFilter(&filter);
    panels.window()->show();
    session.monitor()->start();
    return QApplication::exec();
}

int runParent(const char *self, int runs)
{
    QList<double> samples;
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        child.start(QString::fromLocal8Bit(self), {QStringLiteral("--child")});
        child.waitForFinished(30000);
        bool ok = false;
        const double ms = child.readAllStandardOutput().trimmed().toDouble(&ok);
        if (ok)
            samples.append(ms);
    }
    if (samples.isEmpty()) {
        std::fprintf(stderr, "no child run reported a first paint\n");
        return 1;
    }
    std::sort(samples.begin(), samples.end());
    std::printf("start-up to first painted window over %lld runs: median %.1f ms, min %.1f ms, max %.1f ms\n",
                qlonglong(samples.size()), samples.at(samples.size() / 2), samples.first(), samples.last());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--child") == 0)
        return runChild(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 21;
    return runParent(argv[0], runs);
}
