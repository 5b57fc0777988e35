// NLU cost per utterance (docs/benchmarks.md, "NLU"). Run by hand:
//   build/bench/bench_nlu --benchmark_min_time=0.5
#include "engine/nlu/analyser.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace ringside;
using namespace ringside::nlu;

namespace {

struct Utterance
{
    const char *label;
    const char16_t *text;
};

// Typical turns of the shipped flows, in the three scripts, plus the worst case the cap allows.
const Utterance kUtterances[] = {
    {"en_yes", u"yeah sure, go ahead"},
    {"en_wismo", u"Hi, where is my order? It was supposed to come yesterday"},
    {"en_order_id", u"It's O R D four eight two nine one three"},
    {"en_phone", u"my number is nine eight four five double five one two three four"},
    {"en_not_received", u"It shows delivered but I didn't get it, I want to talk to a real person"},
    {"en_return", u"the shoes arrived broken, I want a refund to my original payment method"},
    {"hinglish_confirm", u"haan ji confirm kar do"},
    {"hinglish_cancel", u"nahi, cancel kar do, sasta mil gaya"},
    {"hinglish_reschedule", u"kal nahi, parson shaam ko bhej do"},
    {"deva_reschedule", u"कल नहीं, परसों शाम को भेज दो"},
    {"deva_order", u"मेरा ऑर्डर नंबर चार आठ दो नौ एक तीन है"},
};

const Analyser &analyser()
{
    // Built once for the whole run, outside every timed loop.
    static const std::optional<Analyser> a = [] {
        Result<Analyser> r = Analyser::builtin();
        if (!r) {
            std::fprintf(stderr, "built-in lexicon: %s\n", qPrintable(r.error()));
            std::exit(1);
        }
        return std::optional<Analyser>(std::move(r).value());
    }();
    return *a;
}

AnalysisContext context()
{
    AnalysisContext c;
    c.today = QDate(2026, 12, 24);
    c.items = {QStringLiteral("Running Shoes"), QStringLiteral("Cotton T-Shirt"), QStringLiteral("Steel Water Bottle")};
    return c;
}

void BM_Analyse(benchmark::State &state)
{
    const Utterance &u = kUtterances[state.range(0)];
    const QString text = QString::fromUtf16(u.text);
    const AnalysisContext ctx = context();
    const Analyser &a = analyser();
    for (auto _ : state) {
        Analysis r = a.analyse(text, ctx);
        benchmark::DoNotOptimize(r);
    }
    state.SetLabel(u.label);
}
BENCHMARK(BM_Analyse)->DenseRange(0, int(std::size(kUtterances)) - 1);

// 100 KB of input: only the first 2,000 characters are analysed.
void BM_AnalyseHostile100KB(benchmark::State &state)
{
    QString text;
    while (text.size() < 100 * 1024)
        text += QStringLiteral("haan nahi kal 482913 double five शाम \u0007 lorem ipsum ");
    const AnalysisContext ctx = context();
    const Analyser &a = analyser();
    for (auto _ : state) {
        Analysis r = a.analyse(text, ctx);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_AnalyseHostile100KB);

void BM_Normalise(benchmark::State &state)
{
    const QString text = QString::fromUtf16(kUtterances[7].text);
    const Analyser &a = analyser();
    for (auto _ : state) {
        NormalisedText t = a.normalise(text);
        benchmark::DoNotOptimize(t);
    }
}
BENCHMARK(BM_Normalise);

void BM_YesNoOnly(benchmark::State &state)
{
    const QString text = QString::fromUtf16(kUtterances[6].text);
    const Analyser &a = analyser();
    for (auto _ : state) {
        YesNo y = a.yesNo(text);
        benchmark::DoNotOptimize(y);
    }
}
BENCHMARK(BM_YesNoOnly);

void BM_UniversalIntentOnly(benchmark::State &state)
{
    const QString text = QString::fromUtf16(kUtterances[4].text);
    const Analyser &a = analyser();
    for (auto _ : state) {
        IntentResult r = a.universalIntent(text);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_UniversalIntentOnly);

// Once per engine: parse and compile the built-in lexicons.
void BM_BuiltinLexiconLoad(benchmark::State &state)
{
    for (auto _ : state) {
        Result<Analyser> a = Analyser::builtin();
        benchmark::DoNotOptimize(a);
    }
}
BENCHMARK(BM_BuiltinLexiconLoad)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
