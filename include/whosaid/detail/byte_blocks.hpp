// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Block masks for the scanners' skips: for a set of bytes, the bits of one 64-byte block that
/// hold one of them (bit k for byte k), computed with SSE2 where available. A scanner keeps the
/// mask of its current block (`block_cursor`) and finds each next byte of the set with a
/// count of trailing zeros, so every byte is classified once however often the scan stops.

#include "whosaid/config.hpp"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if WHOSAID_SSE2
#    include <emmintrin.h>
#endif

WHOSAID_BEGIN_NAMESPACE

namespace detail {

/// A set of bytes: three ASCII characters other than 0 (repeat one to use fewer), optionally the
/// range 0x0A-0x0D (LF VT FF CR), and up to six bytes >= 0x80 (UTF-8 lead bytes; unused slots
/// hold 0). The zero byte is never in a set.
/// Used as a template argument, so the masks compare with constants.
///
/// A `loose` set lets the masks report a few bytes outside it (`reports`), which its scanner
/// steps over: one compare for two of its ASCII characters and one for the line breaks, which
/// took two each (BBC, both scanners: 82 -> 75 instructions per 64-byte block). Fine for bytes
/// that are rare in text; a scanner whose set is loose must treat every reported byte it does
/// not expect as nothing.
struct byte_set {
    std::array<unsigned char, 3> ascii{};
    bool line_breaks = false;
    std::array<unsigned char, 6> high{};
    bool loose = false;

    [[nodiscard]] constexpr bool contains(unsigned char b) const noexcept {
        if (line_breaks && b >= 0x0A && b <= 0x0D) return true;
        for (const unsigned char c : ascii) {
            if (c == b) return true;
        }
        for (const unsigned char c : high) {
            if (c != 0 && c == b) return true;
        }
        return false;
    }

    /// The bytes the masks report: those of the set and, when it is `loose`, also
    /// - with the line breaks, all of 0x00-0x0D (one unsigned compare, x <= 0x0D, for the
    ///   range; NUL, tab and other control bytes are rare in text), and
    /// - the bytes that agree with the first two ASCII characters on the bits where those two
    ///   agree (one compare of x | (a ^ b) with a | b, for two): for " and ' also # and &,
    ///   for . and ? also / and >.
    [[nodiscard]] constexpr bool reports(unsigned char b) const noexcept {
        if (contains(b)) return true;
        if (!loose) return false;
        if (line_breaks && b <= 0x0D) return true;
        return (b | (ascii[0] ^ ascii[1])) == (ascii[0] | ascii[1]);
    }
};

/// Bits of the `len` bytes at `p` (at most 64) that `Set` reports (`byte_set::reports`), one
/// byte at a time: the reference for `block_mask`.
template <byte_set Set>
[[nodiscard]] constexpr std::uint64_t block_mask_bytes(const char* p, std::size_t len) noexcept {
    constexpr std::array<bool, 256> table = [] {
        std::array<bool, 256> t{};
        for (unsigned c = 0; c < 256; ++c) t[c] = Set.reports(static_cast<unsigned char>(c));
        return t;
    }();
    std::uint64_t bits = 0;
    for (std::size_t k = 0; k < len; ++k) {
        bits |= static_cast<std::uint64_t>(table[static_cast<unsigned char>(p[k])]) << k;
    }
    return bits;
}

/// Bits of the 64 bytes at `p` that `Set` reports (`byte_set::reports`). Reads exactly 64 bytes.
template <byte_set Set>
    requires(Set.ascii[0] != 0 && Set.ascii[1] != 0 && Set.ascii[2] != 0 &&
             (!Set.loose || std::popcount(static_cast<unsigned>(Set.ascii[0] ^ Set.ascii[1])) <= 2))
[[nodiscard]] inline std::uint64_t block_mask(const char* p) noexcept {
#if WHOSAID_SSE2
    __m128i x[4];
    std::uint64_t bits = 0;
    const __m128i a2 = _mm_set1_epi8(static_cast<char>(Set.ascii[2]));
    if constexpr (Set.loose) {
        // (x | (a0 ^ a1)) == (a0 | a1) for the first two; x - 0x0D saturated to zero for 0x00-0x0D.
        const __m128i pair_bits = _mm_set1_epi8(static_cast<char>(Set.ascii[0] ^ Set.ascii[1]));
        const __m128i pair = _mm_set1_epi8(static_cast<char>(Set.ascii[0] | Set.ascii[1]));
        const __m128i last_break = _mm_set1_epi8(0x0D);
        const __m128i zero = _mm_setzero_si128();
        for (std::size_t k = 0; k < 4; ++k) {
            x[k] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
            __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(x[k], pair_bits), pair), _mm_cmpeq_epi8(x[k], a2));
            if constexpr (Set.line_breaks) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_subs_epu8(x[k], last_break), zero));
            bits |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(hit)) & 0xFFFFU) << (16 * k);
        }
    } else {
        const __m128i a0 = _mm_set1_epi8(static_cast<char>(Set.ascii[0]));
        const __m128i a1 = _mm_set1_epi8(static_cast<char>(Set.ascii[1]));
        // 0x0A..0x0D shifted to -128..-125: one signed compare (never true when the set has no breaks).
        const __m128i shift = _mm_set1_epi8(static_cast<char>(0x80 - 0x0A));
        const __m128i below = _mm_set1_epi8(static_cast<char>(Set.line_breaks ? -128 + 4 : -128));
        for (std::size_t k = 0; k < 4; ++k) {
            x[k] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
            const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x[k], a0), _mm_cmpeq_epi8(x[k], a1)),
                                             _mm_or_si128(_mm_cmpeq_epi8(x[k], a2),
                                                          _mm_cmplt_epi8(_mm_add_epi8(x[k], shift), below)));
            bits |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(hit)) & 0xFFFFU) << (16 * k);
        }
    }
    const auto high = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(x[0], x[1]), _mm_or_si128(x[2], x[3])));
    if (high != 0) {  // non-ASCII bytes in the block: compare with the lead bytes
        for (std::size_t k = 0; k < 4; ++k) {
            __m128i hit = _mm_setzero_si128();
            for (const unsigned char c : Set.high) {
                if (c != 0) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x[k], _mm_set1_epi8(static_cast<char>(c))));
            }
            bits |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(hit)) & 0xFFFFU) << (16 * k);
        }
    }
    return bits;
#else
    return block_mask_bytes<Set>(p, 64);
#endif
}

/// The mask of one block of a text and where the block starts: `next` finds the next byte of
/// the set at or after a position, computing a new block's mask only when it leaves the block.
template <byte_set Set>
class block_cursor {
public:
    explicit block_cursor(std::string_view text) noexcept : text_(text) {}

    /// The first position at or after `i` whose byte the set reports (`byte_set::reports`), or
    /// the text's size when there is none. Any `i` (also behind earlier ones) is fine.
    [[nodiscard]] std::size_t next(std::size_t i) noexcept {
        if (i - base_ < len_) {  // inside the current block (i < base_ wraps around)
            const std::uint64_t m = bits_ & (~std::uint64_t{0} << (i - base_));
            if (m != 0) return base_ + static_cast<std::size_t>(std::countr_zero(m));
            i = base_ + len_;
        }
        // New blocks from `i` on: the first starts at `i`, so its mask needs no shift.
        const std::size_t n = text_.size();
        for (;;) {
            if (i >= n) return n;
            base_ = i;
            if (n - i >= 64) {
                len_ = 64;
                bits_ = block_mask<Set>(text_.data() + i);
            } else {  // the last, short block: its bytes padded with zeros, whose bits are dropped
                len_ = n - i;
                char tail[64] = {};
                std::memcpy(tail, text_.data() + i, len_);
                bits_ = block_mask<Set>(tail) & ((std::uint64_t{1} << len_) - 1);
            }
            if (bits_ != 0) return base_ + static_cast<std::size_t>(std::countr_zero(bits_));
            i = base_ + len_;
        }
    }

private:
    std::string_view text_;
    std::size_t base_ = 0;
    std::size_t len_ = 0;  // 0: no block yet
    std::uint64_t bits_ = 0;
};

}  // namespace detail

WHOSAID_END_NAMESPACE
