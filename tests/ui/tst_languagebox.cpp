// Settings ▸ Language: the choice is kept in the settings (empty for "same as the system"), takes
// effect at the next start, and says so only when it changes what the console speaks.
#include "services/consolesettings.h"
#include "settings/languagebox.h"

#include <QComboBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside::ui;

class TestLanguageBox : public QObject
{
    Q_OBJECT

private:
    // Picks the combo row whose data is `code` the way a user does: open it, move, press Return.
    static void choose(QComboBox *combo, const QString &code)
    {
        const int row = combo->findData(code);
        QVERIFY(row >= 0);
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Home);
        for (int i = 0; i < row; ++i)
            QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentIndex(), row);
    }

private Q_SLOTS:
    void choosingALanguageIsKeptForTheNextStart()
    {
        QTemporaryDir dir;
        QSettings qsettings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ConsoleSettings settings(qsettings);
        LanguageBox box(settings, { QStringLiteral("en"), QStringLiteral("hi") }, QStringLiteral("en"));
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        QComboBox *combo = box.combo();
        QCOMPARE(combo->count(), 3);   // same as the system, English, हिन्दी
        QCOMPARE(combo->currentIndex(), 0);
        QCOMPARE(combo->itemText(2), QStringLiteral("हिन्दी"));
        QVERIFY(box.noteText().isEmpty());

        choose(combo, QStringLiteral("hi"));
        QCOMPARE(settings.language(), QStringLiteral("hi"));
        QSettings reread(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(reread.value(QStringLiteral("ui/language")).toString(), QStringLiteral("hi"));
        QVERIFY2(box.noteText().contains(QStringLiteral("हिन्दी")), qPrintable(box.noteText()));

        choose(combo, QStringLiteral("en"));   // what it speaks now: nothing to restart for
        QCOMPARE(settings.language(), QStringLiteral("en"));
        QVERIFY(box.noteText().isEmpty());

        choose(combo, QString());               // back to following the system: the key goes
        QCOMPARE(settings.language(), QString());
        QVERIFY(!QSettings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat).contains(QStringLiteral("ui/language")));
    }

    void aSavedChoiceIsShownAtStart()
    {
        QTemporaryDir dir;
        QSettings qsettings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ConsoleSettings settings(qsettings);
        settings.setLanguage(QStringLiteral("hi"));
        LanguageBox box(settings, { QStringLiteral("en"), QStringLiteral("hi") }, QStringLiteral("hi"));
        QCOMPARE(box.combo()->currentData().toString(), QStringLiteral("hi"));
        // A saved language no longer shipped falls back to "same as the system".
        settings.setLanguage(QStringLiteral("ta"));
        LanguageBox other(settings, { QStringLiteral("en"), QStringLiteral("hi") }, QStringLiteral("en"));
        QCOMPARE(other.combo()->currentIndex(), 0);
    }
};

QTEST_MAIN(TestLanguageBox)
#include "tst_languagebox.moc"
