#include "platforms/mirrorrecord.h"

namespace ringside::platforms {

QString localIdFromNumber(const QString &number)
{
    QString out;
    for (const QChar c : number.trimmed()) {
        if (c == QLatin1Char(' '))
            out.append(QLatin1Char('-'));
        else if ((c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') || c == QLatin1Char('_'))
            out.append(c);
    }
    while (out.startsWith(QLatin1Char('-')))
        out.remove(0, 1);
    return out.left(48);
}

QString numberKey(const QString &number)
{
    QString out;
    for (const QChar c : number) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out.append(c.toUpper());
    }
    return out;
}

const json &jsonField(const json &obj, const char *key)
{
    static const json null;
    if (!obj.is_object())
        return null;
    const auto it = obj.find(key);
    return it == obj.end() ? null : *it;
}

QString jsonText(const json &obj, const char *key)
{
    const json &v = jsonField(obj, key);
    if (v.is_string())
        return qs(v.get<std::string>());
    if (v.is_number_integer())
        return idText(v);
    if (v.is_number())
        return qs(v.dump());
    return QString();
}

QString idText(const json &value)
{
    if (value.is_number_unsigned())
        return QString::number(value.get<quint64>());
    if (value.is_number_integer())
        return QString::number(value.get<qint64>());
    if (value.is_string())
        return qs(value.get<std::string>()).trimmed();
    return QString();
}

std::optional<qint64> amountToMinor(const QString &text, const QString &currency)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.startsWith(QLatin1Char('-')))
        return std::nullopt;
    int digits = 2;
    static const QStringList zero = QString::fromLatin1("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF").split(QLatin1Char(' '));
    static const QStringList three = QString::fromLatin1("BHD IQD JOD KWD LYD OMR TND").split(QLatin1Char(' '));
    if (zero.contains(currency))
        digits = 0;
    else if (three.contains(currency))
        digits = 3;
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? t : t.left(dot);
    QString fraction = dot < 0 ? QString() : t.mid(dot + 1);
    // Platforms pad ("10.000" for INR in some WooCommerce shops): extra digits must be zeros.
    while (fraction.size() > digits && fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    if (whole.isEmpty() || fraction.size() > digits || whole.size() > 15)
        return std::nullopt;
    const QString allDigits = whole + fraction;
    for (const QChar c : allDigits) {
        if (!c.isDigit())
            return std::nullopt;
    }
    qint64 minor = whole.toLongLong();
    for (int i = 0; i < digits; ++i)
        minor = minor * 10 + (i < fraction.size() ? fraction.at(i).digitValue() : 0);
    return minor;
}

QString carrierKey(const QString &company)
{
    const QString c = company.toLower().remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    if (c.contains(QLatin1String("bluedart")))
        return QStringLiteral("bluedart");
    if (c.contains(QLatin1String("delhivery")))
        return QStringLiteral("delhivery");
    if (c.contains(QLatin1String("ecomexpress")))
        return QStringLiteral("ecom_express");
    if (c.contains(QLatin1String("fedex")))
        return QStringLiteral("fedex");
    if (c == QLatin1String("ups") || c.startsWith(QLatin1String("ups")))
        return QStringLiteral("ups");
    if (c.startsWith(QLatin1String("dhl")))
        return QStringLiteral("dhl");
    return QString();
}

QString languageTag(const QString &locale, const QString &country)
{
    const QString l = locale.trimmed();
    if (l.isEmpty())
        return QString();
    if (l.contains(QLatin1Char('-')))
        return l;
    const QString region = country.isEmpty() ? (l == QLatin1String("hi") ? QStringLiteral("IN") : QStringLiteral("US")) : country.toUpper();
    return l.toLower() + QLatin1Char('-') + region;
}

QString zoneFor(const QString &country, const QString &shopZone)
{
    if (country.compare(QLatin1String("IN"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("Asia/Kolkata");
    return shopZone.isEmpty() ? QStringLiteral("UTC") : shopZone;
}

} // namespace ringside::platforms
