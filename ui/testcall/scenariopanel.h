#pragma once

#include <QGroupBox>

class QLabel;
class QListWidget;
class QPushButton;

namespace ringside::ui {

// The regression scenarios saved from test calls (one JSON file each in a folder), with a button
// that replays them all through core/engine's ScenarioRunner — on a thread of its own, since each
// scenario builds a fresh store — and shows PASS or FAIL with the reason beside each.
class ScenarioPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ScenarioPanel(QString folder, QWidget *parent = nullptr);

    QString folder() const { return m_folder; }
    // Lists the folder's scenario files again (after one was saved).
    void reload();
    // Replays every scenario in the folder; finished() reports the counts.
    void runAll();
    bool isRunning() const { return m_running; }

    QListWidget *list() const { return m_list; }
    QString summaryText() const;

Q_SIGNALS:
    void finished(int passed, int failed);

private:
    QString m_folder;
    QListWidget *m_list = nullptr;
    QPushButton *m_run = nullptr;
    QLabel *m_summary = nullptr;
    bool m_running = false;
};

} // namespace ringside::ui
