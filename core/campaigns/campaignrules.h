#pragma once
// The store's campaign rules: when each kind of outbound call is made, how often it is retried,
// the calling window, caps and the dialer's limits. Defaults follow the seed (docs/campaigns.md
// lists every field); a store changes them in the console's rules editor or with SQL.
// Stored as one JSON document in campaign_settings under "rules". Reading a document fills
// missing fields with defaults; validate() names every problem by its JSON path.

#include "util/jsonqt.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QTime>

namespace ringside::campaigns {

struct ValueTiers
{
    qint64 highAbove = 0;   // minor units: a cart worth more than this waits highDelay
    qint64 mediumAbove = 0; // … more than this waits mediumDelay, else lowDelay
};

struct CampaignRules
{
    // The store's calling window in the called party's local time (the seed: 9 am to 8 pm).
    // The law's windows (India promotional 9–21, US 8–21) apply on top and cannot be widened.
    QTime windowOpen = QTime(9, 0);
    QTime windowClose = QTime(20, 0); // exclusive: at or after it is outside

    struct Cod {
        bool enabled = true;
        QString agent = QStringLiteral("cod-confirmation");
        int delayMinutes = 30;               // after the order's created_at
        QTime nextMorning = QTime(10, 0);    // a call that would land at or after closing moves here, next day
        int maxAttempts = 2;
        int retryGapMinutes = 120;
        int lookbackHours = 72;              // orders older than this are not picked up
    } cod;

    struct Delivery {
        bool enabled = true;
        QString agent = QStringLiteral("delivery-notifier");
        QStringList events = { QStringLiteral("fulfilled"), QStringLiteral("out_for_delivery"), QStringLiteral("delayed") };
        int lookbackHours = 24;              // an event older than this is history, not news
        int maxAttempts = 1;
        int retryGapMinutes = 60;
    } delivery;

    struct Cart {
        bool enabled = true;
        QString agent = QStringLiteral("cart-recovery");
        QMap<QString, ValueTiers> tiers;     // per currency; "*" for the rest
        int highDelayMinutes = 60;
        int mediumDelayMinutes = 120;
        int lowDelayMinutes = 240;
        bool skipWeekendsForBusiness = true;
        int lookbackHours = 72;
    } cart;

    struct Callback {
        bool enabled = true;
        int defaultDelayMinutes = 60;        // "call me later" without a time
        int morningHour = 10;
        int afternoonHour = 14;
        int eveningHour = 18;
        int maxAttempts = 2;
        int retryGapMinutes = 60;
        int lookbackHours = 48;
    } callback;

    int perCustomerPerDay = 3;               // calls placed to one number per local day

    struct Dialer {
        int maxConcurrentCalls = 10;         // all calls of the store, inbound included
        int inboundReserve = 2;              // lines outbound calls leave free for callers
        double callsPerSecond = 1.0;
        int leaseSeconds = 120;
        int ringTimeoutSeconds = 30;
        bool machineDetection = false;       // Twilio AMD
        QString voicemail;                   // said to answering machines when AMD is on; empty: hang up
        int failedRetryMinutes = 15;
        int machineRetryMinutes = 120;
        int staleMinutes = 10;               // a placed call without a final status is looked up after this
    } dialer;

    struct Dnd {
        QStringList promotionalCategories = { QStringLiteral("0"), QStringLiteral("5") }; // NCPR: 0 fully blocked, 5 consumer goods
        bool ncprBlocksServiceCalls = false; // TRAI lets service calls reach NCPR numbers
    } dnd;

    CampaignRules();

    // The tiers for a currency (its own, else "*").
    ValueTiers tiersFor(const QString &currency) const;
    int cartDelayMinutes(qint64 totalMinor, const QString &currency) const;

    json toJson() const;
    // Fields missing from `doc` keep their defaults. Problems (wrong types, out of range) are
    // listed in *problems as "cod.retryGapMinutes: must be a whole number from 15 to 1440".
    static CampaignRules fromJson(const json &doc, QStringList *problems = nullptr);
    // Problems of these rules as they stand (ranges, the window, unknown events).
    QStringList validate() const;
};

// "09:00" ↔ QTime.
QString timeText(const QTime &t);
QTime parseTimeText(const QString &text);

} // namespace ringside::campaigns
