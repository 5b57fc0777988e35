#pragma once

#include "agentsection.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace ringside::ui {

class KeywordsEditor;

// Listening (STT provider, model, endpointing, interim results, keyword boosts), speaking (TTS
// provider, voice, speed) and barge-in.
class SpeechSection final : public AgentSection
{
    Q_OBJECT
public:
    SpeechSection(AgentDocument *document, FieldErrors *errors, QWidget *parent = nullptr);
    void setReadOnly(bool readOnly) override;

protected:
    void load(const Agent &agent) override;

private:
    QComboBox *m_sttProvider = nullptr;
    QComboBox *m_sttModel = nullptr;
    QSpinBox *m_endpointing = nullptr;
    QCheckBox *m_interim = nullptr;
    KeywordsEditor *m_keywords = nullptr;
    QComboBox *m_ttsProvider = nullptr;
    QComboBox *m_ttsVoice = nullptr;
    QDoubleSpinBox *m_speed = nullptr;
    QCheckBox *m_interruptions = nullptr;
};

} // namespace ringside::ui
