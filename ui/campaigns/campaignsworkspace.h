#pragma once

#include "campaignsdata.h"

#include "shell/workspace.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTabWidget;

namespace ringside {
class Clock;
}

namespace ringside::ui {

class Backend;
class CampaignCallsModel;
class CampaignCallsTable;
class CampaignRulesEditor;
class CampaignTimeline;
class MessageBar;

// Campaigns: the outbound calls the store's rules plan — upcoming ones on a timeline per use
// case, each call's attempts and history, skipped calls with their reasons; pause and resume per
// use case; the rules editor; the do-not-call import with its progress. Everything is read and
// written on the worker thread; the dialer itself runs in `ringside-engine serve`.
class CampaignsWorkspace final : public Workspace
{
    Q_OBJECT
public:
    CampaignsWorkspace(Backend &backend, const Clock &clock, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    bool canLeave() override;
    void activated() override;

    // Reads the queue again (F5).
    void refresh();
    // Imports an NCPR/DND CSV on the worker, with the progress bar (File dialog: importDndFile()).
    void importDnd(const QString &path);
    void importDndFile();

    CampaignCallsModel *model() const { return m_model; }
    CampaignTimeline *timeline() const { return m_timeline; }
    CampaignRulesEditor *rulesEditor() const { return m_rules; }
    QString historyText() const;
    QString summaryText() const;
    const CampaignsSnapshot &snapshot() const { return m_snapshot; }
    campaigns::DndImportReport lastImport() const { return m_lastImport; }

Q_SIGNALS:
    void refreshed();
    void dndImported();

private:
    void showSnapshot(const CampaignsSnapshot &s);
    void showHistory(const QString &subjectKey);
    void applyFilter();
    void pauseOrResume(bool pause);
    void cancelSelected();
    void saveRules(const campaigns::CampaignRules &rules);
    void selectCall(qint64 id);
    QString selectedUseCase() const;

    Backend &m_backend;
    const Clock &m_clock;
    CampaignsSnapshot m_snapshot;
    MessageBar *m_message = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_useCase = nullptr;
    QComboBox *m_show = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_import = nullptr;
    QProgressBar *m_importProgress = nullptr;
    CampaignTimeline *m_timeline = nullptr;
    CampaignCallsModel *m_model = nullptr;
    CampaignCallsTable *m_table = nullptr;
    QTextBrowser *m_history = nullptr;
    QTabWidget *m_tabs = nullptr;
    CampaignRulesEditor *m_rules = nullptr;
    campaigns::DndImportReport m_lastImport;
    bool m_importing = false;
};

} // namespace ringside::ui
