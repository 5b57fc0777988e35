#pragma once

#include <QMainWindow>

#include <vector>

class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QStackedWidget;

namespace ringside::ui {

class Backend;
class Workspace;

// The console's frame: a navigation list on the left, the current workspace on the right,
// a status bar naming the database and showing background work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Takes ownership. Workspaces appear in the order added; Ctrl+1… switch between them.
    void addWorkspace(Workspace *workspace);
    int workspaceCount() const;
    Workspace *workspaceAt(int index) const;
    // Switches (asking the current workspace first); false when the user stayed.
    bool showWorkspace(int index);
    int currentWorkspace() const;

    // Shows the worker's progress and busy state in the status bar.
    void attachBackend(Backend &backend);
    void setStatusText(const QString &text);
    QString statusText() const;
    QMenu *fileMenu() const { return m_fileMenu; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void handleNavigationChanged(int row);

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_progressText = nullptr;
    QProgressBar *m_progress = nullptr;
    QMenu *m_fileMenu = nullptr;
    std::vector<Workspace *> m_workspaces;
};

} // namespace ringside::ui
