#pragma once
// Running ringside-engine as a user would, with the provider environment of a test: the fake
// Twilio's base URL and credentials, and the gateway's public URL.

#include "util/jsonqt.h"

#include <QProcess>
#include <QTest>

namespace ringside::test {

inline const QString kEngine = QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine");
inline const QString kAccount = QStringLiteral("ACtest0000000000000000000000000000");
inline const QString kToken = QStringLiteral("s3cret-token");
inline const QString kPublicUrl = QStringLiteral("https://voice.example.com");

struct EngineRun
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
    json outJson() const { return json::parse(out.toStdString(), nullptr, false); }
};

inline QProcessEnvironment engineEnvironment(const QString &twilioBase, const QHash<QString, QString> &extra = {})
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_API_BASE", "EXOTEL_ACCOUNT_SID",
                              "EXOTEL_API_KEY", "EXOTEL_API_TOKEN", "EXOTEL_API_BASE", "RINGSIDE_PUBLIC_URL", "RINGSIDE_CAMPAIGNS_CRASH_AT" })
        e.remove(QLatin1String(name));
    if (!twilioBase.isEmpty()) {
        e.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), kAccount);
        e.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), kToken);
        e.insert(QStringLiteral("TWILIO_FROM_NUMBER"), QStringLiteral("+14155550100"));
        e.insert(QStringLiteral("TWILIO_API_BASE"), twilioBase);
        e.insert(QStringLiteral("RINGSIDE_PUBLIC_URL"), kPublicUrl);
    }
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        e.insert(it.key(), it.value());
    return e;
}

// Runs without blocking the event loop, so fakes in this process can answer.
inline EngineRun runEngine(const QStringList &args, const QString &twilioBase = QString(), const QHash<QString, QString> &extra = {},
                           int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(engineEnvironment(twilioBase, extra));
    p.start(kEngine, args);
    (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    EngineRun r;
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace ringside::test
