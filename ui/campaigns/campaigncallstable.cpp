#include "campaigncallstable.h"

#include "campaigncallsmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QSet>
#include <QSortFilterProxyModel>

#include <algorithm>

namespace ringside::ui {

// Which rows a "Show" choice and the use case keep.
class CampaignStatusFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString show = QStringLiteral("all"); // upcoming | done | skipped | all
    QString useCase;
    void refresh() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        const QString status = i.data(CampaignCallsModel::StatusRole).toString();
        if (!useCase.isEmpty() && i.data(CampaignCallsModel::UseCaseRole).toString() != useCase)
            return false;
        if (show == QLatin1String("upcoming"))
            return status == campaigns::kScheduled || status == campaigns::kDialing;
        if (show == QLatin1String("done"))
            return status == campaigns::kDone || status == campaigns::kFailed;
        if (show == QLatin1String("skipped"))
            return status == campaigns::kSkipped || status == campaigns::kCancelled;
        return true;
    }
};

CampaignCallsTable::CampaignCallsTable(CampaignCallsModel *model, QWidget *parent) : QTableView(parent), m_model(model)
{
    m_filter = new CampaignStatusFilter(this);
    m_filter->setSourceModel(m_model);
    setModel(m_filter);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->hide();
    horizontalHeader()->setResizeContentsPrecision(200); // sized from the first rows, not all of them
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setSectionResizeMode(CampaignCallsModel::DetailColumn, QHeaderView::Stretch);
    viewport()->installEventFilter(this); // squeezeColumns() when it resizes
}

void CampaignCallsTable::setFilter(const QString &show, const QString &useCase)
{
    m_filter->show = show;
    m_filter->useCase = useCase;
    m_filter->refresh();
}

const campaigns::ScheduledCall *CampaignCallsTable::currentCall() const
{
    const QModelIndex source = m_filter->mapToSource(currentIndex());
    return source.isValid() ? &m_model->at(source.row()) : nullptr;
}

qint64 CampaignCallsTable::currentCallId() const
{
    const QModelIndex source = m_filter->mapToSource(currentIndex());
    return source.isValid() ? source.data(CampaignCallsModel::IdRole).toLongLong() : 0;
}

bool CampaignCallsTable::selectCall(qint64 id)
{
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex i = m_filter->index(row, 0);
        if (i.data(CampaignCallsModel::IdRole).toLongLong() == id) {
            setCurrentIndex(i);
            scrollTo(i);
            return true;
        }
    }
    return false;
}

void CampaignCallsTable::scrollToNow(const QDateTime &now)
{
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex i = m_filter->index(row, 0);
        if (i.data(CampaignCallsModel::DueRole).toDateTime() >= now) {
            scrollTo(i, QAbstractItemView::PositionAtCenter);
            return;
        }
    }
}

void CampaignCallsTable::fitColumns()
{
    // Every column in view at the usual window sizes (1360 px wide): the first rows size the columns;
    // statuses are measured over all of them (the first rows are past calls, all "Done") and the
    // languages over every call ("hi-IN (wanted mr-IN)" may first appear far down).
    resizeColumnsToContents();
    QHeaderView *header = horizontalHeader();
    const QFontMetrics metrics(font());
    const int padding = metrics.averageCharWidth() * 2;
    int statusWidth = header->sectionSizeHint(CampaignCallsModel::StatusColumn);
    for (const QString &status : campaigns::statuses())
        statusWidth = std::max(statusWidth, metrics.horizontalAdvance(CampaignCallsModel::statusLabel(status)) + padding);
    header->resizeSection(CampaignCallsModel::StatusColumn, statusWidth);
    QSet<QString> languages;
    for (int row = 0; row < m_model->rowCount(); ++row)
        languages.insert(m_model->index(row, CampaignCallsModel::LanguageColumn).data().toString());
    int languageWidth = header->sectionSizeHint(CampaignCallsModel::LanguageColumn);
    for (const QString &text : std::as_const(languages))
        languageWidth = std::max(languageWidth, metrics.horizontalAdvance(text) + padding);
    header->resizeSection(CampaignCallsModel::LanguageColumn, languageWidth);
    m_subjectWidth = header->sectionSize(CampaignCallsModel::SubjectColumn);
    squeezeColumns();
}

void CampaignCallsTable::squeezeColumns()
{
    // When the columns do not fit, the order/cart column gives way first, down to a whole order
    // id (a delivery's event elides; the row's tooltip names it); Reason / outcome (stretched)
    // keeps at least its header's width.
    QHeaderView *header = horizontalHeader();
    if (m_subjectWidth <= 0)
        return;
    const QFontMetrics metrics(font());
    const int floor = std::min(m_subjectWidth, metrics.horizontalAdvance(QStringLiteral("DEMO-COD-000000")) + metrics.averageCharWidth() * 2);
    int others = header->sectionSizeHint(CampaignCallsModel::DetailColumn);
    for (int column = 0; column < CampaignCallsModel::ColumnCount; ++column)
        if (column != CampaignCallsModel::DetailColumn && column != CampaignCallsModel::SubjectColumn)
            others += header->sectionSize(column);
    const int width = std::clamp(viewport()->width() - others, floor, m_subjectWidth);
    if (width != header->sectionSize(CampaignCallsModel::SubjectColumn))
        header->resizeSection(CampaignCallsModel::SubjectColumn, width);
}

bool CampaignCallsTable::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == viewport() && event->type() == QEvent::Resize)
        squeezeColumns();
    return QTableView::eventFilter(watched, event);
}

} // namespace ringside::ui
