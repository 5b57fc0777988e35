#pragma once
// A real gateway for tests: the demo store (seed 1, around a fixed "now") in a temporary SQLite
// file, a GatewayRuntime listening on 127.0.0.1 (a free port), stand-in Twilio/Exotel callers and
// console clients on /monitor that record every message.

#include "analytics/callrecordstore.h"
#include "commerce/demostore.h"
#include "commerce/fixtureimporter.h"
#include "storage/database.h"
#include "telephony/gatewayruntime.h"
#include "telephony/standincaller.h"
#include "util/clock.h"
#include "util/jsonqt.h"

#include <QNetworkRequest>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <vector>

namespace ringside::test {

inline const QString kNow = QStringLiteral("2026-11-26T10:00:00+05:30");
// What the fixture's gateway signs stream parameters with, and the Basic credential Exotel presents.
inline const QByteArray kStreamSecret = QByteArrayLiteral("fixture-stream-secret");
inline const QString kExotelCredentials = QStringLiteral("exotel-key:exotel-token");

// A console on /monitor: keeps every text message as JSON, counts binary frames.
class MonitorClient : public QObject
{
public:
    explicit MonitorClient(QObject *parent = nullptr) : QObject(parent)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &t) {
            messages.push_back(json::parse(t.toStdString(), nullptr, false));
        });
        connect(&socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &frame) {
            ++binaryFrames;
            lastBinary = frame;
        });
    }

    bool open(const QUrl &url, const QByteArray &authorization = {})
    {
        QNetworkRequest request(url);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        socket.open(request);
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState || socket.state() == QAbstractSocket::UnconnectedState; }, 5000)
               && socket.state() == QAbstractSocket::ConnectedState;
    }

    // Sends a command with a fresh id and returns the id.
    QString send(json command)
    {
        const QString id = QStringLiteral("c%1").arg(++m_nextId);
        command["id"] = id;
        socket.sendTextMessage(QString::fromStdString(command.dump()));
        return id;
    }

    // The first message from index `from` on that satisfies `pred` (waiting up to `ms`), or null.
    json waitFor(const std::function<bool(const json &)> &pred, int ms = 5000, std::size_t from = 0)
    {
        json found;
        (void)QTest::qWaitFor(
                [&] {
                    for (std::size_t i = from; i < messages.size(); ++i) {
                        if (pred(messages[i])) {
                            found = messages[i];
                            return true;
                        }
                    }
                    return false;
                },
                ms);
        return found;
    }
    json waitForType(const std::string &type, int ms = 5000, std::size_t from = 0)
    {
        return waitFor([&](const json &m) { return m.value("type", std::string()) == type; }, ms, from);
    }
    // A call event of `type` for `callId` ({"type":"call_event","event":{"type":..}}).
    json waitForEvent(const QString &callId, const std::string &type, int ms = 5000, std::size_t from = 0)
    {
        return waitFor(
                [&](const json &m) {
                    return m.value("type", std::string()) == "call_event" && stringAt(m, "call_id") == callId
                           && m.value("event", json::object()).value("type", std::string()) == type;
                },
                ms, from);
    }
    // The ack or error answering command `id`.
    json reply(const QString &id, int ms = 5000)
    {
        return waitFor([&](const json &m) { return stringAt(m, "id") == id; }, ms);
    }
    int count(const std::function<bool(const json &)> &pred, std::size_t from = 0) const
    {
        int n = 0;
        for (std::size_t i = from; i < messages.size(); ++i)
            n += pred(messages[i]) ? 1 : 0;
        return n;
    }

    QWebSocket socket;
    std::vector<json> messages;
    int binaryFrames = 0;
    QByteArray lastBinary;

private:
    int m_nextId = 0;
};

class GatewayFixture
{
public:
    // `tune` adjusts the configuration before the gateway starts.
    explicit GatewayFixture(const std::function<void(telephony::GatewayConfig &)> &tune = {}, bool speechRecognition = false)
    {
        const QDateTime now = parseIso(kNow);
        QString problem;
        db = Database::open(dir.filePath(QStringLiteral("gateway.db")), &problem);
        if (!db) {
            error = problem;
            return;
        }
        commerce::ImportOptions options;
        options.now = now;
        const auto report = commerce::FixtureImporter(*db).importData(commerce::generateDemoStore(1, now), options);
        if (!report.ok) {
            error = report.errors.join(QStringLiteral("; "));
            return;
        }
        telephony::GatewayConfig config;
        config.workers = 2;
        config.clock = Clock(now);
        config.speechRecognition = speechRecognition;
        config.allowTextInjection = true;
        config.shutdownGraceMs = 1000;
        config.streamSecret = kStreamSecret;
        config.exotelCredentials = kExotelCredentials;
        config.environment = QProcessEnvironment(); // no provider keys from the developer's shell
        if (tune)
            tune(config);
        auto created = telephony::GatewayRuntime::create(*db, config);
        if (!created.ok()) {
            error = created.error();
            return;
        }
        runtime = created.value();
        port = runtime->listen(QHostAddress::LocalHost, 0, &problem);
        if (port == 0)
            error = problem;
    }

    ~GatewayFixture()
    {
        callers.clear();
        runtime.reset();
    }

    bool ok() const { return error.isEmpty(); }
    telephony::Gateway &gateway() { return runtime->gateway(); }

    QUrl url(const QString &scheme, const QString &pathAndQuery) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(port).arg(pathAndQuery));
    }

    // A stand-in caller, dialled: it signs its parameters with the gateway's secret (as the
    // gateway's own TwiML would) and presents Exotel's credentials.
    telephony::StandInCaller *dial(const QString &sid, telephony::MediaProtocol protocol = telephony::MediaProtocol::Twilio,
                                   const QHash<QString, QString> &parameters = {}, const QString &from = QStringLiteral("+919812345678"))
    {
        telephony::StandInCaller::Config c;
        c.protocol = protocol;
        c.url = url(QStringLiteral("ws"), protocol == telephony::MediaProtocol::Twilio ? QStringLiteral("/twilio/media") : QStringLiteral("/exotel/media"));
        c.streamSid = QStringLiteral("MZ") + sid;
        c.callSid = QStringLiteral("CA") + sid;
        c.from = from;
        c.to = QStringLiteral("+918000000000");
        c.customParameters = parameters;
        c.streamSecret = kStreamSecret;
        if (protocol == telephony::MediaProtocol::Exotel)
            c.authorization = "Basic " + kExotelCredentials.toUtf8().toBase64();
        auto caller = std::make_unique<telephony::StandInCaller>(c);
        caller->dial(true);
        telephony::StandInCaller *raw = caller.get();
        callers.push_back(std::move(caller));
        return raw;
    }

    // The call record with this id, read back from SQLite.
    std::optional<analytics::CallRecord> record(const QString &id)
    {
        analytics::CallRecordStore store(*db);
        return store.byId(id);
    }

    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::shared_ptr<telephony::GatewayRuntime> runtime;
    quint16 port = 0;
    QString error;
    std::vector<std::unique_ptr<telephony::StandInCaller>> callers;
};

inline bool isCallEvent(const json &m, const QString &callId, const std::string &type)
{
    return m.value("type", std::string()) == "call_event" && stringAt(m, "call_id") == callId
           && m.value("event", json::object()).value("type", std::string()) == type;
}

} // namespace ringside::test
