#include "phone.h"

namespace ringside {

QString phoneDigits(const QString &raw)
{
    QString out;
    out.reserve(raw.size());
    for (const QChar c : raw) {
        if (c.isDigit() && c.unicode() < 128)
            out.append(c);
        else if (c == QLatin1Char('+') && out.isEmpty())
            out.append(c);
    }
    return out == QLatin1String("+") ? QString() : out;
}

QString toE164(const QString &raw, const QString &defaultCountry)
{
    QString d = phoneDigits(raw);
    if (d.isEmpty())
        return {};
    if (d.startsWith(QLatin1String("00")))
        d = QLatin1Char('+') + d.mid(2);
    if (d.startsWith(QLatin1Char('+'))) {
        const qsizetype n = d.size() - 1;
        return (n >= 8 && n <= 15 && d.at(1) != QLatin1Char('0')) ? d : QString();
    }
    const QString country = defaultCountry.toUpper();
    if (country == QLatin1String("US") || country == QLatin1String("CA")) {
        if (d.size() == 11 && d.startsWith(QLatin1Char('1')))
            d = d.mid(1);
        return d.size() == 10 ? QStringLiteral("+1") + d : QString();
    }
    // India: a trunk '0' or the country code may lead the ten-digit mobile number.
    if (d.size() == 11 && d.startsWith(QLatin1Char('0')))
        d = d.mid(1);
    else if (d.size() == 12 && d.startsWith(QLatin1String("91")))
        d = d.mid(2);
    return d.size() == 10 ? QStringLiteral("+91") + d : QString();
}

QString nationalNumber(const QString &raw)
{
    QString d = phoneDigits(raw);
    if (d.startsWith(QLatin1Char('+')))
        d.remove(0, 1);
    return d.size() > 10 ? d.right(10) : d;
}

} // namespace ringside
