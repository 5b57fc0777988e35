#include "speech/pocketsphinxstt.h"

#include "speech/domainlanguagemodel.h"
#include "speech/identifierformat.h"
#include "speech/speechtr.h"
#include "speech/spokentext.h"

#include <QFile>
#include <QTemporaryDir>

#include <pocketsphinx.h>
#include <sphinxbase/cmn.h>
#include <sphinxbase/fe.h>
#include <sphinxbase/feat.h>
#include <sphinxbase/jsgf.h>

#include <algorithm>
#include <type_traits>

namespace ringside {

namespace {
constexpr int kMaxRedecodeSeconds = 20; // longer turns are not kept for a second decoding
// How much of the call's first speech is held to compute the line's cepstral mean.
constexpr std::size_t kSeedSamples = 16000 * 8 / 10;
// A first pass often hears a word in the middle of a spelled ID ("seven seven want to zero four").
constexpr std::size_t kMaxGapWords = 2;
// How many words before the first pass's run may still be the ID's start (its "o" heard in "it's").
constexpr std::size_t kMaxWordsBefore = 2;
// While an ID is expected, up to this many other words around it are a lead-in ("my phone number
// is"), which the identifier grammar itself allows; more make a sentence, read by the span pass.
constexpr qsizetype kLeadInWords = 4;

const char *searchName(SttExpectation e)
{
    switch (e) {
    case SttExpectation::General: return "general";
    case SttExpectation::DigitsAndLetters: return "identifier";
    case SttExpectation::YesNo: return "yes_no";
    }
    return "general";
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// What ps_set_jsgf_string does, without its leak: Debian 12's pocketsphinx (5prealpha) never frees
// the grammar it parses there (~35 KB per decoder, found by LeakSanitizer); its
// ps_set_jsgf_file does free it, with these same steps.
int setGrammarSearch(ps_decoder_t *decoder, const char *name, const char *grammar)
{
    jsgf_t *jsgf = jsgf_parse_string(grammar, nullptr);
    if (!jsgf)
        return -1;
    int result = -1;
    if (jsgf_rule_t *rule = jsgf_get_public_rule(jsgf)) {
        const auto weight = float32(cmd_ln_float_r(ps_get_config(decoder), "-lw"));
        if (fsg_model_t *fsg = jsgf_build_fsg(jsgf, rule, ps_get_logmath(decoder), weight)) {
            result = ps_set_fsg(decoder, name, fsg); // the search keeps its own reference
            fsg_model_free(fsg);
        }
    }
    jsgf_grammar_free(jsgf);
    return result;
}
} // namespace

PocketsphinxStt::PocketsphinxStt(std::shared_ptr<const PocketsphinxModel> model)
    : m_model(std::move(model))
{
}

PocketsphinxStt::~PocketsphinxStt()
{
    stop();
}

bool PocketsphinxStt::fail(const QString &message)
{
    if (m_callbacks.error)
        m_callbacks.error(message);
    return false;
}

bool PocketsphinxStt::start(const SttConfig &config, Callbacks callbacks)
{
    stop();
    m_config = config;
    m_callbacks = std::move(callbacks);
    m_warnings.clear();
    if (!m_model)
        return fail(QStringLiteral("pocketsphinx: no model loaded"));
    if (const QString problem = configProblem(config); !problem.isEmpty())
        return fail(problem);
    QString error;
    if (!m_resampler.init(config.sampleRate, 16000, 5, &error))
        return fail(QStringLiteral("sampleRate: %1").arg(error));

    const PocketsphinxModel &model = *m_model;
    DomainLanguageModel domain(config, [&model](const QString &w) { return model.contains(w); });
    m_warnings = domain.warnings();

    // The decoder reads its dictionary and models from files; they are only needed during setup.
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("pocketsphinx: cannot create a temporary folder (%1)").arg(dir.errorString()));
    const QString dictPath = dir.filePath(QStringLiteral("domain.dict"));
    const QString generalPath = dir.filePath(QStringLiteral("general.arpa"));
    const QString yesNoPath = dir.filePath(QStringLiteral("yes_no.arpa"));
    if (!writeFile(dictPath, model.dictionaryFor(domain.vocabulary())) || !writeFile(generalPath, domain.general().toArpa())
        || !writeFile(yesNoPath, domain.yesNo().toArpa()))
        return fail(QStringLiteral("pocketsphinx: cannot write the domain model to %1").arg(dir.path()));

    const QByteArray hmm = model.acousticModelPath().toUtf8();
    const QByteArray dict = dictPath.toUtf8();
    // Tuned on espeak-ng speech across voices, speeds, noise and 8 kHz (docs/speech.md): a small
    // domain model earns a heavier language weight in all three passes and fewer inserted words;
    // pocketsphinx's own silence removal clipped word onsets ("nine" heard as "one") and the
    // pipeline's VAD already trims silence; its noise subtraction is worth keeping (60% → 97% in
    // white noise). No flat-lexicon second pass: it ran over the whole utterance when the turn
    // ended (150 ms per turn measured in tst_speech_idsentences, 13 ms without) for no accuracy
    // that tst_speech_sttaccuracy could measure; the lattice's best path still runs.
    QList<QByteArray> args = {"-hmm", hmm, "-dict", dict, "-fwdflat", "no", "-bestpath", "yes", "-lw", "14",
                              "-bestpathlw", "14", "-wip", "0.2", "-remove_noise", "yes", "-remove_silence", "no"};
    std::vector<char *> argv;
    argv.push_back(const_cast<char *>("ringside"));
    for (QByteArray &a : args)
        argv.push_back(a.data());
    cmd_ln_t *lnConfig = cmd_ln_parse_r(nullptr, ps_args(), int(argv.size()), argv.data(), TRUE);
    if (!lnConfig)
        return fail(QStringLiteral("pocketsphinx: invalid decoder configuration"));
    m_decoder = ps_init(lnConfig);
    cmd_ln_free_r(lnConfig); // the decoder keeps its own reference
    if (!m_decoder)
        return fail(QStringLiteral("pocketsphinx: cannot load the acoustic model from %1").arg(model.acousticModelPath()));

    const QByteArray grammar = domain.identifierGrammar().toUtf8();
    const QByteArray spanGrammar = domain.identifierGrammar(true).toUtf8();
    if (ps_set_lm_file(m_decoder, "general", generalPath.toUtf8().constData()) < 0
        || ps_set_lm_file(m_decoder, "yes_no", yesNoPath.toUtf8().constData()) < 0
        || setGrammarSearch(m_decoder, "identifier", grammar.constData()) < 0
        || setGrammarSearch(m_decoder, "identifier_span", spanGrammar.constData()) < 0) {
        stop();
        return fail(QStringLiteral("pocketsphinx: the generated domain model was rejected"));
    }
    m_meanSeeded = false;
    m_pendingExpectation = config.expectation;
    applyExpectation();
    m_scratch.reserve(m_resampler.maxOutput(std::size_t(config.sampleRate) / 10));
    m_utterance.reserve(std::size_t(16000) * kMaxRedecodeSeconds);
    return true;
}

QString PocketsphinxStt::configProblem(const SttConfig &config)
{
    if (!PocketsphinxModel::supportsLanguage(config.language))
        return SpeechTr::tr("unsupported language: %1 has no embedded speech recognizer; "
                            "use typed input or a cloud provider (Google or Deepgram)")
                .arg(config.language);
    return {};
}

void PocketsphinxStt::applyExpectation()
{
    if (m_decoder && !m_inUtterance && ps_set_search(m_decoder, searchName(m_pendingExpectation)) >= 0)
        m_activeExpectation = m_pendingExpectation;
}

void PocketsphinxStt::setExpectation(SttExpectation expectation)
{
    m_pendingExpectation = expectation;
    applyExpectation(); // otherwise at the start of the next utterance
}

void PocketsphinxStt::feed(const std::int16_t *samples, std::size_t n)
{
    if (!m_decoder || n == 0)
        return;
    if (m_paused)
        resumeAfterPause();
    m_scratch.clear();
    if (m_resampler.inRate() == 16000)
        m_scratch.assign(samples, samples + n);
    else
        m_resampler.process(samples, n, m_scratch);
    addLineNoise(m_scratch);
    processAt16k(m_scratch.data(), m_scratch.size());
}

// Pocketsphinx's live cepstral mean and noise tracking go wrong on digital silence (exact zeros
// from TTS, a muted line, μ-law 0xFF): measured on espeak-ng speech padded with zeros, "that is
// expensive" was recognized 1 time in 3. A noise floor like a real line's (about -56 dBFS) fixes
// it and is far below any speech.
void PocketsphinxStt::addLineNoise(std::vector<std::int16_t> &samples)
{
    for (std::int16_t &x : samples) {
        // Sum of two uniform values: a cheap, roughly bell-shaped noise of ±96.
        m_noiseState = m_noiseState * 1664525u + 1013904223u;
        const int a = int(m_noiseState >> 25) - 64;
        m_noiseState = m_noiseState * 1664525u + 1013904223u;
        const int b = int(m_noiseState >> 26) - 32;
        x = std::int16_t(std::clamp(int(x) + a + b, -32768, 32767));
    }
}

void PocketsphinxStt::processAt16k(const std::int16_t *samples, std::size_t n)
{
    if (!m_inUtterance) {
        applyExpectation();
        if (ps_start_utt(m_decoder) < 0)
            return void(fail(QStringLiteral("pocketsphinx: cannot start an utterance")));
        m_inUtterance = true;
        m_utterance.clear();
        m_lastPartial.clear();
        m_samplesSincePartial = 0;
        saveTurnMean();
    }
    if (m_utterance.size() + n <= m_utterance.capacity())
        m_utterance.insert(m_utterance.end(), samples, samples + n);
    if (!m_meanSeeded) {
        // The call's first speech waits until it can give the line's mean (see seedMeanFromHeldAudio).
        if (m_utterance.size() < kSeedSamples)
            return;
        seedMeanFromHeldAudio();
        ps_process_raw(m_decoder, m_utterance.data(), m_utterance.size(), FALSE, FALSE);
    } else {
        ps_process_raw(m_decoder, samples, n, FALSE, FALSE);
    }
    m_samplesSincePartial += std::int64_t(n);
    if (m_config.interimResults && m_callbacks.partial && m_samplesSincePartial >= m_partialIntervalMs * 16) {
        m_samplesSincePartial = 0;
        const char *hyp = ps_get_hyp(m_decoder, nullptr);
        const QString text = hyp ? QString::fromUtf8(hyp).simplified() : QString();
        if (text != m_lastPartial) {
            m_lastPartial = text;
            m_callbacks.partial(text);
        }
    }
}

void PocketsphinxStt::finalize()
{
    if (!m_decoder)
        return;
    QString text;
    double confidence = 0.0;
    if (m_paused) {
        // Nothing was said after the pause: its reading is the turn's.
        m_paused = false;
        text = m_pausedText;
        confidence = m_pausedConfidence;
        m_resampler.reset();
        applyExpectation();
    } else if (m_inUtterance) {
        text = finalText(&confidence);
        m_resampler.reset();
        applyExpectation();
    }
    if (m_callbacks.final)
        m_callbacks.final(text, confidence);
}

// Ends the utterance and reads it: the search's words, checked as finalize() reports them.
QString PocketsphinxStt::finalText(double *confidence)
{
    if (!m_meanSeeded) {
        seedMeanFromHeldAudio(); // a turn shorter than the hold: decode what was held
        ps_process_raw(m_decoder, m_utterance.data(), m_utterance.size(), FALSE, FALSE);
    }
    ps_end_utt(m_decoder);
    m_inUtterance = false;
    const char *hyp = ps_get_hyp(m_decoder, nullptr);
    QString text = hyp ? QString::fromUtf8(hyp).simplified() : QString();
    if (m_activeExpectation == SttExpectation::DigitsAndLetters) {
        text = chooseIdentifierOrWords(text);
    } else {
        text = decodeIdentifierSpan(text);
        if (text.isEmpty() && m_activeExpectation != SttExpectation::General)
            text = redecodeWithGeneralModel();
    }
    *confidence = text.isEmpty() ? 0.0 : logmath_exp(ps_get_logmath(m_decoder), ps_get_prob(m_decoder));
    return text;
}

// While an ID is expected the identifier grammar forces whatever is said into letters and digits,
// so its partials cannot tell the endpointer that "hi, where is my order?" was words, and every
// such turn waited the digit extension (docs/benchmarks.md). At the caller's first pause the turn
// so far is read as finalize() would read it (the general model decides words or ID); words are
// reported as a partial, and the endpointer ends the turn after the ordinary silence. An ID keeps
// the wait; if the caller goes on, the held turn is decoded again with what follows.
bool PocketsphinxStt::judgePause()
{
    if (!m_decoder || !m_inUtterance || m_paused || m_activeExpectation != SttExpectation::DigitsAndLetters)
        return m_decoder != nullptr;
    if (m_utterance.size() >= m_utterance.capacity())
        return false; // too long to decode again if the caller goes on: keep listening
    m_pausedText = finalText(&m_pausedConfidence);
    m_paused = true;
    // The reading goes to the endpointer whatever it is: words end the turn after the ordinary
    // silence, and so does an ID already complete in the store's shape (the live partial often
    // lags a digit behind); only an unfinished ID keeps the longer wait.
    if (!m_pausedText.isEmpty() && m_pausedText != m_lastPartial && m_callbacks.partial) {
        m_lastPartial = m_pausedText;
        m_callbacks.partial(m_pausedText);
    }
    return true;
}

// The caller spoke again after judgePause(): the turn goes on with the identifier grammar over
// the audio held so far, then live.
void PocketsphinxStt::resumeAfterPause()
{
    m_paused = false;
    restoreTurnMean();
    if (ps_set_search(m_decoder, searchName(m_activeExpectation)) < 0 || ps_start_utt(m_decoder) < 0)
        return; // processAt16k starts a fresh utterance
    m_inUtterance = true;
    ps_process_raw(m_decoder, m_utterance.data(), m_utterance.size(), FALSE, FALSE);
    m_samplesSincePartial = 0;
}

// Pocketsphinx normalizes live audio with a cepstral mean that starts from the acoustic model's
// and moves only a little as utterances end, so a call's first turns were normalized with a mean
// far from the caller's (an order number came out as other digits); main decoded the whole first
// turn a second time when it ended. Instead, the first turn's first moments are held back until
// there is enough speech to compute the line's own mean from them, which then seeds the live
// normalization before any of it is decoded: the first turn costs no second pass at its end.
void PocketsphinxStt::seedMeanFromHeldAudio()
{
    m_meanSeeded = true;
    feat_t *feat = ps_get_feat(m_decoder);
    // fe_init_auto_r takes its own reference to the configuration (its header says it claims the
    // caller's, but this sphinxbase retains it and fe_free releases one): no cmd_ln_retain here.
    fe_t *fe = fe_init_auto_r(ps_get_config(m_decoder));
    if (!feat || !feat->cmn_struct || !fe) {
        if (fe)
            fe_free(fe);
        return;
    }
    const int ncep = fe_get_output_size(fe);
    std::int32_t frames = std::int32_t(m_utterance.size() / 160 + 2);
    std::vector<mfcc_t> storage(std::size_t(frames) * std::size_t(ncep));
    std::vector<mfcc_t *> rows(static_cast<std::size_t>(frames));
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = storage.data() + i * std::size_t(ncep);
    const std::int16_t *samples = m_utterance.data();
    std::size_t n = m_utterance.size();
    fe_start_utt(fe);
    fe_process_frames(fe, &samples, &n, rows.data(), &frames, nullptr);
    fe_free(fe);
    // The same frames live normalization counts: those with energy (c0 ≥ 0).
    std::vector<mfcc_t> mean(std::size_t(ncep), 0);
    int counted = 0;
    for (std::int32_t f = 0; f < frames; ++f) {
        if (rows[std::size_t(f)][0] < 0)
            continue;
        for (int k = 0; k < ncep; ++k)
            mean[std::size_t(k)] += rows[std::size_t(f)][k];
        ++counted;
    }
    if (counted < 20 || ncep != feat->cmn_struct->veclen)
        return;
    for (mfcc_t &m : mean)
        m /= mfcc_t(counted);
    cmn_live_set(feat->cmn_struct, mean.data());
    saveTurnMean();
}

// Every utterance the decoder ends moves its live cepstral mean, and a judged pause ends two (the
// grammar's and the general model's). When the caller goes on after a pause, the held turn is
// decoded again from the mean it started with, so a pause that was judged does not shift how the
// rest of the turn is normalized.
static_assert(std::is_same_v<mfcc_t, float>, "m_turnMean holds sphinxbase's floating-point cepstra");

void PocketsphinxStt::saveTurnMean()
{
    feat_t *feat = ps_get_feat(m_decoder);
    if (!feat || !feat->cmn_struct)
        return;
    const cmn_t *cmn = feat->cmn_struct;
    m_turnMean.assign(cmn->cmn_mean, cmn->cmn_mean + cmn->veclen);
    m_turnMeanSum.assign(cmn->sum, cmn->sum + cmn->veclen);
    m_turnMeanFrames = cmn->nframe;
}

void PocketsphinxStt::restoreTurnMean()
{
    feat_t *feat = ps_get_feat(m_decoder);
    if (!feat || !feat->cmn_struct || m_turnMean.size() != std::size_t(feat->cmn_struct->veclen))
        return;
    cmn_t *cmn = feat->cmn_struct;
    std::copy(m_turnMean.begin(), m_turnMean.end(), cmn->cmn_mean);
    std::copy(m_turnMeanSum.begin(), m_turnMeanSum.end(), cmn->sum);
    cmn->nframe = m_turnMeanFrames;
}

// While an ID is expected the grammar forces whatever was said into digits and letters, so a
// caller who answers with a sentence ("it shows delivered but I didn't get it") would be heard as
// an order number, and an ID with a sentence around it ("yes my order number is … and it hasn't
// arrived") had the sentence forced into digits too. Unless the grammar heard the store's own
// shape (prefix letters and all), the general model decides. When it hears a run of digits or
// letters with more words around it than a lead-in ("my phone number is"), the span pass reads the
// ID over its own stretch. Otherwise its words win unless it too hears a run of three or more
// digits or letters.
QString PocketsphinxStt::chooseIdentifierOrWords(const QString &grammarText)
{
    if (matchesIdentifierFormat(grammarText))
        return grammarText; // the store's own shape, prefix letters and all: an ID was read out
    bool spanned = false;
    const QString general = redecodeWithGeneralModel(&spanned);
    if (spanned) {
        // The grammar heard the same characters and more (digits the general model took for
        // words, "nine eight" as "right"): the ID was read with no more than a lead-in around it.
        const QString span = collapseSpelledSequence(general), whole = collapseSpelledSequence(grammarText);
        return whole.size() > span.size() && whole.contains(span) ? grammarText : general;
    }
    if (grammarText.isEmpty())
        return general;
    const QStringList words = general.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const auto sequence = std::count_if(words.begin(), words.end(), [](const QString &w) { return isSequenceWord(w); });
    return sequence >= 3 || words.isEmpty() ? grammarText : general;
}

// True when `text` holds a run of words in one of the configured identifier formats
// ("o r d four eight two nine one three" for "ORD-######"). Formats made only of digits say
// nothing a forced digit string would not, so only formats with letters count.
bool PocketsphinxStt::matchesIdentifierFormat(const QString &text) const
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &format : m_config.identifierFormats) {
        QStringList pattern; // one entry per word: a letter, a digit word, or "#" for any digit
        for (qsizetype i = 0; i < format.size(); ++i) {
            const QChar c = format.at(i);
            if (c == QLatin1Char('[')) {
                pattern << QStringLiteral("#");
                i = format.indexOf(QLatin1Char(']'), i);
                if (i < 0)
                    break;
            } else if (c == QLatin1Char('#')) {
                pattern << QStringLiteral("#");
            } else if (c.isDigit()) {
                pattern << digitWord(c.digitValue());
            } else if (c.isLetter() && c.unicode() < 128) {
                pattern << QString(c.toLower());
            }
        }
        if (std::none_of(pattern.begin(), pattern.end(), [](const QString &p) { return p.size() == 1 && p != QLatin1String("#"); }))
            continue;
        for (qsizetype start = 0; start + pattern.size() <= words.size(); ++start) {
            bool all = true;
            for (qsizetype k = 0; k < pattern.size() && all; ++k) {
                const QString &w = words.at(start + k);
                all = pattern.at(k) == QLatin1String("#") ? isDigitWord(w) : w == pattern.at(k);
            }
            if (all)
                return true;
        }
    }
    return false;
}

// The spelled run of the first pass decoded again with the store's ID shapes alone, over the
// stretch of audio that holds it. Where that stretch starts and ends decides the reading: measured
// with the ID's exact samples known (docs/benchmarks.md), the grammar reads 94 % of IDs right over
// the ID's own audio and about half with 150 ms of the neighbouring words in it, and the first
// pass's run often starts a word late (the "o" of "o r d" heard as part of "it's"), ends a word
// early, or is broken by a word heard in the middle ("o r d seven seven want to zero four").
// So the run is taken across short gaps, and several starts are tried — the run's own, one word
// earlier, one word later — each scored by the grammar's path score per frame: the stretch that
// holds just the ID fits the grammar best (a neighbouring word forced into letters costs more).
QString PocketsphinxStt::decodeIdentifierSpan(const QString &text)
{
    struct Word { QString w; int sf; int ef; };
    std::vector<Word> words;
    int origin = -1; // segment frames count from the decoder's first utterance; the first segment starts this one
    for (ps_seg_t *seg = ps_seg_iter(m_decoder); seg; seg = ps_seg_next(seg)) {
        int sf = 0, ef = 0;
        ps_seg_frames(seg, &sf, &ef);
        if (origin < 0)
            origin = sf;
        const QString w = QString::fromUtf8(ps_seg_word(seg)).section(QLatin1Char('('), 0, 0);
        if (w.startsWith(QLatin1Char('<')) || w.startsWith(QLatin1Char('[')))
            continue;
        words.push_back({ w, sf - origin, ef - origin });
    }
    // The run with the most sequence words, bridging up to kMaxGapWords other words.
    std::size_t first = 0, last = 0, bestCount = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!isSequenceWord(words[i].w))
            continue;
        std::size_t count = 1, end = i;
        for (std::size_t j = i + 1; j < words.size() && j - end <= kMaxGapWords + 1; ++j)
            if (isSequenceWord(words[j].w)) {
                ++count;
                end = j;
            }
        if (count > bestCount) {
            bestCount = count;
            first = i;
            last = end;
        }
    }
    if (bestCount < 3 || ps_set_search(m_decoder, "identifier_span") < 0)
        return text; // no ID
    const int frames = int(m_utterance.size() / 160);
    struct Reading { QString id; double perFrame = -1e300; };
    auto decode = [&](std::size_t from, std::size_t to) {
        Reading r;
        const int sf = words[from].sf, ef = std::min(frames, words[to].ef + 1);
        if (ef - sf < 20 || ps_start_utt(m_decoder) < 0)
            return r;
        // The stretch's own mean (a whole-utterance decode): the call's live mean is left as it was.
        ps_process_raw(m_decoder, m_utterance.data() + std::size_t(sf) * 160, std::size_t(ef - sf) * 160, FALSE, TRUE);
        ps_end_utt(m_decoder);
        std::int32_t score = 0;
        const char *hyp = ps_get_hyp(m_decoder, &score);
        if (hyp && *hyp)
            r = { QString::fromUtf8(hyp).simplified(), double(score) / (ef - sf) };
        return r;
    };
    // Where the ID starts: the run's first word, one word earlier (its "o" heard in "it's") or
    // one later (a word before it heard as a digit); the end one word past the run. When no start
    // fits the ID's shape (the stretch is too short), the start moves further back.
    const std::size_t wideEnd = std::min(words.size() - 1, last + 1);
    Reading best;
    for (std::size_t back = 0; back <= kMaxWordsBefore + 2 && back <= first + 1; ++back) {
        const std::size_t from = first + 1 - back; // first + 1, first, first - 1, …
        if (from > last || (back > 2 && !best.id.isEmpty()))
            continue;
        const Reading r = decode(from, wideEnd);
        if (!r.id.isEmpty() && r.perFrame > best.perFrame)
            best = r;
    }
    ps_set_search(m_decoder, searchName(m_activeExpectation));
    if (best.id.isEmpty())
        return text;
    // The run (and the words heard inside it) replaced by the ID; the words around it stay, even
    // when their audio was part of the stretch: they are not sequence words, so the ID stays one run.
    QStringList out;
    for (std::size_t i = 0; i < first; ++i)
        out << words[i].w;
    out << best.id;
    for (std::size_t i = last + 1; i < words.size(); ++i)
        out << words[i].w;
    return out.join(QLatin1Char(' '));
}

// A grammar search ends empty when the caller said something it does not allow ("I'll check my
// email"). The same audio is decoded again with the general model rather than losing the turn.
// With `spanned`, an ID it hears inside a sentence is read by the span pass (and *spanned set).
QString PocketsphinxStt::redecodeWithGeneralModel(bool *spanned)
{
    if (m_utterance.empty() || ps_set_search(m_decoder, searchName(SttExpectation::General)) < 0)
        return {};
    QString text;
    if (ps_start_utt(m_decoder) >= 0) {
        ps_process_raw(m_decoder, m_utterance.data(), m_utterance.size(), FALSE, TRUE);
        ps_end_utt(m_decoder);
        const char *hyp = ps_get_hyp(m_decoder, nullptr);
        text = hyp ? QString::fromUtf8(hyp).simplified() : QString();
        if (spanned) {
            const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const auto sequence = std::count_if(words.begin(), words.end(), [](const QString &w) { return isSequenceWord(w); });
            if (sequence >= 3 && words.size() - sequence > kLeadInWords) {
                text = decodeIdentifierSpan(text);
                *spanned = true;
            }
        }
    }
    ps_set_search(m_decoder, searchName(m_pendingExpectation));
    return text;
}

void PocketsphinxStt::stop()
{
    if (m_decoder) {
        if (m_inUtterance)
            ps_end_utt(m_decoder);
        ps_free(m_decoder);
        m_decoder = nullptr;
    }
    m_inUtterance = false;
}

} // namespace ringside
