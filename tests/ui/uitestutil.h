#pragma once
// Helpers shared by the console tests.

#include <QDateTime>
#include <QFuture>
#include <QTest>
#include <QTimeZone>

namespace ringside::ui::test {

// The instant every console test pins "now" to, so demo data and date filters are stable.
inline QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 11, 20), QTime(10, 0), QTimeZone::utc());
}

// Spins the event loop until `future` finishes (fails the process after `timeoutMs`), then
// returns its result, rethrowing the job's exception.
template <typename R>
R await(const QFuture<R> &future, int timeoutMs = 120000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        qFatal("a worker job did not finish within %d ms", timeoutMs);
    if constexpr (!std::is_void_v<R>)
        return future.result();
}

} // namespace ringside::ui::test

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>

namespace ringside::ui::test {

// Clicks the button called `objectName` inside `root` (a real mouse click on the real widget).
inline bool clickButton(QWidget *root, const QString &objectName)
{
    auto *button = root->findChild<QAbstractButton *>(objectName);
    if (!button || !button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

// Arranges for the next modal message box to be answered by clicking `answer`; *asked counts
// the boxes seen (so a test can also prove that no box appeared).
inline void answerNextMessageBox(QMessageBox::StandardButton answer, int *asked = nullptr)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (asked)
            ++*asked;
        timer->deleteLater();
        timer->stop();
        QTest::mouseClick(box->button(answer), Qt::LeftButton);
    });
    timer->start();
}

} // namespace ringside::ui::test
