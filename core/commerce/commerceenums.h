#pragma once

#include <QString>
#include <QStringList>

namespace ringside {

// The closed vocabularies of the store. The SQL schema's CHECK constraints, the fixture importer,
// the demo generator and the tool schemas all draw on these lists, so a value is spelled one way.
namespace commerce {

const QStringList &orderStatuses();      // processing shipped out_for_delivery delivered delayed …
const QStringList &paymentMethods();     // cod card upi netbanking wallet prepaid
const QStringList &codConfirmations();   // pending confirmed declined unconfirmed ("" = not COD)
const QStringList &carriers();           // bluedart delhivery ecom_express fedex ups dhl
const QStringList &customerTypes();      // consumer business
const QStringList &cartStatuses();       // active abandoned recovered completed expired
const QStringList &returnStatuses();     // requested pickup_scheduled picked_up received refunded …
const QStringList &returnReasons();      // damaged wrong_item not_as_described size_issue …
const QStringList &refundMethods();      // original_payment store_credit bank_transfer
const QStringList &timeSlots();          // morning afternoon evening
const QStringList &cancellationReasons(); // changed_mind found_cheaper delivery_too_slow wrong_item other
const QStringList &abandonmentReasons(); // price_too_high shipping_cost payment_issues …

// "'shiped' is not one of processing, shipped, …" — the tail of an error message.
QString notOneOf(const QString &value, const QStringList &allowed);

} // namespace commerce
} // namespace ringside
