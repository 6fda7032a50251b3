// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Quotation marks as the quote detector sees them: which code points are marks, which
/// quotations each one may open, which open quotations it may close, and the byte table of
/// the fast skip. Internal: the public face is `quote_style` in quotes.hpp.

#include "whosaid/config.hpp"

#include <array>
#include <cstdint>

WHOSAID_BEGIN_NAMESPACE

namespace detail {

/// Every mark the detector tells apart. Fewer than 32 values: closer sets are bit masks.
enum class mark : std::uint8_t {
    none = 0,
    straight_double,    // "  (also the two-apostrophe mark '' is separate, see below)
    straight_single,    // '
    fullwidth_double,   // U+FF02
    fullwidth_single,   // U+FF07
    backtick_pair,      // `` (two U+0060)
    apostrophe_pair,    // '' (two U+0027)
    left_double,        // U+201C “
    right_double,       // U+201D ”
    reversed_double,    // U+201F ‟
    left_single,        // U+2018 ‘
    right_single,       // U+2019 ’ (also the apostrophe)
    reversed_single,    // U+201B ‛
    low_double,         // U+201E „
    low_single,         // U+201A ‚
    left_guillemet,     // U+00AB «
    right_guillemet,    // U+00BB »
    left_single_guil,   // U+2039 ‹
    right_single_guil,  // U+203A ›
    left_corner,        // U+300C 「
    right_corner,       // U+300D 」
    left_white_corner,  // U+300E 『
    right_white_corner, // U+300F 』
    cjk_open,           // U+301D 〝
    cjk_close,          // U+301E 〞 and U+301F 〟
    long_dash,          // U+2012-U+2015: dialogue dashes (not quotation marks, but scanned)
    line_break,         // LF VT FF CR NEL U+2028 U+2029
};
static_assert(static_cast<unsigned>(mark::line_break) < 32, "a closer set is a 32-bit mask");

[[nodiscard]] constexpr std::uint32_t bit(mark m) noexcept { return std::uint32_t{1} << static_cast<unsigned>(m); }

/// The mark a code point is, or `mark::none`. (`apostrophe_pair` and `backtick_pair` are runs
/// of U+0027 and U+0060 recognised by the scanner, never returned here for one code point.)
/// The definition: `mark_of` answers ASCII from this function's table.
[[nodiscard]] constexpr mark mark_rule(char32_t cp) noexcept {
    switch (cp) {
        case 0x22: return mark::straight_double;
        case 0x27: return mark::straight_single;
        case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x85: case 0x2028: case 0x2029: return mark::line_break;
        case 0xAB: return mark::left_guillemet;
        case 0xBB: return mark::right_guillemet;
        case 0x2012: case 0x2013: case 0x2014: case 0x2015: return mark::long_dash;
        case 0x2018: return mark::left_single;
        case 0x2019: return mark::right_single;
        case 0x201A: return mark::low_single;
        case 0x201B: return mark::reversed_single;
        case 0x201C: return mark::left_double;
        case 0x201D: return mark::right_double;
        case 0x201E: return mark::low_double;
        case 0x201F: return mark::reversed_double;
        case 0x2039: return mark::left_single_guil;
        case 0x203A: return mark::right_single_guil;
        case 0x300C: return mark::left_corner;
        case 0x300D: return mark::right_corner;
        case 0x300E: return mark::left_white_corner;
        case 0x300F: return mark::right_white_corner;
        case 0x301D: return mark::cjk_open;
        case 0x301E: case 0x301F: return mark::cjk_close;
        case 0xFF02: return mark::fullwidth_double;
        case 0xFF07: return mark::fullwidth_single;
        default: return mark::none;
    }
}

/// `mark_rule` of every ASCII character.
inline constexpr std::array<mark, 128> ascii_marks = [] {
    std::array<mark, 128> t{};
    for (char32_t c = 0; c < t.size(); ++c) t[c] = mark_rule(c);
    return t;
}();

/// The mark `cp` is (see `mark_rule`): ASCII, the usual neighbour of a mark, from a table.
[[nodiscard]] constexpr mark mark_of(char32_t cp) noexcept { return cp < 0x80U ? ascii_marks[cp] : mark_rule(cp); }

/// True for marks whose direction is not written in the glyph: the scanner decides from the
/// neighbours and from what is open.
[[nodiscard]] constexpr bool is_symmetric(mark m) noexcept {
    return m == mark::straight_double || m == mark::straight_single || m == mark::fullwidth_double ||
           m == mark::fullwidth_single || m == mark::apostrophe_pair;
}

/// Marks that can also be an apostrophe (don't, O’Neill, ’90s, Jones' car).
[[nodiscard]] constexpr bool is_apostrophe_like(mark m) noexcept {
    return m == mark::straight_single || m == mark::right_single || m == mark::fullwidth_single;
}

/// What an opening mark opens: the style reported, the marks that close it, and whether the
/// quotation belongs to the single-mark family (dropped when never closed: an unmatched ' or ‘
/// is far more often an apostrophe or a typo than a quotation).
struct opening {
    std::uint32_t closers = 0;       ///< Marks that close it whatever their neighbours.
    std::uint32_t loose_closers = 0; ///< Marks that close it only when shaped as a closer (“…“, "…”).
    bool single_family = false;
    bool reopens_inline = false;     ///< Same mark again after a sentence end continues it ("A. "B…).
};

/// The quotation `m` opens when it acts as an opener; `closers == 0` means "opens nothing".
/// (The reported `quote_style` follows from the opening mark: see `style_of` in quote_scanner.hpp.)
/// The definition: the scanner reads `opening_of`, this function's table.
[[nodiscard]] constexpr opening opening_rule(mark m) noexcept {
    constexpr std::uint32_t straight_d = bit(mark::straight_double) | bit(mark::fullwidth_double);
    constexpr std::uint32_t straight_s = bit(mark::straight_single) | bit(mark::fullwidth_single);
    switch (m) {
        case mark::straight_double:
        case mark::fullwidth_double:
            return {straight_d | bit(mark::right_double), 0, false, true};
        case mark::straight_single:
        case mark::fullwidth_single:
            return {straight_s | bit(mark::right_single), 0, true, true};
        case mark::backtick_pair:
            return {bit(mark::apostrophe_pair), straight_d, false, true};
        case mark::apostrophe_pair:
            return {bit(mark::apostrophe_pair), 0, false, true};
        case mark::left_double:
            return {bit(mark::right_double), bit(mark::left_double) | straight_d, false, true};
        case mark::right_double:  // Swedish and Finnish ”…”, or ”…“ as some sites type it
            return {bit(mark::right_double), bit(mark::left_double), false, true};
        case mark::reversed_double:
            return {bit(mark::right_double), bit(mark::left_double), false, false};
        case mark::left_single:
            return {bit(mark::right_single), bit(mark::left_single) | straight_s, true, true};
        case mark::reversed_single:
            return {bit(mark::right_single), bit(mark::left_single), true, false};
        case mark::low_double:
            return {bit(mark::left_double) | bit(mark::right_double), straight_d, false, false};
        case mark::low_single:
            return {bit(mark::left_single) | bit(mark::right_single), straight_s, true, false};
        case mark::left_guillemet:
            return {bit(mark::right_guillemet), 0, false, false};
        case mark::right_guillemet:  // German and Danish »…«
            return {bit(mark::left_guillemet), 0, false, false};
        case mark::left_single_guil:
            return {bit(mark::right_single_guil), 0, true, false};
        case mark::right_single_guil:
            return {bit(mark::left_single_guil), 0, true, false};
        case mark::left_corner: return {bit(mark::right_corner), 0, false, false};
        case mark::left_white_corner: return {bit(mark::right_white_corner), 0, false, false};
        case mark::cjk_open: return {bit(mark::cjk_close), 0, false, false};
        default: return {};
    }
}

/// `opening_rule` of every mark, indexed by the mark: the scanner asks at every mark it reads,
/// and a load replaces the switch's jump and its constant stores.
inline constexpr std::array<opening, 32> opening_table = [] {
    std::array<opening, 32> t{};
    for (unsigned m = 0; m < t.size(); ++m) t[m] = opening_rule(static_cast<mark>(m));
    return t;
}();

/// The quotation `m` opens (see `opening_rule`).
[[nodiscard]] constexpr const opening& opening_of(mark m) noexcept { return opening_table[static_cast<unsigned>(m)]; }

/// Lead bytes the fast skip stops at: ASCII " ' ` and line breaks, and the UTF-8 lead bytes of
/// every other mark, dash and line break (C2: « » NEL; E2: U+2012-U+203A, U+2028/9; E3: CJK
/// brackets; EF: fullwidth marks). Continuation bytes are never candidates, so the skip never
/// lands inside a valid sequence.
inline constexpr std::array<bool, 256> candidate_byte = [] {
    std::array<bool, 256> t{};
    t[0x22] = t[0x27] = t[0x60] = true;
    t[0x0A] = t[0x0B] = t[0x0C] = t[0x0D] = true;
    t[0xC2] = t[0xE2] = t[0xE3] = t[0xEF] = true;
    return t;
}();

}  // namespace detail

WHOSAID_END_NAMESPACE
