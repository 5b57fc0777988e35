#include "provideroptions.h"

namespace ringside::cli {

QCommandLineOption providerOption(const QString &name, const QString &what)
{
    const QString text = QStringLiteral("twilio (default) or exotel.");
    return { name, what.isEmpty() ? text : text.chopped(1) + QStringLiteral(": ") + what, QStringLiteral("NAME"), QStringLiteral("twilio") };
}

std::optional<telephony::MediaProtocol> providerFrom(const QCommandLineParser &parser, QString *problem, const QString &name)
{
    const QString value = parser.value(name);
    if (value == QLatin1String("twilio"))
        return telephony::MediaProtocol::Twilio;
    if (value == QLatin1String("exotel"))
        return telephony::MediaProtocol::Exotel;
    if (problem)
        *problem = QStringLiteral("--%1: \"%2\" is not twilio or exotel").arg(name, value);
    return std::nullopt;
}

} // namespace ringside::cli
