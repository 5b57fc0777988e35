// The whole console in Hindi, every workspace (and every page of its tabs) filled with the demo store at the screenshot size:
// no English left in its chrome (labels, buttons, group titles, tabs, column headers, placeholders,
// tooltips, menus, the status bar) and no text cut off by a widget narrower than its text. Data
// (agent names, greetings, transcripts, customer records) is content and stays as written.
// A toolbar action pushed behind the » overflow menu counts as cut too.
#include "agents/agenteditor.h"
#include "agents/agentsworkspace.h"
#include "services/backend.h"
#include "services/consolelanguage.h"
#include "shell/console.h"
#include "shell/mainwindow.h"
#include "shell/workspace.h"
#include "uitestutil.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QToolBar>
#include <QXmlStreamReader>

using namespace ringside;
using namespace ringside::ui;
using namespace ringside::ui::test;

namespace {

QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x1f"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x1f"), QStringLiteral("&"));
    return text.trimmed();
}

// English source texts whose Hindi differs: seeing one means a string skipped the translator.
QSet<QString> untranslatedForms()
{
    QSet<QString> forms;
    QFile file(QStringLiteral(RINGSIDE_HI_TS));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", RINGSIDE_HI_TS);
    QXmlStreamReader xml(&file);
    QString source;
    while (xml.readNextStartElement() || !xml.atEnd()) {
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (withoutMnemonic(translation) != withoutMnemonic(source) && !source.contains(QLatin1Char('%')))
                forms.insert(withoutMnemonic(source));
        }
    }
    return forms;
}

// Everyday English words that never appear in our Hindi text; a chrome string holding one was not
// translated (or was built from English pieces).
bool looksEnglish(const QString &text)
{
    static const QRegularExpression words(
            QStringLiteral("\\b(the|and|with|this|your|you|from|for|not|are|was|has|have|into|per|calls?|agents?|"
                           "order|orders|store|database|open|save|settings|waiting|none|yet|empty|loading)\\b"),
            QRegularExpression::CaseInsensitiveOption);
    return words.match(text).hasMatch();
}

struct Finding {
    QString where;
    QString text;
};

QString plain(const QString &text)
{
    return Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
}

QString pathOf(const QWidget *w)
{
    QStringList parts;
    for (const QObject *o = w; o; o = o->parent()) {
        if (!o->objectName().isEmpty()) {
            parts.prepend(o->objectName());
            if (qobject_cast<const Workspace *>(o))
                break;
        }
    }
    return QStringLiteral("%1 (%2)").arg(parts.join(u'/'), QString::fromLatin1(w->metaObject()->className()));
}

} // namespace

class TestHindiConsole : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Console> m_console;
    QSet<QString> m_english;

    void waitIdle()
    {
        int idle = 0;
        QVERIFY(QTest::qWaitFor([&] {
            idle = m_console->backend().isBusy() ? 0 : idle + 1;
            return idle >= 6;
        }, 120000));
    }

    // Texts a user reads on screen that are the console's own (not data).
    QList<Finding> chromeTexts(QWidget *root)
    {
        QList<Finding> found;
        auto add = [&found](const QWidget *w, const QString &text) {
            const QString t = withoutMnemonic(plain(text));
            if (!t.isEmpty())
                found.append({ pathOf(w), t });
        };
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(root))
                continue;
            add(w, w->toolTip());
            if (auto *label = qobject_cast<QLabel *>(w))
                add(w, label->text());
            else if (auto *button = qobject_cast<QAbstractButton *>(w))
                add(w, button->text());
            else if (auto *edit = qobject_cast<QLineEdit *>(w))
                add(w, edit->placeholderText());
            else if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
                add(w, edit->placeholderText());
            else if (auto *edit = qobject_cast<QTextEdit *>(w))
                add(w, edit->placeholderText());
            if (auto *box = qobject_cast<QGroupBox *>(w))
                add(w, box->title());
            if (auto *tabs = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < tabs->count(); ++i)
                    add(w, tabs->tabText(i));
            }
            if (auto *header = qobject_cast<QHeaderView *>(w); header && header->model()) {
                for (int i = 0; i < header->count(); ++i) {
                    if (!header->isSectionHidden(i))
                        add(w, header->model()->headerData(i, header->orientation()).toString());
                }
            }
        }
        return found;
    }

    // Widgets whose text does not fit: narrower than their own minimum, or header sections and
    // tabs narrower than their text.
    QStringList cutTexts(QWidget *root)
    {
        QStringList cut;
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(root) || w->width() <= 0)
                continue;
            auto *label = qobject_cast<QLabel *>(w);
            auto *button = qobject_cast<QAbstractButton *>(w);
            const bool textWidget = (label && !label->wordWrap() && !label->text().isEmpty() && label->pixmap().isNull())
                                    || (button && !button->text().isEmpty());
            if (textWidget && w->width() + 1 < w->minimumSizeHint().width()) {
                cut << QStringLiteral("%1 \"%2\": %3 px wide, needs %4")
                               .arg(pathOf(w), label ? label->text() : button->text())
                               .arg(w->width())
                               .arg(w->minimumSizeHint().width());
            }
            if (auto *header = qobject_cast<QHeaderView *>(w); header && header->model()
                                                             && header->orientation() == Qt::Horizontal) {
                const QFontMetrics fm(header->font());
                for (int i = 0; i < header->count(); ++i) {
                    if (header->isSectionHidden(i) || header->sectionSize(i) == 0)
                        continue;
                    const QString text = header->model()->headerData(i, Qt::Horizontal).toString();
                    const int needed = fm.horizontalAdvance(text) + 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin);
                    if (header->sectionSize(i) < needed)
                        cut << QStringLiteral("%1 column \"%2\": %3 px wide, needs %4")
                                       .arg(pathOf(w), text).arg(header->sectionSize(i)).arg(needed);
                }
            }
            if (auto *bar = qobject_cast<QToolBar *>(w)) {
                // An action whose button is hidden has gone behind the toolbar's » menu.
                for (QAction *a : bar->actions()) {
                    QWidget *button = bar->widgetForAction(a);
                    if (a->isVisible() && !a->isSeparator() && button && !button->isVisible())
                        cut << QStringLiteral("%1 action \"%2\" is hidden behind »").arg(pathOf(w), a->text());
                }
            }
            if (auto *tabs = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < tabs->count(); ++i) {
                    const QFontMetrics fm(tabs->font());
                    if (tabs->tabRect(i).width() < fm.horizontalAdvance(withoutMnemonic(tabs->tabText(i))))
                        cut << QStringLiteral("%1 tab \"%2\"").arg(pathOf(w), tabs->tabText(i));
                }
            }
        }
        return cut;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QStringList loaded = ConsoleLanguage::apply(*qApp, QLocale(QStringLiteral("hi_IN")), QStringLiteral(RINGSIDE_QM_DIR));
        QVERIFY2(loaded.contains(QStringLiteral("ringside_hi")), qPrintable(loaded.join(u',')));
        m_english = untranslatedForms();
        QVERIFY(m_english.size() > 300);

        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ConsoleOptions options;
        options.demo = true;
        options.memorySecrets = true;
        options.dataFolder = m_dir.path();
        options.databasePath = m_dir.filePath(QStringLiteral("ringside.db"));
        options.now = fixedNow();
        m_console = std::make_unique<Console>(options, *m_settings, QProcessEnvironment());
        m_console->window()->resize(1360, 860);
        m_console->window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_console->window()));
        QSignalSpy ready(m_console.get(), &Console::ready);
        m_console->start();
        QVERIFY(ready.wait(120000) || ready.count() == 1);
        QCOMPARE(ready.first().first().toBool(), true);
        waitIdle();
    }

    void cleanupTestCase()
    {
        m_console.reset();
        m_settings.reset();
    }

    void windowFitsTheScreenshotSize()
    {
        MainWindow *window = m_console->window();
        QVERIFY2(window->minimumSizeHint().width() <= 1360,
                 qPrintable(QStringLiteral("Hindi needs a %1 px wide window").arg(window->minimumSizeHint().width())));
        QCOMPARE(window->width(), 1360);
    }

    void workspaceIsFullyHindi_data()
    {
        QTest::addColumn<int>("index");
        // Every workspace the window has (initTestCase has run): one added later is checked too.
        MainWindow *window = m_console->window();
        for (int i = 0; i < window->workspaceCount(); ++i)
            QTest::addRow("%s", qPrintable(window->workspaceAt(i)->objectName())) << i;
    }

    void workspaceIsFullyHindi()
    {
        QFETCH(int, index);
        MainWindow *window = m_console->window();
        QVERIFY(window->showWorkspace(index));
        if (window->workspaceAt(index)->objectName() == QLatin1String("agents"))
            m_console->agents()->selectAgent(QStringLiteral(":/ringside/agents/cod-confirmation.json"));
        waitIdle();
        QTest::qWait(100);

        const QString name = window->workspaceAt(index)->objectName();
        QStringList english, cut;
        checkView(window, name, &english, &cut);
        // Pages behind a tab (the Campaigns rules, the agent editor's sections) are read too:
        // a widget on a page not shown is invisible, and checkView would pass it by.
        for (QTabWidget *tabs : window->workspaceAt(index)->findChildren<QTabWidget *>()) {
            if (!tabs->isVisibleTo(window))
                continue;
            const int shown = tabs->currentIndex();
            for (int page = 0; page < tabs->count(); ++page) {
                if (page == shown)
                    continue;
                tabs->setCurrentIndex(page);
                QTest::qWait(50);
                checkView(window, QStringLiteral("%1, tab \"%2\"").arg(name, tabs->tabText(page)), &english, &cut);
            }
            tabs->setCurrentIndex(shown);
        }
        english.removeDuplicates();
        cut.removeDuplicates();
        QVERIFY2(english.isEmpty() && cut.isEmpty(),
                 qPrintable(QStringLiteral("%1 in Hindi:\n English left:\n  %2\n cut off:\n  %3")
                                    .arg(name, english.join(QStringLiteral("\n  ")), cut.join(QStringLiteral("\n  ")))));
    }

private:
    void checkView(QWidget *window, const QString &view, QStringList *english, QStringList *cut)
    {
        const QList<Finding> texts = chromeTexts(window);
        QVERIFY(texts.size() > 10);
        qInfo("%s: %d texts read", qPrintable(view), int(texts.size()));
        // Agent content shown on the agent's tabs stays as written: the greeting preview and the
        // tool's description (tool JSON); a file name in a hint is not English prose either.
        static const QRegularExpression dataWidget(QStringLiteral("/(previewText|toolDescription) \\("));
        static const QRegularExpression fileName(QStringLiteral("[\\w.-]+\\.json\\b"));
        for (const Finding &f : texts) {
            if (dataWidget.match(f.where).hasMatch())
                continue;
            const QString prose = QString(f.text).remove(fileName);
            if (m_english.contains(f.text) || looksEnglish(prose))
                *english << QStringLiteral("%1: \"%2\"").arg(f.where, f.text);
        }
        *cut << cutTexts(window);
    }
};

QTEST_MAIN(TestHindiConsole)
#include "tst_hindiconsole.moc"
