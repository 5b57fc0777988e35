#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace ringside {
class TtsEngine;
}

namespace ringside::telephony {

// One caller turn a load run says: its audio (8 kHz PCM16), the kind it is reported under
// ("first", "id", "plain", …) and, for turns that read out an identifier, the ID the agent should
// look up ("ORD-482913"), so a run can say whether it was heard.
struct ScriptTurn
{
    QString kind;
    QString text;      // what was said (empty for recordings)
    QString expectId;
    std::vector<std::int16_t> pcm;
};
using CallScript = std::vector<ScriptTurn>;

// A spoken-call script for `loadgen --script` and the turn-latency benchmark: one turn per line,
//     kind | words the caller says [| ID the agent should look up]
// with '#' comments and blank lines ignored. Each script is spoken in several espeak-ng voices and
// speeds (one per simulated caller), so calls do not all sound alike.
struct ScriptLine
{
    QString kind;
    QString text;
    QString expectId;
};
Result<std::vector<ScriptLine>> parseCallScript(const QString &text);
Result<std::vector<ScriptLine>> readCallScript(const QString &path);

// A voice a stand-in caller speaks with.
struct ScriptVoice
{
    QString voice;
    double speed = 1.0;
};
// Male, female and New York English voices at 0.9–1.1× (the default rotation).
std::vector<ScriptVoice> defaultScriptVoices();

// Synthesizes `lines` once per voice at `sampleRate` (blocking; fails naming the line). Digits and
// capital letters are read one by one, as callers read IDs ("ORD-482913" → "O R D 4 8 2 9 1 3").
Result<std::vector<CallScript>> synthesizeCallScripts(TtsEngine &tts, const std::vector<ScriptLine> &lines,
                                                      const std::vector<ScriptVoice> &voices, int sampleRate = 8000);

// How a caller reads `text` aloud for a synthesizer: "ORD-482913" → "O R D 4 8 2 9 1 3".
QString readIdentifiersAloud(const QString &text);

// The turn kind in a recording's file name: "02-id-order.wav" → "id"; "where.wav" → "".
QString turnKindFromFileName(const QString &fileName);

} // namespace ringside::telephony
