#include "callcontrols.h"

#include "callsmodel.h"
#include "livefeed.h"

#include "conversation/outcomes.h"
#include "common/labels.h"
#include "telephony/monitorprotocol.h"

#include <QComboBox>

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ringside::ui {

namespace cmd = telephony::monitor::command;

CallControls::CallControls(LiveFeed &feed, QWidget *parent)
    : QWidget(parent), m_feed(feed)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("live-operator-text"));
    m_text->setPlaceholderText(tr("Type a whisper for the agent, or (after Take over) a line for the caller"));
    m_text->setClearButtonEnabled(true);
    layout->addWidget(m_text);

    auto *buttons = new QHBoxLayout;
    layout->addLayout(buttons);
    auto add = [&](const QString &name, const QString &text, const QKeySequence &key, const QString &tip) {
        QPushButton *b = addButton(name, text, key, tip);
        buttons->addWidget(b);
        return b;
    };
    m_listen = add(QStringLiteral("live-listen"), tr("&Listen"), QKeySequence(Qt::CTRL | Qt::Key_L),
                   tr("Hear the call (caller and agent) on your speakers"));
    m_listen->setCheckable(true);
    m_takeOver = add(QStringLiteral("live-take-over"), tr("&Take over"), QKeySequence(Qt::CTRL | Qt::Key_T),
                     tr("Silence the agent and speak to the caller yourself (microphone, or typed lines with Say)"));
    m_whisper = add(QStringLiteral("live-whisper"), tr("&Whisper"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                    tr("Guidance the agent follows in its next replies; the caller does not hear it"));
    m_say = add(QStringLiteral("live-say"), tr("&Say"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                tr("Speak the typed line to the caller in the agent's voice (after Take over)"));
    m_handBack = add(QStringLiteral("live-hand-back"), tr("&Hand back"), QKeySequence(Qt::CTRL | Qt::Key_H),
                     tr("Give the call back to the agent"));
    m_end = add(QStringLiteral("live-end"), tr("&End"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                tr("Say goodbye and end the call"));
    // What the call record should say; by default the engine's own judgement of the call.
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("live-end-outcome"));
    m_outcome->setToolTip(tr("The outcome End writes on the call record"));
    m_outcome->addItem(tr("Outcome: as the agent judged"), QString());
    for (const QString &o : callOutcomes()) // the ones a call can end with (not "interrupted")
        m_outcome->addItem(outcomeLabel(o), o);
    buttons->addWidget(m_outcome);
    buttons->addStretch(1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("live-call-message"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_listen, &QPushButton::clicked, this, &CallControls::toggleListen);
    connect(m_takeOver, &QPushButton::clicked, this, &CallControls::takeOver);
    connect(m_whisper, &QPushButton::clicked, this, &CallControls::whisper);
    connect(m_say, &QPushButton::clicked, this, &CallControls::say);
    connect(m_handBack, &QPushButton::clicked, this, &CallControls::handBack);
    connect(m_end, &QPushButton::clicked, this, &CallControls::endCall);
    connect(m_text, &QLineEdit::textChanged, this, &CallControls::refresh);
    connect(m_text, &QLineEdit::returnPressed, this, [this] {
        if (m_say->isEnabled())
            say();
        else if (m_whisper->isEnabled())
            whisper();
    });
    connect(&m_feed, &LiveFeed::commandAnswered, this, &CallControls::onAnswer);
    connect(&m_feed, &LiveFeed::callEnded, this, [this](const QString &callId) {
        if (callId != m_listeningTo)
            return;
        m_feed.listen(callId, 8000, false); // nothing more to hear: close the speakers
        m_listeningTo.clear();
        refresh();
    });
    // A fresh snapshot (reconnect, lag) means the engine forgot what we listened to: ask again.
    connect(&m_feed, &LiveFeed::snapshotReceived, this, [this] {
        if (m_listeningTo.isEmpty())
            return;
        if (m_feed.calls()->call(m_listeningTo)) {
            m_feed.sendCommand(QLatin1String(cmd::listen), m_listeningTo, { { "on", true } });
        } else {
            m_feed.listen(m_listeningTo, 8000, false); // the call is gone: stop the speakers
            m_listeningTo.clear();
        }
        refresh();
    });
    connect(&m_feed, &LiveFeed::listenStatus, this, [this](const QString &, bool, const QString &message) {
        if (!message.isEmpty())
            showMessage(message);
    });
    refresh();
}

QPushButton *CallControls::addButton(const QString &objectName, const QString &text, const QKeySequence &shortcut, const QString &tip)
{
    auto *b = new QPushButton(text, this);
    b->setObjectName(objectName);
    b->setShortcut(shortcut);
    b->setToolTip(tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
    return b;
}

void CallControls::setCall(const QString &callId)
{
    if (callId == m_callId)
        return;
    m_callId = callId;
    m_message->clear();
    refresh();
}

void CallControls::refresh()
{
    const LiveCallRow *r = m_callId.isEmpty() ? nullptr : m_feed.calls()->call(m_callId);
    const bool live = r && r->state != QLatin1String("ending");
    const bool takenOver = r && r->state == QLatin1String("taken_over");
    const bool mine = takenOver && r->operatorName == m_feed.operatorName();
    const bool hasText = !m_text->text().trimmed().isEmpty();
    m_text->setEnabled(live);
    m_listen->setEnabled(r != nullptr);
    m_listen->setChecked(r && m_listeningTo == m_callId);
    m_takeOver->setEnabled(live && !takenOver);
    m_whisper->setEnabled(live && hasText);
    m_say->setEnabled(mine && hasText);
    m_handBack->setEnabled(mine);
    m_end->setEnabled(live && (!takenOver || mine));
    m_outcome->setEnabled(m_end->isEnabled());
}

void CallControls::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #a00000;") : QString());
}

QString CallControls::message() const
{
    return m_message->text();
}

QString CallControls::send(const QString &command, const QString &successText)
{
    const QString id = m_feed.sendCommand(command, m_callId);
    m_pending.insert(id, successText);
    return id;
}

void CallControls::toggleListen()
{
    const LiveCallRow *r = m_feed.calls()->call(m_callId);
    if (!r)
        return;
    if (m_listeningTo == m_callId) {
        m_feed.listen(m_callId, r->sampleRate, false);
        m_listeningTo.clear();
        showMessage(tr("Stopped listening"));
    } else {
        if (!m_listeningTo.isEmpty())
            m_feed.listen(m_listeningTo, r->sampleRate, false);
        m_listeningTo = m_callId;
        m_feed.listen(m_callId, r->sampleRate, true);
    }
    refresh();
}

void CallControls::takeOver()
{
    send(QLatin1String(cmd::takeOver), tr("You have the call: the agent is silent until you hand it back"));
}

void CallControls::whisper()
{
    const QString text = m_text->text().trimmed();
    if (text.isEmpty())
        return;
    const QString id = m_feed.sendCommand(QLatin1String(cmd::whisper), m_callId, { { "text", text } });
    m_pending.insert(id, tr("Whispered to the agent: “%1”").arg(text));
    m_text->clear();
}

void CallControls::say()
{
    const QString text = m_text->text().trimmed();
    if (text.isEmpty())
        return;
    const QString id = m_feed.sendCommand(QLatin1String(cmd::say), m_callId, { { "text", text } });
    m_pending.insert(id, tr("Said to the caller: “%1”").arg(text));
    m_text->clear();
}

void CallControls::handBack()
{
    send(QLatin1String(cmd::handBack), tr("Handed back: the agent continues the call"));
}

void CallControls::endCall()
{
    const QString outcome = m_outcome->currentData().toString();
    const QString id = m_feed.sendCommand(QLatin1String(cmd::end), m_callId,
                                          outcome.isEmpty() ? json::object() : json{ { "outcome", outcome } });
    m_pending.insert(id, tr("Ending the call"));
    m_outcome->setCurrentIndex(0); // the next call starts from the engine's judgement again
}

void CallControls::onAnswer(const QString &requestId, const QString &command, const QString &callId, bool ok,
                            const QString &, const QString &message)
{
    if (!m_pending.contains(requestId))
        return; // another part's command (listen, accept)
    const QString success = m_pending.take(requestId);
    if (ok) {
        showMessage(success);
        if (command == QLatin1String(cmd::takeOver))
            Q_EMIT tookOver(callId);
    } else {
        showMessage(tr("%1 refused: %2").arg(command, message), true);
    }
    refresh();
}

} // namespace ringside::ui
