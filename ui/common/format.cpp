#include "format.h"

#include "analytics/moneytext.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

#include <cmath>

namespace ringside::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::Format)
};
} // namespace

QString currencySymbol(const QString &isoCode, const QLocale &locale)
{
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == isoCode)
        return locale.currencySymbol(QLocale::CurrencySymbol);
    static QMutex mutex;
    static QHash<QString, QString> cache;
    QMutexLocker lock(&mutex);
    if (auto it = cache.constFind(isoCode); it != cache.cend())
        return *it;
    QString symbol = isoCode;
    // Prefer a locale of the user's language (en_IN for an English user and INR), then any.
    const QList<QLocale> all = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
    for (int pass = 0; pass < 2 && symbol == isoCode; ++pass) {
        for (const QLocale &l : all) {
            if (pass == 0 && l.language() != locale.language())
                continue;
            if (l.currencySymbol(QLocale::CurrencyIsoCode) == isoCode) {
                symbol = l.currencySymbol(QLocale::CurrencySymbol);
                break;
            }
        }
    }
    cache.insert(isoCode, symbol);
    return symbol;
}

namespace {
// The C locale (LC_ALL=C.UTF-8, servers, CI) would print "2,382,021.00₹"; amounts then read as the
// currency's own English-speaking country writes them ("₹23,82,021.00" for INR).
QLocale moneyLocale(const QString &isoCode, const QLocale &locale)
{
    if (locale.language() != QLocale::C)
        return locale;
    static QMutex mutex;
    static QHash<QString, QLocale> cache;
    QMutexLocker lock(&mutex);
    if (auto it = cache.constFind(isoCode); it != cache.cend())
        return *it;
    QLocale found = locale;
    for (const QLocale &l : QLocale::matchingLocales(QLocale::English, QLocale::AnyScript, QLocale::AnyTerritory)) {
        if (l.currencySymbol(QLocale::CurrencyIsoCode) == isoCode) {
            found = l;
            break;
        }
    }
    cache.insert(isoCode, found);
    return found;
}
} // namespace

QString formatMoneyMinor(qint64 minor, const QString &isoCode, const QLocale &locale)
{
    return formatMoney(analytics::minorToMajor(minor, isoCode), isoCode, locale);
}

QString formatMoney(double amount, const QString &isoCode, const QLocale &locale)
{
    const int digits = analytics::currencyDigits(isoCode);
    const QLocale l = moneyLocale(isoCode, locale);
    return l.toCurrencyString(amount, currencySymbol(isoCode, l), digits);
}

QString formatRate(const std::optional<double> &fraction, const QLocale &locale, int decimals)
{
    if (!fraction || !std::isfinite(*fraction))
        return notAvailable();
    return locale.toString(*fraction * 100.0, 'f', decimals) + locale.percent();
}

QString formatSeconds(const std::optional<double> &seconds, const QLocale &locale)
{
    if (!seconds || !std::isfinite(*seconds))
        return notAvailable();
    const qint64 total = qRound64(*seconds);
    if (total < 60)
        return Tr::tr("%1 s").arg(locale.toString(total));
    return Tr::tr("%1 min %2 s").arg(locale.toString(total / 60), locale.toString(total % 60));
}

QString formatCount(qint64 count, const QLocale &locale)
{
    return locale.toString(count);
}

} // namespace ringside::ui
