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
/// (tab, 0x0E, 0x7F, 0x80, continuation bytes, the zero byte), checked against the byte loop.
template <whosaid::detail::byte_set Set>
void check_block_masks() {
    const std::string_view pieces[] = {"a",  " ",  "\t", "\n", "\r", "\v", "\f", "\x0E", "\x09", ".",  "!",   "?",
                                       "\"", "'",  "`",  "word ", "The quick brown fox", "\x7F", std::string_view("\0", 1),
                                       "£",  "«",  "»",  "“",  "”",  "’",  "…",  "。",   "！",   "؟",   "।",   "Ж",
                                       "\x80", "\xC2", "\xFF", "—"};
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
            while (i < text.size() && !Set.contains(static_cast<unsigned char>(text[i]))) ++i;
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
    // through 64-byte block masks; they must find exactly the bytes of their tables.
    check_block_masks<whosaid::detail::sentence_stops>();
    check_block_masks<whosaid::detail::quote_candidates>();
    // The sets are the scanners' tables.
    for (unsigned c = 0; c < 256; ++c) {
        const auto b = static_cast<unsigned char>(c);
        CHECK(whosaid::detail::sentence_stops.contains(b) == ((whosaid::detail::sentence_stop_bytes[c] & 1U) != 0));
        CHECK(whosaid::detail::quote_candidates.contains(b) == whosaid::detail::candidate_byte[c]);
    }
}
