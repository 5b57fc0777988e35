#include "campaigns/calledparty.h"

#include "commerce/commercetypes.h"
#include "util/phone.h"

#include <QHash>

namespace ringside::campaigns {

namespace {

QTimeZone zoneOf(const char *iana)
{
    return QTimeZone(QByteArray(iana));
}

// Every zone a US number might be in when its area code does not say: a call must fit the
// window in all of them (14:00–20:00 Eastern for the seed's 09:00–20:00).
QList<QTimeZone> allUsZones()
{
    return { zoneOf("America/New_York"), zoneOf("America/Chicago"), zoneOf("America/Denver"), zoneOf("America/Phoenix"),
             zoneOf("America/Los_Angeles"), zoneOf("America/Anchorage"), zoneOf("Pacific/Honolulu") };
}

bool usable(const QString &iana)
{
    // 'UTC' is the store's "unknown" default for a customer's zone, not a place.
    return !iana.isEmpty() && iana != QLatin1String("UTC") && iana != QLatin1String("Etc/UTC") && QTimeZone(iana.toUtf8()).isValid();
}

} // namespace

QString CalledParty::zoneName() const
{
    QStringList names;
    for (const QTimeZone &z : zones)
        names << QString::fromUtf8(z.id());
    return names.join(QLatin1Char('|'));
}

QString phoneCountry(const QString &e164)
{
    if (e164.startsWith(QLatin1String("+91")))
        return QStringLiteral("IN");
    if (e164.startsWith(QLatin1String("+1")))
        return QStringLiteral("US"); // NANP: Canada and the Caribbean share +1; US rules are the stricter reading
    return QString();
}

CalledParty resolveCalledParty(const Customer *customer, const QString &phone, const QTimeZone &storeZone)
{
    CalledParty p;
    p.phone = phone;
    p.country = phoneCountry(phone);
    if (p.country.isEmpty() && customer)
        p.country = customer->country.toUpper();

    if (customer && usable(customer->timezone)) {
        p.zones = { QTimeZone(customer->timezone.toUtf8()) };
        p.zoneSource = QStringLiteral("customer");
        return p;
    }
    if (p.country == QLatin1String("IN")) {
        p.zones = { zoneOf("Asia/Kolkata") };
        p.zoneSource = QStringLiteral("phone");
        return p;
    }
    if (phone.startsWith(QLatin1String("+1")) && phone.size() >= 5) {
        const QList<QTimeZone> zones = usAreaCodeZones(phone.mid(2, 3));
        p.zones = zones.isEmpty() ? allUsZones() : zones;
        p.zoneSource = QStringLiteral("phone");
        return p;
    }
    p.zones = { storeZone.isValid() ? storeZone : zoneOf("Asia/Kolkata") };
    p.zoneSource = QStringLiteral("store");
    return p;
}

} // namespace ringside::campaigns
