// SPDX-License-Identifier: MIT
#include <whosaid/whosaid.hpp>

#include <catch2/catch.hpp>

#include <string>
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
