#include "engine/inputhygiene.h"

namespace ringside {

CleanText cleanUserText(const QString &raw, int maxChars)
{
    CleanText out;
    out.originalLength = raw.size();
    // Cap first (generously, so trimming spaces cannot lose the real text), then clean.
    const qsizetype scan = qMin<qsizetype>(raw.size(), qsizetype(maxChars) * 4);
    QString cleaned;
    cleaned.reserve(scan);
    for (qsizetype i = 0; i < scan; ++i) {
        const QChar c = raw.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 < scan && raw.at(i + 1).isLowSurrogate()) {
                cleaned += c;
                cleaned += raw.at(++i);
            } else {
                out.hadControl = true;
            }
            continue;
        }
        if (c.isLowSurrogate()) {
            out.hadControl = true;
            continue;
        }
        const QChar::Category cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Other_Format || cat == QChar::Other_NotAssigned
            || cat == QChar::Other_PrivateUse) {
            if (c != QLatin1Char('\n') && c != QLatin1Char('\t') && c != QLatin1Char('\r'))
                out.hadControl = true;
            cleaned += QLatin1Char(' ');
            continue;
        }
        cleaned += c;
    }
    cleaned = cleaned.simplified();
    if (cleaned.size() > maxChars || raw.size() > scan) {
        out.truncated = true;
        qsizetype cut = qMin<qsizetype>(cleaned.size(), maxChars);
        if (cut > 0 && cut < cleaned.size() && cleaned.at(cut - 1).isHighSurrogate())
            --cut;
        // Prefer to cut at a space so the last word is not half a word.
        const qsizetype space = cleaned.lastIndexOf(QLatin1Char(' '), cut);
        if (space > maxChars / 2)
            cut = space;
        cleaned.truncate(cut);
        cleaned = cleaned.trimmed();
    }
    out.text = cleaned;
    return out;
}

} // namespace ringside
