#include "faketwilio.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace ringside::fakes {

namespace {

QMap<QString, QString> parseForm(const QByteArray &body)
{
    QMap<QString, QString> out;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        auto decode = [](QByteArray b) { return QUrl::fromPercentEncoding(b.replace('+', ' ')); };
        out.insert(decode(pair.left(eq)), eq < 0 ? QString() : decode(pair.mid(eq + 1)));
    }
    return out;
}

ScriptedResponse twilioError(int status, int code, const QString &message)
{
    return ScriptedResponse::json(status, { { "code", code }, { "message", message.toStdString() }, { "status", status } });
}

} // namespace

FakeTwilio::FakeTwilio(QString accountSid, QString authToken, QObject *parent)
    : QObject(parent), m_accountSid(std::move(accountSid)), m_authToken(std::move(authToken))
{
    m_http.setResponder([this](const RecordedRequest &r) { return answer(r); });
}

int FakeTwilio::createRequests() const
{
    int n = 0;
    for (const RecordedRequest &r : m_http.requests())
        if (r.method == "POST" && r.path().endsWith(QLatin1String("/Calls.json")))
            ++n;
    return n;
}

void FakeTwilio::setStatus(const QString &sid, const QString &status)
{
    for (Call &c : m_calls)
        if (c.sid == sid)
            c.status = status;
}

nlohmann::json FakeTwilio::callJson(const Call &c) const
{
    return { { "sid", c.sid.toStdString() }, { "account_sid", m_accountSid.toStdString() }, { "to", c.to.toStdString() },
             { "from", c.from.toStdString() }, { "status", c.status.toStdString() },
             { "date_created", c.created.toString(Qt::RFC2822Date).toStdString() }, { "duration", nullptr }, { "answered_by", nullptr },
             { "direction", "outbound-api" } };
}

ScriptedResponse FakeTwilio::answer(const RecordedRequest &r)
{
    if (r.header("Authorization") != "Basic " + (m_accountSid + QLatin1Char(':') + m_authToken).toUtf8().toBase64())
        return twilioError(401, 20003, QStringLiteral("Authenticate"));
    const QString base = QStringLiteral("/2010-04-01/Accounts/%1/Calls").arg(m_accountSid);
    const QString path = r.path();
    if (r.method == "POST" && path == base + QLatin1String(".json")) {
        if (m_refuse)
            return twilioError(m_refuse, 21211, QStringLiteral("The 'To' number is not a valid phone number."));
        const QMap<QString, QString> form = parseForm(r.body);
        if (form.value(QStringLiteral("To")).isEmpty() || form.value(QStringLiteral("From")).isEmpty()
            || (form.value(QStringLiteral("Url")).isEmpty() && form.value(QStringLiteral("Twiml")).isEmpty()))
            return twilioError(400, 21201, QStringLiteral("No 'To', 'From' or 'Url' specified"));
        Call c;
        c.sid = QStringLiteral("CA%1").arg(m_calls.size() + 1, 32, 10, QLatin1Char('0'));
        c.to = form.value(QStringLiteral("To"));
        c.from = form.value(QStringLiteral("From"));
        c.url = form.value(QStringLiteral("Url"));
        c.statusCallback = form.value(QStringLiteral("StatusCallback"));
        c.created = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
        c.form = form;
        m_calls.append(c);
        ScriptedResponse ok = ScriptedResponse::json(201, callJson(c));
        return m_holdMs > 0 ? ok.withFirstByteDelay(m_holdMs) : ok;
    }
    if (r.method == "GET" && path == base + QLatin1String(".json")) {
        const QString to = r.query().queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded);
        nlohmann::json list = nlohmann::json::array();
        for (auto it = m_calls.crbegin(); it != m_calls.crend(); ++it)
            if (to.isEmpty() || it->to == to)
                list.push_back(callJson(*it));
        return ScriptedResponse::json(200, { { "calls", list }, { "page", 0 }, { "page_size", 50 } });
    }
    static const QRegularExpression one(QStringLiteral("/Calls/([^/]+)\\.json$"));
    const QRegularExpressionMatch m = one.match(path);
    if (r.method == "GET" && path.startsWith(base + QLatin1Char('/')) && m.hasMatch()) {
        for (const Call &c : m_calls)
            if (c.sid == m.captured(1))
                return ScriptedResponse::json(200, callJson(c));
        return twilioError(404, 20404, QStringLiteral("The requested resource was not found"));
    }
    return twilioError(404, 20404, QStringLiteral("The requested resource %1 was not found").arg(path));
}

} // namespace ringside::fakes
