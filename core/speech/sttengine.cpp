#include "speech/sttengine.h"

namespace ringside {

QString expectationName(SttExpectation e)
{
    switch (e) {
    case SttExpectation::General: return QStringLiteral("general");
    case SttExpectation::DigitsAndLetters: return QStringLiteral("digits_and_letters");
    case SttExpectation::YesNo: return QStringLiteral("yes_no");
    }
    return QStringLiteral("general");
}

bool parseExpectation(const QString &name, SttExpectation *out)
{
    for (auto e : {SttExpectation::General, SttExpectation::DigitsAndLetters, SttExpectation::YesNo}) {
        if (name == expectationName(e)) {
            *out = e;
            return true;
        }
    }
    return false;
}

QList<Keyword> parseKeywords(const QStringList &entries, QStringList *errors)
{
    QList<Keyword> out;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entry = entries.at(i).trimmed();
        auto fail = [&](const QString &problem) {
            if (errors)
                errors->append(QStringLiteral("keywords[%1]: %2").arg(i).arg(problem));
        };
        const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
        Keyword k;
        k.text = (colon >= 0 ? entry.left(colon) : entry).trimmed();
        if (k.text.isEmpty()) {
            fail(QStringLiteral("empty keyword"));
            continue;
        }
        if (colon >= 0) {
            bool ok = false;
            const QString boost = entry.mid(colon + 1).trimmed();
            k.boost = boost.toDouble(&ok);
            if (!ok) {
                fail(QStringLiteral("boost '%1' is not a number").arg(boost));
                continue;
            }
        }
        out.append(k);
    }
    return out;
}

} // namespace ringside
