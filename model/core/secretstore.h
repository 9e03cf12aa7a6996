#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace poc {

enum class SecretError {
    None,
    NotFound,          // no entry of that name
    NoKeychain,        // no Secret Service, KWallet, Keychain or Credential Manager reachable
    AccessDenied,      // the keychain is locked or the user refused
    Other,
};

struct SecretResult {
    SecretError error = SecretError::None;
    QByteArray secret;   // empty unless a read succeeded
    QString message;     // user-facing sentence: what failed and how to fix it

    bool ok() const { return error == SecretError::None; }
};

using SecretCallback = std::function<void(const SecretResult &)>;

// Asynchronous access to the OS keychain. Entries are named by the config
// ("arcade-api-key", "kibana", ...); the implementation keeps demo entries apart
// from live ones. Callbacks run on the caller's thread, from the event loop.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void readSecret(const QString &entry, SecretCallback done) = 0;
    virtual void writeSecret(const QString &entry, const QByteArray &secret, SecretCallback done) = 0;
    virtual void deleteSecret(const QString &entry, SecretCallback done) = 0;
};

} // namespace poc
