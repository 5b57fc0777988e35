#pragma once
// Audio for speech tests, made at test time: espeak-ng speech through the real EspeakTts,
// silence, deterministic noise and tones, and transcript normalization for comparisons.

#include "speech/espeaktts.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace ringside::test {

// Synthesizes `text` and waits for the whole reply (fails the test on error or after 20 s).
std::vector<std::int16_t> speak(EspeakTts &tts, const QString &text, const QString &voice = QStringLiteral("en-us"),
                                double speed = 1.0, int sampleRate = 16000,
                                AudioEncoding encoding = AudioEncoding::Pcm16);

std::vector<std::int16_t> silence(int ms, int sampleRate);
std::vector<std::int16_t> tone(double hz, int ms, int sampleRate, double amplitude = 8000.0);
// Gaussian noise of the given RMS (deterministic per seed), added in place.
void addNoise(std::vector<std::int16_t> &samples, double rms, unsigned seed = 1);
// RMS of the samples louder than silence (|x| > 100): the speech's level, pauses left out.
double speechRms(const std::vector<std::int16_t> &samples);
// Adds white noise so that speech RMS / noise RMS is `snrDb` (RMS of the non-silent samples).
void addNoiseAtSnr(std::vector<std::int16_t> &samples, double snrDb, unsigned seed = 1);
void append(std::vector<std::int16_t> &to, const std::vector<std::int16_t> &more);
// Adds `more` into `to` starting at `offset` (growing `to` if needed).
void mixInto(std::vector<std::int16_t> &to, const std::vector<std::int16_t> &more, std::size_t offset, double gain = 1.0);

double rms(const std::int16_t *samples, std::size_t n);
double rms(const std::vector<std::int16_t> &samples);

// How a caller would read text aloud, for espeak-ng: digits and spelled letters one by one
// ("ORD482913" → "O R D 4 8 2 9 1 3"), so espeak-ng does not say "four hundred eighty-two thousand".
QString readAloud(const QString &text);
// Lower-case words with contractions expanded ("where's" → "where is"), for comparing transcripts.
QString normalizeTranscript(const QString &text);

} // namespace ringside::test
