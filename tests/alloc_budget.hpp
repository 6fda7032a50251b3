// SPDX-License-Identifier: MIT
// An allocation budget for tests of pathological input: replaces the global operator new of
// the test executable (include this header in exactly ONE translation unit of an executable)
// with one that counts the bytes allocated while a `whosaid_test::alloc_budget` is alive and throws
// std::bad_alloc once they exceed its limit. A runaway allocation (an engine that loops pushing
// tokens) then fails its test in milliseconds instead of eating the machine's memory, and a
// test can assert that memory stays linear in the input ("allocated at most 40 bytes per input
// byte"). Works under AddressSanitizer too (the replacement calls malloc/free, which ASan still
// checks).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace whosaid_test {

namespace detail {
inline std::atomic<bool> budget_active{false};
inline std::atomic<std::size_t> budget_used{0};
inline std::atomic<std::size_t> budget_limit{0};

inline void* counted_alloc(std::size_t n, std::size_t align) {
    if (budget_active.load(std::memory_order_relaxed)) {
        const std::size_t used = budget_used.fetch_add(n, std::memory_order_relaxed) + n;
        if (used > budget_limit.load(std::memory_order_relaxed)) throw std::bad_alloc();
    }
    if (n == 0) n = 1;
    void* p = nullptr;
    if (align <= alignof(std::max_align_t)) {
        p = std::malloc(n);
    } else {
        const std::size_t rounded = (n + align - 1) / align * align;
        p = std::aligned_alloc(align, rounded);
    }
    if (p == nullptr) throw std::bad_alloc();
    return p;
}
}  // namespace detail

/// While alive, counts every byte allocated through operator new (on any thread) and makes the
/// allocation that would exceed `limit` bytes in total throw std::bad_alloc. Not nestable.
class alloc_budget {
public:
    explicit alloc_budget(std::size_t limit) {
        detail::budget_used.store(0);
        detail::budget_limit.store(limit);
        detail::budget_active.store(true);
    }
    ~alloc_budget() { detail::budget_active.store(false); }
    alloc_budget(const alloc_budget&) = delete;
    alloc_budget& operator=(const alloc_budget&) = delete;
    /// Bytes allocated so far (never decreases: freed memory is not given back to the budget).
    [[nodiscard]] std::size_t used() const { return detail::budget_used.load(); }
};

}  // namespace whosaid_test

// The replacements (C++ [replacement.functions]), every form that allocates or frees: the
// nothrow forms too, although libstdc++'s own call the throwing ones, because AddressSanitizer's
// runtime defines all of them itself, and a block from its nothrow new (std::stable_sort's
// buffer) freed by the delete here is an alloc-dealloc mismatch.
void* operator new(std::size_t n) { return whosaid_test::detail::counted_alloc(n, 0); }
void* operator new[](std::size_t n) { return whosaid_test::detail::counted_alloc(n, 0); }
void* operator new(std::size_t n, std::align_val_t a) {
    return whosaid_test::detail::counted_alloc(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a) {
    return whosaid_test::detail::counted_alloc(n, static_cast<std::size_t>(a));
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return whosaid_test::detail::counted_alloc(n, 0);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return whosaid_test::detail::counted_alloc(n, 0);
    } catch (...) {
        return nullptr;
    }
}
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    try {
        return whosaid_test::detail::counted_alloc(n, static_cast<std::size_t>(a));
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    try {
        return whosaid_test::detail::counted_alloc(n, static_cast<std::size_t>(a));
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
