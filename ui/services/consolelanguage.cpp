#include "consolelanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTranslator>

namespace ringside::ui {

QStringList ConsoleLanguage::available(const QString &folder)
{
    QStringList codes { QStringLiteral("en") };
    static const QRegularExpression name(QStringLiteral("^ringside_([a-z]{2,3}(?:_[A-Z]{2})?)\\.qm$"));
    const QStringList files = QDir(folder).entryList({ QStringLiteral("ringside_*.qm") }, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QRegularExpressionMatch m = name.match(file);
        if (m.hasMatch() && !codes.contains(m.captured(1)))
            codes.append(m.captured(1));
    }
    return codes;
}

QLocale ConsoleLanguage::localeFor(const QString &choice, const QLocale &system)
{
    if (choice.isEmpty())
        return system;
    const QLocale wanted(choice);
    if (wanted.language() == QLocale::C)
        return system;
    // Keep the system's country when the language is spoken there (QLocale falls back to the
    // language's main country otherwise: Hindi with the US becomes hi_IN).
    const QLocale local(wanted.language(), system.territory());
    return local.language() == wanted.language() ? local : wanted;
}

QString ConsoleLanguage::translationsFolder()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/ringside/translations"));
}

QStringList ConsoleLanguage::apply(QCoreApplication &app, const QLocale &locale, const QString &folder)
{
    QLocale::setDefault(locale);
    QStringList loaded;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return loaded;
    const auto install = [&app, &locale, &loaded](const QString &prefix, const QString &dir) {
        auto *translator = new QTranslator(&app);
        if (!translator->load(locale, prefix, QStringLiteral("_"), dir)) {
            delete translator;
            return false;
        }
        QCoreApplication::installTranslator(translator);
        loaded.append(QFileInfo(translator->filePath()).completeBaseName());
        return true;
    };
    if (!install(QStringLiteral("ringside"), folder))
        return loaded;
    // Qt's own dialogs and context menus: ringside_qt_<code>.qm for a language Qt does not
    // translate itself (Hindi), else Qt's translation when it has one.
    if (!install(QStringLiteral("ringside_qt"), folder))
        install(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return loaded;
}

QString ConsoleLanguage::nativeName(const QString &code)
{
    const QLocale locale(code);
    if (locale.language() == QLocale::C)
        return code;
    QString name = locale.nativeLanguageName();
    if (locale.language() == QLocale::English)
        name = QStringLiteral("English");   // not "American English" or "Indian English"
    return name.isEmpty() ? code : name;
}

} // namespace ringside::ui
