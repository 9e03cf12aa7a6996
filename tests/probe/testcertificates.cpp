#include "testcertificates.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace poc::test {

namespace {

const QStringList kEcKey{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s};

// Runs openssl in `folder`; returns an error sentence, empty on success.
QString runOpenssl(const QString &folder, const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(u"openssl"_s);
    if (program.isEmpty())
        return u"The openssl command was not found; install the Debian package openssl."_s;

    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return u"openssl %1 failed: %2"_s.arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()));
    return {};
}

QString writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return u"Could not write %1: %2"_s.arg(path, file.errorString());
    return {};
}

// Makes NAME.key and NAME.pem signed by the test CA, valid for `days` (negative: already expired).
QString makeSignedLeaf(const QString &folder, const QString &name, const QString &subjectAltName, int days)
{
    const QString extensions = name + u".ext"_s;
    QString error = writeText(folder + u'/' + extensions, "subjectAltName=" + subjectAltName.toLatin1() + '\n');
    if (!error.isEmpty())
        return error;

    error = runOpenssl(folder, QStringList{u"req"_s} + kEcKey + QStringList{
        u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".csr"_s, u"-subj"_s, u"/CN=%1 test leaf"_s.arg(name)});
    if (!error.isEmpty())
        return error;

    return runOpenssl(folder, {u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, u"ca.pem"_s,
                               u"-CAkey"_s, u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, name + u".pem"_s,
                               u"-days"_s, QString::number(days), u"-extfile"_s, extensions});
}

ServerIdentity loadIdentity(const QString &folder, const QString &name, const QSslCertificate &issuer)
{
    ServerIdentity identity;
    identity.chain = QSslCertificate::fromPath(folder + u'/' + name + u".pem"_s);
    if (!issuer.isNull())
        identity.chain.append(issuer);

    QFile keyFile(folder + u'/' + name + u".key"_s);
    if (keyFile.open(QIODevice::ReadOnly))
        identity.key = QSslKey(keyFile.readAll(), QSsl::Ec);
    return identity;
}

QString makeAll(const QString &folder)
{
    QString error = runOpenssl(folder, QStringList{u"req"_s, u"-x509"_s} + kEcKey + QStringList{
        u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"10"_s, u"-subj"_s, u"/CN=POC Test CA"_s});
    if (error.isEmpty())
        error = makeSignedLeaf(folder, u"valid"_s, u"IP:127.0.0.1"_s, 20);
    if (error.isEmpty())
        error = makeSignedLeaf(folder, u"expired"_s, u"IP:127.0.0.1"_s, -1);
    if (error.isEmpty())
        error = makeSignedLeaf(folder, u"wronghost"_s, u"DNS:wrong-host.test"_s, 20);
    if (error.isEmpty())
        error = runOpenssl(folder, QStringList{u"req"_s, u"-x509"_s} + kEcKey + QStringList{
            u"-keyout"_s, u"selfsigned.key"_s, u"-out"_s, u"selfsigned.pem"_s, u"-days"_s, u"20"_s,
            u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
    return error;
}

} // namespace

TestCertificates makeTestCertificates(const QString &folder)
{
    TestCertificates certificates;
    certificates.error = makeAll(folder);
    if (!certificates.error.isEmpty())
        return certificates;

    certificates.caPath = folder + u"/ca.pem"_s;
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(certificates.caPath);
    certificates.ca = ca.value(0);
    certificates.valid = loadIdentity(folder, u"valid"_s, certificates.ca);
    certificates.expired = loadIdentity(folder, u"expired"_s, certificates.ca);
    certificates.wrongHost = loadIdentity(folder, u"wronghost"_s, certificates.ca);
    certificates.selfSigned = loadIdentity(folder, u"selfsigned"_s, QSslCertificate());
    return certificates;
}

} // namespace poc::test
