#pragma once
// A planned call as `campaigns list --json` prints it (docs/campaigns.md): times in ISO-8601
// with the called party's own offset, so "due 10:00 tomorrow" reads as the customer's 10:00.
// appendJson() writes the same object straight into a string, for lists of 100,000 calls:
// offsets come from each zone's current transition interval, not a conversion per time.

#include "campaigns/scheduledcall.h"
#include "util/jsonqt.h"

#include <QHash>
#include <QTimeZone>

#include <string>

namespace ringside::campaigns {

class CallJson
{
public:
    json toJson(const ScheduledCall &call);
    void appendJson(std::string &out, const ScheduledCall &call);
    json eventJson(const CampaignEvent &event, const QString &zone);
    // `t` in the call's (first) zone, ISO with offset; '' when invalid.
    QString local(const QDateTime &t, const QString &zones);

private:
    struct Zone
    {
        QTimeZone zone;
        bool known = false;     // an interval is cached
        qint64 validFrom = 0;   // [validFrom, validTo) has `offset` (ms since epoch)
        qint64 validTo = 0;
        int offset = 0;         // seconds east of UTC
    };
    int offsetAt(const QString &zones, qint64 ms);
    std::string localText(const QDateTime &t, const QString &zones);

    QHash<QString, Zone> m_zones; // "A|B" → A and its cached offset interval
};

// "2026-11-27T10:00:00+05:30" for an instant and an offset (seconds), without QDateTime.
std::string isoWithOffset(qint64 msSinceEpoch, int offsetSeconds);

} // namespace ringside::campaigns
