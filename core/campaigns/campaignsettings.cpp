#include "campaigns/campaignsettings.h"

#include "campaigns/scheduledcall.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

namespace ringside::campaigns {

namespace {
const QString kRulesKey = QStringLiteral("rules");
const QString kPausedPrefix = QStringLiteral("paused.");
} // namespace

CampaignRules CampaignSettings::rules(QStringList *problems)
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT value FROM campaign_settings WHERE key = ?"), kRulesKey);
    if (!q.next())
        return CampaignRules();
    const QByteArray text = q.value(0).toString().toUtf8();
    const json doc = json::parse(text.constBegin(), text.constEnd(), nullptr, false);
    if (doc.is_discarded()) {
        if (problems)
            problems->append(QStringLiteral("rules: the stored document is not JSON; the defaults apply"));
        return CampaignRules();
    }
    return CampaignRules::fromJson(doc, problems);
}

QStringList CampaignSettings::saveRules(const CampaignRules &rules, const QDateTime &at)
{
    const QStringList problems = rules.validate();
    if (!problems.isEmpty())
        return problems;
    execOrThrow(m_db.connection(), QStringLiteral("INSERT INTO campaign_settings (key, value, updated_at) VALUES (?,?,?) "
                                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"),
                kRulesKey, QString::fromStdString(rules.toJson().dump()), at.toMSecsSinceEpoch());
    return {};
}

QStringList CampaignSettings::pausedUseCases()
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT key FROM campaign_settings WHERE key LIKE 'paused.%'"));
    QStringList out;
    while (q.next())
        out << q.value(0).toString().mid(kPausedPrefix.size());
    return out;
}

bool CampaignSettings::isPaused(const QString &useCase)
{
    return pausedUseCases().contains(useCase);
}

QStringList CampaignSettings::pause(const QString &useCase, const QDateTime &at)
{
    QStringList changed;
    const QStringList targets = useCase.isEmpty() ? useCases() : QStringList{ useCase };
    m_db.transaction([&](QSqlDatabase &db) {
        for (const QString &u : targets) {
            QSqlQuery q = execOrThrow(db, QStringLiteral("INSERT INTO campaign_settings (key, value, updated_at) VALUES (?,?,?) ON CONFLICT DO NOTHING"),
                                      QString(kPausedPrefix + u), at.toUTC().toString(Qt::ISODate), at.toMSecsSinceEpoch());
            if (q.numRowsAffected() > 0)
                changed << u;
        }
        return true;
    });
    return changed;
}

QStringList CampaignSettings::resume(const QString &useCase)
{
    QStringList changed;
    const QStringList targets = useCase.isEmpty() ? useCases() : QStringList{ useCase };
    m_db.transaction([&](QSqlDatabase &db) {
        for (const QString &u : targets) {
            QSqlQuery q = execOrThrow(db, QStringLiteral("DELETE FROM campaign_settings WHERE key = ?"), QString(kPausedPrefix + u));
            if (q.numRowsAffected() > 0)
                changed << u;
        }
        return true;
    });
    return changed;
}

QString CampaignSettings::storeTimezone()
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT value FROM store_settings WHERE key = 'timezone'"));
    const QString zone = q.next() ? q.value(0).toString() : QString();
    return zone.isEmpty() ? QStringLiteral("Asia/Kolkata") : zone;
}

} // namespace ringside::campaigns
