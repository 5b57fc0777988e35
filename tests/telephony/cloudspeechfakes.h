#pragma once
// Google Speech-to-Text v2 (Chirp `recognize`) and Azure Speech REST synthesis as loopback fakes
// for gateway tests, on the scripted FakeHttpServer. They answer as the services do
// (docs/speech-cloud.md): Chirp a JSON `results` list per request, Azure the raw audio of the
// output format the request names (here 8 kHz μ-law). Either can "die": its server goes away and
// the next request finds nobody listening.

#include "fakehttpserver.h"

#include "speech/mulaw.h"

#include <QProcessEnvironment>
#include <QStringList>

#include <cmath>
#include <memory>
#include <vector>

namespace ringside::test {

class CloudSpeechFakes
{
public:
    CloudSpeechFakes()
    {
        // What the fake synthesizer "says": a 440 Hz tone, 0.4 s at 8 kHz, distinctive on the wire.
        for (int i = 0; i < 3200; ++i)
            azureSpeech.push_back(std::int16_t(9000.0 * std::sin(2.0 * M_PI * 440.0 * i / 8000.0)));
        azureMuLaw.resize(azureSpeech.size());
        muLawEncode(azureSpeech.data(), azureSpeech.size(), reinterpret_cast<std::uint8_t *>(azureMuLaw.data()));
        std::vector<std::int16_t> decoded(azureSpeech.size());
        muLawDecode(reinterpret_cast<const std::uint8_t *>(azureMuLaw.constData()), decoded.size(), decoded.data());
        azureSpeech = decoded; // what a caller gets back after the μ-law round trip
    }

    bool listen()
    {
        chirp = std::make_unique<fakes::FakeHttpServer>();
        azure = std::make_unique<fakes::FakeHttpServer>();
        if (!chirp->listen() || !azure->listen())
            return false;
        m_chirpUrl = chirp->url().toString();
        m_azureUrl = azure->url(QStringLiteral("/cognitiveservices/v1")).toString();
        chirp->setResponder([this](const fakes::RecordedRequest &) {
            if (chirpUnavailable > 0) {
                --chirpUnavailable;
                return fakes::ScriptedResponse::json(503, { { "error", { { "code", 503 }, { "message", "The service is currently unavailable." },
                                                                          { "status", "UNAVAILABLE" } } } });
            }
            nlohmann::json results = nlohmann::json::array();
            if (!transcripts.isEmpty()) {
                const QString text = transcripts.takeFirst();
                results.push_back({ { "alternatives", { { { "transcript", text.toStdString() }, { "confidence", 0.93 } } } },
                                    { "resultEndOffset", "1.400s" },
                                    { "languageCode", "hi-in" } });
            }
            return fakes::ScriptedResponse::json(200, { { "results", results }, { "metadata", { { "totalBilledDuration", "2s" } } } });
        });
        azure->setResponder([this](const fakes::RecordedRequest &) {
            fakes::ScriptedResponse r;
            r.status = 200;
            r.framing = fakes::ScriptedResponse::Framing::Chunked;
            r.withHeader("Content-Type", "audio/basic");
            const qsizetype half = azureMuLaw.size() / 2;
            r.withChunk(azureMuLaw.left(half)).withChunk(azureMuLaw.mid(half), 10);
            return r;
        });
        return true;
    }

    // The keys and endpoints `serve` reads, pointing at the fakes; `withChirp` false leaves the
    // Google keys out (the Hindi call then has no recognizer that can hear it).
    QProcessEnvironment environment(bool withChirp = true) const
    {
        QProcessEnvironment env;
        if (withChirp) {
            env.insert(QStringLiteral("GOOGLE_ACCESS_TOKEN"), QStringLiteral("ya29.fake-token"));
            env.insert(QStringLiteral("GOOGLE_CLOUD_PROJECT"), QStringLiteral("ringside-test"));
            env.insert(QStringLiteral("GOOGLE_SPEECH_LOCATION"), QStringLiteral("asia-south1"));
            env.insert(QStringLiteral("RINGSIDE_GOOGLE_SPEECH_URL"), m_chirpUrl);
        }
        env.insert(QStringLiteral("AZURE_SPEECH_KEY"), QStringLiteral("fake-azure-key"));
        env.insert(QStringLiteral("AZURE_SPEECH_REGION"), QStringLiteral("centralindia"));
        env.insert(QStringLiteral("RINGSIDE_AZURE_TTS_URL"), m_azureUrl);
        return env;
    }

    // The service stops answering: its listening socket closes and later connections are refused.
    void killChirp() { chirp.reset(); }
    void killAzure() { azure.reset(); }

    // The SSML bodies Azure was sent, in order.
    QStringList azureTexts() const
    {
        QStringList texts;
        if (azure) {
            for (const fakes::RecordedRequest &r : azure->requests())
                texts << QString::fromUtf8(r.body);
        }
        return texts;
    }

    std::unique_ptr<fakes::FakeHttpServer> chirp;
    std::unique_ptr<fakes::FakeHttpServer> azure;
    QStringList transcripts;               // what Chirp hears, one per request (then nothing)
    int chirpUnavailable = 0;              // the next this many Chirp requests answer 503 UNAVAILABLE
    std::vector<std::int16_t> azureSpeech; // the fake's audio as the caller should receive it
    QByteArray azureMuLaw;

private:
    QString m_chirpUrl;
    QString m_azureUrl;
};

// Whether `heard` contains `window` samples of `speech` in a row, exactly.
inline bool containsRun(const std::vector<std::int16_t> &heard, const std::vector<std::int16_t> &speech, std::size_t window = 400)
{
    if (speech.size() < window || heard.size() < window)
        return false;
    const auto it = std::search(heard.begin(), heard.end(), speech.begin() + 800, speech.begin() + 800 + std::ptrdiff_t(window));
    return it != heard.end();
}

} // namespace ringside::test
