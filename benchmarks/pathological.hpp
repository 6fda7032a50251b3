// SPDX-License-Identifier: MIT
// Generators of pathological inputs, shared by benchmarks/pathological.cpp (time per MB at 2, 20
// and 200 MB) and tests/test_pathological.cpp (correctness at 1-2 MB). Deterministic: the same
// kind and size always give the same bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid_pathological {

/// The kinds of input, in the order they are reported.
enum class kind : std::uint8_t {
    straight_quotes,  ///< `"` only.
    guillemets,       ///< `«` only.
    no_space,         ///< Words, marks and stops with no space and no line break at all.
    one_line,         ///< News text (the sample corpus) as a single line: no line break.
    nested,           ///< Quotations nested 10,000 deep (several mark styles), repeatedly.
    nul_bytes,        ///< News text with NUL bytes between and inside words.
    random_bytes,     ///< Uniformly random bytes: mostly invalid UTF-8 (use the replace policy).
    long_quote,       ///< Quotations of 20,000 sentences, each sentence with a quotation nested in it.
};

inline constexpr kind all_kinds[] = {kind::straight_quotes, kind::guillemets, kind::no_space, kind::one_line,
                                     kind::nested,          kind::nul_bytes,  kind::random_bytes, kind::long_quote};

[[nodiscard]] constexpr std::string_view name(kind k) noexcept {
    switch (k) {
        case kind::straight_quotes: return "quotes-only";
        case kind::guillemets: return "guillemets-only";
        case kind::no_space: return "no-space";
        case kind::one_line: return "one-line";
        case kind::nested: return "nested-10000";
        case kind::nul_bytes: return "nul-bytes";
        case kind::random_bytes: return "random-bytes";
        case kind::long_quote: return "long-quote";
    }
    return "?";
}

/// True when the kind is valid UTF-8 (all but random bytes).
[[nodiscard]] constexpr bool valid_utf8(kind k) noexcept { return k != kind::random_bytes; }

namespace detail {

/// splitmix64: a tiny, fast, well-mixed deterministic generator.
struct rng {
    std::uint64_t state;
    std::uint64_t next() noexcept {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
};

/// `unit` repeated to `size` bytes, cut back to a whole number of units.
inline std::string repeat(std::string_view unit, std::size_t size) {
    std::string out;
    out.reserve(size);
    while (out.size() + unit.size() <= size) out.append(unit);
    return out;
}

/// Cuts `s` back to at most `size` bytes, at a UTF-8 code point boundary.
inline void cut(std::string& s, std::size_t size) {
    if (s.size() <= size) return;
    std::size_t n = size;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0U) == 0x80U) --n;
    s.resize(n);
}

/// `unit` repeated past `size` bytes, then cut back to `size` at a code point boundary (the last
/// copy may be partial, unlike `repeat`).
inline std::string fill(std::string_view unit, std::size_t size) {
    std::string out;
    out.reserve(size + unit.size());
    while (out.size() < size) out.append(unit);
    cut(out, size);
    return out;
}

}  // namespace detail

/// `size` bytes (a few less for multi-byte units) of kind `k`. `news` is ordinary text (the sample
/// corpus) used by the kinds built from real text; it must not be empty.
inline std::string make(kind k, std::size_t size, std::string_view news) {
    switch (k) {
        case kind::straight_quotes: return detail::repeat("\"", size);
        case kind::guillemets: return detail::repeat("\xC2\xAB", size);
        case kind::no_space: {
            // Words glued with every kind of mark and stop: nothing for a scanner to rest on.
            static constexpr std::string_view atoms[] = {
                "word",  "Mr.",  "U.S.",  "said",  "\"",  "'",     "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB",
                "\xC2\xBB", ".", "?!",   "...",   ",",   "\xE2\x80\x94", "\xE2\x80\x99", "(",  ")",
                "\xD0\xA1\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE", "A.", "1.5", ":", "\xE2\x80\xA6"};
            detail::rng r{42};
            std::string out;
            out.reserve(size + 16);
            while (out.size() < size) out.append(atoms[r.next() % std::size(atoms)]);
            detail::cut(out, size);
            return out;
        }
        case kind::one_line: {
            std::string line;
            line.reserve(news.size());
            for (char c : news) line.push_back(c == '\n' || c == '\r' ? ' ' : c);
            line.push_back(' ');
            return detail::fill(line, size);
        }
        case kind::nested: {
            // 10,000 openers of five styles, a word, the matching closers, a stop; on one line.
            static constexpr std::string_view open[] = {"\"", "\xC2\xAB", "\xE2\x80\x9C", "\xE2\x80\x98", "\xE2\x80\x9E"};
            static constexpr std::string_view close[] = {"\"", "\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\x9C"};
            std::string block;
            for (std::size_t d = 0; d < 10000; ++d) block.append(open[d % 5]).append(d % 7 == 0 ? "a " : "");
            block.append("deep");
            for (std::size_t d = 10000; d-- > 0;) block.append(d % 7 == 0 ? " b" : "").append(close[d % 5]);
            block.append(", he said. ");
            return detail::fill(block, size);
        }
        case kind::nul_bytes: {
            std::string unit;
            unit.reserve(news.size() * 2);
            std::size_t count = 0;
            for (char c : news) {
                unit.push_back(c);
                if (c == ' ' || (++count % 5 == 0 && static_cast<unsigned char>(c) < 0x80U)) unit.push_back('\0');
            }
            return detail::fill(unit, size);
        }
        case kind::long_quote: {
            // “He said ‘yes 0’ now. He said ‘yes 1’ now. … ” the minister said. (Some 640 KB a
            // block: a top-level quotation that fills most of an attribution window.)
            std::string block = "\xE2\x80\x9C";
            for (std::size_t n = 0; n < 20000; ++n) block.append("He said \xE2\x80\x98yes ").append(std::to_string(n)).append("\xE2\x80\x99 now. ");
            block.append("\xE2\x80\x9D the minister said.\n");
            return detail::fill(block, size);
        }
        case kind::random_bytes: {
            detail::rng r{7};
            std::string out(size, '\0');
            for (std::size_t i = 0; i < size; i += 8) {
                const std::uint64_t v = r.next();
                for (std::size_t b = 0; b < 8 && i + b < size; ++b) out[i + b] = static_cast<char>((v >> (8U * b)) & 0xFFU);
            }
            return out;
        }
    }
    return {};
}

}  // namespace whosaid_pathological
