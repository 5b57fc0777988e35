#pragma once

#include "agentsection.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace ringside::ui {

// The agent's own template variables (name, description, default), with the built-in ones listed
// for reference.
class VariablesSection final : public AgentSection
{
    Q_OBJECT
public:
    VariablesSection(AgentDocument *document, FieldErrors *errors, QWidget *parent = nullptr);
    void setReadOnly(bool readOnly) override;
    QTableWidget *table() const { return m_table; }

protected:
    void load(const Agent &agent) override;

private:
    QList<TemplateVariable> rows() const;
    void handleEdited();

    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    bool m_filling = false;
};

} // namespace ringside::ui
