#pragma once
// One planned outbound call attempt: a row of scheduled_calls (core/storage/migrations/0005).

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ringside::campaigns {

// use_case values of scheduled_calls.
inline const QString kCod = QStringLiteral("cod_confirmation");
inline const QString kDelivery = QStringLiteral("delivery_update");
inline const QString kCart = QStringLiteral("cart_recovery");
inline const QString kCallback = QStringLiteral("callback");
const QStringList &useCases();      // the four above, in that order

// status values.
inline const QString kScheduled = QStringLiteral("scheduled");
inline const QString kDialing = QStringLiteral("dialing");
inline const QString kDone = QStringLiteral("done");
inline const QString kSkipped = QStringLiteral("skipped");
inline const QString kFailed = QStringLiteral("failed");
inline const QString kCancelled = QStringLiteral("cancelled");
const QStringList &statuses();

// Reasons a call was skipped or moved (docs/campaigns.md).
namespace reason {
inline const QString dnd = QStringLiteral("dnd");
inline const QString optedOut = QStringLiteral("opted_out");
inline const QString quietHours = QStringLiteral("quiet_hours");
inline const QString cap = QStringLiteral("cap");
inline const QString noConsent = QStringLiteral("no_consent");
inline const QString completed = QStringLiteral("completed");
inline const QString noPhone = QStringLiteral("no_phone");
inline const QString cancelled = QStringLiteral("cancelled");
// Why a claimed call was not sent (event lease_lost): its engine is shutting down, or its
// heartbeat is too old to keep it alive while the provider answers.
inline const QString engineDraining = QStringLiteral("engine_draining");
inline const QString engineBeatLate = QStringLiteral("engine_beat_late");
} // namespace reason

struct ScheduledCall
{
    qint64 id = 0;
    QString useCase;
    QString subjectKey;
    int attempt = 1;
    QString agent;
    QString orderId;
    QString cartId;
    QString customerId;
    QString phone;
    QString timezone;
    QString timezoneSource;
    QString language;
    QString languageSource;
    QString agentLanguage;
    QString eventKind;
    QDateTime dueAt;
    QDateTime firstDueAt;
    QString status = kScheduled;
    QString reason;
    QString outcome;
    QString provider;
    QString providerCallId;
    QString providerStatus;
    int providerSeq = -1;
    QString answeredBy;
    QString leaseOwner;
    QDateTime leaseUntil;
    qint64 leaseGen = 0;
    QDateTime claimedAt;
    QDateTime placedAt;
    QDateTime answeredAt;
    QDateTime endedAt;
    int durationS = -1;
    QString recordId;
    QDateTime createdAt;
    QDateTime updatedAt;

    QString subjectId() const { return !orderId.isEmpty() ? orderId : cartId; }
};

struct CampaignEvent
{
    qint64 id = 0;
    qint64 scheduledCallId = 0;
    QDateTime at;
    QString kind;    // scheduled rescheduled claimed placed status skipped retry finished cancelled failed lease_recovered
    QString reason;
    QString detail;
};

} // namespace ringside::campaigns
