#pragma once

#include "commerce/commercetypes.h"
#include "speaker.h"
#include "util/jsonqt.h"

namespace ringside {

// An order described for get_order_status: the speech-ready `message` for its status, the raw
// fields a brain may reason with, and the escalation flag.
struct OrderDescriptionOptions {
    QString processingTime;   // store setting, e.g. "1-2 business days"
    int escalateAfterDays = 7; // escalate when not delivered this many whole days past the estimate
    int returnWindowDays = 7;  // store setting returnWindowDays: a delivered order says until when it can be returned
};

json describeOrder(const Order &order, const Speaker &say, const OrderDescriptionOptions &options);

// Whole calendar days (customer's zone) by which an undelivered order is past its estimate;
// 0 when on time, delivered, closed or without an estimate.
int daysPastEstimate(const Order &order, const Speaker &say);

// "today" / "yesterday" / "on Thursday, November 27" (Hindi: "aaj" / "kal" / "… ko").
QString onDay(const Speaker &say, const QDate &date);

} // namespace ringside
