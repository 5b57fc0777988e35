#include "databaseurl.h"

#include <QUrl>
#include <QUrlQuery>

namespace ringside {

bool DatabaseUrl::parse(const QString &value, DatabaseUrl *out, QString *error)
{
    auto fail = [&](const QString &why) {
        // Named by scheme, host and path only: the user part and the query may hold a secret.
        QString shown = value.section(QLatin1Char('?'), 0, 0);
        const int at = shown.lastIndexOf(QLatin1Char('@'));
        const int scheme = shown.indexOf(QLatin1String("://"));
        if (at > scheme && scheme > 0)
            shown = shown.left(scheme + 3) + QStringLiteral("…@") + shown.mid(at + 1);
        if (error)
            *error = QStringLiteral("--db %1: %2").arg(shown, why);
        return false;
    };
    if (value.isEmpty())
        return fail(QStringLiteral("no database given (use --db PATH or --db postgresql://user@host:port/dbname)"));
    const int scheme = value.indexOf(QLatin1String("://"));
    if (scheme < 0) {
        // Without "://" a value that names PostgreSQL is a mistyped URL, not a file to create.
        if (value.startsWith(QLatin1String("postgres"), Qt::CaseInsensitive) && value.contains(QLatin1Char(':')))
            return fail(QStringLiteral("write a PostgreSQL database as postgresql://user@host:port/dbname"));
        *out = DatabaseUrl();
        out->path = value;
        return true;
    }
    const QString name = value.left(scheme).toLower();
    if (name != QLatin1String("postgresql") && name != QLatin1String("postgres"))
        return fail(QStringLiteral("%1 databases are not supported; give the path of a SQLite file (--db ringside.db) "
                                   "or postgresql://user@host:port/dbname").arg(value.left(scheme)));
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid())
        return fail(QStringLiteral("not a valid URL (%1)").arg(url.errorString()));
    if (!url.password().isEmpty())
        return fail(QStringLiteral("a password does not belong on the command line; put it in PGPASSWORD or ~/.pgpass"));
    DatabaseUrl pg;
    pg.kind = PostgreSQL;
    pg.host = url.host();
    pg.port = url.port(-1);
    pg.user = url.userName();
    pg.database = url.path().mid(1);
    if (pg.database.isEmpty() || pg.database.contains(QLatin1Char('/')))
        return fail(QStringLiteral("name the database after the host: postgresql://user@host:port/dbname"));
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, item] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host")) {
            pg.host = item;
        } else if (key == QLatin1String("sslmode") || key == QLatin1String("connect_timeout")
                   || key == QLatin1String("application_name")) {
            options << key + QLatin1Char('=') + item;
        } else if (key == QLatin1String("password")) {
            return fail(QStringLiteral("a password does not belong on the command line; put it in PGPASSWORD or ~/.pgpass"));
        } else {
            return fail(QStringLiteral("unknown option '%1' (known: host, sslmode, connect_timeout, application_name)").arg(key));
        }
    }
    pg.options = options.join(QLatin1Char(';'));
    *out = pg;
    return true;
}

QString DatabaseUrl::display() const
{
    if (kind == SQLiteFile)
        return path;
    QString out = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        out += user + QLatin1Char('@');
    if (!host.startsWith(QLatin1Char('/')))
        out += host;
    if (port > 0)
        out += QLatin1Char(':') + QString::number(port);
    out += QLatin1Char('/') + database;
    if (host.startsWith(QLatin1Char('/')))
        out += QStringLiteral("?host=") + host;
    return out;
}

} // namespace ringside
