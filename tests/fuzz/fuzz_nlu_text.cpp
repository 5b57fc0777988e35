// What a caller says (recognized or typed): the NLU reads every turn.
#include "fuzzinput.h"

#include "engine/nlu/analyser.h"

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const nlu::Analyser analyser = fuzz::required(nlu::Analyser::builtin(), "the built-in NLU lexicon");
    nlu::AnalysisContext context;
    context.today = QDate(2026, 11, 26);
    context.dayFirst = (size & 1) != 0;
    (void)analyser.analyse(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)), context);
    return 0;
}
