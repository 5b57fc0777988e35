#include "campaigns/dndcsv.h"

#include "util/phone.h"

#include <QRegularExpression>

namespace ringside::campaigns {

namespace {

bool isPhoneHeader(const QString &name)
{
    static const QStringList names = { QStringLiteral("phone"), QStringLiteral("phone number"), QStringLiteral("phone_number"),
                                       QStringLiteral("phonenumber"), QStringLiteral("number"), QStringLiteral("msisdn"),
                                       QStringLiteral("mobile"), QStringLiteral("mobile number"), QStringLiteral("mobile_number"),
                                       QStringLiteral("telephone"), QStringLiteral("tel"), QStringLiteral("subscriber number") };
    return names.contains(name.simplified().toLower());
}

bool isCategoryHeader(const QString &name)
{
    static const QStringList names = { QStringLiteral("category"), QStringLiteral("categories"), QStringLiteral("preference"),
                                       QStringLiteral("preferences"), QStringLiteral("pref"), QStringLiteral("opted categories"),
                                       QStringLiteral("opted_categories"), QStringLiteral("preference category"),
                                       QStringLiteral("dnd category"), QStringLiteral("dnd_category") };
    return names.contains(name.simplified().toLower());
}

bool looksLikePhone(const QString &field)
{
    const QString digits = phoneDigits(field);
    const qsizetype n = digits.startsWith(QLatin1Char('+')) ? digits.size() - 1 : digits.size();
    return n >= 10 && n <= 15;
}

} // namespace

QStringList splitCsvLine(const QString &line)
{
    QStringList out;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            out << field.trimmed();
            field.clear();
        } else if (c != QLatin1Char('\r') && c != QLatin1Char('\n')) {
            field.append(c);
        }
    }
    out << field.trimmed();
    return out;
}

QString normaliseCategories(const QString &text, bool *ok)
{
    if (ok)
        *ok = true;
    static const QRegularExpression separators(QStringLiteral("[#,;|/\\s]+"));
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        bool isNumber = false;
        const int v = part.toInt(&isNumber);
        if (!isNumber || v < 0 || v > 8) {
            if (ok)
                *ok = false;
            continue;
        }
        const QString s = QString::number(v);
        if (!out.contains(s))
            out << s;
    }
    std::sort(out.begin(), out.end());
    return out.join(QLatin1Char(','));
}

DndColumns detectDndColumns(const QStringList &first)
{
    DndColumns c;
    for (int i = 0; i < first.size(); ++i) {
        if (c.phone < 0 && isPhoneHeader(first.at(i)))
            c.phone = i;
        else if (c.categories < 0 && isCategoryHeader(first.at(i)))
            c.categories = i;
    }
    if (c.phone >= 0) {
        c.header = true;
        return c;
    }
    c.categories = -1;
    for (int i = 0; i < first.size(); ++i) {
        if (c.phone < 0 && looksLikePhone(first.at(i))) {
            c.phone = i;
            continue;
        }
        bool ok = false;
        if (c.phone >= 0 && c.categories < 0 && !first.at(i).isEmpty() && !normaliseCategories(first.at(i), &ok).isEmpty() && ok)
            c.categories = i;
    }
    return c;
}

std::optional<DndRow> readDndRow(const QStringList &fields, const DndColumns &columns, QString *problem)
{
    const QString raw = fields.value(columns.phone);
    if (raw.isEmpty()) {
        *problem = QStringLiteral("no phone number");
        return std::nullopt;
    }
    DndRow row;
    row.phone = toE164(raw, QStringLiteral("IN")); // the registry is India's: ten digits are Indian numbers
    if (row.phone.isEmpty()) {
        *problem = QStringLiteral("\"%1\" is not a phone number").arg(raw);
        return std::nullopt;
    }
    if (columns.categories >= 0) {
        bool ok = true;
        row.categories = normaliseCategories(fields.value(columns.categories), &ok);
        if (!ok) {
            *problem = QStringLiteral("\"%1\" is not a list of NCPR categories (0–8)").arg(fields.value(columns.categories));
            return std::nullopt;
        }
    }
    return row;
}

} // namespace ringside::campaigns
