#pragma once
// What the telephony benchmarks share: the engine binary under test, a demo store, and a real
// `ringside-engine serve` process started on a free port with the stream secret its callers sign with.

#include "commerce/demostore.h"
#include "commerce/fixtureimporter.h"
#include "storage/database.h"
#include "util/clock.h"

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace ringside::bench {

inline const QString kBenchNow = QStringLiteral("2026-11-26T10:00:00+05:30");

// This build's engine, or RINGSIDE_ENGINE_BINARY (a saved "before" build, so before/after figures
// come from the same benchmark code under the same load).
inline QString engineBinary()
{
    const QString env = qEnvironmentVariable("RINGSIDE_ENGINE_BINARY");
    return env.isEmpty() ? QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine") : env;
}

// A demo store (one seed) written to `path`.
inline QString writeDemoDatabase(const QString &path)
{
    QString error;
    auto db = Database::open(path, &error);
    commerce::ImportOptions options;
    options.now = parseIso(kBenchNow);
    commerce::FixtureImporter(*db).importData(commerce::generateDemoStore(1, options.now), options);
    return path;
}

// Starts `serve` with `args` (after "serve"; add --port 0) and RINGSIDE_STREAM_SECRET=`streamSecret`;
// returns the port it listens on, or an empty string when it did not start.
inline QString startServe(QProcess &serve, const QStringList &args, const QByteArray &streamSecret)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RINGSIDE_STREAM_SECRET"), QString::fromLatin1(streamSecret));
    serve.setProcessEnvironment(env);
    serve.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    serve.start(engineBinary(), QStringList{ QStringLiteral("serve") } + args);
    QByteArray out;
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
    while (!listening.match(QString::fromUtf8(out)).hasMatch() && serve.state() != QProcess::NotRunning) {
        serve.waitForReadyRead(200);
        out += serve.readAllStandardOutput();
    }
    return listening.match(QString::fromUtf8(out)).captured(1);
}

} // namespace ringside::bench
