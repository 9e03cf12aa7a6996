#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>
#include <functional>

namespace poc::test {

// Points the XDG config, data, cache and state locations at a fresh temporary folder
// for the lifetime of the object, so no test reads or writes the real home folder.
class IsolatedPaths final
{
public:
    IsolatedPaths();
    ~IsolatedPaths();
    Q_DISABLE_COPY_MOVE(IsolatedPaths)

    QString root() const { return m_dir.path(); }
    QString configHome() const;
    QString dataHome() const;
    QString cacheHome() const;

    // The environment for a child process that uses the same folders.
    QProcessEnvironment processEnvironment() const;

private:
    QTemporaryDir m_dir;
    QHash<QByteArray, QByteArray> m_saved;
};

struct ProcessResult {
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QByteArray standardOutput;
    QByteArray standardError;
};

// Runs the real arcade-poc-dashboard binary with `arguments`, writing `input` to its
// standard input, and waits for it to exit.
ProcessResult runApp(const QStringList &arguments,
                     const QProcessEnvironment &environment,
                     const QByteArray &input = {},
                     std::chrono::milliseconds timeout = std::chrono::seconds(60));

// Spins the event loop until `condition` is true or `timeout` passes, and returns the last value of `condition`.
bool waitUntil(const std::function<bool()> &condition,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));

// Reads a whole file; empty when it cannot be read.
QByteArray readFile(const QString &path);

// Writes `bytes` to `path`, creating folders; fails the current test when it cannot.
void writeFile(const QString &path, const QByteArray &bytes);

} // namespace poc::test
