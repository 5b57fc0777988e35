#include "speech/cloud/deepgramrequest.h"

#include "util/remotejson.h"

#include <QList>
#include <QPair>

namespace ringside {

bool deepgramUsesKeyterm(const QString &model)
{
    return model.trimmed().toLower().startsWith(QLatin1String("nova-3"));
}

QString deepgramLanguage(const QString &bcp47, const QString &override)
{
    if (!override.trimmed().isEmpty())
        return override.trimmed();
    const QString primary = bcp47.section(QLatin1Char('-'), 0, 0).trimmed().toLower();
    return primary.isEmpty() ? QStringLiteral("en") : primary;
}

QUrl deepgramListenUrl(const DeepgramOptions &options, const SttConfig &config, QStringList *warnings)
{
    const QString model = options.model.trimmed().isEmpty() ? QStringLiteral("nova-3") : options.model.trimmed();
    QList<QPair<QByteArray, QString>> items;
    auto add = [&items](const char *key, const QString &value) { items.append({QByteArray(key), value}); };
    auto flag = [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); };
    add("model", model);
    add("encoding", QStringLiteral("linear16"));
    add("sample_rate", QString::number(config.sampleRate));
    add("channels", QStringLiteral("1"));
    add("language", deepgramLanguage(config.language, options.language));
    add("interim_results", flag(config.interimResults));
    // The agent's 0 means "end at the first pause"; Deepgram reads 0 oddly, its own default is 10 ms.
    add("endpointing", QString::number(qMax(10, config.endpointingMs)));
    if (config.interimResults) // UtteranceEnd needs interim results
        add("utterance_end_ms", QString::number(qMax(1000, options.utteranceEndMs)));
    if (options.vadEvents)
        add("vad_events", flag(true));
    if (options.smartFormat)
        add("smart_format", flag(true));

    QStringList problems;
    const QList<Keyword> keywords = parseKeywords(config.keywords, &problems);
    const bool keyterm = deepgramUsesKeyterm(model);
    for (const Keyword &k : keywords) {
        if (keyterm) {
            if (k.boost < 0) {
                problems << QStringLiteral("keyword '%1': %2 cannot suppress words (negative boost); left out")
                                .arg(k.text, model);
                continue;
            }
            add("keyterm", k.text);
        } else {
            add("keywords", k.text + QLatin1Char(':') + QString::number(k.boost, 'g', 6));
        }
    }
    if (warnings)
        *warnings << problems;

    // Encoded by hand: QUrlQuery would leave '+' as is, which servers read as a space.
    QByteArray query = options.url.query(QUrl::FullyEncoded).toUtf8();
    for (const auto &[key, value] : items) {
        if (!query.isEmpty())
            query += '&';
        query += key + '=' + QUrl::toPercentEncoding(value);
    }
    QUrl url = options.url;
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

bool parseDeepgramMessage(const QByteArray &text, DeepgramMessage *out)
{
    *out = DeepgramMessage();
    const json j = parseRemoteJson(text);
    if (!j.is_object())
        return false;
    out->type = stringAt(j, "type");
    const json &alternatives = arrayAt(objectAt(j, "channel"), "alternatives");
    if (!alternatives.empty() && alternatives.front().is_object()) {
        const json &alt = alternatives.front();
        out->transcript = stringAt(alt, "transcript").trimmed();
        out->confidence = numberAt(alt, "confidence");
    }
    out->isFinal = boolAt(j, "is_final");
    out->speechFinal = boolAt(j, "speech_final");
    out->fromFinalize = boolAt(j, "from_finalize");
    out->error = stringAt(j, "description", stringAt(j, "message", QStringLiteral("unspecified")));
    return true;
}

} // namespace ringside
