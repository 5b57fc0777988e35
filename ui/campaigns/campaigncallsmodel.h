#pragma once

#include "campaigns/scheduledcall.h"

#include <QAbstractTableModel>

#include <vector>

namespace ringside::ui {

// The planned calls of the Campaigns workspace: one row per attempt, due time shown in the
// called party's own zone (and the console's when they differ).
class CampaignCallsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DueColumn, UseCaseColumn, SubjectColumn, PhoneColumn, AttemptColumn, StatusColumn, DetailColumn, LanguageColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole, UseCaseRole, SubjectKeyRole, DueRole };

    explicit CampaignCallsModel(QObject *parent = nullptr);

    void setCalls(std::vector<campaigns::ScheduledCall> calls);
    const campaigns::ScheduledCall &at(int row) const { return m_calls[std::size_t(row)]; }
    const std::vector<campaigns::ScheduledCall> &calls() const { return m_calls; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusLabel(const QString &status);
    // The reason a call was skipped or moved, in words ("quiet_hours" → "Outside calling hours").
    static QString skipReasonLabel(const QString &reason);
    static QString localDue(const campaigns::ScheduledCall &call);
    // The order event a delivery update is about ("out_for_delivery" → "Out for delivery").
    static QString deliveryEventLabel(const QString &kind);

private:
    std::vector<campaigns::ScheduledCall> m_calls;
};

} // namespace ringside::ui
