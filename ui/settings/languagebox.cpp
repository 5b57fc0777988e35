#include "languagebox.h"

#include "services/consolelanguage.h"
#include "services/consolesettings.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

namespace ringside::ui {

LanguageBox::LanguageBox(ConsoleSettings &settings, const QStringList &available, const QString &running,
                         QWidget *parent)
    : QGroupBox(tr("Language"), parent)
    , m_settings(settings)
    , m_running(running)
{
    auto *form = new QFormLayout(this);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("languageCombo"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("languageNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    form->addRow(tr("Console &language:"), m_combo);
    form->addRow(m_note);

    // The system's own language decides "System" when it is one we ship, else English.
    const QString system = QLocale::languageToCode(QLocale::system().language());
    m_systemLanguage = available.contains(system) ? system : QStringLiteral("en");
    m_combo->addItem(tr("Same as the system (%1)").arg(ConsoleLanguage::nativeName(m_systemLanguage)), QString());
    for (const QString &code : available)
        m_combo->addItem(ConsoleLanguage::nativeName(code), code);
    const int index = m_combo->findData(settings.language());
    m_combo->setCurrentIndex(index >= 0 ? index : 0);
    connect(m_combo, &QComboBox::activated, this, &LanguageBox::choose);
}

void LanguageBox::choose()
{
    const QString code = m_combo->currentData().toString();
    m_settings.setLanguage(code);
    m_settings.sync();
    const QString effective = code.isEmpty() ? m_systemLanguage : code;
    const bool changes = effective != m_running;
    m_note->setText(changes ? tr("Saved. The console speaks %1 from its next start.")
                                      .arg(ConsoleLanguage::nativeName(effective))
                            : QString());
    m_note->setVisible(changes);
}

QString LanguageBox::noteText() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

} // namespace ringside::ui
