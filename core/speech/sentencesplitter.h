#pragma once

#include <QString>
#include <QStringList>

namespace ringside {

// The pieces a reply is synthesized in, one by one, so the first is heard while the rest is still
// being made: its sentences (util/sentences.h, the one rule), and any sentence longer than
// `maxChars` cut again after its last comma, semicolon or colon before the limit, so a long first
// sentence does not hold back the first audio.
QStringList splitForSpeech(const QString &text, int maxChars = 160);

} // namespace ringside
