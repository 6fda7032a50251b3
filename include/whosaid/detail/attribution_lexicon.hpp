// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// The attributor's word lexicon (a flat hash table of lowercase words with class bits, built
/// once per engine from the language tables) and its tokenizer (one linear pass that splits
/// a text into word and punctuation tokens and looks every word up, case-insensitively).

#include "whosaid/config.hpp"
#include "whosaid/detail/attribution_types.hpp"
#include "whosaid/unicode.hpp"
#include "whosaid/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#if WHOSAID_SSE2
#    include <emmintrin.h>
#endif

WHOSAID_BEGIN_NAMESPACE

namespace detail::attr {

/// Token shape bits.
inline constexpr std::uint16_t s_word = 1;          ///< Letters, digits and marks (with inner ' - .).
inline constexpr std::uint16_t s_cap = 2;           ///< Starts with an uppercase letter.
inline constexpr std::uint16_t s_allcaps = 4;       ///< Two or more letters, all uppercase ("CSTO").
inline constexpr std::uint16_t s_innercap = 8;      ///< An uppercase letter after a lowercase one ("BelTA").
inline constexpr std::uint16_t s_digit = 16;        ///< Contains a digit.
inline constexpr std::uint16_t s_possessive = 32;   ///< The possessive ending "'s" / "’s".
inline constexpr std::uint16_t s_space_before = 64; ///< White space precedes the token.
inline constexpr std::uint16_t s_break_before = 128;///< A line break precedes the token.
inline constexpr std::uint16_t s_single = 256;      ///< A single letter ("J" in "J. Smith").
inline constexpr std::uint16_t s_gap = 1024;        ///< Stands for text that was not tokenized: a hard boundary.
inline constexpr std::uint16_t s_maybe_cue = 2048;  ///< The prefilter says the word may be a cue (verify with a lookup).
inline constexpr std::uint16_t s_ly = 512;          ///< A word ending in "ly" (lowercase: an adverb, mostly).

inline constexpr std::uint16_t s_in_quote = 4096;  ///< Inside a top-level quotation (set by the attributor).
inline constexpr std::uint16_t s_used = 8192;      ///< Already serves as a cue (set by the attributor).
inline constexpr std::uint16_t s_name = 16384;     ///< Can be part of a name (set by the attributor, once per token).

/// One token of a text: a word or one punctuation code point, with the attributor's
/// per-token annotations (sentence, enclosing quotation, name chunk). 40 bytes: the
/// attributor holds one per word and punctuation mark of the text, so it is kept small (the
/// paragraph of a token is its sentence's, the word's hash is recomputed where needed).
struct token {
    std::size_t begin = 0;     ///< Byte offset of the first byte.
    /// Lexicon classes of the word (0 when unknown or punctuation). With `lex == lex_pending`
    /// the lookup has not been done yet (the attributor does it on first use): these two
    /// fields are a cache, hence `mutable`.
    mutable word_class cls = 0;
    std::uint32_t length = 0;  ///< Length in bytes.
    mutable std::int32_t lex = -1;    ///< Lexicon entry of the word, -1 when unknown.
    char32_t cp = 0;           ///< Punctuation: its code point. Word: its first code point.
    std::uint32_t sent = 0;    ///< Sentence index (set by the attributor).
    std::int32_t chunk = -1;   ///< Name chunk holding the token (set by the attributor).
    std::uint16_t shape = 0;   ///< s_* bits.

    [[nodiscard]] std::size_t end() const noexcept { return begin + length; }
    [[nodiscard]] bool word() const noexcept { return (shape & s_word) != 0; }
    [[nodiscard]] bool is(word_class c) const noexcept { return (cls & c) != 0; }
    [[nodiscard]] bool punct(char32_t c) const noexcept { return !word() && cp == c; }
};

/// Longest word (in bytes, lowercase) the lexicon can hold; longer words are never found.
inline constexpr std::size_t max_word = 48;

/// `token::lex` of a word whose lookup is deferred.
inline constexpr std::int32_t lex_pending = -2;

namespace hash_detail {
[[nodiscard]] constexpr std::uint64_t seed(std::size_t n) noexcept { return 0x9E3779B97F4A7C15ULL ^ n; }
/// One round: 8 bytes of the key mixed in.
[[nodiscard]] constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t v) noexcept {
    h = (h ^ v) * 0xFF51AFD7ED558CCDULL;
    return h ^ (h >> 32U);
}
[[nodiscard]] constexpr std::uint64_t finish(std::uint64_t h) noexcept {
    h *= 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 29U);
}
/// The first `n` bytes of `v` (1 <= n <= 8, little-endian), the rest cleared.
[[nodiscard]] constexpr std::uint64_t first_bytes(std::uint64_t v, std::size_t n) noexcept {
    return v & (~0ULL >> (8U * (8U - n)));
}
}  // namespace hash_detail

/// Hash of a lowercase word, 8 bytes at a time. `k` must have 8 readable bytes past `n`
/// (the tokenizer's buffer has); those bytes are masked off.
[[nodiscard]] inline std::uint64_t hash_key(const char* k, std::size_t n) noexcept {
    std::uint64_t h = hash_detail::seed(n);
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t v = 0;
        std::memcpy(&v, k + i, 8);
        h = hash_detail::mix(h, v);
    }
    if (i < n) {
        std::uint64_t v = 0;
        std::memcpy(&v, k + i, 8);
        h = hash_detail::mix(h, hash_detail::first_bytes(v, n - i));
    }
    return hash_detail::finish(h);
}

/// `hash_key` of the lowercase form of an ASCII word of `n` bytes (1 to 8) loaded from its first
/// byte into `v` (little-endian; the bytes past the word are ignored), in registers: setting
/// bit 5 lowercases every byte of a word (letters, digits, ' - .).
[[nodiscard]] constexpr std::uint64_t hash_short_ascii(std::uint64_t v, std::size_t n) noexcept {
    return hash_detail::finish(hash_detail::mix(hash_detail::seed(n), hash_detail::first_bytes(v | 0x2020202020202020ULL, n)));
}

/// `hash_key` of any string (copies it to a padded buffer; used while building tables).
[[nodiscard]] inline std::uint64_t hash_bytes(std::string_view s) noexcept {
    char buf[max_word + 8] = {};
    if (s.size() > max_word) return hash_key(s.data(), 0) ^ s.size();  // never matches a token
    std::memcpy(buf, s.data(), s.size());
    return hash_key(buf, s.size());
}

/// `hash_bytes` of three bytes, given little-endian in the low 24 bits of `v` (the rest zero),
/// computed in registers: the key of a given name's first letters (see `runner::given_key`).
[[nodiscard]] constexpr std::uint64_t hash_three(std::uint64_t v) noexcept {
    return hash_detail::finish(hash_detail::mix(hash_detail::seed(3), v));
}

/// The 32-bit form of a word hash kept in tokens.
[[nodiscard]] constexpr std::uint32_t fold(std::uint64_t h) noexcept { return static_cast<std::uint32_t>(h ^ (h >> 32U)); }

/// Lowercase UTF-8 of `word` (simple case mapping; bad bytes as U+FFFD).
[[nodiscard]] inline std::string lower_copy(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    unicode::append_lower(word, out);
    return out;
}

/// Lexicon entry.
struct lex_entry {
    word_class cls = 0;              ///< Class bits.
    std::uint32_t phrase_first = 0;  ///< First index in the engine's phrase index for phrases starting here.
    std::uint16_t phrase_count = 0;  ///< Number of phrases starting with this word.
    /// The furthest this word stands from the start of a phrase that holds it (0 when it
    /// starts every phrase it is in, or is in none): how far back from this word, as a cue
    /// anchor, a phrase may begin ("say" in "went on to say": 3).
    std::uint16_t phrase_back = 0;
};

/// Lowercase words → entries. Built with `add`, then `freeze` builds the flat table; after that
/// `find` is lock-free and read-only.
class lexicon {
public:
    /// Adds `cls` to the entry of `lower` (creating it) and returns the entry id.
    std::int32_t add(std::string_view lower, word_class cls) {
        auto [it, inserted] = building_.try_emplace(std::string(lower), static_cast<std::int32_t>(keys_.size()));
        if (inserted) {
            keys_.emplace_back(lower);
            entries_.push_back({});
        }
        entries_[static_cast<std::size_t>(it->second)].cls |= cls;
        return it->second;
    }

    /// The entry id of `lower`, or -1 (only before `freeze`).
    [[nodiscard]] std::int32_t id_of(std::string_view lower) const {
        const auto it = building_.find(std::string(lower));
        return it == building_.end() ? -1 : it->second;
    }

    /// Mutable entry access while building.
    lex_entry& entry(std::int32_t id) { return entries_[static_cast<std::size_t>(id)]; }
    /// Entry access.
    [[nodiscard]] const lex_entry& entry(std::int32_t id) const noexcept { return entries_[static_cast<std::size_t>(id)]; }
    /// The lowercase word of an entry.
    [[nodiscard]] std::string_view key(std::int32_t id) const noexcept { return keys_[static_cast<std::size_t>(id)]; }

    /// Builds the lookup table; call once after the last `add` and the last change to an entry's
    /// classes (the slots keep a copy of them).
    void freeze() {
        std::size_t cap = 64;
        while (cap < keys_.size() * 2 + 1) cap <<= 1U;  // load <= 1/2
        slots_.assign(cap, slot{});
        bloom_.assign(bloom_bits / 64, 0);
        mask_ = cap - 1;
        for (std::size_t id = 0; id < keys_.size(); ++id) {
            const std::uint64_t h = hash_bytes(keys_[id]);
            bloom_[(h >> 48U) / 64] |= 1ULL << ((h >> 48U) % 64);
            std::size_t s = static_cast<std::size_t>(h) & mask_;
            while (slots_[s].id >= 0) s = (s + 1) & mask_;
            slots_[s] = {check_of(h), static_cast<std::int32_t>(id), entries_[id].cls};
        }
        building_.clear();
    }

    /// The entry id of the lowercase word whose `hash_key` is `h`, or -1, and its classes in
    /// `cls` (left as they are when not found). The table is kept small: 16-byte slots (check
    /// bits, id and a copy of the classes, so that a found word costs no further load) at load
    /// <= 1/2, 128 KiB for the English tables (slots of a full hash, the classes and the length
    /// at load 1/4 took 384 KiB, most of a core's L2 cache, which the tokens of the text need
    /// too); a bloom filter of 8 KiB turns most unknown words away before any slot is read. A
    /// word matches on its bucket and bits 32..63 of its
    /// 64-bit hash, which mixes in the length: a collision between a table word and another
    /// word is vanishingly rare and would only change one word's class.
    [[nodiscard]] std::int32_t find(std::uint64_t h, word_class& cls) const noexcept {
        if ((bloom_[(h >> 48U) / 64] & (1ULL << ((h >> 48U) % 64))) == 0) return -1;
        const std::uint32_t check = check_of(h);
        std::size_t s = static_cast<std::size_t>(h) & mask_;
        while (slots_[s].id >= 0) {
            const slot& sl = slots_[s];
            if (sl.check == check) {
                cls = sl.cls;
                return sl.id;
            }
            s = (s + 1) & mask_;
        }
        return -1;
    }

    /// Number of entries.
    [[nodiscard]] std::size_t size() const noexcept { return keys_.size(); }

private:
    struct slot {
        std::uint32_t check = 0;  ///< Bits 32..63 of the hash.
        std::int32_t id = -1;
        word_class cls = 0;  ///< The entry's classes (a copy: one load less per lookup).
    };
    [[nodiscard]] static constexpr std::uint32_t check_of(std::uint64_t h) noexcept { return static_cast<std::uint32_t>(h >> 32U); }
    static constexpr std::size_t bloom_bits = 1U << 16U;
    std::unordered_map<std::string, std::int32_t> building_;
    std::vector<std::string> keys_;
    std::vector<lex_entry> entries_;
    std::vector<slot> slots_;
    std::vector<std::uint64_t> bloom_;
    std::size_t mask_ = 0;
};

namespace tok_detail {

inline constexpr std::uint8_t c_alnum = 1, c_upper = 2, c_lower = 4, c_digit = 8, c_space = 16, c_break = 32;

/// Classes of the ASCII bytes (0 for bytes >= 0x80).
inline constexpr std::array<std::uint8_t, 256> ascii_class = [] {
    std::array<std::uint8_t, 256> t{};
    for (unsigned c = 'a'; c <= 'z'; ++c) t[c] = c_alnum | c_lower;
    for (unsigned c = 'A'; c <= 'Z'; ++c) t[c] = c_alnum | c_upper;
    for (unsigned c = '0'; c <= '9'; ++c) t[c] = c_alnum | c_digit;
    t[' '] = c_space;
    t['\t'] = c_space;
    for (unsigned c = 0x0A; c <= 0x0D; ++c) t[c] = c_space | c_break;
    return t;
}();

/// ASCII lowercase of every byte (other bytes unchanged).
inline constexpr std::array<char, 256> ascii_lower = [] {
    std::array<char, 256> t{};
    for (unsigned c = 0; c < 256; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return t;
}();

/// True when a word character starts at byte `i`.
[[nodiscard]] inline bool word_at(std::string_view text, std::size_t i) noexcept {
    if (i >= text.size()) return false;
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80U) return (ascii_class[b] & c_alnum) != 0;
    const utf8::codepoint cp = utf8::decode(text, i);
    return cp.valid && unicode::is_word(cp.value);
}

/// True when an "s" starts at `i` and no word character follows it.
[[nodiscard]] inline bool lone_s_at(std::string_view text, std::size_t i) noexcept {
    if (i >= text.size()) return false;
    const char c = text[i];
    if (c != 's' && c != 'S') return false;
    return !word_at(text, i + 1);
}

/// Per-byte class bits of a 64-byte ASCII block (bit k is byte k). `brk` is \n..\r, the ASCII
/// line breaks; `ly` marks a "y" right after an "l" (any case: the adverb ending); `ess` ("s" or
/// "S") is filled only right after an apostrophe, the one place it matters. (Lowercase letters
/// are `alnum & ~upper & ~digit`.)
struct block_masks {
    std::uint64_t alnum = 0, space = 0, brk = 0, apos = 0, hyph = 0, dot = 0, upper = 0, digit = 0, ess = 0, ly = 0;
};

/// True when the 64 bytes at `p` are all ASCII.
[[nodiscard]] inline bool ascii64(const unsigned char* p) noexcept {
    std::uint64_t acc = 0;
    for (int k = 0; k < 8; ++k) {
        std::uint64_t v = 0;
        std::memcpy(&v, p + 8 * k, 8);
        acc |= v;
    }
    return (acc & 0x8080808080808080ULL) == 0;
}

/// The class masks of an ASCII block (SSE2 when available, else a table loop).
[[nodiscard]] WHOSAID_ALWAYS_INLINE block_masks masks64(const unsigned char* p) noexcept {
    block_masks m;
#if WHOSAID_SSE2
    // Byte in [lo, hi] (lo <= 0x80): shifted so that the range starts at -128, one signed compare.
    const auto range = [](__m128i v, int lo, int hi) {
        return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - lo))),
                              _mm_set1_epi8(static_cast<char>(hi - lo + 1 - 0x80)));
    };
    const auto bits = [](__m128i v) { return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(v))); };
    // One mask extraction per class and quarter: the classes are combined in vector registers
    // (alnum = letter | digit, "y" after "l"), and a quarter's constant shift lets the compiler
    // unroll the four.
    __m128i prev_ell = _mm_setzero_si128();  // "l" in the quarter before (none before byte 0)
    const auto quarter = [&](unsigned q) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * q));
        const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));  // ASCII letters in lowercase
        const unsigned sh = 16U * q;
        const __m128i digit = range(x, '0', '9');
        const __m128i brk = range(x, '\n', '\r');
        const __m128i ell = _mm_cmpeq_epi8(folded, _mm_set1_epi8('l'));
        const __m128i ell_before = _mm_or_si128(_mm_slli_si128(ell, 1), _mm_srli_si128(prev_ell, 15));
        prev_ell = ell;
        m.alnum |= bits(_mm_or_si128(range(folded, 'a', 'z'), digit)) << sh;
        m.upper |= bits(range(x, 'A', 'Z')) << sh;
        m.digit |= bits(digit) << sh;
        m.space |= bits(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\t'))), brk)) << sh;
        m.brk |= bits(brk) << sh;
        m.apos |= bits(_mm_cmpeq_epi8(x, _mm_set1_epi8('\''))) << sh;
        m.hyph |= bits(_mm_cmpeq_epi8(x, _mm_set1_epi8('-'))) << sh;
        m.dot |= bits(_mm_cmpeq_epi8(x, _mm_set1_epi8('.'))) << sh;
        m.ly |= bits(_mm_and_si128(_mm_cmpeq_epi8(folded, _mm_set1_epi8('y')), ell_before)) << sh;
    };
    quarter(0);
    quarter(1);
    quarter(2);
    quarter(3);
#else
    std::uint64_t ell = 0;  // "l" or "L"
    std::uint64_t why = 0;  // "y" or "Y"
    for (unsigned k = 0; k < 64; ++k) {
        const unsigned char c = p[k];
        const std::uint8_t cl = ascii_class[c];
        const std::uint64_t bit = 1ULL << k;
        if ((cl & c_alnum) != 0) m.alnum |= bit;
        if ((cl & c_upper) != 0) m.upper |= bit;
        if ((cl & c_digit) != 0) m.digit |= bit;
        if ((cl & c_space) != 0) m.space |= bit;
        if ((cl & c_break) != 0) m.brk |= bit;
        if (c == '\'') m.apos |= bit;
        if (c == '-') m.hyph |= bit;
        if (c == '.') m.dot |= bit;
        if ((c | 0x20U) == 'l') ell |= bit;
        if ((c | 0x20U) == 'y') why |= bit;
    }
    m.ly = why & (ell << 1U);
#endif
    // "s" after an apostrophe (the possessive rules look nowhere else).
    for (std::uint64_t a = m.apos & ~(1ULL << 63U); a != 0; a &= a - 1) {
        const auto k = static_cast<unsigned>(std::countr_zero(a)) + 1;
        if ((p[k] | 0x20U) == 's') m.ess |= 1ULL << k;
    }
    return m;
}

/// Looks up the pure-ASCII word of `len` bytes at `p` (8 bytes past it must be readable) and
/// fills `t.lex` and `t.cls`.
inline void lookup_ascii(const unsigned char* p, std::size_t len, const lexicon& lex, const token& t) noexcept {
    if (len > max_word) {
        t.lex = -1;
        t.cls = 0;
        return;
    }
    std::uint64_t h = 0;
    if (len != 0 && len <= 8) {
        // Most words: one 8-byte load, hashed in a register.
        std::uint64_t v = 0;
        std::memcpy(&v, p, 8);
        h = hash_short_ascii(v, len);
    } else {
        char key[max_word + 16];
        // Lowercase: every in-word ASCII byte becomes lowercase with bit 5 set.
        for (std::size_t c = 0; c < len; c += 8) {
            std::uint64_t v = 0;
            std::memcpy(&v, p + c, 8);
            v |= 0x2020202020202020ULL;
            std::memcpy(key + c, &v, 8);
        }
        h = hash_key(key, len);
    }
    word_class cls = 0;
    t.lex = lex.find(h, cls);
    t.cls = cls;
}

/// `lookup_word` of a word longer than 8 bytes or among the last bytes of the text.
#if defined(__GNUC__)
__attribute__((noinline))
#endif
inline void lookup_word_rest(std::string_view text, const lexicon& lex, const token& t) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + t.begin;
    if (t.begin + t.length + 8 <= text.size() || t.length > max_word) {
        lookup_ascii(p, t.length, lex, t);
        return;
    }
    unsigned char buf[max_word + 16] = {};
    std::memcpy(buf, p, t.length);
    lookup_ascii(buf, t.length, lex, t);
}

/// `lookup_ascii` of the word `t` of `text` (a word of the tokenizer's ASCII fast path, left
/// with `lex_pending`): read in place when 8 bytes past it are inside `text`, else from a
/// padded copy (a word among the last bytes of the text). The common case, a word of 8 bytes
/// or less read in place, needs no stack frame: the rest is out of line.
inline void lookup_word(std::string_view text, const lexicon& lex, const token& t) noexcept {
    if (t.length - 1 < 8 && t.begin + t.length + 8 <= text.size()) [[likely]] {
        std::uint64_t v = 0;
        std::memcpy(&v, text.data() + t.begin, 8);
        word_class cls = 0;
        t.lex = lex.find(hash_short_ascii(v, t.length), cls);
        t.cls = cls;
        return;
    }
    lookup_word_rest(text, lex, t);
}

/// Number of set bits, inline on every target (std::popcount is a library call on baseline
/// x86-64, which has no POPCNT instruction).
[[nodiscard]] constexpr unsigned popcount64(std::uint64_t v) noexcept {
#if defined(__POPCNT__)
    return static_cast<unsigned>(std::popcount(v));
#else
    v -= (v >> 1U) & 0x5555555555555555ULL;
    v = (v & 0x3333333333333333ULL) + ((v >> 2U) & 0x3333333333333333ULL);
    v = (v + (v >> 4U)) & 0x0F0F0F0F0F0F0F0FULL;
    return static_cast<unsigned>((v * 0x0101010101010101ULL) >> 56U);
#endif
}

/// `std::countr_zero` of a nonzero value: one instruction where the compiler has a builtin
/// (std::countr_zero also handles 0, a test and a select more on baseline x86-64).
[[nodiscard]] inline unsigned ctz_nonzero(std::uint64_t v) noexcept {
    WHOSAID_ASSERT(v != 0);
#if defined(__GNUC__) || defined(__clang__)
    return static_cast<unsigned>(__builtin_ctzll(v));
#else
    return static_cast<unsigned>(std::countr_zero(v));
#endif
}

/// Bits [a, b) set (0 <= a <= b <= 64).
[[nodiscard]] constexpr std::uint64_t bit_range(unsigned a, unsigned b) noexcept {
    const std::uint64_t hi = b >= 64 ? ~0ULL : ((1ULL << b) - 1);
    const std::uint64_t lo = a >= 64 ? ~0ULL : ((1ULL << a) - 1);
    return hi & ~lo;
}

}  // namespace tok_detail

namespace scan_detail {

/// Case fold of a prefix: ASCII letters become lowercase (other bytes change consistently).
inline constexpr std::uint64_t fold_mask = 0x2020202020202020ULL;

/// The bit of `key` in the anchor filter (14 bits: 16 Ki bits, see `anchor_filter`).
[[nodiscard]] inline std::uint32_t bucket(std::uint64_t key) noexcept {
    return static_cast<std::uint32_t>((key * 0x9E3779B97F4A7C15ULL) >> 50U);
}

/// The folded prefix key at `p` (`avail` bytes readable): 4 bytes when the word starts with an
/// ASCII byte, 6 otherwise. Missing bytes at the end of the text read as spaces.
[[nodiscard]] inline std::uint64_t key_at(const unsigned char* p, std::size_t avail) noexcept {
    const std::size_t len = p[0] < 0x80U ? 4 : 6;
    std::uint64_t v = 0;
    if (avail >= 8) {
        std::memcpy(&v, p, 8);
    } else {
        unsigned char buf[8] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
        std::memcpy(buf, p, avail);
        std::memcpy(&v, buf, 8);
    }
    const std::uint64_t keep = len == 4 ? 0xFFFFFFFFULL : 0xFFFFFFFFFFFFULL;  // little-endian: the first bytes
    return ((v | fold_mask) & keep) ^ (len == 4 ? 0 : 1ULL << 63U);
}

}  // namespace scan_detail

/// Bitmap of the prefixes of anchor words: 16 Ki bits (2 KiB). The tokenizer reads it for
/// every word, and the rest of a text's analysis evicts it before the next text: a 64 Ki-bit
/// map (8 KiB) cost ~80 cache misses per BBC article. The English anchors set ~280 bits, so a
/// word whose prefix is no anchor's passes with odds below 2% (a false positive costs one
/// lexicon lookup in the runner, which checks `w_anchor`); 1 KiB passed 3.4%, more than its
/// fewer misses saved.
class anchor_filter {
public:
    anchor_filter() : bits_(1U << 8U, 0) {}

    /// Adds the lowercase UTF-8 word `w` (3 letters or more), in lowercase and capitalised form.
    void add(std::string_view w) {
        add_form(w);
        // The capitalised form ("According", "Сообщил"): ASCII is case-folded by the key, other
        // scripts are not.
        const utf8::codepoint first = utf8::decode(w, 0);
        if (first.valid && first.value >= 0x80) {
            std::string cap;
            char buf[4];
            cap.append(buf, utf8::encode(unicode::to_upper(first.value), buf));
            cap.append(w.substr(first.length));
            add_form(cap);
        }
    }

    /// The bitmap (lives as long as the filter), for a loop that keeps it in a register.
    [[nodiscard]] const std::uint64_t* bits() const noexcept { return bits_.data(); }
    /// `maybe` against a filter's bitmap `bits`, for a word that starts with an ASCII byte and
    /// has 8 readable bytes at `p`.
    [[nodiscard]] static bool maybe_ascii(const std::uint64_t* bits, const unsigned char* p) noexcept {
        std::uint64_t v = 0;
        std::memcpy(&v, p, 8);
        const std::uint32_t b = scan_detail::bucket((v | scan_detail::fold_mask) & 0xFFFFFFFFULL);
        return (bits[b >> 6U] >> (b & 63U) & 1U) != 0;
    }

private:
    void set(std::uint64_t key) {
        const std::uint32_t b = scan_detail::bucket(key);
        bits_[b >> 6U] |= 1ULL << (b & 63U);
    }

    void add_form(std::string_view w) {
        const auto* p = reinterpret_cast<const unsigned char*>(w.data());
        const std::size_t need = p[0] < 0x80U ? 4 : 6;
        if (w.size() >= need) {
            set(scan_detail::key_at(p, w.size()));
            return;
        }
        // A short word: its prefix ends with whatever follows it.
        static constexpr char followers[] = {' ', ',', '.', ':', ';', '!', '?', '"', '\'', ')', '-', '\n', '\r', '\t',
                                             '/', '\xE2', '\xC2'};
        for (const char f : followers) {
            std::string s(w);
            s += f;
            while (s.size() < need) s += ' ';
            set(scan_detail::key_at(reinterpret_cast<const unsigned char*>(s.data()), s.size()));
        }
    }

    std::vector<std::uint64_t> bits_;
};

/// An upper bound of the number of tokens `tokenize` makes of `text[begin, end)`, for reserving
/// the token vector once (no doubling: memory stays one token per token). Every token starts at
/// a code point that is not white space and not a letter or digit right after another; this
/// counts such code points, taking ASCII 64 bytes at a time. Linear, no allocation.
[[nodiscard]] inline std::size_t token_bound(std::string_view text, std::size_t begin, std::size_t end) noexcept {
    using namespace tok_detail;
    const std::size_t n = std::min(end, text.size());
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t count = 0;
    std::uint64_t prev_word = 0;  // 1 when the code point before i surely continues a word
    std::size_t i = begin;
    while (i < n) {
        if (i + 64 <= n) {
            // ASCII bytes by masks; a block with a few other bytes counts each of those as a
            // token start (a block of mostly other bytes takes the code point loop below).
            std::uint64_t alnum = 0;
            std::uint64_t space = 0;
            std::uint64_t high = 0;
#if WHOSAID_SSE2
            for (int q = 0; q < 4; ++q) {
                const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 16 * static_cast<unsigned>(q)));
                const __m128i low = _mm_or_si128(x, _mm_set1_epi8(0x20));
                const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
                                                     _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
                const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                                    _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
                const __m128i sp = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
                                                _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(8)),
                                                              _mm_cmplt_epi8(x, _mm_set1_epi8(14))));
                const unsigned sh = 16U * static_cast<unsigned>(q);
                alnum |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit))) & 0xFFFFU) << sh;
                space |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(sp)) & 0xFFFFU) << sh;
                high |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(x)) & 0xFFFFU) << sh;
            }
#else
            for (unsigned k = 0; k < 64; ++k) {
                const std::uint8_t c = ascii_class[p[i + k]];
                if ((c & c_alnum) != 0) alnum |= 1ULL << k;
                if ((c & c_space) != 0) space |= 1ULL << k;
                if (p[i + k] >= 0x80U) high |= 1ULL << k;
            }
#endif
            const std::size_t others = high == 0 ? 0 : popcount64(high);
            if (others <= 16) {
                const std::uint64_t starts = ~space & ~high & ~(alnum & ((alnum << 1U) | prev_word));
                count += static_cast<std::size_t>(popcount64(starts)) + others;
                prev_word = alnum >> 63U;
                i += 64;
                continue;
            }
            // Mostly other bytes: code point by code point up to the next block.
            const std::size_t stop = i + 64;
            while (i < stop) {
                const unsigned b = p[i];
                if (b < 0x80U) {
                    const std::uint8_t c = ascii_class[b];
                    const bool w = (c & c_alnum) != 0;
                    count += (w ? prev_word == 0 : (c & c_space) == 0) ? 1U : 0U;
                    prev_word = w ? 1 : 0;
                    ++i;
                    continue;
                }
                const utf8::codepoint cp = utf8::decode(text, i);
                const char32_t v = cp.value;
                const bool letter = cp.valid && ((v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) ||
                                                 (v >= 0x400 && v <= 0x481) || (v >= 0x48A && v <= 0x52F));
                count += letter && prev_word != 0 ? 0U : 1U;
                prev_word = letter ? 1 : 0;
                i += cp.length;
            }
            continue;
        }
        const unsigned b = p[i];
        if (b < 0x80U) {
            const std::uint8_t c = ascii_class[b];
            if ((c & c_alnum) != 0) {
                count += prev_word == 0 ? 1U : 0U;
                prev_word = 1;
            } else {
                count += (c & c_space) == 0 ? 1U : 0U;
                prev_word = 0;
            }
            ++i;
            continue;
        }
        const utf8::codepoint cp = utf8::decode(text, i);
        // Latin and Cyrillic letters are surely word characters; anything else may start a token.
        const char32_t v = cp.value;
        const bool letter = cp.valid && ((v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) || (v >= 0x400 && v <= 0x481) ||
                                         (v >= 0x48A && v <= 0x52F));
        count += letter && prev_word != 0 ? 0U : 1U;
        prev_word = letter ? 1 : 0;
        i += cp.length;
    }
    return count;
}

namespace tok_detail {
/// `tokenize`, with `lazy` and the presence of a cue filter as template parameters: the block
/// loop then tests neither per word (5 instructions of each word's ~100 on BBC).
template <bool Lazy, bool Cues>
WHOSAID_FLATTEN inline void tokenize_impl(std::string_view text, std::size_t begin, std::size_t end, std::uint16_t pending,
                                          const lexicon& lex, std::vector<token>& out, bool fast, const anchor_filter* cues) {
    const std::size_t n = std::min(end, text.size());
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    char key[max_word + 8] = {};
    std::size_t i = begin;
    const auto push = [&](token& t) {
        t.shape |= pending;
        pending = 0;
        out.push_back(t);
    };
    std::size_t fast_from = begin;  // the fast path is retried from here
    // (In a local: the token stores could alias the filter's vector, so a member would be
    // loaded again for every word.)
    const std::uint64_t* const cue_bits = Cues ? cues->bits() : nullptr;
    // The last bytes of the range (16 to 71 of them) are copied here, followed by spaces, so
    // that they take the fast path too: a text ends in such a tail, and the code point loop
    // costs about three times as much per token (a short record, a headline, is mostly tail:
    // extracting a 54-byte sentence now runs 13% fewer instructions; below 16 bytes the copy
    // costs more than it saves). White space past the end reads as the end does: no token
    // starts in it, no word or mark rule looks across it. A lazy tail word is looked up later
    // in the text itself (`lookup_word` copies a word that ends near the end of the text).
    // 80 bytes: a block reads 64, and an eager word's lookup up to 8 past a word that ends by
    // byte 60.
    unsigned char pad[80];
    while (i < n) {
        // Fast path: a pure ASCII block of 64 bytes, classified with bit masks; tokens that
        // start in its first 61 bytes (and words that end before byte 61) are emitted without
        // a branch per byte. Everything else takes the code point loop below. (Every rule looks
        // at most 3 bytes past a token's last byte: whether a mark or a dot continues a word,
        // whether an apostrophe starts a possessive. So the classes of bytes 0 to 60 are
        // exact.)
        if (fast && i >= fast_from && i + 16 <= n) {
            const bool tail = i + 72 > n;
            const unsigned char* blk = p + i;  // the block's bytes (at least 72 readable)
            if (tail) {
                std::memset(pad, ' ', sizeof pad);
                std::memcpy(pad, p + i, n - i);
                blk = pad;
            }
            const bool ascii = ascii64(blk);
            const block_masks m = ascii ? masks64(blk) : block_masks{};
            // A chain of possessive-like marks ("'s's'") needs the sequential rules: leave such
            // rare blocks, like non-ASCII ones, to the code point loop.
            const std::uint64_t pos_chain = m.apos & (m.ess >> 1U) & ~(m.alnum >> 2U);
            if (!ascii || (pos_chain & (pos_chain << 2U)) != 0) {
                fast_from = i + 64;
            } else {
                const std::size_t base = i;
                // The block starts at a token boundary: no open word reaches into it, so the
                // bytes before it count as outside every word.
                const std::uint64_t pos_raw = m.apos & (m.ess >> 1U) & ~(m.alnum >> 2U);
                // The "s" of a possessive ends its token: what follows it is no word's inside.
                const std::uint64_t a_sh1 = (m.alnum << 1U) & ~((pos_raw & (m.alnum << 1U)) << 2U);
                const std::uint64_t inner = (m.apos | m.hyph) & a_sh1 & (m.alnum >> 1U) & ~pos_raw;
                // "U.S": a dot between letters, another dot two bytes on, and a word start or a dot
                // two bytes back.
                const std::uint64_t dots = m.dot & a_sh1 & (m.alnum >> 1U) & (m.dot >> 2U) &
                                           (~((m.alnum | inner) << 2U) | (m.dot << 2U));
                std::uint64_t w = m.alnum | inner | dots;
                const std::uint64_t poss = pos_raw & a_sh1;
                w &= ~(poss << 1U);
                const std::uint64_t starts = w & ~(w << 1U);  // byte base-1 is never inside an open word
                const std::uint64_t ends = w & ~(w >> 1U);
                const std::uint64_t punct_bits = ~(w | m.space) & ~(poss << 1U);
                // A possessive right after a word belongs with it, also at byte 61 (the word then
                // ends at byte 60, so it is emitted here, and its "'s" by byte 62).
                std::uint64_t todo = ((starts | punct_bits) & bit_range(0, 61)) | (poss & bit_range(61, 62));
                // A word that may continue past the block (no end before byte 61) is left to the
                // next round. Tokens come in order and such a word ends past every other token of
                // `todo`, so only the last one can be such a word: without it the loop below emits
                // all of `todo` and needs no exit test.
                // (Selected by masks, not branched on: whether a block ends inside a word is data,
                // and mispredicted once in three blocks.)
                unsigned stop = 61;  // where the block's work ends
                if (todo != 0) {
                    const auto k = 63U - static_cast<unsigned>(std::countl_zero(todo));
                    const bool open = (punct_bits >> k & 1U) == 0 && (ends & bit_range(k, 61)) == 0;
                    const std::uint64_t open_mask = 0 - static_cast<std::uint64_t>(open);
                    stop = 61U ^ ((61U ^ k) & static_cast<unsigned>(open_mask));
                    todo &= ~((1ULL << k) & open_mask);
                }
                // Words with a digit or an uppercase letter after the first byte take the full
                // shape rules; the rest (lowercase or capitalised: nearly all) one branch. A word
                // says so at its last byte e: adding the odd bytes to `w` carries from each through
                // the rest of its run of word bytes into byte e + 1, which is no word byte (so the
                // carry stops there; a second odd byte of the run only sets itself). Bit e of
                // `odd_end` is then set exactly for the words with an odd byte. (Emitted words end
                // before byte 61: no carry is lost past bit 63.) No branch, no smearing loop.
                const std::uint64_t odd = ((m.upper & ~starts) | m.digit) & w;
                const std::uint64_t odd_end = ((w + odd) & ~w) >> 1U;
                // White space before a token, per block rather than per token: every byte between
                // two tokens of a block is white space (tokens cover the rest), so a token at k > 0
                // has space before it exactly when byte k-1 is white space, and a line break before
                // it when the run of white space ending at k-1 holds one: adding the line breaks
                // (which are white space) to `m.space` carries from each through the rest of its
                // run into the byte after the run, which is no white space, so the carry stops
                // there (a run's second break only clears itself). Before the block's first
                // token, `pending` (space bits only) says. The line breaks are set after the
                // loop, on the few tokens that have one.
                std::uint64_t space_before = m.space << 1U;
                std::uint64_t break_before = (m.space + m.brk) & ~m.space;
                static_assert(s_space_before == 64 && s_break_before == 128);
                const std::uint64_t first = todo & (0 - todo);
                space_before |= first & (0 - static_cast<std::uint64_t>(pending >> 6U & 1U));
                break_before |= first & (0 - static_cast<std::uint64_t>(pending >> 7U & 1U));
                if (todo != 0) pending = 0;
                const std::uint64_t emitted = todo;
                const std::size_t first_token = out.size();
                // The vector grows here, not in the token loop, and only when the block's tokens
                // do not fit: a caller's exact reservation (`token_bound`) is never exceeded. (Room
                // for 64 whenever fewer were left doubled a reservation made for a text that ends
                // in a block of few tokens: 80 MB of tokens for 1 MB of quotation marks.) A block has
                // at most 63 tokens: the exact count is needed only when less room is left.
                const std::size_t room = out.capacity() - out.size();
                if (room < 64) {
                    const std::size_t block_tokens = popcount64(todo);
                    if (room < block_tokens) out.reserve(std::max<std::size_t>(out.size() + block_tokens, out.capacity() * 2));
                }
                // The ends of the block's words, taken in order with their starts.
                std::uint64_t word_ends = ends;
                while (todo != 0) {
                    const auto k = static_cast<unsigned>(std::countr_zero(todo));
                    todo &= todo - 1;
                    const unsigned c = blk[k];
                    unsigned len = 1;
                    std::uint16_t shape = 0;
                    std::int32_t lx = -1;
                    if ((punct_bits >> k & 1U) != 0) {
                        // Punctuation, or the apostrophe of a possessive "'s".
                        if ((poss >> k & 1U) != 0) [[unlikely]] {
                            len = 2;
                            shape = s_possessive;
                        }
                    } else {
                        const auto e = ctz_nonzero(word_ends);
                        word_ends &= word_ends - 1;
                        len = e - k + 1;
                        if ((odd_end >> e & 1U) == 0) [[likely]] {
                            // A word's first byte is a letter or a digit, and of these exactly the
                            // uppercase letters have bit 5 clear. A single letter has no inner mark
                            // (one needs word bytes on both sides).
                            static_assert(s_cap == 0x20U >> 4U && s_single == 256);
                            shape = static_cast<std::uint16_t>(s_word | (((c & 0x20U) ^ 0x20U) >> 4U) | (static_cast<unsigned>(len == 1) << 8U));
                        } else {
                            // Bits [k, e]: e < 61, so the shift is in range.
                            const std::uint64_t lm = ((2ULL << e) - 1) & ~((1ULL << k) - 1);
                            const std::uint64_t up = m.upper & lm;
                            const std::uint64_t dg = m.digit & lm;
                            const std::uint64_t low = m.alnum & ~m.upper & ~m.digit & lm;
                            const std::uint64_t lt = up | low;
                            const bool one_letter = lt != 0 && (lt & (lt - 1)) == 0;
                            const bool two_letters = (lt & (lt - 1)) != 0;
                            shape = s_word;
                            if ((up & (lt & (~lt + 1))) != 0) shape |= s_cap;  // the first letter is uppercase
                            if (two_letters && up == lt) shape |= s_allcaps;
                            if ((up & (low << 1U)) != 0) shape |= s_innercap;
                            if (dg != 0) shape |= s_digit;
                            if (one_letter && len <= 4 && dg == 0) shape |= s_single;
                        }
                        // len in [4, max_word] as one unsigned compare.
                        if ((m.ly >> e & 1U) != 0 && len - 4 <= max_word - 4) shape |= s_ly;
                        if constexpr (Cues) {
                            shape = static_cast<std::uint16_t>(shape | ((anchor_filter::maybe_ascii(cue_bits, blk + k) & (len >= 3)) ? s_maybe_cue : 0U));
                        }
                        lx = lex_pending;
                    }
                    token t;
                    t.begin = base + k;
                    t.length = len;
                    t.cp = c;  // a possessive's first byte is its apostrophe
                    t.shape = static_cast<std::uint16_t>(shape | ((space_before >> k & 1U) << 6U));
                    if constexpr (Lazy) {
                        t.lex = lx;
                    } else if (lx != -1) {
                        lookup_ascii(blk + k, len, lex, t);
                    }
                    out.push_back(t);
                }
                for (std::uint64_t b = break_before & emitted; b != 0; b &= b - 1) {
                    const std::uint64_t before = emitted & ((b & (0 - b)) - 1);  // the block's tokens before it
                    out[first_token + popcount64(before)].shape |= s_break_before;
                }
                // The first byte after the block's last token.
                const unsigned last = emitted == 0 ? 0U : static_cast<unsigned>(out.back().end() - base);
                if (stop < last) stop = last;
                // White space after the last token (and a line break in it): bits, not branches
                // (stop == last leaves both clear).
                pending = static_cast<std::uint16_t>(pending | (static_cast<unsigned>(stop > last) << 6U) |
                                                     (static_cast<unsigned>((m.brk & bit_range(last, stop)) != 0) << 7U));
                i = base + stop;
                if (stop == 0) fast_from = i + 1;  // a long word at the block start: one scalar round
                continue;
            }
        }
        const unsigned b = p[i];
        utf8::codepoint cp{b, 1, true};
        bool is_word = false;
        if (b < 0x80U) {
            const std::uint8_t k = ascii_class[b];
            if ((k & c_space) != 0) {
                pending |= s_space_before;
                if ((k & c_break) != 0) pending |= s_break_before;
                ++i;
                continue;
            }
            is_word = (k & c_alnum) != 0;
        } else {
            cp = utf8::decode(text, i);
            if (cp.valid && unicode::is_space(cp.value)) {
                pending |= s_space_before;
                if (unicode::is_line_break(cp.value)) pending |= s_break_before;
                i += cp.length;
                continue;
            }
            is_word = cp.valid && unicode::is_word(cp.value);
        }
        if (!is_word) {
            token t;
            t.begin = i;
            t.length = cp.length;
            t.cp = cp.value;
            push(t);
            i += cp.length;
            continue;
        }
        // A word.
        const std::size_t start = i;
        std::size_t klen = 0;
        unsigned letters = 0;
        unsigned uppers = 0;
        bool first_upper = false;
        bool inner_cap = false;
        bool prev_lower = false;
        bool digit = false;
        const auto put = [&](char c) {
            if (klen < max_word) key[klen] = c;
            ++klen;
        };
        std::size_t j = i;
        while (j < n) {
            const unsigned c = p[j];
            if (c < 0x80U) {
                const std::uint8_t k = ascii_class[c];
                if ((k & c_alnum) != 0) {
                    if ((k & (c_upper | c_lower)) != 0) {
                        if (letters == 0) first_upper = (k & c_upper) != 0;
                        ++letters;
                        if ((k & c_upper) != 0) {
                            ++uppers;
                            inner_cap = inner_cap || prev_lower;
                        }
                        prev_lower = (k & c_lower) != 0;
                    } else {
                        digit = true;
                        prev_lower = false;
                    }
                    put(ascii_lower[c]);
                    ++j;
                    continue;
                }
                if ((c == '\'' || c == '-') && word_at(text, j + 1)) {
                    if (c == '\'' && lone_s_at(text, j + 1)) break;  // possessive
                    put(static_cast<char>(c));
                    ++j;
                    prev_lower = false;
                    continue;
                }
                // "U.S" / "a.m": a single letter, a dot, a letter, a dot.
                if (c == '.' && j + 2 < n && (ascii_class[p[j + 1]] & c_alnum) != 0 && p[j + 2] == '.' &&
                    (j - start == 1 || p[j - 2] == '.')) {
                    put('.');
                    ++j;
                    prev_lower = false;
                    continue;
                }
                break;
            }
            const utf8::codepoint w = utf8::decode(text, j);
            if (!w.valid) break;
            // ’ as an apostrophe inside a word. U+02BC is itself a word character (Lm): at the
            // start of a word it is a letter, or the word would be empty and never advance.
            if (j > start && (w.value == 0x2019 || w.value == 0x02BC)) {
                if (word_at(text, j + w.length)) {
                    if (lone_s_at(text, j + w.length)) break;
                    put('\'');
                    j += w.length;
                    prev_lower = false;
                    continue;
                }
                break;
            }
            if ((w.value == 0x2010 || w.value == 0x2011) && word_at(text, j + w.length)) {
                put('-');
                j += w.length;
                continue;
            }
            if (!unicode::is_word(w.value)) break;
            const unicode::category cat = unicode::category_of(w.value);
            if (cat == unicode::category::upper_letter || cat == unicode::category::lower_letter ||
                cat == unicode::category::other_letter) {
                const bool up = cat == unicode::category::upper_letter;
                if (letters == 0) first_upper = up;
                ++letters;
                if (up) {
                    ++uppers;
                    inner_cap = inner_cap || prev_lower;
                }
                prev_lower = cat == unicode::category::lower_letter;
            } else if (cat == unicode::category::digit) {
                digit = true;
                prev_lower = false;
            }
            char buf[4];
            const std::size_t len = utf8::encode(unicode::to_lower(w.value), buf);
            for (std::size_t k = 0; k < len; ++k) put(buf[k]);
            j += w.length;
        }
        if (j == start) j = start + cp.length;  // never an empty word: the loop always advances
        token t;
        t.begin = start;
        t.length = static_cast<std::uint32_t>(j - start);
        t.cp = cp.value;
        std::uint16_t shape = s_word;
        if (first_upper) shape |= s_cap;
        if (letters >= 2 && uppers == letters) shape |= s_allcaps;
        if (inner_cap) shape |= s_innercap;
        if (digit) shape |= s_digit;
        if (letters == 1 && j - start <= 4 && !digit) shape |= s_single;
        if (klen <= max_word) {
            const std::uint64_t h = hash_key(key, klen);
            if (klen > 3 && key[klen - 2] == 'l' && key[klen - 1] == 'y') shape |= s_ly;
            word_class cls = 0;
            t.lex = lex.find(h, cls);
            t.cls = cls;
            if (Cues && (t.cls & w_anchor) != 0) shape |= s_maybe_cue;
        }
        t.shape = shape;
        push(t);
        i = j;
        // A possessive "'s" / "’s" right after the word.
        if (i < n) {
            std::size_t alen = 0;
            if (p[i] == '\'') alen = 1;
            else if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x99) alen = 3;
            if (alen != 0 && lone_s_at(text, i + alen)) {
                token ps;
                ps.begin = i;
                ps.length = static_cast<std::uint32_t>(alen + 1);
                ps.cp = '\'';
                ps.shape = s_possessive;
                push(ps);
                i += alen + 1;
            }
        }
    }
}
}  // namespace tok_detail

/// Splits `text` into tokens (appended to `out`) and looks every word up in `lex`.
///
/// Words are runs of letters, digits and combining marks, with an inner apostrophe or hyphen
/// kept when a word character follows it ("O'Brien", "Tajik-Afghan"); "U.S" keeps its inner
/// dots; a possessive "'s" is a token of its own. Every other code point that is not white
/// space is a one-code-point punctuation token (bad bytes too, as U+FFFD of length 1). A token
/// after a line break has `s_break_before`: every non-blank line is a paragraph (the
/// `for_each_paragraph` definition), and the tokens of paragraph k + 1 start at the k-th token
/// after the first with that bit. Linear; ASCII takes a table-driven fast path.
///
/// The range form tokenizes `text[begin, end)` only (offsets stay relative to `text`); `pending`
/// holds the space bits of the first token. With `lazy`, the words of the ASCII fast path are
/// left with `lex == lex_pending` for the caller to look up on use (`lookup_word`);
/// `fast = false` disables the fast path (tests compare both). `out` grows by doubling, and
/// never past a reservation of `token_bound` tokens, which a caller that cares about memory
/// makes first.
inline void tokenize(std::string_view text, std::size_t begin, std::size_t end, std::uint16_t pending, const lexicon& lex,
                     std::vector<token>& out, bool lazy = false, bool fast = true, const anchor_filter* cues = nullptr) {
    if (lazy) {
        if (cues != nullptr) tok_detail::tokenize_impl<true, true>(text, begin, end, pending, lex, out, fast, cues);
        else tok_detail::tokenize_impl<true, false>(text, begin, end, pending, lex, out, fast, cues);
    } else {
        if (cues != nullptr) tok_detail::tokenize_impl<false, true>(text, begin, end, pending, lex, out, fast, cues);
        else tok_detail::tokenize_impl<false, false>(text, begin, end, pending, lex, out, fast, cues);
    }
}

/// Tokenizes the whole of `text`.
inline void tokenize(std::string_view text, const lexicon& lex, std::vector<token>& out) {
    tokenize(text, 0, text.size(), s_space_before | s_break_before, lex, out);
}

}  // namespace detail::attr

WHOSAID_END_NAMESPACE
