#include "screenshotter.h"

#include "mainwindow.h"
#include "workspace.h"

#include "services/backend.h"

#include <QDir>
#include <QPixmap>
#include <QTimer>

namespace ringside::ui {

namespace {
constexpr int kTickMs = 50;
constexpr int kIdleTicksNeeded = 6;     // 300 ms with no work queued
constexpr int kMaxTicks = 20 * 60 * 2;  // two minutes per workspace at most
} // namespace

Screenshotter::Screenshotter(MainWindow &window, Backend &backend, QString folder, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_backend(backend)
    , m_folder(std::move(folder))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &Screenshotter::poll);
}

void Screenshotter::start()
{
    if (!QDir().mkpath(m_folder)) {
        Q_EMIT finished({}, tr("Cannot create the folder %1").arg(m_folder));
        return;
    }
    m_index = -1;
    showNext();
}

void Screenshotter::showNext()
{
    ++m_index;
    if (m_index >= m_window.workspaceCount()) {
        m_timer->stop();
        Q_EMIT finished(m_files, QString());
        return;
    }
    m_window.showWorkspace(m_index);
    if (m_prepare)
        m_prepare(m_index);
    m_idleTicks = 0;
    m_ticks = 0;
    m_timer->start();
}

void Screenshotter::poll()
{
    ++m_ticks;
    m_idleTicks = m_backend.isBusy() ? 0 : m_idleTicks + 1;
    if (m_idleTicks >= kIdleTicksNeeded || m_ticks >= kMaxTicks) {
        m_timer->stop();
        capture();
    }
}

void Screenshotter::capture()
{
    Workspace *workspace = m_window.workspaceAt(m_index);
    const QString id = workspace->objectName().isEmpty() ? QStringLiteral("workspace-%1").arg(m_index + 1)
                                                         : workspace->objectName();
    const QString path = QDir(m_folder).filePath(id + QStringLiteral(".png"));
    if (!m_window.grab().save(path, "PNG")) {
        Q_EMIT finished(m_files, tr("Cannot write %1").arg(path));
        return;
    }
    m_files << path;
    showNext();
}

} // namespace ringside::ui
