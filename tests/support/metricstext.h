#pragma once
// Reading one value from serve's /metrics text (Prometheus exposition: "name value" on its own line),
// for the tests and benchmarks that sample it.

#include <QByteArray>

namespace ringside::test {

// The value of the un-labelled sample `name` in `body`, or -1 when it is not there.
inline double metricValue(const QByteArray &body, const QByteArray &name)
{
    const qsizetype at = body.indexOf(QByteArray('\n' + name + ' '));
    if (at < 0)
        return -1;
    const qsizetype from = at + 1 + name.size() + 1;
    const qsizetype end = body.indexOf('\n', from);
    return body.mid(from, end < 0 ? -1 : end - from).toDouble();
}

} // namespace ringside::test
