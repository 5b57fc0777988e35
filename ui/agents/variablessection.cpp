#include "variablessection.h"

#include "agentdocument.h"
#include "fielderrors.h"

#include "agent/agentschema.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ringside::ui {

VariablesSection::VariablesSection(AgentDocument *doc, FieldErrors *errors, QWidget *parent)
    : AgentSection(doc, errors, parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *own = new QGroupBox(tr("This agent's variables"), this);
    auto *ownLayout = new QVBoxLayout(own);
    auto *hint = new QLabel(tr("Declare a variable here to use it as {{name}} in the greeting or prompt. The default is "
                               "used when a call does not supply a value."), own);
    hint->setWordWrap(true);
    m_table = new QTableWidget(0, 3, own);
    m_table->setObjectName(QStringLiteral("variablesTable"));
    m_table->setHorizontalHeaderLabels({ tr("Name"), tr("Description"), tr("Default") });
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add variable"), own);
    m_add->setObjectName(QStringLiteral("addVariableButton"));
    m_remove = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Remove"), own);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    ownLayout->addWidget(hint);
    ownLayout->addWidget(errors->wrap(QStringLiteral("/agent/variables"), m_table), 1);
    ownLayout->addLayout(buttons);
    layout->addWidget(own, 2);

    auto *builtIn = new QGroupBox(tr("Built-in variables (filled from the store and the call)"), this);
    auto *builtInLayout = new QVBoxLayout(builtIn);
    QStringList names;
    for (const QString &n : builtInVariables())
        names << QStringLiteral("{{%1}}").arg(n);
    auto *list = new QLabel(names.join(QStringLiteral("  ")), builtIn);
    list->setWordWrap(true);
    list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    builtInLayout->addWidget(list);
    layout->addWidget(builtIn);

    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            handleEdited();
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        m_filling = true;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        for (int c = 0; c < 3; ++c)
            m_table->setItem(row, c, new QTableWidgetItem);
        m_filling = false;
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() < 0)
            return;
        m_table->removeRow(m_table->currentRow());
        handleEdited();
    });
}

QList<TemplateVariable> VariablesSection::rows() const
{
    QList<TemplateVariable> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto text = [&](int c) { return m_table->item(row, c) ? m_table->item(row, c)->text() : QString(); };
        TemplateVariable v;
        v.name = text(0).trimmed();
        if (v.name.isEmpty())
            continue;   // a row still being typed
        v.description = text(1);
        v.defaultValue = text(2);
        v.hasDefault = !v.defaultValue.isEmpty();
        out.append(v);
    }
    return out;
}

void VariablesSection::handleEdited()
{
    if (loading())
        return;
    const QList<TemplateVariable> variables = rows();
    document()->edit(QStringLiteral("variables"), tr("Edit variables"), [&](Agent &a) { a.variables = variables; });
}

void VariablesSection::load(const Agent &agent)
{
    if (rows() == agent.variables)
        return;
    m_filling = true;
    m_table->setRowCount(0);
    for (const TemplateVariable &v : agent.variables) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(v.name));
        m_table->setItem(row, 1, new QTableWidgetItem(v.description));
        m_table->setItem(row, 2, new QTableWidgetItem(v.defaultValue));
    }
    m_filling = false;
}

void VariablesSection::setReadOnly(bool readOnly)
{
    m_table->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                      : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                                | QAbstractItemView::AnyKeyPressed);
    m_add->setEnabled(!readOnly);
    m_remove->setEnabled(!readOnly);
}

} // namespace ringside::ui
