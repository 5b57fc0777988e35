#include "engine/llmbrain/spokentext.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace ringside {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

} // namespace

QString stripMarkdown(const QString &sentence)
{
    static const QRegularExpression listMarker(QStringLiteral("^\\s*(?:[-*+\\x{2022}]|\\d+[.)])\\s+"),
                                               QRegularExpression::MultilineOption);
    static const QRegularExpression heading(QStringLiteral("^\\s*#{1,6}\\s*"), QRegularExpression::MultilineOption);
    static const QRegularExpression quote(QStringLiteral("^\\s*>\\s?"), QRegularExpression::MultilineOption);
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]+)\\]\\([^)]*\\)"));
    static const QRegularExpression strong(QStringLiteral("\\*\\*|__|~~"));
    static const QRegularExpression emphasis(QStringLiteral("(?<![\\w*])[*_]([^*_\\n]+)[*_](?![\\w*])"));
    QString s = sentence;
    s.replace(listMarker, QString());
    s.replace(heading, QString());
    s.replace(quote, QString());
    s.replace(link, QStringLiteral("\\1"));
    s.replace(strong, QString());
    s.replace(emphasis, QStringLiteral("\\1"));
    if (!s.contains(QStringLiteral("```")))
        s.remove(u'`');
    return s.simplified();
}

bool looksLikeMachineText(const QString &text)
{
    static const QRegularExpression snakeCase(QStringLiteral("\\b[A-Za-z]+_[A-Za-z0-9_]+\\b"));
    for (QChar c : text) {
        if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u'<' || c == u'>' || c == u'`')
            return true;
    }
    return snakeCase.match(text).hasMatch();
}

QString removeMachineBlocks(const QString &text)
{
    static const QRegularExpression fence(QStringLiteral("```.*?(```|$)"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tagBlock(QStringLiteral("<([A-Za-z_][\\w:-]*)[^>]*>.*?</\\1\\s*>"),
                                             QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(QStringLiteral("</?[A-Za-z_][^>]*>"));
    QString s = text;
    s.replace(fence, QStringLiteral(" "));
    s.replace(tagBlock, QStringLiteral(" "));
    s.replace(tag, QStringLiteral(" "));

    // Balanced {…} and […], skipping brackets inside JSON strings.
    QString out;
    out.reserve(s.size());
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (depth == 0) {
            if (c == u'{' || c == u'[') {
                depth = 1;
                out += u' ';
            } else {
                out += c;
            }
            continue;
        }
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c == u'"')
            inString = true;
        else if (c == u'{' || c == u'[')
            ++depth;
        else if (c == u'}' || c == u']')
            --depth;
    }
    return out;
}

QString normalizedWords(const QString &text)
{
    QString out;
    bool pendingSpace = false;
    for (QChar c : text) {
        if (isWordChar(c)) {
            if (pendingSpace && !out.isEmpty())
                out += u' ';
            pendingSpace = false;
            out += c.toLower();
        } else {
            pendingSpace = true;
        }
    }
    return out;
}

qsizetype heardPrefixLength(const QString &text, const QString &heard)
{
    struct Word { QString folded; qsizetype end; };
    QList<Word> words;
    for (qsizetype i = 0; i < text.size();) {
        if (!isWordChar(text.at(i))) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < text.size() && isWordChar(text.at(j)))
            ++j;
        words.append({text.mid(i, j - i).toLower(), j});
        i = j;
    }
    const QStringList heardWords = normalizedWords(heard).split(u' ', Qt::SkipEmptyParts);
    constexpr int window = 4; // how far ahead a heard word may be found (words the STT dropped)
    qsizetype next = 0;
    qsizetype end = 0;
    for (const QString &w : heardWords) {
        for (qsizetype j = next; j < words.size() && j < next + window; ++j) {
            if (words.at(j).folded == w) {
                end = words.at(j).end;
                next = j + 1;
                break;
            }
        }
    }
    if (!words.isEmpty() && next == words.size())
        return text.size();
    return end;
}

} // namespace ringside
