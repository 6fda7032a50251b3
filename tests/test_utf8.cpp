// SPDX-License-Identifier: MIT
#include <whosaid/utf8.hpp>

#include <catch2/catch.hpp>
#include <utf8proc.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_utf8 {

using namespace std::string_view_literals;
namespace utf8 = whosaid::utf8;

namespace {

// Reference: utf8proc's own decoder on the first code point of `s`.
struct reference_result {
    long length;  // < 0: invalid
    char32_t cp;
};
reference_result reference(std::string_view s) {
    utf8proc_int32_t cp = -1;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &cp);
    return {static_cast<long>(n), static_cast<char32_t>(cp)};
}

// Checks our decoder against utf8proc on one byte sequence; counts disagreements.
void compare(std::string_view s, std::size_t& mismatches) {
    const reference_result ref = reference(s);
    const utf8::codepoint ours = utf8::decode(s, 0);
    const bool agree = ref.length > 0 ? (ours.valid && ours.length == ref.length && ours.value == ref.cp)
                                      : (!ours.valid && ours.length == 1 && ours.value == 0xFFFD);
    if (!agree) {
        if (mismatches < 5) {
            std::string hex;
            for (char c : s) hex += std::to_string(static_cast<unsigned char>(c)) + " ";
            UNSCOPED_INFO("mismatch on bytes " << hex);
        }
        ++mismatches;
    }
    // find_invalid must agree on the whole sequence when it is exactly one code point long.
    if (ref.length > 0 && static_cast<std::size_t>(ref.length) == s.size()) {
        if (utf8::find_invalid(s) != utf8::npos) ++mismatches;
    } else if (ref.length < 0) {
        if (utf8::find_invalid(s) != 0) ++mismatches;
    }
}

}  // namespace

TEST_CASE("utf8: exhaustive agreement with utf8proc over 1-, 2- and 3-byte sequences", "[utf8]") {
    std::size_t mismatches = 0;
    std::array<char, 3> buf{};
    for (unsigned a = 0; a < 256; ++a) {
        buf[0] = static_cast<char>(a);
        compare(std::string_view(buf.data(), 1), mismatches);
        for (unsigned b = 0; b < 256; ++b) {
            buf[1] = static_cast<char>(b);
            compare(std::string_view(buf.data(), 2), mismatches);
            if (a < 0xE0 || a > 0xEF) continue;  // only 3-byte leads can start a valid 3-byte sequence;
            for (unsigned c = 0; c < 256; ++c) {  // other leads are covered by the 1/2-byte loops
                buf[2] = static_cast<char>(c);
                compare(std::string_view(buf.data(), 3), mismatches);
            }
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("utf8: exhaustive agreement with utf8proc over 4-byte sequences", "[utf8]") {
    // Every lead F0..FF and every second byte, exhaustively; the third and fourth bytes only
    // matter through their class (ASCII, continuation 80..BF, other), so each takes the
    // boundary representatives of every class.
    constexpr std::array<unsigned, 8> reps{0x00, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF};
    std::size_t mismatches = 0;
    std::array<char, 4> buf{};
    for (unsigned a = 0xF0; a < 0x100; ++a) {
        for (unsigned b = 0; b < 256; ++b) {
            for (unsigned c : reps) {
                for (unsigned d : reps) {
                    buf = {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)};
                    compare(std::string_view(buf.data(), 4), mismatches);
                }
            }
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("utf8: find_invalid reports the exact byte offset", "[utf8]") {
    CHECK(utf8::find_invalid(""sv) == utf8::npos);
    CHECK(utf8::find_invalid("plain ascii"sv) == utf8::npos);
    CHECK(utf8::find_invalid("\xD0\x9C\xD0\xB8\xD1\x80"sv) == utf8::npos);  // Мир
    CHECK(utf8::find_invalid("abc\xFF"sv) == 3);
    CHECK(utf8::find_invalid("ab\xE2\x80"sv) == 2);             // truncated at the end
    CHECK(utf8::find_invalid("\xC0\x80"sv) == 0);               // overlong NUL
    CHECK(utf8::find_invalid("x\xED\xA0\x80"sv) == 1);          // surrogate U+D800
    CHECK(utf8::find_invalid("xy\xF4\x90\x80\x80"sv) == 2);     // above U+10FFFF
    CHECK(utf8::find_invalid("\xEF\xBF\xBE"sv) == utf8::npos);  // noncharacter U+FFFE is valid
    // The fast ASCII path must not skip a bad byte in any position of a 16-byte block.
    for (std::size_t pos = 0; pos < 40; ++pos) {
        std::string s(40, 'a');
        s[pos] = '\x80';
        CHECK(utf8::find_invalid(s) == pos);
    }
    // Embedded NUL bytes are valid UTF-8 (U+0000).
    CHECK(utf8::find_invalid(std::string_view("a\0b", 3)) == utf8::npos);
}

TEST_CASE("utf8: Markus Kuhn stress cases", "[utf8]") {
    struct stress_case {
        std::string_view bytes;
        std::size_t first_invalid;
    };
    const std::vector<stress_case> cases{
        {"\xCE\xBA\xE1\xBD\xB9\xCF\x83\xCE\xBC\xCE\xB5"sv, utf8::npos},  // 1 κόσμε
        {"\xF0\x90\x80\x80"sv, utf8::npos},                               // 2.1.4 first 4-byte
        {"\xF4\x8F\xBF\xBF"sv, utf8::npos},                               // 2.3.5 U+10FFFF
        {"\xF8\x88\x80\x80\x80"sv, 0},                                    // 2.1.5 5-byte form
        {"\x80"sv, 0},                                                    // 3.1.1 lone continuation
        {"a\xBF"sv, 1},                                                   // 3.1.2
        {"\xC0 "sv, 0},                                                   // 3.2.1 lead then space
        {"\xE0\x80 "sv, 0},                                               // 3.3.2 truncated
        {"\xFE"sv, 0},                                                    // 3.5.1
        {"\xFF"sv, 0},                                                    // 3.5.2
        {"\xC1\xBF"sv, 0},                                                // 4.2.1 overlong
        {"\xE0\x9F\xBF"sv, 0},                                            // 4.2.2 overlong
        {"\xF0\x8F\xBF\xBF"sv, 0},                                        // 4.2.3 overlong
        {"\xED\xAD\xBF"sv, 0},                                            // 5.1.2 surrogate
        {"\xED\xA0\x80\xED\xB0\x80"sv, 0},                                // 5.2.1 surrogate pair
    };
    for (const auto& c : cases) {
        INFO("case with first invalid byte " << c.first_invalid);
        CHECK(utf8::find_invalid(c.bytes) == c.first_invalid);
    }
}

TEST_CASE("utf8: check applies the policy", "[utf8]") {
    const whosaid::error e = utf8::check("ok \xFF"sv, whosaid::invalid_utf8::reject);
    CHECK(e.code == whosaid::errc::invalid_utf8);
    CHECK(e.offset == 3);
    CHECK(e.byte == 0xFF);
    CHECK(e.message() == "invalid UTF-8 at byte 3 (0xFF)");
    CHECK(utf8::check("ok \xFF"sv, whosaid::invalid_utf8::replace).code == whosaid::errc::ok);
    CHECK(utf8::check("fine"sv, whosaid::invalid_utf8::reject).code == whosaid::errc::ok);
}

TEST_CASE("utf8: replacement policy decodes each bad byte as one U+FFFD in place", "[utf8]") {
    const std::string_view s = "a\xE2\x80" "b\xF0\x9F\x98\x80\xFF"sv;
    std::vector<std::pair<char32_t, std::size_t>> seen;
    utf8::for_each_codepoint(s, [&](utf8::codepoint cp, std::size_t at) { seen.emplace_back(cp.value, at); });
    const std::vector<std::pair<char32_t, std::size_t>> expected{
        {U'a', 0}, {0xFFFD, 1}, {0xFFFD, 2}, {U'b', 3}, {0x1F600, 4}, {0xFFFD, 8}};
    CHECK(seen == expected);
    CHECK(utf8::codepoint_offset(s, s.size()) == 6);
    CHECK(utf8::codepoint_offset(s, 4) == 4);
    CHECK(utf8::codepoint_offset(s, 1000) == 6);  // clamped
    CHECK(utf8::sanitize(s) == "a\xEF\xBF\xBD\xEF\xBF\xBD" "b\xF0\x9F\x98\x80\xEF\xBF\xBD");
    CHECK(utf8::sanitize("clean") == "clean");
}

TEST_CASE("utf8: decode_before agrees with forward decoding everywhere", "[utf8]") {
    // Forward decode every text of a small mixed alphabet and check that the backward decoder
    // finds the same code point boundaries and values from every boundary.
    const std::array<std::string_view, 7> atoms{"a"sv, "\xC3\xA9"sv, "\xE2\x80\x9C"sv, "\xF0\x9F\x98\x80"sv,
                                                "\x80"sv, "\xE2\x80"sv, "\xFF"sv};
    std::size_t failures = 0;
    for (std::size_t x = 0; x < atoms.size(); ++x) {
        for (std::size_t y = 0; y < atoms.size(); ++y) {
            for (std::size_t z = 0; z < atoms.size(); ++z) {
                const std::string s = std::string(atoms[x]) + std::string(atoms[y]) + std::string(atoms[z]);
                std::vector<std::pair<std::size_t, utf8::codepoint>> forward;
                utf8::for_each_codepoint(s, [&](utf8::codepoint cp, std::size_t at) { forward.emplace_back(at, cp); });
                for (const auto& [at, cp] : forward) {
                    const utf8::codepoint back = utf8::decode_before(s, at + cp.length);
                    if (back.value != cp.value || back.length != cp.length || back.valid != cp.valid) ++failures;
                }
            }
        }
    }
    CHECK(failures == 0);
    CHECK(utf8::decode_before("abc"sv, 0).length == 0);
    CHECK(utf8::decode("abc"sv, 3).length == 0);
}

TEST_CASE("utf8: encode round-trips every scalar value", "[utf8]") {
    std::size_t failures = 0;
    char buf[4];
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        const std::size_t n = utf8::encode(cp, buf);
        const utf8::codepoint back = utf8::decode(std::string_view(buf, n), 0);
        if (!back.valid || back.value != cp || back.length != n) ++failures;
    }
    CHECK(failures == 0);
    CHECK(utf8::encode(0xD800, buf) == 3);  // surrogates encode as U+FFFD
    CHECK(std::string_view(buf, 3) == "\xEF\xBF\xBD");
}

}  // namespace test_utf8
