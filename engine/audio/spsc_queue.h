#pragma once
// SpscQueue: a fixed-size lock-free ring for one producer thread and one consumer thread (the game
// thread queues sounds, the audio callback takes them). Neither side ever blocks or allocates: a
// push into a full ring fails and the caller drops the item, which for sounds is the right loss.
#include <array>
#include <atomic>
#include <cstddef>

namespace engine {

template <typename T, size_t Capacity> class SpscQueue {
    static_assert(Capacity >= 2 && (Capacity & (Capacity - 1)) == 0, "a power of two");

public:
    /// Producer only. False when full (the item is not queued).
    bool push(const T& item) {
        const size_t head = m_head.load(std::memory_order_relaxed);
        if (head - m_tail.load(std::memory_order_acquire) == Capacity)
            return false;
        m_items[head & (Capacity - 1)] = item;
        m_head.store(head + 1, std::memory_order_release); // publishes the item
        return true;
    }
    /// Consumer only. False when empty.
    bool pop(T* item) {
        const size_t tail = m_tail.load(std::memory_order_relaxed);
        if (tail == m_head.load(std::memory_order_acquire))
            return false;
        *item = m_items[tail & (Capacity - 1)];
        m_tail.store(tail + 1, std::memory_order_release); // hands the slot back
        return true;
    }
    static constexpr size_t capacity() { return Capacity; }

private:
    std::array<T, Capacity> m_items{};
    // Apart, so the two threads do not fight over one cache line.
    alignas(64) std::atomic<size_t> m_head{0}; // written by the producer
    alignas(64) std::atomic<size_t> m_tail{0}; // written by the consumer
};

} // namespace engine
