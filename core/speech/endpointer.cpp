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
    m_partialInsideSequence = partialExpectsMore(text);
    m_partialEndsInCompleteId = m_partialInsideSequence && partialEndsInCompleteId(text, m_config.identifierFormats);
}

// A lead-in with no digits yet counts too: "my order number is …" is followed by the number; so
// does a separator read out between the ID's parts ("o r d dash …").
bool Endpointer::partialExpectsMore(const QString &partial)
{
    static const QStringList moreFollows = {QStringLiteral("is"), QStringLiteral("it's"), QStringLiteral("number"),
                                            QStringLiteral("um"), QStringLiteral("uh"), QStringLiteral("dash"),
                                            QStringLiteral("hyphen")};
    const QString last = partial.section(QLatin1Char(' '), -1, -1, QString::SectionSkipEmpty).toLower();
    return endsInsideSequence(partial) || moreFollows.contains(last);
}

// True when the partial ends in a spelled run that matches one of `formats` and that no format
// could extend: the caller has read out a whole ID. A spoken "dash" inside it is not part of it.
bool Endpointer::partialEndsInCompleteId(const QString &partial, const QStringList &formats)
{
    if (formats.isEmpty() || !endsInsideSequence(partial))
        return false;
    QStringList words = partial.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    words.removeAll(QStringLiteral("dash"));
    words.removeAll(QStringLiteral("hyphen"));
    const QStringList runs = spelledRuns(words.join(QLatin1Char(' ')));
    const QString run = runs.isEmpty() ? QString() : runs.last();
    const bool complete = std::any_of(formats.begin(), formats.end(), [&run](const QString &f) { return runMatchesFormat(run, f); });
    const bool couldGrow = std::any_of(formats.begin(), formats.end(), [&run](const QString &f) { return runIsPrefixOfFormat(run, f); });
    return complete && !couldGrow;
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

bool Endpointer::pauseWorthJudging() const
{
    const int base = std::max(10, m_config.endpointingMs);
    const int judgeAfter = std::clamp(m_config.judgePauseAfterMs, 0, base);
    return m_inTurn && currentTimeoutMs() > base
        && double(m_position - m_lastActiveEnd) * 1000.0 / double(m_sampleRate) >= judgeAfter;
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
