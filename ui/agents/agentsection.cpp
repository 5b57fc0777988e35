#include "agentsection.h"

#include "agentdocument.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>

namespace ringside::ui {

AgentSection::AgentSection(AgentDocument *document, FieldErrors *errors, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_errors(errors)
{
}

void AgentSection::refresh()
{
    m_loading = true;
    load(m_document->agent());
    m_loading = false;
}

QComboBox *makeChoiceCombo(const QStringList &ids, const std::function<QString(const QString &)> &label, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    for (const QString &id : ids)
        combo->addItem(label ? label(id) : id, id);
    return combo;
}

void setComboId(QComboBox *combo, const QString &id)
{
    const int index = combo->findData(id);
    combo->setCurrentIndex(index);
}

QString comboId(const QComboBox *combo)
{
    return combo->currentData().toString();
}

void setSuggestions(QComboBox *combo, const QStringList &suggestions, const QString &current)
{
    QStringList items = suggestions;
    if (!current.isEmpty() && !items.contains(current))
        items.prepend(current);
    QStringList existing;
    for (int i = 0; i < combo->count(); ++i)
        existing << combo->itemText(i);
    if (existing != items) {
        combo->clear();
        combo->addItems(items);
    }
    if (combo->currentText() != current)
        combo->setEditText(current);
}

void setTextIfDifferent(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

void setTextIfDifferent(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() == text)
        return;
    const int position = edit->textCursor().position();
    edit->setPlainText(text);
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(std::min(position, int(text.size())));
    edit->setTextCursor(cursor);
}

} // namespace ringside::ui
