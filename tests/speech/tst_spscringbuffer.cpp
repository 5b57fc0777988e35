#include "speech/spscringbuffer.h"

#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace ringside;

class TestSpscRingBuffer : public QObject
{
    Q_OBJECT
private slots:
    void capacityIsPowerOfTwo()
    {
        QCOMPARE(SpscRingBuffer<int>(1000).capacity(), std::size_t(1024));
        QCOMPARE(SpscRingBuffer<int>(1024).capacity(), std::size_t(1024));
        QCOMPARE(SpscRingBuffer<int>(0).capacity(), std::size_t(2));
    }

    void fillsAndRefuses()
    {
        SpscRingBuffer<int> rb(4);
        const int items[6] = {1, 2, 3, 4, 5, 6};
        QCOMPARE(rb.push(items, 6), std::size_t(4));
        QCOMPARE(rb.writeAvailable(), std::size_t(0));
        QVERIFY(!rb.tryPush(7));
        QCOMPARE(rb.readAvailable(), std::size_t(4));
        int out[8] = {};
        QCOMPARE(rb.pop(out, 8), std::size_t(4));
        QCOMPARE(out[0], 1);
        QCOMPARE(out[3], 4);
        QVERIFY(!rb.tryPop().has_value());
    }

    void wrapsAround()
    {
        SpscRingBuffer<int> rb(8);
        int next = 0, expected = 0;
        for (int round = 0; round < 100; ++round) {
            for (int i = 0; i < 5; ++i)
                QVERIFY(rb.tryPush(next++));
            for (int i = 0; i < 5; ++i) {
                const auto v = rb.tryPop();
                QVERIFY(v.has_value());
                QCOMPARE(*v, expected++);
            }
        }
    }

    void movesOnlyTypes()
    {
        SpscRingBuffer<std::unique_ptr<int>> rb(2);
        QVERIFY(rb.tryPush(std::make_unique<int>(42)));
        auto v = rb.tryPop();
        QVERIFY(v.has_value() && *v);
        QCOMPARE(**v, 42);
    }

    void discardDropsReadable()
    {
        SpscRingBuffer<short> rb(16);
        const short items[10] = {};
        rb.push(items, 10);
        QCOMPARE(rb.discard(), std::size_t(10));
        QCOMPARE(rb.readAvailable(), std::size_t(0));
        QCOMPARE(rb.writeAvailable(), std::size_t(16));
    }

    // One producer and one consumer hammer a small buffer in bursts of varying size; every value
    // arrives once, in order.
    void twoThreadStress()
    {
        constexpr std::uint32_t kCount = 2'000'000;
        SpscRingBuffer<std::uint32_t> rb(64);
        std::atomic<bool> failed{false};
        std::thread producer([&] {
            std::uint32_t next = 0;
            std::uint32_t burst[37];
            while (next < kCount) {
                const std::uint32_t n = std::min<std::uint32_t>(1 + next % 37, kCount - next);
                for (std::uint32_t i = 0; i < n; ++i)
                    burst[i] = next + i;
                std::size_t sent = 0;
                while (sent < n) {
                    sent += rb.push(burst + sent, n - sent);
                    if (sent < n)
                        std::this_thread::yield();
                }
                next += n;
            }
        });
        std::uint32_t expected = 0;
        std::uint32_t buffer[29];
        while (expected < kCount) {
            const std::size_t got = rb.pop(buffer, 1 + expected % 29);
            for (std::size_t i = 0; i < got; ++i)
                if (buffer[i] != expected++)
                    failed = true;
            if (got == 0)
                std::this_thread::yield();
        }
        producer.join();
        QVERIFY(!failed);
        QCOMPARE(expected, kCount);
        QCOMPARE(rb.readAvailable(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestSpscRingBuffer)
#include "tst_spscringbuffer.moc"
