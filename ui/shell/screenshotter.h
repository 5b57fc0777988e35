#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QTimer;

namespace ringside::ui {

class Backend;
class MainWindow;

// `ringside --screenshot DIR`: shows each workspace in turn, waits until the worker has been idle
// for a moment (its data has loaded and been drawn), and saves the window as DIR/<id>.png,
// where <id> is the workspace's objectName. Emits finished() with the list of files written.
class Screenshotter final : public QObject
{
    Q_OBJECT
public:
    Screenshotter(MainWindow &window, Backend &backend, QString folder, QObject *parent = nullptr);

    // Starts with the first workspace; each workspace's `prepare` hook (if set) runs before its shot.
    void start();
    void setPrepare(std::function<void(int index)> prepare) { m_prepare = std::move(prepare); }

Q_SIGNALS:
    // `error` empty when every file was written.
    void finished(const QStringList &files, const QString &error);

private:
    void showNext();
    void poll();
    void capture();

    MainWindow &m_window;
    Backend &m_backend;
    QString m_folder;
    QTimer *m_timer = nullptr;
    std::function<void(int)> m_prepare;
    int m_index = -1;
    int m_idleTicks = 0;
    int m_ticks = 0;
    QStringList m_files;
};

} // namespace ringside::ui
