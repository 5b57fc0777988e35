#pragma once
// The do-not-call list (table dnd) and recorded consents (table consents).
// An entry without categories blocks every campaign (a customer's "stop calling me", a manual
// add). An entry from an NCPR/DND import carries the registry's preference categories and blocks
// promotional calls in those categories (0 = fully blocked); service calls only when the rules
// say so (CampaignRules::Dnd). Numbers are matched on E.164 and on the last ten digits.

#include "campaigns/callingwindow.h"
#include "campaigns/campaignrules.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QIODevice;

namespace ringside {
class Database;
}

namespace ringside::campaigns {

struct DndEntry
{
    QString phone;        // E.164
    QString categories;   // '' = everything; else "0" or "1,5"
    QString source;       // ncpr | manual | opt_out
    QString note;
    QDateTime addedAt;
};

// Why a call to a listed number may not be made ('' = it may): "opted_out" for the customer's
// own request, "dnd" for the registry or a manual entry.
QString dndBlockReason(const DndEntry &entry, CallKind kind, const CampaignRules::Dnd &rules);

struct DndImportReport
{
    qint64 lines = 0;      // data lines read
    qint64 added = 0;
    qint64 updated = 0;    // already listed: categories refreshed
    qint64 kept = 0;       // already listed by the customer or by hand: left as it was
    qint64 invalid = 0;    // lines without a usable number
    QStringList problems;  // the first 20, "line 7: \"12ab\" is not a phone number"
    bool cancelled = false;
};

class DndList
{
public:
    explicit DndList(Database &db) : m_db(db) {}

    std::optional<DndEntry> find(const QString &phone);
    // Adds or replaces the number's entry. A manual or opt_out entry is never weakened by an
    // NCPR one. Returns false with *error for a number that cannot be read.
    bool add(const QString &phone, const QString &source, const QString &categories, const QString &note, const QDateTime &at,
             QString *error = nullptr);
    bool remove(const QString &phone);
    qint64 count();

    // Reads an NCPR/DND CSV export (see docs/campaigns.md) in one transaction. `progress(done,
    // total)` is called every few thousand lines with bytes read; returning false cancels and
    // nothing is stored.
    DndImportReport importCsv(QIODevice &file, const QDateTime &at, const std::function<bool(qint64, qint64)> &progress = {});

    // Consents: US cart recovery needs one that is not revoked.
    void addConsent(const QString &phone, const QString &customerId, const QString &purpose, const QString &source, const QDateTime &at);
    bool revokeConsents(const QString &phone, const QDateTime &at);
    bool hasConsent(const QString &phone, const QDateTime &at);

private:
    Database &m_db;
};

} // namespace ringside::campaigns
