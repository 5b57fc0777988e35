// What the UI thread pays for a busy engine in Live Calls: one 100 ms feed batch from N active calls
// (each call's state touched and its caller partial replaced, every tenth call a new agent line)
// applied to the calls table and transcripts with views attached and repainted offscreen —
// batched (one dataChanged per batch) against one update per event.
#include "livecalls/callsmodel.h"
#include "livecalls/transcriptmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QListView>
#include <QTableView>

#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

using namespace ringside;
using namespace ringside::ui;

namespace {

struct Fixture
{
    explicit Fixture(int calls)
    {
        std::vector<LiveCallRow> rows;
        for (int i = 0; i < calls; ++i) {
            LiveCallRow r;
            r.callId = QStringLiteral("CA%1").arg(i);
            r.agent = QStringLiteral("Order Tracker");
            r.phone = QStringLiteral("+9198765%1").arg(i, 5, 10, QLatin1Char('0'));
            r.direction = QStringLiteral("inbound");
            r.language = QStringLiteral("en-IN");
            r.state = QStringLiteral("active");
            r.startedAtMs = QDateTime::currentMSecsSinceEpoch() - 1000 * i;
            rows.push_back(r);
            ids.push_back(r.callId);
            transcripts.push_back(std::make_unique<TranscriptModel>(r.callId));
        }
        model.reset(std::move(rows));
        table.setModel(&model);
        table.resize(1000, 700);
        table.show();
        list.setModel(transcripts.front().get());
        list.resize(500, 700);
        list.show();
        QApplication::processEvents();
    }

    void events(int call, int round)
    {
        transcripts[std::size_t(call)]->apply({ { "type", "user_partial" }, { "text", QStringLiteral("where is my order %1").arg(round) } });
        if (call % 10 == 0)
            transcripts[std::size_t(call)]->apply({ { "type", "agent" }, { "text", "Let me check that for you" } });
    }

    CallsModel model;
    QTableView table;
    QListView list;
    QStringList ids;
    std::vector<std::unique_ptr<TranscriptModel>> transcripts;
};

void BM_LiveCallsBatch(benchmark::State &state)
{
    Fixture f(int(state.range(0)));
    int round = 0;
    for (auto _ : state) {
        ++round;
        f.model.beginBatch();
        for (int i = 0; i < f.ids.size(); ++i) {
            f.model.setState(f.ids[i], round % 2 ? QStringLiteral("active") : QStringLiteral("taken_over"), QStringLiteral("asha"));
            f.events(i, round);
        }
        f.model.endBatch();
        f.model.tick();
        QApplication::processEvents(); // the views repaint
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LiveCallsBatch)->Arg(50)->Arg(200)->Arg(500)->Unit(benchmark::kMillisecond);

void BM_LiveCallsPerEvent(benchmark::State &state)
{
    Fixture f(int(state.range(0)));
    int round = 0;
    for (auto _ : state) {
        ++round;
        for (int i = 0; i < f.ids.size(); ++i) {
            // Outside a batch every change is its own dataChanged, and the view repaints after each.
            f.model.setState(f.ids[i], round % 2 ? QStringLiteral("active") : QStringLiteral("taken_over"), QStringLiteral("asha"));
            f.events(i, round);
            QApplication::processEvents();
        }
        f.model.tick();
        QApplication::processEvents();
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LiveCallsPerEvent)->Arg(200)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
