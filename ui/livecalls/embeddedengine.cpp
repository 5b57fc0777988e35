#include "embeddedengine.h"

#include "storage/database.h"
#include "telephony/gatewayruntime.h"

#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>

namespace ringside::ui {

// Owns everything the engine thread runs; created, used and destroyed on that thread.
class EmbeddedEngine::Host : public QObject
{
public:
    std::unique_ptr<Database> db;
    std::shared_ptr<telephony::GatewayRuntime> runtime;

    // Returns the port, or 0 with *error.
    quint16 start(const Options &o, const QList<telephony::OperatorCredential> &operators, const QByteArray &streamSecret, QString *error)
    {
        db = Database::open(o.databasePath, error);
        if (!db)
            return 0;
        telephony::GatewayConfig config;
        config.workers = o.workers;
        config.speechRecognition = o.speechRecognition;
        config.allowTextInjection = o.allowTextInjection;
        config.operators = operators;
        config.streamSecret = streamSecret;
        config.agentsFolder = o.agentsFolder;
        config.escalationSlaMs = o.escalationSlaMs;
        config.shutdownGraceMs = 2000; // the console is closing: short goodbyes
        config.clock = o.clock;
        config.environment = o.environment;
        auto created = telephony::GatewayRuntime::create(*db, std::move(config));
        if (!created.ok()) {
            *error = created.error();
            db.reset();
            return 0;
        }
        runtime = std::move(created).value();
        const quint16 port = runtime->listen(QHostAddress::LocalHost, 0, error);
        if (port == 0) {
            runtime.reset();
            db.reset();
        }
        return port;
    }

    // Polite: each call hears a goodbye and its record is written before the runtime goes.
    void shutdown()
    {
        if (!runtime)
            return;
        runtime->server().stopListening();
        QEventLoop loop;
        bool done = false;
        runtime->gateway().shutdown([&] {
            done = true;
            loop.quit();
        });
        if (!done)
            loop.exec();
        runtime.reset();
        db.reset();
    }
};

EmbeddedEngine::EmbeddedEngine(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("embedded-engine"));
    m_host = new Host;
    m_host->moveToThread(&m_thread);
    m_thread.start();
}

EmbeddedEngine::~EmbeddedEngine()
{
    stop();
    Host *host = m_host;
    QMetaObject::invokeMethod(m_host, [host] { delete host; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

namespace {

// 24 random bytes, hex: other programs on this machine cannot guess it.
QString randomToken()
{
    QByteArray secret(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), secret.size() / 4);
    return QString::fromLatin1(secret.toHex());
}

} // namespace

void EmbeddedEngine::start(const Options &options)
{
    // This console signs in with a fresh token, as the operator it names; other programs on the
    // machine cannot watch or steer the calls.
    QString name = options.operatorName.trimmed();
    if (name.isEmpty())
        name = qEnvironmentVariable("USER").trimmed();
    if (name.isEmpty())
        name = QStringLiteral("operator");
    const QString token = randomToken();
    QList<telephony::OperatorCredential> operators{ telephony::OperatorCredential::fromToken(name, token) };
    QHash<QString, QString> others;
    for (const QString &other : options.otherOperators) {
        const QString t = randomToken();
        others.insert(other, t);
        operators.append(telephony::OperatorCredential::fromToken(other, t));
    }
    QByteArray streamSecret = qgetenv("RINGSIDE_STREAM_SECRET");
    if (streamSecret.isEmpty())
        streamSecret = randomToken().toLatin1();
    Host *host = m_host;
    QMetaObject::invokeMethod(m_host, [this, host, options, operators, streamSecret, token, name, others] {
        QString error;
        const quint16 port = host->start(options, operators, streamSecret, &error);
        QMetaObject::invokeMethod(this, [this, port, token, name, others, streamSecret, error] {
            if (port == 0) {
                Q_EMIT failed(error);
                return;
            }
            m_port = port;
            m_endpoint.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/monitor").arg(port));
            m_endpoint.token = token;
            m_endpoint.operatorName = name;
            m_otherTokens = others;
            m_streamSecret = streamSecret;
            Q_EMIT started(m_endpoint);
        });
    });
}

void EmbeddedEngine::stop()
{
    Host *host = m_host;
    QMetaObject::invokeMethod(m_host, [host] { host->shutdown(); }, Qt::BlockingQueuedConnection);
    m_port = 0;
    m_endpoint = {};
    m_otherTokens.clear();
    m_streamSecret.clear();
}

} // namespace ringside::ui
