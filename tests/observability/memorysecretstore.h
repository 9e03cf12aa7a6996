#pragma once

#include "core/secretstore.h"

#include <QHash>
#include <QStringList>
#include <QTimer>

namespace poc::test {

// A SecretStore kept in memory, for client tests that are about HTTP rather than the
// keychain (the keychain itself is tested against gnome-keyring elsewhere). Callbacks
// run from the event loop, as with the real store.
class MemorySecretStore final : public SecretStore
{
public:
    using SecretStore::SecretStore;

    void set(const QString &entry, const QByteArray &secret) { m_secrets.insert(entry, secret); }
    QStringList reads() const { return m_reads; }

    void readSecret(const QString &entry, SecretCallback done) override
    {
        m_reads.append(entry);
        SecretResult result;
        if (m_secrets.contains(entry)) {
            result.secret = m_secrets.value(entry);
        } else {
            result.error = SecretError::NotFound;
            result.message = QStringLiteral("No keychain entry named \"%1\".").arg(entry);
        }
        QTimer::singleShot(0, this, [done, result] { done(result); });
    }

    void writeSecret(const QString &entry, const QByteArray &secret, SecretCallback done) override
    {
        m_secrets.insert(entry, secret);
        QTimer::singleShot(0, this, [done] { done({}); });
    }

    void deleteSecret(const QString &entry, SecretCallback done) override
    {
        m_secrets.remove(entry);
        QTimer::singleShot(0, this, [done] { done({}); });
    }

private:
    QHash<QString, QByteArray> m_secrets;
    QStringList m_reads;
};

} // namespace poc::test
