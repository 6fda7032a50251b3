// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// The UTF-8 layer: validation with the byte offset of the first bad sequence, decoding under
/// an explicit invalid-input policy, and an explicit copying sanitiser.
///
/// Needs neither RE2 nor utf8proc: it is self-contained and `constexpr` where it can be.
/// Validity follows the Unicode Standard, table 3-7 (no overlong forms, no surrogates, nothing
/// above U+10FFFF); it agrees byte for byte with utf8proc_iterate, which the tests check
/// exhaustively over every 1- to 4-byte sequence.
///
/// **Replacement policy.** Where invalid input is processed anyway (`invalid_utf8::replace`),
/// every byte that does not begin a valid sequence counts as one U+FFFD of length 1, in place:
/// no copy is made and every offset keeps indexing the original bytes (the fmt and
/// sentencepiece convention). A truncated sequence `E2 80` is therefore two replacements.

#include "whosaid/config.hpp"
#include "whosaid/error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

WHOSAID_BEGIN_NAMESPACE

/// What an engine does with text that is not valid UTF-8.
enum class invalid_utf8 : std::uint8_t {
    reject,   ///< Default: validate first; on failure return `errc::invalid_utf8` with the offset.
    replace,  ///< Process anyway; each bad byte reads as one U+FFFD at its own offset.
};

namespace utf8 {

/// Returned by `find_invalid` when the text is valid.
inline constexpr std::size_t npos = std::string_view::npos;
/// U+FFFD REPLACEMENT CHARACTER, the value a bad byte decodes to.
inline constexpr char32_t replacement_character = 0xFFFD;

/// One decoded code point.
struct codepoint {
    char32_t value = 0;       ///< The scalar value, or U+FFFD for a bad byte.
    std::uint8_t length = 0;  ///< Bytes consumed: 1-4; 1 for a bad byte; 0 only at end of text.
    bool valid = false;       ///< False when `value` stands in for a bad byte.
};

namespace detail {

[[nodiscard]] constexpr bool is_continuation(unsigned char c) noexcept { return (c & 0xC0U) == 0x80U; }

/// Length of the valid sequence starting at `s[i]`, or 0 when none starts there. `i < s.size()`.
[[nodiscard]] constexpr std::size_t valid_length(std::string_view s, std::size_t i) noexcept {
    const std::size_t left = s.size() - i;
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80U) return 1;
    if (b0 < 0xC2U) return 0;  // continuation byte or overlong C0/C1 lead
    if (b0 < 0xE0U) return (left >= 2 && is_continuation(static_cast<unsigned char>(s[i + 1]))) ? 2 : 0;
    if (b0 < 0xF0U) {
        if (left < 3) return 0;
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const unsigned char lo = b0 == 0xE0U ? 0xA0U : 0x80U;  // E0: no overlong forms
        const unsigned char hi = b0 == 0xEDU ? 0x9FU : 0xBFU;  // ED: no surrogates
        if (b1 < lo || b1 > hi) return 0;
        return is_continuation(static_cast<unsigned char>(s[i + 2])) ? 3 : 0;
    }
    if (b0 < 0xF5U) {
        if (left < 4) return 0;
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const unsigned char lo = b0 == 0xF0U ? 0x90U : 0x80U;  // F0: no overlong forms
        const unsigned char hi = b0 == 0xF4U ? 0x8FU : 0xBFU;  // F4: nothing above U+10FFFF
        if (b1 < lo || b1 > hi) return 0;
        return (is_continuation(static_cast<unsigned char>(s[i + 2])) &&
                is_continuation(static_cast<unsigned char>(s[i + 3])))
                   ? 4
                   : 0;
    }
    return 0;
}

}  // namespace detail

/// Decodes the code point starting at byte `offset` of `text`.
///
/// A byte that does not begin a valid sequence decodes as `{U+FFFD, 1, false}`. At or past the
/// end of `text` the result is `{0, 0, false}`. Never reads outside `text`. O(1).
[[nodiscard]] constexpr codepoint decode(std::string_view text, std::size_t offset) noexcept {
    if (offset >= text.size()) return {0, 0, false};
    const std::size_t n = detail::valid_length(text, offset);
    if (n == 0) return {replacement_character, 1, false};
    const auto b0 = static_cast<unsigned char>(text[offset]);
    char32_t cp = 0;
    switch (n) {
        case 1: cp = b0; break;
        case 2: cp = b0 & 0x1FU; break;
        case 3: cp = b0 & 0x0FU; break;
        default: cp = b0 & 0x07U; break;
    }
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6U) | (static_cast<unsigned char>(text[offset + k]) & 0x3FU);
    return {cp, static_cast<std::uint8_t>(n), true};
}

/// Decodes the code point that ends just before byte `offset` (the one a backward scan meets).
///
/// Consistent with forward decoding under the replacement policy: the result is exactly the
/// code point a forward `decode` loop from the start of `text` would have produced there.
/// Returns `{0, 0, false}` at offset 0; an offset past the end is treated as the end.
/// O(1): at most 4 bytes are read, all inside `text`.
[[nodiscard]] constexpr codepoint decode_before(std::string_view text, std::size_t offset) noexcept {
    if (offset > text.size()) offset = text.size();
    if (offset == 0) return {0, 0, false};
    // A valid sequence ending at `offset` starts at a lead byte at most 3 bytes back. Forward
    // decoding lands on every non-continuation byte, so if one decodes validly up to exactly
    // `offset`, that is what forward decoding produced; otherwise the last byte stood alone.
    for (std::size_t back = 1; back <= 4 && back <= offset; ++back) {
        const std::size_t start = offset - back;
        if (!detail::is_continuation(static_cast<unsigned char>(text[start]))) {
            const codepoint cp = decode(text, start);
            if (cp.valid && start + cp.length == offset) return cp;
            break;
        }
    }
    return {replacement_character, 1, false};
}

/// Byte offset of the first byte that does not begin a valid UTF-8 sequence, or `npos` when
/// the whole of `text` is valid. An empty text is valid. Reads only inside `text`; an ASCII
/// fast path checks 16 bytes at a time (several GB/s on ASCII-heavy text).
[[nodiscard]] inline std::size_t find_invalid(std::string_view text) noexcept {
    const char* p = text.data();
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (n - i >= 16) {
            std::uint64_t a = 0;
            std::uint64_t b = 0;
            std::memcpy(&a, p + i, 8);
            std::memcpy(&b, p + i + 8, 8);
            if (((a | b) & 0x8080808080808080ULL) == 0) {
                i += 16;
                continue;
            }
        }
        if (static_cast<unsigned char>(p[i]) < 0x80U) {
            ++i;
            continue;
        }
        const std::size_t len = detail::valid_length(text, i);
        if (len == 0) return i;
        i += len;
    }
    return npos;
}

/// True when `text` is entirely valid UTF-8.
[[nodiscard]] inline bool is_valid(std::string_view text) noexcept { return find_invalid(text) == npos; }

/// Applies `policy` to `text`: under `reject`, the `errc::invalid_utf8` error for the first bad
/// byte (offset and byte value), or `errc::ok`; under `replace`, always `errc::ok` without
/// reading the text. This is the check every engine runs first.
[[nodiscard]] inline error check(std::string_view text, invalid_utf8 policy) noexcept {
    if (policy == invalid_utf8::replace) return {};
    const std::size_t at = find_invalid(text);
    if (at == npos) return {};
    return {errc::invalid_utf8, at, static_cast<std::uint8_t>(text[at])};
}

/// Calls `fn(codepoint, byte_offset)` for each code point of `text` in order, bad bytes as
/// U+FFFD of length 1 (the replacement policy). Never reads outside `text`.
template <class Fn>
constexpr void for_each_codepoint(std::string_view text, Fn&& fn) {
    for (std::size_t i = 0; i < text.size();) {
        const codepoint cp = decode(text, i);
        fn(cp, i);
        i += cp.length;
    }
}

/// Number of code points in `text[0, byte_offset)` under the replacement policy (equal to the
/// code point count for valid text), for consumers that count characters (JavaScript, Python).
/// An offset past the end is clamped. O(byte_offset).
[[nodiscard]] constexpr std::size_t codepoint_offset(std::string_view text, std::size_t byte_offset) noexcept {
    if (byte_offset > text.size()) byte_offset = text.size();
    std::size_t count = 0;
    for (std::size_t i = 0; i < byte_offset; i += decode(text, i).length) ++count;
    return count;
}

/// Writes the UTF-8 encoding of `cp` to `out` and returns its length (1-4). A surrogate or a
/// value above U+10FFFF is encoded as U+FFFD.
constexpr std::size_t encode(char32_t cp, char (&out)[4]) noexcept {
    if ((cp >= 0xD800U && cp <= 0xDFFFU) || cp > 0x10FFFFU) cp = replacement_character;
    if (cp < 0x80U) {
        out[0] = static_cast<char>(cp);
        return 1;
    }
    if (cp < 0x800U) {
        out[0] = static_cast<char>(0xC0U | (cp >> 6U));
        out[1] = static_cast<char>(0x80U | (cp & 0x3FU));
        return 2;
    }
    if (cp < 0x10000U) {
        out[0] = static_cast<char>(0xE0U | (cp >> 12U));
        out[1] = static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out[2] = static_cast<char>(0x80U | (cp & 0x3FU));
        return 3;
    }
    out[0] = static_cast<char>(0xF0U | (cp >> 18U));
    out[1] = static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
    out[2] = static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out[3] = static_cast<char>(0x80U | (cp & 0x3FU));
    return 4;
}

/// A copy of `text` with every bad byte replaced by U+FFFD (EF BF BD). Explicit and copying:
/// no engine calls it; offsets into the copy differ from offsets into `text` where bytes were
/// replaced. Valid text is returned unchanged.
[[nodiscard]] inline std::string sanitize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = detail::valid_length(text, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.data() + i, len);
            i += len;
        }
    }
    return out;
}

}  // namespace utf8

WHOSAID_END_NAMESPACE
