#pragma once

#include <QString>
#include <QStringList>

namespace ringside {

// How a call ended: the one list a brain, an operator, the session and the call record agree on.
// The record adds two states of its own (analytics/callrecord.h): "in_progress" while the call
// runs and "interrupted" for a call whose engine stopped without closing it; nobody chooses those.
const QStringList &callOutcomes(); // resolved escalated confirmed modified cancelled rescheduled
                                   // recovered not_interested no_answer callback failed

// The outcomes that carry revenue: a recovered cart, a confirmed or modified COD order (protected).
const QStringList &revenueOutcomes();
bool carriesRevenue(const QString &outcome);

} // namespace ringside
