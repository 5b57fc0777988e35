#include "callerverification.h"

#include "util/phone.h"

#include <QRegularExpression>

namespace ringside {

QStringList verificationMethods()
{
    return { QStringLiteral("pin_code"), QStringLiteral("phone_last4"), QStringLiteral("email") };
}

bool callerIsCustomer(const QString &callerPhone, const Customer &customer)
{
    if (callerPhone.trimmed().isEmpty() || customer.phone.trimmed().isEmpty())
        return false;
    const QString country = customer.country.isEmpty() ? QStringLiteral("IN") : customer.country;
    const QString caller = toE164(callerPhone, country);
    return !caller.isEmpty() && caller == toE164(customer.phone, country);
}

QString postalCodeOf(const QString &address)
{
    static const QRegularExpression postal(QStringLiteral("(\\d{5,6})(?!.*\\d{5,6})"));
    const QRegularExpressionMatch m = postal.match(address);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString maskedAddress(const QString &address)
{
    // "12 MG Road, Pune 411001" → the part before the postal code of the last comma-separated piece.
    QStringList parts = address.split(QLatin1Char(','), Qt::SkipEmptyParts);
    QString city;
    while (!parts.isEmpty() && city.isEmpty()) {
        city = parts.takeLast().trimmed();
        city.remove(QRegularExpression(QStringLiteral("\\d")));
        city = city.simplified();
        // A US-style "IL" state code alone is not a city.
        if (city.size() <= 2)
            city.clear();
    }
    return city.isEmpty() ? QStringLiteral("(hidden until the caller is verified)")
                          : QStringLiteral("an address in %1 (hidden until the caller is verified)").arg(city);
}

QString maskedPhone(const QString &phone)
{
    const QString p = phone.trimmed();
    if (p.startsWith(QLatin1Char('+')) && p.size() > 3)
        return p.left(3) + QStringLiteral(" (hidden until the caller is verified)");
    return QStringLiteral("(hidden until the caller is verified)");
}

QString maskedEmail(const QString &email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    const qsizetype dot = email.lastIndexOf(QLatin1Char('.'));
    if (at <= 0 || dot < at)
        return QStringLiteral("(hidden until the caller is verified)");
    return email.left(1) + QStringLiteral("…@…") + email.mid(dot) + QStringLiteral(" (hidden until the caller is verified)");
}

void maskPersonalFields(json &result)
{
    if (!result.is_object())
        return;
    QStringList removed;
    const auto mask = [&](const char *key, QString (*how)(const QString &)) {
        const auto it = result.find(key);
        if (it == result.end() || !it->is_string())
            return;
        const QString value = qs(it->get<std::string>());
        if (value.trimmed().isEmpty())
            return;
        removed << value;
        *it = how(value);
    };
    mask("delivery_address", &maskedAddress);
    mask("address", &maskedAddress);
    mask("pickup_address", &maskedAddress);
    mask("to_phone", &maskedPhone);
    mask("phone", &maskedPhone);
    mask("customer_phone", &maskedPhone);
    mask("email", &maskedEmail);
    if (const auto m = result.find("message"); m != result.end() && m->is_string()) {
        QString text = qs(m->get<std::string>());
        for (const QString &value : removed)
            text.replace(value, QStringLiteral("your address"));
        *m = text;
    }
    // A list of orders or items carries nothing personal; nested results (none today) would.
}

} // namespace ringside
