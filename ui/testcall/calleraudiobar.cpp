#include "calleraudiobar.h"

#include "voicelink.h"
#include "wavcaller.h"

#include <QAudioDevice>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaDevices>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ringside::ui {

CallerAudioBar::CallerAudioBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Say plainly what the machine has: a server has no microphone, and typing still works.
    const bool hasMicrophone = !QMediaDevices::audioInputs().isEmpty();
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("audioNote"));
    m_note->setWordWrap(true);
    m_note->setEnabled(false);
    m_note->setText(hasMicrophone
                        ? tr("Microphone: %1. Press Talk during a call to speak as the caller; you can also type, "
                             "or play WAV files in.").arg(QMediaDevices::defaultAudioInput().description())
                        : tr("No microphone found on this machine: type as the caller, or play WAV files in."));
    layout->addWidget(m_note);

    auto *row = new QHBoxLayout;
    m_talk = new QPushButton(style()->standardIcon(QStyle::SP_MediaVolume), tr("Talk"), this);
    m_talk->setObjectName(QStringLiteral("talkButton"));
    m_talk->setCheckable(true);
    m_talk->setToolTip(tr("Speak as the caller through the microphone; the agent answers through the speaker "
                          "and stops when you talk over it"));
    m_talk->setVisible(hasMicrophone);
    m_playWav = new QPushButton(style()->standardIcon(QStyle::SP_MediaVolume), tr("Play WAV…"), this);
    m_playWav->setObjectName(QStringLiteral("playWavButton"));
    m_playWav->setToolTip(tr("Play WAV files in as the caller's voice: the agent's recognizer hears them"));
    m_level = new QProgressBar(this);
    m_level->setObjectName(QStringLiteral("inputLevel"));
    m_level->setRange(-60, 0);
    m_level->setValue(-60);
    m_level->setTextVisible(false);
    m_level->setMaximumWidth(140);
    m_level->setToolTip(tr("Input level"));
    m_vad = new QLabel(tr("Silence"), this);
    m_vad->setObjectName(QStringLiteral("vadState"));
    m_partial = new QLabel(this);
    m_partial->setObjectName(QStringLiteral("partialTranscript"));
    m_partial->setStyleSheet(QStringLiteral("color: palette(mid); font-style: italic"));
    row->addWidget(m_talk);
    row->addWidget(m_playWav);
    row->addWidget(m_level);
    row->addWidget(m_vad);
    row->addWidget(m_partial, 1);
    layout->addLayout(row);

    m_wav = new WavCaller(this);
    m_voice = new VoiceLink(this);

    connect(m_playWav, &QPushButton::clicked, this, [this] {
        playWavFiles(QFileDialog::getOpenFileNames(this, tr("Play WAV files in"), QString(), tr("WAV files (*.wav)")));
    });
    connect(m_talk, &QPushButton::toggled, this, [this](bool on) {
        if (on && !m_voice->isRunning())
            startVoice(m_deviceSource ? m_deviceSource() : VoiceLink::systemDevices());
        else if (!on)
            m_voice->stop();
    });
    connect(m_wav, &WavCaller::level, this, &CallerAudioBar::showLevel);
    connect(m_wav, &WavCaller::speakingChanged, this, &CallerAudioBar::showSpeaking);
    connect(m_wav, &WavCaller::partial, m_partial, &QLabel::setText);
    connect(m_wav, &WavCaller::heard, this, &CallerAudioBar::showHeard);
    connect(m_wav, &WavCaller::finished, this, [this](const QString &error) {
        if (!error.isEmpty())
            Q_EMIT failed(tr("A WAV file could not be played in: %1").arg(error));
        updateButtons();
    });
    connect(m_voice, &VoiceLink::level, this, &CallerAudioBar::showLevel);
    connect(m_voice, &VoiceLink::speakingChanged, this, &CallerAudioBar::showSpeaking);
    connect(m_voice, &VoiceLink::partial, m_partial, &QLabel::setText);
    connect(m_voice, &VoiceLink::heard, this, &CallerAudioBar::showHeard);
    connect(m_voice, &VoiceLink::interrupted, this, &CallerAudioBar::interrupted);
    connect(m_voice, &VoiceLink::started, this, [this](const QString &error) {
        if (error.isEmpty())
            return;
        Q_EMIT failed(tr("Cannot talk through the microphone: %1").arg(error));
        m_voice->stop();
    });
    connect(m_voice, &VoiceLink::stopped, this, [this] {
        m_talk->setChecked(false);
        showSpeaking(false);
        showLevel(-96.0);
        updateButtons();
    });
    updateButtons();
}

void CallerAudioBar::setCall(const Agent *agent)
{
    if (agent)
        m_agent = *agent;
    else
        m_agent.reset();
    if (!agent && m_voice->isRunning())
        m_voice->stop();   // the call is over: the line is closed
    updateButtons();
}

void CallerAudioBar::playWavFiles(const QStringList &files)
{
    if (files.isEmpty() || !m_agent || m_wav->isPlaying())
        return;
    m_wav->play(*m_agent, files);
    updateButtons();
}

void CallerAudioBar::startVoice(const VoiceDevices &devices)
{
    if (!m_agent || m_voice->isRunning())
        return;
    m_voice->start(*m_agent, devices);
    updateButtons();
}

void CallerAudioBar::agentSaid(const QString &text)
{
    if (m_voice->isRunning())
        m_voice->speak(text);
}

void CallerAudioBar::showLevel(double dbfs)
{
    m_level->setValue(int(std::max(-60.0, dbfs)));
}

void CallerAudioBar::showSpeaking(bool speaking)
{
    m_vad->setText(speaking ? tr("Speech") : tr("Silence"));
}

void CallerAudioBar::showHeard(const QString &text)
{
    m_partial->clear();
    Q_EMIT heard(text);
}

void CallerAudioBar::updateButtons()
{
    m_playWav->setEnabled(m_agent && !m_wav->isPlaying());
    m_talk->setEnabled(m_agent || m_voice->isRunning());
}

} // namespace ringside::ui
