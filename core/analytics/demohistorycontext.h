#pragma once
// Shared state of one demo-history run (internal to demohistory.cpp and democodorders.cpp).

#include "callrecord.h"
#include "demorandom.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <vector>

namespace ringside {
class Database;
}

namespace ringside::analytics {

struct DemoOrder {
    QString id;
    QString customerId;
    QString carrier;
    qint64 createdMs = 0;
    qint64 totalMinor = 0;
};

struct DemoItem {
    QString sku, name, category;
};

struct DemoContext {
    DemoContext(Database &database, const QDateTime &nowAt, quint32 seed, int dayCount);

    Database &db;
    QDateTime now;
    QTimeZone zone;
    QString currency;
    int days;
    QDate firstDay;               // the first day with calls (the agents' go-live)
    QDate lastDay;                // now's local date
    QStringList customers;        // existing customer ids, sorted
    QHash<QString, QString> customerLanguage;
    QStringList carrierChoices;   // carriers that fit the store's market
    std::vector<DemoItem> items;  // products to put on generated orders
    std::vector<DemoOrder> orders; // existing and generated, sorted by creation before calls are made
    std::vector<CallRecord> calls;
    DemoRandom rng;
    int sequence = 0;

    // Weekly rhythm (busy Mondays, quiet Sundays) times growth over the whole window.
    double volume(const QDate &day) const;
    // The instant of `hour` (fractional, local) on `day`; invalid when it is after now.
    QDateTime localTime(const QDate &day, double hour) const;
    QString nextId(const QString &prefix) { return QStringLiteral("%1%2").arg(prefix).arg(++sequence, 6, 10, QLatin1Char('0')); }
    QString randomCustomer();
    QString languageFor(const QString &customerId, const QString &useCase);
    // An order created between 10 days and 1 hour before `atMs`, or nullptr.
    const DemoOrder *recentOrder(qint64 atMs);
    // A finished call of `useCase` starting at `start`, talking `talkSeconds` (0 = not answered).
    CallRecord makeCall(const QString &useCase, const QDateTime &start, double talkSeconds, const QString &outcome);
};

// The RTO story: COD orders over twice `days` (before and after go-live), their confirmation
// calls from go-live on, and what became of each order. Writes orders; appends the calls.
void generateCodOrdersAndCalls(DemoContext &ctx);

} // namespace ringside::analytics
