#pragma once
// Who is called, and where: the called party's country and timezone, which decide the calling
// window (docs/campaigns.md "Calling windows"). The zone comes from the customer's record
// (set from the shipping address), else from the phone number (+91 is India's one zone; a US
// number's area code names its zone), else the store's zone. A US number whose area code spans
// zones, or is unknown, keeps every candidate zone: a call must then fit the window in each.

#include <QList>
#include <QString>
#include <QTimeZone>

namespace ringside {
struct Customer;
}

namespace ringside::campaigns {

struct CalledParty
{
    QString phone;                 // E.164
    QString country;               // ISO 3166 alpha-2 ("IN", "US"), '' when unknown
    QList<QTimeZone> zones;        // at least one; more than one when the number leaves it open
    QString zoneSource;            // customer | phone | store

    QTimeZone zone() const { return zones.value(0); }
    QString zoneName() const;      // the first zone's IANA id, or "A|B|…" for several
    bool isUs() const { return country == QLatin1String("US"); }
};

// `customer` may be null (no record: only the phone and the store zone are known).
CalledParty resolveCalledParty(const Customer *customer, const QString &phone, const QTimeZone &storeZone);

// The IANA zones a NANP area code lies in ("312" → Chicago; "850" → Chicago and New York);
// empty when the code is not in the table.
QList<QTimeZone> usAreaCodeZones(const QString &areaCode);

// The country a phone number's calling code belongs to, for the codes the rules know
// (+91 → IN, +1 → US); '' for others.
QString phoneCountry(const QString &e164);

} // namespace ringside::campaigns
