#pragma once
// Where the campaign rules and pauses live (table campaign_settings): the rules as one JSON
// document under "rules", a pause per use case as "paused.<use case>" (value: who paused, when).

#include "campaigns/campaignrules.h"

#include <QDateTime>
#include <QStringList>

namespace ringside {
class Database;
}

namespace ringside::campaigns {

class CampaignSettings
{
public:
    explicit CampaignSettings(Database &db) : m_db(db) {}

    // The stored rules (defaults for anything not stored). Problems of a stored document that no
    // longer reads cleanly are listed in *problems; the defaults stand in for those fields.
    CampaignRules rules(QStringList *problems = nullptr);
    // Validates and stores; returns the problems (nothing is stored when there are any).
    QStringList saveRules(const CampaignRules &rules, const QDateTime &at);

    QStringList pausedUseCases();
    bool isPaused(const QString &useCase);
    // `useCase` empty: every use case. Returns the use cases whose state changed.
    QStringList pause(const QString &useCase, const QDateTime &at);
    QStringList resume(const QString &useCase);

    // The store's own timezone (store_settings "timezone", default Asia/Kolkata).
    QString storeTimezone();

private:
    Database &m_db;
};

} // namespace ringside::campaigns
