#pragma once

#include <QTableView>

namespace ringside::campaigns {
struct ScheduledCall;
}

namespace ringside::ui {

class CampaignCallsModel;
class CampaignStatusFilter;

// The campaign workspace's table of calls: the model's rows filtered by what "Show" and the use
// case keep, every column in view at the usual window sizes (the order/cart column gives way
// first when they do not fit).
class CampaignCallsTable final : public QTableView
{
    Q_OBJECT
public:
    CampaignCallsTable(CampaignCallsModel *model, QWidget *parent = nullptr);

    // `show`: upcoming | done | skipped | all; an empty use case keeps every one.
    void setFilter(const QString &show, const QString &useCase);
    // Sizes the columns for the rows now in the model.
    void fitColumns();
    // The call in the current row, or nullptr.
    const campaigns::ScheduledCall *currentCall() const;
    qint64 currentCallId() const;
    // Makes the call with `id` current; false when the filter hides it.
    bool selectCall(qint64 id);
    // Scrolls to the first call due at or after `now`.
    void scrollToNow(const QDateTime &now);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void squeezeColumns();

    CampaignCallsModel *m_model = nullptr;
    CampaignStatusFilter *m_filter = nullptr;
    int m_subjectWidth = 0; // the order/cart column's width for its contents (fitColumns)
};

} // namespace ringside::ui
