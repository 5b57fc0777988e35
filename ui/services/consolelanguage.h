#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace ringside::ui {

// The language the console speaks: English (the source text) or a translation shipped as
// <share>/ringside/translations/ringside_<code>.qm. The choice in Settings ("" follows the system)
// picks a locale; that locale becomes the default, so numbers, dates and money follow it everywhere.
class ConsoleLanguage
{
public:
    // Language codes the console can show: "en" first, then one per ringside_<code>.qm in `folder`.
    static QStringList available(const QString &folder);

    // The locale for a choice: "" follows `system` (its formats, and its language when translated);
    // a code is that language, in the system's country where the language is spoken there
    // (English on an Indian system: en_IN), else the language's main country (Hindi: hi_IN).
    static QLocale localeFor(const QString &choice, const QLocale &system);

    // The translations folder shipped with this binary: ../share/ringside/translations from its
    // bin/ folder (/usr/share/… installed, build/share/… in a build tree).
    static QString translationsFolder();

    // Makes `locale` the default and installs its translations from `folder` (ours and, where we
    // ship one, Qt's own dialogs and menus) into the application. Returns the codes of the
    // translation files loaded; empty for English or when none exists.
    static QStringList apply(QCoreApplication &app, const QLocale &locale, const QString &folder);

    // The language's name in itself ("English", "हिन्दी"), as a language switch shows it.
    static QString nativeName(const QString &code);
};

} // namespace ringside::ui
