#include "speech/audioformat.h"

namespace ringside {

QString encodingName(AudioEncoding encoding)
{
    return encoding == AudioEncoding::MuLaw ? QStringLiteral("mulaw") : QStringLiteral("pcm16");
}

bool parseEncoding(const QString &name, AudioEncoding *out)
{
    if (name == QLatin1String("pcm16")) {
        *out = AudioEncoding::Pcm16;
        return true;
    }
    if (name == QLatin1String("mulaw")) {
        *out = AudioEncoding::MuLaw;
        return true;
    }
    return false;
}

} // namespace ringside
