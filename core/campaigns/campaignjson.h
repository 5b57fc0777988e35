#pragma once
// A planned call as `campaigns list --json` prints it (docs/campaigns.md): times in ISO-8601
// with the called party's own offset, so "due 10:00 tomorrow" reads as the customer's 10:00.

#include "campaigns/scheduledcall.h"
#include "util/jsonqt.h"

#include <QHash>
#include <QTimeZone>

namespace ringside::campaigns {

class CallJson
{
public:
    json toJson(const ScheduledCall &call);
    json eventJson(const CampaignEvent &event, const QString &zone);
    // `t` in the call's (first) zone, ISO with offset; '' when invalid.
    QString local(const QDateTime &t, const QString &zones);

private:
    QTimeZone zone(const QString &zones);
    QHash<QString, QTimeZone> m_zones; // "A|B" → A, built once per distinct value
};

} // namespace ringside::campaigns
