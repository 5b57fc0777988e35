#include "speechtestaudio.h"

#include "speech/spokentext.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <random>

namespace ringside::test {

std::vector<std::int16_t> speak(EspeakTts &tts, const QString &text, const QString &voice, double speed, int sampleRate,
                                AudioEncoding encoding)
{
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    QString error;
    std::vector<std::int16_t> out;
    TtsConfig cfg;
    cfg.voice = voice;
    cfg.speed = speed;
    cfg.sampleRate = sampleRate;
    cfg.encoding = encoding;
    cfg.language = voice.startsWith(QLatin1String("hi")) ? QStringLiteral("hi-IN") : QStringLiteral("en-US");
    tts.synthesize(
        text, cfg,
        [&](const TtsChunk &chunk) {
            const auto pcm = chunk.toPcm16();
            std::lock_guard lock(m);
            out.insert(out.end(), pcm.begin(), pcm.end());
            if (chunk.last) {
                done = true;
                cv.notify_all();
            }
        },
        [&](quint64, const QString &message) {
            std::lock_guard lock(m);
            error = message;
            done = true;
            cv.notify_all();
        });
    std::unique_lock lock(m);
    const bool finished = cv.wait_for(lock, std::chrono::seconds(20), [&] { return done; });
    if (!finished || !error.isEmpty())
        qWarning("speak(%s): %s", qPrintable(text), finished ? qPrintable(error) : "timed out");
    return out;
}

std::vector<std::int16_t> silence(int ms, int sampleRate)
{
    return std::vector<std::int16_t>(std::size_t(sampleRate) * std::size_t(ms) / 1000, 0);
}

std::vector<std::int16_t> tone(double hz, int ms, int sampleRate, double amplitude)
{
    std::vector<std::int16_t> out(std::size_t(sampleRate) * std::size_t(ms) / 1000);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = std::int16_t(amplitude * std::sin(2.0 * M_PI * hz * double(i) / sampleRate));
    return out;
}

void addNoise(std::vector<std::int16_t> &samples, double noiseRms, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> dist(0.0, noiseRms);
    for (std::int16_t &x : samples)
        x = std::int16_t(std::clamp(double(x) + dist(rng), -32768.0, 32767.0));
}

double speechRms(const std::vector<std::int16_t> &samples)
{
    double energy = 0.0;
    std::size_t count = 0;
    for (std::int16_t x : samples) {
        if (std::abs(int(x)) > 100) {
            energy += double(x) * double(x);
            ++count;
        }
    }
    return count ? std::sqrt(energy / double(count)) : 0.0;
}

void addNoiseAtSnr(std::vector<std::int16_t> &samples, double snrDb, unsigned seed)
{
    addNoise(samples, speechRms(samples) / std::pow(10.0, snrDb / 20.0), seed);
}

void append(std::vector<std::int16_t> &to, const std::vector<std::int16_t> &more)
{
    to.insert(to.end(), more.begin(), more.end());
}

void mixInto(std::vector<std::int16_t> &to, const std::vector<std::int16_t> &more, std::size_t offset, double gain)
{
    if (to.size() < offset + more.size())
        to.resize(offset + more.size(), 0);
    for (std::size_t i = 0; i < more.size(); ++i)
        to[offset + i] = std::int16_t(std::clamp(double(to[offset + i]) + gain * more[i], -32768.0, 32767.0));
}

double rms(const std::int16_t *samples, std::size_t n)
{
    double e = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        e += double(samples[i]) * double(samples[i]);
    return n ? std::sqrt(e / double(n)) : 0.0;
}

double rms(const std::vector<std::int16_t> &samples) { return rms(samples.data(), samples.size()); }

QString readAloud(const QString &text)
{
    const QStringList words = spokenWords(text);
    QStringList out;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words.at(i);
        // A single letter next to another digit or letter is part of an ID ("A B C 1 2"); on its
        // own it is a word ("I want", "a human").
        const bool inSequence = (i > 0 && isSequenceWord(words.at(i - 1))) || (i + 1 < words.size() && isSequenceWord(words.at(i + 1)));
        if (isDigitWord(w) && w != QLatin1String("oh")) {
            for (int d = 0; d < 10; ++d)
                if (w == digitWord(d))
                    out << QString::number(d);
        } else if (isLetterWord(w) && inSequence) {
            out << w.toUpper();
        } else {
            out << w;
        }
    }
    return out.join(QLatin1Char(' '));
}

QString normalizeTranscript(const QString &text)
{
    static const std::pair<const char *, const char *> contractions[] = {
        {"where's", "where is"}, {"it's", "it is"}, {"i'm", "i am"}, {"don't", "do not"}, {"didn't", "did not"},
        {"that's", "that is"}, {"i'd", "i would"}, {"can't", "can not"}, {"doesn't", "does not"},
        {"haven't", "have not"}, {"what's", "what is"}, {"i'll", "i will"},
    };
    QStringList out;
    for (const QString &w : text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString word = w;
        for (const auto &[from, to] : contractions)
            if (word == QLatin1String(from))
                word = QLatin1String(to);
        out << word;
    }
    return out.join(QLatin1Char(' '));
}

} // namespace ringside::test
