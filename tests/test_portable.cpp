// SPDX-License-Identifier: MIT
// The portable byte loops (WHOSAID_NO_SIMD, built in portable.cpp) against the SSE2 scanners:
// sentences, quotations, tokens and speakers must come out the same, byte for byte, on the
// sample corpus and on generated text that puts every kind of mark at every offset of a block.
// On x86-64 the portable loops are otherwise compiled by nothing.

#include "digest.hpp"
#include "test_support.hpp"

#include <whosaid/whosaid.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace whosaid_test {
std::string portable_digest(std::string_view text, bool russian, bool replace_invalid);
}  // namespace whosaid_test

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_portable {

namespace {

static_assert(std::is_same_v<whosaid::extractor, whosaid::v0::extractor>);

// The two builds' digests of `text`, compared under every language and policy.
void check_same(std::string_view text) {
    for (const bool russian : {false, true}) {
        for (const bool replace : {false, true}) {
            const std::string simd = whosaid_test::extract_digest<whosaid::extractor>(text, russian, replace);
            const std::string portable = whosaid_test::portable_digest(text, russian, replace);
            INFO("text (" << text.size() << " bytes): " << text);
            INFO("lang " << (russian ? "ru" : "en") << ", " << (replace ? "replace" : "reject"));
            REQUIRE(simd == portable);
        }
    }
}

// Pieces of news text: words of every shape, every quotation mark, cues, names, titles,
// abbreviations, numbers, Cyrillic, line breaks, and (rarely) a byte that is not UTF-8.
constexpr std::array<std::string_view, 64> pieces = {
    "said",     "says",      "told",       "according to", "added",    "that",     "he",        "she",
    "The",      "the",       "minister",   "Sergei",       "Aleinik",  "Mr.",      "U.S.",      "Dr.",
    "BBC's",    "don't",     "2023",       "3.5",          "1,200",    "McDonald", "iPhone",    "NATO",
    "\"",       "\"",        "'",          "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x98",
    "\xE2\x80\x99", "\xE2\x80\x9E", ",",   ".",            ".",        "?",        "!",         ":",
    ";",        "(",         ")",          "\n",           "\n\n",     "\n\xE2\x80\x94 ", "\xE2\x80\x94", "-",
    "\xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB",  // сказал
    "\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80",  // Министр
    "\xD0\xBF\xD0\xBE \xD1\x81\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBC",  // по словам
    "\xD0\x98.",  // И.
    "a",        "I",         "It",         "was",          "Putin",    "spokesman", "Tuesday",  "\t",
    "supercalifragilisticexpialidocious", "e.g.", "...", "\xF0\x9F\x98\x80"};

}  // namespace

TEST_CASE("portable scanners: the sample corpus reads the same as with SSE2", "[portable]") {
    for (const auto& path : whosaid_test::sample_paths()) check_same(whosaid_test::read_file(path));
}

TEST_CASE("portable scanners: generated news-like text reads the same as with SSE2", "[portable]") {
    whosaid_test::lcg rng{20261206};
    for (int n = 0; n < 300; ++n) {
        std::string text;
        const std::size_t words = rng() % 180;
        for (std::size_t w = 0; w < words; ++w) {
            if (rng() % 200 == 0) {
                text += '\xFF';  // invalid UTF-8: rejected, or one U+FFFD under `replace`
            } else {
                text += pieces[rng() % pieces.size()];
            }
            if (rng() % 4 != 0) text += ' ';
        }
        check_same(text);
    }
}

TEST_CASE("portable scanners: a quotation and its cue at every offset of a block", "[portable]") {
    // 0..140 bytes before it move each mark and word across the 16- and 64-byte blocks, and the
    // text's end across the padded tail.
    constexpr std::string_view sentence =
        "\"We will not stop,\" the minister said. \xC2\xABTo\xD1\x87\xD0\xBD\xD0\xBE\xC2\xBB, "
        "said Sergei Aleinik: \xE2\x80\x9CYes.\xE2\x80\x9D He told reporters that it was 'fine'.";
    for (std::size_t pad = 0; pad <= 140; ++pad) {
        check_same(std::string(pad, 'x') + " " + std::string(sentence));
        check_same(std::string(sentence).substr(0, pad % sentence.size()));
    }
}

}  // namespace test_portable
