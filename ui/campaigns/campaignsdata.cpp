#include "campaignsdata.h"

#include "services/workerservices.h"

#include "campaigns/callqueue.h"
#include "campaigns/campaignsettings.h"

#include <QCoreApplication>
#include <QFile>

namespace ringside::ui::campaignjobs {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::CampaignsData)
};
} // namespace

CampaignsSnapshot snapshot(WorkerServices &services, const QDateTime &now, int hoursBack, int hoursAhead, int limit)
{
    CampaignsSnapshot s;
    s.now = now;
    campaigns::CallQueue queue(services.database());
    campaigns::CallQueue::Filter f;
    f.dueFrom = now.addSecs(-qint64(hoursBack) * 3600);
    f.dueTo = now.addSecs(qint64(hoursAhead) * 3600);
    f.limit = limit;
    s.calls = queue.list(f);
    campaigns::CampaignSettings settings(services.database());
    s.paused = settings.pausedUseCases();
    s.rules = settings.rules(&s.ruleProblems);
    s.dndEntries = campaigns::DndList(services.database()).count();
    return s;
}

CallHistory history(WorkerServices &services, const QString &subjectKey)
{
    CallHistory h;
    campaigns::CallQueue queue(services.database());
    h.attempts = queue.attempts(subjectKey);
    for (const campaigns::ScheduledCall &a : h.attempts)
        h.events.push_back(queue.events(a.id));
    return h;
}

QStringList pause(WorkerServices &services, const QString &useCase, const QDateTime &now)
{
    return campaigns::CampaignSettings(services.database()).pause(useCase, now);
}

QStringList resume(WorkerServices &services, const QString &useCase)
{
    return campaigns::CampaignSettings(services.database()).resume(useCase);
}

bool cancel(WorkerServices &services, qint64 id, const QDateTime &now)
{
    return campaigns::CallQueue(services.database()).cancel(id, QStringLiteral("operator"), now);
}

QStringList saveRules(WorkerServices &services, const campaigns::CampaignRules &rules, const QDateTime &now)
{
    return campaigns::CampaignSettings(services.database()).saveRules(rules, now);
}

// Unqualified on purpose: lupdate reads a function whose declaration names campaigns:: as a member
// of an unknown class, and filed its tr() strings under a context "Tr" that nothing asks for.
using campaigns::DndImportReport;

DndImportReport importDnd(WorkerServices &services, const QString &path, const QDateTime &now)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        DndImportReport r;
        r.problems << Tr::tr("%1 cannot be read: %2").arg(path, file.errorString());
        return r;
    }
    const QString what = Tr::tr("Importing %1…").arg(path.section(QLatin1Char('/'), -1));
    services.reportProgress(what, 0, 1000);
    return campaigns::DndList(services.database()).importCsv(file, now, [&](qint64 done, qint64 total) {
        services.reportProgress(what, total > 0 ? int(done * 1000 / total) : 0, 1000);
        return !services.stopRequested();
    });
}

} // namespace ringside::ui::campaignjobs
