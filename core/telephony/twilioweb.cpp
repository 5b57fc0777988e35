#include "telephony/twilioweb.h"

#include "telephony/streamsigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <algorithm>

namespace ringside::telephony {

namespace {

QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

} // namespace

FormFields parseForm(const QByteArray &body)
{
    FormFields fields;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            fields.append({ decodeComponent(pair), QString() });
        else
            fields.append({ decodeComponent(pair.left(eq)), decodeComponent(pair.mid(eq + 1)) });
    }
    return fields;
}

QString formValue(const FormFields &fields, const QString &name)
{
    for (const auto &f : fields) {
        if (f.first == name)
            return f.second;
    }
    return QString();
}

QByteArray encodeForm(const FormFields &fields)
{
    QByteArray out;
    for (const auto &f : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(f.first);
        out += '=';
        out += QUrl::toPercentEncoding(f.second);
    }
    return out;
}

QByteArray twilioSignature(const QByteArray &authToken, const QString &fullUrl, const FormFields &fields)
{
    FormFields sorted = fields;
    // Twilio sorts by name; equal names (repeated fields) keep their values in sorted order too.
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    QByteArray data = fullUrl.toUtf8();
    for (const auto &f : sorted) {
        data += f.first.toUtf8();
        data += f.second.toUtf8();
    }
    return QMessageAuthenticationCode::hash(data, authToken, QCryptographicHash::Sha1).toBase64();
}

bool verifyTwilioSignature(const QByteArray &authToken, const QString &fullUrl, const FormFields &fields,
                           const QByteArray &header)
{
    return sameSecret(twilioSignature(authToken, fullUrl, fields), header.trimmed());
}

QString xmlEscape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        switch (c.unicode()) {
        case '&': out += QStringLiteral("&amp;"); break;
        case '<': out += QStringLiteral("&lt;"); break;
        case '>': out += QStringLiteral("&gt;"); break;
        case '"': out += QStringLiteral("&quot;"); break;
        case '\'': out += QStringLiteral("&apos;"); break;
        default:
            // Control characters are not allowed in XML 1.0: dropped.
            if (c.unicode() >= 0x20 || c == QLatin1Char('\t') || c == QLatin1Char('\n'))
                out += c;
        }
    }
    return out;
}

QByteArray connectStreamTwiml(const QString &streamUrl, const FormFields &parameters)
{
    QString x = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Connect><Stream url=\"%1\">").arg(xmlEscape(streamUrl));
    for (const auto &p : parameters)
        x += QStringLiteral("<Parameter name=\"%1\" value=\"%2\"/>").arg(xmlEscape(p.first), xmlEscape(p.second));
    x += QStringLiteral("</Stream></Connect></Response>\n");
    return x.toUtf8();
}

QByteArray sayAndHangUpTwiml(const QString &text)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Say>%1</Say><Hangup/></Response>\n")
            .arg(xmlEscape(text))
            .toUtf8();
}

} // namespace ringside::telephony
