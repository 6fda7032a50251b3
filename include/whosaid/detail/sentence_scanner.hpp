// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// The sentence splitter's scanner: one forward pass over the bytes with a table-driven skip to
/// the bytes that can matter (stops, line breaks, and the lead bytes of the non-ASCII stops,
/// bullets and guillemets), and decisions that look at most a few tokens (64 bytes) behind and
/// ahead. The rules are documented in whosaid/sentences.hpp.

#include "whosaid/config.hpp"
#include "whosaid/detail/byte_blocks.hpp"
#include "whosaid/detail/sentence_profile.hpp"
#include "whosaid/span.hpp"
#include "whosaid/unicode.hpp"
#include "whosaid/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#if WHOSAID_SSE2
#    include <emmintrin.h>
#endif

WHOSAID_BEGIN_NAMESPACE

namespace detail {

/// Bytes the scanner stops at: 1 always, 2 only while it looks for the next item of an inline
/// list (spaces and tabs).
inline constexpr std::array<std::uint8_t, 256> sentence_stop_bytes = [] {
    std::array<std::uint8_t, 256> t{};
    for (const char c : {'.', '!', '?', '\n', '\r', '\v', '\f'}) t[static_cast<unsigned char>(c)] = 1;
    t[' '] = 2;
    t['\t'] = 2;
    // Lead bytes of: NEL « » (C2), ؟ (D8), । ॥ (E0), … ‼ ⁇ ⁈ ⁉ • ‣ ⁃ ◦ ▪ ● U+2028 U+2029 (E2),
    // 。 (E3), ！ ？ ． ｡ (EF).
    for (const std::size_t c : {0xC2U, 0xD8U, 0xE0U, 0xE2U, 0xE3U, 0xEFU}) t[c] = 1;
    return t;
}();

/// The bytes of `sentence_stop_bytes` marked 1, as a byte set for the block masks. Loose: the
/// masks also report / > and 0x00-0x09, which `sentence_scanner::run` steps over.
inline constexpr byte_set sentence_stops{{'.', '?', '!'}, true, {0xC2, 0xD8, 0xE0, 0xE2, 0xE3, 0xEF}, true};

static_assert([] {
    for (unsigned c = 0; c < 256; ++c) {
        if (((sentence_stop_bytes[c] & 1U) != 0) != sentence_stops.contains(static_cast<unsigned char>(c))) return false;
    }
    return true;
}(), "sentence_stops lists the stop bytes of sentence_stop_bytes");

[[nodiscard]] constexpr bool is_ascii_space(unsigned char b) noexcept { return b == ' ' || (b >= 0x09 && b <= 0x0D); }

/// A printable ASCII character other than the space: no white space to trim.
[[nodiscard]] constexpr bool is_visible_ascii(unsigned char b) noexcept { return b > 0x20U && b < 0x80U; }

/// A-Z and a-z.
[[nodiscard]] constexpr bool is_ascii_letter(unsigned char b) noexcept {
    return (b | 0x20U) - 'a' < 26U;  // case folded and unsigned: one compare, no branch
}

static_assert([] {
    for (unsigned c = 0; c < 256; ++c) {
        if (is_ascii_letter(static_cast<unsigned char>(c)) != ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    return true;
}(), "is_ascii_letter");

/// A-Z lower-cased; every other byte unchanged.
[[nodiscard]] constexpr unsigned char ascii_lower(unsigned char b) noexcept {
    // Arithmetic, not a conditional: the first letter of the word before a period is a capital
    // or not in no predictable order.
    return static_cast<unsigned char>(b + (static_cast<unsigned>(static_cast<unsigned>(b) - 'A' < 26U) << 5U));
}

static_assert([] {
    for (unsigned c = 0; c < 256; ++c) {
        const unsigned expected = c >= 'A' && c <= 'Z' ? c + 32U : c;
        if (ascii_lower(static_cast<unsigned char>(c)) != expected) return false;
    }
    return true;
}(), "ascii_lower");

/// ASCII characters that open a quotation or a bracket before a word: " ' ` ( [ {.
[[nodiscard]] constexpr bool is_ascii_opening(unsigned char b) noexcept {
    // A bit test, not a chain of compares: after a stop the chain's branches mispredicted.
    constexpr std::uint64_t low = (std::uint64_t{1} << '"') | (std::uint64_t{1} << '\'') | (std::uint64_t{1} << '(');
    constexpr std::uint64_t high = (std::uint64_t{1} << ('`' - 64)) | (std::uint64_t{1} << ('[' - 64)) |
                                   (std::uint64_t{1} << ('{' - 64));
    return b < 128 && (((b < 64 ? low : high) >> (b & 63U)) & 1U) != 0;
}

static_assert([] {
    for (char32_t c = 0; c < 128; ++c) {
        const bool opening = unicode::is_quote_mark(c) || unicode::detail::ascii_table[c] == unicode::category::open_punct;
        if (is_ascii_opening(static_cast<unsigned char>(c)) != opening) return false;
    }
    for (unsigned c = 128; c < 256; ++c) {
        if (is_ascii_opening(static_cast<unsigned char>(c))) return false;
    }
    return true;
}(), "is_ascii_opening disagrees with is_opening_cp");

/// Marks that close a quotation or a parenthesis right after a stop: ' " ) ] } » ’ ” “ ‘ › and
/// the fullwidth and CJK closers.
[[nodiscard]] constexpr bool is_closing_mark(char32_t c) noexcept {
    if (c < 0x80) {  // one bit test instead of a tree of compares: ' " ) ] }
        constexpr std::uint64_t low = (std::uint64_t{1} << '"') | (std::uint64_t{1} << '\'') | (std::uint64_t{1} << ')');
        constexpr std::uint64_t high = (std::uint64_t{1} << (']' - 64)) | (std::uint64_t{1} << ('}' - 64));
        return (((c < 64 ? low : high) >> (c & 63U)) & 1U) != 0;
    }
    switch (c) {
        case 0xBB: case 0x2018: case 0x2019: case 0x201C:
        case 0x201D: case 0x203A: case 0xFF09: case 0xFF3D: case 0x300D: case 0x300F: case 0xFF02: case 0xFF07:
            return true;
        default: return false;
    }
}

static_assert([] {
    for (char32_t c = 0; c < 128; ++c) {
        const bool listed = c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
        if (is_closing_mark(c) != listed) return false;
    }
    return true;
}(), "the ASCII bit test of is_closing_mark");

/// What the byte after a lone period means for its cluster (see `sentence_scanner::read_cluster`):
/// it continues or closes it (other: a stop, a closing mark or a non-ASCII byte), it may start a
/// footnote mark ('[' or a digit), it is a space (which may start ". . ."), or it ends it (plain).
enum : std::uint8_t { follow_other = 0, follow_plain = 1, follow_footnote = 2, follow_space = 3 };
inline constexpr std::array<std::uint8_t, 256> period_follower = [] {
    std::array<std::uint8_t, 256> t{};
    for (unsigned c = 0; c < 0x80; ++c) {
        if (c == '.' || c == '!' || c == '?' || is_closing_mark(c)) continue;
        if (c == ' ') t[c] = follow_space;
        else if (c == '[' || (c >= '0' && c <= '9')) t[c] = follow_footnote;
        else t[c] = follow_plain;
    }
    return t;
}();

/// List bullets: • ‣ ⁃ ◦ ▪ ●.
[[nodiscard]] constexpr bool is_bullet(char32_t c) noexcept {
    return c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x25E6 || c == 0x25AA || c == 0x25CF;
}

/// Stops of scripts written without spaces between sentences: 。 ！ ？ ． ｡.
[[nodiscard]] constexpr bool is_wide_stop(char32_t c) noexcept {
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E || c == 0xFF61;
}

/// How a byte can start a list marker (see `sentence_scanner::may_start_marker`).
enum : std::uint8_t { marker_never = 0, marker_always = 1, marker_letter = 2, marker_roman = 3 };
inline constexpr std::array<std::uint8_t, 256> marker_lead = [] {
    std::array<std::uint8_t, 256> t{};
    for (unsigned c = 0; c < 256; ++c) {
        if (c == '(' || (c >= '0' && c <= '9')) t[c] = marker_always;
        else if (c == 'i' || c == 'v' || c == 'x') t[c] = marker_roman;
        else if (is_ascii_letter(static_cast<unsigned char>(c))) t[c] = marker_letter;
    }
    return t;
}();

/// A list marker: "1.", "1.)", "1)", "(1)", "a.", "a)", "(a)", "iv)", "(iii)".
struct list_marker {
    enum class style : std::uint8_t { dot, dot_paren, paren, parens };
    std::size_t length = 0;    ///< Bytes, without the white space after it; 0 when none.
    std::uint32_t value = 0;   ///< The number, or the letter's code.
    bool numeric = false;      ///< Digits (else a letter).
    bool sequential = false;   ///< Numbers and single letters continue; roman numerals do not.
    style form = style::dot;
};

/// Scans one text for sentences and calls `emit(text_span)` for each. Used once per call by
/// `sentence_splitter`; holds only per-call state. With `FastPaths` false the scanner runs only
/// its general code, without the shortcuts for common ASCII text: the same sentences, slower
/// (the tests compare the two).
template <class Emit, bool FastPaths = true>
class sentence_scanner {
public:
    sentence_scanner(std::string_view text, const sentence_profile& profile,
                     std::span<const std::string> extra_abbreviations, Emit& emit) noexcept
        : text_(text), n_(text.size()), profile_(profile), extra_(extra_abbreviations), emit_(emit), stops_(text) {
        longest_abbreviation_ = profile.longest_abbreviation;
        for (const std::string& w : extra_abbreviations) longest_abbreviation_ = std::max(longest_abbreviation_, w.size());
    }

    void run() {
        std::size_t i = begin_paragraph(skip_space(0).next);
        while (i < n_) {
            i = next_stop_byte(i);
            if (i >= n_) break;
            const auto b = byte(i);
            if (b < 0x80U) {
                switch (b) {
                    case '.':
                        if constexpr (FastPaths) {
                            // The common stop of news text, here and not in on_stop: inline, without
                            // the frame of a call (-2.8M instructions over BBC's 2 passes).
                            if (const std::size_t q = period_space_capital(i); q != npos) {
                                i = on_period_space_capital(i, q);
                                break;
                            }
                        }
                        i = on_stop(i);
                        break;
                    case '!': case '?': i = on_stop(i); break;
                    case ' ': case '\t': i = on_list_space(i); break;
                    case '\n': case '\v': case '\f': case '\r': i = on_line_break(i); break;
                    default: ++i; break;  // reported by the loose block masks only (see sentence_stops)
                }
                continue;
            }
            const utf8::codepoint cp = utf8::decode(text_, i);
            if (!cp.valid) {
                ++i;
                continue;
            }
            const char32_t c = cp.value;
            if (unicode::is_sentence_terminal(c)) {
                i = on_stop(i);
            } else if (c == 0x85 || c == 0x2028 || c == 0x2029) {
                i = on_line_break(i);
            } else if (is_bullet(c)) {
                i = on_bullet(i, cp.length);
            } else {
                if (c == 0xAB) ++guillemets_;
                else if (c == 0xBB && guillemets_ > 0) --guillemets_;
                i += cp.length;
            }
        }
        emit_until(n_);
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;
    static constexpr std::size_t max_token = 64;  // bytes examined for one token around a stop
    static constexpr std::size_t max_word = 32;   // longest word looked up in a table

    struct space_run {
        std::size_t next = 0;    // first byte that is not white space
        std::size_t breaks = 0;  // line breaks crossed
        bool paragraph = false;  // a blank line (or U+2029) was crossed
    };

    struct stop_cluster {
        std::size_t begin = 0;      // first stop
        std::size_t end = 0;        // after the stops and closing marks
        std::size_t first_end = 0;  // after the first stop
        std::size_t dots = 0;       // periods, '…' counting three
        bool strong = false;        // ! ? ‼ ⁇ ⁈ ⁉ ؟ । ॥
        bool spaced = false;        // ". . ."
        bool closers = false;       // closing quotes or brackets after the stop
        bool wide = false;          // 。 ！ ？ ． ｡
        bool attached = false;      // a non-space character right before the first stop
        std::uint32_t guillemets = 0;  // » among the closing marks
    };

    enum class next_class : std::uint8_t { lower, upper, digit, other, punct };

    struct next_word {
        next_class cls = next_class::other;
        bool dash = false;       // a dash before the word ("? – спросила")
        bool marker = false;     // a list marker ("2)", "(b)")
        bool initial = false;    // a single capital letter with a period ("И.", "J.")
        std::size_t word = npos;  // where the capitalised word starts, npos when none (see `next_word_text`)
    };

    enum class prev_kind : std::uint8_t { none, title, before_number, ambiguous, time, initial };

    /// What stands before an initial ("E." in "Jonas E. Smith").
    enum class before_initial : std::uint8_t { nothing, lower_word, capital_word, number };

    struct prev_word {
        prev_kind kind = prev_kind::none;
        before_initial before = before_initial::nothing;  // for initials
        bool pronoun = false;                             // for initials: a one-letter word ("I")
    };

    // ---- bytes and code points -------------------------------------------------------------
    // The small readers below and the shortcuts of skip_space and parse_marker are forced inline:
    // GCC kept them out of line, every call at a stop returning its struct through memory (a
    // fifth of the splitter's instructions on BBC).

    [[nodiscard]] WHOSAID_ALWAYS_INLINE unsigned char byte(std::size_t i) const noexcept { return static_cast<unsigned char>(text_[i]); }

    [[nodiscard]] WHOSAID_ALWAYS_INLINE utf8::codepoint at(std::size_t i) const noexcept {
        if (i < n_ && byte(i) < 0x80U) return {byte(i), 1, true};
        return utf8::decode(text_, i);
    }

    [[nodiscard]] WHOSAID_ALWAYS_INLINE utf8::codepoint before(std::size_t i) const noexcept {
        if (i > 0 && i <= n_ && byte(i - 1) < 0x80U) return {byte(i - 1), 1, true};
        return utf8::decode_before(text_, i);
    }

    [[nodiscard]] WHOSAID_ALWAYS_INLINE static bool is_space_cp(const utf8::codepoint& cp) noexcept {
        return cp.valid && (cp.value < 0x80 ? is_ascii_space(static_cast<unsigned char>(cp.value))
                                            : unicode::is_space(cp.value));
    }

    [[nodiscard]] WHOSAID_ALWAYS_INLINE bool space_at(std::size_t i) const noexcept { return i < n_ && is_space_cp(at(i)); }

    [[nodiscard]] static bool is_line_break_cp(const utf8::codepoint& cp) noexcept {
        return cp.valid && unicode::is_line_break(cp.value);
    }

    [[nodiscard]] static bool is_lower_cp(const utf8::codepoint& cp) noexcept {
        return cp.valid && (cp.value < 0x80 ? (cp.value >= 'a' && cp.value <= 'z') : unicode::is_lower(cp.value));
    }

    [[nodiscard]] static bool is_upper_cp(const utf8::codepoint& cp) noexcept {
        return cp.valid && (cp.value < 0x80 ? (cp.value >= 'A' && cp.value <= 'Z') : unicode::is_upper(cp.value));
    }

    [[nodiscard]] static bool is_letter_cp(const utf8::codepoint& cp) noexcept {
        return cp.valid && unicode::is_letter(cp.value);
    }

    [[nodiscard]] static bool is_opening_cp(const utf8::codepoint& cp) noexcept {
        if (!cp.valid) return false;
        const char32_t c = cp.value;
        if (unicode::is_quote_mark(c) || c == 0xBF || c == 0xA1) return true;  // ¿ ¡
        return unicode::category_of(c) == unicode::category::open_punct;
    }

    /// The next byte at or after `i` the scanner must look at (n_ when none): through the block
    /// masks while no inline list is open, else byte by byte through the stop table.
    [[nodiscard]] std::size_t next_stop_byte(std::size_t i) noexcept {
        if (!list_active_) return stops_.next(i);
        while (i < n_ && sentence_stop_bytes[byte(i)] == 0) ++i;
        return i;
    }

    /// White space from `j` on, counting line breaks (CRLF once); a blank line or U+2029 is a
    /// paragraph break.
    [[nodiscard]] WHOSAID_ALWAYS_INLINE space_run skip_space(std::size_t j) const noexcept {
        // The common case: one space before a visible ASCII character.
        if (j + 1 < n_ && byte(j) == ' ' && is_visible_ascii(byte(j + 1))) return {j + 1, 0, false};
        return skip_space_run(j);
    }

    /// `skip_space` in general.
    [[nodiscard]] space_run skip_space_run(std::size_t j) const noexcept {
        std::size_t breaks = 0;
        bool paragraph = false;
        while (j < n_) {
            const auto b = byte(j);
            if (b == '\r') {
                ++breaks;
                ++j;
                if (j < n_ && byte(j) == '\n') ++j;
                continue;
            }
            if (b == '\n' || b == 0x0B || b == 0x0C) {
                ++breaks;
                ++j;
                continue;
            }
            if (b == ' ' || b == '\t') {
                ++j;
                continue;
            }
            if (b < 0x80U) break;
            const utf8::codepoint cp = utf8::decode(text_, j);
            if (!cp.valid) break;
            if (cp.value == 0x2029) {
                paragraph = true;
                ++breaks;
            } else if (cp.value == 0x85 || cp.value == 0x2028) {
                ++breaks;
            } else if (!unicode::is_space(cp.value)) {
                break;
            }
            j += cp.length;
        }
        return {j, breaks, paragraph || breaks >= 2};
    }

    /// Lower-cases `word` into `out` (U+2019 read as an apostrophe); the length, or 0 when the
    /// word is longer than `max_word` bytes or holds a bad byte.
    [[nodiscard]] static std::size_t lower_word(std::string_view word, char (&out)[max_word]) noexcept {
        std::size_t len = 0;
        for (std::size_t i = 0; i < word.size();) {
            const auto b = static_cast<unsigned char>(word[i]);
            if (b < 0x80U) {
                if (len >= max_word) return 0;
                out[len++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32U : b);
                ++i;
                continue;
            }
            const utf8::codepoint cp = utf8::decode(word, i);
            if (!cp.valid) return 0;
            char buf[4];
            const char32_t lower = cp.value == 0x2019 ? U'\'' : unicode::to_lower(cp.value);
            const std::size_t k = utf8::encode(lower, buf);
            if (len + k > max_word) return 0;
            for (std::size_t m = 0; m < k; ++m) out[len++] = buf[m];
            i += cp.length;
        }
        return len;
    }

    // ---- emitting ----------------------------------------------------------------------------

    /// Ends the pending sentence at `end`: emits it trimmed of white space, when not empty.
    void emit_until(std::size_t end) {
        std::size_t b = seg_start_;
        seg_start_ = end;
        if (b >= end) return;
        if (is_visible_ascii(byte(b)) && is_visible_ascii(byte(end - 1))) {  // nothing to trim
            emit_(text_span{b, end});
            return;
        }
        while (b < end) {
            const utf8::codepoint cp = at(b);
            if (!is_space_cp(cp)) break;
            b += cp.length;
        }
        std::size_t e = end;
        while (e > b) {
            const utf8::codepoint cp = before(e);
            if (!is_space_cp(cp)) break;
            e -= cp.length;
        }
        if (b < e) emit_(text_span{b, e});
    }

    std::size_t begin_paragraph(std::size_t p) {
        guillemets_ = 0;
        return begin_sentence(p);
    }

    /// Starts a sentence at `p`; returns where scanning goes on (after a leading bullet and
    /// list marker, which are never stops themselves).
    std::size_t begin_sentence(std::size_t p) {
        seg_start_ = p;
        list_active_ = false;
        std::size_t q = p;
        if (q < n_ && byte(q) >= 0x80U) {
            const utf8::codepoint cp = at(q);
            if (cp.valid && is_bullet(cp.value)) {
                q += cp.length;
                for (;;) {  // "• • Item": further bullets and the spaces between belong to it
                    while (q < n_ && (byte(q) == ' ' || byte(q) == '\t')) ++q;
                    const utf8::codepoint next = at(q);
                    if (q >= n_ || !next.valid || !is_bullet(next.value)) break;
                    q += next.length;
                }
            }
        }
        const list_marker m = parse_marker(q);
        if (m.length == 0) return q;
        if (m.sequential) {
            list_ = m;
            list_active_ = true;
        }
        return q + m.length;
    }

    // ---- lists -------------------------------------------------------------------------------

    /// The list marker at `p`, followed by white space; length 0 when there is none.
    [[nodiscard]] WHOSAID_ALWAYS_INLINE list_marker parse_marker(std::size_t p) const noexcept {
        return may_start_marker(p) ? parse_marker_at(p) : list_marker{};
    }

    /// False when no list marker can start at `p`: most words cannot, as only "(", a digit, a
    /// letter before "." or ")", or a lower-case roman numeral start one.
    [[nodiscard]] WHOSAID_ALWAYS_INLINE bool may_start_marker(std::size_t p) const noexcept {
        if (p >= n_) return false;
        const unsigned kind = marker_lead[byte(p)];
        const unsigned char b1 = p + 1 < n_ ? byte(p + 1) : static_cast<unsigned char>(0);
        if constexpr (FastPaths) {
            // Bitwise, not short-circuit: the word after a stop starts with a capital, a quote or
            // a digit in no predictable order, and each branch of the chain mispredicted.
            const bool letter_ok = (b1 == '.') | (b1 == ')') | ((kind == marker_roman) & is_ascii_letter(b1));
            return (kind == marker_always) | ((kind >= marker_letter) & letter_ok);
        }
        if (kind != marker_letter && kind != marker_roman) return kind == marker_always;
        return b1 == '.' || b1 == ')' || (kind == marker_roman && is_ascii_letter(b1));
    }

    /// `parse_marker` past its shortcut.
    [[nodiscard]] list_marker parse_marker_at(std::size_t p) const noexcept {
        list_marker m;
        std::size_t j = p;
        const bool open = j < n_ && byte(j) == '(';
        if (open) ++j;
        const std::size_t body = j;
        if (j < n_ && byte(j) >= '0' && byte(j) <= '9') {
            std::uint32_t v = 0;
            while (j < n_ && j - body < 3 && byte(j) >= '0' && byte(j) <= '9') {
                v = v * 10U + static_cast<std::uint32_t>(byte(j) - '0');
                ++j;
            }
            if (j - body > 2) return {};
            m.numeric = true;
            m.sequential = true;
            m.value = v;
        } else {
            while (j < n_ && j - body < 5 && ((byte(j) >= 'a' && byte(j) <= 'z') || (byte(j) >= 'A' && byte(j) <= 'Z'))) ++j;
            const std::size_t len = j - body;
            if (len == 1) {
                m.value = byte(body);
                m.sequential = true;
            } else if (len >= 2 && len <= 4) {
                for (std::size_t k = body; k < j; ++k) {
                    const auto c = byte(k);
                    if (c != 'i' && c != 'v' && c != 'x') return {};  // roman numerals (lower case)
                }
            } else {
                return {};
            }
        }
        if (j >= n_) return {};
        if (open) {
            if (byte(j) != ')') return {};
            ++j;
            m.form = list_marker::style::parens;
        } else if (byte(j) == '.' && j + 1 < n_ && byte(j + 1) == ')') {
            j += 2;
            m.form = list_marker::style::dot_paren;
        } else if (byte(j) == ')') {
            ++j;
            m.form = list_marker::style::paren;
        } else if (byte(j) == '.') {
            // "a." only in lower case ("A." is an initial); no roman numerals with a period.
            if (!m.sequential) return {};
            if (!m.numeric && !(m.value >= 'a' && m.value <= 'z')) return {};
            ++j;
            m.form = list_marker::style::dot;
        } else {
            return {};
        }
        if (j >= n_ || !is_ascii_space(byte(j))) return {};
        m.length = j - p;
        return m;
    }

    /// True when the next item of the current inline list starts at `p`.
    [[nodiscard]] bool expected_marker_at(std::size_t p) const noexcept {
        if (!list_active_) return false;
        const list_marker m = parse_marker(p);
        if (m.length == 0 || !m.sequential) return false;
        if (m.numeric == list_.numeric && m.form == list_.form && m.value == list_.value + 1) return true;
        return m.numeric ? m.value == 1 : (m.value == 'a' || m.value == 'A');  // a new list starts
    }

    std::size_t on_list_space(std::size_t i) {
        std::size_t j = i + 1;
        while (j < n_ && (byte(j) == ' ' || byte(j) == '\t')) ++j;
        if (expected_marker_at(j)) {
            emit_until(j);
            return begin_sentence(j);
        }
        return j;
    }

    std::size_t on_bullet(std::size_t i, std::size_t length) {
        if (i == 0 || is_space_cp(before(i))) {
            emit_until(i);
            return begin_sentence(i);
        }
        return i + length;
    }

    // ---- line breaks -------------------------------------------------------------------------

    /// A line break not preceded by a stop: the line is a sentence of its own (headline,
    /// dateline, navigation) unless the next line continues it (see `joins_next_line`).
    std::size_t on_line_break(std::size_t i) {
        const space_run ws = skip_space(i);
        if (ws.paragraph || ws.next >= n_) {
            emit_until(i);
            return ws.next >= n_ ? n_ : begin_paragraph(ws.next);
        }
        if (joins_next_line(ws.next)) {
            if (expected_marker_at(ws.next)) {
                emit_until(ws.next);
                return begin_sentence(ws.next);
            }
            return ws.next;
        }
        emit_until(i);
        return begin_sentence(ws.next);
    }

    /// A line that ends without a stop continues on the next line when that line starts with a
    /// lower-case letter and the run of lower-case-initial lines from there reaches a stop
    /// before a line that starts otherwise, a blank line or the end. The result for a run is
    /// cached, so every line is examined once.
    [[nodiscard]] bool joins_next_line(std::size_t q) {
        if (!is_lower_cp(at(q))) return false;
        if (q < chain_end_) return chain_ok_;
        std::size_t pos = q;
        for (;;) {
            std::size_t j = pos;
            while (j < n_) {
                const utf8::codepoint cp = at(j);
                if (is_line_break_cp(cp)) break;
                j += cp.length;
                if (cp.valid && unicode::is_sentence_terminal(cp.value)) {
                    while (j < n_) {
                        const utf8::codepoint c2 = at(j);
                        if (!c2.valid || !(unicode::is_sentence_terminal(c2.value) || is_closing_mark(c2.value))) break;
                        j += c2.length;
                    }
                    if (j >= n_ || space_at(j)) {
                        chain_end_ = j;
                        chain_ok_ = true;
                        return true;
                    }
                }
            }
            const space_run ws = skip_space(j);
            if (j >= n_ || ws.paragraph || ws.next >= n_ || !is_lower_cp(at(ws.next))) {
                chain_end_ = std::max(ws.next, q + 1);
                chain_ok_ = false;
                return false;
            }
            pos = ws.next;
        }
    }

    // ---- stops -------------------------------------------------------------------------------

    /// A stop at `i` (`run` has tried `period_space_capital` on a period).
    std::size_t on_stop(std::size_t i) {
        if constexpr (FastPaths) {
            if (byte(i) == '.') {
                // The other common periods of news text (BBC: 1.7K at a text's end, 7.6K before a
                // paragraph break, 1.6K after a quotation before a capitalised word), each read as
                // the general code reads it. Splitter, one pass over BBC: 24.7M -> 22.5M instructions.
                if (i + 1 == n_) return n_;  // a one-period cluster ending the text: nothing follows
                // After the period and a straight double quote, which closes the sentence.
                const std::size_t e = byte(i + 1) == '"' ? i + 2 : i + 1;
                if (e + 2 < n_ && byte(e) == '\n' && byte(e + 1) == '\n' && is_visible_ascii(byte(e + 2))) {
                    emit_visible_end(e);  // a paragraph break: begin_paragraph(e + 2)
                    guillemets_ = 0;
                    return begin_sentence(e + 2);
                }
                if (e == i + 2 && e + 2 < n_ && byte(e) == ' ' && static_cast<unsigned>(byte(e + 1)) - 'A' < 26U &&
                    byte(e + 2) != '.' && byte(e + 2) != ')') {
                    // '." The': the closer ends the sentence whatever the word before (no
                    // read_prev); a capital before neither '.' nor ')' starts no list marker.
                    emit_visible_end(e);
                    seg_start_ = e + 1;  // begin_sentence(e + 1)
                    list_active_ = false;
                    return e + 1;
                }
            }
        }
        if (const std::size_t after = bracketed_omission(i); after != npos) return after;
        stop_cluster cl = read_cluster(i);
        guillemets_ -= std::min(guillemets_, cl.guillemets);
        if (cl.end >= n_) return n_;
        if (!space_at(cl.end)) {
            if (attached_boundary(cl)) {
                emit_until(cl.end);
                return begin_sentence(cl.end);
            }
            return cl.end;
        }
        space_run ws = skip_space(cl.end);
        if (ws.breaks == 0 && ws.next < n_) {
            // "детище. »", "end. )": a closing mark set off by a space still closes this sentence.
            const utf8::codepoint c = at(ws.next);
            if (c.valid && is_closing_mark(c.value) && (ws.next + c.length >= n_ || space_at(ws.next + c.length))) {
                if (c.value == 0xBB && guillemets_ > 0) --guillemets_;
                cl.end = ws.next + c.length;
                cl.closers = true;
                ws = skip_space(cl.end);
            }
        }
        if (ws.next >= n_) return n_;
        if (ws.paragraph) {
            emit_until(cl.end);
            return begin_paragraph(ws.next);
        }
        const std::size_t at_pos = boundary_after(cl, ws);
        if (at_pos != npos) {
            emit_until(at_pos);
            return begin_sentence(at_pos == cl.end ? ws.next : at_pos);
        }
        if (expected_marker_at(ws.next)) {
            emit_until(ws.next);
            return begin_sentence(ws.next);
        }
        return ws.next;
    }

    /// The common stop of news text, a period, one space and a capitalised ASCII word, bare or
    /// after a straight double quote (". The", ". \"We"), recognised from the four bytes at `i`:
    /// where the next sentence would start (the space's end), or npos for any other stop. The
    /// general code reads such a stop as one period (no bracketed omission, no ellipsis, no
    /// closer, no footnote), one space, and a next word of class upper that is no list marker:
    /// a capital not followed by '.' or ')' (no marker, no initial), or '"' (never a marker,
    /// and not a closer set off by a space, as a capital follows it) before a capital.
    [[nodiscard]] WHOSAID_ALWAYS_INLINE std::size_t period_space_capital(std::size_t i) const noexcept {
        if (i + 3 >= n_ || byte(i) != '.' || byte(i + 1) != ' ') return npos;
        const auto b2 = byte(i + 2);
        const auto b3 = byte(i + 3);
        const bool capital = static_cast<unsigned>(b2) - 'A' < 26U && b3 != '.' && b3 != ')';
        const bool quoted = b2 == '"' && static_cast<unsigned>(b3) - 'A' < 26U;
        return (capital | quoted) ? i + 2 : npos;
    }

    /// `on_stop` for a stop `period_space_capital` recognised, `q` the next word's start (its
    /// capital or its quote): what the general code decides, without reading the cluster, the
    /// white space and the next word again, and without `read_prev` when `plain_word_before`
    /// can tell. Of BBC's 44K stops 25K take this path, at about 60 instructions instead of
    /// about 390: the splitter's instructions per pass over BBC fell from 34.1M to 24.7M.
    WHOSAID_ALWAYS_INLINE std::size_t on_period_space_capital(std::size_t i, std::size_t q) {
        if (!plain_word_before(i)) {
            stop_cluster cl;
            cl.begin = i;
            cl.end = i + 1;
            cl.first_end = i + 1;
            cl.dots = 1;
            const space_run ws{q, 0, false};
            next_word nx;
            nx.cls = next_class::upper;
            nx.word = byte(q) == '"' ? q + 1 : q;
            nx.initial = nx.word + 1 < n_ && byte(nx.word + 1) == '.';
            if (!period_boundary(cl, ws, nx)) return q;  // the next word is no list marker either
        }
        emit_visible_end(i + 1);
        seg_start_ = q;  // begin_sentence(q): no bullet, no list marker
        list_active_ = false;
        return q;
    }

    /// `emit_until(end)` when the byte before `end` is visible ASCII (a period or a quote), without
    /// its call when there is nothing to trim.
    WHOSAID_ALWAYS_INLINE void emit_visible_end(std::size_t end) {
        if (const std::size_t b = seg_start_; b < end && is_visible_ascii(byte(b))) {
            seg_start_ = end;
            emit_(text_span{b, end});
        } else {
            emit_until(end);
        }
    }

    /// True when `read_prev(stop)` is certainly prev_kind::none, for the common word before a
    /// period: ASCII, shorter than 16 bytes, without a period (no initialism), not a single
    /// capital (no initial) and not let through by the abbreviation filter, with no extra
    /// abbreviations. False when it cannot tell (`read_prev` decides then).
    [[nodiscard]] WHOSAID_ALWAYS_INLINE bool plain_word_before(std::size_t stop) const noexcept {
        token_back tb;
        if (!extra_.empty() || !short_ascii_token_before(stop, tb) || tb.dot) return false;
        std::size_t t0 = tb.start;
        while (t0 < stop && is_ascii_opening(byte(t0))) ++t0;
        if (t0 >= stop) return true;  // only openings: no word
        const std::size_t len = stop - t0;  // below 16: no longer than max_word
        const unsigned char first = byte(t0);
        if (len == 1 && static_cast<unsigned>(first) - 'A' < 26U) return false;
        return !((len <= profile_.longest_abbreviation) &
                 profile_.abbreviation_bits.may_hold(len, ascii_lower(first), ascii_lower(byte(stop - 1))));
    }

    /// "[...]", "(...)", "[…]": an omission inside a quotation, never a stop. Returns the
    /// position after the closing bracket, or npos.
    [[nodiscard]] std::size_t bracketed_omission(std::size_t i) const noexcept {
        if (i == 0) return npos;
        const auto open = byte(i - 1);
        if (open != '[' && open != '(') return npos;
        std::size_t j = i;
        std::size_t dots = 0;
        while (j < n_ && j - i < max_token) {
            if (byte(j) == '.') {
                ++dots;
                ++j;
            } else if (byte(j) == 0xE2 && j + 2 < n_ && byte(j + 1) == 0x80 && byte(j + 2) == 0xA6) {
                dots += 3;
                j += 3;
            } else {
                break;
            }
        }
        if (dots < 2 || j >= n_) return npos;
        return byte(j) == (open == '[' ? ']' : ')') ? j + 1 : npos;
    }

    /// True when `j` (a space inside a run of periods) continues a spaced ellipsis ". . .".
    [[nodiscard]] bool spaced_dot_follows(std::size_t j) const noexcept {
        if (j + 1 >= n_ || byte(j) != ' ' || byte(j + 1) != '.') return false;
        const std::size_t k = j + 2;
        if (k >= n_) return true;
        const utf8::codepoint cp = at(k);
        return byte(k) == '.' || is_space_cp(cp) || (cp.valid && is_closing_mark(cp.value));
    }

    /// The stops starting at `i` with the closing marks after them: "?!", "...", ". . . .",
    /// ".”", "?».", ".)".
    [[nodiscard]] stop_cluster read_cluster(std::size_t i) const noexcept {
        stop_cluster cl;
        cl.begin = i;
        cl.attached = i > 0 && !is_space_cp(before(i));
        if (byte(i) == '.' && i + 1 < n_) {
            // The common case, one period followed by an ASCII character that neither continues
            // the cluster nor closes a quotation: "word. Next", "1.5", "end.\n".
            const auto b = byte(i + 1);
            if constexpr (FastPaths) {
                // One table look-up for the chain of compares below, whose branches mispredicted
                // on the mix of spaces, line breaks, quotes and digits after a period.
                const unsigned f = period_follower[b];
                const unsigned char b2 = i + 2 < n_ ? byte(i + 2) : static_cast<unsigned char>(0);
                const bool spaced = (f == follow_space) & (b2 == '.');
                if ((f != follow_other) & !spaced) {
                    cl.dots = 1;
                    cl.first_end = i + 1;
                    cl.end = f == follow_footnote ? footnote_end(cl, i + 1) : i + 1;
                    return cl;
                }
            } else if (b < 0x80U && b != '.' && b != '!' && b != '?' && !is_closing_mark(b) &&
                       !(b == ' ' && i + 2 < n_ && byte(i + 2) == '.')) {
                cl.dots = 1;
                cl.first_end = i + 1;
                cl.end = (b == '[' || (b >= '0' && b <= '9')) ? footnote_end(cl, i + 1) : i + 1;
                return cl;
            }
        }
        std::size_t j = i;
        while (j < n_) {
            const auto b = byte(j);
            if (b == '.') {
                ++cl.dots;
            } else if (b == '!' || b == '?') {
                cl.strong = true;
            } else if (b == ' ') {
                if (cl.dots > 0 && !cl.strong && !cl.closers && spaced_dot_follows(j)) {
                    cl.spaced = true;
                    ++j;
                    continue;
                }
                break;
            } else {
                const utf8::codepoint cp = at(j);
                if (!cp.valid) break;
                if (unicode::is_sentence_terminal(cp.value)) {
                    if (cp.value == 0x2026) cl.dots += 3;
                    else if (is_wide_stop(cp.value)) cl.wide = true;
                    else cl.strong = true;
                } else if (is_closing_mark(cp.value)) {
                    // "Jr.'s": an apostrophe followed by a letter is part of the next word.
                    if ((cp.value == '\'' || cp.value == 0x2019 || cp.value == 0x2018) && is_letter_cp(at(j + cp.length))) break;
                    cl.closers = true;
                    if (cp.value == 0xBB) ++cl.guillemets;
                } else {
                    break;
                }
                j += cp.length;
                if (cl.first_end == 0) cl.first_end = j;
                continue;
            }
            ++j;
            if (cl.first_end == 0) cl.first_end = j;
        }
        cl.end = footnote_end(cl, j);
        return cl;
    }

    /// Footnote references after a full stop belong to its sentence: "martyr.[1]", "illegal.[7][8]",
    /// "consultation.11 12", "(1987).1". Digits count only after a single period that follows a
    /// lower-case letter or a closing bracket or quote (so "$1.13bn" and "2.5" are untouched),
    /// and only when white space follows them.
    [[nodiscard]] std::size_t footnote_end(const stop_cluster& cl, std::size_t j) const noexcept {
        if (cl.strong || cl.wide || cl.spaced || cl.dots != 1 || cl.begin == 0) return j;
        const std::size_t start = j;
        // [1], [12], [a] …
        while (j + 2 < n_ && byte(j) == '[') {
            std::size_t k = j + 1;
            while (k < n_ && k - j <= 3 && ((byte(k) >= '0' && byte(k) <= '9') || (byte(k) >= 'a' && byte(k) <= 'z'))) ++k;
            if (k == j + 1 || k >= n_ || byte(k) != ']') break;
            j = k + 1;
        }
        if (j != start) return (j >= n_ || space_at(j)) ? j : start;
        const utf8::codepoint prev = before(cl.begin);
        if (!(is_lower_cp(prev) || (prev.valid && (prev.value == ')' || prev.value == ']' || is_closing_mark(prev.value))))) {
            return j;
        }
        const auto digits = [&](std::size_t k) {  // end of 1-3 digits at k followed by a space, or npos
            std::size_t e = k;
            while (e < n_ && e - k < 4 && byte(e) >= '0' && byte(e) <= '9') ++e;
            const std::size_t len = e - k;
            return (len >= 1 && len <= 3 && (e >= n_ || is_ascii_space(byte(e)))) ? e : npos;
        };
        std::size_t e = digits(j);
        if (e == npos) return j;
        j = e;
        while (j + 1 < n_ && byte(j) == ' ' && (e = digits(j + 1)) != npos) j = e;  // "11 12"
        return j;
    }

    /// A stop directly followed by a word ("world.Today", "1,000.That", "Tuesday.Mr."): a
    /// boundary when a word of two or more characters ending in a lower-case letter or a digit
    /// is followed by a capitalised word, and the token is not a URL, e-mail address, domain or
    /// file name, nor an abbreviation glued to a name ("Mr.Smith"). After 。 ！ ？ always.
    [[nodiscard]] bool attached_boundary(const stop_cluster& cl) const noexcept {
        if (cl.wide) return true;
        if (cl.closers || cl.spaced || !cl.attached) return false;
        const utf8::codepoint n1 = at(cl.end);
        if (!is_upper_cp(n1) || !is_lower_cp(at(cl.end + n1.length))) return false;
        const utf8::codepoint p1 = before(cl.begin);
        if (!(is_lower_cp(p1) || (p1.valid && unicode::is_digit(p1.value)))) return false;
        const utf8::codepoint p2 = before(cl.begin - p1.length);
        if (!p2.valid || !(unicode::is_word(p2.value) || p2.value == ',')) return false;
        // The whole white-space-delimited token, at most max_token bytes each way.
        std::size_t b = cl.begin;
        std::size_t word_begin = npos;
        while (b > 0) {
            if (cl.begin - b > max_token) return false;
            const utf8::codepoint cp = before(b);
            if (is_space_cp(cp)) break;
            if (cp.value == '@' || cp.value == '/' || cp.value == ':' || cp.value == '\\' || cp.value == '=') return false;
            if (cp.value == '.' && b < cl.begin && unicode::is_word(at(b).value)) return false;  // "www.testurl."
            if (word_begin == npos && !(is_letter_cp(cp) || (cp.valid && unicode::is_digit(cp.value)) || cp.value == ',')) word_begin = b;
            b -= cp.length;
        }
        if (word_begin == npos) word_begin = b;
        for (std::size_t f = cl.end; f < n_;) {
            if (f - cl.end > max_token) return false;
            const utf8::codepoint cp = at(f);
            if (is_space_cp(cp)) break;
            if (cp.value == '@' || cp.value == '/' || cp.value == ':' || cp.value == '\\' || cp.value == '=') return false;
            if (cp.value == '.' && f + 1 < n_ && unicode::is_word(at(f + 1).value)) return false;  // "Awesome.com"
            f += cp.length;
        }
        if (cl.strong || cl.dots != 1) return true;
        char buf[max_word];
        const std::size_t len = lower_word(text_.substr(word_begin, cl.begin - word_begin), buf);
        return len == 0 || !is_abbreviation(std::string_view(buf, len));
    }

    [[nodiscard]] bool is_abbreviation(std::string_view lower) const noexcept {
        if (lower.size() > longest_abbreviation_) return false;
        return find_listed_abbreviation(lower) != nullptr || is_extra_abbreviation(lower);
    }

    /// The language table's entry for `lower` (lower case, no final period), or nullptr.
    [[nodiscard]] const abbreviation* find_listed_abbreviation(std::string_view lower) const noexcept {
        if (lower.empty() || lower.size() > profile_.longest_abbreviation ||
            !profile_.abbreviation_bits.may_hold(lower.size(), static_cast<unsigned char>(lower.front()),
                                                 static_cast<unsigned char>(lower.back()))) {
            return nullptr;
        }
        return find_abbreviation(profile_.abbreviations, lower);
    }

    /// True when `lower` is one of the caller's extra abbreviations.
    [[nodiscard]] bool is_extra_abbreviation(std::string_view lower) const noexcept {
        if (extra_.empty() || lower.size() > longest_abbreviation_) return false;
        return std::binary_search(extra_.begin(), extra_.end(), lower,
                                  [](std::string_view x, std::string_view y) { return x < y; });
    }

    /// Where the sentence ends for a stop followed by white space that is not a paragraph
    /// break, or npos when it goes on.
    [[nodiscard]] std::size_t boundary_after(const stop_cluster& cl, const space_run& ws) const noexcept {
        const next_word nx = read_next(ws.next);
        if (nx.cls == next_class::lower || nx.cls == next_class::punct) return npos;
        // "«К чему ты готовишься? – спросила мама. – Завтра ведь выходной»": inside guillemets a
        // dash after the stop introduces the narrator's words or the next turn of the same quote.
        if (nx.dash && guillemets_ > 0) return npos;
        if (cl.strong || cl.wide) return cl.end;
        if (cl.dots >= 3) {
            // A detached ellipsis (" ... ", " . . . ") marks an omission inside a sentence; with a
            // fourth period it is an omission plus a full stop. An attached one ends the sentence,
            // and "word. . . . Next" is a full stop followed by an omission that opens the next.
            if (!cl.attached && cl.spaced) return cl.dots >= 4 ? cl.end : npos;
            if (cl.spaced && cl.dots >= 4 && !cl.closers) return cl.first_end;
            return cl.end;
        }
        if (cl.closers) return cl.end;
        return period_boundary(cl, ws, nx) ? cl.end : npos;
    }

    /// A single period followed by white space and a capitalised word, a number or a symbol.
    [[nodiscard]] bool period_boundary(const stop_cluster& cl, const space_run& ws, const next_word& nx) const noexcept {
        const prev_word pw = read_prev(cl.begin);
        switch (pw.kind) {
            case prev_kind::none: return true;
            case prev_kind::title: return false;
            case prev_kind::before_number:
                return nx.cls != next_class::digit;  // "No. 5" goes on; "No. Definitely" ends
            case prev_kind::ambiguous:
                if (nx.cls == next_class::digit || nx.initial) return false;
                if (ws.breaks == 0 && !is_starter(nx)) return false;
                return !short_prepositional_start(cl.begin);
            case prev_kind::time:
                if (is_time_follower(nx)) return false;
                return !short_prepositional_start(cl.begin);
            case prev_kind::initial:
                if (nx.initial) return false;  // "А. И. Семенов", "J. K. Rowling"
                switch (pw.before) {
                    case before_initial::number: return true;  // a unit: "8 G. Но"
                    case before_initial::lower_word:           // "you and I. Did", "by J. Smith"
                        return pw.pronoun || nx.cls == next_class::digit || is_starter(nx);
                    case before_initial::capital_word:          // "Albert I. Jones", "World War I. But"
                        return is_starter(nx);
                    case before_initial::nothing: return false;  // "J. Smith said", "Волконских, Л. Н."
                }
                return false;
        }
        return true;
    }

    /// The word after the white space at `q`: its class after any opening quotes, brackets and
    /// dashes, and whether it starts sentences.
    [[nodiscard]] next_word read_next(std::size_t q) const noexcept {
        next_word nx;
        if (const list_marker m = parse_marker(q); m.length != 0) {
            nx.cls = m.numeric ? next_class::digit : next_class::upper;
            nx.marker = true;
            return nx;
        }
        if (q < n_) {  // the common cases first: an ASCII letter or digit
            const auto b = byte(q);
            if (b >= 'A' && b <= 'Z') {
                nx.cls = next_class::upper;
                if (q + 1 < n_ && byte(q + 1) == '.') nx.initial = true;
                nx.word = q;
                return nx;
            }
            if (b >= 'a' && b <= 'z') {
                nx.cls = next_class::lower;
                return nx;
            }
            if (b >= '0' && b <= '9') {
                nx.cls = next_class::digit;
                return nx;
            }
        }
        std::size_t j = q;
        for (int k = 0; k < 8 && j < n_; ++k) {
            const utf8::codepoint cp = at(j);
            if (!cp.valid) break;
            if (unicode::is_dash(cp.value)) {
                nx.dash = true;
                j += cp.length;
                while (j < n_ && (byte(j) == ' ' || byte(j) == '\t')) ++j;
                continue;
            }
            if (!is_opening_cp(cp)) break;
            j += cp.length;
        }
        const utf8::codepoint cp = at(j);
        if (j >= n_ || !cp.valid) return nx;
        switch (unicode::category_of(cp.value)) {
            case unicode::category::lower_letter: nx.cls = next_class::lower; return nx;
            case unicode::category::digit: nx.cls = next_class::digit; return nx;
            case unicode::category::upper_letter: nx.cls = next_class::upper; break;
            case unicode::category::other_punct:
            case unicode::category::close_punct:
            case unicode::category::final_punct:
                nx.cls = next_class::punct;
                return nx;
            default: return nx;
        }
        // A capitalised word, looked up only when a rule needs it (`next_word_text`). It is a
        // single letter when a period follows the capital (a period is no letter).
        const std::size_t e = j + cp.length;
        if (e < n_ && byte(e) == '.') nx.initial = true;
        nx.word = j;
        return nx;
    }

    /// The capitalised word of `nx`: letters and apostrophes, about max_word bytes; empty when
    /// there is none.
    [[nodiscard]] std::string_view next_word_text(const next_word& nx) const noexcept {
        const std::size_t j = nx.word;
        if (j == npos) return {};
        std::size_t e = j;
        while (e < n_ && e - j <= max_word) {
            const utf8::codepoint c = at(e);
            if (!(is_letter_cp(c) || c.value == '\'' || c.value == 0x2019)) break;
            e += c.length;
        }
        return text_.substr(j, e - j);
    }

    /// True when the next word commonly starts a sentence ("The", "It's") or is a list marker.
    [[nodiscard]] bool is_starter(const next_word& nx) const noexcept {
        if (nx.marker) return true;
        char buf[max_word];
        const std::size_t len = lower_word(next_word_text(nx), buf);
        if (len == 0) return false;
        const std::string_view w(buf, len);
        if (contains_word(profile_.starters, w)) return true;
        const std::size_t apostrophe = w.find('\'');
        return apostrophe != std::string_view::npos && contains_word(profile_.starters, w.substr(0, apostrophe));
    }

    /// True when the next word is a weekday, month or time zone ("6 p.m. Friday").
    [[nodiscard]] bool is_time_follower(const next_word& nx) const noexcept {
        char buf[max_word];
        const std::size_t len = lower_word(next_word_text(nx), buf);
        return len != 0 && contains_word(profile_.time_followers, std::string_view(buf, len));
    }

    /// The token before the period at `stop`, classified. ASCII words (most of them) are
    /// lower-cased and searched only when the abbreviation filter lets them through.
    [[nodiscard]] prev_word read_prev(std::size_t stop) const noexcept {
        prev_word pw;
        token_back tb;
        if (!(FastPaths && short_ascii_token_before(stop, tb))) {
            tb = token_before(stop);
            if (tb.start == npos) return pw;
        }
        std::size_t t0 = tb.start;
        const std::size_t high = tb.high;
        const bool dot = tb.dot;
        while (t0 < stop) {
            const auto b = byte(t0);
            if (b < 0x80U) {
                if (!is_ascii_opening(b)) break;
                ++t0;
                continue;
            }
            const utf8::codepoint cp = utf8::decode(text_, t0);
            if (!is_opening_cp(cp)) break;
            t0 += cp.length;
        }
        if (t0 >= stop) return pw;
        const std::string_view word = text_.substr(t0, stop - t0);
        if (high == npos || high < t0) {
            // ASCII: lower-casing keeps the length, and only a word over max_word bytes fails it.
            const std::size_t len = word.size();
            if (len > max_word) return pw;
            const unsigned char first = byte(t0);
            if (len == 1 && first >= 'A' && first <= 'Z') {
                const char lower = static_cast<char>(first + 32U);
                pw.kind = prev_kind::initial;
                pw.pronoun = contains_word(profile_.pronoun_letters, std::string_view(&lower, 1));
                pw.before = word_before(t0);
                return pw;
            }
            bool extra = false;
            if (FastPaths && extra_.empty()) {
                // The common case without a branch on the word's length (it mispredicted): the
                // filter bit of a word longer than any abbreviation may be set, but the table
                // search then fails, as it would for any other word the filter lets through.
                const bool listed = (len <= profile_.longest_abbreviation) &
                                    profile_.abbreviation_bits.may_hold(len, ascii_lower(first), ascii_lower(byte(stop - 1)));
                if (listed) {
                    char buf[max_word];
                    for (std::size_t k = 0; k < len; ++k) buf[k] = static_cast<char>(ascii_lower(byte(t0 + k)));
                    if (const abbreviation* a = find_abbreviation(profile_.abbreviations, std::string_view(buf, len))) {
                        return prev_of(*a, word);
                    }
                }
            } else if (len <= longest_abbreviation_) {
                const bool listed = profile_.abbreviation_bits.may_hold(len, ascii_lower(first), ascii_lower(byte(stop - 1)));
                if (listed || !extra_.empty()) {
                    char buf[max_word];
                    for (std::size_t k = 0; k < len; ++k) buf[k] = static_cast<char>(ascii_lower(byte(t0 + k)));
                    const std::string_view lower(buf, len);
                    if (listed) {
                        if (const abbreviation* a = find_abbreviation(profile_.abbreviations, lower)) return prev_of(*a, word);
                    }
                    extra = is_extra_abbreviation(lower);
                }
            }
            if (extra || (dot && is_initialism(word))) pw.kind = prev_kind::ambiguous;
            return pw;
        }
        const utf8::codepoint first = at(t0);
        char buf[max_word];
        const std::size_t len = lower_word(word, buf);
        if (len == 0) return pw;
        const std::string_view lower(buf, len);
        if (first.length == word.size() && is_upper_cp(first)) {
            pw.kind = prev_kind::initial;
            pw.pronoun = contains_word(profile_.pronoun_letters, lower);
            pw.before = word_before(t0);
            return pw;
        }
        if (const abbreviation* a = find_listed_abbreviation(lower)) return prev_of(*a, word);
        // The language table was searched above: only the caller's extra abbreviations remain.
        if (is_extra_abbreviation(lower) || (dot && is_initialism(word))) pw.kind = prev_kind::ambiguous;
        return pw;
    }

    /// The white-space-delimited token that ends at `stop` (see `token_before`).
    struct token_back {
        std::size_t start = 0;    // its first byte; npos when it is longer than max_token bytes
        std::size_t high = npos;  // its last non-ASCII character, npos when none
        bool dot = false;         // a period inside it (a candidate initialism)
    };

    /// The token that ends at `stop`: back to white space, never into the previous sentence.
    [[nodiscard]] token_back token_before(std::size_t stop) const noexcept {
        token_back tb;
        std::size_t t0 = stop;
        while (t0 > seg_start_) {
            if (stop - t0 > max_token) {
                tb.start = npos;
                return tb;
            }
            const auto b = byte(t0 - 1);
            if (b < 0x80U) {
                if (is_ascii_space(b)) break;
                tb.dot = tb.dot || b == '.';
                --t0;
                continue;
            }
            const utf8::codepoint cp = utf8::decode_before(text_, t0);
            if (is_space_cp(cp)) break;
            t0 -= cp.length;
            if (tb.high == npos) tb.high = t0;
        }
        tb.start = t0;
        return tb;
    }

    /// `token_before` for the common token, ASCII and shorter than 16 bytes, from the masks of
    /// the 16 bytes before `stop` (the byte loop's exit, after a word of any length, was the
    /// scanner's most mispredicted branch). False, with `tb` unchanged, when it cannot tell.
    [[nodiscard]] bool short_ascii_token_before(std::size_t stop, token_back& tb) const noexcept {
#if WHOSAID_SSE2
        if (stop < 16 || stop > n_) return false;
        const std::size_t base = stop - 16;
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + base));
        // ' ' or 0x09-0x0D (shifted to -128..-124: one signed compare).
        const __m128i space = _mm_or_si128(
            _mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
            _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - 0x09))), _mm_set1_epi8(static_cast<char>(-128 + 5))));
        const auto bits = [](__m128i m) { return static_cast<std::uint32_t>(_mm_movemask_epi8(m)) & 0xFFFFU; };
        // Bytes before the pending sentence are not part of the token: it starts there at the latest.
        const std::size_t inside = seg_start_ > base ? std::min<std::size_t>(seg_start_ - base, 16) : 0;
        const std::uint32_t spaces = bits(space) & (0xFFFFU << inside);
        std::size_t first = 0;  // the token's first byte, as a position in the window
        if (spaces != 0) {
            first = static_cast<std::size_t>(32 - std::countl_zero(spaces));  // after the last space
        } else if (inside != 0) {
            first = inside;
        } else {
            return false;  // 16 bytes or more
        }
        const std::uint32_t token = (0xFFFFU << first) & 0xFFFFU;
        if ((bits(x) & token) != 0) return false;  // non-ASCII
        tb.start = base + first;
        tb.high = npos;
        tb.dot = (bits(_mm_cmpeq_epi8(x, _mm_set1_epi8('.'))) & token) != 0;
        return true;
#else
        static_cast<void>(stop);
        static_cast<void>(tb);
        return false;
#endif
    }

    /// The kind of the word `word` found in the abbreviation table as `a`.
    [[nodiscard]] static prev_word prev_of(const abbreviation& a, std::string_view word) noexcept {
        prev_word pw;
        switch (a.kind) {
            // An all-capital word is an acronym, not a title ("patients with MS. Final").
            case abbreviation_kind::title: pw.kind = is_all_capitals(word) ? prev_kind::none : prev_kind::title; break;
            case abbreviation_kind::before_number: pw.kind = prev_kind::before_number; break;
            case abbreviation_kind::ambiguous: pw.kind = prev_kind::ambiguous; break;
            case abbreviation_kind::time: pw.kind = prev_kind::time; break;
        }
        return pw;
    }

    /// "U.S", "U.S.A", "J.C", "Ph.D", "i.v", "Л.Н": two or more groups of one or two letters
    /// joined by periods.
    [[nodiscard]] static bool is_initialism(std::string_view word) noexcept {
        std::size_t groups = 0;
        std::size_t letters = 0;
        for (std::size_t i = 0; i < word.size();) {
            if (word[i] == '.') {
                if (letters == 0) return false;
                ++groups;
                letters = 0;
                ++i;
                continue;
            }
            const utf8::codepoint cp = utf8::decode(word, i);
            if (!cp.valid || !unicode::is_letter(cp.value) || ++letters > 2) return false;
            i += cp.length;
        }
        return letters > 0 && groups >= 1;
    }

    /// Two or more letters, all capitals ("MS", "ST"), nothing else.
    [[nodiscard]] static bool is_all_capitals(std::string_view word) noexcept {
        std::size_t letters = 0;
        for (std::size_t i = 0; i < word.size();) {
            const utf8::codepoint cp = utf8::decode(word, i);
            if (!is_upper_cp(cp)) return false;
            ++letters;
            i += cp.length;
        }
        return letters >= 2;
    }

    /// What the token before the one starting at `t0` (across spaces on the same line, inside
    /// the pending sentence) is: a lower-case word ("and" in "you and I."), a capitalised word
    /// ("Albert I."), a number ("8 G."), or anything else (nothing, punctuation, an initial).
    [[nodiscard]] before_initial word_before(std::size_t t0) const noexcept {
        std::size_t j = t0;
        std::size_t spaces = 0;
        while (j > seg_start_ && spaces < 8 && (byte(j - 1) == ' ' || byte(j - 1) == '\t')) {
            --j;
            ++spaces;
        }
        if (j == t0 || j <= seg_start_) return before_initial::nothing;
        const utf8::codepoint last = before(j);
        if (last.valid && unicode::is_digit(last.value)) return before_initial::number;
        std::size_t b = j;
        while (b > seg_start_ && j - b <= max_token) {
            const utf8::codepoint cp = before(b);
            if (!is_letter_cp(cp)) break;
            b -= cp.length;
        }
        if (b == j) return before_initial::nothing;  // ends in punctuation or a bracket
        if (b > seg_start_ && !is_space_cp(before(b)) && !is_opening_cp(before(b))) return before_initial::nothing;
        return is_lower_cp(at(b)) ? before_initial::lower_word : before_initial::capital_word;
    }

    /// True when the pending sentence, up to `stop`, is a prepositional phrase of at most four
    /// words ("At 5 a.m."): not a sentence by itself.
    [[nodiscard]] bool short_prepositional_start(std::size_t stop) const noexcept {
        const std::size_t limit = std::min(stop, seg_start_ + 2 * max_token);
        std::size_t j = seg_start_;
        while (j < limit && space_at(j)) j += at(j).length;
        while (j < limit && is_opening_cp(at(j))) j += at(j).length;
        const std::size_t w0 = j;
        while (j < limit && is_letter_cp(at(j))) j += at(j).length;
        if (j >= limit) return false;
        char buf[max_word];
        const std::size_t len = lower_word(text_.substr(w0, j - w0), buf);
        if (len == 0 || !contains_word(profile_.prepositions, std::string_view(buf, len))) return false;
        if (stop - w0 > 2 * max_token) return false;
        std::size_t words = 1;
        bool in_space = false;
        for (std::size_t k = j; k < stop; ++k) {
            const bool sp = is_ascii_space(byte(k));
            if (!sp && in_space) ++words;
            in_space = sp;
        }
        return words <= 4;
    }

    std::string_view text_;
    std::size_t n_;
    const sentence_profile& profile_;
    std::span<const std::string> extra_;
    Emit& emit_;
    block_cursor<sentence_stops> stops_;    // the stop bytes of the current 64-byte block
    std::size_t longest_abbreviation_ = 0;  // no longer word needs a table lookup

    std::size_t seg_start_ = 0;    // where the pending sentence starts (before trimming)
    std::uint32_t guillemets_ = 0;  // « opened and not yet closed in this paragraph
    list_marker list_{};           // the marker of the current inline list item
    bool list_active_ = false;
    std::size_t chain_end_ = 0;    // joins_next_line cache: examined up to here ...
    bool chain_ok_ = false;        // ... with this result
};

}  // namespace detail

WHOSAID_END_NAMESPACE
