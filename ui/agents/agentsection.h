#pragma once

#include "agent/agent.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace ringside::ui {

class AgentDocument;
class FieldErrors;

// One page of the agent editor. Sections show the document's agent and turn the user's changes
// into AgentDocument::edit() calls; they never change the agent any other way.
class AgentSection : public QWidget
{
    Q_OBJECT
public:
    AgentSection(AgentDocument *document, FieldErrors *errors, QWidget *parent = nullptr);

    // Shows `agent` (after a load, an edit, undo or redo) without emitting edits.
    void refresh();
    virtual void setReadOnly(bool readOnly) = 0;

protected:
    virtual void load(const Agent &agent) = 0;
    // True while load() runs: change handlers ignore what the section itself sets.
    bool loading() const { return m_loading; }
    AgentDocument *document() const { return m_document; }
    FieldErrors *errors() const { return m_errors; }

private:
    AgentDocument *m_document;
    FieldErrors *m_errors;
    bool m_loading = false;
};

// A combo box of fixed ids shown with labels; the id is the item data.
QComboBox *makeChoiceCombo(const QStringList &ids, const std::function<QString(const QString &)> &label, QWidget *parent);
void setComboId(QComboBox *combo, const QString &id);
QString comboId(const QComboBox *combo);
// An editable combo offering `suggestions` while accepting any text.
void setSuggestions(QComboBox *combo, const QStringList &suggestions, const QString &current);
// Sets text only when it differs, so the cursor stays where the user left it.
void setTextIfDifferent(QLineEdit *edit, const QString &text);
void setTextIfDifferent(QPlainTextEdit *edit, const QString &text);

} // namespace ringside::ui
