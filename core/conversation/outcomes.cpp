#include "conversation/outcomes.h"

namespace ringside {

const QStringList &callOutcomes()
{
    static const QStringList v = { QStringLiteral("resolved"), QStringLiteral("escalated"), QStringLiteral("confirmed"),
                                   QStringLiteral("modified"), QStringLiteral("cancelled"), QStringLiteral("rescheduled"),
                                   QStringLiteral("recovered"), QStringLiteral("not_interested"), QStringLiteral("no_answer"),
                                   QStringLiteral("callback"), QStringLiteral("failed") };
    return v;
}

const QStringList &revenueOutcomes()
{
    static const QStringList v = { QStringLiteral("recovered"), QStringLiteral("confirmed"), QStringLiteral("modified") };
    return v;
}

bool carriesRevenue(const QString &outcome)
{
    return revenueOutcomes().contains(outcome);
}

} // namespace ringside
