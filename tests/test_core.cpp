// SPDX-License-Identifier: MIT
#include "test_support.hpp"

#include <whosaid/whosaid.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>

int odr_a_value();  // odr_a.cpp and odr_b.cpp include the umbrella header in two TUs
int odr_b_value();

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_core {

using namespace std::string_view_literals;

TEST_CASE("core: text_span is a trivially copyable byte range", "[core]") {
    STATIC_REQUIRE(std::is_trivially_copyable_v<whosaid::text_span>);
    constexpr whosaid::text_span s{2, 5};
    STATIC_REQUIRE(s.size() == 3);
    CHECK(s.contains(2));
    CHECK_FALSE(s.contains(5));
    CHECK(s.contains(whosaid::text_span{3, 5}));
    CHECK(s.overlap({4, 10}) == 1);
    CHECK(s.overlap({5, 10}) == 0);
    CHECK(whosaid::text_span{7, 3}.empty());
    CHECK(whosaid::text_span{7, 3}.size() == 0);
}

TEST_CASE("core: view_of clamps spans to the text", "[core]") {
    const std::string text = "Hello world";
    CHECK(whosaid::view_of(text, {6, 11}) == "world");
    CHECK(whosaid::view_of(text, {6, 100}) == "world");
    CHECK(whosaid::view_of(text, {100, 200}).empty());
    CHECK(whosaid::view_of(text, {8, 3}).empty());
}

TEST_CASE("core: result holds a value or an error", "[core]") {
    whosaid::result<int> good = 42;
    REQUIRE(good);
    CHECK(*good == 42);
    CHECK(good.value() == 42);
    CHECK(good.error().code == whosaid::errc::ok);

    whosaid::result<int> bad = whosaid::error{whosaid::errc::invalid_utf8, 4, 0xFF};
    CHECK_FALSE(bad);
    CHECK(bad.error().offset == 4);
    CHECK(bad.value_or(7) == 7);
    CHECK_THROWS_WITH(bad.value(), "[whosaid.invalid_utf8] invalid UTF-8 at byte 4 (0xFF)");
    try {
        (void)bad.value();
    } catch (const whosaid::error_exception& e) {
        CHECK(e.error().code == whosaid::errc::invalid_utf8);
    }
}

TEST_CASE("core: language codes", "[core]") {
    CHECK(whosaid::language_from_code("en") == whosaid::language::en);
    CHECK(whosaid::language_from_code("RU") == whosaid::language::ru);
    CHECK_FALSE(whosaid::language_from_code("de"));
    CHECK_FALSE(whosaid::language_from_code(""));
    CHECK(whosaid::to_string(whosaid::language::ru) == "ru");
}

TEST_CASE("core: the umbrella header links from two translation units", "[core]") {
    CHECK(odr_a_value() == odr_b_value());
}

namespace {

/// Random texts from pieces that hold every byte of both scanners' sets and their neighbours
/// (tab, 0x0E, 0x7F, 0x80, continuation bytes, the zero byte) and the bytes their loose masks
/// report besides (# & / > and the control bytes), checked against the byte loop.
template <whosaid::detail::byte_set Set>
void check_block_masks() {
    const std::string_view pieces[] = {"a",  " ",  "\t", "\n", "\r", "\v", "\f", "\x0E", "\x09", ".",  "!",   "?",
                                       "\"", "'",  "`",  "word ", "The quick brown fox", "\x7F", std::string_view("\0", 1),
                                       "£",  "«",  "»",  "“",  "”",  "’",  "…",  "。",   "！",   "؟",   "।",   "Ж",
                                       "\x80", "\xC2", "\xFF", "—", "#", "&", "/", ">", "$", "%", "-", "\x01", "g", "c", "e", "x", "Ф"};
    whosaid_test::lcg next{987654321};
    for (int round = 0; round < 500; ++round) {
        std::string text;
        const std::size_t len = next() % 300;
        // Even rounds: mostly plain words, so that many blocks hold none of the bytes.
        for (std::size_t k = 0; k < len; ++k) text += round % 2 == 0 && next() % 4 != 0 ? pieces[15] : pieces[next() % std::size(pieces)];
        INFO("round " << round);
        // One block: SSE2 (where available) against the byte loop.
        for (std::size_t at = 0; at + 64 <= text.size(); at += 1 + next() % 40) {
            CHECK(whosaid::detail::block_mask<Set>(text.data() + at) ==
                  whosaid::detail::block_mask_bytes<Set>(text.data() + at, 64));
        }
        // The cursor: forward steps, repeats and jumps back, against a linear search.
        whosaid::detail::block_cursor<Set> cursor(text);
        const auto linear = [&](std::size_t i) {
            while (i < text.size() && !Set.reports(static_cast<unsigned char>(text[i]))) ++i;
            return std::min(i, text.size());
        };
        std::size_t i = 0;
        for (int step = 0; step < 200 && i <= text.size(); ++step) {
            const std::size_t expected = linear(i);
            REQUIRE(cursor.next(i) == expected);
            switch (next() % 4) {
                case 0: i = next() % (text.size() + 1); break;  // anywhere, also behind
                case 1: break;                                   // the same position again
                default: i = expected + 1 + next() % 3; break;   // on past the byte found
            }
        }
    }
}

}  // namespace

TEST_CASE("core: the scanners' block masks agree with a byte loop", "[core]") {
    // Internal: the skips of the sentence splitter and the quote detector find their next byte
    // through 64-byte block masks; they must find exactly the bytes their sets report.
    check_block_masks<whosaid::detail::sentence_stops>();
    check_block_masks<whosaid::detail::quote_candidates>();
    // An exact set (the paragraph splitter's), and an exact and a loose set of letters.
    check_block_masks<whosaid::detail::line_break_leads>();
    constexpr whosaid::detail::byte_set exact{{'a', 'g', 'x'}, false, {0xD0, 0, 0, 0, 0, 0}};
    constexpr whosaid::detail::byte_set loose{{'a', 'g', 'x'}, false, {0xD0, 0, 0, 0, 0, 0}, true};
    check_block_masks<exact>();
    check_block_masks<loose>();
    // The sets are the scanners' tables; a loose set reports only a few bytes more (each one
    // the scanner steps over), and never a byte >= 0x80 outside it.
    const auto reported_extras = [](const whosaid::detail::byte_set& set) {
        std::string extras;
        for (unsigned c = 0; c < 256; ++c) {
            const auto b = static_cast<unsigned char>(c);
            CHECK((!set.contains(b) || set.reports(b)));
            if (set.reports(b) && !set.contains(b)) extras += static_cast<char>(b);
        }
        return extras;
    };
    CHECK(reported_extras(whosaid::detail::sentence_stops) == std::string("\0\x01\x02\x03\x04\x05\x06\x07\x08\t/>", 12));
    CHECK(reported_extras(whosaid::detail::quote_candidates) == std::string("\0\x01\x02\x03\x04\x05\x06\x07\x08\t#&", 12));
    CHECK(reported_extras(whosaid::detail::line_break_leads).empty());
    CHECK(reported_extras(exact).empty());
    CHECK(reported_extras(loose) == "ce");  // a and g differ in two bits (0x61, 0x67): also 0x63, 0x65
    for (unsigned c = 0; c < 256; ++c) {
        const auto b = static_cast<unsigned char>(c);
        CHECK(whosaid::detail::sentence_stops.contains(b) == ((whosaid::detail::sentence_stop_bytes[c] & 1U) != 0));
        CHECK(whosaid::detail::quote_candidates.contains(b) == whosaid::detail::candidate_byte[c]);
    }
}

namespace {

/// The paragraph definition read one code point at a time (what `for_each_paragraph` computed
/// before it skipped to line-break candidates through block masks): the reference it must match.
std::vector<whosaid::text_span> paragraphs_by_code_point(std::string_view text) {
    std::vector<whosaid::text_span> out;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        std::size_t start = i;
        while (start < n) {
            const auto cp = whosaid::utf8::decode(text, start);
            if (!cp.valid || !whosaid::unicode::is_space(cp.value)) break;
            start += cp.length;
        }
        if (start >= n) break;
        std::size_t end = start;
        std::size_t last_non_space = start;
        while (end < n) {
            const auto cp = whosaid::utf8::decode(text, end);
            if (cp.valid && whosaid::unicode::is_line_break(cp.value)) break;
            end += cp.length;
            if (!cp.valid || !whosaid::unicode::is_space(cp.value)) last_non_space = end;
        }
        out.push_back({start, last_non_space});
        i = end;
    }
    return out;
}

}  // namespace

TEST_CASE("core: for_each_paragraph agrees with a code point loop on random text", "[core]") {
    // Pieces that matter to the definition: every line break (NEL, U+2028/9 too), white space
    // of every width, invalid and truncated sequences, lead bytes of breaks in other code points
    // (U+201C, U+00E9, U+2026), letters; texts long enough for several 64-byte blocks.
    const std::string_view pieces[] = {"a",   "word ", " ",   "\t",  "\n",  "\r",  "\r\n", "\x0B", "\x0C",
                                       "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\xA0", "\xE2\x80\x83",
                                       "\xE3\x80\x80", "\xE2\x80\xAF", "\xE2\x80\x9C", "\xC3\xA9", "\xE2\x80\xA6",
                                       "\xC2", "\xE2\x80", "\x80", "\xFF", "\xE2", std::string_view("\0", 1), "\x1C", ".", "Long words of text, "};
    std::uint64_t state = 12345;
    const auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33U);
    };
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const std::size_t count = next() % (round % 10 == 0 ? 400 : 40);
        for (std::size_t k = 0; k < count; ++k) text += pieces[next() % std::size(pieces)];
        INFO("round " << round);
        REQUIRE(whosaid::split_paragraphs(text) == paragraphs_by_code_point(text));
    }
    // Fixed cases at block edges: a break as the 64th byte, a space code point across two blocks.
    for (std::size_t pad = 55; pad < 70; ++pad) {
        for (const std::string_view tail : {"\n", "\xC2\x85", "\xE2\x80\xA8", " \xC2\xA0", "\xE3\x80\x80x", "\xE2\x80"}) {
            const std::string text = std::string(pad, 'x') + std::string(tail) + "y z";
            CHECK(whosaid::split_paragraphs(text) == paragraphs_by_code_point(text));
        }
    }
}

}  // namespace test_core
