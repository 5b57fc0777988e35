#include "speech/cloud/cloudttsrequest.h"

#include "util/remotejson.h"

#include <nlohmann/json.hpp>

#include <QUrlQuery>

#include <cmath>

namespace ringside {

using json = nlohmann::json;

CloudAudioFormat cartesiaFormat(const TtsConfig &config)
{
    if (config.encoding == AudioEncoding::MuLaw && config.sampleRate == 8000)
        return { AudioEncoding::MuLaw, 8000 };
    return { AudioEncoding::Pcm16, config.sampleRate };
}

QString cartesiaLanguage(const QString &bcp47)
{
    return bcp47.section(QLatin1Char('-'), 0, 0).toLower();
}

QByteArray cartesiaRequestBody(const CartesiaOptions &options, const QString &transcript, const TtsConfig &config,
                               const QString &contextId, bool continues)
{
    const CloudAudioFormat f = cartesiaFormat(config);
    json body = {
        { "model_id", options.model.toStdString() },
        { "transcript", transcript.toStdString() },
        { "voice", { { "mode", "id" }, { "id", config.voice.toStdString() } } },
        { "output_format",
          { { "container", "raw" }, { "encoding", f.encoding == AudioEncoding::MuLaw ? "pcm_mulaw" : "pcm_s16le" },
            { "sample_rate", f.sampleRate } } },
        { "language", cartesiaLanguage(config.language).toStdString() },
    };
    if (options.model.startsWith(QLatin1String("sonic-3")))
        body["generation_config"] = { { "speed", config.speed } };
    if (!contextId.isEmpty()) {
        body["context_id"] = contextId.toStdString();
        body["continue"] = continues;
    }
    return QByteArray::fromStdString(body.dump());
}

QUrl cartesiaWebSocketUrl(const CartesiaOptions &options)
{
    QUrl url = options.websocketUrl;
    QUrlQuery q(url);
    q.addQueryItem(QStringLiteral("cartesia_version"), options.version);
    q.addQueryItem(QStringLiteral("api_key"), options.apiKey);
    url.setQuery(q);
    return url;
}

QList<QPair<QByteArray, QByteArray>> cartesiaHeaders(const CartesiaOptions &options)
{
    return { { "Cartesia-Version", options.version.toUtf8() },
             { "Authorization", "Bearer " + options.apiKey.toUtf8() },
             { "Content-Type", "application/json" } };
}

QByteArray azureOutputFormat(const TtsConfig &config, CloudAudioFormat *format)
{
    // Phones (8 kHz) get μ-law at the source; everything else 16 kHz PCM, resampled if needed.
    if (config.sampleRate == 8000) {
        *format = { AudioEncoding::MuLaw, 8000 };
        return "raw-8khz-8bit-mono-mulaw";
    }
    *format = { AudioEncoding::Pcm16, 16000 };
    return "raw-16khz-16bit-mono-pcm";
}

QString azureDefaultVoice(const QString &language)
{
    if (language.startsWith(QLatin1String("hi"), Qt::CaseInsensitive))
        return QStringLiteral("hi-IN-SwaraNeural");
    if (language.compare(QLatin1String("en-IN"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("en-IN-NeerjaNeural");
    if (language.compare(QLatin1String("en-GB"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("en-GB-SoniaNeural");
    return QStringLiteral("en-US-JennyNeural");
}

QByteArray azureSsml(const TtsConfig &config, const QString &text)
{
    const QString voice = config.voice.isEmpty() ? azureDefaultVoice(config.language) : config.voice;
    const int percent = int(std::lround((config.speed - 1.0) * 100.0));
    const QString rate = (percent >= 0 ? QStringLiteral("+%1%") : QStringLiteral("%1%")).arg(percent);
    return QStringLiteral("<speak version='1.0' xml:lang='%1'><voice name='%2'><prosody rate='%3'>%4</prosody></voice></speak>")
            .arg(config.language.toHtmlEscaped(), voice.toHtmlEscaped(), rate, text.toHtmlEscaped())
            .toUtf8();
}

QUrl azureTtsUrl(const AzureTtsOptions &options)
{
    if (!options.url.isEmpty())
        return options.url;
    return QUrl(QStringLiteral("https://%1.tts.speech.microsoft.com/cognitiveservices/v1").arg(options.region));
}

QString describeTtsHttpError(const QString &provider, int status, const QByteArray &body)
{
    QString hint;
    if (status == 401 || status == 403)
        hint = QStringLiteral(" — check the API key");
    else if (status == 400)
        hint = QStringLiteral(" — check ttsVoice, the language and ttsConfig.speed");
    else if (status == 429)
        hint = QStringLiteral(" — rate limited or out of quota");
    const QString excerpt = QString::fromUtf8(body.left(200)).simplified();
    return QStringLiteral("%1: HTTP %2%3%4").arg(provider).arg(status).arg(excerpt.isEmpty() ? QString() : QStringLiteral(": ") + excerpt, hint);
}

bool parseCartesiaMessage(const QByteArray &text, CartesiaMessage *out)
{
    *out = CartesiaMessage();
    const json m = parseRemoteJson(text);
    if (!m.is_object())
        return false;
    out->contextId = stringAt(m, "context_id");
    if (out->contextId.isEmpty())
        return false;
    out->type = stringAt(m, "type");
    if (out->type == QLatin1String("chunk"))
        out->audio = QByteArray::fromBase64(stringAt(m, "data").toLatin1());
    else if (out->type == QLatin1String("error"))
        out->error = stringAt(m, "error", QString::fromStdString(m.dump(-1, ' ', false, json::error_handler_t::replace)).left(300));
    return true;
}

} // namespace ringside
