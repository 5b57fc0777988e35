#include "engine/playbooktextlanguage.h"

#include <QFile>
#include <QRegularExpression>

namespace ringside::playbook {

namespace {

QString primary(const QString &language)
{
    return language.section(QLatin1Char('-'), 0, 0).toLower();
}

bool onlyValues(const QString &text)
{
    static const QRegularExpression expressions(QStringLiteral("\\{\\{[^}]*\\}\\}"));
    return QString(text).remove(expressions).trimmed().isEmpty();
}

// Whether one text (a string, or an object by language) can be said in `want`.
bool textSpeaks(const json &text, const QString &want, const QString &writtenIn)
{
    if (text.is_string())
        return primary(writtenIn) == want || onlyValues(qs(text.get<std::string>()));
    if (!text.is_object())
        return true; // not a text (e.g. "retry": true)
    for (auto it = text.begin(); it != text.end(); ++it) {
        if (primary(qs(it.key())) == want)
            return true;
    }
    return false;
}

QString pointerPart(const std::string &key)
{
    return qs(key).replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
}

// Keys whose value is a text, and keys whose value is an object of texts by name. (Not
// textKeys(): playbookvocabulary.h has that name for the built-in texts, and a unity build puts
// both files in one batch.)
const QStringList &textValuedKeys()
{
    static const QStringList keys = { QStringLiteral("say"), QStringLiteral("ask"), QStringLiteral("retry"),
                                      QStringLiteral("label") };
    return keys;
}
const QStringList &textMapValuedKeys()
{
    static const QStringList keys = { QStringLiteral("texts"), QStringLiteral("partial"), QStringLiteral("invalid") };
    return keys;
}

QString walk(const json &node, const QString &at, const QString &want, const QString &writtenIn)
{
    if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            if (QString m = walk(node[i], at + QLatin1Char('/') + QString::number(i), want, writtenIn); !m.isEmpty())
                return m;
        }
        return {};
    }
    if (!node.is_object())
        return {};
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString key = qs(it.key());
        const QString here = at + QLatin1Char('/') + pointerPart(it.key());
        if (textValuedKeys().contains(key) && !textSpeaks(it.value(), want, writtenIn))
            return here;
        if (textMapValuedKeys().contains(key) && it.value().is_object()) {
            for (auto t = it.value().begin(); t != it.value().end(); ++t) {
                if (!textSpeaks(t.value(), want, writtenIn))
                    return here + QLatin1Char('/') + pointerPart(t.key());
            }
            continue;
        }
        if (QString m = walk(it.value(), here, want, writtenIn); !m.isEmpty())
            return m;
    }
    return {};
}

} // namespace

QString firstTextMissing(const json &playbook, const QString &language, const QString &writtenIn)
{
    return walk(playbook, QString(), primary(language), writtenIn);
}

QString firstTextMissingInFile(const QString &path, const QString &language, const QString &writtenIn)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("/");
    const json doc = json::parse(file.readAll().toStdString(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return QStringLiteral("/");
    return firstTextMissing(doc, language, writtenIn);
}

} // namespace ringside::playbook
