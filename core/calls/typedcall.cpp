#include "calls/typedcall.h"

#include "engine/session.h"
#include "engine/turnwait.h"
#include "util/jsonqt.h"

#include <QFile>

namespace ringside {

Result<ChatScript> readChatScript(const QString &path)
{
    using R = Result<ChatScript>;
    ChatScript out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    json doc;
    try {
        doc = json::parse(file.readAll().toStdString());
    } catch (const json::exception &e) { // parse_error, or out_of_range for a number too large
        return R::failure(QStringLiteral("%1 is not JSON: %2").arg(path, QString::fromUtf8(e.what())));
    }
    if (!doc.is_object())
        return R::failure(QStringLiteral("%1: /: must be an object {\"vars\": {…}, \"turns\": […]}").arg(path));
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() != "vars" && it.key() != "turns")
            return R::failure(QStringLiteral("%1: /%2: unknown key (known: vars, turns)").arg(path, qs(it.key())));
    }
    if (doc.contains("vars")) {
        if (!doc["vars"].is_object())
            return R::failure(QStringLiteral("%1: /vars: must be an object of strings").arg(path));
        for (auto it = doc["vars"].begin(); it != doc["vars"].end(); ++it) {
            if (!it->is_string())
                return R::failure(QStringLiteral("%1: /vars/%2: must be a string").arg(path, qs(it.key())));
            out.vars.insert(qs(it.key()), qs(it->get<std::string>()));
        }
    }
    if (!doc.contains("turns") || !doc["turns"].is_array())
        return R::failure(QStringLiteral("%1: /turns: required array of strings is missing").arg(path));
    for (size_t i = 0; i < doc["turns"].size(); ++i) {
        if (!doc["turns"][i].is_string())
            return R::failure(QStringLiteral("%1: /turns/%2: must be a string").arg(path).arg(i));
        out.turns << qs(doc["turns"][i].get<std::string>());
    }
    return R(std::move(out));
}

TypedCallEnd runTypedCall(Session &session, const std::function<std::optional<QString>()> &nextLine, int answerTimeoutMs)
{
    TypedCallEnd end = TypedCallEnd::Ended;
    while (!session.isEnded()) {
        const std::optional<QString> line = nextLine();
        if (!line) {
            end = TypedCallEnd::HungUp;
            break;
        }
        if (!sayAndWait(session, *line, answerTimeoutMs)) {
            end = TypedCallEnd::NoAnswer;
            break;
        }
    }
    if (!session.isEnded())
        session.end(QStringLiteral("hangup"));
    return end;
}

} // namespace ringside
