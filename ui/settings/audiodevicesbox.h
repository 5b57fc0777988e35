#pragma once

#include <QGroupBox>

class QComboBox;
class QLabel;
class QMediaDevices;

namespace ringside::ui {

class ConsoleSettings;

// The microphone and speaker Test Call uses (QMediaDevices), kept in the settings by device id;
// "System default" follows the OS. Says so plainly when a machine has none (a headless server):
// Test Call can still be typed.
class AudioDevicesBox final : public QGroupBox
{
    Q_OBJECT
public:
    AudioDevicesBox(ConsoleSettings &settings, QWidget *parent = nullptr);

    QComboBox *inputCombo() const { return m_input; }
    QComboBox *outputCombo() const { return m_output; }
    QString noteText() const;

private:
    void fill();

    ConsoleSettings &m_settings;
    QMediaDevices *m_devices = nullptr;
    QComboBox *m_input = nullptr;
    QComboBox *m_output = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace ringside::ui
