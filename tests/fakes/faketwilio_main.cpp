// ringside-faketwilio: the loopback stand-in for Twilio's voice REST API (Calls.json), run by hand to
// watch the campaign dialer place calls without a Twilio account (docs/campaigns.md, "Try it").
// It keeps the calls it is asked to make; list them with
//   curl -u SID:TOKEN BASE/2010-04-01/Accounts/SID/Calls.json
// Status callbacks are what Twilio would send afterwards: post them to serve's /twilio/status
// signed with the same token.
#include "faketwilio.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A stand-in Twilio voice REST API on 127.0.0.1 for trying Ringside's campaign dialer."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("account"), QStringLiteral("The account SID it accepts."), QStringLiteral("SID"),
                       QStringLiteral("ACfake00000000000000000000000000") });
    parser.addOption({ QStringLiteral("token"), QStringLiteral("The auth token it accepts."), QStringLiteral("TOKEN"), QStringLiteral("fake-twilio-token") });
    parser.process(app);
    const QString account = parser.value(QStringLiteral("account"));
    const QString token = parser.value(QStringLiteral("token"));
    ringside::fakes::FakeTwilio twilio(account, token);
    if (!twilio.listen()) {
        std::fprintf(stderr, "ringside-faketwilio: cannot listen\n");
        return 1;
    }
    const QString base = twilio.url().toString();
    std::printf("fake Twilio on %s\n"
                "  TWILIO_API_BASE=%s TWILIO_ACCOUNT_SID=%s TWILIO_AUTH_TOKEN=%s TWILIO_FROM_NUMBER=+14155550100\n"
                "  the calls it made: curl -u %s:%s %s/2010-04-01/Accounts/%s/Calls.json\n",
                qPrintable(base), qPrintable(base), qPrintable(account), qPrintable(token), qPrintable(account), qPrintable(token),
                qPrintable(base), qPrintable(account));
    std::fflush(stdout);
    return app.exec();
}
