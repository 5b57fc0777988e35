#include "moneytext.h"

#include <QStringList>

#include <cmath>

namespace ringside::analytics {

namespace {

QString grouped(qint64 whole)
{
    QString digits = QString::number(whole);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return digits;
}

qint64 power10(int digits)
{
    qint64 p = 1;
    for (int i = 0; i < digits; ++i)
        p *= 10;
    return p;
}

} // namespace

int currencyDigits(const QString &currency)
{
    static const QStringList zero = { QStringLiteral("JPY"), QStringLiteral("KRW"), QStringLiteral("VND"),
                                      QStringLiteral("CLP"), QStringLiteral("ISK"), QStringLiteral("UGX"),
                                      QStringLiteral("XAF"), QStringLiteral("XOF") };
    static const QStringList three = { QStringLiteral("BHD"), QStringLiteral("IQD"), QStringLiteral("JOD"),
                                       QStringLiteral("KWD"), QStringLiteral("LYD"), QStringLiteral("OMR"),
                                       QStringLiteral("TND") };
    if (zero.contains(currency))
        return 0;
    if (three.contains(currency))
        return 3;
    return 2;
}

double minorToMajor(qint64 minor, const QString &currency)
{
    return double(minor) / double(power10(currencyDigits(currency)));
}

QString formatMinor(qint64 minor, const QString &currency)
{
    const int digits = currencyDigits(currency);
    const qint64 scale = power10(digits);
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? quint64(-(minor + 1)) + 1 : quint64(minor);
    QString text = grouped(qint64(magnitude / quint64(scale)));
    if (digits > 0)
        text += QLatin1Char('.') + QString::number(magnitude % quint64(scale)).rightJustified(digits, QLatin1Char('0'));
    return QStringLiteral("%1 %2%3").arg(currency, negative ? QStringLiteral("-") : QString(), text);
}

QString formatMajor(double amount, const QString &currency)
{
    const double scaled = std::round(amount * double(power10(currencyDigits(currency))));
    return formatMinor(qint64(scaled), currency);
}

QString formatPercent(const std::optional<double> &fraction, int decimals)
{
    if (!fraction)
        return QStringLiteral("—");
    return QString::number(*fraction * 100.0, 'f', decimals) + QLatin1Char('%');
}

} // namespace ringside::analytics
