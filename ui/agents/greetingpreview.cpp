#include "greetingpreview.h"

#include "services/backend.h"

#include "agent/template.h"
#include "util/clock.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ringside::ui {

GreetingPreview::GreetingPreview(Backend &backend, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_clock(clock)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_record = new QComboBox(this);
    m_record->setObjectName(QStringLiteral("previewRecordCombo"));
    m_record->setEditable(true);
    m_record->setInsertPolicy(QComboBox::NoInsert);
    m_record->lineEdit()->setPlaceholderText(tr("Order, cart or customer id, or a phone number"));
    m_record->setToolTip(tr("The greeting is filled in with this record's details from the store"));
    form->addRow(tr("Preview &for:"), m_record);
    layout->addLayout(form);
    m_context = new QLabel(this);
    m_context->setWordWrap(true);
    m_context->setEnabled(false);   // secondary text colour
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setFrameShape(QFrame::StyledPanel);
    m_text->setMargin(10);
    m_text->setAutoFillBackground(true);
    QPalette p = m_text->palette();
    p.setColor(QPalette::Window, QColor(0xee, 0xf4, 0xfb));
    p.setColor(QPalette::WindowText, QColor(0x1d, 0x2a, 0x3a));
    m_text->setPalette(p);
    m_missingLabel = new QLabel(this);
    m_missingLabel->setWordWrap(true);
    layout->addWidget(m_text);
    layout->addWidget(m_context);
    layout->addWidget(m_missingLabel);

    // An item picked from the list carries its id as data; typed text is the id itself.
    connect(m_record, &QComboBox::activated, this, [this](int index) {
        const QString id = m_record->itemData(index).toString();
        if (!id.isEmpty())
            m_record->setEditText(id);
        resolve();
    });
    connect(m_record->lineEdit(), &QLineEdit::editingFinished, this, &GreetingPreview::resolve);
}

// What the resolver's answer depends on besides the record: editing the greeting or the prompt
// re-renders at once; changing these looks the record up again.
static QString resolutionKey(const Agent &agent)
{
    QStringList parts { agent.language, agentTypeName(agent.type), useCaseName(agent.useCase) };
    for (const TemplateVariable &v : agent.variables)
        parts << v.name << v.defaultValue;
    return parts.join(QLatin1Char('\n'));
}

void GreetingPreview::setAgent(const Agent &agent)
{
    const bool changed = resolutionKey(agent) != resolutionKey(m_agent);
    m_agent = agent;
    if (changed)
        resolve();
    else
        render();
}

void GreetingPreview::reloadRecords()
{
    whenReady(m_backend.run([](WorkerServices &s) { return previewRecords(s.store()); }), this,
              [this](const QList<PreviewRecord> &records) {
                  const QString current = m_record->currentText();
                  m_record->clear();
                  for (const PreviewRecord &r : records)
                      m_record->addItem(r.label, r.id);
                  m_record->setEditText(current.isEmpty() && !records.isEmpty() ? records.first().id : current);
                  m_resolvedFor.clear();
                  resolve();
              },
              [this](const QString &error) {
                  m_context->setText(error);
                  resolve();
              });
}

void GreetingPreview::setRecord(const QString &recordId)
{
    m_record->setEditText(recordId);
    resolve();
}

void GreetingPreview::resolve()
{
    const QString id = m_record->currentText().trimmed();
    const QString key = id + QLatin1Char('\n') + resolutionKey(m_agent);
    if (key == m_resolvedFor) {
        render();
        return;
    }
    m_resolvedFor = key;
    const quint64 generation = ++m_generation;
    const Agent agent = m_agent;
    const QDateTime now = m_clock.now();
    whenReady(m_backend.run([id, agent, now](WorkerServices &s) {
                  return resolvePreviewValues(s.store(), agent, id, now);
              }),
              this,
              [this, generation](const PreviewValues &values) {
                  if (generation != m_generation)
                      return;
                  m_values = values;
                  render();
              },
              [this, generation](const QString &error) {
                  if (generation != m_generation)
                      return;
                  m_values = PreviewValues {};
                  m_values.error = error;
                  m_resolvedFor.clear();   // try again next time
                  render();
              });
}

void GreetingPreview::render()
{
    const RenderResult result = renderTemplate(m_agent.greetingMessage, templateValues(m_agent, m_values.values));
    m_rendered = result.text;
    m_missing = result.missing;
    m_text->setText(m_rendered.isEmpty() ? tr("(The greeting is empty.)") : m_rendered);
    QString context = m_values.error.isEmpty() ? tr("Filled in for %1.").arg(m_values.description) : m_values.error;
    for (const QString &notice : std::as_const(m_values.notices))
        context += QLatin1Char('\n') + notice;
    m_context->setText(context);
    if (m_missing.isEmpty()) {
        m_missingLabel->clear();
    } else {
        QStringList names;
        for (const QString &n : m_missing)
            names << QStringLiteral("{{%1}}").arg(n);
        m_missingLabel->setText(tr("No value for %1 with this record — left out so the caller never hears a "
                                   "placeholder.").arg(names.join(QStringLiteral(", "))));
    }
    Q_EMIT previewUpdated();
}

} // namespace ringside::ui
