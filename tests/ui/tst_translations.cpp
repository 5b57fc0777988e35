// The console's translations: every string in every TS file finished and faithful to its source
// (placeholders, the keyboard mnemonic letter, HTML tags), the TS files up to date with the sources
// (lupdate finds nothing new), and the .qm files loaded from the installed layout by the locale
// rule ConsoleLanguage implements. docs/translations.md describes the loop these checks guard.
#include "services/consolelanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <set>

using namespace ringside::ui;

namespace {

struct Message {
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations;   // one, or one per numerus form
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message { context, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes") };
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            current.unfinished = type == QLatin1String("unfinished") || type == QLatin1String("vanished")
                                 || type == QLatin1String("obsolete");
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.translations.append(xml.readElementText());
            } else {
                current.translations.append(xml.readElementText());
            }
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

// %1…%99, %n and their %L forms; a translation may reorder them but must keep every one.
std::multiset<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    std::multiset<QString> found;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        found.insert(m.captured(0));
    return found;
}

// The mnemonic: the letter after a single "&" ("&&" is a literal ampersand), or none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!text.at(i + 1).isSpace())
            return text.at(i + 1).toUpper();
    }
    return {};
}

QStringList tags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("</?([a-zA-Z]+)[^>]*>"));
    QStringList found;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        found.append(m.captured(0).startsWith(QLatin1String("</")) ? u'/' + m.captured(1) : m.captured(1));
    return found;
}

QString describe(const Message &m)
{
    return QStringLiteral("%1: \"%2\"").arg(m.context, m.source.left(90));
}

QStringList tsFiles()
{
    return QString::fromUtf8(RINGSIDE_TS_FILES).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStringIsTranslated_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : tsFiles())
            QTest::addRow("%s", qPrintable(QFileInfo(path).fileName())) << path;
    }

    void everyStringIsTranslated()
    {
        QFETCH(QString, path);
        QString error;
        const QList<Message> messages = readTs(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        QStringList problems;
        for (const Message &m : messages) {
            if (m.unfinished) {
                problems << QStringLiteral("unfinished: %1").arg(describe(m));
                continue;
            }
            if (m.translations.isEmpty() || m.translations.contains(QString()))
                problems << QStringLiteral("empty translation: %1").arg(describe(m));
            for (const QString &t : m.translations) {
                if (placeholders(t) != placeholders(m.source))
                    problems << QStringLiteral("placeholders differ in \"%1\": %2").arg(t, describe(m));
                // Alt+letter must work on the English keyboards Indian teams type on: the translation
                // keeps the source's letter, as "फ़ाइल (&F)".
                if (mnemonic(m.source) != mnemonic(t))
                    problems << QStringLiteral("keyboard mnemonic differs (Alt+%1 in English, Alt+%2 in \"%3\"): %4")
                                        .arg(mnemonic(m.source), mnemonic(t), t, describe(m));
                if (tags(t) != tags(m.source))
                    problems << QStringLiteral("HTML tags differ in \"%1\": %2").arg(t, describe(m));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s) in %2:\n  %3")
                                                         .arg(problems.size()).arg(path, problems.join(QStringLiteral("\n  ")))));
    }

    // A tr() string added to the sources without running lupdate is not in the TS file, so the
    // check above cannot see it: lupdate into a copy must find nothing new and nothing gone.
    void tsFileIsUpToDateWithTheSources()
    {
        const QString project = QStringLiteral(RINGSIDE_LUPDATE_PROJECT);
        QVERIFY2(QFile::exists(project), qPrintable(project + QStringLiteral(" (lupdate's project, written at build time) is missing")));
        QTemporaryDir dir;
        const QString committed = tsFiles().first();
        const QString copy = dir.filePath(QFileInfo(committed).fileName());
        QVERIFY(QFile::copy(committed, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.start(QStringLiteral(RINGSIDE_LUPDATE), { QStringLiteral("-project"), project, QStringLiteral("-ts"), copy,
                                                          QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                                          QStringLiteral("none"), QStringLiteral("-silent") });
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QString error;
        const QList<Message> before = readTs(committed, &error);
        const QList<Message> after = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> old;
        for (const Message &m : before)
            old.insert(m.context + u'\x1f' + m.source);
        QStringList added;
        QSet<QString> now;
        for (const Message &m : after) {
            now.insert(m.context + u'\x1f' + m.source);
            if (!old.contains(m.context + u'\x1f' + m.source))
                added << describe(m);
        }
        QStringList gone;
        for (const Message &m : before) {
            if (!now.contains(m.context + u'\x1f' + m.source))
                gone << describe(m);
        }
        QVERIFY2(added.isEmpty() && gone.isEmpty(),
                 qPrintable(QStringLiteral("%1 is behind the sources; run `cmake --build build --target ringside_ui_lupdate`, "
                                           "translate, and see docs/translations.md.\n  new: %2\n  gone: %3")
                                    .arg(committed, added.join(QStringLiteral("\n       ")), gone.join(QStringLiteral("\n        ")))));
    }

    void availableLanguagesComeFromTheQmFiles()
    {
        const QStringList codes = ConsoleLanguage::available(QStringLiteral(RINGSIDE_QM_DIR));
        QCOMPARE(codes.value(0), QStringLiteral("en"));
        QVERIFY2(codes.contains(QStringLiteral("hi")), qPrintable(codes.join(u',')));
        QVERIFY(!codes.contains(QStringLiteral("qt_hi")));   // Qt's strings are not a language of their own
        QCOMPARE(ConsoleLanguage::available(QStringLiteral("/nonexistent")), QStringList { QStringLiteral("en") });
        QCOMPARE(ConsoleLanguage::nativeName(QStringLiteral("hi")), QStringLiteral("हिन्दी"));
        QCOMPARE(ConsoleLanguage::nativeName(QStringLiteral("en")), QStringLiteral("English"));
    }

    void localeFollowsTheSystemUnlessChosen_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("expected");
        QTest::addRow("system Hindi") << QString() << "hi_IN" << "hi_IN";
        QTest::addRow("system English (India)") << QString() << "en_IN" << "en_IN";
        QTest::addRow("English chosen on a Hindi system keeps India") << "en" << "hi_IN" << "en_IN";
        QTest::addRow("Hindi chosen on a US system") << "hi" << "en_US" << "hi_IN";
        QTest::addRow("Hindi chosen on a C locale") << "hi" << "C" << "hi_IN";
        QTest::addRow("unknown choice follows the system") << "xx" << "en_GB" << "en_GB";
    }

    void localeFollowsTheSystemUnlessChosen()
    {
        QFETCH(QString, choice);
        QFETCH(QString, system);
        QFETCH(QString, expected);
        QCOMPARE(ConsoleLanguage::localeFor(choice, QLocale(system)).name(), expected);
    }

    // Last: installs translators into this process.
    void hindiLoadsFromTheInstalledLayout()
    {
        const QLocale before;
        QCOMPARE(QCoreApplication::translate("ringside::ui::MainWindow", "Workspaces"), QStringLiteral("Workspaces"));
        const QStringList loaded = ConsoleLanguage::apply(*QCoreApplication::instance(), QLocale(QStringLiteral("hi_IN")),
                                                          QStringLiteral(RINGSIDE_QM_DIR));
        QCOMPARE(loaded, (QStringList { QStringLiteral("ringside_hi"), QStringLiteral("ringside_qt_hi") }));
        QCOMPARE(QCoreApplication::translate("ringside::ui::MainWindow", "Workspaces"), QStringLiteral("वर्कस्पेस"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("रद्द करें"));
        QCOMPARE(QCoreApplication::translate("ringside::ui::AgentListModel", "%n problem(s) in %1", nullptr, 3)
                         .arg(QStringLiteral("x.json")),
                 QStringLiteral("x.json में 3 समस्याएँ"));
        // Numbers, dates and money follow the same locale (Devanagari month names, Indian grouping).
        QCOMPARE(QLocale().name(), QStringLiteral("hi_IN"));
        QCOMPARE(QLocale().toString(2382021), QStringLiteral("23,82,021"));
        QVERIFY2(QLocale().toString(QDate(2026, 11, 20), QLocale::LongFormat).contains(QStringLiteral("नवंबर")),
                 qPrintable(QLocale().toString(QDate(2026, 11, 20), QLocale::LongFormat)));
        QLocale::setDefault(before);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
