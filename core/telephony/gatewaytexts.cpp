#include "telephony/gatewaytexts.h"

namespace ringside::telephony {

QString callbackOfferText(const QString &language)
{
    if (language.startsWith(QLatin1String("hi"), Qt::CaseInsensitive))
        return QStringLiteral("माफ़ कीजिए, हमारी टीम में अभी कोई खाली नहीं है। कोई खाली होते ही हम आपको इसी नंबर पर वापस कॉल करेंगे।");
    return QStringLiteral("I'm sorry, everyone on our team is still busy. We'll call you back on this number as soon as someone is free.");
}

} // namespace ringside::telephony
