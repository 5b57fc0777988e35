#pragma once

#include "campaigns/campaignrules.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;
class QUndoStack;

namespace ringside::ui {

// The campaign rules as a form: calling window, COD timing and attempts, cart delays and value
// tiers per currency, callbacks, caps, the dialer's limits. Every change is checked at once with
// the same validation as `campaigns rules --set` (problems listed by field, Save disabled while
// there are any) and can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z) until saved.
class CampaignRulesEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit CampaignRulesEditor(QWidget *parent = nullptr);

    // Shows `rules` as the saved state (the undo history starts again).
    void load(const campaigns::CampaignRules &rules);
    // What the form says now.
    campaigns::CampaignRules rules() const;
    QStringList problems() const { return m_problems; }
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undo; }
    // The saved state has been stored (Save succeeded).
    void markSaved();

Q_SIGNALS:
    void saveRequested(const ringside::campaigns::CampaignRules &rules);
    void modifiedChanged(bool modified);

private:
    void fieldChanged();
    void show(const json &doc);     // fills the widgets without recording an edit
    json formDocument() const;
    void validate();

    QTimeEdit *m_open = nullptr;
    QTimeEdit *m_close = nullptr;
    QSpinBox *m_codDelay = nullptr;
    QTimeEdit *m_codMorning = nullptr;
    QSpinBox *m_codAttempts = nullptr;
    QSpinBox *m_codGap = nullptr;
    QSpinBox *m_deliveryAttempts = nullptr;
    QDoubleSpinBox *m_inrHigh = nullptr;
    QDoubleSpinBox *m_inrMedium = nullptr;
    QDoubleSpinBox *m_usdHigh = nullptr;
    QDoubleSpinBox *m_usdMedium = nullptr;
    QSpinBox *m_cartHighDelay = nullptr;
    QSpinBox *m_cartMediumDelay = nullptr;
    QSpinBox *m_cartLowDelay = nullptr;
    QCheckBox *m_businessWeekends = nullptr;
    QSpinBox *m_callbackDelay = nullptr;
    QSpinBox *m_perDay = nullptr;
    QSpinBox *m_concurrent = nullptr;
    QSpinBox *m_reserve = nullptr;
    QDoubleSpinBox *m_pace = nullptr;
    QCheckBox *m_amd = nullptr;
    QLineEdit *m_voicemail = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QUndoStack *m_undo = nullptr;

    campaigns::CampaignRules m_saved;
    json m_shown;                    // what the widgets show (the state the next edit starts from)
    QStringList m_problems;
    bool m_loading = false;
};

} // namespace ringside::ui
