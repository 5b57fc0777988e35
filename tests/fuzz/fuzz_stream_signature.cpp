// Signed stream parameters (ringside_auth): a stream's `start` names its parameters and their
// signature; nothing but the gateway's own signature may pass, and each passes once.
#include "fuzzinput.h"

#include "telephony/streamsigner.h"
#include "telephony/twilioweb.h"

#include <QDateTime>

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A fresh gateway each run: its ledger of spent nonces would otherwise grow run after run (and
    // every growing run makes LeakSanitizer scan the whole heap).
    static const QByteArray key = telephony::StreamSigner::keyFrom(QByteArrayLiteral("fuzz-stream-secret"), {});
    telephony::StreamSigner gateway(key);
    const fuzz::Steered in = fuzz::steer(data, size);
    QHash<QString, QString> params;
    for (const auto &f : telephony::parseForm(in.rest))
        params.insert(f.first, f.second);
    const QString callSid = params.value(QStringLiteral("call_sid"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QString why;
    // Whatever the input says, a forged signature never passes (the fuzzer does not know the key).
    if (gateway.verify(params, callSid, now, &why) == telephony::StreamSigner::Verdict::Ok)
        fuzz::contradiction("parameters the gateway never signed were accepted");
    // Signed by the gateway they pass once, and a changed parameter never does.
    gateway.signInto(&params, callSid, 60);
    if (in.control & 1) {
        QHash<QString, QString> changed = params;
        changed.insert(QStringLiteral("customer"), params.value(QStringLiteral("customer")) + QLatin1Char('x'));
        if (gateway.verify(changed, callSid, now, &why) == telephony::StreamSigner::Verdict::Ok)
            fuzz::contradiction("a changed parameter kept its signature");
    }
    if (gateway.verify(params, callSid, now, &why) != telephony::StreamSigner::Verdict::Ok)
        fuzz::contradiction("the gateway's own signature was refused");
    if (gateway.verify(params, callSid, now, &why) != telephony::StreamSigner::Verdict::Replayed)
        fuzz::contradiction("a signature was accepted twice");
    return 0;
}
