#include "speech/cloud/cloudttsengines.h"

#include "speech/cloud/httptts.h"

namespace ringside {

std::unique_ptr<TtsEngine> makeCartesiaBytesTts(const CartesiaOptions &options)
{
    auto build = [options](const QString &sentence, const TtsConfig &config, HttpTtsRequest *request, QString *error) {
        if (config.voice.isEmpty()) {
            *error = QStringLiteral("ttsVoice: a Cartesia voice id (UUID) is required");
            return false;
        }
        request->url = options.bytesUrl;
        request->headers = cartesiaHeaders(options);
        request->body = cartesiaRequestBody(options, sentence, config);
        request->format = cartesiaFormat(config);
        return true;
    };
    return std::make_unique<HttpTts>(QStringLiteral("cartesia"), build, options.requestTimeoutMs);
}

std::unique_ptr<TtsEngine> makeAzureTts(const AzureTtsOptions &options)
{
    auto build = [options](const QString &sentence, const TtsConfig &config, HttpTtsRequest *request, QString *) {
        request->url = azureTtsUrl(options);
        request->headers = { { "Ocp-Apim-Subscription-Key", options.key.toUtf8() },
                             { "Content-Type", "application/ssml+xml" },
                             { "X-Microsoft-OutputFormat", azureOutputFormat(config, &request->format) },
                             { "User-Agent", "ringside" } };
        request->body = azureSsml(config, sentence);
        return true;
    };
    return std::make_unique<HttpTts>(QStringLiteral("azure"), build, options.requestTimeoutMs);
}

} // namespace ringside
