#include "campaigncallsmodel.h"

#include "common/labels.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>
#include <QTimeZone>

namespace ringside::ui {

CampaignCallsModel::CampaignCallsModel(QObject *parent) : QAbstractTableModel(parent) {}

void CampaignCallsModel::setCalls(std::vector<campaigns::ScheduledCall> calls)
{
    beginResetModel();
    m_calls = std::move(calls);
    endResetModel();
}

int CampaignCallsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_calls.size());
}

int CampaignCallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CampaignCallsModel::statusLabel(const QString &status)
{
    if (status == campaigns::kScheduled)
        return tr("Scheduled");
    if (status == campaigns::kDialing)
        return tr("Dialling");
    if (status == campaigns::kDone)
        return tr("Done");
    if (status == campaigns::kSkipped)
        return tr("Skipped");
    if (status == campaigns::kFailed)
        return tr("Failed");
    if (status == campaigns::kCancelled)
        return tr("Cancelled");
    return status;
}

QString CampaignCallsModel::deliveryEventLabel(const QString &kind)
{
    if (kind == QLatin1String("fulfilled"))
        return tr("Fulfilled");
    if (kind == QLatin1String("out_for_delivery"))
        return tr("Out for delivery");
    if (kind == QLatin1String("delayed"))
        return tr("Delayed");
    return outcomeLabel(kind);
}

QString CampaignCallsModel::skipReasonLabel(const QString &reason)
{
    using namespace campaigns::reason;
    if (reason == dnd)
        return tr("On the do-not-call list");
    if (reason == optedOut)
        return tr("Asked not to be called");
    if (reason == quietHours)
        return tr("Moved out of quiet hours");
    if (reason == cap)
        return tr("Call limit reached");
    if (reason == noConsent)
        return tr("No marketing consent on record");
    if (reason == completed)
        return tr("No longer needed");
    if (reason == noPhone)
        return tr("No phone number");
    if (reason == cancelled)
        return tr("Order or cart cancelled");
    if (reason == QLatin1String("operator"))
        return tr("Cancelled by an operator");
    if (reason == engineDraining)
        return tr("This engine was shutting down");
    if (reason == engineBeatLate)
        return tr("This engine's heartbeat was late");
    return reasonLabel(reason);
}

QString CampaignCallsModel::localDue(const campaigns::ScheduledCall &c)
{
    const QTimeZone zone(c.timezone.section(QLatin1Char('|'), 0, 0).toUtf8());
    const QDateTime local = zone.isValid() ? c.dueAt.toTimeZone(zone) : c.dueAt.toLocalTime();
    QString text = QLocale().toString(local, QLocale::ShortFormat);
    if (zone.isValid() && zone.offsetFromUtc(c.dueAt) != c.dueAt.toLocalTime().offsetFromUtc())
        text += QStringLiteral(" (%1)").arg(zone.displayName(c.dueAt, QTimeZone::ShortName));
    return text;
}

QVariant CampaignCallsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const campaigns::ScheduledCall &c = m_calls[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DueColumn: return localDue(c);
        case UseCaseColumn: return c.useCase == campaigns::kCallback ? tr("Callback") : useCaseLabel(c.useCase);
        case SubjectColumn: return c.eventKind.isEmpty() ? c.subjectId() : QStringLiteral("%1 · %2").arg(c.subjectId(), deliveryEventLabel(c.eventKind));
        case PhoneColumn: return c.phone;
        case AttemptColumn: return c.attempt;
        case StatusColumn: return statusLabel(c.status);
        case DetailColumn:
            if (!c.reason.isEmpty())
                return skipReasonLabel(c.reason);
            return c.outcome.isEmpty() ? QString() : outcomeLabel(c.outcome);
        case LanguageColumn:
            return c.agentLanguage == c.language || c.language.isEmpty() ? c.agentLanguage
                                                                        : tr("%1 (wanted %2)").arg(c.agentLanguage, c.language);
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1 · agent %2 · zone %3 (%4) · language %5 (%6)")
                .arg(c.subjectKey, c.agent, c.timezone, c.timezoneSource, c.language, c.languageSource);
    case Qt::ForegroundRole:
        if (c.status == campaigns::kSkipped || c.status == campaigns::kCancelled)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        if (c.status == campaigns::kFailed)
            return QBrush(Qt::darkRed);
        return {};
    case IdRole: return c.id;
    case StatusRole: return c.status;
    case UseCaseRole: return c.useCase;
    case SubjectKeyRole: return c.subjectKey;
    case DueRole: return c.dueAt;
    }
    return {};
}

QVariant CampaignCallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DueColumn: return tr("Due (customer's time)");
    case UseCaseColumn: return tr("Use case");
    case SubjectColumn: return tr("Order / cart");
    case PhoneColumn: return tr("Phone");
    case AttemptColumn: return tr("Attempt");
    case StatusColumn: return tr("Status");
    case DetailColumn: return tr("Reason / outcome");
    case LanguageColumn: return tr("Language");
    }
    return {};
}

} // namespace ringside::ui
