#pragma once

#include <QString>
#include <QStringList>

namespace ringside {

// Splits a reply into the sentences TTS synthesizes one by one, so the first is heard while the
// rest is still being made. Ends at . ! ? and the Devanagari danda (।), but not inside numbers
// ("1.5 kg"), after common abbreviations ("Mr.", "Dr.", "e.g.", "Rs.") or inside a spelled ID.
// A sentence longer than `maxChars` is split again at its last comma or semicolon before the
// limit, so a long first sentence does not delay the first audio.
QStringList splitSentences(const QString &text, int maxChars = 160);

} // namespace ringside
