#pragma once

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <functional>

namespace ringside {

// What the conversation is waiting for; a recognizer narrows its vocabulary accordingly.
enum class SttExpectation {
    General,          // anything the agent's domain covers
    DigitsAndLetters, // an order ID, phone number, PIN or tracking number
    YesNo,            // a confirmation
};

QString expectationName(SttExpectation e); // "general" | "digits_and_letters" | "yes_no"
bool parseExpectation(const QString &name, SttExpectation *out);

// One streaming recognition session's settings, taken from the agent's `language` and `sttConfig`.
struct SttConfig
{
    QString language = QStringLiteral("en-US");
    int sampleRate = 16000;          // of the audio passed to feed()
    bool interimResults = true;      // sttConfig.interimResults: deliver partial() while speaking
    int endpointingMs = 250;         // sttConfig.endpointing (cloud engines pass it on; the
                                     // embedded path ends turns in Endpointer instead)
    QStringList keywords;            // sttConfig.keywords, "word" or "word:boost" ("order:2")
    QStringList phrases;             // the playbook's expected caller phrases
    SttExpectation expectation = SttExpectation::General;
    // What an expected identifier looks like, so DigitsAndLetters can listen for exactly that:
    // letters and digits stand for themselves, '#' is any digit, '@' any letter, [2-9] a digit
    // class, '-' and spaces are ignored. E.g. an orderIdFormat "ORD-######", a phone "[2-9]#########".
    // Empty: up to four letters followed by any number of digits.
    QStringList identifierFormats;
};

// A keyword entry "order:2" split into word and boost (1 when absent). Deepgram also accepts
// negative boosts to suppress a word, so any number is kept; engines decide what it means.
struct Keyword
{
    QString text;
    double boost = 1.0;
};
// Parses sttConfig.keywords. Bad entries ("", "order:abc") are reported in *errors by
// index ("keywords[2]: boost 'abc' is not a number") and skipped; good ones are kept.
QList<Keyword> parseKeywords(const QStringList &entries, QStringList *errors = nullptr);

// Streaming speech-to-text. One instance per call (per audio stream).
//
// Threading: start/feed/finalize/setExpectation/stop are called from one thread (the call's
// speech thread). Callbacks may run on that thread (embedded engines call them from inside feed()
// or finalize()) or on a network thread (cloud engines); receivers must not assume either and
// must not call back into the engine from a callback.
class SttEngine
{
public:
    struct Callbacks
    {
        std::function<void(const QString &text)> partial;                   // interim, may change
        std::function<void(const QString &text, double confidence)> final;  // one per finalize()
        std::function<void(const QString &message)> error;
    };

    virtual ~SttEngine() = default;

    // Opens the stream. Returns false (and reports through callbacks.error as well) when the
    // language, rate or configuration cannot be served, e.g. "unsupported language: hi-IN …".
    virtual bool start(const SttConfig &config, Callbacks callbacks) = 0;
    // PCM16 mono at config.sampleRate, any frame size.
    virtual void feed(const std::int16_t *samples, std::size_t n) = 0;
    // The caller's turn ended (endpointing decided): deliver final() for what was heard since the
    // last finalize, even if empty (text "" with confidence 0). The stream stays open.
    virtual void finalize() = 0;
    // The conversation moved to a step that expects something else; applies from the next audio.
    virtual void setExpectation(SttExpectation expectation) = 0;
    // The caller has been silent for the ordinary endpointing while an ID may still be being read
    // out (the endpointer would wait its digit extension). An engine that can tell an unfinished
    // ID from words reads what it has so far and, if it was words, says so with a partial of them,
    // so the turn ends after the ordinary silence instead. It returns true when it wants no audio
    // until the caller speaks again (the next feed() continues the same turn). Default: false,
    // and the engine is fed as before.
    virtual bool judgePause() { return false; }
    // Closes the stream; no callbacks after it returns.
    virtual void stop() = 0;

    // "pocketsphinx", "deepgram", …, for logs and the console.
    virtual QString name() const = 0;
};

} // namespace ringside
