#pragma once

#include "agentsection.h"

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace ringside::ui {

// Identity (name, type, use case, language) and brain (LLM provider, model, temperature).
class GeneralSection final : public AgentSection
{
    Q_OBJECT
public:
    GeneralSection(AgentDocument *document, FieldErrors *errors, QWidget *parent = nullptr);
    void setReadOnly(bool readOnly) override;

protected:
    void load(const Agent &agent) override;

private:
    QLineEdit *m_name = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_useCase = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_llmProvider = nullptr;
    QComboBox *m_llmModel = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
};

} // namespace ringside::ui
