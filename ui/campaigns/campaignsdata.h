#pragma once
// What the Campaigns workspace reads and changes, as jobs for the console's worker thread
// (Backend::run). Each returns plain values; the widgets never touch SQL.

#include "campaigns/campaignrules.h"
#include "campaigns/dndlist.h"
#include "campaigns/scheduledcall.h"

#include <QDateTime>
#include <QStringList>

#include <vector>

namespace ringside::ui {

class WorkerServices;

struct CampaignsSnapshot
{
    std::vector<campaigns::ScheduledCall> calls;   // the window around now, soonest first
    QStringList paused;                            // use cases not dialled now
    campaigns::CampaignRules rules;
    QStringList ruleProblems;                      // the stored document's, if it no longer reads cleanly
    qint64 dndEntries = 0;
    QDateTime now;
};

struct CallHistory
{
    std::vector<campaigns::ScheduledCall> attempts;
    std::vector<std::vector<campaigns::CampaignEvent>> events; // per attempt
};

namespace campaignjobs {

// Calls due from `hoursBack` before `now` to `hoursAhead` after it (at most `limit`), plus the
// state around them.
CampaignsSnapshot snapshot(WorkerServices &services, const QDateTime &now, int hoursBack = 36, int hoursAhead = 48, int limit = 5000);
CallHistory history(WorkerServices &services, const QString &subjectKey);
QStringList pause(WorkerServices &services, const QString &useCase, const QDateTime &now);
QStringList resume(WorkerServices &services, const QString &useCase);
bool cancel(WorkerServices &services, qint64 id, const QDateTime &now);
// Returns the problems; nothing is stored when there are any.
QStringList saveRules(WorkerServices &services, const campaigns::CampaignRules &rules, const QDateTime &now);
// Reports progress (WorkerServices::reportProgress) as it reads; stops when the console closes.
campaigns::DndImportReport importDnd(WorkerServices &services, const QString &path, const QDateTime &now);

} // namespace campaignjobs
} // namespace ringside::ui
