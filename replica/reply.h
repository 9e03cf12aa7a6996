#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <utility>

class QJsonArray;
class QJsonObject;

namespace poc::replica {

// One HTTP response as a route builds it; the server writes it, after `delay` when set.
struct Reply {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    std::chrono::milliseconds delay{0};

    void addHeader(const QByteArray &name, const QByteArray &value) { headers.emplaceBack(name, value); }
};

Reply jsonReply(const QJsonObject &object, int status = 200);
Reply jsonReply(const QJsonArray &array, int status = 200);
Reply textReply(const QByteArray &text, int status = 200);
Reply htmlReply(const QByteArray &html, int status = 200);
Reply emptyReply(int status);

// A small HTML page standing in for a web UI that the replica does not serve, so that
// deep links opened from the demo land on an explanation instead of a 404.
Reply standInPage(const QString &product, const QString &pathAndQuery);

} // namespace poc::replica
