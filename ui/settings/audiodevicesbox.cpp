#include "audiodevicesbox.h"

#include "services/consolesettings.h"

#include <QAudioDevice>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QMediaDevices>

namespace ringside::ui {

AudioDevicesBox::AudioDevicesBox(ConsoleSettings &settings, QWidget *parent)
    : QGroupBox(tr("Audio devices (Test Call)"), parent)
    , m_settings(settings)
    , m_devices(new QMediaDevices(this))
{
    auto *form = new QFormLayout(this);
    m_input = new QComboBox(this);
    m_input->setObjectName(QStringLiteral("audioInputCombo"));
    m_output = new QComboBox(this);
    m_output->setObjectName(QStringLiteral("audioOutputCombo"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("audioNote"));
    m_note->setWordWrap(true);
    form->addRow(tr("&Microphone:"), m_input);
    form->addRow(tr("&Speaker:"), m_output);
    form->addRow(m_note);
    fill();
    connect(m_devices, &QMediaDevices::audioInputsChanged, this, &AudioDevicesBox::fill);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &AudioDevicesBox::fill);
    connect(m_input, &QComboBox::activated, this, [this] {
        m_settings.setAudioInput(m_input->currentData().toByteArray());
    });
    connect(m_output, &QComboBox::activated, this, [this] {
        m_settings.setAudioOutput(m_output->currentData().toByteArray());
    });
}

void AudioDevicesBox::fill()
{
    const QList<QAudioDevice> inputs = QMediaDevices::audioInputs();
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    auto fillCombo = [](QComboBox *combo, const QList<QAudioDevice> &devices, const QByteArray &chosen) {
        combo->clear();
        combo->addItem(tr("System default"), QByteArray());
        for (const QAudioDevice &d : devices)
            combo->addItem(d.description(), d.id());
        const int index = combo->findData(chosen);
        if (index >= 0) {
            combo->setCurrentIndex(index);
        } else if (!chosen.isEmpty()) {   // remembered but not plugged in now: keep it, say so
            combo->addItem(tr("%1 (not connected)").arg(QString::fromUtf8(chosen)), chosen);
            combo->setCurrentIndex(combo->count() - 1);
        }
    };
    fillCombo(m_input, inputs, m_settings.audioInput());
    fillCombo(m_output, outputs, m_settings.audioOutput());
    QStringList notes;
    if (inputs.isEmpty())
        notes << tr("No microphone was found on this machine (a server or a remote session has none). "
                    "Test Call can still be typed.");
    if (outputs.isEmpty())
        notes << tr("No speaker was found; the agent's replies are shown as text.");
    m_note->setText(notes.join(QLatin1Char(' ')));
    m_note->setVisible(!notes.isEmpty());
}

QString AudioDevicesBox::noteText() const
{
    return m_note->text();
}

} // namespace ringside::ui
