#pragma once
// A spin box for an amount of one currency, shown as people read money in their own locale:
// "₹5,000.00" for an English user in India, "500,00 $" for a German one (formatMoney()). What is
// typed may leave out the symbol and the grouping; the locale's decimal separator is honoured.

#include <QDoubleSpinBox>

namespace ringside::ui {

class MoneySpinBox : public QDoubleSpinBox
{
    Q_OBJECT
public:
    explicit MoneySpinBox(const QString &isoCode, QWidget *parent = nullptr);

    QString currency() const { return m_currency; }

protected:
    QString textFromValue(double value) const override;
    double valueFromText(const QString &text) const override;
    QValidator::State validate(QString &input, int &pos) const override;
    void fixup(QString &input) const override;

private:
    // The figure in `text` as "1234.5" (digits and one '.'), or "" when there is none.
    QString plainNumber(const QString &text, bool *stray = nullptr) const;

    QString m_currency;
};

} // namespace ringside::ui
