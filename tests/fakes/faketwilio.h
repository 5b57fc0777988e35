#pragma once
// A stand-in for Twilio's REST API on 127.0.0.1, for the dialer's tests: it keeps the calls it was
// asked to make, as Twilio does, and answers
//   POST /2010-04-01/Accounts/{Sid}/Calls.json   → 201 {"sid","status":"queued",…} (400 code 21201 without To/From/Url)
//   GET  /2010-04-01/Accounts/{Sid}/Calls.json?To=…  → {"calls":[…]} newest first
//   GET  /2010-04-01/Accounts/{Sid}/Calls/{CallSid}.json → the call (404 code 20404 when unknown)
// after checking HTTP Basic auth (401 code 20003 when wrong). A test can hold the answer to the
// next call requests (the call is made, the answer waits: how a dialer dies mid-request) or refuse
// them, and set a call's status as Twilio would after the phone rang.

#include "fakehttpserver.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>

namespace ringside::fakes {

class FakeTwilio : public QObject
{
    Q_OBJECT
public:
    struct Call
    {
        QString sid;
        QString to;
        QString from;
        QString url;
        QString statusCallback;
        QString status = QStringLiteral("queued");
        QDateTime created;
        QMap<QString, QString> form; // every field as sent
    };

    FakeTwilio(QString accountSid, QString authToken, QObject *parent = nullptr);

    bool listen() { return m_http.listen(); }
    QUrl url() const { return m_http.url(); }
    FakeHttpServer &http() { return m_http; }

    const QList<Call> &calls() const { return m_calls; }
    int createRequests() const;                // POSTs to Calls.json, accepted or not
    void setStatus(const QString &sid, const QString &status);
    // The answer to each call request waits this long (the call is made at once).
    void holdAnswers(int ms) { m_holdMs = ms; }
    // Refuse call requests with this HTTP status (0: accept).
    void refuseWith(int status) { m_refuse = status; }
    // Calls made before this instant show this date_created (the test's --now world).
    void setClock(const QDateTime &now) { m_now = now; }

private:
    ScriptedResponse answer(const RecordedRequest &request);
    nlohmann::json callJson(const Call &call) const;

    FakeHttpServer m_http;
    QString m_accountSid;
    QString m_authToken;
    QList<Call> m_calls;
    int m_holdMs = 0;
    int m_refuse = 0;
    QDateTime m_now;
};

} // namespace ringside::fakes
