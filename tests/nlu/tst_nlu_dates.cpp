#include "nlutestsupport.h"

using namespace ringside::nlu;

// Today is Thursday 24 December 2026 throughout (test::testToday()).
class TestNluDates : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;

    DateMatch date(const QString &text, TimeDirection direction = TimeDirection::Future, bool dayFirst = true) const
    {
        return nlu->date(text, {test::testToday(), direction, dayFirst});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(test::loadBuiltin(&nlu));
        QCOMPARE(test::testToday().dayOfWeek(), int(Qt::Thursday));
    }

    void future_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QDate>("expected");
        QTest::addRow("today") << QStringLiteral("today please") << QDate(2026, 12, 24);
        QTest::addRow("aaj") << QStringLiteral("aaj hi bhej do") << QDate(2026, 12, 24);
        QTest::addRow("tonight") << QStringLiteral("tonight") << QDate(2026, 12, 24);
        QTest::addRow("tomorrow") << QStringLiteral("deliver it tomorrow") << QDate(2026, 12, 25);
        QTest::addRow("kal future") << QStringLiteral("kal bhej do") << QDate(2026, 12, 25);
        QTest::addRow("devanagari kal") << QStringLiteral("कल भेज दो") << QDate(2026, 12, 25);
        QTest::addRow("day after tomorrow") << QStringLiteral("day after tomorrow") << QDate(2026, 12, 26);
        QTest::addRow("day after") << QStringLiteral("the day after") << QDate(2026, 12, 26);
        QTest::addRow("parson") << QStringLiteral("parson shaam ko") << QDate(2026, 12, 26);
        QTest::addRow("parso spelling") << QStringLiteral("parso") << QDate(2026, 12, 26);
        QTest::addRow("devanagari parson") << QStringLiteral("परसों") << QDate(2026, 12, 26);
        QTest::addRow("narson") << QStringLiteral("narson") << QDate(2026, 12, 27);
        QTest::addRow("yesterday is unambiguous") << QStringLiteral("yesterday") << QDate(2026, 12, 23);
        QTest::addRow("monday") << QStringLiteral("monday") << QDate(2026, 12, 28);
        QTest::addRow("friday") << QStringLiteral("on friday") << QDate(2026, 12, 25);
        QTest::addRow("thursday bare is next week") << QStringLiteral("thursday") << QDate(2026, 12, 31);
        QTest::addRow("this thursday is today") << QStringLiteral("this thursday") << QDate(2026, 12, 24);
        QTest::addRow("this friday") << QStringLiteral("this friday") << QDate(2026, 12, 25);
        QTest::addRow("next monday") << QStringLiteral("next monday") << QDate(2026, 12, 28);
        QTest::addRow("next thursday") << QStringLiteral("next thursday") << QDate(2026, 12, 31);
        QTest::addRow("last monday") << QStringLiteral("last monday") << QDate(2026, 12, 21);
        QTest::addRow("mon abbreviation") << QStringLiteral("mon") << QDate(2026, 12, 28);
        QTest::addRow("somvar") << QStringLiteral("somvar ko") << QDate(2026, 12, 28);
        QTest::addRow("somwar") << QStringLiteral("somwar") << QDate(2026, 12, 28);
        QTest::addRow("mangalvar") << QStringLiteral("mangalvar") << QDate(2026, 12, 29);
        QTest::addRow("budhvar") << QStringLiteral("budhwar ko bhejna") << QDate(2026, 12, 30);
        QTest::addRow("guruvar") << QStringLiteral("guruvar") << QDate(2026, 12, 31);
        QTest::addRow("brihaspativar") << QStringLiteral("brihaspativar") << QDate(2026, 12, 31);
        QTest::addRow("shukravar") << QStringLiteral("shukravar") << QDate(2026, 12, 25);
        QTest::addRow("shanivar") << QStringLiteral("shanivar") << QDate(2026, 12, 26);
        QTest::addRow("ravivar") << QStringLiteral("ravivar") << QDate(2026, 12, 27);
        QTest::addRow("itvaar") << QStringLiteral("itwar") << QDate(2026, 12, 27);
        QTest::addRow("agle somvar") << QStringLiteral("agle somvar") << QDate(2026, 12, 28);
        QTest::addRow("devanagari somvar") << QStringLiteral("सोमवार को") << QDate(2026, 12, 28);
        QTest::addRow("devanagari shanivar") << QStringLiteral("अगले शनिवार") << QDate(2026, 12, 26);
        QTest::addRow("28th december") << QStringLiteral("28th December") << QDate(2026, 12, 28);
        QTest::addRow("december 28") << QStringLiteral("December 28") << QDate(2026, 12, 28);
        QTest::addRow("28 dec") << QStringLiteral("28 dec") << QDate(2026, 12, 28);
        QTest::addRow("28th of december") << QStringLiteral("the 28th of December") << QDate(2026, 12, 28);
        QTest::addRow("december the 28th") << QStringLiteral("December the 28th") << QDate(2026, 12, 28);
        QTest::addRow("twenty eighth december") << QStringLiteral("twenty eighth december") << QDate(2026, 12, 28);
        QTest::addRow("far past day rolls to next year") << QStringLiteral("10th March") << QDate(2027, 3, 10);
        QTest::addRow("over a month past rolls to next year") << QStringLiteral("20 November") << QDate(2027, 11, 20);
        QTest::addRow("january next year") << QStringLiteral("5 jan") << QDate(2027, 1, 5);
        QTest::addRow("with year") << QStringLiteral("28 December 2026") << QDate(2026, 12, 28);
        QTest::addRow("with spoken year") << QStringLiteral("december 28 two thousand twenty seven") << QDate(2027, 12, 28);
        QTest::addRow("devanagari month") << QStringLiteral("२८ दिसंबर") << QDate(2026, 12, 28);
        QTest::addRow("hindi month spelling") << QStringLiteral("5 janvari") << QDate(2027, 1, 5);
        QTest::addRow("may needs a number") << QStringLiteral("may 5") << QDate(2027, 5, 5);
        QTest::addRow("28/12") << QStringLiteral("28/12") << QDate(2026, 12, 28);
        QTest::addRow("28/12/2026") << QStringLiteral("28/12/2026") << QDate(2026, 12, 28);
        QTest::addRow("28-12-2026") << QStringLiteral("28-12-2026") << QDate(2026, 12, 28);
        QTest::addRow("28.12.26") << QStringLiteral("28.12.26") << QDate(2026, 12, 28);
        QTest::addRow("iso") << QStringLiteral("2026-12-28") << QDate(2026, 12, 28);
        QTest::addRow("devanagari digits date") << QStringLiteral("२८/१२") << QDate(2026, 12, 28);
        QTest::addRow("month-first only reading") << QStringLiteral("12/28") << QDate(2026, 12, 28);
        QTest::addRow("5/1 day first") << QStringLiteral("5/1") << QDate(2027, 1, 5);
        QTest::addRow("28 tarikh") << QStringLiteral("28 tarikh ko") << QDate(2026, 12, 28);
        QTest::addRow("tareekh spelling") << QStringLiteral("28 tareekh") << QDate(2026, 12, 28);
        QTest::addRow("5 tarikh next month") << QStringLiteral("5 tarikh") << QDate(2027, 1, 5);
        QTest::addRow("devanagari tarikh") << QStringLiteral("२८ तारीख") << QDate(2026, 12, 28);
        QTest::addRow("the 28th") << QStringLiteral("on the 28th") << QDate(2026, 12, 28);
        QTest::addRow("in 3 days") << QStringLiteral("in 3 days") << QDate(2026, 12, 27);
        QTest::addRow("in three days") << QStringLiteral("in three days") << QDate(2026, 12, 27);
        QTest::addRow("3 days later") << QStringLiteral("3 days later") << QDate(2026, 12, 27);
        QTest::addRow("after 2 days") << QStringLiteral("after 2 days") << QDate(2026, 12, 26);
        QTest::addRow("teen din baad") << QStringLiteral("teen din baad") << QDate(2026, 12, 27);
        QTest::addRow("do din mein") << QStringLiteral("do din mein") << QDate(2026, 12, 26);
        QTest::addRow("devanagari teen din baad") << QStringLiteral("तीन दिन बाद") << QDate(2026, 12, 27);
        QTest::addRow("in a week") << QStringLiteral("in a week") << QDate(2026, 12, 31);
        QTest::addRow("ek hafte mein") << QStringLiteral("ek hafte mein") << QDate(2026, 12, 31);
        QTest::addRow("2 weeks later") << QStringLiteral("2 weeks later") << QDate(2027, 1, 7);
        QTest::addRow("3 days ago") << QStringLiteral("3 days ago") << QDate(2026, 12, 21);
        QTest::addRow("kal nahi parson") << QStringLiteral("kal nahi, parson shaam ko bhej do") << QDate(2026, 12, 26);
        QTest::addRow("kal nahi parson without comma") << QStringLiteral("kal nahi parson") << QDate(2026, 12, 26);
        QTest::addRow("not tomorrow day after") << QStringLiteral("not tomorrow, day after") << QDate(2026, 12, 26);
        QTest::addRow("not monday tuesday") << QStringLiteral("not on monday, tuesday") << QDate(2026, 12, 29);
        QTest::addRow("devanagari correction") << QStringLiteral("कल नहीं, परसों") << QDate(2026, 12, 26);
        QTest::addRow("the last date said wins") << QStringLiteral("tomorrow, actually monday") << QDate(2026, 12, 28);
        QTest::addRow("in a sentence") << QStringLiteral("can you deliver it on 28th december in the evening") << QDate(2026, 12, 28);
    }
    void future()
    {
        QFETCH(QString, input);
        QFETCH(QDate, expected);
        const DateMatch m = date(input);
        QCOMPARE(foundName(m.status), QStringLiteral("complete"));
        QCOMPARE(m.date, expected);
        QCOMPARE(m.iso(), expected.toString(Qt::ISODate));
    }

    void past_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QDate>("expected");
        QTest::addRow("kal past") << QStringLiteral("kal order kiya tha") << QDate(2026, 12, 23);
        QTest::addRow("parson past") << QStringLiteral("parson") << QDate(2026, 12, 22);
        QTest::addRow("tomorrow stays tomorrow") << QStringLiteral("tomorrow") << QDate(2026, 12, 25);
        QTest::addRow("monday past") << QStringLiteral("monday") << QDate(2026, 12, 21);
        QTest::addRow("thursday past is a week ago") << QStringLiteral("thursday") << QDate(2026, 12, 17);
        QTest::addRow("next monday even in the past") << QStringLiteral("next monday") << QDate(2026, 12, 28);
        QTest::addRow("28 december past year") << QStringLiteral("28 december") << QDate(2025, 12, 28);
        QTest::addRow("20 december this year") << QStringLiteral("20 december") << QDate(2026, 12, 20);
        QTest::addRow("28 tarikh last month") << QStringLiteral("28 tarikh") << QDate(2026, 11, 28);
    }
    void past()
    {
        QFETCH(QString, input);
        QFETCH(QDate, expected);
        const DateMatch m = date(input, TimeDirection::Past);
        QCOMPARE(foundName(m.status), QStringLiteral("complete"));
        QCOMPARE(m.date, expected);
    }

    void monthFirst()
    {
        QCOMPARE(date(QStringLiteral("05/06"), TimeDirection::Future, true).date, QDate(2027, 6, 5));
        QCOMPARE(date(QStringLiteral("05/06"), TimeDirection::Future, false).date, QDate(2027, 5, 6));
        QCOMPARE(date(QStringLiteral("28/12"), TimeDirection::Future, false).date, QDate(2026, 12, 28));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("problem");
        QTest::addRow("31 june") << QStringLiteral("31st June") << QStringLiteral("31 June is not a date");
        QTest::addRow("30 february") << QStringLiteral("february 30") << QStringLiteral("30 February is not a date");
        QTest::addRow("29 feb 2027") << QStringLiteral("29/02/2027") << QStringLiteral("29 February 2027 is not a date");
        QTest::addRow("31 april numeric") << QStringLiteral("31/04") << QStringLiteral("31 April is not a date");
        // Read forward, a day that passed within the last month is not next year's.
        QTest::addRow("passed this week") << QStringLiteral("20th December") << QStringLiteral("20 December has passed");
        QTest::addRow("passed, hinglish month") << QStringLiteral("20 disambar ko") << QStringLiteral("20 December has passed");
        QTest::addRow("passed numeric") << QStringLiteral("20/12") << QStringLiteral("20 December has passed");
        QTest::addRow("passed last month") << QStringLiteral("28 November") << QStringLiteral("28 November has passed");
    }
    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(QString, problem);
        const DateMatch m = date(input);
        QCOMPARE(foundName(m.status), QStringLiteral("invalid"));
        QCOMPARE(m.problem, problem);
        QVERIFY(!m.date.isValid());
    }

    void leapDayFindsALeapYear()
    {
        const DateMatch m = date(QStringLiteral("29 february"));
        QCOMPARE(foundName(m.status), QStringLiteral("complete"));
        QCOMPARE(m.date, QDate(2028, 2, 29));
    }

    void none_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addRow("no date") << QStringLiteral("haan ji confirm kar do");
        QTest::addRow("month alone") << QStringLiteral("in december");
        QTest::addRow("may the verb") << QStringLiteral("may I ask something");
        QTest::addRow("it's been 3 days") << QStringLiteral("it's been 3 days");
        QTest::addRow("phone with dash") << QStringLiteral("98123-45678");
        QTest::addRow("range with dash") << QStringLiteral("2-3 din");
        QTest::addRow("decimal") << QStringLiteral("2.5");
        QTest::addRow("order id") << QStringLiteral("ORD-482913");
        QTest::addRow("time only") << QStringLiteral("after 5 pm");
        QTest::addRow("ordinal word alone") << QStringLiteral("the first one");
        QTest::addRow("impossible numeric") << QStringLiteral("45/78");
        QTest::addRow("empty") << QString();
    }
    void none()
    {
        QFETCH(QString, input);
        const DateMatch m = date(input);
        QCOMPARE(foundName(m.status), QStringLiteral("none"));
        QVERIFY(m.rejected.isEmpty());
    }

    void unavailableDaysAreRejected_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QDate>("rejected");
        QTest::addColumn<QDate>("chosen"); // invalid: none chosen
        QTest::addRow("hinglish, far negator") << QStringLiteral("friday ko ghar pe nahi rahunga") << QDate(2026, 12, 25) << QDate();
        QTest::addRow("devanagari") << QStringLiteral("शुक्रवार को घर पर नहीं रहूँगा") << QDate(2026, 12, 25) << QDate();
        QTest::addRow("english") << QStringLiteral("I'm not going to be home on Friday") << QDate(2026, 12, 25) << QDate();
        QTest::addRow("then another day") << QStringLiteral("monday ko main available nahi hoon, tuesday ko bhej do")
                                          << QDate(2026, 12, 28) << QDate(2026, 12, 29);
        QTest::addRow("a slot between takes the refusal") << QStringLiteral("monday subah ghar pe nahi hoon, shaam ko aana")
                                                           << QDate() << QDate(2026, 12, 28);
        QTest::addRow("refusal goes to the day before it") << QStringLiteral("friday ko bhej do aaj ghar pe nahi hoon")
                                                            << QDate(2026, 12, 24) << QDate(2026, 12, 25);
    }
    void unavailableDaysAreRejected()
    {
        QFETCH(QString, input);
        QFETCH(QDate, rejected);
        QFETCH(QDate, chosen);
        const DateMatch m = date(input);
        QCOMPARE(m.rejected, rejected.isValid() ? QList<QDate>{ rejected } : QList<QDate>{});
        QCOMPARE(m.date, chosen);
    }

    void reassuranceIsNotUnavailability()
    {
        for (const char *said : {"friday chalega koi problem nahi", "friday won't be a problem", "friday is not going to be a problem"}) {
            const DateMatch m = date(QString::fromUtf8(said));
            QCOMPARE(m.date, QDate(2026, 12, 25));
            QVERIFY(m.rejected.isEmpty());
        }
    }

    void rejectedDatesAreReported()
    {
        DateMatch m = date(QStringLiteral("kal nahi"));
        QCOMPARE(foundName(m.status), QStringLiteral("none"));
        QCOMPARE(m.rejected, QList<QDate>{QDate(2026, 12, 25)});
        m = date(QStringLiteral("not tomorrow, day after"));
        QCOMPARE(m.rejected, QList<QDate>{QDate(2026, 12, 25)});
        QCOMPARE(m.heard, QStringLiteral("day after"));
    }

    void invalidTodayFindsNothing()
    {
        QCOMPARE(foundName(nlu->date(QStringLiteral("tomorrow"), {}).status), QStringLiteral("none"));
    }

    void timeSlots_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("slot");
        QTest::addColumn<int>("hour");
        QTest::addRow("morning") << QStringLiteral("in the morning") << QStringLiteral("morning") << -1;
        QTest::addRow("afternoon") << QStringLiteral("afternoon is fine") << QStringLiteral("afternoon") << -1;
        QTest::addRow("evening") << QStringLiteral("evening please") << QStringLiteral("evening") << -1;
        QTest::addRow("night is evening") << QStringLiteral("at night") << QStringLiteral("evening") << -1;
        QTest::addRow("noon") << QStringLiteral("around noon") << QStringLiteral("afternoon") << -1;
        QTest::addRow("subah") << QStringLiteral("subah") << QStringLiteral("morning") << -1;
        QTest::addRow("subha spelling") << QStringLiteral("subha bhejna") << QStringLiteral("morning") << -1;
        QTest::addRow("dopahar") << QStringLiteral("dopahar mein") << QStringLiteral("afternoon") << -1;
        QTest::addRow("shaam") << QStringLiteral("shaam ko") << QStringLiteral("evening") << -1;
        QTest::addRow("sham spelling") << QStringLiteral("sham ko") << QStringLiteral("evening") << -1;
        QTest::addRow("raat") << QStringLiteral("raat ko") << QStringLiteral("evening") << -1;
        QTest::addRow("devanagari subah") << QStringLiteral("सुबह") << QStringLiteral("morning") << -1;
        QTest::addRow("devanagari dopahar") << QStringLiteral("दोपहर में") << QStringLiteral("afternoon") << -1;
        QTest::addRow("devanagari shaam") << QStringLiteral("शाम को") << QStringLiteral("evening") << -1;
        QTest::addRow("devanagari raat") << QStringLiteral("रात को") << QStringLiteral("evening") << -1;
        QTest::addRow("after 5 pm") << QStringLiteral("after 5 pm") << QStringLiteral("evening") << 17;
        QTest::addRow("5pm glued") << QStringLiteral("5pm") << QStringLiteral("evening") << 17;
        QTest::addRow("10 am") << QStringLiteral("10 am") << QStringLiteral("morning") << 10;
        QTest::addRow("12 pm is noon") << QStringLiteral("12 pm") << QStringLiteral("afternoon") << 12;
        QTest::addRow("at 3") << QStringLiteral("at 3") << QStringLiteral("afternoon") << 15;
        QTest::addRow("at 9") << QStringLiteral("at 9") << QStringLiteral("morning") << 9;
        QTest::addRow("5:30 pm") << QStringLiteral("by 5:30 pm") << QStringLiteral("evening") << 17;
        QTest::addRow("17:00") << QStringLiteral("17:00") << QStringLiteral("evening") << 17;
        QTest::addRow("11 o'clock") << QStringLiteral("11 o'clock") << QStringLiteral("morning") << 11;
        QTest::addRow("10 baje") << QStringLiteral("10 baje") << QStringLiteral("morning") << 10;
        QTest::addRow("5 baje ke baad") << QStringLiteral("5 baje ke baad") << QStringLiteral("evening") << 17;
        QTest::addRow("2 baje") << QStringLiteral("do baje") << QStringLiteral("afternoon") << 14;
        QTest::addRow("subah 7 baje") << QStringLiteral("subah 7 baje") << QStringLiteral("morning") << 7;
        QTest::addRow("7 baje shaam") << QStringLiteral("7 baje shaam") << QStringLiteral("evening") << 19;
        QTest::addRow("devanagari 5 baje") << QStringLiteral("५ बजे") << QStringLiteral("evening") << 17;
        QTest::addRow("subah nahi shaam") << QStringLiteral("subah nahi, shaam ko") << QStringLiteral("evening") << -1;
        QTest::addRow("not morning evening") << QStringLiteral("not in the morning, evening") << QStringLiteral("evening") << -1;
        QTest::addRow("kal nahi parson shaam") << QStringLiteral("kal nahi, parson shaam ko bhej do") << QStringLiteral("evening") << -1;
        QTest::addRow("tonight") << QStringLiteral("tonight") << QStringLiteral("evening") << -1;
    }
    void timeSlots()
    {
        QFETCH(QString, input);
        QFETCH(QString, slot);
        QFETCH(int, hour);
        const TimeSlotMatch m = nlu->timeSlot(input);
        QCOMPARE(foundName(m.status), QStringLiteral("complete"));
        QCOMPARE(m.slot, slot);
        QCOMPARE(m.hour, hour);
    }

    void noSlot_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addRow("number alone") << QStringLiteral("3");
        QTest::addRow("after 3 days") << QStringLiteral("after 3 days");
        QTest::addRow("order id") << QStringLiteral("ORD 482913");
        QTest::addRow("am without hour") << QStringLiteral("I am here");
        QTest::addRow("13 pm") << QStringLiteral("13 pm");
        QTest::addRow("date") << QStringLiteral("28/12");
        QTest::addRow("only negated") << QStringLiteral("not in the morning");
    }
    void noSlot()
    {
        QFETCH(QString, input);
        QCOMPARE(foundName(nlu->timeSlot(input).status), QStringLiteral("none"));
    }

    void rejectedSlots()
    {
        const TimeSlotMatch m = nlu->timeSlot(QStringLiteral("subah nahi"));
        QCOMPARE(m.rejected, QStringList{QStringLiteral("morning")});
        // Not there then: beyond the three-word negation reach.
        const TimeSlotMatch away = nlu->timeSlot(QStringLiteral("shaam ko main ghar pe nahi rahunga"));
        QCOMPARE(foundName(away.status), QStringLiteral("none"));
        QCOMPARE(away.rejected, QStringList{QStringLiteral("evening")});
        const TimeSlotMatch other = nlu->timeSlot(QStringLiteral("subah ghar pe nahi hoon, shaam ko aana"));
        QCOMPARE(other.slot, QStringLiteral("evening"));
        QCOMPARE(other.rejected, QStringList{QStringLiteral("morning")});
    }

    void slotForHourBoundaries()
    {
        QCOMPARE(slotForHour(6), QStringLiteral("morning"));
        QCOMPARE(slotForHour(11), QStringLiteral("morning"));
        QCOMPARE(slotForHour(12), QStringLiteral("afternoon"));
        QCOMPARE(slotForHour(16), QStringLiteral("afternoon"));
        QCOMPARE(slotForHour(17), QStringLiteral("evening"));
        QCOMPARE(slotForHour(2), QStringLiteral("evening"));
    }
};

QTEST_GUILESS_MAIN(TestNluDates)
#include "tst_nlu_dates.moc"
