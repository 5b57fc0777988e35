#include "agentlistmodel.h"

#include "common/labels.h"

#include <QApplication>
#include <QStyle>

namespace ringside::ui {

AgentListModel::AgentListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    QStyle *style = QApplication::style();
    m_shippedIcon = style->standardIcon(QStyle::SP_FileDialogInfoView);
    m_userIcon = style->standardIcon(QStyle::SP_FileIcon);
    m_problemIcon = style->standardIcon(QStyle::SP_MessageBoxWarning);
}

QString AgentListModel::useCaseLabel(UseCase useCase)
{
    return ui::useCaseLabel(useCaseName(useCase));
}

void AgentListModel::setEntries(QList<CatalogueEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int AgentListModel::insertPosition(const CatalogueEntry &entry) const
{
    // The catalogue's order: shipped first, then by slug.
    for (int i = 0; i < m_entries.size(); ++i) {
        const CatalogueEntry &e = m_entries.at(i);
        if (e.shipped != entry.shipped ? entry.shipped : e.slug > entry.slug)
            return i;
    }
    return int(m_entries.size());
}

int AgentListModel::upsert(const CatalogueEntry &entry)
{
    if (const int row = rowOfPath(entry.path); row >= 0) {
        m_entries[row] = entry;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return row;
    }
    const int row = insertPosition(entry);
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    endInsertRows();
    return row;
}

bool AgentListModel::remove(const QString &path)
{
    const int row = rowOfPath(path);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    return true;
}

const CatalogueEntry *AgentListModel::entryAt(int row) const
{
    return (row >= 0 && row < m_entries.size()) ? &m_entries.at(row) : nullptr;
}

int AgentListModel::rowOfPath(const QString &path) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).path == path)
            return i;
    }
    return -1;
}

int AgentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AgentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CatalogueEntry &e = m_entries.at(index.row());
    switch (role) {
    case PathRole: return e.path;
    case SlugRole: return e.slug;
    case ShippedRole: return e.shipped;
    case IssueCountRole: return int(e.issues.size());
    default: break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn: return e.agent.name.isEmpty() ? e.slug : e.agent.name;
        case UseCaseColumn: return useCaseLabel(e.agent.useCase);
        case LanguageColumn: return e.agent.language;
        case SourceColumn: return e.shipped ? tr("Shipped") : tr("Yours");
        default: return {};
        }
    }
    if (role == Qt::DecorationRole && column == NameColumn) {
        if (!e.issues.isEmpty())
            return m_problemIcon;
        return e.shipped ? m_shippedIcon : m_userIcon;
    }
    if (role == Qt::ToolTipRole) {
        if (!e.issues.isEmpty())
            return tr("%n problem(s) in %1", nullptr, int(e.issues.size())).arg(e.path);
        return e.shipped ? tr("Shipped template — duplicate it to edit") : e.path;
    }
    return {};
}

QVariant AgentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Agent");
    case UseCaseColumn: return tr("Use case");
    case LanguageColumn: return tr("Language");
    case SourceColumn: return tr("Source");
    default: return {};
    }
}

} // namespace ringside::ui
