#include "core/yamlreader.h"

#include "core/duration.h"

#include <QSet>

namespace poc {

namespace {

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

QString describeType(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return QStringLiteral("a mapping");
    case YAML::NodeType::Sequence:
        return QStringLiteral("a list");
    case YAML::NodeType::Null:
        return QStringLiteral("an empty value");
    default:
        return QStringLiteral("a scalar");
    }
}

} // namespace

YamlReader::YamlReader(QString fileName)
    : m_fileName(std::move(fileName))
{
}

ConfigIssue YamlReader::makeIssue(const YAML::Node &node, const QString &path, const QString &message) const
{
    ConfigIssue issue;
    issue.file = m_fileName;
    issue.key = path;
    issue.message = message;

    // yaml-cpp marks are 0-based; a node created by operator[] for a missing key has no mark.
    const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
    if (!mark.is_null()) {
        issue.line = mark.line + 1;
        issue.column = mark.column + 1;
    }
    return issue;
}

void YamlReader::addError(const YAML::Node &node, const QString &path, const QString &message)
{
    m_errors.append(makeIssue(node, path, message));
}

void YamlReader::addWarning(const YAML::Node &node, const QString &path, const QString &message)
{
    m_warnings.append(makeIssue(node, path, message));
}

QString YamlReader::join(const QString &path, const char *key)
{
    const QString name = QString::fromUtf8(key);
    return path.isEmpty() ? name : path + QLatin1Char('.') + name;
}

QString YamlReader::index(const QString &path, std::size_t position)
{
    return path + QLatin1Char('[') + QString::number(position) + QLatin1Char(']');
}

bool YamlReader::isMap(const YAML::Node &node, const QString &path)
{
    if (node.IsMap())
        return true;
    addError(node, path, QStringLiteral("expected a mapping of keys, found %1").arg(describeType(node)));
    return false;
}

bool YamlReader::isSequence(const YAML::Node &node, const QString &path)
{
    if (node.IsSequence())
        return true;
    addError(node, path, QStringLiteral("expected a list, found %1").arg(describeType(node)));
    return false;
}

void YamlReader::warnUnknownKeys(const YAML::Node &map, const QString &path,
                                 std::initializer_list<const char *> known)
{
    for (const auto &entry : map) {
        const std::string key = entry.first.Scalar();
        bool isKnown = false;
        for (const char *name : known)
            isKnown = isKnown || key == name;
        if (!isKnown)
            addWarning(entry.first, join(path, key.c_str()), QStringLiteral("unknown key; it is ignored"));
    }
}

void YamlReader::rejectDuplicateKeys(const YAML::Node &node, const QString &path)
{
    if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            rejectDuplicateKeys(node[i], index(path, i));
        return;
    }
    if (!node.IsMap())
        return;

    // yaml-cpp keeps both entries of a repeated key and reads the first, which would
    // silently ignore the user's later line.
    QSet<QString> seen;
    for (const auto &entry : node) {
        const QString key = QString::fromStdString(entry.first.Scalar());
        const QString keyPath = path.isEmpty() ? key : path + QLatin1Char('.') + key;
        if (seen.contains(key))
            addError(entry.first, keyPath, QStringLiteral("duplicate key; keep only one of its lines"));
        seen.insert(key);
        rejectDuplicateKeys(entry.second, keyPath);
    }
}

std::optional<QString> YamlReader::readString(const YAML::Node &map, const QString &path, const char *key,
                                              Presence presence)
{
    const YAML::Node node = map[key];
    if (!node.IsDefined() || node.IsNull()) {
        if (presence == Presence::Required)
            addError(map, join(path, key), QStringLiteral("missing required key"));
        return std::nullopt;
    }
    if (!node.IsScalar()) {
        addError(node, join(path, key), QStringLiteral("expected text, found %1").arg(describeType(node)));
        return std::nullopt;
    }
    return scalarText(node);
}

QString YamlReader::readString(const YAML::Node &map, const QString &path, const char *key, const QString &fallback)
{
    return readString(map, path, key, Presence::Optional).value_or(fallback);
}

QUrl YamlReader::readUrl(const YAML::Node &map, const QString &path, const char *key, Presence presence)
{
    const std::optional<QString> text = readString(map, path, key, presence);
    if (!text || (text->isEmpty() && presence == Presence::Optional))
        return {};

    const QUrl url(*text, QUrl::StrictMode);
    const bool isWeb = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    if (!url.isValid() || !isWeb || url.host().isEmpty()) {
        addError(map[key], join(path, key),
                 QStringLiteral("invalid URL \"%1\"; use an absolute http:// or https:// URL").arg(*text));
        return {};
    }
    return url;
}

std::chrono::milliseconds YamlReader::readDuration(const YAML::Node &map, const QString &path, const char *key,
                                                   std::chrono::milliseconds fallback)
{
    const std::optional<QString> text = readString(map, path, key);
    if (!text)
        return fallback;

    const auto duration = parseDuration(*text);
    if (!duration || duration->count() <= 0) {
        addError(map[key], join(path, key),
                 QStringLiteral("invalid duration \"%1\"; write a positive number with a unit: "
                                "250ms, 30s, 15m, 2h or 7d").arg(*text));
        return fallback;
    }
    return *duration;
}

int YamlReader::readInt(const YAML::Node &map, const QString &path, const char *key, int fallback, int minimum,
                        int maximum)
{
    const std::optional<QString> text = readString(map, path, key);
    if (!text)
        return fallback;

    bool ok = false;
    const int value = text->toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        addError(map[key], join(path, key),
                 QStringLiteral("invalid number \"%1\"; use a whole number from %2 to %3")
                     .arg(*text).arg(minimum).arg(maximum));
        return fallback;
    }
    return value;
}

bool YamlReader::readBool(const YAML::Node &map, const QString &path, const char *key, bool fallback)
{
    const std::optional<QString> text = readString(map, path, key);
    if (!text)
        return fallback;
    if (*text == QLatin1String("true"))
        return true;
    if (*text == QLatin1String("false"))
        return false;
    addError(map[key], join(path, key), QStringLiteral("invalid value \"%1\"; use true or false").arg(*text));
    return fallback;
}

QStringList YamlReader::readStringList(const YAML::Node &map, const QString &path, const char *key)
{
    const YAML::Node node = map[key];
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (!isSequence(node, join(path, key)))
        return {};

    QStringList values;
    for (std::size_t i = 0; i < node.size(); ++i) {
        if (!node[i].IsScalar()) {
            addError(node[i], index(join(path, key), i), QStringLiteral("expected text, found %1").arg(describeType(node[i])));
            continue;
        }
        values.append(scalarText(node[i]));
    }
    return values;
}

QDate YamlReader::readDate(const YAML::Node &map, const QString &path, const char *key)
{
    const std::optional<QString> text = readString(map, path, key);
    if (!text)
        return {};

    const QDate date = QDate::fromString(*text, Qt::ISODate);
    if (!date.isValid())
        addError(map[key], join(path, key), QStringLiteral("invalid date \"%1\"; write it as YYYY-MM-DD").arg(*text));
    return date;
}

} // namespace poc
