#include "keywordseditor.h"

#include "fielderrors.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ringside::ui {

KeywordsEditor::KeywordsEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("keywordsTable"));
    m_table->setHorizontalHeaderLabels({ tr("Word or phrase"), tr("Boost") });
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(120);
    m_table->setToolTip(tr("Words the recogniser should favour (positive boost) or avoid (negative). "
                           "Leave the boost empty for the provider's default."));
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("Add word"), this);
    m_add->setObjectName(QStringLiteral("addKeywordButton"));
    m_remove = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeKeywordButton"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            handleTableEdited();
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        const int row = m_table->rowCount();
        m_filling = true;
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem);
        m_table->setItem(row, 1, new QTableWidgetItem(QStringLiteral("2")));
        m_filling = false;
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        handleTableEdited();
    });
}

bool KeywordsEditor::parseRows(QList<KeywordBoost> *out, QString *error) const
{
    out->clear();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString word = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        const QString boost = m_table->item(row, 1) ? m_table->item(row, 1)->text().trimmed() : QString();
        if (word.isEmpty())
            continue;   // a row still being typed
        KeywordBoost keyword;
        QString problem;
        const QString text = boost.isEmpty() ? word : word + QLatin1Char(':') + boost;
        if (!parseKeyword(text, &keyword, &problem)) {
            *error = tr("Row %1: %2. The list is not saved until this is fixed.").arg(row + 1).arg(problem);
            return false;
        }
        if (boost.isEmpty()) {   // a bare word: keep it bare even if it contains ':'
            keyword.word = word;
            keyword.hasBoost = false;
        }
        out->append(keyword);
    }
    return true;
}

void KeywordsEditor::handleTableEdited()
{
    QList<KeywordBoost> keywords;
    QString error;
    const bool ok = parseRows(&keywords, &error);
    m_error->setText(error);
    m_error->setVisible(!ok);
    if (ok)
        Q_EMIT keywordsEdited(keywords);
}

void KeywordsEditor::setKeywords(const QList<KeywordBoost> &keywords)
{
    QList<KeywordBoost> shown;
    QString error;
    if (parseRows(&shown, &error) && shown == keywords)
        return;
    m_filling = true;
    m_table->setRowCount(0);
    for (const KeywordBoost &k : keywords) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(k.word));
        m_table->setItem(row, 1, new QTableWidgetItem(k.hasBoost ? QString::number(k.boost) : QString()));
    }
    m_filling = false;
    m_error->hide();
}

void KeywordsEditor::setReadOnly(bool readOnly)
{
    m_table->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                      : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                                | QAbstractItemView::AnyKeyPressed);
    m_add->setEnabled(!readOnly);
    m_remove->setEnabled(!readOnly);
}

QString KeywordsEditor::localError() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace ringside::ui
