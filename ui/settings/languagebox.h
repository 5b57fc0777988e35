#pragma once

#include <QGroupBox>
#include <QStringList>

class QComboBox;
class QLabel;

namespace ringside::ui {

class ConsoleSettings;

// The console's language: the system's, or one of the languages shipped (English, हिन्दी). The
// choice is kept in the settings and takes effect at the next start: every window is built in one
// language, and switching mid-session would leave half of it in the other.
class LanguageBox final : public QGroupBox
{
    Q_OBJECT
public:
    // `available`: language codes with a translation ("en" first); `running`: the code in use now.
    LanguageBox(ConsoleSettings &settings, const QStringList &available, const QString &running,
                QWidget *parent = nullptr);

    QComboBox *combo() const { return m_combo; }
    QString noteText() const;

private:
    void choose();

    ConsoleSettings &m_settings;
    QString m_running;
    QString m_systemLanguage;   // what "Same as the system" means here: a shipped code, else "en"
    QComboBox *m_combo = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace ringside::ui
