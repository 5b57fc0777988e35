#include "engine/universaltexts.h"

#include "tools/speechformat.h"

#include <QHash>

namespace ringside::playbook {

namespace {

struct Pair
{
    const char *en;
    const char *hi;
};

const QHash<QString, Pair> &texts()
{
    static const QHash<QString, Pair> t = {
        { QStringLiteral("didNotCatch"), { "Sorry, I didn't catch that.", "Maaf kijiye, main samajh nahi payi." } },
        { QStringLiteral("offerHuman"),
          { "I'm sorry, I'm having trouble understanding. Would you like me to connect you with someone from our team?",
            "Maaf kijiye, mujhe samajhne mein dikkat ho rahi hai. Kya main aapko hamari team se jod doon?" } },
        { QStringLiteral("tryAgain"), { "Alright, let's try once more.", "Theek hai, ek baar phir koshish karte hain." } },
        { QStringLiteral("moreChoices"), { "%1 more", "baaki %1" } }, // the tail of a limited {{choices}} list
        { QStringLiteral("repeatPrefix"), { "Sure.", "Ji, zaroor." } },
        { QStringLiteral("nothingToRepeat"), { "I haven't said anything yet.", "Maine abhi tak kuch nahi kaha." } },
        { QStringLiteral("wait"), { "Sure, take your time. I'm here when you're ready.", "Ji, aaram se. Main line par hoon." } },
        { QStringLiteral("goodbye"), { "Thank you for calling. Have a great day!", "Dhanyavaad! Aapka din shubh ho." } },
        { QStringLiteral("holding"),
          { "Please stay on the line, someone from our team will be with you shortly.",
            "Kripya line par bane rahiye, hamari team ka koi sadasya abhi aapse baat karega." } },
        { QStringLiteral("partial"),
          { "I got {{partial}}. Could you tell me the rest of the number?", "Maine {{partial}} suna. Baaki number bataiye?" } },
        { QStringLiteral("invalid"),
          { "Sorry, that doesn't look right. Could you say it again?", "Maaf kijiye, yeh sahi nahi lag raha. Kya aap dobara bata sakte hain?" } },
        { QStringLiteral("systemTrouble"),
          { "I'm sorry, I'm having trouble with our system right now. Let me connect you with our team. Please hold.",
            "Maaf kijiye, abhi system mein dikkat hai. Main aapko hamari team se jod rahi hoon, kripya line par rahiye." } },
        { QStringLiteral("escalate.customer_request"),
          { "Of course. Let me connect you with someone from our team. Please hold.",
            "Ji zaroor. Main aapko hamari team se jod rahi hoon, kripya line par rahiye." } },
        { QStringLiteral("escalate.complaint"),
          { "I'm sorry to hear that. Let me connect you with our support team so they can take your complaint. Please hold.",
            "Mujhe afsos hai. Main aapko hamari support team se jod rahi hoon, woh aapki shikayat darj karenge. Kripya line par rahiye." } },
        { QStringLiteral("escalate.delivered_not_received"),
          { "I'm sorry to hear that. Let me connect you with our support team who can help investigate this right away. Please hold.",
            "Mujhe afsos hai. Main aapko support team se jod rahi hoon, woh turant iski jaanch karenge. Kripya line par rahiye." } },
        { QStringLiteral("escalate.delayed_over_7_days"),
          { "I'm sorry for the long delay. Let me connect you with our support team right away. Please hold.",
            "Itni deri ke liye maafi chahti hoon. Main aapko support team se jod rahi hoon. Kripya line par rahiye." } },
        { QStringLiteral("escalate.damaged_item"),
          { "I'm so sorry it arrived damaged. Let me connect you with our support team. Please hold.",
            "Mujhe bahut afsos hai ki saaman kharab aaya. Main aapko support team se jod rahi hoon. Kripya line par rahiye." } },
        { QStringLiteral("escalate.other"),
          { "Let me connect you with someone from our team. Please hold.",
            "Main aapko hamari team se jod rahi hoon. Kripya line par rahiye." } },
    };
    return t;
}

} // namespace

QString builtinText(const QString &key, const QString &language)
{
    const auto it = texts().constFind(key);
    if (it == texts().constEnd())
        return {};
    return QString::fromUtf8(isHindi(language) ? it->hi : it->en);
}

QString pickText(const json &text, const QString &language)
{
    if (text.is_string())
        return qs(text.get<std::string>());
    if (!text.is_object() || text.empty())
        return {};
    const std::string exact = language.toStdString();
    const std::string primary = language.section(QLatin1Char('-'), 0, 0).toStdString();
    for (const std::string &k : { exact, primary, std::string("en") }) {
        if (auto it = text.find(k); it != text.end() && it->is_string())
            return qs(it->get<std::string>());
    }
    // A key such as "hi-IN" when the agent says "hi": match on the first part.
    for (auto it = text.begin(); it != text.end(); ++it) {
        if (QString::fromStdString(it.key()).section(QLatin1Char('-'), 0, 0).toStdString() == primary && it->is_string())
            return qs(it->get<std::string>());
    }
    const auto first = text.begin();
    return first->is_string() ? qs(first->get<std::string>()) : QString();
}

QString silenceText(const QString &language)
{
    return isHindi(language) ? QStringLiteral("Maaf kijiye, mujhe kuch sunai nahi diya.")
                             : QStringLiteral("Sorry, I didn't hear anything.");
}

} // namespace ringside::playbook
