#pragma once

#include <QList>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <chrono>

namespace poc::bench {

class LoopbackWorker;

// HTTP servers on 127.0.0.1 that respond to every request with the Engine's health document
// after a fixed delay and close the connection. They run on their own thread, so that the
// probes measured on the main thread (or a curl child process) share no event loop with them.
class LoopbackServers final
{
public:
    // Starts `count` servers, each on its own free port.
    LoopbackServers(int count, std::chrono::milliseconds delay);
    ~LoopbackServers();
    Q_DISABLE_COPY_MOVE(LoopbackServers)

    QList<QUrl> urls() const { return m_urls; }

private:
    QThread m_thread;
    LoopbackWorker *m_worker = nullptr;
    QList<QUrl> m_urls;
};

// The median of `values`, which must not be empty.
double median(QList<double> values);

// Resident set size of this process in KiB, from /proc/self/status.
qint64 residentKiB();

} // namespace poc::bench
