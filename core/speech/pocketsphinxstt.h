#pragma once

#include "speech/pocketsphinxmodel.h"
#include "speech/resampler.h"
#include "speech/sttengine.h"

#include <QStringList>

#include <memory>
#include <vector>

struct ps_decoder_s;

namespace ringside {

// Embedded, offline speech recognition with pocketsphinx, adapted to the agent: its searches are
// built per stream by DomainLanguageModel (general / yes-no trigram models and an identifier
// grammar), and setExpectation() switches between them at the next utterance.
//
// One decoder per stream: pocketsphinx decoders are not thread-safe, so each call owns its own
// and drives it from one thread. Decoding runs inside feed(), so partial() and final() are called
// synchronously from feed() and finalize(). Audio at any rate is resampled to 16 kHz.
//
// English only. start() with any other language (e.g. hi-IN) fails with an "unsupported language"
// error that says to use typed input or a cloud provider, rather than producing wrong words.
class PocketsphinxStt final : public SttEngine
{
public:
    explicit PocketsphinxStt(std::shared_ptr<const PocketsphinxModel> model);
    ~PocketsphinxStt() override;

    bool start(const SttConfig &config, Callbacks callbacks) override;
    void feed(const std::int16_t *samples, std::size_t n) override;
    void finalize() override;
    void setExpectation(SttExpectation expectation) override;
    bool judgePause() override;
    void stop() override;
    QString name() const override { return QStringLiteral("pocketsphinx"); }

    // Why start() would refuse `config` without building anything ("unsupported language: …"),
    // or "" — for PooledStt, which starts the stream on its pool.
    static QString configProblem(const SttConfig &config);

    // Problems with the configuration that did not stop the stream (unknown keyword words, …).
    QStringList warnings() const { return m_warnings; }
    // Partial hypotheses are looked up at most this often (ms of audio); default 100.
    void setPartialIntervalMs(int ms) { m_partialIntervalMs = ms; }

private:
    bool fail(const QString &message);
    void processAt16k(const std::int16_t *samples, std::size_t n);
    void resumeAfterPause();
    QString finalText(double *confidence);
    void addLineNoise(std::vector<std::int16_t> &samples);
    void applyExpectation();
    QString redecodeWithGeneralModel(bool *spanned = nullptr);
    QString chooseIdentifierOrWords(const QString &grammarText);
    bool matchesIdentifierFormat(const QString &text) const;
    void seedMeanFromHeldAudio();
    void saveTurnMean();
    void restoreTurnMean();
    QString decodeIdentifierSpan(const QString &text);

    std::shared_ptr<const PocketsphinxModel> m_model;
    ps_decoder_s *m_decoder = nullptr;
    SttConfig m_config;
    Callbacks m_callbacks;
    Resampler m_resampler;
    std::vector<std::int16_t> m_scratch;
    std::vector<std::int16_t> m_utterance; // this utterance at 16 kHz, for a second decoding
    QStringList m_warnings;
    SttExpectation m_pendingExpectation = SttExpectation::General;
    SttExpectation m_activeExpectation = SttExpectation::General; // the search decoding now
    bool m_inUtterance = false;
    std::int64_t m_samplesSincePartial = 0;
    int m_partialIntervalMs = 100;
    QString m_lastPartial;
    std::uint32_t m_noiseState = 12345u;
    bool m_meanSeeded = false;
    // judgePause() ended the decoding to read the turn so far: its reading waits for finalize(),
    // or the next feed() decodes the held turn again and goes on.
    bool m_paused = false;
    // The live cepstral mean as the turn began (restored when the turn goes on after a pause).
    std::vector<float> m_turnMean;
    std::vector<float> m_turnMeanSum;
    std::int32_t m_turnMeanFrames = 0;
    QString m_pausedText;
    double m_pausedConfidence = 0.0;
};

} // namespace ringside
