#pragma once

#include "agent/agentcatalogue.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace ringside::ui {

// The agents in the Agents workspace: shipped templates first, then the user's own, as the
// AgentCatalogue lists them. Rows are keyed by file path.
class AgentListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, UseCaseColumn, LanguageColumn, SourceColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole,
        SlugRole,
        ShippedRole,
        IssueCountRole,
    };

    explicit AgentListModel(QObject *parent = nullptr);

    // Replaces every row (a new catalogue read).
    void setEntries(QList<CatalogueEntry> entries);
    // Adds the entry, or updates the row with the same path (after a save). Returns its row.
    int upsert(const CatalogueEntry &entry);
    // Removes the row with this path; false when there was none.
    bool remove(const QString &path);

    const CatalogueEntry *entryAt(int row) const;
    int rowOfPath(const QString &path) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Order status (WISMO)" for "wismo".
    static QString useCaseLabel(UseCase useCase);

private:
    int insertPosition(const CatalogueEntry &entry) const;

    QList<CatalogueEntry> m_entries;
    QIcon m_shippedIcon;
    QIcon m_userIcon;
    QIcon m_problemIcon;
};

} // namespace ringside::ui
