#include "liveowner.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <QSysInfo>

namespace ringside::analytics {

namespace {

QString bootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("-");
    return QString::fromLatin1(f.readAll().trimmed());
}

// Field 22 of /proc/<pid>/stat: the process's start, in clock ticks since boot. Empty when the
// process does not exist. The command name (field 2) may hold spaces and parentheses, so the
// fields are counted from its closing parenthesis.
QString startTicks(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    constexpr int kStartTimeAfterName = 22 - 3; // field 3 (state) is the first after the name
    return fields.size() > kStartTimeAfterName ? QString::fromLatin1(fields.at(kStartTimeAfterName)) : QString();
}

} // namespace

QString thisProcessOwner()
{
    const qint64 pid = QCoreApplication::applicationPid();
    return QStringList{ QSysInfo::machineHostName(), bootId(), QString::number(pid), startTicks(pid) }.join(QLatin1Char('/'));
}

bool ownerMayBeAlive(const QString &owner)
{
    const QStringList parts = owner.split(QLatin1Char('/'));
    if (parts.size() != 4)
        return false; // not written by a recorder: nobody keeps it
    if (parts.at(0) != QSysInfo::machineHostName())
        return true;
    if (parts.at(1) != bootId())
        return false;
    bool ok = false;
    const qint64 pid = parts.at(2).toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
    const QString ticks = startTicks(pid);
    return !ticks.isEmpty() && ticks == parts.at(3);
}

} // namespace ringside::analytics
