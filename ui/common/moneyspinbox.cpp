#include "moneyspinbox.h"

#include "format.h"

#include <algorithm>

namespace ringside::ui {

MoneySpinBox::MoneySpinBox(const QString &isoCode, QWidget *parent) : QDoubleSpinBox(parent), m_currency(isoCode)
{
    setDecimals(2);
    setGroupSeparatorShown(true);
}

QString MoneySpinBox::textFromValue(double value) const
{
    return formatMoney(value, m_currency, locale());
}

QString MoneySpinBox::plainNumber(const QString &text, bool *stray) const
{
    // The decimal separator as formatMoney() writes it for this locale (it may borrow the
    // currency's own locale when the user's is C).
    const QString sample = formatMoney(1.5, m_currency, locale());
    const qsizetype one = sample.indexOf(QLatin1Char('1'));
    const QChar decimal = one >= 0 && one + 2 < sample.size() ? sample.at(one + 1) : QLatin1Char('.');
    const QString symbol = currencySymbol(m_currency, locale());
    QString digits;
    if (stray)
        *stray = false;
    const QString figure = QString(text).remove(symbol);
    for (const QChar c : figure) {
        if (c.isDigit())
            digits += QChar(char16_t(u'0' + c.digitValue()));
        else if (c == decimal && !digits.contains(QLatin1Char('.')))
            digits += QLatin1Char('.');
        else if (c.isLetter() && stray)
            *stray = true;
    }
    return digits;
}

double MoneySpinBox::valueFromText(const QString &text) const
{
    return plainNumber(text).toDouble();
}

QValidator::State MoneySpinBox::validate(QString &input, int &) const
{
    bool stray = false;
    const QString digits = plainNumber(input, &stray);
    if (stray)
        return QValidator::Invalid;
    if (digits.isEmpty() || digits == QLatin1String("."))
        return QValidator::Intermediate;
    const double value = digits.toDouble();
    if (value > maximum())
        return QValidator::Invalid;
    return value < minimum() ? QValidator::Intermediate : QValidator::Acceptable;
}

void MoneySpinBox::fixup(QString &input) const
{
    input = textFromValue(std::clamp(valueFromText(input), minimum(), maximum()));
}

} // namespace ringside::ui
