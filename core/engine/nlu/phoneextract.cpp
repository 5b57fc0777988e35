#include "engine/nlu/phoneextract.h"

#include "util/phone.h"

namespace ringside::nlu {

PhoneMatch extractPhone(const NormalisedText &text, const Lexicon &lexicon, const QString &defaultCountry)
{
    PhoneMatch complete, invalid, partial;
    for (const DigitRun &run : lexicon.numbers().digitRuns(text)) {
        if (text.isNegated(run.first, run.last))
            continue;
        const QString written = (run.plus ? QStringLiteral("+") : QString()) + run.digits;
        PhoneMatch m;
        m.digits = written;
        m.heard = text.quote(run.first, run.last);
        if (run.digits.size() >= 10) {
            m.e164 = toE164(written, defaultCountry);
            if (!m.e164.isEmpty()) {
                m.status = Found::Complete;
                complete = m;
            } else {
                m.status = Found::Invalid;
                m.problem = QStringLiteral("%1 digits do not make a phone number for %2")
                                .arg(run.digits.size()).arg(defaultCountry.toUpper());
                invalid = m;
            }
        } else if (run.digits.size() >= 3 || run.plus) {
            m.status = Found::Partial;
            if (partial.status == Found::None || run.digits.size() >= partial.digits.size())
                partial = m;
        }
    }
    if (complete.status != Found::None)
        return complete;
    if (invalid.status != Found::None)
        return invalid;
    return partial;
}

} // namespace ringside::nlu
