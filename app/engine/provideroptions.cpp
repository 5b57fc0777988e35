#include "provideroptions.h"
#include "cliutil.h"

namespace ringside::cli {

QCommandLineOption providerOption(const QString &name, const QString &what)
{
    const QString text = QStringLiteral("twilio (default) or exotel.");
    return { name, what.isEmpty() ? text : text.chopped(1) + QStringLiteral(": ") + what, QStringLiteral("NAME"), QStringLiteral("twilio") };
}

std::optional<telephony::MediaProtocol> providerFrom(const QCommandLineParser &parser, QString *problem, const QString &name)
{
    const QString value = parser.value(name);
    if (const auto provider = telephony::protocolFromName(value)) // the one name rule, in core
        return provider;
    if (problem)
        *problem = QStringLiteral("--%1: \"%2\" is not twilio or exotel").arg(name, value);
    return std::nullopt;
}

} // namespace ringside::cli
