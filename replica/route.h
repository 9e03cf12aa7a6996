#pragma once

#include "reply.h"

#include <QHttpServerRequest>
#include <QString>

#include <functional>

namespace poc::replica {

// One served path. `path` is a template with at most one `{name}` placeholder, such as
// "/mcp/{slug}"; the handler receives the placeholder's value as `argument`.
struct Route {
    QHttpServerRequest::Methods methods;
    QString path;
    std::function<Reply(const QHttpServerRequest &request, const QString &argument)> handler;
};

} // namespace poc::replica
