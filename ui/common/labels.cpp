#include "labels.h"

#include <QCoreApplication>
#include <QLocale>

namespace ringside::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::Labels)
};

// "price_too_high" → "Price too high": the fallback for names without a translation.
QString humanise(const QString &name)
{
    QString text = name;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}
} // namespace

QString useCaseLabel(const QString &u)
{
    if (u == QLatin1String("wismo"))
        return Tr::tr("Order status (WISMO)");
    if (u == QLatin1String("delivery_update"))
        return Tr::tr("Delivery update");
    if (u == QLatin1String("cod_confirmation"))
        return Tr::tr("COD confirmation");
    if (u == QLatin1String("cart_recovery"))
        return Tr::tr("Cart recovery");
    if (u == QLatin1String("returns"))
        return Tr::tr("Returns");
    if (u == QLatin1String("other"))
        return Tr::tr("Other");
    return humanise(u);
}

QString outcomeLabel(const QString &o)
{
    if (o == QLatin1String("resolved"))
        return Tr::tr("Resolved");
    if (o == QLatin1String("escalated"))
        return Tr::tr("Escalated");
    if (o == QLatin1String("confirmed"))
        return Tr::tr("Confirmed");
    if (o == QLatin1String("modified"))
        return Tr::tr("Modified");
    if (o == QLatin1String("cancelled"))
        return Tr::tr("Cancelled");
    if (o == QLatin1String("rescheduled"))
        return Tr::tr("Rescheduled");
    if (o == QLatin1String("recovered"))
        return Tr::tr("Recovered");
    if (o == QLatin1String("not_interested"))
        return Tr::tr("Not interested");
    if (o == QLatin1String("no_answer"))
        return Tr::tr("No answer");
    if (o == QLatin1String("callback"))
        return Tr::tr("Call back");
    if (o == QLatin1String("failed"))
        return Tr::tr("Failed");
    if (o == QLatin1String("interrupted"))
        return Tr::tr("Interrupted");
    return humanise(o);
}

QString reasonLabel(const QString &r)
{
    if (r == QLatin1String("price_too_high"))
        return Tr::tr("Price too high");
    if (r == QLatin1String("shipping_cost"))
        return Tr::tr("Shipping cost");
    if (r == QLatin1String("payment_issues"))
        return Tr::tr("Payment issues");
    if (r == QLatin1String("just_browsing"))
        return Tr::tr("Just browsing");
    if (r == QLatin1String("not_ready"))
        return Tr::tr("Not ready to buy");
    if (r == QLatin1String("found_cheaper"))
        return Tr::tr("Found it cheaper");
    if (r == QLatin1String("changed_mind"))
        return Tr::tr("Changed mind");
    if (r == QLatin1String("delivery_too_slow"))
        return Tr::tr("Delivery too slow");
    if (r == QLatin1String("wrong_item"))
        return Tr::tr("Wrong item");
    // Escalation reasons (transfer_to_human's enum, and the engine's own).
    if (r == QLatin1String("delivered_not_received"))
        return Tr::tr("Delivered but not received");
    if (r == QLatin1String("complaint"))
        return Tr::tr("Complaint");
    if (r == QLatin1String("delayed_over_7_days"))
        return Tr::tr("Delayed over 7 days");
    if (r == QLatin1String("damaged_item"))
        return Tr::tr("Damaged item");
    if (r == QLatin1String("customer_request"))
        return Tr::tr("Asked for a person");
    if (r == QLatin1String("llm_unavailable"))
        return Tr::tr("Language model unavailable");
    if (r == QLatin1String("other"))
        return Tr::tr("Other");
    return humanise(r);
}

QString languageLabel(const QString &tag)
{
    const QLocale locale(tag);
    switch (locale.language()) {
    case QLocale::C:
        return tag;   // not a language tag: show it as written
    case QLocale::English:
        return Tr::tr("English");
    case QLocale::Hindi:
        return Tr::tr("Hindi");
    default:
        // Other languages in the console's own language when it is English, else in themselves.
        return QLocale().language() == QLocale::English ? QLocale::languageToString(locale.language())
                                                        : locale.nativeLanguageName();
    }
}

} // namespace ringside::ui
