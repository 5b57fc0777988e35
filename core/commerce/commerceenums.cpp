#include "commerceenums.h"

namespace ringside::commerce {

namespace {
QStringList words(const char *spaceSeparated)
{
    return QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
} // namespace

const QStringList &orderStatuses()
{
    static const QStringList v = words("processing shipped out_for_delivery delivered delayed cancelled returned "
                                       "on_hold pending_payment");
    return v;
}

const QStringList &paymentMethods()
{
    static const QStringList v = words("cod card upi netbanking wallet prepaid");
    return v;
}

const QStringList &codConfirmations()
{
    static const QStringList v = words("pending confirmed declined unconfirmed");
    return v;
}

const QStringList &carriers()
{
    static const QStringList v = words("bluedart delhivery ecom_express fedex ups dhl");
    return v;
}

const QStringList &customerTypes()
{
    static const QStringList v = words("consumer business");
    return v;
}

const QStringList &cartStatuses()
{
    static const QStringList v = words("active abandoned recovered completed expired");
    return v;
}

const QStringList &returnStatuses()
{
    static const QStringList v = words("requested pickup_scheduled picked_up received refunded rejected cancelled");
    return v;
}

const QStringList &returnReasons()
{
    static const QStringList v = words("damaged wrong_item not_as_described size_issue quality_issue changed_mind");
    return v;
}

const QStringList &refundMethods()
{
    static const QStringList v = words("original_payment store_credit bank_transfer");
    return v;
}

const QStringList &timeSlots()
{
    static const QStringList v = words("morning afternoon evening");
    return v;
}

const QStringList &cancellationReasons()
{
    static const QStringList v = words("changed_mind found_cheaper delivery_too_slow wrong_item other");
    return v;
}

const QStringList &abandonmentReasons()
{
    static const QStringList v = words("price_too_high shipping_cost payment_issues found_cheaper just_browsing "
                                       "not_ready other");
    return v;
}

QString notOneOf(const QString &value, const QStringList &allowed)
{
    return QStringLiteral("'%1' is not one of %2").arg(value, allowed.join(QStringLiteral(", ")));
}

} // namespace ringside::commerce
