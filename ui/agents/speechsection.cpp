#include "speechsection.h"

#include "agentdocument.h"
#include "fielderrors.h"
#include "keywordseditor.h"
#include "providerchoices.h"

#include "agent/agentschema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ringside::ui {

SpeechSection::SpeechSection(AgentDocument *doc, FieldErrors *errors, QWidget *parent)
    : AgentSection(doc, errors, parent)
{
    auto *layout = new QHBoxLayout(this);

    auto *listening = new QGroupBox(tr("Listening (speech to text)"), this);
    auto *sttForm = new QFormLayout(listening);
    m_sttProvider = makeChoiceCombo(knownSttProviders(), providerLabel, listening);
    m_sttProvider->setObjectName(QStringLiteral("sttProviderCombo"));
    m_sttModel = new QComboBox(listening);
    m_sttModel->setObjectName(QStringLiteral("sttModelCombo"));
    m_sttModel->setEditable(true);
    m_sttModel->lineEdit()->setPlaceholderText(tr("The provider's default model"));
    m_endpointing = new QSpinBox(listening);
    m_endpointing->setKeyboardTracking(false);   // one undo step per committed value
    m_endpointing->setObjectName(QStringLiteral("endpointingSpin"));
    m_endpointing->setRange(0, 600000);
    m_endpointing->setSingleStep(50);
    m_endpointing->setSuffix(tr(" ms"));
    m_endpointing->setToolTip(tr("Silence that ends the caller's turn. Shorter answers faster; longer lets people pause."));
    m_interim = new QCheckBox(tr("Partial transcripts while the caller speaks (needed for barge-in)"), listening);
    m_interim->setObjectName(QStringLiteral("interimCheck"));
    m_keywords = new KeywordsEditor(listening);
    sttForm->addRow(tr("&Provider:"), errors->wrap(QStringLiteral("/agent/sttProvider"), m_sttProvider));
    sttForm->addRow(tr("&Model:"), errors->wrap(QStringLiteral("/agent/sttModel"), m_sttModel));
    sttForm->addRow(tr("&End of turn after:"), errors->wrap(QStringLiteral("/agent/sttConfig/endpointing"), m_endpointing));
    sttForm->addRow(QString(), errors->wrap(QStringLiteral("/agent/sttConfig/interimResults"), m_interim));
    sttForm->addRow(tr("&Keyword boosts:"), errors->wrap(QStringLiteral("/agent/sttConfig/keywords"), m_keywords));
    layout->addWidget(listening, 3);

    auto *speaking = new QGroupBox(tr("Speaking (text to speech)"), this);
    auto *ttsLayout = new QVBoxLayout(speaking);
    auto *ttsForm = new QFormLayout;
    m_ttsProvider = makeChoiceCombo(knownTtsProviders(), providerLabel, speaking);
    m_ttsProvider->setObjectName(QStringLiteral("ttsProviderCombo"));
    m_ttsVoice = new QComboBox(speaking);
    m_ttsVoice->setObjectName(QStringLiteral("ttsVoiceCombo"));
    m_ttsVoice->setEditable(true);
    m_ttsVoice->lineEdit()->setPlaceholderText(tr("The provider's default voice for the language"));
    m_speed = new QDoubleSpinBox(speaking);
    m_speed->setKeyboardTracking(false);   // one undo step per committed value
    m_speed->setObjectName(QStringLiteral("speedSpin"));
    m_speed->setRange(0.1, 4.0);   // wider than any provider's range; the validator names the limit
    m_speed->setSingleStep(0.05);
    m_speed->setDecimals(2);
    m_speed->setSuffix(QStringLiteral("×"));
    m_interruptions = new QCheckBox(tr("Let the caller interrupt the agent (barge-in)"), speaking);
    m_interruptions->setObjectName(QStringLiteral("interruptionsCheck"));
    ttsForm->addRow(tr("P&rovider:"), errors->wrap(QStringLiteral("/agent/ttsProvider"), m_ttsProvider));
    ttsForm->addRow(tr("&Voice:"), errors->wrap(QStringLiteral("/agent/ttsVoice"), m_ttsVoice));
    ttsForm->addRow(tr("&Speed:"), errors->wrap(QStringLiteral("/agent/ttsConfig/speed"), m_speed));
    ttsForm->addRow(QString(), errors->wrap(QStringLiteral("/agent/allowInterruptions"), m_interruptions));
    ttsLayout->addLayout(ttsForm);
    ttsLayout->addStretch(1);
    layout->addWidget(speaking, 2);

    auto editText = [this](QComboBox *combo, const char *field, const QString &undoText,
                           QString Agent::*member) {
        connect(combo, &QComboBox::currentTextChanged, this, [this, field, undoText, member](const QString &text) {
            if (!loading())
                document()->edit(QLatin1String(field), undoText, [&](Agent &a) { a.*member = text.trimmed(); }, true);
        });
    };
    auto editChoice = [this](QComboBox *combo, const char *field, const QString &undoText, QString Agent::*member) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, field, undoText, member] {
            if (!loading())
                document()->edit(QLatin1String(field), undoText, [&](Agent &a) { a.*member = comboId(combo); });
        });
    };
    editChoice(m_sttProvider, "sttProvider", tr("Change STT provider"), &Agent::sttProvider);
    editText(m_sttModel, "sttModel", tr("Change STT model"), &Agent::sttModel);
    editChoice(m_ttsProvider, "ttsProvider", tr("Change TTS provider"), &Agent::ttsProvider);
    editText(m_ttsVoice, "ttsVoice", tr("Change voice"), &Agent::ttsVoice);
    connect(m_endpointing, &QSpinBox::valueChanged, this, [this](int ms) {
        if (!loading())
            document()->edit(QStringLiteral("endpointing"), tr("Change end of turn"), [&](Agent &a) { a.endpointingMs = ms; });
    });
    connect(m_speed, &QDoubleSpinBox::valueChanged, this, [this](double speed) {
        if (!loading())
            document()->edit(QStringLiteral("ttsSpeed"), tr("Change speed"), [&](Agent &a) { a.ttsSpeed = speed; });
    });
    connect(m_interim, &QCheckBox::toggled, this, [this](bool on) {
        if (!loading())
            document()->edit(QStringLiteral("interimResults"), tr("Change partial transcripts"),
                             [&](Agent &a) { a.interimResults = on; });
    });
    connect(m_interruptions, &QCheckBox::toggled, this, [this](bool on) {
        if (!loading())
            document()->edit(QStringLiteral("allowInterruptions"), tr("Change barge-in"),
                             [&](Agent &a) { a.allowInterruptions = on; });
    });
    connect(m_keywords, &KeywordsEditor::keywordsEdited, this, [this](const QList<KeywordBoost> &keywords) {
        if (!loading())
            document()->edit(QStringLiteral("keywords"), tr("Edit keyword boosts"), [&](Agent &a) { a.keywords = keywords; });
    });
}

void SpeechSection::load(const Agent &agent)
{
    setComboId(m_sttProvider, agent.sttProvider);
    setSuggestions(m_sttModel, suggestedSttModels(agent.sttProvider), agent.sttModel);
    if (m_endpointing->value() != agent.endpointingMs)
        m_endpointing->setValue(agent.endpointingMs);
    m_interim->setChecked(agent.interimResults);
    m_keywords->setKeywords(agent.keywords);
    setComboId(m_ttsProvider, agent.ttsProvider);
    setSuggestions(m_ttsVoice, suggestedTtsVoices(agent.ttsProvider, agent.language), agent.ttsVoice);
    if (!qFuzzyCompare(m_speed->value() + 1, agent.ttsSpeed + 1))
        m_speed->setValue(agent.ttsSpeed);
    SpeedRange range;
    if (ttsSpeedRange(agent.ttsProvider, &range))
        m_speed->setToolTip(tr("%1 accepts %2× to %3×").arg(providerLabel(agent.ttsProvider)).arg(range.min).arg(range.max));
    m_interruptions->setChecked(agent.allowInterruptions);
}

void SpeechSection::setReadOnly(bool readOnly)
{
    for (QWidget *w : { static_cast<QWidget *>(m_sttProvider), static_cast<QWidget *>(m_sttModel),
                        static_cast<QWidget *>(m_ttsProvider), static_cast<QWidget *>(m_ttsVoice),
                        static_cast<QWidget *>(m_interim), static_cast<QWidget *>(m_interruptions) })
        w->setEnabled(!readOnly);
    m_endpointing->setReadOnly(readOnly);
    m_speed->setReadOnly(readOnly);
    m_keywords->setReadOnly(readOnly);
}

} // namespace ringside::ui
