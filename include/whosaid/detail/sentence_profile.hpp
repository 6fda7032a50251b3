// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// The shape of a sentence-splitting language profile: abbreviation kinds, the sorted word
/// tables a profile is made of, and the compile-time helpers that build and check them.
/// A new language is one more data header filling a `sentence_profile`, not new code.

#include "whosaid/config.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

WHOSAID_BEGIN_NAMESPACE

namespace detail {

/// How an abbreviation (a word written with a final period) behaves before the next word.
enum class abbreviation_kind : std::uint8_t {
    /// Never ends a sentence: a prepositive title or a connective ("Mr. Smith", "Mt. Fuji",
    /// "e.g. a hat", "Roe v. Wade", "г. Волгоград", "т.е.").
    title,
    /// No sentence end before a number ("p. 55", "No. 5", "Jan. 20", "N°. 1026", "кв. 234");
    /// before anything else it is an ordinary word ("She said no. Definitely not.").
    before_number,
    /// May end a sentence, and does so only when the next word is a common sentence starter
    /// ("Co. It closed", "and co. They", "the U.S. How") or stands on the next line; a
    /// capitalised word that is not a starter continues the sentence ("the U.S. Government").
    ambiguous,
    /// A clock-time suffix ("a.m.", "P.M."): ends a sentence before any capitalised word
    /// except a weekday, a month or a time zone ("6 p.m. Friday", "8 p.m. GMT").
    time,
};

/// One abbreviation: lower case, without its final period, inner periods kept ("e.g").
struct abbreviation {
    std::string_view word;
    abbreviation_kind kind = abbreviation_kind::ambiguous;
};

/// A 4096-bit filter over the abbreviations of a table, keyed by the byte length, first byte and
/// last byte of a lower-case word: a word whose bit is clear is no abbreviation of the table,
/// so most words before a period need neither a binary search nor, when ASCII, lower-casing.
/// A default filter lets every word through (a profile without one is only slower).
struct abbreviation_filter {
    std::array<std::uint64_t, 64> bits = [] {
        std::array<std::uint64_t, 64> all{};
        all.fill(~std::uint64_t{0});
        return all;
    }();

    /// The bit of a lower-case word of `length` bytes starting with `first`, ending with `last`.
    [[nodiscard]] static constexpr std::uint32_t slot(std::size_t length, unsigned char first, unsigned char last) noexcept {
        const std::uint32_t key = (std::uint32_t{first} << 16U) | (std::uint32_t{last} << 8U) |
                                  static_cast<std::uint32_t>(length & 0xFFU);
        return (key * 0x9E3779B1U) >> 20U;
    }

    /// False when no word of the table has this length, first and last byte.
    [[nodiscard]] constexpr bool may_hold(std::size_t length, unsigned char first, unsigned char last) const noexcept {
        const std::uint32_t s = slot(length, first, last);
        return ((bits[s >> 6U] >> (s & 63U)) & 1U) != 0;
    }
};

/// The data the sentence splitter needs for one language. Every table is sorted (byte order)
/// and holds lower-case UTF-8 words; the helpers below build them sorted at compile time.
struct sentence_profile {
    std::span<const abbreviation> abbreviations;   ///< Known abbreviations and their kind.
    std::span<const std::string_view> starters;    ///< Words that commonly begin a sentence.
    std::span<const std::string_view> prepositions;  ///< Words that begin a prepositional phrase.
    std::span<const std::string_view> time_followers;  ///< Capitalised words that follow a clock time.
    std::span<const std::string_view> pronoun_letters;  ///< One-letter words that are not initials ("i").
    std::size_t longest_abbreviation = 0;  ///< Bytes of the longest abbreviation (a lookup shortcut).
    abbreviation_filter abbreviation_bits{};  ///< `make_abbreviation_filter(abbreviations)` (a lookup shortcut).
};

/// A sorted array of words, built at compile time: `word_list("mr", "dr", ...)`.
template <class... S>
[[nodiscard]] constexpr auto word_list(S... words) {
    std::array<std::string_view, sizeof...(S)> a{std::string_view(words)...};
    std::sort(a.begin(), a.end());
    return a;
}

/// One abbreviation table from four word lists, one per kind, sorted by word.
template <std::size_t A, std::size_t B, std::size_t C, std::size_t D>
[[nodiscard]] constexpr std::array<abbreviation, A + B + C + D> make_abbreviation_table(
    const std::array<std::string_view, A>& titles, const std::array<std::string_view, B>& before_number,
    const std::array<std::string_view, C>& ambiguous, const std::array<std::string_view, D>& time) {
    std::array<abbreviation, A + B + C + D> t{};
    std::size_t k = 0;
    for (const std::string_view w : titles) t[k++] = {w, abbreviation_kind::title};
    for (const std::string_view w : before_number) t[k++] = {w, abbreviation_kind::before_number};
    for (const std::string_view w : ambiguous) t[k++] = {w, abbreviation_kind::ambiguous};
    for (const std::string_view w : time) t[k++] = {w, abbreviation_kind::time};
    std::sort(t.begin(), t.end(), [](const abbreviation& x, const abbreviation& y) { return x.word < y.word; });
    return t;
}

/// True when a sorted word table holds no word twice and no empty word (checked by
/// static_assert in the data headers).
template <std::size_t N>
[[nodiscard]] constexpr bool is_strictly_sorted(const std::array<std::string_view, N>& a) {
    for (std::size_t k = 0; k < N; ++k) {
        if (a[k].empty() || (k > 0 && !(a[k - 1] < a[k]))) return false;
    }
    return true;
}

/// The same check for an abbreviation table.
template <std::size_t N>
[[nodiscard]] constexpr bool is_strictly_sorted(const std::array<abbreviation, N>& a) {
    for (std::size_t k = 0; k < N; ++k) {
        if (a[k].word.empty() || (k > 0 && !(a[k - 1].word < a[k].word))) return false;
    }
    return true;
}

/// Bytes of the longest word in an abbreviation table.
template <std::size_t N>
[[nodiscard]] constexpr std::size_t longest_word(const std::array<abbreviation, N>& a) {
    std::size_t m = 0;
    for (const abbreviation& x : a) m = x.word.size() > m ? x.word.size() : m;
    return m;
}

/// The filter of an abbreviation table (see `abbreviation_filter`).
template <std::size_t N>
[[nodiscard]] constexpr abbreviation_filter make_abbreviation_filter(const std::array<abbreviation, N>& a) {
    abbreviation_filter f;
    f.bits.fill(0);
    for (const abbreviation& x : a) {
        if (x.word.empty()) continue;
        const std::uint32_t s = abbreviation_filter::slot(x.word.size(), static_cast<unsigned char>(x.word.front()),
                                                          static_cast<unsigned char>(x.word.back()));
        f.bits[s >> 6U] |= std::uint64_t{1} << (s & 63U);
    }
    return f;
}

/// The entry for `word` (lower case, no final period), or nullptr.
[[nodiscard]] constexpr const abbreviation* find_abbreviation(std::span<const abbreviation> table,
                                                              std::string_view word) noexcept {
    const auto it = std::lower_bound(table.begin(), table.end(), word,
                                     [](const abbreviation& a, std::string_view w) { return a.word < w; });
    return (it != table.end() && it->word == word) ? &*it : nullptr;
}

/// True when the sorted `table` holds `word`.
[[nodiscard]] constexpr bool contains_word(std::span<const std::string_view> table, std::string_view word) noexcept {
    return std::binary_search(table.begin(), table.end(), word);
}

}  // namespace detail

WHOSAID_END_NAMESPACE
