#pragma once
// --provider twilio|exotel, for the commands that place calls (`campaigns run`, `call`,
// `serve --campaign-provider`); the names are telephony::protocolFromName's.

#include "telephony/mediaprotocol.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace ringside::cli {

// --NAME NAME: "twilio (default) or exotel." plus `what` when given.
QCommandLineOption providerOption(const QString &name = QStringLiteral("provider"), const QString &what = QString());

// The provider the option names; nothing when it names neither (*problem says so, naming the option).
std::optional<telephony::MediaProtocol> providerFrom(const QCommandLineParser &parser, QString *problem,
                                                     const QString &name = QStringLiteral("provider"));

} // namespace ringside::cli
