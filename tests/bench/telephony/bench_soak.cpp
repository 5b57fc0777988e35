// Soak: does a gateway that carries hundreds of calls for a long time give back what each call
// took? A real `ringside-engine serve` process (text calls, recognizer off) and, in this process,
// N stand-in Twilio callers that each talk for a while (typed turns whenever the agent has gone
// quiet), hang up, and are replaced by a new caller at once — so N calls stay live and thousands
// come and go. Every 10 s serve's resident memory (VmRSS, and its anonymous part RssAnon), open file
// descriptors, the TTS reply cache's size and the media WebSockets serve holds (/metrics) are sampled.
// Flat means: the mean over the last minute is within ±5 % of the mean over an earlier minute
// (the second, after the ramp; and the fifth, once the TTS reply cache has filled); "RSS less
// cache" drift tells growth of the cache (bounded, 64 MB) from growth of anything else.
//   BM_Soak/N/S   N concurrent calls for S seconds (each call 20–40 s); 150/240 is a short look
// Run: build/bench/bench_soak   (docs/benchmarks.md; ten minutes)
#include "benchserve.h"
#include "metricstext.h"
#include "telephony/standincaller.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <algorithm>
#include <vector>

using namespace ringside;

namespace {

const QByteArray kStreamSecret = QByteArrayLiteral("soak-stream-secret");

struct Sample
{
    qint64 atMs = 0;
    double rssMb = 0;
    double anonMb = 0; // RssAnon: heap and stacks (RssFile, mapped libraries and data, is the rest)
    double cacheMb = -1; // the TTS reply cache's audio, from serve's /metrics (-1: no answer)
    double rssLessCacheMb = -1;
    double mediaConnections = -1; // ringside_media_connections: provider WebSockets serve holds
    int fds = 0;
};

using test::metricValue;

Sample sampleProcess(qint64 pid, qint64 atMs)
{
    Sample s;
    s.atMs = atMs;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                s.rssMb = line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
            else if (line.startsWith("RssAnon:"))
                s.anonMb = line.mid(8).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    s.fds = int(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
    return s;
}

// One live caller: talks until its time is up, then hangs up.
struct Call
{
    std::unique_ptr<telephony::StandInCaller> phone;
    qint64 endAtNs = 0;
    qint64 lastTurnNs = 0;
    int turn = 0;
    bool hungUp = false;
};

// The mean of one sampled quantity over [fromMs, toMs); negative values (not measured) are left out.
template<typename Field>
double meanOver(const std::vector<Sample> &samples, qint64 fromMs, qint64 toMs, Field Sample::*field)
{
    double sum = 0;
    int n = 0;
    for (const Sample &s : samples) {
        if (s.atMs >= fromMs && s.atMs < toMs && double(s.*field) >= 0) {
            sum += double(s.*field);
            ++n;
        }
    }
    return n ? sum / n : 0;
}

void BM_Soak(benchmark::State &state)
{
    const int calls = int(state.range(0));
    const int seconds = int(state.range(1));
    for (auto _ : state) {
        QTemporaryDir dir;
        QProcess serve;
        const QString port = bench::startServe(
                serve,
                { QStringLiteral("--db"), bench::writeDemoDatabase(dir.filePath(QStringLiteral("soak.db"))), QStringLiteral("--port"),
                  QStringLiteral("0"), QStringLiteral("--now"), bench::kBenchNow, QStringLiteral("--no-stt"), QStringLiteral("--allow-text"),
                  QStringLiteral("--max-calls"), QString::number(calls + 50) },
                kStreamSecret);
        if (port.isEmpty()) {
            state.SkipWithError("serve did not start");
            return;
        }
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(port));
        // Turns that keep the conversation going (a thank-you would let the agent end the call early).
        const QStringList turns = { QStringLiteral("where is my order"), QStringLiteral("my order number is O R D 4 8 2 9 1 3"),
                                    QStringLiteral("when will it arrive") };
        std::vector<std::unique_ptr<Call>> live;
        std::vector<std::unique_ptr<Call>> ending; // hung up, waiting for the close
        std::vector<Sample> samples;
        qint64 dialled = 0;
        qint64 answered = 0;
        qint64 refused = 0;
        const qint64 startNs = telephony::StandInCaller::nowNs();
        auto dial = [&] {
            auto c = std::make_unique<Call>();
            telephony::StandInCaller::Config config;
            config.url = url;
            config.streamSid = QStringLiteral("MZsoak%1").arg(++dialled);
            config.callSid = QStringLiteral("CAsoak%1").arg(dialled);
            config.from = QStringLiteral("+9198%1").arg(10000000 + dialled % 90000000, 8, 10, QLatin1Char('0'));
            config.to = QStringLiteral("+918000000000");
            config.streamSecret = kStreamSecret;
            c->phone = std::make_unique<telephony::StandInCaller>(config);
            const qint64 now = telephony::StandInCaller::nowNs();
            c->endAtNs = now + qint64(20 + QRandomGenerator::global()->bounded(21)) * 1'000'000'000;
            c->lastTurnNs = now;
            c->phone->dial(false);
            live.push_back(std::move(c));
        };
        QTimer clock;
        clock.setTimerType(Qt::PreciseTimer);
        clock.setInterval(10);
        QEventLoop loop;
        QObject::connect(&clock, &QTimer::timeout, [&] {
            const qint64 now = telephony::StandInCaller::nowNs();
            for (auto it = live.begin(); it != live.end();) {
                Call &c = **it;
                c.phone->tick(now);
                const bool over = now >= c.endAtNs;
                if (over || (!c.phone->isOpen() && now - c.lastTurnNs > 5'000'000'000)) {
                    answered += c.phone->stats().answered ? 1 : 0;
                    refused += c.phone->stats().answered ? 0 : 1;
                    c.phone->hangUp();
                    ending.push_back(std::move(*it));
                    it = live.erase(it);
                    continue;
                }
                if (c.phone->isOpen() && !c.phone->agentActive(now, 700) && now - c.lastTurnNs > 1'500'000'000) {
                    c.phone->sayText(turns.at(c.turn++ % turns.size()));
                    c.lastTurnNs = now;
                }
                ++it;
            }
            // Replace the callers who hung up, one per tick (100 a second at most), as calls arrive.
            if (int(live.size()) < calls)
                dial();
            ending.erase(std::remove_if(ending.begin(), ending.end(), [](const std::unique_ptr<Call> &c) { return !c->phone->isOpen(); }),
                         ending.end());
            if (now - startNs >= qint64(seconds) * 1'000'000'000)
                loop.quit();
        });
        QTimer sampler;
        sampler.setInterval(10000);
        QNetworkAccessManager http;
        const QUrl metricsUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port));
        QObject::connect(&sampler, &QTimer::timeout, [&] {
            samples.push_back(sampleProcess(serve.processId(), (telephony::StandInCaller::nowNs() - startNs) / 1'000'000));
            // The cache's size arrives a moment later; it goes with the sample just taken.
            QNetworkReply *reply = http.get(QNetworkRequest(metricsUrl));
            const std::size_t index = samples.size() - 1;
            QObject::connect(reply, &QNetworkReply::finished, reply, [&samples, reply, index] {
                reply->deleteLater();
                const QByteArray body = reply->readAll();
                const double bytes = metricValue(body, "ringside_tts_cache_bytes");
                if (bytes < 0)
                    return;
                Sample &s = samples[index];
                s.mediaConnections = metricValue(body, "ringside_media_connections");
                s.cacheMb = bytes / 1048576.0;
                s.rssLessCacheMb = s.rssMb - s.cacheMb;
            });
        });
        clock.start();
        sampler.start();
        loop.exec();
        qint64 answeredAtEnd = 0;
        for (auto &c : live) {
            answeredAtEnd += c->phone->stats().answered ? 1 : 0;
            c->phone->hangUp();
        }
        serve.terminate();
        serve.waitForFinished(20000);

        // Every answered call must have left its record (SIGTERM lets the live ones finish theirs).
        qint64 records = 0;
        qint64 recordsOpen = 0;
        {
            QString error;
            auto db = Database::open(dir.filePath(QStringLiteral("soak.db")), &error);
            QSqlQuery q(db->connection());
            if (q.exec(QStringLiteral("SELECT count(*), sum(CASE WHEN outcome = 'in_progress' THEN 1 ELSE 0 END) FROM call_records "
                                      "WHERE channel = 'twilio'"))
                && q.next()) {
                records = q.value(0).toLongLong();
                recordsOpen = q.value(1).toLongLong();
            }
        }

        // Minute 2 is the first after the ramp; by minute 5 the gateway's TTS reply cache (64 MB at
        // most) has filled with the replies' variations. Both are compared with the last minute.
        const qint64 endMs = qint64(seconds) * 1000;
        const double rssMin2 = meanOver(samples, 60000, 120000, &Sample::rssMb);
        const double rssMin5 = meanOver(samples, 240000, 300000, &Sample::rssMb);
        const double rssLate = meanOver(samples, endMs - 60000, endMs + 1, &Sample::rssMb);
        const double lessMin2 = meanOver(samples, 60000, 120000, &Sample::rssLessCacheMb);
        const double lessLate = meanOver(samples, endMs - 60000, endMs + 1, &Sample::rssLessCacheMb);
        const double anonMin2 = meanOver(samples, 60000, 120000, &Sample::anonMb);
        const double anonLate = meanOver(samples, endMs - 60000, endMs + 1, &Sample::anonMb);
        const double cacheLate = meanOver(samples, endMs - 60000, endMs + 1, &Sample::cacheMb);
        const double fdsMin2 = meanOver(samples, 60000, 120000, &Sample::fds);
        const double fdsLate = meanOver(samples, endMs - 60000, endMs + 1, &Sample::fds);
        auto drift = [](double from, double to) { return from > 0 ? 100.0 * (to - from) / from : 0.0; };
        state.counters["calls_dialled"] = double(dialled);
        state.counters["calls_answered"] = double(answered);
        state.counters["calls_unanswered"] = double(refused);
        state.counters["records"] = double(records);
        state.counters["records_still_open"] = double(recordsOpen);
        state.counters["records_missing"] = double(std::max<qint64>(0, answered + answeredAtEnd - records));
        state.counters["rss_min2_mb"] = rssMin2;
        state.counters["rss_min5_mb"] = rssMin5;
        state.counters["rss_last_mb"] = rssLate;
        state.counters["rss_drift_from_min2_pct"] = drift(rssMin2, rssLate);
        state.counters["rss_drift_from_min5_pct"] = drift(rssMin5, rssLate);
        state.counters["rss_less_cache_drift_from_min2_pct"] = drift(lessMin2, lessLate);
        state.counters["anon_min2_mb"] = anonMin2;
        state.counters["anon_last_mb"] = anonLate;
        state.counters["tts_cache_last_mb"] = cacheLate;
        state.counters["media_connections_last"] = meanOver(samples, endMs - 60000, endMs + 1, &Sample::mediaConnections);
        state.counters["fds_min2"] = fdsMin2;
        state.counters["fds_last"] = fdsLate;
        state.counters["fds_drift_pct"] = drift(fdsMin2, fdsLate);
        state.counters["samples_without_cache_size"] =
                double(std::count_if(samples.begin(), samples.end(), [](const Sample &s) { return s.cacheMb < 0; }));
        // The whole series, for docs/benchmarks.md.
        QString series;
        for (const Sample &s : samples)
            series += QStringLiteral("%1s %2MB (anon %3, cache %4) %5fd %6ws; ")
                              .arg(s.atMs / 1000)
                              .arg(s.rssMb, 0, 'f', 1)
                              .arg(s.anonMb, 0, 'f', 1)
                              .arg(s.cacheMb, 0, 'f', 1)
                              .arg(s.fds)
                              .arg(s.mediaConnections);
        state.SetLabel(series.toStdString());
    }
}

} // namespace

// The soak; and a short one (150 calls, four minutes) for looking into a change.
BENCHMARK(BM_Soak)->Args({ 500, 600 })->Args({ 150, 240 })->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
