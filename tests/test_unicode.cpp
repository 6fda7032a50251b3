// SPDX-License-Identifier: MIT
#include <whosaid/unicode.hpp>

#include <catch2/catch.hpp>

#include <string>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_unicode {

namespace uc = whosaid::unicode;

TEST_CASE("unicode: letters, case and digits in several scripts", "[unicode]") {
    CHECK(uc::is_letter(U'a'));
    CHECK(uc::is_upper(U'Ж'));
    CHECK(uc::is_lower(U'ж'));
    CHECK(uc::is_upper(U'İ'));  // Turkish dotted capital I: a letter whatever the C locale
    CHECK(uc::is_lower(U'ı'));
    CHECK(uc::is_letter(U'中'));
    CHECK_FALSE(uc::is_upper(U'中'));
    CHECK(uc::is_digit(U'7'));
    CHECK(uc::is_digit(U'٣'));  // Arabic-Indic three
    CHECK_FALSE(uc::is_letter(U'7'));
    CHECK(uc::is_word(U'\u0301'));  // combining acute accent
    CHECK_FALSE(uc::is_letter(0xD800));
    CHECK_FALSE(uc::is_letter(0x110000));
}

TEST_CASE("unicode: spaces and line breaks", "[unicode]") {
    CHECK(uc::is_space(U' '));
    CHECK(uc::is_space(U'\t'));
    CHECK(uc::is_space(U'\n'));
    CHECK(uc::is_space(0xA0));    // NO-BREAK SPACE (the sample corpus has it)
    CHECK(uc::is_space(0x2009));  // THIN SPACE
    CHECK(uc::is_space(0x85));    // NEL
    CHECK_FALSE(uc::is_space(U'x'));
    CHECK(uc::is_line_break(U'\n'));
    CHECK(uc::is_line_break(0x2029));
    CHECK_FALSE(uc::is_line_break(U' '));
}

TEST_CASE("unicode: punctuation, dashes and quote marks", "[unicode]") {
    CHECK(uc::is_dash(U'-'));
    CHECK(uc::is_dash(U'–'));
    CHECK(uc::is_dash(U'—'));
    CHECK(uc::is_long_dash(U'―'));
    CHECK_FALSE(uc::is_long_dash(U'-'));
    CHECK(uc::is_punct(U'.'));
    CHECK(uc::is_punct(U'«'));
    CHECK(uc::category_of(U'„') == uc::category::open_punct);  // Unicode files „ as Ps
    CHECK(uc::category_of(U'“') == uc::category::initial_punct);
    CHECK(uc::category_of(U'’') == uc::category::final_punct);
    for (char32_t q : {U'"', U'\'', U'«', U'»', U'“', U'”', U'„', U'‘', U'’', U'‚', U'‹', U'›', U'「', U'』'}) {
        CHECK(uc::is_quote_mark(q));
    }
    CHECK_FALSE(uc::is_quote_mark(U'a'));
    CHECK(uc::is_sentence_terminal(U'…'));
    CHECK(uc::is_sentence_terminal(U'。'));
    CHECK_FALSE(uc::is_sentence_terminal(U','));
}

TEST_CASE("unicode: case mapping ignores the C locale", "[unicode]") {
    CHECK(uc::to_lower(U'I') == U'i');  // never dotless ı, even under tr_TR
    CHECK(uc::to_upper(U'i') == U'I');
    CHECK(uc::to_lower(U'Ё') == U'ё');
    std::string out;
    uc::append_lower("Said ЗАЯВИЛ \xFF", out);
    CHECK(out == "said заявил \xEF\xBF\xBD");
}

}  // namespace test_unicode
