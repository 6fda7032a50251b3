// SPDX-License-Identifier: MIT
// quote-dump's JSON string reading and writing (examples/quote_dump): the eight-bytes-at-a-time
// scan for the bytes that need attention must stop exactly where a byte loop would.
#include "../examples/quote_dump/jsonl_record.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>

namespace {

std::size_t skip_plain_bytewise(std::string_view s, std::size_t i, bool escape) {
    for (; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\' || (escape && (c < 0x20U || c >= 0x7FU))) return i;
    }
    return s.size();
}

}  // namespace

TEST_CASE("quote-dump JSON: skip_plain stops where a byte loop stops", "[quote_dump]") {
    SECTION("every byte value, at every offset of a word") {
        for (unsigned b = 0; b < 256; ++b) {
            for (std::size_t at = 0; at < 19; ++at) {
                std::string s(19, 'a');
                s[at] = static_cast<char>(b);
                for (const bool escape : {false, true}) {
                    for (std::size_t from = 0; from <= s.size(); ++from) {
                        INFO("byte " << b << " at " << at << " from " << from << " escape " << escape);
                        REQUIRE(quote_dump::detail::skip_plain(s, from, escape) == skip_plain_bytewise(s, from, escape));
                    }
                }
            }
        }
    }
    SECTION("random strings dense in special bytes (borrows between neighbouring bytes)") {
        std::mt19937 rng(7);
        const char pool[] = {'a', ' ', '"', '\\', '\x1F', '\x20', '\x7F', '\x80', '\xFF', '!', '\x01', '#', '[', ']', '\x00'};
        for (int round = 0; round < 2000; ++round) {
            std::string s(static_cast<std::size_t>(rng() % 40), ' ');
            for (char& c : s) c = pool[rng() % sizeof pool];
            for (const bool escape : {false, true}) {
                for (std::size_t from = 0; from <= s.size(); ++from) {
                    REQUIRE(quote_dump::detail::skip_plain(s, from, escape) == skip_plain_bytewise(s, from, escape));
                }
            }
        }
    }
}

TEST_CASE("quote-dump JSON: written strings read back as the text, bad bytes as U+FFFD", "[quote_dump]") {
    const std::string text = std::string("plain run of text \"quoted\" back\\slash\ttab\nline \x01 del\x7F ") +
                             "\xC3\xA9t\xC3\xA9 \xE2\x80\x9Cmarks\xE2\x80\x9D bad\xFF end";
    std::string json = "\"";
    quote_dump::append_json_chars(json, text);
    json += '"';
    CHECK(json.find('\x01') == std::string::npos);
    CHECK(json.find("\\u0001") != std::string::npos);
    std::string back;
    REQUIRE(quote_dump::decode_json_string(json, back));
    std::string want = text;
    want.replace(want.find('\xFF'), 1, "\xEF\xBF\xBD");
    CHECK(back == want);
}
