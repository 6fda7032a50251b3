// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Locale-independent character classification on utf8proc (Unicode 15 data in Debian 12).
///
/// Nothing here consults the C locale: `std::isspace`, `std::tolower` and friends are never
/// used (they are locale-bound and undefined for negative `char`). ASCII is answered from a
/// constant table; everything else from utf8proc's property tables. All functions are pure,
/// `noexcept` and thread-safe. A value that is not a Unicode scalar value (a surrogate, above
/// U+10FFFF) is treated like an unassigned code point: not a letter, not a space.

#include "whosaid/config.hpp"
#include "whosaid/utf8.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

WHOSAID_BEGIN_NAMESPACE

namespace unicode {

/// Coarse Unicode general category, the part of it the engines use.
enum class category : std::uint8_t {
    other,             ///< Cc, Cf, Co, Cs, Cn and anything unassigned.
    upper_letter,      ///< Lu and Lt.
    lower_letter,      ///< Ll.
    other_letter,      ///< Lm and Lo (CJK, Hebrew, …): letters without case.
    mark,              ///< Mn, Mc, Me: combining marks, part of the word they attach to.
    digit,             ///< Nd.
    other_number,      ///< Nl and No (Ⅻ, ½).
    space,             ///< Zs, Zl, Zp and the ASCII/C1 white space controls (TAB … CR, NEL).
    dash_punct,        ///< Pd: hyphen-minus, hyphen, en dash, em dash, horizontal bar, ….
    open_punct,        ///< Ps: ( [ { and also „ and ‚ (which Unicode files as openers).
    close_punct,       ///< Pe: ) ] }.
    initial_punct,     ///< Pi: « ‘ “ ‹.
    final_punct,       ///< Pf: » ’ ” ›.
    other_punct,       ///< Pc, Po: . , ! ? " ' : ; … and so on.
    symbol,            ///< Sm, Sc, Sk, So: + $ ^ © and U+FFFD.
};

namespace detail {

[[nodiscard]] constexpr category ascii_category(char32_t c) noexcept {
    if (c >= 'A' && c <= 'Z') return category::upper_letter;
    if (c >= 'a' && c <= 'z') return category::lower_letter;
    if (c >= '0' && c <= '9') return category::digit;
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return category::space;
    if (c < 0x20 || c == 0x7F) return category::other;
    switch (c) {
        case '-': return category::dash_punct;
        case '(': case '[': case '{': return category::open_punct;
        case ')': case ']': case '}': return category::close_punct;
        case '$': case '+': case '<': case '=': case '>': case '^': case '`': case '|': case '~':
            return category::symbol;
        default: return category::other_punct;  // ! " # % & ' * , . / : ; ? @ \ _
    }
}

inline constexpr std::array<category, 128> ascii_table = [] {
    std::array<category, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = ascii_category(c);
    return t;
}();

[[nodiscard]] inline category from_utf8proc(utf8proc_category_t c, char32_t cp) noexcept {
    switch (c) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return category::upper_letter;
        case UTF8PROC_CATEGORY_LL: return category::lower_letter;
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return category::other_letter;
        case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: return category::mark;
        case UTF8PROC_CATEGORY_ND: return category::digit;
        case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return category::other_number;
        case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: return category::space;
        case UTF8PROC_CATEGORY_PD: return category::dash_punct;
        case UTF8PROC_CATEGORY_PS: return category::open_punct;
        case UTF8PROC_CATEGORY_PE: return category::close_punct;
        case UTF8PROC_CATEGORY_PI: return category::initial_punct;
        case UTF8PROC_CATEGORY_PF: return category::final_punct;
        case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PO: return category::other_punct;
        case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
            return category::symbol;
        case UTF8PROC_CATEGORY_CC:
            return cp == 0x85 ? category::space : category::other;  // NEL is white space
        case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_CO:
            return category::other;
    }
    return category::other;
}

[[nodiscard]] constexpr bool is_scalar(char32_t cp) noexcept { return cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF); }

}  // namespace detail

/// The coarse general category of `cp`.
[[nodiscard]] inline category category_of(char32_t cp) noexcept {
    if (cp < 128) return detail::ascii_table[cp];
    if (!detail::is_scalar(cp)) return category::other;
    return detail::from_utf8proc(utf8proc_category(static_cast<utf8proc_int32_t>(cp)), cp);
}

/// Letters of any script (L*).
[[nodiscard]] inline bool is_letter(char32_t cp) noexcept {
    const category c = category_of(cp);
    return c == category::upper_letter || c == category::lower_letter || c == category::other_letter;
}
/// Upper- and titlecase letters (Lu, Lt).
[[nodiscard]] inline bool is_upper(char32_t cp) noexcept { return category_of(cp) == category::upper_letter; }
/// Lowercase letters (Ll).
[[nodiscard]] inline bool is_lower(char32_t cp) noexcept { return category_of(cp) == category::lower_letter; }
/// Decimal digits of any script (Nd).
[[nodiscard]] inline bool is_digit(char32_t cp) noexcept { return category_of(cp) == category::digit; }
/// Characters that belong inside a word: letters, combining marks and digits of any script.
[[nodiscard]] inline bool is_word(char32_t cp) noexcept {
    switch (category_of(cp)) {
        case category::upper_letter: case category::lower_letter: case category::other_letter:
        case category::mark: case category::digit: case category::other_number:
            return true;
        default: return false;
    }
}
/// White space: Zs (including U+00A0 NO-BREAK SPACE), Zl, Zp, TAB…CR and NEL.
[[nodiscard]] inline bool is_space(char32_t cp) noexcept { return category_of(cp) == category::space; }
/// Line breaks: LF, VT, FF, CR, NEL, U+2028 and U+2029.
[[nodiscard]] constexpr bool is_line_break(char32_t cp) noexcept {
    return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}
/// Punctuation of any kind (P*).
[[nodiscard]] inline bool is_punct(char32_t cp) noexcept {
    switch (category_of(cp)) {
        case category::dash_punct: case category::open_punct: case category::close_punct:
        case category::initial_punct: case category::final_punct: case category::other_punct:
            return true;
        default: return false;
    }
}
/// Dash punctuation (Pd): '-', U+2010 hyphen, U+2013 en dash, U+2014 em dash, U+2015 bar, ….
[[nodiscard]] inline bool is_dash(char32_t cp) noexcept { return category_of(cp) == category::dash_punct; }
/// The long dashes that introduce dialogue and parentheticals: U+2012 figure dash, U+2013 en
/// dash, U+2014 em dash, U+2015 horizontal bar, U+2E3A and U+2E3B (two- and three-em dashes).
[[nodiscard]] constexpr bool is_long_dash(char32_t cp) noexcept {
    return (cp >= 0x2012 && cp <= 0x2015) || cp == 0x2E3A || cp == 0x2E3B;
}
/// Characters used as quotation marks in some language: " ' ` « » ‘ ’ ‚ ‛ “ ” „ ‟ ‹ › 「 」
/// 『 』 〝 〞 〟 ＂ ＇. Whether one opens or closes depends on the language and the
/// neighbours, which is the quote detector's business, not this table's.
[[nodiscard]] constexpr bool is_quote_mark(char32_t cp) noexcept {
    switch (cp) {
        case 0x22: case 0x27: case 0x60: case 0xAB: case 0xBB:
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
        case 0x2039: case 0x203A: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
        case 0x301D: case 0x301E: case 0x301F: case 0xFF02: case 0xFF07:
            return true;
        default: return false;
    }
}
/// Characters that end a sentence: . ! ? … ‼ ⁇ ⁈ ⁉ and the fullwidth and CJK forms 。 ！ ？ ．
/// plus ؟ (Arabic) and । ॥ (Devanagari).
[[nodiscard]] constexpr bool is_sentence_terminal(char32_t cp) noexcept {
    switch (cp) {
        case '.': case '!': case '?': case 0x2026: case 0x203C: case 0x2047: case 0x2048: case 0x2049:
        case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E: case 0x061F: case 0x0964: case 0x0965:
            return true;
        default: return false;
    }
}
/// Simple lowercase mapping (one code point to one), e.g. 'Ä' → 'ä', 'Ж' → 'ж'.
[[nodiscard]] inline char32_t to_lower(char32_t cp) noexcept {
    if (cp < 128) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (!detail::is_scalar(cp)) return cp;
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}
/// Simple uppercase mapping (one code point to one).
[[nodiscard]] inline char32_t to_upper(char32_t cp) noexcept {
    if (cp < 128) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    if (!detail::is_scalar(cp)) return cp;
    return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
}

/// Appends the simple lowercase form of `text` to `out` (UTF-8), for dictionary lookups of
/// words ("Said" → "said", "ЗАЯВИЛ" → "заявил"). Bad bytes become U+FFFD (the replacement
/// policy). Reuse `out` across calls to avoid allocating.
inline void append_lower(std::string_view text, std::string& out) {
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80U) {
            out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32U : b);
            ++i;
            continue;
        }
        const utf8::codepoint cp = utf8::decode(text, i);
        char buf[4];
        out.append(buf, utf8::encode(to_lower(cp.value), buf));
        i += cp.length;
    }
}

}  // namespace unicode

WHOSAID_END_NAMESPACE
