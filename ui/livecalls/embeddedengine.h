#pragma once

#include "monitorclient.h"

#include "util/clock.h"

#include <QHash>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QThread>

#include <memory>

namespace ringside::ui {

// The console's own engine: a telephony Gateway and its GatewayServer (GatewayRuntime) on a
// thread of their own, bound to 127.0.0.1 on a free port and guarded by a fresh random token,
// so the Live Calls workspace watches it through the same /monitor feed as a remote engine.
// Phones (or the stand-in caller) reach it on the same port: /twilio/media, /exotel/media.
class EmbeddedEngine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString databasePath;            // the console's database (its own connection, WAL)
        QString agentsFolder;            // the user's agents; empty: shipped agents only
        bool speechRecognition = true;   // false: text-only calls (tests, text injection)
        bool allowTextInjection = false; // accept {"event":"ringside.text"} on media streams
        int workers = 0;                 // engine threads; 0: one per core
        int escalationSlaMs = 120000;
        Clock clock;
        QString operatorName;            // who this console's token signs in as; empty: $USER
        QStringList otherOperators;      // colleagues on this machine who get tokens of their own
        // Cloud speech and LLM keys and endpoints the calls use: the process environment plus the
        // keys kept in the keychain (loadProviderEnvironment).
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    explicit EmbeddedEngine(QObject *parent = nullptr);
    // Ends the calls politely (a short goodbye) and stops the thread.
    ~EmbeddedEngine() override;

    // Starts it in the background: started() or failed() follows.
    void start(const Options &options);
    // Ends every call, then stops; blocks until the engine thread is done (at most a few seconds).
    void stop();

    bool isRunning() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    // ws://127.0.0.1:PORT/monitor with the token.
    MonitorEndpoint endpoint() const { return m_endpoint; }
    // The token of one of Options::otherOperators (empty for anyone else).
    QString operatorToken(const QString &name) const { return m_otherTokens.value(name); }
    // What callers sign their stream parameters with (RINGSIDE_STREAM_SECRET when set, else made
    // up for this run): the stand-in caller and loadgen need it to reach this engine.
    QByteArray streamSecret() const { return m_streamSecret; }

Q_SIGNALS:
    void started(const ringside::ui::MonitorEndpoint &endpoint);
    void failed(const QString &error);

private:
    class Host;
    QThread m_thread;
    Host *m_host = nullptr; // lives on m_thread
    quint16 m_port = 0;
    MonitorEndpoint m_endpoint;
    QHash<QString, QString> m_otherTokens;
    QByteArray m_streamSecret;
};

} // namespace ringside::ui
