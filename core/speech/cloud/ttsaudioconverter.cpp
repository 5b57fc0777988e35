#include "speech/cloud/ttsaudioconverter.h"

#include "speech/mulaw.h"

#include <QtEndian>

#include <vector>

namespace ringside {

bool TtsAudioConverter::init(AudioEncoding from, int fromRate, AudioEncoding to, int toRate, QString *error)
{
    m_from = from;
    m_to = to;
    m_carry.clear();
    m_resample = fromRate != toRate;
    return !m_resample || m_resampler.init(fromRate, toRate, 5, error);
}

QByteArray TtsAudioConverter::push(const QByteArray &bytes)
{
    if (m_from == m_to && !m_resample && m_from == AudioEncoding::MuLaw)
        return bytes;
    std::vector<std::int16_t> pcm;
    if (m_from == AudioEncoding::MuLaw) {
        pcm.resize(std::size_t(bytes.size()));
        muLawDecode(reinterpret_cast<const std::uint8_t *>(bytes.constData()), pcm.size(), pcm.data());
    } else {
        const QByteArray all = m_carry + bytes;
        const qsizetype whole = all.size() & ~qsizetype(1);
        m_carry = all.mid(whole);
        pcm.resize(std::size_t(whole / 2));
        if (!pcm.empty()) // an empty vector's data() is null, which qFromLittleEndian's memcpy may not get
            qFromLittleEndian<std::int16_t>(all.constData(), qsizetype(pcm.size()), pcm.data());
    }
    if (pcm.empty())
        return {}; // an empty reply body, or a lone byte waiting in m_carry for its pair
    if (m_resample) {
        std::vector<std::int16_t> out;
        m_resampler.process(pcm.data(), pcm.size(), out);
        pcm.swap(out);
    }
    QByteArray out;
    if (m_to == AudioEncoding::MuLaw) {
        out.resize(qsizetype(pcm.size()));
        muLawEncode(pcm.data(), pcm.size(), reinterpret_cast<std::uint8_t *>(out.data()));
    } else {
        out = QByteArray(reinterpret_cast<const char *>(pcm.data()), qsizetype(pcm.size() * 2));
    }
    return out;
}

} // namespace ringside
