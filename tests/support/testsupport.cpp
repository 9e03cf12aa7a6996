#include "testsupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <gtest/gtest.h>

namespace poc::test {

namespace {

const QList<QByteArray> kXdgVariables{
    "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
};

QString folderFor(const QString &root, const QByteArray &variable)
{
    return root + QLatin1Char('/') + QString::fromLatin1(variable).toLower();
}

} // namespace

IsolatedPaths::IsolatedPaths()
{
    for (const QByteArray &variable : kXdgVariables) {
        m_saved.insert(variable, qgetenv(variable.constData()));
        const QString folder = folderFor(m_dir.path(), variable);
        QDir().mkpath(folder);
        qputenv(variable.constData(), QFile::encodeName(folder));
    }
}

IsolatedPaths::~IsolatedPaths()
{
    for (auto it = m_saved.cbegin(); it != m_saved.cend(); ++it) {
        if (it.value().isEmpty())
            qunsetenv(it.key().constData());
        else
            qputenv(it.key().constData(), it.value());
    }
}

QString IsolatedPaths::configHome() const { return folderFor(m_dir.path(), "XDG_CONFIG_HOME"); }
QString IsolatedPaths::dataHome() const { return folderFor(m_dir.path(), "XDG_DATA_HOME"); }
QString IsolatedPaths::cacheHome() const { return folderFor(m_dir.path(), "XDG_CACHE_HOME"); }

QProcessEnvironment IsolatedPaths::processEnvironment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QByteArray &variable : kXdgVariables)
        environment.insert(QString::fromLatin1(variable), folderFor(m_dir.path(), variable));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

ProcessResult runApp(const QStringList &arguments,
                     const QProcessEnvironment &environment,
                     const QByteArray &input,
                     std::chrono::milliseconds timeout)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(POC_APP_BINARY), arguments);

    ProcessResult result;
    if (!process.waitForStarted()) {
        result.standardError = process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(int(timeout.count()))) {
        process.kill();
        process.waitForFinished();
        result.timedOut = true;
    }
    result.exitCode = process.exitCode();
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds timeout)
{
    return QTest::qWaitFor(condition, int(timeout.count()));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    ASSERT_EQ(file.write(bytes), bytes.size()) << path.toStdString();
}

} // namespace poc::test
