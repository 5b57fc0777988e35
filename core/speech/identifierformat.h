#pragma once

#include <QString>

namespace ringside {

// The identifier pattern SttConfig::identifierFormats wants ("ORD-######") from a store's
// orderIdFormat setting, which may be that pattern already or prose written for people and the
// brain ("ORD followed by six digits"). Prose that does not say a prefix and a digit count gives
// "" (the recognizer then listens for up to four letters and any digits) — never the prose itself,
// which would make the grammar demand the letters of "followed".
QString identifierPatternFromFormat(const QString &orderIdFormat);

} // namespace ringside
