#pragma once

#include "enginelogs.h"

#include <QString>

#include <functional>
#include <variant>

namespace poc::replica {

// A predicate over the flattened fields of a log line.
using DocumentFilter = std::function<bool(const LogFields &)>;

// Compiles the subset of Lucene query syntax (as in Elasticsearch's query_string) that
// the replica understands: terms `word`, `"phrase"`, `field:word`, `field:"phrase"`,
// `field:*`, a trailing `*` wildcard, `AND`, `OR`, `NOT`, `+`/`-` prefixes and
// parentheses. Adjacent terms join with OR, as Elasticsearch's default_operator does.
// `message` is matched as text (case-insensitive, phrase contained); other fields as
// keywords (whole value). Returns the filter, or a parse error message.
std::variant<DocumentFilter, QString> compileQueryString(const QString &query);

// Whether `value` of `field` matches `term` under the rules above.
bool fieldMatches(const QString &field, const QString &value, const QString &term);

} // namespace poc::replica
