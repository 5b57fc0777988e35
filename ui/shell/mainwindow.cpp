#include "mainwindow.h"

#include "workspace.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

namespace ringside::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Ringside"));
    resize(1280, 800);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setFixedWidth(180);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setAccessibleName(tr("Workspaces"));
    layout->addWidget(m_navigation);

    m_stack = new QStackedWidget(central);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::handleNavigationChanged);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);
}

void MainWindow::addWorkspace(Workspace *workspace)
{
    const int index = int(m_workspaces.size());
    m_workspaces.push_back(workspace);
    m_stack->addWidget(workspace);
    auto *item = new QListWidgetItem(workspace->icon(), workspace->title(), m_navigation);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(workspace->title()).arg(index + 1));
    if (index < 9) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        connect(action, &QAction::triggered, this, [this, index] { showWorkspace(index); });
        addAction(action);
    }
    if (index == 0)
        m_navigation->setCurrentRow(0);
}

int MainWindow::workspaceCount() const
{
    return int(m_workspaces.size());
}

Workspace *MainWindow::workspaceAt(int index) const
{
    return (index >= 0 && index < workspaceCount()) ? m_workspaces[size_t(index)] : nullptr;
}

void MainWindow::showWorkspace(int index)
{
    if (index >= 0 && index < workspaceCount())
        m_navigation->setCurrentRow(index);
}

int MainWindow::currentWorkspace() const
{
    return m_stack->currentIndex();
}

void MainWindow::setStatusText(const QString &text)
{
    m_status->setText(text);
}

void MainWindow::handleNavigationChanged(int row)
{
    const int current = m_stack->currentIndex();
    if (row == current || row < 0)
        return;
    if (Workspace *leaving = workspaceAt(current); leaving && !leaving->canLeave()) {
        const QSignalBlocker block(m_navigation);
        m_navigation->setCurrentRow(current);
        return;
    }
    m_stack->setCurrentIndex(row);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (Workspace *w : m_workspaces) {
        if (!w->canLeave()) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

} // namespace ringside::ui
