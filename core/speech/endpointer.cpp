#include "speech/endpointer.h"

#include "speech/identifierformat.h"
#include "speech/spokentext.h"

#include <algorithm>
#include <cmath>

namespace ringside {

QString turnEndReasonName(TurnEndReason reason)
{
    switch (reason) {
    case TurnEndReason::Silence: return QStringLiteral("silence");
    case TurnEndReason::DigitSilence: return QStringLiteral("digit_silence");
    case TurnEndReason::TurnCap: return QStringLiteral("turn_cap");
    }
    return QStringLiteral("silence");
}

void Endpointer::init(const EndpointerConfig &config, int sampleRate)
{
    m_config = config;
    m_sampleRate = sampleRate;
    reset();
}

void Endpointer::reset()
{
    m_inTurn = false;
    m_cappedInSpeech = false;
    m_partialInsideSequence = false;
    m_partialEndsInCompleteId = false;
    m_position = 0;
    m_turnStart = 0;
    m_lastActiveEnd = 0;
}

void Endpointer::setPartialTranscript(const QString &text)
{
    // A lead-in with no digits yet counts too: "my order number is …" is followed by the number.
    static const QStringList leadInEnds = {QStringLiteral("is"), QStringLiteral("it's"), QStringLiteral("number"),
                                           QStringLiteral("um"), QStringLiteral("uh")};
    const QString last = text.section(QLatin1Char(' '), -1, -1, QString::SectionSkipEmpty).toLower();
    m_partialInsideSequence = endsInsideSequence(text) || leadInEnds.contains(last);
    m_partialEndsInCompleteId = false;
    if (m_partialInsideSequence && !m_config.identifierFormats.isEmpty() && endsInsideSequence(text)) {
        const QStringList runs = spelledRuns(text);
        const QString run = runs.isEmpty() ? QString() : runs.last();
        const auto &formats = m_config.identifierFormats;
        const bool complete = std::any_of(formats.begin(), formats.end(), [&run](const QString &f) { return runMatchesFormat(run, f); });
        const bool couldGrow = std::any_of(formats.begin(), formats.end(), [&run](const QString &f) { return runIsPrefixOfFormat(run, f); });
        m_partialEndsInCompleteId = complete && !couldGrow;
    }
}

int Endpointer::currentTimeoutMs() const
{
    const int base = std::max(10, m_config.endpointingMs);
    if (m_expectation == SttExpectation::DigitsAndLetters && m_partialInsideSequence && !m_partialEndsInCompleteId) {
        const int extended = int(std::lround(base * m_config.digitExtensionFactor));
        return std::max(base, std::min(extended, m_config.digitExtensionMaxMs));
    }
    return base;
}

Endpointer::Event Endpointer::process(const VadDecision &vad, std::size_t samples)
{
    Event e;
    const std::int64_t frameStart = m_position;
    m_position += std::int64_t(samples);
    e.decisionSample = m_position;

    if (!m_inTurn) {
        // After a cap the VAD may still be in speech (hold music): the next loud frame opens a new
        // turn, so the conversation keeps getting turns instead of waiting for the music to stop.
        const bool resume = m_cappedInSpeech && vad.speech && vad.active;
        if (!vad.speech)
            m_cappedInSpeech = false;
        if (!vad.started && !resume)
            return e;
        m_cappedInSpeech = false;
        m_inTurn = true;
        m_partialInsideSequence = false;
        m_partialEndsInCompleteId = false;
        // The onset run's first frame is where the caller started talking.
        m_turnStart = std::max<std::int64_t>(0, frameStart - std::int64_t(std::max(0, vad.onsetRunFrames - 1)) * std::int64_t(samples));
        m_lastActiveEnd = m_position;
        e.kind = Event::Kind::TurnStarted;
        e.speechStartSample = m_turnStart;
        return e;
    }

    if (vad.active)
        m_lastActiveEnd = m_position;
    const auto ms = [this](std::int64_t samples) { return double(samples) * 1000.0 / double(m_sampleRate); };
    const int timeout = currentTimeoutMs();
    const bool silent = ms(m_position - m_lastActiveEnd) >= timeout;
    const bool capped = m_config.maxTurnMs > 0 && ms(m_position - m_turnStart) >= m_config.maxTurnMs;
    if (!silent && !capped)
        return e;
    e.kind = Event::Kind::TurnEnded;
    e.reason = silent ? (timeout > std::max(10, m_config.endpointingMs) ? TurnEndReason::DigitSilence : TurnEndReason::Silence)
                      : TurnEndReason::TurnCap;
    e.speechStartSample = m_turnStart;
    e.speechEndSample = capped && !silent ? m_position : m_lastActiveEnd;
    m_cappedInSpeech = e.reason == TurnEndReason::TurnCap && vad.speech;
    m_inTurn = false;
    m_partialInsideSequence = false;
    m_partialEndsInCompleteId = false;
    return e;
}

} // namespace ringside
