// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// The quote detector's engine: one forward scan over the text that stops only at candidate
/// bytes (quote marks, dashes, line breaks), an explicit stack of open quotations with a depth
/// cap, and a bounded look around each finished quotation to tell speech from term.
///
/// Cost: every byte is skipped or examined a constant number of times by the scan; each
/// quotation adds bounded windows (120 bytes of its content, 120 before it, 64 after it) and a
/// walk of at most `max_depth` stack entries per mark. Hence linear time on any input. The
/// windows before and after a quotation are read only when they can still change its verdict,
/// ASCII content windows are read sixteen bytes at a time, and the word lists are consulted
/// only for words that can matter.

#include "whosaid/quotes.hpp"

#include "whosaid/config.hpp"
#include "whosaid/detail/byte_blocks.hpp"
#include "whosaid/detail/quote_lexicon.hpp"
#include "whosaid/detail/quote_marks.hpp"
#include "whosaid/error.hpp"
#include "whosaid/span.hpp"
#include "whosaid/unicode.hpp"
#include "whosaid/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if WHOSAID_SSE2
#    include <emmintrin.h>
#endif

WHOSAID_BEGIN_NAMESPACE

namespace detail {

/// The style reported for a quotation opened by `opener`.
[[nodiscard]] constexpr quote_style style_of(mark opener) noexcept {
    switch (opener) {
        case mark::straight_double: case mark::fullwidth_double: return quote_style::straight_double;
        case mark::straight_single: case mark::fullwidth_single: return quote_style::straight_single;
        case mark::backtick_pair: return quote_style::backtick;
        case mark::apostrophe_pair: return quote_style::double_apostrophe;
        case mark::left_double: case mark::right_double: case mark::reversed_double: case mark::cjk_open:
            return quote_style::curly_double;
        case mark::left_single: case mark::reversed_single: return quote_style::curly_single;
        case mark::low_double: return quote_style::low_double;
        case mark::low_single: return quote_style::low_single;
        case mark::left_guillemet: case mark::right_guillemet: return quote_style::guillemets;
        case mark::left_single_guil: case mark::right_single_guil: return quote_style::single_guillemets;
        case mark::left_corner: return quote_style::corner;
        case mark::left_white_corner: return quote_style::white_corner;
        default: return quote_style::dash;
    }
}

/// What stands just before a mark.
enum class lside : std::uint8_t {
    open,   ///< Nothing (start of paragraph), white space, an opening bracket or a dash.
    word,   ///< A letter, digit, symbol or anything else that ends a word.
    punct,  ///< Punctuation that ends a clause: . , ; : ! ? ) ] } …
    quote,  ///< Another quotation mark.
};

/// What stands just after a mark.
enum class rside : std::uint8_t {
    space,  ///< Nothing (end of text), white space or a line break.
    word,   ///< A letter, digit, symbol or an opening bracket.
    punct,  ///< . , ; : ! ? ) ] } - … and other closing punctuation.
    quote,  ///< Another quotation mark.
};

/// The shape of a mark from its neighbours.
enum class shape : std::uint8_t {
    opener,     ///< ` "Word`
    closer,     ///< `word" `, `word",`
    amb_space,  ///< ` " ` (white space on both sides)
    amb_word,   ///< `a"b` (inside a word: an apostrophe or an inch mark)
    amb_punct,  ///< `:"Word`, `,"he` (no space between punctuation and a word)
    amb_quote,  ///< `""` runs
};

[[nodiscard]] constexpr shape shape_of(lside l, rside r) noexcept {
    switch (l) {
        case lside::open: return r == rside::space ? shape::amb_space : shape::opener;
        case lside::word: return r == rside::word ? shape::amb_word : shape::closer;
        case lside::punct: return r == rside::word ? shape::amb_punct : shape::closer;
        case lside::quote: break;
    }
    if (r == rside::word) return shape::opener;
    return r == rside::quote ? shape::amb_quote : shape::closer;
}

/// True when `m` in shape `sh` may close an open quotation (which one: `opening::closers`).
/// The definition: the scanner reads `close_shapes`, this function's table.
[[nodiscard]] constexpr bool close_rule(mark m, shape sh) noexcept {
    if (is_symmetric(m)) return sh != shape::opener;
    switch (m) {
        case mark::right_double: case mark::right_single: case mark::right_guillemet: case mark::right_single_guil:
        case mark::right_corner: case mark::right_white_corner: case mark::cjk_close:
            return true;
        case mark::left_double: case mark::left_single: case mark::left_guillemet: case mark::left_single_guil:
            return sh == shape::closer;
        default: return false;
    }
}

/// True when `m` in shape `sh` may open a quotation (of `opening_of(m)`). The definition: the
/// scanner reads `open_shapes`, this function's table.
[[nodiscard]] constexpr bool open_rule(mark m, shape sh) noexcept {
    switch (m) {
        case mark::straight_double: case mark::fullwidth_double: case mark::apostrophe_pair:
            return sh == shape::opener || sh == shape::amb_punct || sh == shape::amb_quote;
        case mark::straight_single: case mark::fullwidth_single: case mark::low_single:
            return sh == shape::opener;
        case mark::left_double: case mark::left_single: case mark::reversed_double: case mark::reversed_single:
        case mark::cjk_open: case mark::left_corner: case mark::left_white_corner: case mark::low_double:
        case mark::backtick_pair: case mark::left_guillemet:
            return sh != shape::closer;
        case mark::left_single_guil: return sh == shape::opener || sh == shape::amb_punct;
        case mark::right_double: case mark::right_guillemet: case mark::right_single_guil:
            return sh == shape::opener;
        default: return false;
    }
}

/// For every mark, the shapes (bit `shape`) in which `rule` holds: one load and a shift at each
/// mark instead of two switches.
template <bool (*Rule)(mark, shape)>
inline constexpr std::array<std::uint8_t, 32> shape_table = [] {
    std::array<std::uint8_t, 32> t{};
    for (unsigned m = 0; m < t.size(); ++m) {
        for (unsigned sh = 0; sh <= static_cast<unsigned>(shape::amb_quote); ++sh) {
            if (Rule(static_cast<mark>(m), static_cast<shape>(sh))) t[m] = static_cast<std::uint8_t>(t[m] | (1U << sh));
        }
    }
    return t;
}();
inline constexpr const std::array<std::uint8_t, 32>& close_shapes = shape_table<close_rule>;
inline constexpr const std::array<std::uint8_t, 32>& open_shapes = shape_table<open_rule>;

/// True when `c` is a quotation mark (not a dash or a line break). ASCII, most of what the
/// scanner asks about, is answered inline: of ASCII only " and ' are marks.
[[nodiscard]] constexpr bool is_quote_mark_cp(char32_t c) noexcept {
    if (c < 0x80U) return c == '"' || c == '\'';
    const mark m = mark_rule(c);
    return m != mark::none && m != mark::long_dash && m != mark::line_break;
}

/// `unicode::is_sentence_terminal`, with ASCII (. ! ?) answered inline.
[[nodiscard]] constexpr bool is_terminal_cp(char32_t c) noexcept {
    if (c < 0x80U) return c == '.' || c == '!' || c == '?';
    return unicode::is_sentence_terminal(c);
}

static_assert([] {
    for (char32_t c = 0; c < 0x80U; ++c) {
        const mark m = mark_rule(c);
        if (is_quote_mark_cp(c) != (m != mark::none && m != mark::long_dash && m != mark::line_break)) return false;
        if (is_terminal_cp(c) != unicode::is_sentence_terminal(c)) return false;
    }
    return true;
}(), "the ASCII answers of is_quote_mark_cp and is_terminal_cp are those of the general code");

[[nodiscard]] constexpr lside lside_of_ascii(char32_t c) noexcept {
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return lside::open;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return lside::word;
    switch (c) {
        case '(': case '[': case '{': case '-': case '/': return lside::open;
        case '"': case '\'': case '`': return lside::quote;
        case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '}': return lside::punct;
        default: return lside::word;
    }
}

[[nodiscard]] constexpr rside rside_of_ascii(char32_t c) noexcept {
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return rside::space;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return rside::word;
    switch (c) {
        case '"': case '\'': case '`': return rside::quote;
        case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '}': case '-': case '/':
            return rside::punct;
        default: return rside::word;
    }
}

/// `lside_of_ascii` and `rside_of_ascii` of every ASCII byte.
inline constexpr std::array<lside, 128> lside_ascii = [] {
    std::array<lside, 128> t{};
    for (unsigned c = 0; c < 128; ++c) t[c] = lside_of_ascii(c);
    return t;
}();
inline constexpr std::array<rside, 128> rside_ascii = [] {
    std::array<rside, 128> t{};
    for (unsigned c = 0; c < 128; ++c) t[c] = rside_of_ascii(c);
    return t;
}();

[[nodiscard]] inline lside lside_of(char32_t c) noexcept {
    if (c < 0x80U) return lside_ascii[c];
    if (is_quote_mark_cp(c)) return lside::quote;
    switch (unicode::category_of(c)) {
        case unicode::category::space: case unicode::category::open_punct: case unicode::category::initial_punct:
        case unicode::category::dash_punct:
            return lside::open;
        case unicode::category::close_punct: case unicode::category::final_punct: case unicode::category::other_punct:
            return lside::punct;
        default: return lside::word;
    }
}

[[nodiscard]] inline rside rside_of(char32_t c) noexcept {
    if (c < 0x80U) return rside_ascii[c];
    if (is_quote_mark_cp(c)) return rside::quote;
    switch (unicode::category_of(c)) {
        case unicode::category::space: return rside::space;
        case unicode::category::close_punct: case unicode::category::final_punct: case unicode::category::other_punct:
        case unicode::category::dash_punct:
            return rside::punct;
        default: return rside::word;
    }
}

// ASCII answered from a table, everything else from unicode:: (the hot paths are ASCII). Bytes
// 0x80-0xFF have no class here.
enum : std::uint8_t { cls_word = 1, cls_upper = 2, cls_lower = 4, cls_digit = 8, cls_space = 16 };
inline constexpr std::array<std::uint8_t, 256> ascii_class = [] {
    std::array<std::uint8_t, 256> t{};
    for (unsigned c = 0; c < 128; ++c) {
        if (c >= 'A' && c <= 'Z') t[c] = cls_word | cls_upper;
        else if (c >= 'a' && c <= 'z') t[c] = cls_word | cls_lower;
        else if (c >= '0' && c <= '9') t[c] = cls_word | cls_digit;
        else if (c == ' ' || (c >= 0x09 && c <= 0x0D)) t[c] = cls_space;
    }
    return t;
}();

[[nodiscard]] inline bool is_space_cp(char32_t c) noexcept {
    if (c < 0x80U) return (ascii_class[c] & cls_space) != 0;
    return unicode::is_space(c);
}
[[nodiscard]] inline bool is_upper_cp(char32_t c) noexcept {
    if (c < 0x80U) return (ascii_class[c] & cls_upper) != 0;
    return unicode::is_upper(c);
}
[[nodiscard]] inline bool is_lower_cp(char32_t c) noexcept {
    if (c < 0x80U) return (ascii_class[c] & cls_lower) != 0;
    return unicode::is_lower(c);
}
[[nodiscard]] inline bool is_digit_cp(char32_t c) noexcept {
    if (c < 0x80U) return (ascii_class[c] & cls_digit) != 0;
    return unicode::is_digit(c);
}
[[nodiscard]] inline bool is_letter_cp(char32_t c) noexcept {
    if (c < 0x80U) return (ascii_class[c] & (cls_upper | cls_lower)) != 0;
    return unicode::is_letter(c);
}

/// One open quotation on the scanner's stack.
struct open_quote {
    std::size_t open_begin = 0;      ///< First byte of the opening mark (or dash).
    std::size_t content_begin = 0;   ///< First byte after it.
    std::size_t para_begin = 0;      ///< Start of the paragraph where it opened (window limit).
    std::size_t sentence_begin = 0;  ///< Start of its sentence when sentence spans were given.
    std::size_t shared_end = 0;      ///< Closing mark of its last same-kind child (end), or 0.
    std::size_t shared_mark = 0;     ///< … and where that mark begins.
    std::size_t shared_slots = 0;    ///< Quotations opened so far when that mark was read.
    std::uint32_t slot = 0;          ///< Its record in `quote_scanner::slots_`.
    std::uint32_t first_paragraph = 0;
    std::uint32_t closers = 0;
    std::uint32_t loose_closers = 0;
    mark opener = mark::none;
    bool single_family = false;
    bool reopens_inline = false;
    bool starts_sentence = false;
    bool sentence_known = false;
    bool dash = false;               ///< A dash-speech paragraph.
    bool dash_context = false;       ///< After a colon paragraph or another dash paragraph.
};

/// `candidate_byte` as a byte set for the block masks of `quote_scanner::run`. Loose: the masks
/// also report # & and 0x00-0x09, which `run` steps over.
inline constexpr byte_set quote_candidates{{'"', '\'', '`'}, true, {0xC2, 0xE2, 0xE3, 0xEF, 0, 0}, true};

static_assert([] {
    for (unsigned c = 0; c < 256; ++c) {
        if (candidate_byte[c] != quote_candidates.contains(static_cast<unsigned char>(c))) return false;
    }
    return true;
}(), "quote_candidates lists the bytes of candidate_byte");

/// Signs of speech and of a term around one quotation (see `quote_scanner::classify`).
struct quote_evidence {
    std::uint32_t words = 0;
    bool first_upper = false;
    bool first_lower = false;
    bool title_case = false;
    bool possessive_before = false;
    bool internal_boundary = false;
    bool ends_terminal = false;
    bool ends_comma = false;
    bool colon_before = false;
    bool speech_before = false;     ///< a reporting verb within 4 words before
    bool speech_in_sentence = false; ///< a reporting verb further back in the same sentence
    bool term_cue = false;
    bool determiner_before = false;
    bool speech_after = false;
    bool dash_after = false;
};

/// One run of the detector over one text. Not reusable; holds only per-call state. With
/// `FastPaths` false the scanner runs only its general code, without the shortcuts for common
/// ASCII text (the block skip to candidate bytes, the skip of apostrophes between letters, the
/// sixteen-byte content scan, the ASCII word lookups and backward word runs) and without the
/// early ends of the walks before and after a quotation: the same quotations, slower (the
/// tests compare the two).
template <bool FastPaths = true>
class quote_scanner {
public:
    quote_scanner(const quote_options& options, const word_table& words, std::string_view text,
                  std::span<const text_span> sentences)
        : opt_(options),
          words_(words),
          t_(text),
          n_(text.size()),
          sentences_(sentences),
          has_sentences_(!sentences.empty()),
          max_depth_(std::clamp<std::uint32_t>(options.max_depth, 1U, 256U)) {}

    std::vector<quote> run() {
        std::size_t i = skip_blank(0);
        if (i >= n_) return {};
        para_begin_ = i;
        try_dash(i);
        block_cursor<quote_candidates> candidates(t_);
        while (i < n_) {
            // Skip to the next candidate byte (see `candidate_byte`) through the block masks.
            if constexpr (FastPaths) {
                i = candidates.next(i);
            } else {
                while (i < n_ && !candidate_byte[static_cast<unsigned char>(t_[i])]) ++i;
            }
            if (i >= n_) break;
            const auto b = static_cast<unsigned char>(t_[i]);
            if (b < 0x80U) {
                switch (b) {
                    case '"':
                        on_mark(mark::straight_double, i, 1, shape_at(i, 1));
                        ++i;
                        break;
                    case '\'':
                        // A lone ' between two ASCII letters or digits (don't, O'Neill, BBC's) has
                        // the shape amb_word, which `is_apostrophe` always takes for an apostrophe:
                        // skip it without the shape and the mark handling (-5.4% of the
                        // detector's instructions on BBC, where most ' are such apostrophes).
                        if constexpr (FastPaths) {
                            if (i > para_begin_ && i + 1 < n_ && word_byte(t_[i - 1]) && word_byte(t_[i + 1])) {
                                ++i;
                                break;
                            }
                        }
                        i = on_apostrophe_run(i);
                        break;
                    case '`': i = on_backtick_run(i); break;
                    case '\n': case '\v': case '\f': case '\r': i = on_line_break(i); break;
                    default: ++i; break;  // reported by the loose block masks only (see quote_candidates)
                }
                continue;
            }
            const utf8::codepoint cp = utf8::decode(t_, i);
            if (!cp.valid) {
                ++i;
                continue;
            }
            const mark m = mark_of(cp.value);
            if (m == mark::line_break) {
                i = on_line_break(i);
                continue;
            }
            if (m == mark::long_dash) on_dash(i, cp.length);
            else if (m != mark::none) on_mark(m, i, cp.length, shape_at(i, cp.length));
            i += cp.length;
        }
        end_paragraph(trim_back(n_, para_begin_));
        return assemble();
    }

private:

    // -- character helpers ----------------------------------------------------------------

    [[nodiscard]] char32_t cp_at(std::size_t pos) const noexcept {
        if (pos >= n_) return 0;
        const auto b = static_cast<unsigned char>(t_[pos]);
        if (b < 0x80U) return b;
        return utf8::decode(t_, pos).value;
    }
    [[nodiscard]] char32_t cp_before(std::size_t pos) const noexcept {
        if (pos == 0) return 0;
        const auto b = static_cast<unsigned char>(t_[pos - 1]);
        if (b < 0x80U) return b;
        return utf8::decode_before(t_, pos).value;
    }
    [[nodiscard]] std::size_t len_at(std::size_t pos) const noexcept {
        if (pos >= n_) return 0;
        return static_cast<unsigned char>(t_[pos]) < 0x80U ? 1 : utf8::decode(t_, pos).length;
    }
    [[nodiscard]] std::size_t len_before(std::size_t pos) const noexcept {
        if (pos == 0) return 0;
        return static_cast<unsigned char>(t_[pos - 1]) < 0x80U ? 1 : utf8::decode_before(t_, pos).length;
    }
    /// True for an ASCII letter or digit.
    [[nodiscard]] static bool word_byte(char c) noexcept {
        return (ascii_class[static_cast<unsigned char>(c)] & cls_word) != 0;
    }
    [[nodiscard]] bool space_at(std::size_t pos) const noexcept { return pos < n_ && is_space_cp(cp_at(pos)); }

    /// First position at or after `pos` that is not white space (line breaks included).
    [[nodiscard]] std::size_t skip_blank(std::size_t pos) const noexcept {
        while (pos < n_) {
            const auto b = static_cast<unsigned char>(t_[pos]);
            if (b < 0x80U) {
                if (b == ' ' || (b >= 0x09 && b <= 0x0D)) { ++pos; continue; }
                break;
            }
            const utf8::codepoint cp = utf8::decode(t_, pos);
            if (!cp.valid || !unicode::is_space(cp.value)) break;
            pos += cp.length;
        }
        return pos;
    }
    /// First position at or after `pos` (and before `limit`) that is not white space.
    [[nodiscard]] std::size_t skip_space(std::size_t pos, std::size_t limit) const noexcept {
        while (pos < limit && space_at(pos)) pos += len_at(pos);
        return pos < limit ? pos : limit;
    }
    /// `pos` moved back over white space, not below `lo`.
    [[nodiscard]] WHOSAID_ALWAYS_INLINE std::size_t trim_back(std::size_t pos, std::size_t lo) const noexcept {
        // Most calls end at a visible ASCII character (a period before a line break, a closing
        // mark's content): answered here, without the call of the general loop (BBC extract,
        // with try_dash's inline test: -1.3M instructions over 2 passes).
        if (FastPaths && pos > lo && is_visible_byte(t_[pos - 1])) return pos;
        return trim_back_run(pos, lo);
    }
    /// `trim_back` in general.
    [[nodiscard]] std::size_t trim_back_run(std::size_t pos, std::size_t lo) const noexcept {
        while (pos > lo && is_space_cp(cp_before(pos))) pos -= len_before(pos);
        return pos;
    }
    /// True for printable ASCII other than the space (never white space).
    [[nodiscard]] static bool is_visible_byte(char c) noexcept {
        return static_cast<unsigned char>(c) - 0x21U < 0x5EU;
    }

    [[nodiscard]] shape shape_at(std::size_t pos, std::size_t len) const noexcept {
        lside l = lside::open;
        if (pos > para_begin_) {
            const auto b = static_cast<unsigned char>(t_[pos - 1]);
            l = b < 0x80U ? lside_ascii[b] : lside_of(utf8::decode_before(t_, pos).value);
        }
        rside r = rside::space;
        if (pos + len < n_) {
            const auto b = static_cast<unsigned char>(t_[pos + len]);
            r = b < 0x80U ? rside_ascii[b] : rside_of(utf8::decode(t_, pos + len).value);
        }
        return shape_of(l, r);
    }

    /// The last character before `pos` in the current paragraph that is not white space, a
    /// quotation mark or a closing bracket (at most 8 steps back), or 0.
    [[nodiscard]] char32_t prev_significant(std::size_t pos) const noexcept {
        for (int steps = 0; steps < 8 && pos > para_begin_; ++steps) {
            const char32_t c = cp_before(pos);
            if (!(is_space_cp(c) || is_quote_mark_cp(c) || c == ')' || c == ']')) return c;
            pos -= len_before(pos);
        }
        return 0;
    }

    // -- marks ------------------------------------------------------------------------------

    std::size_t on_apostrophe_run(std::size_t i) {
        std::size_t k = i;
        while (k < n_ && t_[k] == '\'') ++k;
        const std::size_t run = k - i;
        const shape sh = shape_at(i, run);
        if (run == 1) {
            on_mark(mark::straight_single, i, 1, sh);
            return k;
        }
        // '' is a mark of its own (''…'' and ``…''); a third apostrophe is a single mark on the
        // inside of the pair: closing ''' closes ' first, opening ''' opens '' first.
        const bool closing = sh != shape::opener;
        std::size_t pos = i;
        if (closing && run % 2 == 1) { on_mark(mark::straight_single, pos, 1, sh); ++pos; }
        for (std::size_t pairs = run / 2; pairs > 0; --pairs, pos += 2) on_mark(mark::apostrophe_pair, pos, 2, sh);
        if (!closing && run % 2 == 1) on_mark(mark::straight_single, pos, 1, sh);
        return k;
    }

    std::size_t on_backtick_run(std::size_t i) {
        std::size_t k = i;
        while (k < n_ && t_[k] == '`') ++k;
        const shape sh = shape_at(i, k - i);
        for (std::size_t pos = i; pos + 2 <= k; pos += 2) on_mark(mark::backtick_pair, pos, 2, sh);
        return k;
    }

    /// True when the ' or ’ at `pos` is an apostrophe, not a quotation mark.
    [[nodiscard]] bool is_apostrophe(mark m, std::size_t pos, std::size_t len, shape sh) {
        switch (sh) {
            case shape::amb_word: return true;  // don't, O’Neill, rock’n’roll
            case shape::amb_space: return true;
            case shape::opener: {
                if (m == mark::right_single) return true;  // ’90s, ’em: ’ never opens here
                const char32_t next = cp_at(pos + len);
                if (is_digit_cp(next)) return true;  // '90s
                // 'em, 'n', 'til: a short word from the elision list.
                std::size_t e = pos + len;
                const std::size_t lim = std::min(n_, e + 16);
                while (e < lim && is_letter_cp(cp_at(e))) e += len_at(e);
                if (e < lim || e == n_) {
                    if ((word_flags(pos + len, e) & elision) != 0) return true;
                }
                return false;
            }
            default: break;
        }
        // Closing shapes. rock 'n' roll: the second mark of 'n'.
        const char32_t l1 = cp_before(pos);
        if (l1 == 'n' || l1 == 'N') {
            const std::size_t p1 = pos - 1;
            const char32_t l2 = cp_before(p1);
            if ((l2 == '\'' || l2 == 0x2019 || l2 == 0x2018) && is_space_cp(cp_before(p1 - len_before(p1)))) return true;
        }
        // Plural possessive: the students’ union, Jones' car (s + mark + space + lowercase word
        // that is not a reporting verb). Inside an open single quotation it is an apostrophe only
        // when another closing-shaped mark of the same kind follows in the paragraph (‘the
        // students’ union’); otherwise it closes (‘Eurasian solutions to Eurasian problems’ as).
        if ((l1 == 's' || l1 == 'S') && cp_at(pos + len) == ' ') {
            const std::size_t w0 = pos + len + 1;
            const char32_t c = cp_at(w0);
            if (is_lower_cp(c)) {
                std::size_t e = w0;
                const std::size_t lim = std::min(n_, w0 + 24);
                while (e < lim && is_letter_cp(cp_at(e))) e += len_at(e);
                if ((word_flags(w0, e) & speech_cue) == 0) {
                    if (find_closable(m, shape::closer) < 0) return true;
                    return later_closer(m, pos + len);
                }
            }
        }
        return false;
    }

    /// True when a closing-shaped ' (or ’, as `m`) follows `from` in the current paragraph.
    /// Amortised linear: the lookahead position for each kind only moves forward.
    [[nodiscard]] bool later_closer(mark m, std::size_t from) noexcept {
        const bool curly = m == mark::right_single;
        std::size_t& found = curly ? ahead_curly_ : ahead_straight_;
        std::size_t& scanned = curly ? scanned_curly_ : scanned_straight_;
        if (found != no_pos && found >= from) return true;
        std::size_t p = std::max(from, scanned);
        found = no_pos;
        while (p < n_) {
            const auto b = static_cast<unsigned char>(t_[p]);
            if (b == '\n' || b == '\r' || b == 0x0B || b == 0x0C) break;
            std::size_t len = 1;
            bool hit = false;
            if (!curly && b == '\'') {
                hit = true;
            } else if (curly && b == 0xE2U && p + 2 < n_ && static_cast<unsigned char>(t_[p + 1]) == 0x80U &&
                       static_cast<unsigned char>(t_[p + 2]) == 0x99U) {
                hit = true;
                len = 3;
            } else if (b >= 0x80U) {
                const utf8::codepoint cp = utf8::decode(t_, p);
                if (cp.valid && unicode::is_line_break(cp.value)) break;
                len = cp.length;
            }
            if (hit && !is_space_cp(cp_before(p)) && rside_of(cp_at(p + len)) != rside::word) {
                found = p;
                scanned = p;
                return true;
            }
            p += len;
        }
        scanned = p;
        return false;
    }

    [[nodiscard]] static bool may_close(mark m, shape sh) noexcept {
        return ((close_shapes[static_cast<unsigned>(m)] >> static_cast<unsigned>(sh)) & 1U) != 0;
    }
    [[nodiscard]] static bool may_open(mark m, shape sh) noexcept {
        return ((open_shapes[static_cast<unsigned>(m)] >> static_cast<unsigned>(sh)) & 1U) != 0;
    }

    /// Index of the innermost open quotation that `m` closes, or -1.
    [[nodiscard]] std::ptrdiff_t find_closable(mark m, shape sh) const noexcept {
        if (accept_count_[static_cast<unsigned>(m)] == 0) return -1;
        const std::uint32_t b = bit(m);
        for (std::size_t k = stack_.size(); k-- > 0;) {
            const open_quote& e = stack_[k];
            if ((e.closers & b) != 0) return static_cast<std::ptrdiff_t>(k);
            if ((e.loose_closers & b) != 0 && sh == shape::closer) return static_cast<std::ptrdiff_t>(k);
        }
        return -1;
    }

    [[nodiscard]] static bool same_opener(mark a, mark b) noexcept {
        const auto norm = [](mark x) {
            if (x == mark::fullwidth_double) return mark::straight_double;
            if (x == mark::fullwidth_single) return mark::straight_single;
            return x;
        };
        return norm(a) == norm(b);
    }

    /// Index of the innermost open quotation opened by the same mark as `m`, or -1.
    [[nodiscard]] std::ptrdiff_t find_same_opener(mark m) const noexcept {
        for (std::size_t k = stack_.size(); k-- > 0;) {
            if (stack_[k].dash) break;
            if (same_opener(stack_[k].opener, m)) return static_cast<std::ptrdiff_t>(k);
        }
        return -1;
    }

    void on_mark(mark m, std::size_t pos, std::size_t len, shape sh) {
        if (is_apostrophe_like(m) && is_apostrophe(m, pos, len, sh)) return;
        if (m == mark::left_single && sh != shape::closer && is_digit_cp(cp_at(pos + len))) return;  // ‘90s
        if (may_close(m, sh)) {
            const std::ptrdiff_t k = find_closable(m, sh);
            if (k >= 0) {
                close_at(static_cast<std::size_t>(k), pos, len);
                return;
            }
            // “Let’s go.’ — a ’ typed for ” after sentence punctuation closes the open double
            // quotation (an apostrophe never follows punctuation).
            if (m == mark::right_single && sh == shape::closer && !stack_.empty()) {
                const open_quote& top = stack_.back();
                const char32_t l = cp_before(pos);
                if (!top.dash && !top.single_family && (l == '.' || l == ',' || l == '!' || l == '?')) {
                    close_at(stack_.size() - 1, pos, len);
                    return;
                }
            }
        }
        if (!may_open(m, sh)) return;
        if ((m == mark::straight_single || m == mark::fullwidth_single) && !opt_.single_quotes) return;
        // The same kind of mark again, opening, while one is open.
        if (sh == shape::opener && opening_of(m).reopens_inline) {
            const std::ptrdiff_t k = find_same_opener(m);
            if (k >= 0) {
                const char32_t prev = prev_significant(pos);
                if (opt_.inline_reopen && is_terminal_cp(prev)) {
                    // A lost paragraph break ("…own. "Trying…"): the quotation goes on.
                    interrupt_above(static_cast<std::size_t>(k), pos);
                    return;
                }
                if (prev == ':') interrupt_from(static_cast<std::size_t>(k), pos);  // He added: "…
                // Otherwise a nested quotation of the same kind ("…need "significant" changes…").
            }
        }
        push(m, pos, len);
    }

    void on_dash(std::size_t pos, std::size_t len) {
        if (!opt_.dash_speech) return;
        // Author's words inside dash speech: "Text, — said he." ends the speech after the comma.
        if (!stack_.empty() && stack_.back().dash) {
            const char32_t before = cp_before(pos);
            const std::size_t after = pos + len;
            if (is_space_cp(before) && after < n_ && is_space_cp(cp_at(after))) {
                const std::size_t p0 = trim_back(pos, stack_.back().content_begin);
                const char32_t punct = cp_before(p0);
                const std::size_t w = skip_space(after, std::min(n_, after + 8));
                if ((punct == ',' || punct == '!' || punct == '?' || punct == 0x2026) && is_lower_cp(cp_at(w))) {
                    open_quote e = stack_.back();
                    stack_.pop_back();
                    release(e);
                    finish(e, p0, p0, true);
                    para_dash_ = true;
                    para_interleaved_ = true;
                }
            }
            return;
        }
        // Speech resumed after the author's words: "— said he. — More text."
        if (stack_.empty() && para_interleaved_ && is_terminal_cp(prev_significant(pos))) {
            const std::size_t w = skip_space(pos + len, std::min(n_, pos + len + 8));
            if (w > pos + len && starts_speech(cp_at(w))) push_dash(pos, w, true);
        }
    }

    [[nodiscard]] static bool starts_speech(char32_t c) noexcept {
        return is_upper_cp(c) || is_digit_cp(c) || is_quote_mark_cp(c) || c == '(' || c == '[' ||
               c == 0x2026 || c == '.';
    }

    /// True when the paragraph at `j` opens with a dialogue dash (or "- ").
    [[nodiscard]] bool opens_with_dash(std::size_t j) const noexcept {
        if (j >= n_) return false;
        const auto b = static_cast<unsigned char>(t_[j]);
        if (b < 0x80U && b != '-') return false;  // most paragraphs
        const char32_t c = cp_at(j);
        if (c == '-') return is_space_cp(cp_at(j + 1));
        return mark_of(c) == mark::long_dash;
    }

    /// A paragraph starting at `j` that opens with a dash: maybe dialogue.
    WHOSAID_ALWAYS_INLINE void try_dash(std::size_t j) {
        if (!opt_.dash_speech || !stack_.empty()) return;
        if (j < n_ && static_cast<unsigned char>(t_[j]) < 0x80U && t_[j] != '-') return;  // most paragraphs
        try_dash_at(j);
    }
    /// `try_dash` for a paragraph that opens with '-' or a non-ASCII character.
    void try_dash_at(std::size_t j) {
        const std::size_t dl = len_at(j);
        const char32_t c = cp_at(j);
        const bool hyphen = c == '-';
        if (!hyphen && mark_of(c) != mark::long_dash) return;
        const std::size_t after = j + dl;
        const std::size_t w = skip_space(after, std::min(n_, after + 8));
        if (w == after || w >= n_ || !starts_speech(cp_at(w))) return;
        const bool context = prev_para_colon_ || (prev_para_dash_ && !hyphen);
        if (!context && (hyphen || opt_.lang != language::ru)) return;
        push_dash(j, w, context);
    }

    void push_dash(std::size_t dash_pos, std::size_t content, bool context) {
        if (stack_.size() >= max_depth_) return;
        const std::uint32_t slot = new_slot(dash_pos);  // its parent is the top of the stack before the push
        open_quote& e = push_entry();
        e.open_begin = dash_pos;
        e.content_begin = content;
        e.para_begin = para_begin_;
        e.first_paragraph = para_;
        e.opener = mark::long_dash;
        e.dash = true;
        e.dash_context = context;
        e.starts_sentence = true;
        e.slot = slot;
    }

    // -- the stack --------------------------------------------------------------------------

    /// A record for a quotation opening at `begin`; records are in order of `outer.begin`.
    std::uint32_t new_slot(std::size_t begin) {
        quote q;
        q.outer.begin = begin;
        q.parent = stack_.empty() ? -1 : static_cast<std::int32_t>(stack_.back().slot);  // a slot until `assemble`
        if (slots_.capacity() == 0) slots_.reserve(16);
        slots_.push_back(q);
        return static_cast<std::uint32_t>(slots_.size() - 1);
    }

    /// A new entry on top of the stack, built in place (not copied in). One allocation for most
    /// texts, none without marks.
    open_quote& push_entry() {
        if (stack_.capacity() == 0) stack_.reserve(8);
        return stack_.emplace_back();
    }

    /// Forgets the record of an entry that reports nothing. The last record (nothing opened
    /// inside it) is removed outright, so runs of empty pairs ("""") cost no memory.
    void drop(const open_quote& e) {
        if (e.slot + 1U == slots_.size()) {
            slots_.pop_back();
        }
    }

    void push(mark m, std::size_t pos, std::size_t len) {
        if (stack_.size() >= max_depth_) return;
        const opening o = opening_of(m);
        const std::uint32_t slot = new_slot(pos);  // its parent is the top of the stack before the push
        open_quote& e = push_entry();
        e.open_begin = pos;
        e.content_begin = pos + len;
        e.para_begin = para_begin_;
        e.first_paragraph = para_;
        e.closers = o.closers;
        e.loose_closers = o.loose_closers;
        e.opener = m;
        e.single_family = o.single_family;
        e.reopens_inline = o.reopens_inline;
        e.slot = slot;
        sentence_info(pos, e);
        for (std::uint32_t b = o.closers | o.loose_closers; b != 0; b &= b - 1U) ++accept_count_[static_cast<unsigned>(std::countr_zero(b))];
    }

    void release(const open_quote& e) noexcept {
        for (std::uint32_t b = e.closers | e.loose_closers; b != 0; b &= b - 1U) --accept_count_[static_cast<unsigned>(std::countr_zero(b))];
    }

    /// Closes stack entry `k` with the mark at `pos`; the entries above it end unclosed there.
    void close_at(std::size_t k, std::size_t pos, std::size_t len) {
        interrupt_above(k, pos);
        open_quote e = stack_.back();
        stack_.pop_back();
        release(e);
        finish(e, pos, pos + len, true);
        if (!stack_.empty() && same_opener(stack_.back().opener, e.opener)) {
            stack_.back().shared_mark = pos;
            stack_.back().shared_end = pos + len;
            stack_.back().shared_slots = slots_.size();
        }
    }

    /// Ends every entry above `k` unclosed at `pos`.
    void interrupt_above(std::size_t k, std::size_t pos) {
        if (stack_.size() <= k + 1) return;
        const std::size_t end = trim_back(pos, stack_[k + 1].content_begin);  // trimmed once for all
        while (stack_.size() > k + 1) end_top_unclosed(end);
    }
    /// Ends entry `k` and every entry above it unclosed at `pos`.
    void interrupt_from(std::size_t k, std::size_t pos) {
        if (stack_.size() <= k) return;
        const std::size_t end = trim_back(pos, stack_[k].content_begin);
        while (stack_.size() > k) end_top_unclosed(end);
    }
    /// Ends the top entry unclosed at `pos` (white space before `pos` is trimmed).
    void end_top_unclosed(std::size_t pos) {
        open_quote e = stack_.back();
        stack_.pop_back();
        release(e);
        const std::size_t end = trim_back(std::max(pos, e.content_begin), e.content_begin);
        if (e.dash) finish_dash(e, end);
        else if (e.shared_end != 0 && e.shared_slots == slots_.size() && opt_.lang == language::ru &&
                 e.shared_mark >= para_begin_) {
            // ОАО «НК «Роснефть»: the child's closing mark closes both (only when nothing was
            // opened after it, so every child still lies inside, and only in the paragraph
            // where it ends: a quotation continued into a later paragraph ends there).
            finish(e, e.shared_mark, e.shared_end, true);
        }
        else finish(e, end, end, false);
    }

    void finish_dash(const open_quote& e, std::size_t end) {
        // Dialogue ends with its paragraph; it counts when the context (a colon paragraph, a
        // dialogue before) holds and the paragraph ends like speech, not like a list item.
        // A dash paragraph followed by another is a list ("The winners are:" / "— A of B." /
        // "— C of D."), except in languages that write dialogue that way (Russian).
        bool ok = e.dash_context && !(next_para_dash_ && opt_.lang != language::ru);
        if (ok) {
            std::size_t p = end;
            char32_t c = 0;
            for (int steps = 0; steps < 4 && p > e.content_begin; ++steps) {
                c = cp_before(p);
                if (!(is_quote_mark_cp(c) || c == ')' || c == ']')) break;
                p -= len_before(p);
            }
            ok = is_terminal_cp(c) || is_quote_mark_cp(cp_before(end));
        }
        if (!ok) {
            drop(e);
            return;
        }
        para_dash_ = true;
        finish(e, end, end, true);
    }

    /// Records the finished quotation of entry `e`: content up to `content_end`, outer up to
    /// `outer_end`.
    void finish(const open_quote& e, std::size_t content_end, std::size_t outer_end, bool closed) {
        const std::size_t cb = skip_space(e.content_begin, content_end);
        const std::size_t ce = trim_back(content_end, cb);
        if (ce <= cb || (!closed && e.single_family)) {  // nothing quoted; an apostrophe, most likely
            drop(e);
            return;
        }
        quote& q = slots_[e.slot];
        q.outer = {e.open_begin, closed ? outer_end : ce};
        q.content = {cb, ce};
        q.style = e.dash ? quote_style::dash : style_of(e.opener);
        q.closed = closed;
        q.first_paragraph = e.first_paragraph;
        q.last_paragraph = para_;
        q.role = classify(e, q);
        ++alive_;
    }

    // -- paragraphs -------------------------------------------------------------------------

    /// The mark a paragraph opens with at `j` and its length (none, 0 when it opens otherwise).
    [[nodiscard]] std::pair<mark, std::size_t> mark_at(std::size_t j) const noexcept {
        const char c = t_[j];
        if (c == '"') return {mark::straight_double, 1};
        if (c == '\'') return j + 1 < n_ && t_[j + 1] == '\'' ? std::pair{mark::apostrophe_pair, std::size_t{2}}
                                                               : std::pair{mark::straight_single, std::size_t{1}};
        if (c == '`') return j + 1 < n_ && t_[j + 1] == '`' ? std::pair{mark::backtick_pair, std::size_t{2}}
                                                             : std::pair{mark::none, std::size_t{0}};
        const utf8::codepoint cp = utf8::decode(t_, j);
        if (!cp.valid) return {mark::none, 0};
        const mark m = mark_of(cp.value);
        if (!is_quote_mark_cp(cp.value)) return {mark::none, 0};
        return {m, cp.length};
    }

    std::size_t on_line_break(std::size_t i) {
        const std::size_t para_end = trim_back(i, para_begin_);
        const char32_t last = cp_before(para_end);
        const std::size_t j = skip_blank(i);
        if (j >= n_) {
            end_paragraph(para_end);
            return n_;
        }
        std::size_t resume = j;
        bool continued = false;
        next_para_dash_ = opens_with_dash(j);
        if (!stack_.empty() && opt_.multi_paragraph && para_end > para_begin_ && !unicode::is_word(last)) {
            const auto [m, mlen] = mark_at(j);
            if (m != mark::none && j + mlen < n_ && rside_of(cp_at(j + mlen)) != rside::space) {
                const std::ptrdiff_t k = find_same_opener(m);
                if (k >= 0) {
                    interrupt_above(static_cast<std::size_t>(k), para_end);
                    resume = j + mlen;
                    continued = true;
                }
            }
        }
        if (!continued) end_paragraph(para_end);
        next_para_dash_ = false;
        prev_para_colon_ = last == ':';
        prev_para_dash_ = para_dash_;
        para_dash_ = false;
        para_interleaved_ = false;
        ++para_;
        para_begin_ = j;
        if (!continued) try_dash(j);
        return resume;
    }

    /// Ends every open quotation at the end of the paragraph, `para_end`.
    void end_paragraph(std::size_t para_end) {
        while (!stack_.empty()) end_top_unclosed(para_end);
    }

    // -- sentences --------------------------------------------------------------------------

    /// Fills `starts_sentence` and `sentence_begin` of an entry opening at `pos`.
    void sentence_info(std::size_t pos, open_quote& e) {
        if (has_sentences_) {
            // Advance over spans that end before `pos`, ignoring spans that break the contract.
            // (In locals: the members would be stored at every span.)
            std::size_t cursor = cursor_;
            std::size_t accepted_end = accepted_end_;
            const std::size_t count = sentences_.size();
            while (cursor < count) {
                const text_span s = sentences_[cursor];
                if (s.end > n_ || s.begin > s.end || s.begin < accepted_end) { ++cursor; continue; }
                if (s.end <= pos) { accepted_end = s.end; ++cursor; continue; }
                break;
            }
            cursor_ = cursor;
            accepted_end_ = accepted_end;
            e.sentence_known = true;
            if (cursor_ < sentences_.size() && sentences_[cursor_].begin <= pos) {
                e.sentence_begin = std::max(sentences_[cursor_].begin, para_begin_);
                std::size_t p = e.sentence_begin;
                bool only_openers = true;
                for (int steps = 0; p < pos; ++steps) {
                    const char32_t c = cp_at(p);
                    if (steps >= 8 || !(is_space_cp(c) || is_quote_mark_cp(c) || c == '(' || c == '[' ||
                                        mark_of(c) == mark::long_dash || c == '-')) {
                        only_openers = false;
                        break;
                    }
                    p += len_at(p);
                }
                e.starts_sentence = only_openers;
            } else {
                // Between sentences: the splitter began the next sentence after the mark.
                e.sentence_begin = pos;
                e.starts_sentence = true;
            }
            return;
        }
        // Local guess: the mark follows sentence punctuation or opens the paragraph.
        std::size_t p = pos;
        char32_t c = 0;
        for (int steps = 0; steps < 8 && p > para_begin_; ++steps) {
            c = cp_before(p);
            if (!(is_space_cp(c) || is_quote_mark_cp(c) || c == '(' || c == '[' || mark_of(c) == mark::long_dash)) break;
            c = 0;
            p -= len_before(p);
        }
        e.starts_sentence = p <= para_begin_ || is_terminal_cp(c);
    }

    // -- speech or term ---------------------------------------------------------------------

    /// Lowercase copy of text[b, e) in a reused buffer (valid until the next call). Only words
    /// with a non-ASCII byte come here: ASCII words are folded by `word_table::lookup_ascii`.
    [[nodiscard]] std::string_view lower(std::size_t b, std::size_t e) {
        if (e <= b) return {};
        buf_.clear();
        unicode::append_lower(t_.substr(b, e - b), buf_);
        return buf_;
    }

    [[nodiscard]] static bool all_ascii(std::string_view s) noexcept {
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t v = 0;
            std::memcpy(&v, s.data() + i, 8);
            if ((v & 0x8080808080808080ULL) != 0) return false;
        }
        for (; i < s.size(); ++i) {
            if (static_cast<unsigned char>(s[i]) >= 0x80U) return false;
        }
        return true;
    }

    /// The word-list flags of text[b, e) (`word_table::lookup` of its lowercase form). `ascii`
    /// says the caller knows the bytes are ASCII.
    [[nodiscard]] std::uint8_t word_flags(std::size_t b, std::size_t e, bool ascii) {
        if (e <= b) return 0;
        const std::string_view w = t_.substr(b, e - b);
        return FastPaths && (ascii || all_ascii(w)) ? words_.lookup_ascii(w) : words_.lookup(lower(b, e));
    }
    [[nodiscard]] std::uint8_t word_flags(std::size_t b, std::size_t e) { return word_flags(b, e, false); }

    [[nodiscard]] static bool is_word_cp(char32_t c) noexcept {
        if (c < 0x80U) return (ascii_class[c] & cls_word) != 0;
        return unicode::is_word(c);
    }
    /// Inside a word: letters, digits and the joiners - ' ’ between them.
    [[nodiscard]] static bool is_joiner(char32_t c) noexcept { return c == '-' || c == '\'' || c == 0x2019 || c == 0x2010; }

    /// The code point at `pos < n_` and its length (ASCII without decoding).
    [[nodiscard]] utf8::codepoint at(std::size_t pos) const noexcept {
        const auto b = static_cast<unsigned char>(t_[pos]);
        if (b < 0x80U) return {b, 1, true};
        return utf8::decode(t_, pos);
    }
    /// The code point ending at `pos > 0` and its length (ASCII without decoding).
    [[nodiscard]] utf8::codepoint at_before(std::size_t pos) const noexcept {
        const auto b = static_cast<unsigned char>(t_[pos - 1]);
        if (b < 0x80U) return {b, 1, true};
        return utf8::decode_before(t_, pos);
    }

    /// First byte at or after `p` (before `limit`) that does not continue the word: letters,
    /// digits, and a joiner followed by a word character (looked at even past `limit`). Clears
    /// `ascii` when the word takes a non-ASCII character.
    [[nodiscard]] std::size_t word_end(std::size_t p, std::size_t limit, bool& ascii) const noexcept {
        while (p < limit) {
            const auto b = static_cast<unsigned char>(t_[p]);
            if (b < 0x80U) {
                if ((ascii_class[b] & cls_word) != 0) { ++p; continue; }
                if ((b == '-' || b == '\'') && is_word_cp(cp_at(p + 1))) { ++p; continue; }
                break;
            }
            const utf8::codepoint cp = utf8::decode(t_, p);
            if (!(is_word_cp(cp.value) || (is_joiner(cp.value) && is_word_cp(cp_at(p + cp.length))))) break;
            ascii = false;
            p += cp.length;
        }
        return p;
    }

    struct token {
        std::size_t begin = 0;
        std::size_t end = 0;
        char32_t punct = 0;  ///< 0 for a word
        bool ascii = false;  ///< Only ASCII bytes.
    };

    /// The walk back from a quotation over the tokens (words or single punctuation marks)
    /// before it, nearest first, not crossing `limit`; without sentence spans the walk also
    /// stops at sentence punctuation. Tokens are read one at a time, as they are needed.
    struct before_walk {
        std::size_t pos;
        std::size_t limit;
        bool stop_at_terminal;
    };

    /// The next token of `w` into `out`; false when the walk is over.
    bool next_before(before_walk& w, token& out) const noexcept {
        std::size_t pos = w.pos;
        const std::size_t limit = w.limit;
        while (pos > limit) {
            const auto b = static_cast<unsigned char>(t_[pos - 1]);
            if (b < 0x80U) {
                if ((ascii_class[b] & cls_space) == 0) break;
                --pos;
                continue;
            }
            const utf8::codepoint cp = utf8::decode_before(t_, pos);
            if (!is_space_cp(cp.value)) break;
            pos -= cp.length;
        }
        w.pos = pos;
        if (pos <= limit) return false;
        const utf8::codepoint c = at_before(pos);
        if (is_word_cp(c.value)) {
            const std::size_t end = pos;
            bool ascii = true;
            constexpr std::size_t max_steps = 40;  // code points of one word
            std::size_t steps = 0;
            while (pos > limit && steps < max_steps) {
                // A run of ASCII letters and digits, one step each.
                const std::size_t lo = pos - std::min(pos - limit, max_steps - steps);
                std::size_t p = pos;
                while (FastPaths && p > lo) {
                    const auto b = static_cast<unsigned char>(t_[p - 1]);
                    if (b >= 0x80U || (ascii_class[b] & cls_word) == 0) break;
                    --p;
                }
                steps += pos - p;
                pos = p;
                if (pos <= limit || steps >= max_steps) break;
                const auto b = static_cast<unsigned char>(t_[pos - 1]);
                const utf8::codepoint d = at_before(pos);
                if (is_word_cp(d.value) ||
                    (is_joiner(d.value) && pos - d.length > limit && is_word_cp(cp_before(pos - d.length)))) {
                    pos -= d.length;
                    if (b >= 0x80U) ascii = false;
                } else {
                    break;
                }
                ++steps;
            }
            out = {pos, end, 0, ascii};
            w.pos = pos;
            return true;
        }
        if (w.stop_at_terminal && is_terminal_cp(c.value)) return false;
        out = {pos - c.length, pos, c.value, c.value < 0x80U};
        w.pos = pos - c.length;
        return true;
    }

    /// The walk forward from a quotation over the tokens after it in the same paragraph, within
    /// `after_window` bytes.
    struct after_walk {
        std::size_t pos;
        std::size_t limit;
    };

    /// The next token of `w` into `out`; false when the walk is over.
    bool next_after(after_walk& w, token& out) const noexcept {
        std::size_t pos = w.pos;
        while (pos < w.limit) {
            const utf8::codepoint c = at(pos);
            if (unicode::is_line_break(c.value)) break;
            if (is_space_cp(c.value)) {
                pos += c.length;
                continue;
            }
            if (is_word_cp(c.value)) {
                bool ascii = c.value < 0x80U;
                const std::size_t e = word_end(pos, w.limit, ascii);
                out = {pos, e, 0, ascii};
                w.pos = e;
                return true;
            }
            out = {pos, pos + c.length, c.value, c.value < 0x80U};
            w.pos = pos + c.length;
            return true;
        }
        w.pos = w.limit;  // the walk is over
        return false;
    }

    // The bounded windows around a quotation (bytes): its content, before it, after it.
    static constexpr std::size_t content_window = 120;
    static constexpr std::size_t before_window = 120;
    static constexpr std::size_t after_window = 64;

    /// Counts of the title-case test over the words of a short quotation (see `content_evidence`).
    struct title_counts {
        std::uint32_t considered = 0;   ///< words that are not lowercase function words (so far)
        std::uint32_t capitalised = 0;  ///< words that start with a capital or a digit
        /// Lowercase words of at most 12 bytes (offsets from the content start): function words
        /// or not, looked up only when the decision depends on it. At most one word per two
        /// bytes of the window.
        struct pending {
            std::uint8_t begin;
            std::uint8_t end;
            bool ascii;
        };
        std::array<pending, 64> lowercase;  // the first `n_lowercase` are set
        std::size_t n_lowercase = 0;

        void add(std::size_t offset_begin, std::size_t offset_end, bool upper, bool ascii) noexcept {
            if (upper) {
                ++considered;
                ++capitalised;
            } else if (offset_end - offset_begin > 12) {
                ++considered;
            } else {
                lowercase[n_lowercase++] = {static_cast<std::uint8_t>(offset_begin), static_cast<std::uint8_t>(offset_end), ascii};
            }
        }
    };
    static_assert(content_window <= 255 && content_window / 2 + 1 <= 64, "title_counts::pending holds a window");

    /// The content window [cb, window_end) read code point by code point: words, case, title
    /// counts (`title` non-null) and sentence ends inside.
    void scan_window(std::size_t cb, std::size_t window_end, quote_evidence& ev, title_counts* title) const noexcept {
        for (std::size_t p = cb; p < window_end;) {
            const utf8::codepoint c = at(p);
            if (is_word_cp(c.value)) {
                const bool upper = is_upper_cp(c.value) || is_digit_cp(c.value);
                if (ev.words == 0) {
                    ev.first_upper = is_upper_cp(c.value);
                    ev.first_lower = is_lower_cp(c.value);
                }
                ++ev.words;
                const std::size_t wb = p;
                bool ascii = c.value < 0x80U;
                p = word_end(p, window_end, ascii);
                if (title != nullptr) title->add(wb - cb, p - cb, upper, ascii);
                continue;
            }
            if ((c.value == '.' || c.value == '!' || c.value == '?' || c.value == 0x2026) && p + 1 < window_end) {
                boundary_after(p, c.length, window_end, ev);
            }
            p += c.length;
        }
    }

    /// Sentence punctuation at `p` (`len` bytes) followed by white space and a capital or a
    /// quotation mark inside the window: the quotation holds more than one sentence.
    void boundary_after(std::size_t p, std::size_t len, std::size_t window_end, quote_evidence& ev) const noexcept {
        const std::size_t s = p + len;
        const std::size_t w = skip_space(s, window_end);
        if (w > s && w < window_end) {
            const char32_t d = cp_at(w);
            if (is_upper_cp(d) || is_quote_mark_cp(d)) ev.internal_boundary = true;
        }
    }

#if WHOSAID_SSE2
    /// Bits of up to 128 bytes, bit i for byte i.
    struct bits128 {
        std::uint64_t lo = 0;
        std::uint64_t hi = 0;
        [[nodiscard]] bits128 operator&(bits128 o) const noexcept { return {lo & o.lo, hi & o.hi}; }
        [[nodiscard]] bits128 operator|(bits128 o) const noexcept { return {lo | o.lo, hi | o.hi}; }
        [[nodiscard]] bits128 operator~() const noexcept { return {~lo, ~hi}; }
        /// Bit i set when bit i-1 was (the byte before).
        [[nodiscard]] bits128 prev() const noexcept { return {lo << 1U, (hi << 1U) | (lo >> 63U)}; }
        /// Bit i set when bit i+1 was (the byte after).
        [[nodiscard]] bits128 next() const noexcept { return {(lo >> 1U) | (hi << 63U), hi >> 1U}; }
        [[nodiscard]] bool any() const noexcept { return (lo | hi) != 0; }
        /// Number of set bits. Inline on every target: std::popcount is a library call on
        /// baseline x86-64, which has no POPCNT instruction.
        [[nodiscard]] std::size_t count() const noexcept {
#if defined(__POPCNT__)
            return static_cast<std::size_t>(std::popcount(lo) + std::popcount(hi));
#else
            // Bit counts per byte of each half (at most 8), added (at most 16), then summed.
            const auto bytes = [](std::uint64_t v) {
                v -= (v >> 1U) & 0x5555555555555555ULL;
                v = (v & 0x3333333333333333ULL) + ((v >> 2U) & 0x3333333333333333ULL);
                return (v + (v >> 4U)) & 0x0F0F0F0F0F0F0F0FULL;
            };
            return static_cast<std::size_t>(((bytes(lo) + bytes(hi)) * 0x0101010101010101ULL) >> 56U);
#endif
        }
        /// Index of the lowest set bit; `any()` must hold.
        [[nodiscard]] std::size_t first() const noexcept {
            return lo != 0 ? static_cast<std::size_t>(std::countr_zero(lo)) : 64 + static_cast<std::size_t>(std::countr_zero(hi));
        }
        /// Index of the lowest clear bit at or after `i < 128`, or 128.
        [[nodiscard]] std::size_t next_clear(std::size_t i) const noexcept {
            const bits128 from = (~*this).without_below(i);
            return from.any() ? from.first() : 128;
        }
        void clear_first() noexcept {
            if (lo != 0) lo &= lo - 1;
            else hi &= hi - 1;
        }
        /// Only the bits below `n`.
        [[nodiscard]] bits128 below(std::size_t n) const noexcept {
            if (n >= 128) return *this;
            if (n >= 64) return {lo, hi & ((std::uint64_t{1} << (n - 64)) - 1)};
            return {lo & ((std::uint64_t{1} << n) - 1), 0};
        }
        /// Only the bits at or above `n < 128`.
        [[nodiscard]] bits128 without_below(std::size_t n) const noexcept {
            if (n >= 64) return {0, hi & ~((std::uint64_t{1} << (n - 64)) - 1)};
            return {lo & ~((std::uint64_t{1} << n) - 1), hi};
        }
    };

    /// `scan_window` for an ASCII window, sixteen bytes at a time: false (nothing done) when a
    /// byte of the window is not ASCII (or the byte after it is not and could extend a word).
    /// Same results: a word is a run of letters and digits, with - and ' inside when a word
    /// character stands on both sides.
    bool scan_window_ascii(std::size_t cb, std::size_t window_end, bool short_quote, bool ends_terminal,
                           quote_evidence& ev, title_counts& title) const noexcept {
        static_assert(content_window <= 127, "the window and the byte after it fit in 128 bits");
        const std::size_t len = window_end - cb;
        // The blocks read sixteen bytes from the window's start on: when the last would reach
        // past the text (a quotation that ends the text), the general scan does the window.
        if (cb + ((len + 15) & ~std::size_t{15}) > n_) return false;
        const __m128i letter_lo = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
        const __m128i digit_lo = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
        const __m128i letter_n = _mm_set1_epi8(static_cast<char>(-128 + 26));
        const __m128i digit_n = _mm_set1_epi8(static_cast<char>(-128 + 10));
        const __m128i case_bit = _mm_set1_epi8(0x20);
        // The masks of window bytes [from, min(len, from + 64)), built in registers block by
        // block (bit k for byte from + k); `ascii` false when one of them is not ASCII. Nothing
        // in the loop calls out, so its constants stay in registers.
        struct masks {
            std::uint64_t word = 0;
            std::uint64_t joiner = 0;
            std::uint64_t terminal = 0;
            bool ascii = true;
        };
        const auto read = [&](std::size_t from) noexcept {
            masks m;
            const std::size_t end = std::min(len, from + 64);
            for (std::size_t off = from; off < end; off += 16) {
                const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t_.data() + cb + off));
                const auto bits = [](__m128i v) { return static_cast<std::uint32_t>(_mm_movemask_epi8(v)); };
                if (const std::uint32_t high = bits(x); high != 0) {  // past the window's end it does not matter
                    const std::size_t valid = end - off;
                    if (valid >= 16 || (high & ((1U << valid) - 1U)) != 0) {
                        m.ascii = false;
                        return m;
                    }
                }
                const auto eq = [&x](char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
                const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, case_bit), letter_lo), letter_n);
                const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, digit_lo), digit_n);
                const auto shift = static_cast<unsigned>(off - from);
                m.word |= std::uint64_t{bits(_mm_or_si128(letter, digit))} << shift;
                m.joiner |= std::uint64_t{bits(_mm_or_si128(eq('-'), eq('\'')))} << shift;
                m.terminal |= std::uint64_t{bits(_mm_or_si128(_mm_or_si128(eq('.'), eq('!')), eq('?')))} << shift;
            }
            return m;
        };
        const masks lo = read(0);
        if (!lo.ascii) return false;
        const masks hi = len > 64 ? read(64) : masks{};
        if (!hi.ascii) return false;
        const bits128 word_in = bits128{lo.word, hi.word}.below(len);
        const bits128 joiner = bits128{lo.joiner, hi.joiner}.below(len);
        const bits128 terminal = bits128{lo.terminal, hi.terminal}.below(len);
        // The byte after the window decides whether a joiner ending the window is inside a word.
        bits128 word = word_in;
        if (window_end < n_ && joiner.below(len).any()) {
            const auto after = static_cast<unsigned char>(t_[window_end]);
            if (after >= 0x80U) {
                const auto last = static_cast<unsigned char>(t_[window_end - 1]);
                if (last == '-' || last == '\'') return false;
            } else if ((ascii_class[after] & cls_word) != 0) {
                if (len < 64) word.lo |= std::uint64_t{1} << len;
                else word.hi |= std::uint64_t{1} << (len - 64);
            }
        }
        // A joiner is inside a word when word characters stand on both sides; a word starts
        // where nothing inside a word precedes it.
        const bits128 inside = (word_in | (joiner & word.prev() & word.next())).below(len);
        bits128 starts = inside & ~inside.prev();
        ev.words = static_cast<std::uint32_t>(starts.count());
        if (starts.any()) {
            const std::uint8_t cls = ascii_class[static_cast<unsigned char>(t_[cb + starts.first()])];
            ev.first_upper = (cls & cls_upper) != 0;
            ev.first_lower = (cls & cls_lower) != 0;
        }
        for (bits128 t = terminal; t.any(); t.clear_first()) {
            const std::size_t i = t.first();
            if (i + 1 >= len) break;
            boundary_after(cb + i, 1, window_end, ev);
            if (ev.internal_boundary) break;
        }
        if (!needs_title(short_quote, ends_terminal, ev)) return true;
        for (; starts.any(); starts.clear_first()) {
            const std::size_t b = starts.first();
            const std::size_t e = inside.next_clear(b);
            const std::uint8_t cls = ascii_class[static_cast<unsigned char>(t_[cb + b])];
            title.add(b, e, (cls & (cls_upper | cls_digit)) != 0, true);
        }
        return true;
    }
#endif

    /// True when the title-case test can change the score: a short quotation opening with a
    /// capital, of at most six words or without a sentence end (see `content_score`).
    [[nodiscard]] static bool needs_title(bool short_quote, bool ends_terminal, const quote_evidence& ev) noexcept {
        return short_quote && ev.first_upper && (ev.words <= 6 || !ends_terminal);
    }

    /// The signs read from the content itself: words, case, sentence punctuation (first
    /// `content_window` bytes and the end).
    void content_evidence(const quote& q, quote_evidence& ev) {
        const std::size_t cb = q.content.begin;
        const std::size_t ce = q.content.end;
        const std::size_t window_end = std::min(ce, cb + content_window);
        const bool short_quote = ce - cb <= content_window;  // titles are short: no title-case pass on long quotations
        {
            std::size_t p = ce;
            char32_t c = 0;
            for (int steps = 0; steps < 8 && p > cb; ++steps) {
                c = cp_before(p);
                if (!(is_quote_mark_cp(c) || c == ')' || c == ']' || is_space_cp(c))) break;
                p -= len_before(p);
            }
            ev.ends_terminal = is_terminal_cp(c);
            ev.ends_comma = c == ',';
        }
        title_counts title;
#if WHOSAID_SSE2
        const bool done = FastPaths && scan_window_ascii(cb, window_end, short_quote, ev.ends_terminal, ev, title);
#else
        constexpr bool done = false;
#endif
        if (!done) scan_window(cb, window_end, ev, short_quote ? &title : nullptr);
        if (ce > window_end) ev.words += 8;  // long: the exact count no longer matters
        // Title case: at least two considered words, the first capitalised, three in four
        // capitalised. It only counts when `needs_title`, and the function-word lookups only
        // when the bounds leave it open.
        if (!needs_title(short_quote, ev.ends_terminal, ev)) return;
        // The count of considered words lies in [lo, hi] until the pending words are looked up;
        // title case holds for 2 <= considered <= most. Look up only until that is settled.
        const std::uint32_t most = title.capitalised * 4 / 3;
        std::uint32_t lo = title.considered;
        std::uint32_t hi = lo + static_cast<std::uint32_t>(title.n_lowercase);
        const auto settled = [most](std::uint32_t l, std::uint32_t h) {
            if (l >= 2 && h <= most) return 1;  // title case whatever the rest are
            if (h < 2 || l > most) return 0;    // no title case whatever the rest are
            return -1;
        };
        int verdict = settled(lo, hi);
        for (std::size_t k = 0; verdict < 0 && k < title.n_lowercase; ++k) {
            const auto& w = title.lowercase[k];
            if ((word_flags(cb + w.begin, cb + w.end, w.ascii) & chain_word) != 0) --hi;  // a function word
            else ++lo;
            verdict = settled(lo, hi);
        }
        ev.title_case = verdict == 1;
    }

    /// The signs before the opening mark: a colon, a reporting verb, a term cue reached over
    /// function words and names, a determiner or a possessive right before it. `score` is the
    /// content's score and `after_room` the most the signs after can add. With `FastPaths` the
    /// walk stops as soon as what it could still find (one cue: +2 or +1 for a reporting verb,
    /// -4 for a term cue while the chain holds) cannot change the sign `classify` decides: the
    /// evidence it leaves then gives the same role as the whole walk (-0.8% of the detector's
    /// instructions on BBC).
    void before_evidence(const open_quote& e, const quote& q, quote_evidence& ev, int score, int after_room) {
        const std::size_t lo = std::max({e.para_begin, e.sentence_known ? e.sentence_begin : std::size_t{0},
                                         q.outer.begin > before_window ? q.outer.begin - before_window : std::size_t{0}});
        before_walk walk{q.outer.begin, lo, !e.sentence_known};
        constexpr std::size_t max_tokens = 10;
        std::size_t word_index = 0;
        bool chain = true;
        token tk;
        int known = 0;  // `score` and the first token's signs (colon, determiner, possessive)
        for (std::size_t k = 0; k < max_tokens && next_before(walk, tk); ++k) {
            if (FastPaths && k > 0) {  // the first token's signs are read: only one cue can follow
                if (k == 1) known = score + before_score(ev);
                if (known - (chain ? 4 : 0) > 0) return;                           // speech whatever follows
                if (known + (word_index < 4 ? 2 : 1) + after_room <= 0) return;  // term whatever follows
            }
            if (tk.punct != 0) {
                if (k == 0) ev.colon_before = tk.punct == ':';
                if (tk.punct == ':' && k == 0) continue;  // the motto: "…"
                chain = false;
                if (tk.punct == ',' || tk.punct == ':') continue;
                break;
            }
            ++word_index;
            const char32_t first = cp_at(tk.begin);
            const std::uint8_t flags = word_flags(tk.begin, tk.end, tk.ascii);
            if (k == 0) {
                ev.determiner_before = (flags & determiner) != 0;
                // CNN’s “New Day”, Trump’s “Look at me” line: a name after a possessive.
                const std::size_t e0 = tk.end;
                const char32_t s0 = cp_before(e0);
                if ((s0 == 's' || s0 == 'S') && e0 - tk.begin > 2) {
                    const char32_t a0 = cp_before(e0 - 1);
                    ev.possessive_before = a0 == '\'' || a0 == 0x2019;
                }
            }
            if ((flags & speech_cue) != 0) {
                if (word_index <= 4 && !ev.term_cue) ev.speech_before = true;
                else ev.speech_in_sentence = true;
                break;
            }
            if (chain) {
                if ((flags & term_cue) != 0) {
                    ev.term_cue = true;
                    break;
                }
                if (!((flags & chain_word) != 0 || is_upper_cp(first) || is_digit_cp(first))) chain = false;
            }
            if (!chain && word_index >= 8) break;
        }
    }

    /// The signs after the closing mark: a reporting verb within four words ("…," he said), or
    /// a dash and a lowercase word (Russian «…», — сказал он). `score` is the score so far: with
    /// `FastPaths` the words are not read when a reporting verb (+2) could not change its sign
    /// (-2.4% of the detector's instructions on BBC).
    void after_evidence(const quote& q, quote_evidence& ev, int score) {
        constexpr std::size_t max_tokens = 6;
        std::array<token, max_tokens> after{};
        std::size_t na = 0;
        after_walk walk{q.outer.end, std::min(n_, q.outer.end + after_window)};
        const auto have = [&](std::size_t k) {  // reads tokens up to index k when there are any
            while (na <= k && na < max_tokens && next_after(walk, after[na])) ++na;
            return k < na;
        };
        std::size_t k = 0;
        if (have(k) && (after[k].punct == ',' || after[k].punct == '!' || after[k].punct == '?')) ++k;
        if (have(k + 1) && (mark_of(after[k].punct) == mark::long_dash) && after[k + 1].punct == 0 &&
            is_lower_cp(cp_at(after[k + 1].begin))) {
            ev.dash_after = true;
        }
        if (const int known = score + (ev.dash_after ? 3 : 0); FastPaths && (known > 0 || known + 2 <= 0)) return;
        std::size_t seen = 0;
        for (k = 0; seen < 4 && have(k); ++k) {
            const token& tk = after[k];
            if (tk.punct != 0) {
                if (tk.punct == ',' || tk.punct == '-' || mark_of(tk.punct) == mark::long_dash) continue;
                break;
            }
            ++seen;
            if ((word_flags(tk.begin, tk.end, tk.ascii) & speech_cue) != 0) {
                ev.speech_after = true;
                break;
            }
        }
    }

    // The score of `classify` in three parts: the content (and whether the quotation starts a
    // sentence), what stands before it, what stands after it. The parts before and after are
    // bounded, so they are read only when they can still change the sign of the score.
    static constexpr int before_min = -7;  // term cue, possessive, determiner
    static constexpr int before_max = 4;   // colon, reporting verb
    static constexpr int after_max = 5;    // reporting verb, dash

    [[nodiscard]] int content_score(const open_quote& e, const quote_evidence& ev) const noexcept {
        int score = 0;
        if (ev.ends_terminal) score += 3;
        else if (ev.ends_comma) score += 2;
        if (ev.internal_boundary) score += 2;
        if (e.starts_sentence) score += 1;
        if (ev.words >= 6) score += 1;
        if (ev.words >= 10) score += 1;
        if (ev.words <= opt_.max_term_words) score -= 2;
        if (ev.words <= 1) score -= 1;
        if (ev.title_case && ev.words <= 6) score -= 3;
        else if (ev.title_case && !ev.ends_terminal) score -= 2;
        if (ev.first_lower && !ev.ends_terminal && !ev.ends_comma) score -= 1;
        return score;
    }
    [[nodiscard]] static int before_score(const quote_evidence& ev) noexcept {
        int score = 0;
        if (ev.colon_before) score += 2;
        if (ev.speech_before) score += 2;
        else if (ev.speech_in_sentence) score += 1;
        if (ev.term_cue) score -= 4;
        if (ev.possessive_before) score -= 2;
        if (ev.determiner_before) score -= 1;
        return score;
    }
    [[nodiscard]] static int after_score(const quote_evidence& ev) noexcept {
        int score = 0;
        if (ev.speech_after) score += 2;
        if (ev.dash_after) score += 3;
        return score;
    }

    [[nodiscard]] quote_role classify(const open_quote& e, const quote& q) {
        if (!opt_.classify || e.dash || q.last_paragraph > q.first_paragraph) return quote_role::speech;
        quote_evidence ev;
        content_evidence(q, ev);
        int score = content_score(e, ev);
        const int after_room = q.closed ? after_max : 0;  // nothing is read after an unclosed quotation
        if (score + before_min > 0) return quote_role::speech;
        if (score + before_max + after_room <= 0) return quote_role::term;
        before_evidence(e, q, ev, score, after_room);
        score += before_score(ev);
        if (score > 0) return quote_role::speech;
        if (score + after_room <= 0) return quote_role::term;
        after_evidence(q, ev, score);
        score += after_score(ev);
        return score > 0 ? quote_role::speech : quote_role::term;
    }

    // -- result -----------------------------------------------------------------------------

    /// The reported quotations, compacted in place: records that report nothing are removed
    /// and `parent` becomes the index of the nearest reported ancestor.
    std::vector<quote> assemble() {
        if (alive_ == slots_.size()) return std::move(slots_);  // every slot is its result index
        // Parents precede children, so one forward pass suffices: map[s] is the result index of
        // slot s when it is reported, else that of its nearest reported ancestor (or -1).
        std::vector<std::int32_t> map(slots_.size(), -1);
        std::size_t out = 0;
        for (std::size_t s = 0; s < slots_.size(); ++s) {
            const std::int32_t parent = slots_[s].parent;
            const std::int32_t up = parent < 0 ? -1 : map[static_cast<std::size_t>(parent)];
            if (slots_[s].outer.end == 0) {
                map[s] = up;
                continue;
            }
            map[s] = static_cast<std::int32_t>(out);
            slots_[s].parent = up;
            if (out != s) slots_[out] = slots_[s];
            ++out;
        }
        slots_.resize(out);
        return std::move(slots_);
    }

    const quote_options& opt_;
    const word_table& words_;
    std::string_view t_;
    std::size_t n_;
    std::span<const text_span> sentences_;
    bool has_sentences_;
    std::uint32_t max_depth_;

    std::vector<open_quote> stack_;
    /// One record per opened quotation, in order of opening. Until `assemble`, `parent` is the
    /// slot of the enclosing quotation (or -1), and a record is reported when `finish` gave it
    /// its `outer` end (never 0 then: the content is not empty).
    std::vector<quote> slots_;
    std::size_t alive_ = 0;               ///< Records reported.
    std::array<std::uint32_t, 32> accept_count_{};
    std::uint32_t para_ = 0;
    std::size_t para_begin_ = 0;
    bool prev_para_colon_ = false;
    bool prev_para_dash_ = false;
    bool para_dash_ = false;
    bool para_interleaved_ = false;
    bool next_para_dash_ = false;
    std::size_t cursor_ = 0;
    std::size_t accepted_end_ = 0;
    static constexpr std::size_t no_pos = static_cast<std::size_t>(-1);
    std::size_t ahead_curly_ = no_pos;
    std::size_t ahead_straight_ = no_pos;
    std::size_t scanned_curly_ = 0;
    std::size_t scanned_straight_ = 0;
    std::string buf_;
};

}  // namespace detail

namespace detail {

/// The word lists of a detector built for `options`: the language's lists and the extra cues.
[[nodiscard]] inline word_table quote_words(const quote_options& options) {
    word_table words;
    const quote_lexicon lex = quote_lexicon_for(options.lang);
    words.add(lex.term_cues, term_cue);
    words.add(lex.speech_cues, speech_cue);
    words.add(lex.chain_words, chain_word);
    words.add(lex.determiners, determiner);
    words.add(lex.elisions, elision);
    for (const auto& w : options.extra_term_cues) words.add(w, term_cue);
    for (const auto& w : options.extra_speech_cues) words.add(w, speech_cue);
    words.finish();
    return words;
}

}  // namespace detail

inline quote_detector::quote_detector(quote_options options)
    : options_(std::move(options)), words_(detail::quote_words(options_)) {}

inline result<std::vector<quote>> quote_detector::detect(std::string_view text) const {
    return detect(text, {});
}

inline result<std::vector<quote>> quote_detector::detect(std::string_view text,
                                                         std::span<const text_span> sentences) const {
    if (const error e = utf8::check(text, options_.on_invalid); e.code != errc::ok) return e;
    detail::quote_scanner<> scanner(options_, words_, text, sentences);
    return scanner.run();
}

WHOSAID_END_NAMESPACE
