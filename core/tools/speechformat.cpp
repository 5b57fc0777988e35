#include "speechformat.h"

#include <QHash>
#include <QLocale>

#include <array>
#include <cmath>

namespace ringside {

namespace {

// Romanized Hindi as Indian voice agents speak it; English month names are widely used too,
// but these read naturally with an hi-IN voice.
const std::array<const char *, 7> kHindiWeekdays = { "Somvaar", "Mangalvaar", "Budhvaar", "Guruvaar",
                                                     "Shukravaar", "Shanivaar", "Ravivaar" };
const std::array<const char *, 12> kHindiMonths = { "Janvari", "Farvari", "March", "April", "Mai", "Joon",
                                                    "Julai", "Agast", "Sitambar", "Aktoobar", "Navambar",
                                                    "Disambar" };

// "1499" → "1,499"; grouping in threes reads reliably on every TTS voice.
QString groupThousands(qint64 whole)
{
    QString digits = QString::number(whole < 0 ? -whole : whole);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return whole < 0 ? QLatin1Char('-') + digits : digits;
}

struct CurrencyWords {
    const char *code;
    const char *one;
    const char *many;
    const char *minorOne;
    const char *minorMany;
};

const std::array<CurrencyWords, 6> kCurrencies = { {
    { "INR", "rupee", "rupees", "paisa", "paise" },
    { "USD", "dollar", "dollars", "cent", "cents" },
    { "EUR", "euro", "euros", "cent", "cents" },
    { "GBP", "pound", "pounds", "penny", "pence" },
    { "AUD", "Australian dollar", "Australian dollars", "cent", "cents" },
    { "CAD", "Canadian dollar", "Canadian dollars", "cent", "cents" },
} };

QString plural(const QString &word)
{
    if (word.isEmpty() || word.endsWith(QLatin1Char('s'), Qt::CaseInsensitive))
        return word;
    if (word.endsWith(QLatin1Char('x'), Qt::CaseInsensitive) || word.endsWith(QLatin1String("ch"), Qt::CaseInsensitive)
        || word.endsWith(QLatin1String("sh"), Qt::CaseInsensitive))
        return word + QStringLiteral("es");
    return word + QLatin1Char('s');
}

} // namespace

bool isHindi(const QString &language)
{
    return language.startsWith(QLatin1String("hi"), Qt::CaseInsensitive);
}

QString spellId(const QString &id)
{
    QStringList parts;
    for (const QChar c : id) {
        if (c.isLetterOrNumber())
            parts << QString(c.toUpper());
    }
    return parts.join(QLatin1Char(' '));
}

QTimeZone zoneOrUtc(const QString &ianaId)
{
    if (!ianaId.isEmpty()) {
        const QTimeZone zone(ianaId.toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::utc();
}

QString spokenDate(const QDate &date, const QDate &today, const QString &language)
{
    if (!date.isValid())
        return {};
    const bool withYear = !today.isValid() || today.year() != date.year();
    if (isHindi(language)) {
        QString s = QStringLiteral("%1, %2 %3")
                .arg(QLatin1String(kHindiWeekdays[size_t(date.dayOfWeek() - 1)]))
                .arg(date.day())
                .arg(QLatin1String(kHindiMonths[size_t(date.month() - 1)]));
        return withYear ? s + QLatin1Char(' ') + QString::number(date.year()) : s;
    }
    const QLocale c = QLocale::c();
    QString s = QStringLiteral("%1, %2 %3")
            .arg(c.dayName(date.dayOfWeek(), QLocale::LongFormat), c.monthName(date.month(), QLocale::LongFormat))
            .arg(date.day());
    return withYear ? s + QStringLiteral(", ") + QString::number(date.year()) : s;
}

QString spokenDay(const QDate &date, const QDate &today, const QString &language)
{
    if (!date.isValid())
        return {};
    const bool hi = isHindi(language);
    if (today.isValid()) {
        const qint64 delta = today.daysTo(date);
        if (delta == 0)
            return hi ? QStringLiteral("aaj") : QStringLiteral("today");
        if (delta == -1)
            return hi ? QStringLiteral("kal") : QStringLiteral("yesterday");
        if (delta == 1)
            return (hi ? QStringLiteral("kal, ") : QStringLiteral("tomorrow, ")) + spokenDate(date, today, language);
    }
    return spokenDate(date, today, language);
}

QString spokenTime(const QTime &time, const QString &language)
{
    if (!time.isValid())
        return {};
    const int h12 = time.hour() % 12 == 0 ? 12 : time.hour() % 12;
    const QString clock = time.minute() == 0
            ? QString::number(h12)
            : QStringLiteral("%1:%2").arg(h12).arg(time.minute(), 2, 10, QLatin1Char('0'));
    if (isHindi(language)) {
        const int h = time.hour();
        const char *part = h < 4 ? "raat" : h < 12 ? "subah" : h < 16 ? "dopahar" : h < 20 ? "shaam" : "raat";
        return QStringLiteral("%1 %2 baje").arg(QLatin1String(part), clock);
    }
    return clock + (time.hour() < 12 ? QStringLiteral(" AM") : QStringLiteral(" PM"));
}

QString spokenSlot(const QString &slot, const QString &language)
{
    if (!isHindi(language))
        return slot.isEmpty() ? QString() : QStringLiteral("in the ") + slot;
    if (slot == QLatin1String("morning"))
        return QStringLiteral("subah");
    if (slot == QLatin1String("afternoon"))
        return QStringLiteral("dopahar");
    if (slot == QLatin1String("evening"))
        return QStringLiteral("shaam");
    return slot;
}

int currencyExponent(const QString &currency)
{
    static const QStringList zero = { QStringLiteral("JPY"), QStringLiteral("KRW"), QStringLiteral("VND"),
                                      QStringLiteral("CLP"), QStringLiteral("ISK") };
    static const QStringList three = { QStringLiteral("BHD"), QStringLiteral("KWD"), QStringLiteral("OMR"),
                                       QStringLiteral("JOD"), QStringLiteral("TND") };
    const QString code = currency.toUpper();
    if (zero.contains(code))
        return 0;
    if (three.contains(code))
        return 3;
    return 2;
}

double decimalAmount(const Money &money)
{
    return double(money.minor) / std::pow(10.0, currencyExponent(money.currency));
}

QString spokenMoney(const Money &money, const QString &language)
{
    const int exponent = currencyExponent(money.currency);
    qint64 scale = 1;
    for (int i = 0; i < exponent; ++i)
        scale *= 10;
    const bool negative = money.minor < 0;
    const qint64 abs = negative ? -money.minor : money.minor;
    const qint64 whole = abs / scale;
    const qint64 minor = abs % scale;
    const QString sign = negative ? QStringLiteral("minus ") : QString();
    const QString code = money.currency.toUpper();

    if (isHindi(language) && code == QLatin1String("INR")) {
        QString s = sign + groupThousands(whole) + (whole == 1 ? QStringLiteral(" rupaya") : QStringLiteral(" rupaye"));
        if (minor)
            s += QStringLiteral(" %1 paise").arg(minor);
        return s;
    }
    for (const CurrencyWords &w : kCurrencies) {
        if (code != QLatin1String(w.code))
            continue;
        QString s = sign + groupThousands(whole) + QLatin1Char(' ')
                + QLatin1String(whole == 1 ? w.one : w.many);
        if (minor)
            s += QStringLiteral(" and %1 %2").arg(minor).arg(QLatin1String(minor == 1 ? w.minorOne : w.minorMany));
        return s;
    }
    // Unknown currency: the number and its code, which TTS voices spell.
    QString number = groupThousands(whole);
    if (minor)
        number += QStringLiteral(".%1").arg(minor, exponent, 10, QLatin1Char('0'));
    return sign + number + QLatin1Char(' ') + code;
}

QString naturalList(const QStringList &parts, const QString &language)
{
    const bool hi = isHindi(language);
    if (parts.isEmpty())
        return {};
    if (parts.size() == 1)
        return parts.first();
    const QString conj = hi ? QStringLiteral(" aur ") : QStringLiteral(" and ");
    if (parts.size() == 2)
        return parts.at(0) + conj + parts.at(1);
    const QString head = parts.mid(0, parts.size() - 1).join(QStringLiteral(", "));
    return head + (hi ? conj : QStringLiteral(",") + conj) + parts.last();
}

QString itemPhrase(const QString &name, int quantity, const QString &language)
{
    if (isHindi(language))
        return quantity > 1 ? QStringLiteral("%1 %2").arg(quantity).arg(name) : name;
    if (quantity > 1)
        return QStringLiteral("%1 %2").arg(quantity).arg(plural(name));
    // Names that are already plural ("Running Shoes", "Ceramic Mugs (set of 2)") take no article.
    const QString head = name.section(QLatin1Char('('), 0, 0).trimmed();
    if (head.isEmpty() || (head.endsWith(QLatin1Char('s')) && !head.endsWith(QLatin1String("ss"))))
        return name;
    const QChar first = name.at(0).toLower();
    const bool vowel = QStringLiteral("aeiou").contains(first);
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + name;
}

QString carrierDisplayName(const QString &carrier)
{
    static const QHash<QString, QString> names = {
        { QStringLiteral("bluedart"), QStringLiteral("Blue Dart") },
        { QStringLiteral("delhivery"), QStringLiteral("Delhivery") },
        { QStringLiteral("ecom_express"), QStringLiteral("Ecom Express") },
        { QStringLiteral("fedex"), QStringLiteral("FedEx") },
        { QStringLiteral("ups"), QStringLiteral("UPS") },
        { QStringLiteral("dhl"), QStringLiteral("DHL") },
    };
    const auto it = names.find(carrier.toLower());
    if (it != names.end())
        return *it;
    return statusWords(carrier);
}

bool looksLikeId(const QString &word)
{
    // Store identifiers are written in capitals and digits ("ORD-482913", "RET-0001", "SAVE10");
    // "14-inch" or "16GB" in a product name are measures, said as words.
    if (word.size() < 3 || word.size() > 24)
        return false;
    int letters = 0;
    int digits = 0;
    for (const QChar c : word) {
        if (c.isDigit())
            ++digits;
        else if (c.unicode() >= u'A' && c.unicode() <= u'Z')
            ++letters;
        else if (c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('/') && c != QLatin1Char('#'))
            return false;
    }
    return letters > 0 && (digits >= 3 || (digits >= 2 && word.at(0).isLetter()));
}

QString spellIdsIn(const QString &text)
{
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i).isSpace()) {
            out += text.at(i++);
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && !text.at(end).isSpace())
            ++end;
        // "ORD-482913." / "(RET-0001)": the punctuation around the word is not part of it.
        qsizetype from = i;
        qsizetype to = end;
        while (from < to && !text.at(from).isLetterOrNumber())
            ++from;
        while (to > from && !text.at(to - 1).isLetterOrNumber())
            --to;
        const QString core = text.mid(from, to - from);
        if (looksLikeId(core))
            out += text.mid(i, from - i) + spellId(core) + text.mid(to, end - to);
        else
            out += text.mid(i, end - i);
        i = end;
    }
    return out;
}

QString statusWords(const QString &status)
{
    if (status == QLatin1String("pending_payment"))
        return QStringLiteral("awaiting payment");
    QString s = status;
    return s.replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace ringside
