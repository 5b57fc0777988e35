#include "speech/domainlanguagemodel.h"

#include "speech/domainphrases.h"
#include "speech/spokentext.h"

#include <QSet>

#include <algorithm>
#include <random>

namespace ringside {

namespace {
// Relative weights of the sources in the general model. The playbook knows this call's likely
// answers better than the built-in domain does; IDs are common but must not swamp short phrases.
constexpr double kBuiltInWeight = 1.0;
constexpr double kPlaybookWeight = 3.0;
constexpr double kIdentifierWeight = 0.4;
constexpr int kIdentifierSentences = 120;
// In the yes-no model confirmations outweigh the rest of the domain.
constexpr double kConfirmationWeight = 8.0;
constexpr double kYesNoBackgroundWeight = 0.3;

// "2-9", "6789", "0-3 5": which digits a [...] class in an identifier format allows.
bool digitClassContains(const QString &cls, int digit)
{
    for (qsizetype i = 0; i < cls.size(); ++i) {
        if (!cls.at(i).isDigit())
            continue;
        const int from = cls.at(i).digitValue();
        int to = from;
        if (i + 2 < cls.size() && cls.at(i + 1) == QLatin1Char('-') && cls.at(i + 2).isDigit()) {
            to = cls.at(i + 2).digitValue();
            i += 2;
        }
        if (digit >= from && digit <= to)
            return true;
    }
    return false;
}

const char *const kNoNumber[] = {
    "i don't have it", "i don't have the order number", "i don't know", "i don't remember",
    "use my phone number", "i don't have my phone", "can you repeat that", "wait", "hold on",
};
} // namespace

DomainLanguageModel::DomainLanguageModel(const SttConfig &config, KnownWord isKnown)
    : m_known(std::move(isKnown))
{
    for (const QString &p : domainphrases::all())
        if (auto w = known(p, QStringLiteral("built-in phrase")); !w.isEmpty())
            m_builtIn.append(w);
    for (qsizetype i = 0; i < config.phrases.size(); ++i)
        if (auto w = known(config.phrases.at(i), QStringLiteral("phrases[%1]").arg(i)); !w.isEmpty())
            m_playbook.append(w);
    for (const QString &p : domainphrases::confirmations())
        if (auto w = known(p, QStringLiteral("built-in confirmation")); !w.isEmpty())
            m_confirmations.append(w);
    for (const QString &p : domainphrases::identifierLeadIns())
        if (auto w = known(p, QStringLiteral("built-in lead-in")); !w.isEmpty())
            m_leadIns.append(w);
    for (const QString &p : domainphrases::vocabulary())
        m_extraWords += known(p, QStringLiteral("built-in vocabulary"));

    QStringList keywordErrors;
    const QList<Keyword> keywords = parseKeywords(config.keywords, &keywordErrors);
    m_warnings += keywordErrors;
    for (qsizetype i = 0; i < keywords.size(); ++i) {
        if (keywords[i].boost <= 0.0) {
            m_warnings << QStringLiteral("keywords[%1]: boost %2 asks to suppress '%3'; the embedded recognizer ignores it")
                              .arg(i).arg(keywords[i].boost).arg(keywords[i].text);
            continue;
        }
        if (auto w = known(keywords[i].text, QStringLiteral("keywords[%1]").arg(i)); !w.isEmpty())
            m_keywords.append({w, keywords[i].boost});
    }

    for (int d = 0; d < 10; ++d)
        m_sequenceWords << digitWord(d);
    m_sequenceWords << QStringLiteral("oh") << QStringLiteral("double") << QStringLiteral("triple");
    for (char c = 'a'; c <= 'z'; ++c)
        m_sequenceWords << QString(QLatin1Char(c));
    for (const char *p : kNoNumber)
        m_noNumber << QString::fromUtf8(p);
    for (qsizetype i = 0; i < config.identifierFormats.size(); ++i) {
        const QString &f = config.identifierFormats.at(i);
        if (const QString problem = identifierFormatProblem(f); !problem.isEmpty())
            m_warnings << QStringLiteral("identifierFormats[%1]: %2; ignored").arg(i).arg(problem);
        else
            m_identifierFormats << f;
    }
}

QString DomainLanguageModel::identifierFormatProblem(const QString &format)
{
    if (format.trimmed().isEmpty())
        return QStringLiteral("empty format");
    bool hasSymbol = false;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c == QLatin1Char('[')) {
            const qsizetype close = format.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return QStringLiteral("'%1': '[' at %2 is never closed").arg(format).arg(i);
            const QString cls = format.mid(i + 1, close - i - 1);
            bool any = false;
            for (int d = 0; d < 10; ++d)
                any = any || digitClassContains(cls, d);
            if (!any || !std::all_of(cls.begin(), cls.end(), [](QChar x) { return x.isDigit() || x == QLatin1Char('-'); }))
                return QStringLiteral("'%1': [%2] must list digits or ranges like [2-9]").arg(format, cls);
            hasSymbol = true;
            i = close;
        } else if ((c.unicode() < 128 && c.isLetterOrNumber()) || c == QLatin1Char('#') || c == QLatin1Char('@')) {
            hasSymbol = true;
        } else if (c != QLatin1Char('-') && c != QLatin1Char(' ')) {
            return QStringLiteral("'%1': '%2' is not allowed (letters, digits, '#', '@', [2-9], '-' and spaces)").arg(format, QString(c));
        }
    }
    return hasSymbol ? QString() : QStringLiteral("'%1' has nothing to say").arg(format);
}

QStringList DomainLanguageModel::known(const QString &text, const QString &source)
{
    QStringList out;
    for (const QString &w : spokenWords(text)) {
        if (m_known(w))
            out << w;
        else
            m_warnings << QStringLiteral("%1: '%2' is not in the pronunciation dictionary; dropped").arg(source, w);
    }
    return out;
}

// One identifier as spoken words. Shapes 0.. are the configured formats (their letters literal,
// so "o r d" is a strong trigram where the store's IDs start with ORD); past them, the generic
// shapes: three letters and six digits, ten-digit phones, seven-digit IDs.
QStringList DomainLanguageModel::randomIdentifier(int shape, const std::function<int(int)> &pick) const
{
    QStringList words;
    auto digit = [&pick] { return pick(12) == 0 ? QStringLiteral("oh") : digitWord(pick(10)); };
    if (shape < m_identifierFormats.size()) {
        const QString &format = m_identifierFormats.at(shape);
        for (qsizetype i = 0; i < format.size(); ++i) {
            const QChar c = format.at(i);
            if (c == QLatin1Char('[')) {
                const qsizetype close = format.indexOf(QLatin1Char(']'), i);
                QList<int> allowed;
                for (int d = 0; d < 10; ++d)
                    if (digitClassContains(format.mid(i + 1, close - i - 1), d))
                        allowed << d;
                words << digitWord(allowed.isEmpty() ? pick(10) : allowed.at(pick(int(allowed.size()))));
                i = close;
            } else if (c == QLatin1Char('#')) {
                words << digit();
            } else if (c == QLatin1Char('@')) {
                words << QString(QLatin1Char(char('a' + pick(26))));
            } else if (c == QLatin1Char('0')) {
                words << (pick(3) == 0 ? QStringLiteral("oh") : QStringLiteral("zero"));
            } else if (c.isDigit()) {
                words << digitWord(c.digitValue());
            } else if (c.isLetter() && c.unicode() < 128) {
                words << QString(c.toLower());
            }
        }
        return words;
    }
    const int generic = shape - int(m_identifierFormats.size());
    if (generic % 3 == 0)
        for (int k = 0; k < 3; ++k)
            words << QString(QLatin1Char(char('a' + pick(26))));
    const int digits = generic % 3 == 1 ? 10 : (generic % 3 == 0 ? 6 : 7);
    for (int k = 0; k < digits; ++k)
        words << digit();
    return words;
}

// Identifiers after their lead-ins, from a fixed-seed generator so every build of the model is
// the same. With context, some also come inside the domain's sentences (a phrase before the
// lead-in, one after the ID), so a caller who says the ID in the middle of a request is modelled.
void DomainLanguageModel::addIdentifiers(ArpaLanguageModel &lm, double weight, int count, bool withContext) const
{
    std::minstd_rand rng(20240601u);
    auto pick = [&rng](int n) { return int(rng() % std::uint32_t(n)); };
    const int shapes = int(m_identifierFormats.size()) + 3;
    for (int i = 0; i < count; ++i) {
        QStringList words;
        if (withContext && !m_builtIn.isEmpty() && i % 3 == 1)
            words += m_builtIn.at(pick(int(m_builtIn.size())));
        if (!m_leadIns.isEmpty() && i % 4 != 3)
            words += m_leadIns.at(pick(int(m_leadIns.size())));
        // The store's own shapes twice as often as the generic ones.
        const int shape = m_identifierFormats.isEmpty() ? i % 3 : (i % 3 == 2 ? int(m_identifierFormats.size()) + pick(3) : pick(int(m_identifierFormats.size())));
        words += randomIdentifier(std::min(shape, shapes - 1), pick);
        if (withContext && !m_builtIn.isEmpty() && i % 3 == 2)
            words += m_builtIn.at(pick(int(m_builtIn.size())));
        lm.addSentence(words, weight);
    }
}

ArpaLanguageModel DomainLanguageModel::general() const
{
    ArpaLanguageModel lm;
    for (const QStringList &s : m_builtIn)
        lm.addSentence(s, kBuiltInWeight);
    for (const QStringList &s : m_playbook)
        lm.addSentence(s, kPlaybookWeight);
    for (const auto &[words, boost] : m_keywords) {
        lm.addSentence(words, boost);
        for (const QString &w : words)
            lm.addWord(w, boost);
    }
    addIdentifiers(lm, kIdentifierWeight, kIdentifierSentences, true);
    for (const QString &w : m_extraWords)
        lm.addWord(w, 0.5);
    for (const QString &w : m_sequenceWords)
        lm.addWord(w, 0.2);
    return lm;
}

ArpaLanguageModel DomainLanguageModel::yesNo() const
{
    ArpaLanguageModel lm;
    for (const QStringList &s : m_confirmations)
        lm.addSentence(s, kConfirmationWeight);
    for (const QStringList &s : m_builtIn)
        lm.addSentence(s, kYesNoBackgroundWeight);
    for (const QStringList &s : m_playbook)
        lm.addSentence(s, kYesNoBackgroundWeight * kPlaybookWeight);
    return lm;
}

// What callers read out: an optional lead-in, then one of the configured identifier formats, or
// (without formats) up to four letters such as "O R D" followed by digits, where "double" and
// "triple" repeat the next digit. Letters are never allowed between digits: short letter names
// ("e", "a", "i") would otherwise swallow parts of digits.
QString DomainLanguageModel::identifierGrammar(bool spanOnly) const
{
    auto alternatives = [](const QStringList &items) -> QString {
        return QStringLiteral("(") + items.join(QStringLiteral(" | ")) + QStringLiteral(")");
    };
    QStringList leadIns;
    for (const QStringList &l : m_leadIns)
        if (!spanOnly)
            leadIns << l.join(QLatin1Char(' '));
    QStringList digits, letters;
    for (const QString &w : m_sequenceWords) {
        if (isDigitWord(w))
            digits << w;
        else if (isLetterWord(w))
            letters << w;
    }
    QStringList noNumber;
    for (const QString &p : spanOnly ? QStringList() : m_noNumber) {
        const QStringList words = spokenWords(p);
        if (!words.isEmpty() && std::all_of(words.begin(), words.end(), m_known))
            noNumber << words.join(QLatin1Char(' '));
    }

    QStringList shapes;
    for (const QString &format : m_identifierFormats) {
        QStringList items;
        for (qsizetype i = 0; i < format.size(); ++i) {
            const QChar c = format.at(i);
            if (c == QLatin1Char('[')) {
                // A digit class such as [2-9]: phone numbers never start with 0 or 1 (NANP area
                // codes, Indian mobiles), which keeps "nine" from being heard as "one".
                const qsizetype close = format.indexOf(QLatin1Char(']'), i);
                QStringList choices;
                for (int d = 0; d < 10; ++d)
                    if (digitClassContains(format.mid(i + 1, close - i - 1), d))
                        choices << digitWord(d);
                items << alternatives(choices);
                i = close;
            } else if (c == QLatin1Char('#')) {
                items << QStringLiteral("<digit>");
            } else if (c == QLatin1Char('@')) {
                items << QStringLiteral("<letter>");
            } else if (c == QLatin1Char('0')) {
                items << QStringLiteral("(zero | oh)");
            } else if (c.isDigit()) {
                items << digitWord(c.digitValue());
            } else if (c.isLetter() && c.unicode() < 128) {
                items << QString(c.toLower());
            }
        }
        if (!items.isEmpty())
            shapes << items.join(QLatin1Char(' '));
    }
    // When every format has letters, a caller may still read out a phone number or an ID without
    // its prefix: plain digits stay possible, so they are not forced into the prefix's letters.
    // The store's own formats weigh more, so "O R D" is not heard as "oh" and two digits.
    const bool digitsOnlyFormat = std::any_of(m_identifierFormats.begin(), m_identifierFormats.end(), [](const QString &f) {
        return std::none_of(f.begin(), f.end(), [](QChar c) { return c.isLetter() || c == QLatin1Char('@'); });
    });
    if (shapes.isEmpty()) {
        shapes << QStringLiteral("[<letter> [<letter> [<letter> [<letter>]]]] <digitgroup>+");
    } else if (!digitsOnlyFormat && !spanOnly) {
        for (QString &shape : shapes)
            shape = QStringLiteral("/8/ ") + shape;
        shapes << QStringLiteral("/1/ <digitgroup>+");
    }

    QString g = QStringLiteral("#JSGF V1.0;\ngrammar identifier;\n");
    g += QStringLiteral("public <utterance> = ") + (leadIns.isEmpty() ? QString() : QStringLiteral("[<leadin>] "))
        + alternatives(shapes) + (noNumber.isEmpty() ? QString() : QStringLiteral(" | <nonumber>")) + QStringLiteral(";\n");
    if (!leadIns.isEmpty())
        g += QStringLiteral("<leadin> = ") + alternatives(leadIns) + QStringLiteral(";\n");
    g += QStringLiteral("<letter> = ") + alternatives(letters) + QStringLiteral(";\n");
    g += QStringLiteral("<digit> = ") + alternatives(digits) + QStringLiteral(";\n");
    g += QStringLiteral("<digitgroup> = [double | triple] <digit>;\n");
    if (!noNumber.isEmpty())
        g += QStringLiteral("<nonumber> = ") + alternatives(noNumber) + QStringLiteral(";\n");
    return g;
}

QStringList DomainLanguageModel::vocabulary() const
{
    QSet<QString> words;
    for (const QString &w : general().vocabulary())
        words.insert(w);
    for (const QString &w : yesNo().vocabulary())
        words.insert(w);
    for (const QString &p : m_noNumber)
        for (const QString &w : spokenWords(p))
            if (m_known(w))
                words.insert(w);
    QStringList out(words.begin(), words.end());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace ringside
