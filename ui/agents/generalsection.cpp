#include "generalsection.h"

#include "agentdocument.h"
#include "agentlistmodel.h"
#include "fielderrors.h"
#include "providerchoices.h"

#include "agent/agentschema.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ringside::ui {

GeneralSection::GeneralSection(AgentDocument *doc, FieldErrors *errors, QWidget *parent)
    : AgentSection(doc, errors, parent)
{
    auto *layout = new QVBoxLayout(this);

    auto *identity = new QGroupBox(tr("Identity"), this);
    auto *identityForm = new QFormLayout(identity);
    m_name = new QLineEdit(identity);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("Shown in the console and used to find the agent"));
    m_type = makeChoiceCombo(agentTypeNames(), [](const QString &id) {
        return id == QLatin1String("outbound") ? tr("Outbound — we call the customer") : tr("Inbound — the customer calls");
    }, identity);
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_useCase = makeChoiceCombo(useCaseNames(), [](const QString &id) {
        UseCase u = UseCase::Other;
        useCaseFromName(id, &u);
        return AgentListModel::useCaseLabel(u);
    }, identity);
    m_useCase->setObjectName(QStringLiteral("useCaseCombo"));
    m_language = new QComboBox(identity);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setEditable(true);
    m_language->setToolTip(tr("A BCP 47 language tag such as en-US, en-IN or hi-IN"));
    identityForm->addRow(tr("&Name:"), errors->wrap(QStringLiteral("/agent/name"), m_name));
    identityForm->addRow(tr("&Direction:"), errors->wrap(QStringLiteral("/agent/type"), m_type));
    identityForm->addRow(tr("&Use case:"), errors->wrap(QStringLiteral("/agent/useCase"), m_useCase));
    identityForm->addRow(tr("&Language:"), errors->wrap(QStringLiteral("/agent/language"), m_language));
    layout->addWidget(identity);

    auto *brain = new QGroupBox(tr("Brain"), this);
    auto *brainForm = new QFormLayout(brain);
    m_llmProvider = makeChoiceCombo(knownLlmProviders(), providerLabel, brain);
    m_llmProvider->setObjectName(QStringLiteral("llmProviderCombo"));
    m_llmModel = new QComboBox(brain);
    m_llmModel->setObjectName(QStringLiteral("llmModelCombo"));
    m_llmModel->setEditable(true);
    m_llmModel->lineEdit()->setPlaceholderText(tr("The provider's default model"));
    m_temperature = new QDoubleSpinBox(brain);
    m_temperature->setKeyboardTracking(false);   // one undo step per committed value
    m_temperature->setObjectName(QStringLiteral("temperatureSpin"));
    // Wider than the valid 0–2 so a value from a file shows as it is and the validator explains it.
    m_temperature->setRange(0.0, 5.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_temperature->setToolTip(tr("0 answers the same way every time; higher values vary more (0 to 2)"));
    brainForm->addRow(tr("LLM &provider:"), errors->wrap(QStringLiteral("/agent/llmProvider"), m_llmProvider));
    brainForm->addRow(tr("&Model:"), errors->wrap(QStringLiteral("/agent/llmModel"), m_llmModel));
    brainForm->addRow(tr("&Temperature:"), errors->wrap(QStringLiteral("/agent/llmTemperature"), m_temperature));
    layout->addWidget(brain);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        document()->edit(QStringLiteral("name"), tr("Rename"), [&](Agent &a) { a.name = text; }, true);
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        if (loading())
            return;
        AgentType type = AgentType::Inbound;
        agentTypeFromName(comboId(m_type), &type);
        document()->edit(QStringLiteral("type"), tr("Change direction"), [&](Agent &a) { a.type = type; });
    });
    connect(m_useCase, &QComboBox::currentIndexChanged, this, [this] {
        if (loading())
            return;
        UseCase useCase = UseCase::Other;
        useCaseFromName(comboId(m_useCase), &useCase);
        document()->edit(QStringLiteral("useCase"), tr("Change use case"), [&](Agent &a) { a.useCase = useCase; });
    });
    connect(m_language, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (loading())
            return;
        document()->edit(QStringLiteral("language"), tr("Change language"), [&](Agent &a) { a.language = text.trimmed(); }, true);
    });
    connect(m_llmProvider, &QComboBox::currentIndexChanged, this, [this] {
        if (loading())
            return;
        const QString provider = comboId(m_llmProvider);
        document()->edit(QStringLiteral("llmProvider"), tr("Change LLM provider"),
                         [&](Agent &a) { a.llmProvider = provider; });
    });
    connect(m_llmModel, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (loading())
            return;
        document()->edit(QStringLiteral("llmModel"), tr("Change model"), [&](Agent &a) { a.llmModel = text.trimmed(); }, true);
    });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (loading())
            return;
        document()->edit(QStringLiteral("llmTemperature"), tr("Change temperature"),
                         [&](Agent &a) { a.llmTemperature = value; });
    });
}

void GeneralSection::load(const Agent &agent)
{
    setTextIfDifferent(m_name, agent.name);
    setComboId(m_type, agentTypeName(agent.type));
    setComboId(m_useCase, useCaseName(agent.useCase));
    setSuggestions(m_language, suggestedLanguages(), agent.language);
    setComboId(m_llmProvider, agent.llmProvider);
    setSuggestions(m_llmModel, suggestedLlmModels(agent.llmProvider), agent.llmModel);
    m_llmModel->lineEdit()->setPlaceholderText(agent.llmProvider == embeddedProvider()
                                                       ? tr("Not used by the embedded playbook brain")
                                                       : tr("The provider's default model"));
    if (!qFuzzyCompare(m_temperature->value() + 1, agent.llmTemperature + 1))
        m_temperature->setValue(agent.llmTemperature);
}

void GeneralSection::setReadOnly(bool readOnly)
{
    m_name->setReadOnly(readOnly);
    for (QWidget *w : { static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_useCase),
                        static_cast<QWidget *>(m_language), static_cast<QWidget *>(m_llmProvider),
                        static_cast<QWidget *>(m_llmModel) })
        w->setEnabled(!readOnly);
    m_temperature->setReadOnly(readOnly);
}

} // namespace ringside::ui
