// The rules document (defaults, partial documents, every problem named by its field), the
// language of a call by the seed's rule, and reading NCPR/DND exports.
#include "campaigns/campaignrules.h"
#include "campaigns/dndcsv.h"
#include "campaigns/languagechoice.h"
#include "campaigns/providerclient.h"
#include "campaigns/statusupdate.h"

#include "telephony/twilioweb.h"

#include <QNetworkAccessManager>
#include <QUrlQuery>

#include "commerce/commercetypes.h"

#include <QTest>

using namespace ringside;
using namespace ringside::campaigns;

class TestCampaignRules : public QObject
{
    Q_OBJECT

private slots:
    void defaultsFollowTheSeed()
    {
        const CampaignRules r;
        QCOMPARE(r.windowOpen, QTime(9, 0));
        QCOMPARE(r.windowClose, QTime(20, 0));
        QCOMPARE(r.cod.delayMinutes, 30);
        QCOMPARE(r.cod.maxAttempts, 2);
        QCOMPARE(r.cod.retryGapMinutes, 120);
        QCOMPARE(r.cod.nextMorning, QTime(10, 0));
        QCOMPARE(r.perCustomerPerDay, 3);
        QVERIFY(r.validate().isEmpty());
    }

    void cartDelayByValue_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<int>("minutes");
        // USD keeps the seed's 500 / 100; INR has its own tiers (₹5,000 / ₹1,000).
        QTest::addRow("$500.01 → 1 h") << qint64(50001) << QStringLiteral("USD") << 60;
        QTest::addRow("$500.00 → 2 h (not above 500)") << qint64(50000) << QStringLiteral("USD") << 120;
        QTest::addRow("$100.01 → 2 h") << qint64(10001) << QStringLiteral("USD") << 120;
        QTest::addRow("$100.00 → 4 h") << qint64(10000) << QStringLiteral("USD") << 240;
        QTest::addRow("₹54,999 → 1 h") << qint64(5499900) << QStringLiteral("INR") << 60;
        QTest::addRow("₹4,999 → 2 h") << qint64(499900) << QStringLiteral("INR") << 120;
        QTest::addRow("₹898 → 4 h") << qint64(89800) << QStringLiteral("INR") << 240;
        QTest::addRow("€600 → the seed's tiers") << qint64(60000) << QStringLiteral("EUR") << 60;
    }
    void cartDelayByValue()
    {
        QFETCH(qint64, total);
        QFETCH(QString, currency);
        QFETCH(int, minutes);
        QCOMPARE(CampaignRules().cartDelayMinutes(total, currency), minutes);
    }

    void partialDocumentKeepsDefaults()
    {
        QStringList problems;
        const CampaignRules r = CampaignRules::fromJson(json::parse(R"({"cod":{"retryGapMinutes":90},"cart":{"tiers":{"INR":{"highAbove":1000000}}}})"),
                                                        &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(r.cod.retryGapMinutes, 90);
        QCOMPARE(r.cod.maxAttempts, 2);
        QCOMPARE(r.tiersFor(QStringLiteral("INR")).highAbove, qint64(1000000));
        QCOMPARE(r.tiersFor(QStringLiteral("INR")).mediumAbove, qint64(100000));
        // Round trip.
        const CampaignRules back = CampaignRules::fromJson(r.toJson(), &problems);
        QVERIFY(problems.isEmpty());
        QVERIFY(back.toJson() == r.toJson());
    }

    void problemsNameTheField()
    {
        QStringList problems;
        CampaignRules r = CampaignRules::fromJson(json::parse(R"({"window":{"open":"nine"},"cod":{"maxAttempts":"two"},"dialer":{"voicemail":5}})"),
                                                  &problems);
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.at(0).startsWith(QLatin1String("window.open: ")));
        QVERIFY(problems.at(1).startsWith(QLatin1String("cod.maxAttempts: must be a whole number")));
        QVERIFY(problems.at(2).startsWith(QLatin1String("dialer.voicemail: must be text")));

        r = CampaignRules();
        r.windowOpen = QTime(21, 0);
        r.cod.retryGapMinutes = 5;
        r.dialer.inboundReserve = 10;
        r.delivery.events << QStringLiteral("delivered");
        r.cart.tiers[QStringLiteral("INR")] = { 100, 500 };
        const QStringList v = r.validate();
        const QString all = v.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("window: opens at 21:00 but closes at 20:00")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("cod.retryGapMinutes: must be from 15 to 1440 minutes")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("dialer.inboundReserve: 10 leaves no line for outbound calls out of 10")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("delivery.events: \"delivered\" is not one of")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("cart.tiers.INR: mediumAbove (500) must not be above highAbove (100)")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("cod.nextMorning: 10:00 is outside the calling window")), qPrintable(all));
    }

    void language_data()
    {
        QTest::addColumn<QString>("preferred");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("source");
        QTest::addRow("preferred wins") << QStringLiteral("ta-IN") << QStringLiteral("Uttar Pradesh") << QStringLiteral("IN") << QStringLiteral("ta-IN") << QStringLiteral("preferred");
        QTest::addRow("Maharashtra → Marathi") << QStringLiteral("") << QStringLiteral("Maharashtra") << QStringLiteral("IN") << QStringLiteral("mr-IN") << QStringLiteral("state");
        QTest::addRow("TN code") << QStringLiteral("") << QStringLiteral("TN") << QStringLiteral("IN") << QStringLiteral("ta-IN") << QStringLiteral("state");
        QTest::addRow("Telangana → Telugu") << QStringLiteral("") << QStringLiteral("Telangana") << QStringLiteral("IN") << QStringLiteral("te-IN") << QStringLiteral("state");
        QTest::addRow("West Bengal → Bengali") << QStringLiteral("") << QStringLiteral("west bengal") << QStringLiteral("IN") << QStringLiteral("bn-IN") << QStringLiteral("state");
        QTest::addRow("UP (the seed's spelling) → Hindi") << QStringLiteral("") << QStringLiteral("UP") << QStringLiteral("IN") << QStringLiteral("hi-IN") << QStringLiteral("northern_state");
        QTest::addRow("Uttar Pradesh → Hindi") << QStringLiteral("") << QStringLiteral("Uttar Pradesh") << QStringLiteral("IN") << QStringLiteral("hi-IN") << QStringLiteral("northern_state");
        QTest::addRow("New Delhi → Hindi") << QStringLiteral("") << QStringLiteral("New Delhi") << QStringLiteral("IN") << QStringLiteral("hi-IN") << QStringLiteral("northern_state");
        QTest::addRow("Goa → en-IN") << QStringLiteral("") << QStringLiteral("Goa") << QStringLiteral("IN") << QStringLiteral("en-IN") << QStringLiteral("default");
        QTest::addRow("US customer → en-US") << QStringLiteral("") << QStringLiteral("IL") << QStringLiteral("US") << QStringLiteral("en-US") << QStringLiteral("default");
        QTest::addRow("a US state code that is also an Indian one is not read as India's") << QStringLiteral("") << QStringLiteral("MP") << QStringLiteral("US") << QStringLiteral("en-US") << QStringLiteral("default");
    }
    void language()
    {
        QFETCH(QString, preferred);
        QFETCH(QString, state);
        QFETCH(QString, country);
        QFETCH(QString, language);
        QFETCH(QString, source);
        Customer c;
        c.preferredLanguage = preferred;
        c.state = state;
        c.country = country;
        const LanguageChoice l = chooseLanguage(&c, country);
        QCOMPARE(l.language, language);
        QCOMPARE(l.source, source);
    }

    void dndCsv_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QStringList>("phones");
        QTest::addColumn<QStringList>("categories");
        QTest::addColumn<int>("invalid");
        QTest::addRow("NCPR-style header, '#' categories") << QStringList{ QStringLiteral("Service Area,Phone Number,Preference,Date"), QStringLiteral("MH,9812345678,1#5,2026-11-01"),
                                                                            QStringLiteral("DL,+91 99350 12345,0,2026-11-02") }
                                                        << QStringList{ QStringLiteral("+919812345678"), QStringLiteral("+919935012345") } << QStringList{ QStringLiteral("1,5"), QStringLiteral("0") } << 0;
        QTest::addRow("MSISDN with country code, no categories") << QStringList{ QStringLiteral("msisdn,operator"), QStringLiteral("919845012345,Jio"), QStringLiteral("09876500001,Airtel") }
                                                                << QStringList{ QStringLiteral("+919845012345"), QStringLiteral("+919876500001") } << QStringList{ QStringLiteral(""), QStringLiteral("") } << 0;
        QTest::addRow("no header, quoted fields") << QStringList{ QStringLiteral("\"9812345678\",\"3 5\""), QStringLiteral("\"9935012345\",\"8\"") }
                                                 << QStringList{ QStringLiteral("+919812345678"), QStringLiteral("+919935012345") } << QStringList{ QStringLiteral("3,5"), QStringLiteral("8") } << 0;
        QTest::addRow("a bad number and a bad category are counted, not stored")
                << QStringList{ QStringLiteral("Phone,Category"), QStringLiteral("12ab,1"), QStringLiteral("9812345678,9"), QStringLiteral("9935012345,2") } << QStringList{ QStringLiteral("+919935012345") } << QStringList{ QStringLiteral("2") } << 2;
    }
    void dndCsv()
    {
        QFETCH(QStringList, lines);
        QFETCH(QStringList, phones);
        QFETCH(QStringList, categories);
        QFETCH(int, invalid);
        const DndColumns columns = detectDndColumns(splitCsvLine(lines.first()));
        QVERIFY(columns.phone >= 0);
        QStringList gotPhones, gotCategories;
        int bad = 0;
        for (int i = columns.header ? 1 : 0; i < lines.size(); ++i) {
            QString problem;
            const auto row = readDndRow(splitCsvLine(lines.at(i)), columns, &problem);
            if (!row) {
                QVERIFY(!problem.isEmpty());
                ++bad;
                continue;
            }
            gotPhones << row->phone;
            gotCategories << row->categories;
        }
        QCOMPARE(gotPhones, phones);
        QCOMPARE(gotCategories, categories);
        QCOMPARE(bad, invalid);
    }

    void twilioStatusCallbacksAreVerified()
    {
        const QString url = QStringLiteral("https://voice.example.com/twilio/status?sc=42");
        const telephony::FormFields form = { { QStringLiteral("CallSid"), QStringLiteral("CA1") }, { QStringLiteral("CallStatus"), QStringLiteral("no-answer") },
                                             { QStringLiteral("SequenceNumber"), QStringLiteral("3") }, { QStringLiteral("AnsweredBy"), QStringLiteral("machine_start") },
                                             { QStringLiteral("CallDuration"), QStringLiteral("0") } };
        const QByteArray body = telephony::encodeForm(form);
        const QByteArray signature = telephony::twilioSignature("tok", url, form);
        const auto ok = twilioStatusUpdate("tok", url, body, signature);
        QVERIFY2(ok.ok(), qPrintable(ok.error()));
        QCOMPARE(ok->callId, QStringLiteral("CA1"));
        QCOMPARE(ok->status, QStringLiteral("no-answer"));
        QCOMPARE(ok->sequence, 3);
        QCOMPARE(ok->scheduledId, qint64(42));
        QCOMPARE(ok->answeredBy, QStringLiteral("machine_start"));
        QVERIFY(ok->isFinal());
        // Another URL (another row), another token, a changed field: refused.
        QVERIFY(twilioStatusUpdate("tok", QStringLiteral("https://voice.example.com/twilio/status?sc=43"), body, signature).error().startsWith(QLatin1String("signature")));
        QVERIFY(!twilioStatusUpdate("other", url, body, signature).ok());
        QVERIFY(!twilioStatusUpdate("tok", url, body + "&CallDuration=9", signature).ok());
        QVERIFY(!twilioStatusUpdate(QByteArray(), url, body, signature).ok()); // no token configured: nothing is trusted
    }

    void exotelCallbacksProveThemselvesByTheirUrl()
    {
        const QByteArray secret = "exotel-token";
        QUrl url(QStringLiteral("https://voice.example.com/exotel/status"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("sc"), QStringLiteral("7"));
        q.addQueryItem(QStringLiteral("sig"), exotelCallbackSignature(secret, 7));
        url.setQuery(q);
        const auto form = exotelStatusUpdate(secret, url, "CallSid=b6cf&Status=no-answer&DateUpdated=2026-11-27+10%3A01%3A00");
        QVERIFY2(form.ok(), qPrintable(form.error()));
        QCOMPARE(form->status, QStringLiteral("no-answer"));
        QCOMPARE(form->scheduledId, qint64(7));
        const auto asJson = exotelStatusUpdate(secret, url, R"({"CallSid":"b6cf","Status":"busy","ConversationDuration":0})");
        QVERIFY2(asJson.ok(), qPrintable(asJson.error()));
        QCOMPARE(asJson->status, QStringLiteral("busy"));
        QUrl forged = url;
        QUrlQuery fq(url);
        fq.removeAllQueryItems(QStringLiteral("sc"));
        fq.addQueryItem(QStringLiteral("sc"), QStringLiteral("8"));
        forged.setQuery(fq);
        QVERIFY(!exotelStatusUpdate(secret, forged, "CallSid=b6cf&Status=completed").ok());
        QVERIFY(!exotelStatusUpdate(secret, url, "Status=completed").ok()); // no CallSid
    }

    void placementRequests()
    {
        QNetworkAccessManager network;
        DialerIdentity twilio;
        twilio.credentials.accountSid = QStringLiteral("AC1");
        twilio.credentials.apiBase = QUrl(QStringLiteral("https://api.twilio.com"));
        twilio.from = QStringLiteral("+14155550100");
        twilio.publicUrl = QUrl(QStringLiteral("https://voice.example.com/"));
        ScheduledCall c;
        c.id = 9;
        c.phone = QStringLiteral("+919812345678");
        c.agent = QStringLiteral("cod-confirmation");
        c.orderId = QStringLiteral("ORD-1");
        CampaignRules::Dialer rules;
        rules.machineDetection = true;
        rules.voicemail = QStringLiteral("Please call us back");
        const telephony::OutboundCall t = ProviderClient(network, twilio).outboundCall(c, rules);
        QCOMPARE(t.statusCallback, QStringLiteral("https://voice.example.com/twilio/status?sc=9"));
        QCOMPARE(t.machineDetection, QStringLiteral("DetectMessageEnd"));
        const auto request = telephony::buildOutboundRequest(t, twilio.credentials);
        QVERIFY(request.ok());
        const telephony::FormFields form = telephony::parseForm(request->body);
        QCOMPARE(telephony::formValue(form, QStringLiteral("MachineDetection")), QStringLiteral("DetectMessageEnd"));
        const QUrlQuery voice(QUrl(telephony::formValue(form, QStringLiteral("Url"))));
        QCOMPARE(voice.queryItemValue(QStringLiteral("amd")), QStringLiteral("1"));
        QCOMPARE(voice.queryItemValue(QStringLiteral("voicemail"), QUrl::FullyDecoded), QStringLiteral("Please call us back"));
        QCOMPARE(voice.queryItemValue(QStringLiteral("campaign_call")), QStringLiteral("9"));

        DialerIdentity exotel = twilio;
        exotel.provider = telephony::MediaProtocol::Exotel;
        exotel.callbackSecret = "exotel-token";
        const telephony::OutboundCall e = ProviderClient(network, exotel).outboundCall(c, rules);
        const QUrl callback(e.statusCallback);
        QCOMPARE(callback.path(), QStringLiteral("/exotel/status"));
        QCOMPARE(QUrlQuery(callback).queryItemValue(QStringLiteral("sig")), exotelCallbackSignature("exotel-token", 9));
        QVERIFY(exotelStatusUpdate("exotel-token", callback, "CallSid=x&Status=completed").ok());
        QVERIFY(e.machineDetection.isEmpty()); // Twilio only
    }
};

QTEST_GUILESS_MAIN(TestCampaignRules)
#include "tst_campaignrules.moc"
