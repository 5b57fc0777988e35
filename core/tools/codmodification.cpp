#include "codmodification.h"

#include <QHash>
#include <QRegularExpression>


namespace ringside {

namespace {

// Whole words only, so "payday" or "Kalpana" do not count. Devanagari forms are included for
// transcripts that come back in Hindi script.
const QHash<QString, QString> &keywordKinds()
{
    static const QHash<QString, QString> kinds = [] {
        QHash<QString, QString> k;
        const auto add = [&k](const QString &kind, std::initializer_list<const char *> words) {
            for (const char *w : words)
                k.insert(QString::fromUtf8(w), kind);
        };
        add(QStringLiteral("address"), { "address", "addres", "adress", "pata", "ghar", "flat", "location", "pincode",
                                         "पता", "एड्रेस", "घर" });
        add(QStringLiteral("date"), { "date", "din", "tarikh", "tareekh", "kal", "parson", "day", "tomorrow", "reschedule",
                                      "later", "week", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                      "sunday", "somvaar", "mangalvaar", "budhvaar", "guruvaar", "shukravaar", "shanivaar",
                                      "ravivaar", "तारीख", "दिन", "कल", "परसों" });
        add(QStringLiteral("payment"), { "payment", "pay", "prepaid", "online", "upi", "card", "paytm", "gpay", "phonepe",
                                         "netbanking", "पेमेंट", "ऑनलाइन", "भुगतान" });
        return k;
    }();
    return kinds;
}

} // namespace

CodModification classifyCodModification(const QString &words)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{M}\\p{N}]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    CodModification result;
    for (const QString &token : words.toLower().split(separators, Qt::SkipEmptyParts)) {
        const auto it = keywordKinds().find(token);
        if (it != keywordKinds().end() && !result.types.contains(*it))
            result.types << *it;
    }
    const QString first = result.types.value(0);
    if (first == QLatin1String("address"))
        result.action = QStringLiteral("collect_new_address");
    else if (first == QLatin1String("date"))
        result.action = QStringLiteral("collect_new_date");
    else if (first == QLatin1String("payment"))
        result.action = QStringLiteral("change_payment");
    else
        result.action = QStringLiteral("clarify");
    return result;
}

QString codModificationPrompt(const QString &action, bool hindi, int rescheduleDaysAhead)
{
    if (action == QLatin1String("collect_new_address"))
        return hindi ? QStringLiteral("Zaroor, main delivery address badal deti hoon. Naya address bataiye?")
                     : QStringLiteral("Sure, I can update the delivery address. What's the new address?");
    if (action == QLatin1String("collect_new_date"))
        return hindi ? QStringLiteral("Zaroor. Aapko kis din delivery chahiye? Main agle %1 din mein kisi bhi din rakh sakti hoon.")
                               .arg(rescheduleDaysAhead)
                     : QStringLiteral("Sure. Which day suits you for delivery? I can schedule it up to %1 days ahead.")
                               .arg(rescheduleDaysAhead);
    if (action == QLatin1String("change_payment"))
        return hindi ? QStringLiteral("Kya aap cash on delivery ki jagah online payment karna chahenge?")
                     : QStringLiteral("Would you like to pay online instead of cash on delivery?");
    return hindi ? QStringLiteral("Aap kya badalna chahenge: delivery address, delivery ki tarikh, ya payment ka tarika?")
                 : QStringLiteral("What would you like to change: the delivery address, the delivery date, or the payment method?");
}

} // namespace ringside
