#pragma once

#include "speech/ttsengine.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace ringside {

// Settings of the Cartesia client that do not come from the agent (docs/speech-cloud.md).
struct CartesiaOptions
{
    QUrl bytesUrl = QUrl(QStringLiteral("https://api.cartesia.ai/tts/bytes"));
    QUrl websocketUrl = QUrl(QStringLiteral("wss://api.cartesia.ai/tts/websocket"));
    QString apiKey;                                   // CARTESIA_API_KEY
    QString version = QStringLiteral("2025-04-16");   // Cartesia-Version / cartesia_version
    QString model = QStringLiteral("sonic-2");        // model_id
    int requestTimeoutMs = 15000;
};

// Settings of the Azure Speech REST client that do not come from the agent.
struct AzureTtsOptions
{
    QUrl url;                 // empty: https://{region}.tts.speech.microsoft.com/cognitiveservices/v1
    QString region;           // AZURE_SPEECH_REGION
    QString key;              // AZURE_SPEECH_KEY, sent as Ocp-Apim-Subscription-Key
    int requestTimeoutMs = 15000;
};

// What a provider is asked to send and how to read it: a provider that cannot make the pipeline's
// rate or encoding sends the nearest it can and the engine converts (TtsAudioConverter).
struct CloudAudioFormat
{
    AudioEncoding encoding = AudioEncoding::Pcm16; // PCM16 little-endian or μ-law bytes
    int sampleRate = 16000;
};

// Cartesia: "pcm_mulaw" at 8 kHz for phones, otherwise "pcm_s16le" at the asked rate.
CloudAudioFormat cartesiaFormat(const TtsConfig &config);
// "en-US" → "en", "hi-IN" → "hi".
QString cartesiaLanguage(const QString &bcp47);
// The JSON body of /tts/bytes (contextId empty) or of one WebSocket request (with context_id and
// `continue`). generation_config.speed is sent on sonic-3 models only, the ones that take it.
QByteArray cartesiaRequestBody(const CartesiaOptions &options, const QString &transcript, const TtsConfig &config,
                               const QString &contextId = {}, bool continues = false);
// wss://…/tts/websocket?cartesia_version=…&api_key=… (browsers cannot set headers on a WebSocket).
QUrl cartesiaWebSocketUrl(const CartesiaOptions &options);
// One message from Cartesia's WebSocket: any field may be missing, null or of another type.
// False for what is not a JSON object, or has no context id.
struct CartesiaMessage
{
    QString type;        // "chunk", "done", "error", …
    QString contextId;
    QByteArray audio;    // chunk: the decoded data
    QString error;       // error: the server's text (or the whole message)
};
bool parseCartesiaMessage(const QByteArray &text, CartesiaMessage *out);
// Headers of /tts/bytes.
QList<QPair<QByteArray, QByteArray>> cartesiaHeaders(const CartesiaOptions &options);

// Azure: X-Microsoft-OutputFormat for the config and the audio that format carries.
QByteArray azureOutputFormat(const TtsConfig &config, CloudAudioFormat *format);
// SSML with the voice (ttsVoice, else the language's default neural voice), the language and a
// prosody rate from ttsConfig.speed (1.1 → "+10%", 0.9 → "-10%"); the text is XML-escaped.
QByteArray azureSsml(const TtsConfig &config, const QString &text);
QString azureDefaultVoice(const QString &language);
QUrl azureTtsUrl(const AzureTtsOptions &options);

// "HTTP 401: <body excerpt>" plus what to check, for a refused synthesis request.
QString describeTtsHttpError(const QString &provider, int status, const QByteArray &body);

} // namespace ringside
