#pragma once
// Gathers what decideCall() needs for a batch of calls with a handful of queries: the lists
// (do-not-call, consents) once per pass, each call's order or cart state and earlier calls in
// chunks, the day's placed calls per number.

#include "campaigns/calldecider.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace ringside {
class Database;
}

namespace ringside::campaigns {

class CampaignAgents;

class DecisionLoader
{
public:
    DecisionLoader(Database &db, const CampaignAgents *agents = nullptr) : m_db(db), m_agents(agents) {}

    // Reads the do-not-call list, consents and the last two days' placed calls.
    void refresh(const QDateTime &now);
    std::vector<DecisionInput> load(const std::vector<ScheduledCall> &calls, const QDateTime &now);

    // A number put on the list during this pass (a "stop calling me" a moment ago).
    void noteDnd(const DndEntry &entry) { m_dnd.insert(entry.phone, entry); }
    void notePlaced(const QString &phone, const QDateTime &at) { m_placed[phone].append(at.toMSecsSinceEpoch()); }

private:
    int placedOnLocalDay(const QString &phone, const CalledParty &party, const QDateTime &now) const;

    Database &m_db;
    const CampaignAgents *m_agents;
    QHash<QString, DndEntry> m_dnd;
    QSet<QString> m_consents;
    QHash<QString, QList<qint64>> m_placed; // phone → placed_at (ms) of the last two days
};

} // namespace ringside::campaigns
