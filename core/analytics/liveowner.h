#pragma once

#include <QString>

namespace ringside::analytics {

// Who keeps a live call's record up to date: "host/boot/pid/start", naming this engine process
// precisely enough that another process can later tell whether it still runs (a pid alone is
// reused; its start time since boot is not, within one boot).
QString thisProcessOwner();

// False when `owner` is a process on this host that no longer runs: another boot, a pid that is
// gone, or a pid now held by a process started at another time. True while it runs, and for an
// owner on another host, which this process cannot check (docs/analytics.md).
bool ownerMayBeAlive(const QString &owner);

} // namespace ringside::analytics
