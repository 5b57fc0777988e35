#pragma once
// Gathers what decideCall() needs for a batch of calls with a handful of queries: the lists
// (do-not-call, consents) once per pass, each call's order or cart state and earlier calls in
// chunks, the day's placed calls per number. What is the same for many calls is worked out once:
// the zones of a timezone value, the local day's bounds, whether the window is open now for
// calls of the same zones, country and kind (a queue holds few distinct ones).

#include "campaigns/calldecider.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace ringside {
class Database;
}

namespace ringside::campaigns {

class CampaignAgents;

// Calls and what deciding each needs; inputs[i].call points at calls[i]. The calls carry only the
// columns deciding reads (id, use case, attempt, agent, subject ids, phone, zone, event, due time,
// lease generation): read the whole row (CallQueue::byIds) before placing one.
struct DecisionBatch
{
    std::vector<ScheduledCall> calls;
    std::vector<DecisionInput> inputs;
};

class DecisionLoader
{
public:
    DecisionLoader(Database &db, const CampaignAgents *agents = nullptr) : m_db(db), m_agents(agents) {}

    // Reads the do-not-call list, consents and the last two days' placed calls.
    void refresh(const QDateTime &now);
    // The inputs point into `calls`: keep it alive while they are used.
    std::vector<DecisionInput> load(const std::vector<ScheduledCall> &calls, const QDateTime &now, const CampaignRules &rules);
    // The calls of one claim (CallQueue::claimDueToken's token), each with its subject's state,
    // read in one query: what the dialer decides on.
    DecisionBatch loadClaimed(const QString &token, const QDateTime &now, const CampaignRules &rules);
    // The calls still scheduled and due at `now`, read the same way (what claims would take next).
    DecisionBatch loadDue(const QDateTime &now, const CampaignRules &rules);

    void notePlaced(const QString &phone, const QDateTime &at) { m_placed[phone].append(at.toMSecsSinceEpoch()); }

private:
    struct DayBounds
    {
        qint64 from = 0;
        qint64 to = 0;
    };
    struct Window
    {
        int open = -1;
        QDateTime next;
    };
    int placedOnLocalDay(const QString &phone, const QString &zones, const CalledParty &party, const QDateTime &now);
    const QList<QTimeZone> &zonesOf(const QString &value);
    void fillWindow(DecisionInput &in, const CampaignRules &rules, const QDateTime &now);
    void prepare(const QDateTime &now);
    void fillCall(DecisionInput &in, const ScheduledCall &c, const QDateTime &now);
    DecisionBatch loadWhere(const QString &where, const QVariantList &binds, const QDateTime &now, const CampaignRules &rules);

    Database &m_db;
    const CampaignAgents *m_agents;
    QHash<QString, DndEntry> m_dnd;
    QSet<QString> m_consents;
    QHash<QString, QList<qint64>> m_placed; // phone → placed_at (ms) of the last two days
    QHash<QString, QList<QTimeZone>> m_zones;
    QHash<QString, DayBounds> m_days;       // timezone value → today's bounds at `now`
    struct WindowKey
    {
        QString zones;
        QString country;
        int kind = 0;
        bool weekends = false;
        bool operator==(const WindowKey &) const = default;
        friend size_t qHash(const WindowKey &k, size_t seed = 0) { return qHashMulti(seed, k.zones, k.country, k.kind, k.weekends); }
    };
    QHash<WindowKey, Window> m_windows;     // the window at `now` for calls alike in these
    QHash<QString, QString> m_agentUseCases;
    qint64 m_memoNow = 0;                   // the instant the memos were made for
};

} // namespace ringside::campaigns
