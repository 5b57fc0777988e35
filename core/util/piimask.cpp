#include "util/piimask.h"

namespace ringside {

namespace {

const QChar kDot(0x2022);

bool containsMask(const QString &s)
{
    return s.contains(kDot);
}

enum class Kind { None, Phone, Address, Email };

Kind kindOf(const std::string &key)
{
    std::string k;
    k.reserve(key.size());
    for (char c : key)
        k += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    auto has = [&](const char *part) { return k.find(part) != std::string::npos; };
    if (has("phone") || has("mobile") || k == "from" || k == "to" || has("caller_number") || has("msisdn"))
        return Kind::Phone;
    if (has("email"))
        return Kind::Email;
    if (has("address") || has("street") || k == "line1" || k == "line2" || k == "address1" || k == "address2")
        return Kind::Address;
    return Kind::None;
}

json maskValue(const json &value, Kind kind)
{
    if (!value.is_string())
        return value.is_null() ? value : json("•••");
    const QString text = QString::fromStdString(value.get<std::string>());
    switch (kind) {
    case Kind::Phone: return maskPhone(text);
    case Kind::Address: return maskAddress(text);
    case Kind::Email: return maskEmail(text);
    case Kind::None: break;
    }
    return value;
}

} // namespace

QString maskPhone(const QString &phone)
{
    if (phone.isEmpty() || containsMask(phone))
        return phone;
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits += c;
    }
    if (digits.isEmpty())
        return QString(3, kDot);
    if (digits.size() <= 4)
        return QString(2, kDot) + digits.right(2);
    const QString last = digits.right(4);
    // Indian and North American numbers are the common ones; other international numbers keep
    // their first two digits as a hint of the country.
    QString country;
    if (phone.startsWith(QLatin1Char('+'))) {
        if (digits.startsWith(QLatin1String("91")) && digits.size() == 12)
            country = QStringLiteral("+91 ");
        else if (digits.startsWith(QLatin1Char('1')) && digits.size() == 11)
            country = QStringLiteral("+1 ");
        else
            country = QLatin1Char('+') + digits.left(2) + QLatin1Char(' ');
    }
    return country + QString(4, kDot) + QLatin1Char(' ') + QString(2, kDot) + last;
}

QString maskAddress(const QString &address)
{
    if (address.trimmed().isEmpty() || containsMask(address))
        return address;
    const qsizetype comma = address.lastIndexOf(QLatin1Char(','));
    const QString tail = comma < 0 ? QString() : address.mid(comma + 1).trimmed();
    return tail.isEmpty() ? QString(3, kDot) : QString(3, kDot) + QStringLiteral(", ") + tail;
}

QString maskEmail(const QString &email)
{
    if (email.isEmpty() || containsMask(email))
        return email;
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at <= 0)
        return QString(3, kDot);
    return email.left(1) + QString(3, kDot) + email.mid(at);
}

bool isPersonalField(const std::string &key)
{
    return kindOf(key) != Kind::None;
}

json maskPersonalFields(const json &value)
{
    if (value.is_array()) {
        json out = json::array();
        for (const json &v : value)
            out.push_back(maskPersonalFields(v));
        return out;
    }
    if (!value.is_object())
        return value;
    json out = json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
        const Kind kind = kindOf(it.key());
        out[it.key()] = kind == Kind::None ? maskPersonalFields(it.value()) : maskValue(it.value(), kind);
    }
    return out;
}

} // namespace ringside
