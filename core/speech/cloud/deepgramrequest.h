#pragma once

#include "speech/sttengine.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace ringside {

// Settings of the Deepgram live client that do not come from the agent (keys and endpoints come
// from the environment through the speech factory; tests point `url` at a loopback fake).
struct DeepgramOptions
{
    QUrl url = QUrl(QStringLiteral("wss://api.deepgram.com/v1/listen"));
    QString apiKey;                 // DEEPGRAM_API_KEY, sent as "Authorization: Token <key>"
    QString model = QStringLiteral("nova-3"); // the agent's sttModel; empty → nova-3
    QString language;               // empty: derived from the agent's language (see deepgramLanguage)
    int keepAliveMs = 4000;         // KeepAlive after this long without audio (the server gives up at 10 s)
    int finalizeTimeoutMs = 500;    // longest wait for Deepgram's answer to Finalize
    int utteranceEndMs = 1000;      // utterance_end_ms (Deepgram's minimum is 1000)
    int connectTimeoutMs = 5000;
    int maxBufferedMs = 5000;       // audio kept while the socket is still opening
    bool smartFormat = true;        // smart_format: digits as digits ("order 12345")
    bool vadEvents = true;          // vad_events: SpeechStarted messages
};

// Nova-3 boosts with `keyterm` (no intensifier); Nova-2 and older with `keywords=word:boost`.
bool deepgramUsesKeyterm(const QString &model);

// "en-US" → "en", "hi-IN" → "hi": Deepgram's language parameter from a BCP 47 tag (the primary
// subtag). `override` (RINGSIDE_DEEPGRAM_LANGUAGE, e.g. "multi" for Hindi-English code
// switching on nova-3) wins when set.
QString deepgramLanguage(const QString &bcp47, const QString &override = {});

// The listen URL with every query parameter for this stream. Keywords Deepgram cannot take for
// the model (negative boosts on nova-3) and bad entries are left out and described in *warnings.
QUrl deepgramListenUrl(const DeepgramOptions &options, const SttConfig &config, QStringList *warnings = nullptr);

// One message from Deepgram's live socket, read without trusting any field's presence or type
// (docs: Results, UtteranceEnd, SpeechStarted, Metadata, Error). False for what is not a JSON
// object at all.
struct DeepgramMessage
{
    QString type;             // "Results", "UtteranceEnd", "Error", …
    QString transcript;       // Results: the first alternative, trimmed
    double confidence = 0.0;
    bool isFinal = false;
    bool speechFinal = false;
    bool fromFinalize = false;
    QString error;            // Error: the description (or message)
};
bool parseDeepgramMessage(const QByteArray &text, DeepgramMessage *out);

} // namespace ringside
