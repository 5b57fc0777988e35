#include "money.h"

namespace ringside::commerce {

namespace {
// Amounts beyond this are typing errors, and staying below it keeps every product in 64 bits.
constexpr qint64 kMaxMinor = 1'000'000'000'000'000LL; // 10^15

qint64 pow10(int n)
{
    qint64 p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}
} // namespace

bool isCurrencyCode(const QString &code)
{
    if (code.size() != 3)
        return false;
    for (const QChar c : code) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            return false;
    }
    return true;
}

int currencyDigits(const QString &currency)
{
    static const QStringList zero = QString::fromLatin1("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV "
                                                        "XAF XOF XPF").split(QLatin1Char(' '));
    static const QStringList three = QString::fromLatin1("BHD IQD JOD KWD LYD OMR TND").split(QLatin1Char(' '));
    if (zero.contains(currency))
        return 0;
    if (three.contains(currency))
        return 3;
    return 2;
}

std::optional<qint64> decimalToMinor(const json &value, const QString &currency, QString *error)
{
    const int digits = currencyDigits(currency);
    auto fail = [&](const QString &why) -> std::optional<qint64> {
        *error = why;
        return std::nullopt;
    };
    if (value.is_number_integer()) {
        const qint64 whole = value.is_number_unsigned() && value.get<quint64>() > quint64(kMaxMinor)
                ? kMaxMinor + 1 : value.get<qint64>();
        if (whole > kMaxMinor / pow10(digits) || whole < -kMaxMinor / pow10(digits))
            return fail(QStringLiteral("%1 is too large").arg(whole));
        return whole * pow10(digits);
    }
    if (!value.is_number_float())
        return fail(QStringLiteral("must be a number (e.g. 1499.00), not %1").arg(qs(value.type_name())));

    // nlohmann prints the shortest text that reads back as the same double, which is the decimal the
    // file wrote; reading that text digit by digit keeps the conversion exact.
    const QString text = qs(value.dump());
    qsizetype i = 0;
    const bool negative = text.startsWith(QLatin1Char('-'));
    if (negative)
        ++i;
    QString mantissa;
    int fractionDigits = 0;
    bool inFraction = false;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isDigit()) {
            mantissa.append(c);
            if (inFraction)
                ++fractionDigits;
        } else if (c == QLatin1Char('.')) {
            inFraction = true;
        } else {
            break;
        }
    }
    int exponent = 0;
    if (i < text.size() && (text.at(i) == QLatin1Char('e') || text.at(i) == QLatin1Char('E')))
        exponent = text.mid(i + 1).toInt();
    // Trailing zeros of the fraction carry no value ("1499.50" is printed "1499.5" anyway).
    while (fractionDigits > 0 && mantissa.endsWith(QLatin1Char('0'))) {
        mantissa.chop(1);
        --fractionDigits;
    }
    const int scale = digits - fractionDigits + exponent; // power of ten to apply to the mantissa
    if (scale < 0)
        return fail(QStringLiteral("%1 has more than %2 decimal places for %3").arg(text).arg(digits).arg(currency));
    while (mantissa.size() > 1 && mantissa.startsWith(QLatin1Char('0')))
        mantissa.remove(0, 1);
    if (mantissa.size() + scale > 15)
        return fail(QStringLiteral("%1 is too large").arg(text));
    const qint64 minor = mantissa.toLongLong() * pow10(scale);
    return negative ? -minor : minor;
}

QString minorToDecimalText(qint64 minor, const QString &currency)
{
    const int digits = currencyDigits(currency);
    const QString sign = minor < 0 ? QStringLiteral("-") : QString();
    const quint64 magnitude = minor < 0 ? quint64(-minor) : quint64(minor);
    if (digits == 0)
        return sign + QString::number(magnitude);
    const quint64 unit = quint64(pow10(digits));
    return sign + QString::number(magnitude / unit) + QLatin1Char('.')
            + QString::number(magnitude % unit).rightJustified(digits, QLatin1Char('0'));
}

} // namespace ringside::commerce
