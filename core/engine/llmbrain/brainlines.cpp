#include "engine/llmbrain/brainlines.h"

namespace ringside {

BrainLines BrainLines::forLanguage(const QString &language)
{
    const QString primary = language.section(QLatin1Char('-'), 0, 0).toLower();
    if (primary == QLatin1String("hi")) {
        return {QStringLiteral("Ek pal rukiye, main dekh rahi hoon."),
                QStringLiteral("Maaf kijiye, meri taraf se kuch dikkat aa gayi. Kya aap phir se bata sakte hain?"),
                QStringLiteral("Maaf kijiye, mujhe dikkat ho rahi hai. Main aapko hamari team se jod rahi hoon, "
                               "kripya line par bane rahiye."),
                QStringLiteral("Maaf kijiye, abhi yeh jaankari nahi mil paayi. Kya main aapko hamari team se jod doon?"),
                QStringLiteral("Dhanyavaad! Aapka din shubh ho.")};
    }
    return {QStringLiteral("One moment while I check that."),
            QStringLiteral("Sorry, I had a problem on my side. Could you say that again?"),
            QStringLiteral("I'm sorry, I'm having trouble on my side. Let me connect you with a member of our team. "
                           "Please hold."),
            QStringLiteral("I'm sorry, I couldn't get that information just now. Would you like me to connect you "
                           "with our team?"),
            QStringLiteral("Thank you for calling. Goodbye!")};
}

} // namespace ringside
