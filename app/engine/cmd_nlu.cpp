// ringside-engine nlu [TEXT...]: what the playbook brain's NLU understands, one JSON line per
// utterance. Lets designers try lexicon additions and playbook intents before a call does.
#include "cliutil.h"

#include "engine/nlu/analyser.h"

#include <QFile>
#include <QTextStream>

#include <optional>

namespace ringside::cli {

namespace {

// Reads a JSON file; prints "OPTION FILE: problem" and returns nullopt on failure.
std::optional<json> readJsonFile(const QString &option, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err(QStringLiteral("nlu: --%1 %2: %3").arg(option, path, file.errorString()));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    json value = json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (value.is_discarded()) {
        err(QStringLiteral("nlu: --%1 %2: not valid JSON").arg(option, path));
        return std::nullopt;
    }
    return value;
}

} // namespace

int runNlu(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Analyses each TEXT (or each line of standard input when no TEXT is given) with the playbook brain's NLU\n"
        "and prints one JSON object per line: language, yes/no, intents, order ID, phone, date, time slot,\n"
        "quantity, reasons, refund method, address and item (docs/nlu.md).\n"
        "Exit status: 0 on success, 2 on a usage error or a bad --lexicon / --intents / --order-format."));
    parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("Utterances to analyse."), QStringLiteral("[TEXT...]"));
    const QCommandLineOption past(QStringLiteral("past"),
                                  QStringLiteral("Read 'kal', 'parson', bare weekdays and dates without a year as past."));
    const QCommandLineOption monthFirst(QStringLiteral("month-first"), QStringLiteral("Read 05/06 as 6 May, not 5 June."));
    const QCommandLineOption orderFormat(QStringLiteral("order-format"),
                                         QStringLiteral("Order ID example or template (default ORD-XXXXXX)."), QStringLiteral("EXAMPLE"));
    const QCommandLineOption country(QStringLiteral("country"),
                                     QStringLiteral("Country for phone numbers given without a code (default IN)."), QStringLiteral("CC"));
    const QCommandLineOption item(QStringLiteral("item"), QStringLiteral("An item name to match (repeat for more)."), QStringLiteral("NAME"));
    const QCommandLineOption lexicon(QStringLiteral("lexicon"),
                                     QStringLiteral("A lexicon addition (JSON, same shape as resources/nlu/*.json)."), QStringLiteral("FILE"));
    const QCommandLineOption intents(QStringLiteral("intents"),
                                     QStringLiteral("Playbook intents (JSON array of intent objects)."), QStringLiteral("FILE"));
    const QCommandLineOption pretty(QStringLiteral("pretty"), QStringLiteral("Indent the JSON."));
    parser.addOptions({nowOption(), past, monthFirst, orderFormat, country, item, lexicon, intents, pretty});
    int exitCode = Ok;
    if (!parse(parser, args, &exitCode))
        return exitCode;

    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;
    Result<nlu::Analyser> analyser = nlu::Analyser::builtin();
    if (!analyser) {
        err(QStringLiteral("nlu: %1").arg(analyser.error()));
        return Failed;
    }
    if (parser.isSet(lexicon)) {
        const std::optional<json> extra = readJsonFile(QStringLiteral("lexicon"), parser.value(lexicon));
        if (!extra)
            return Usage;
        Result<nlu::Analyser> extended = analyser->extended(*extra);
        if (!extended) {
            err(QStringLiteral("nlu: --lexicon %1: %2").arg(parser.value(lexicon), extended.error()));
            return Usage;
        }
        analyser = std::move(extended);
    }
    std::optional<nlu::IntentMatcher> playbook;
    if (parser.isSet(intents)) {
        const std::optional<json> list = readJsonFile(QStringLiteral("intents"), parser.value(intents));
        if (!list)
            return Usage;
        Result<nlu::IntentMatcher> m = analyser->compileIntents(*list);
        if (!m) {
            err(QStringLiteral("nlu: --intents %1: %2").arg(parser.value(intents), m.error()));
            return Usage;
        }
        playbook.emplace(std::move(m).value());
    }

    nlu::AnalysisContext context;
    context.today = clock.now().date();
    context.direction = parser.isSet(past) ? nlu::TimeDirection::Past : nlu::TimeDirection::Future;
    context.dayFirst = !parser.isSet(monthFirst);
    context.items = parser.values(item);
    context.intents = playbook ? &*playbook : nullptr;
    if (parser.isSet(country))
        context.defaultCountry = parser.value(country).toUpper();
    if (parser.isSet(orderFormat)) {
        const Result<nlu::OrderIdPattern> p = nlu::OrderIdPattern::fromExample(parser.value(orderFormat));
        if (!p) {
            err(QStringLiteral("nlu: --order-format: %1").arg(p.error()));
            return Usage;
        }
        context.orderId = p.value();
    }

    const auto analyse = [&](const QString &text) {
        json line = json::object();
        line["text"] = text;
        line.update(analyser->analyse(text, context).toJson());
        outJson(line, parser.isSet(pretty));
    };
    const QStringList texts = parser.positionalArguments().mid(1); // the first one is "nlu"
    if (!texts.isEmpty()) {
        for (const QString &t : texts)
            analyse(t);
        return Ok;
    }
    QTextStream in(stdin);
    in.setEncoding(QStringConverter::Utf8);
    QString line;
    while (in.readLineInto(&line))
        analyse(line);
    return Ok;
}

} // namespace ringside::cli
