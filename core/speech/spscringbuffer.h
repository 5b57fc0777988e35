#pragma once

#include <atomic>
#include <bit>
#include <cstddef>
#include <memory>
#include <new>
#include <optional>
#include <type_traits>
#include <utility>

namespace ringside {

// Lock-free single-producer / single-consumer ring buffer: where a sound-device callback meets a
// processing thread. Exactly one thread pushes and exactly one thread pops; neither blocks, locks
// or allocates after construction. Capacity is rounded up to a power of two so wrapping is a mask.
//
// Indices grow without bound and are masked on access; the producer publishes with release and the
// consumer reads with acquire, so a slot's contents are visible before its index is.
template <typename T>
class SpscRingBuffer
{
    static_assert(std::is_nothrow_move_assignable_v<T> && std::is_default_constructible_v<T>,
                  "SpscRingBuffer needs a default-constructible, nothrow-movable T");

public:
    explicit SpscRingBuffer(std::size_t minCapacity)
        : m_capacity(std::bit_ceil(minCapacity < 2 ? std::size_t(2) : minCapacity))
        , m_mask(m_capacity - 1)
        , m_slots(std::make_unique<T[]>(m_capacity))
    {
    }
    SpscRingBuffer(const SpscRingBuffer &) = delete;
    SpscRingBuffer &operator=(const SpscRingBuffer &) = delete;

    std::size_t capacity() const { return m_capacity; }

    // Producer side.
    std::size_t writeAvailable() const
    {
        return m_capacity - (m_head.load(std::memory_order_relaxed) - m_tail.load(std::memory_order_acquire));
    }
    bool tryPush(T value)
    {
        const std::size_t head = m_head.load(std::memory_order_relaxed);
        if (head - m_tail.load(std::memory_order_acquire) == m_capacity)
            return false;
        m_slots[head & m_mask] = std::move(value);
        m_head.store(head + 1, std::memory_order_release);
        return true;
    }
    // Copies up to `n` items; returns how many fit.
    std::size_t push(const T *items, std::size_t n)
    {
        const std::size_t head = m_head.load(std::memory_order_relaxed);
        const std::size_t free = m_capacity - (head - m_tail.load(std::memory_order_acquire));
        const std::size_t count = n < free ? n : free;
        for (std::size_t i = 0; i < count; ++i)
            m_slots[(head + i) & m_mask] = items[i];
        m_head.store(head + count, std::memory_order_release);
        return count;
    }

    // Consumer side.
    std::size_t readAvailable() const
    {
        return m_head.load(std::memory_order_acquire) - m_tail.load(std::memory_order_relaxed);
    }
    std::optional<T> tryPop()
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        if (m_head.load(std::memory_order_acquire) == tail)
            return std::nullopt;
        std::optional<T> value(std::move(m_slots[tail & m_mask]));
        m_tail.store(tail + 1, std::memory_order_release);
        return value;
    }
    // Moves up to `n` items out; returns how many there were.
    std::size_t pop(T *out, std::size_t n)
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        const std::size_t available = m_head.load(std::memory_order_acquire) - tail;
        const std::size_t count = n < available ? n : available;
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::move(m_slots[(tail + i) & m_mask]);
        m_tail.store(tail + count, std::memory_order_release);
        return count;
    }
    // Drops everything currently readable (consumer side), e.g. on barge-in.
    std::size_t discard()
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        const std::size_t available = m_head.load(std::memory_order_acquire) - tail;
        m_tail.store(tail + available, std::memory_order_release);
        return available;
    }

private:
    // Head and tail on their own cache lines so producer and consumer do not false-share.
    static constexpr std::size_t kLine = 64;
    const std::size_t m_capacity;
    const std::size_t m_mask;
    std::unique_ptr<T[]> m_slots;
    alignas(kLine) std::atomic<std::size_t> m_head{0};
    alignas(kLine) std::atomic<std::size_t> m_tail{0};
};

} // namespace ringside
