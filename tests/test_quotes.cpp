// SPDX-License-Identifier: MIT
#include "quote_fields.hpp"
#include "test_support.hpp"

#include <whosaid/paragraphs.hpp>
#include <whosaid/quotes.hpp>
#include <whosaid/sentences.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_quotes {

namespace {

using whosaid::quote;
using whosaid::quote_role;
using whosaid::quote_style;
using whosaid::text_span;

std::vector<quote> detect(std::string_view text, const whosaid::quote_options& options = {}) {
    const whosaid::quote_detector detector(options);
    auto r = detector.detect(text);
    REQUIRE(r.has_value());
    return *std::move(r);
}

std::string content(std::string_view text, const quote& q) { return std::string(whosaid::view_of(text, q.content)); }

/// The span of the first occurrence of `part` in `text` (after `from`).
text_span span_of(std::string_view text, std::string_view part, std::size_t from = 0) {
    const std::size_t at = text.find(part, from);
    REQUIRE(at != std::string_view::npos);
    return {at, at + part.size()};
}

/// Structural invariants every result must satisfy.
void check_invariants(std::string_view text, const std::vector<quote>& qs) {
    for (std::size_t i = 0; i < qs.size(); ++i) {
        const quote& q = qs[i];
        REQUIRE(q.outer.begin <= q.content.begin);
        REQUIRE(q.content.begin < q.content.end);
        REQUIRE(q.content.end <= q.outer.end);
        REQUIRE(q.outer.end <= text.size());
        REQUIRE(q.first_paragraph <= q.last_paragraph);
        if (i > 0) REQUIRE(qs[i - 1].outer.begin < q.outer.begin);
        if (q.parent >= 0) {
            REQUIRE(static_cast<std::size_t>(q.parent) < i);
            REQUIRE(qs[static_cast<std::size_t>(q.parent)].outer.contains(q.outer));
        }
        // Never split a valid UTF-8 sequence: every boundary is at a code point start.
        for (std::size_t b : {q.outer.begin, q.outer.end, q.content.begin, q.content.end}) {
            if (b < text.size()) REQUIRE((static_cast<unsigned char>(text[b]) & 0xC0U) != 0x80U);
        }
    }
}

}  // namespace

TEST_CASE("quotes: straight double quotes give content, outer span and style", "[quotes]") {
    const std::string text = "He said \"We will win.\" Then he left.";
    const auto qs = detect(text);
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].content == span_of(text, "We will win."));
    CHECK(qs[0].outer == span_of(text, "\"We will win.\""));
    CHECK(whosaid::view_of(text, qs[0].outer) == "\"We will win.\"");
    CHECK(qs[0].style == quote_style::straight_double);
    CHECK(qs[0].role == quote_role::speech);
    CHECK(qs[0].closed);
    CHECK(qs[0].parent == -1);
    CHECK(qs[0].first_paragraph == 0);
    CHECK(qs[0].last_paragraph == 0);
}

TEST_CASE("quotes: straight marks take their direction from the neighbours", "[quotes]") {
    SECTION("two quotations around an attribution") {
        const std::string text = "\"Hello,\" he said, \"and welcome to Minsk.\"";
        const auto qs = detect(text);
        REQUIRE(qs.size() == 2);
        CHECK(content(text, qs[0]) == "Hello,");
        CHECK(content(text, qs[1]) == "and welcome to Minsk.");
    }
    SECTION("no space after a colon") {
        const std::string text = "He said:\"We are ready.\"";
        const auto qs = detect(text);
        REQUIRE(qs.size() == 1);
        CHECK(content(text, qs[0]) == "We are ready.");
    }
    SECTION("an inch mark and a stray closer open nothing") {
        const std::string text = "He is 5'10\" tall. Nothing\" here.";
        CHECK(detect(text).empty());
    }
}

TEST_CASE("quotes: every mark style", "[quotes]") {
    struct style_case {
        const char* text;
        const char* content;
        quote_style style;
    };
    const style_case cases[] = {
        {"He said \xE2\x80\x9CWe will win.\xE2\x80\x9D", "We will win.", quote_style::curly_double},
        {"He said \xE2\x80\x9DWe will win.\xE2\x80\x9D", "We will win.", quote_style::curly_double},  // ”…” (Swedish)
        {"He said \xE2\x80\x98We will win.\xE2\x80\x99", "We will win.", quote_style::curly_single},
        {"He said 'We will win.' and left.", "We will win.", quote_style::straight_single},
        {"\xD0\x9E\xD0\xBD \xC2\xAB\xD0\x9C\xD1\x8B \xD0\xBF\xD0\xBE\xD0\xB1\xD0\xB5\xD0\xB4\xD0\xB8\xD0\xBC.\xC2\xBB",
         "\xD0\x9C\xD1\x8B \xD0\xBF\xD0\xBE\xD0\xB1\xD0\xB5\xD0\xB4\xD0\xB8\xD0\xBC.", quote_style::guillemets},
        {"Er sagte \xC2\xBBWir gewinnen.\xC2\xAB", "Wir gewinnen.", quote_style::guillemets},  // »…«
        {"Er sagte \xE2\x80\x9EWir gewinnen.\xE2\x80\x9C", "Wir gewinnen.", quote_style::low_double},  // „…“
        {"Powiedzia\xC5\x82 \xE2\x80\x9EWygramy.\xE2\x80\x9D", "Wygramy.", quote_style::low_double},    // „…”
        {"Er sagte \xE2\x80\x9AWir gewinnen.\xE2\x80\x98", "Wir gewinnen.", quote_style::low_single},   // ‚…‘
        {"Il a dit \xE2\x80\xB9Nous gagnerons.\xE2\x80\xBA", "Nous gagnerons.", quote_style::single_guillemets},
        {"\xE5\xBD\xBC\xE3\x81\xAF\xE3\x80\x8C\xE5\x8B\x9D\xE3\x81\xA4\xE3\x80\x8D", "\xE5\x8B\x9D\xE3\x81\xA4", quote_style::corner},
        {"\xE5\xBD\xBC\xE3\x81\xAF\xE3\x80\x8E\xE5\x8B\x9D\xE3\x81\xA4\xE3\x80\x8F", "\xE5\x8B\x9D\xE3\x81\xA4", quote_style::white_corner},
        {"He said ``We will win.'' and left.", "We will win.", quote_style::backtick},
        {"He said ''We will win.'' and left.", "We will win.", quote_style::double_apostrophe},
        {"He said \xEF\xBC\x82We will win.\xEF\xBC\x82 and left.", "We will win.", quote_style::straight_double},
    };
    for (const auto& c : cases) {
        const std::string text = c.text;
        INFO(text);
        const auto qs = detect(text, {.classify = false});
        REQUIRE(qs.size() == 1);
        CHECK(content(text, qs[0]) == c.content);
        CHECK(qs[0].style == c.style);
        CHECK(qs[0].closed);
        CHECK(whosaid::to_string(qs[0].style) != "unknown");
    }
}

TEST_CASE("quotes: French guillemets with inner spaces keep the spaces out of the content", "[quotes]") {
    const std::string text = "Il a dit \xC2\xAB\xC2\xA0Nous gagnerons.\xC2\xA0\xC2\xBB";
    const auto qs = detect(text);
    REQUIRE(qs.size() == 1);
    CHECK(content(text, qs[0]) == "Nous gagnerons.");
    CHECK(qs[0].outer.end == text.size());
}

TEST_CASE("quotes: apostrophes are not quotation marks", "[quotes]") {
    SECTION("outside any quotation") {
        const std::string text =
            "Don't go: the '90s and \xE2\x80\x99" "90s, the students\xE2\x80\x99 union, rock \xE2\x80\x99n\xE2\x80\x99 roll, "
            "O\xE2\x80\x99Neill, O'Neill, rock 'n' roll, Jones' car, 'em all, the teachers' room.";
        CHECK(detect(text).empty());
    }
    SECTION("inside a single-quoted quotation") {
        const std::string text = "She said \xE2\x80\x98the students\xE2\x80\x99 union won\xE2\x80\x99t close\xE2\x80\x99 today.";
        const auto qs = detect(text, {.classify = false});
        REQUIRE(qs.size() == 1);
        CHECK(content(text, qs[0]) == "the students\xE2\x80\x99 union won\xE2\x80\x99t close");
    }
    SECTION("a plural possessive that is really the closing mark") {
        const std::string text = "the formula \xE2\x80\x98" "Eurasian solutions to Eurasian problems\xE2\x80\x99 as important";
        const auto qs = detect(text);
        REQUIRE(qs.size() == 1);
        CHECK(content(text, qs[0]) == "Eurasian solutions to Eurasian problems");
    }
    SECTION("straight single quotes with apostrophes inside") {
        const std::string text = "'Don't go, it's rock 'n' roll,' she said.";
        const auto qs = detect(text);
        REQUIRE(qs.size() == 1);
        CHECK(content(text, qs[0]) == "Don't go, it's rock 'n' roll,");
        CHECK(qs[0].style == quote_style::straight_single);
    }
    SECTION("an unclosed single quote is dropped, not reported") {
        const std::string text = "Fans of \xE2\x80\x98Lord of the Rings will love it.";
        CHECK(detect(text).empty());
    }
    SECTION("single quotes can be switched off") {
        const std::string text = "He said 'We will win.' and left.";
        CHECK(detect(text, {.single_quotes = false}).empty());
    }
}

TEST_CASE("quotes: nested quotations are separate entries with a parent", "[quotes]") {
    SECTION("curly single inside straight double") {
        const std::string text =
            "\"We see the formula \xE2\x80\x98" "Eurasian solutions to Eurasian problems\xE2\x80\x99 as especially important,\" "
            "the minister said.";
        const auto qs = detect(text);
        REQUIRE(qs.size() == 2);
        CHECK(qs[0].parent == -1);
        CHECK(qs[0].role == quote_role::speech);
        CHECK(qs[1].parent == 0);
        CHECK(content(text, qs[1]) == "Eurasian solutions to Eurasian problems");
        CHECK(qs[1].role == quote_role::term);
        CHECK(qs[1].style == quote_style::curly_single);
        check_invariants(text, qs);
    }
    SECTION("low double inside guillemets") {
        // «Долю Дурова во „В Контакте“ выкупали не мы», — сказал он.
        const std::string text =
            "\xC2\xAB\xD0\x94\xD0\xBE\xD0\xBB\xD1\x8E \xD0\xB2\xD0\xBE \xE2\x80\x9E\xD0\x92 \xD0\x9A\xD0\xBE\xD0\xBD\xD1\x82"
            "\xD0\xB0\xD0\xBA\xD1\x82\xD0\xB5\xE2\x80\x9C \xD0\xB2\xD1\x8B\xD0\xBA\xD1\x83\xD0\xBF\xD0\xB0\xD0\xBB\xD0\xB8 "
            "\xD0\xBD\xD0\xB5 \xD0\xBC\xD1\x8B\xC2\xBB, \xE2\x80\x94 \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB "
            "\xD0\xBE\xD0\xBD.";
        const auto qs = detect(text, {.lang = whosaid::language::ru});
        REQUIRE(qs.size() == 2);
        CHECK(qs[0].style == quote_style::guillemets);
        CHECK(qs[0].role == quote_role::speech);
        CHECK(qs[1].style == quote_style::low_double);
        CHECK(qs[1].parent == 0);
        CHECK(content(text, qs[1]) == "\xD0\x92 \xD0\x9A\xD0\xBE\xD0\xBD\xD1\x82\xD0\xB0\xD0\xBA\xD1\x82\xD0\xB5");
        CHECK(qs[1].role == quote_role::term);
    }
    SECTION("the same mark nested: a scare quote inside speech") {
        const std::string text = "\"Health programmes would need \"significant\" changes,\" he said.";
        const auto qs = detect(text);
        REQUIRE(qs.size() == 2);
        CHECK(content(text, qs[0]) == "Health programmes would need \"significant\" changes,");
        CHECK(content(text, qs[1]) == "significant");
        CHECK(qs[1].parent == 0);
        CHECK(qs[1].role == quote_role::term);
    }
    SECTION("a closing mark of the outer quotation ends an unclosed inner one") {
        const std::string text = "\xE2\x80\x9CHe called it \xC2\xAB" "a hot line, we agreed.\xE2\x80\x9D Then silence.";
        const auto qs = detect(text, {.classify = false});
        REQUIRE(qs.size() == 2);
        CHECK(qs[0].closed);
        CHECK(content(text, qs[0]) == "He called it \xC2\xAB" "a hot line, we agreed.");
        CHECK_FALSE(qs[1].closed);
        CHECK(content(text, qs[1]) == "a hot line, we agreed.");
        CHECK(qs[1].parent == 0);
    }
}

TEST_CASE("quotes: Russian shared closing mark closes two quotations", "[quotes]") {
    // ОАО «НК «Роснефть» заявило.
    const std::string text =
        "\xD0\x9E\xD0\x90\xD0\x9E \xC2\xAB\xD0\x9D\xD0\x9A \xC2\xAB\xD0\xA0\xD0\xBE\xD1\x81\xD0\xBD\xD0\xB5\xD1\x84\xD1\x82"
        "\xD1\x8C\xC2\xBB \xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB\xD0\xBE.";
    const auto ru = detect(text, {.lang = whosaid::language::ru});
    REQUIRE(ru.size() == 2);
    CHECK(ru[0].closed);
    CHECK(content(text, ru[0]) == "\xD0\x9D\xD0\x9A \xC2\xAB\xD0\xA0\xD0\xBE\xD1\x81\xD0\xBD\xD0\xB5\xD1\x84\xD1\x82\xD1\x8C");
    CHECK(ru[0].outer.end == ru[1].outer.end);
    CHECK(ru[0].role == quote_role::term);
    check_invariants(text, ru);
    // In English the outer quotation is recovered at the end of the paragraph instead.
    const auto en = detect(text);
    REQUIRE(en.size() == 2);
    CHECK_FALSE(en[0].closed);
    CHECK(en[0].content.end == text.size());
}

TEST_CASE("quotes: a quotation over several paragraphs is one quotation", "[quotes]") {
    const std::string text =
        "The minister spoke.\n\n\"We have done much this year.\n\n\"We will do more next year.\n\n\"And the year after,\" he "
        "said.\n\nThe end.";
    const auto qs = detect(text);
    REQUIRE(qs.size() == 1);
    const std::size_t b = text.find("We have");
    const std::size_t e = text.find("after,") + 6;
    CHECK(qs[0].content == text_span{b, e});
    CHECK(qs[0].outer == text_span{b - 1, e + 1});
    CHECK(qs[0].first_paragraph == 1);
    CHECK(qs[0].last_paragraph == 3);
    CHECK(qs[0].closed);
    CHECK(qs[0].role == quote_role::speech);

    SECTION("switched off, each paragraph's part is reported unclosed") {
        const auto parts = detect(text, {.multi_paragraph = false});
        REQUIRE(parts.size() == 3);
        CHECK_FALSE(parts[0].closed);
        CHECK(content(text, parts[0]) == "We have done much this year.");
        CHECK(content(text, parts[2]) == "And the year after,");
        CHECK(parts[2].closed);
    }
    SECTION("curly marks and guillemets follow the same convention") {
        const std::string curly = "\xE2\x80\x9C" "First.\n\xE2\x80\x9CSecond.\xE2\x80\x9D";
        const auto c = detect(curly);
        REQUIRE(c.size() == 1);
        CHECK(content(curly, c[0]) == "First.\n\xE2\x80\x9CSecond.");
        CHECK(c[0].last_paragraph == 1);
        const std::string guil = "\xC2\xAB\xD0\x90.\n\xC2\xAB\xD0\x91.\xC2\xBB";
        const auto g = detect(guil, {.lang = whosaid::language::ru});
        REQUIRE(g.size() == 1);
        CHECK(g[0].last_paragraph == 1);
    }
}

TEST_CASE("quotes: a missing closing mark is recovered at the end of its paragraph", "[quotes]") {
    const std::string text = "He said \"we will win this year.\n\nThe next paragraph has no quotation.\n\n\"Next,\" she said.";
    const auto qs = detect(text);
    REQUIRE(qs.size() == 2);
    CHECK_FALSE(qs[0].closed);
    CHECK(content(text, qs[0]) == "we will win this year.");
    CHECK(qs[0].outer == text_span{text.find('"'), text.find("year.") + 5});
    CHECK(qs[0].last_paragraph == 0);
    CHECK(qs[1].closed);
    CHECK(content(text, qs[1]) == "Next,");
    CHECK(qs[1].first_paragraph == 2);

    SECTION("a paragraph ending in a word does not continue the quotation") {
        const std::string t2 = "He said \"we will win\n\"Next,\" she said.";
        const auto q2 = detect(t2);
        REQUIRE(q2.size() == 2);
        CHECK_FALSE(q2[0].closed);
        CHECK(content(t2, q2[0]) == "we will win");
    }
}

TEST_CASE("quotes: merged paragraphs (an opening mark after a sentence end inside a quotation)", "[quotes]") {
    SECTION("continues the open quotation") {
        const std::string text = "He said: \"We are ready. \"Trying is everything,\" he added.";
        const auto qs = detect(text);
        REQUIRE(qs.size() == 1);
        CHECK(content(text, qs[0]) == "We are ready. \"Trying is everything,");
        CHECK(qs[0].closed);
    }
    SECTION("can be switched off: the mark nests") {
        const std::string text = "He said: \"We are ready. \"Trying is everything,\" he added.";
        const auto qs = detect(text, {.inline_reopen = false});
        REQUIRE(qs.size() == 2);
        CHECK(qs[1].parent == 0);
        CHECK(content(text, qs[1]) == "Trying is everything,");
    }
    SECTION("after a colon it ends the open quotation and opens a new one") {
        const std::string text = "He said: \"I lost three years of my life. He added: \"They wanted to break me.\"";
        const auto qs = detect(text);
        REQUIRE(qs.size() == 2);
        CHECK_FALSE(qs[0].closed);
        CHECK(content(text, qs[0]) == "I lost three years of my life. He added:");
        CHECK(qs[1].parent == -1);
        CHECK(qs[1].closed);
        CHECK(content(text, qs[1]) == "They wanted to break me.");
    }
}

TEST_CASE("quotes: dash-introduced speech after a colon", "[quotes]") {
    const std::string text =
        "The President concluded:\n\n\xE2\x80\x93 Therefore, it is a difficult period, but we are ready for it.\n\nThe "
        "meeting ended.";
    const auto qs = detect(text);
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].style == quote_style::dash);
    CHECK(qs[0].role == quote_role::speech);
    CHECK(qs[0].closed);
    CHECK(content(text, qs[0]) == "Therefore, it is a difficult period, but we are ready for it.");
    CHECK(qs[0].outer.begin == text.find("\xE2\x80\x93"));
    CHECK(qs[0].first_paragraph == 1);

    SECTION("every dash: en, em, horizontal bar") {
        for (const char* dash : {"\xE2\x80\x94", "\xE2\x80\x95"}) {
            const std::string t = std::string("He said:\n") + dash + " We are ready.";
            const auto d = detect(t);
            REQUIRE(d.size() == 1);
            CHECK(content(t, d[0]) == "We are ready.");
        }
    }
    SECTION("without the colon paragraph it is not speech (English)") {
        const std::string t = "He spoke.\n\xE2\x80\x93 We are ready.";
        CHECK(detect(t).empty());
    }
    SECTION("a list of dashed items is not dialogue") {
        const std::string t = "The winners are:\n\xE2\x80\x94 Carol Lee of the Journal.\n\xE2\x80\x94 Matt Viser of the Globe.";
        CHECK(detect(t).empty());
    }
    SECTION("switched off") {
        CHECK(detect(text, {.dash_speech = false}).empty());
    }
    SECTION("a quotation nested in dash speech has it as parent") {
        const std::string t = "He said:\n\xE2\x80\x94 We call it the \xE2\x80\x9Chot line\xE2\x80\x9D here.";
        const auto d = detect(t);
        REQUIRE(d.size() == 2);
        CHECK(d[0].style == quote_style::dash);
        CHECK(d[1].parent == 0);
        CHECK(content(t, d[1]) == "hot line");
    }
}

TEST_CASE("quotes: Russian dialogue dashes and the author's words", "[quotes]") {
    // — Они что, панки? — интересуется Мураками. — Да не то чтобы.
    const std::string text =
        "\xD0\x9E\xD0\xBD \xD1\x81\xD0\xBF\xD1\x80\xD0\xBE\xD1\x81\xD0\xB8\xD0\xBB:\n"
        "\xE2\x80\x94 \xD0\x9E\xD0\xBD\xD0\xB8 \xD1\x87\xD1\x82\xD0\xBE, \xD0\xBF\xD0\xB0\xD0\xBD\xD0\xBA\xD0\xB8? "
        "\xE2\x80\x94 \xD0\xB8\xD0\xBD\xD1\x82\xD0\xB5\xD1\x80\xD0\xB5\xD1\x81\xD1\x83\xD0\xB5\xD1\x82\xD1\x81\xD1\x8F "
        "\xD0\x9C\xD1\x83\xD1\x80\xD0\xB0\xD0\xBA\xD0\xB0\xD0\xBC\xD0\xB8. \xE2\x80\x94 \xD0\x94\xD0\xB0 \xD0\xBD\xD0\xB5 "
        "\xD1\x82\xD0\xBE \xD1\x87\xD1\x82\xD0\xBE\xD0\xB1\xD1\x8B.";
    const auto qs = detect(text, {.lang = whosaid::language::ru});
    REQUIRE(qs.size() == 2);
    CHECK(content(text, qs[0]) == "\xD0\x9E\xD0\xBD\xD0\xB8 \xD1\x87\xD1\x82\xD0\xBE, \xD0\xBF\xD0\xB0\xD0\xBD\xD0\xBA\xD0\xB8?");
    CHECK(content(text, qs[1]) == "\xD0\x94\xD0\xB0 \xD0\xBD\xD0\xB5 \xD1\x82\xD0\xBE \xD1\x87\xD1\x82\xD0\xBE\xD0\xB1\xD1\x8B.");
    CHECK(qs[0].style == quote_style::dash);
    CHECK(qs[1].style == quote_style::dash);

    SECTION("dialogue without a colon is recognised in Russian by the author's words") {
        const std::string t = text.substr(text.find('\n') + 1);
        CHECK(detect(t, {.lang = whosaid::language::ru}).size() == 2);
        CHECK(detect(t).empty());
    }
}

TEST_CASE("quotes: speech or term", "[quotes]") {
    struct role_case {
        const char* text;
        const char* content;
        quote_role role;
    };
    const role_case cases[] = {
        {"Telephone \xC2\xAB" "hot line\xC2\xBB: +375 28-2-60", "hot line", quote_role::term},
        {"They classify terrorists as \xE2\x80\x9Cgood\xE2\x80\x9D or bad ones.", "good", quote_role::term},
        {"The presidency embraced the motto \xE2\x80\x9CThrough solidarity and cooperation towards peace and "
         "security\xE2\x80\x9D.",
         "Through solidarity and cooperation towards peace and security", quote_role::term},
        {"It was launched at the conference \"Eurasian Security: Reality and Prospects in a Transforming World\", held in "
         "Minsk.",
         "Eurasian Security: Reality and Prospects in a Transforming World", quote_role::term},
        {"They approved the draft decision of the CSTO Collective Security Council \"On the CSTO special interstate "
         "program to strengthen the Tajik-Afghan border\" and more.",
         "On the CSTO special interstate program to strengthen the Tajik-Afghan border", quote_role::term},
        {"She was nicknamed \"The Iron Lady\" by the press.", "The Iron Lady", quote_role::term},
        {"He praised the so-called \"flash estimate\" of growth.", "flash estimate", quote_role::term},
        {"Watch it on CNN\xE2\x80\x99s \xE2\x80\x9CNew Day.\xE2\x80\x9D", "New Day.", quote_role::term},
        {"\"We will win,\" he said.", "We will win,", quote_role::speech},
        {"He said: \"Yes.\"", "Yes.", quote_role::speech},
        {"\"The year was fast-paced. The schedule was intensive,\" the president said.",
         "The year was fast-paced. The schedule was intensive,", quote_role::speech},
        {"Rover confirmed the tie-up would take place \"not very far away from this time\".",
         "not very far away from this time", quote_role::speech},
    };
    for (const auto& c : cases) {
        const std::string text = c.text;
        INFO(text);
        const auto qs = detect(text);
        REQUIRE(qs.size() == 1);
        CHECK(content(text, qs[0]) == c.content);
        CHECK(qs[0].role == c.role);
    }
    SECTION("Russian: a quotation before ', — said' is speech, a name is a term") {
        // «Мы готовы», — сказал он. Компания «Газпром» выросла.
        const std::string text =
            "\xC2\xAB\xD0\x9C\xD1\x8B \xD0\xB3\xD0\xBE\xD1\x82\xD0\xBE\xD0\xB2\xD1\x8B\xC2\xBB, \xE2\x80\x94 "
            "\xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB \xD0\xBE\xD0\xBD. \xD0\x9A\xD0\xBE\xD0\xBC\xD0\xBF\xD0\xB0"
            "\xD0\xBD\xD0\xB8\xD1\x8F \xC2\xAB\xD0\x93\xD0\xB0\xD0\xB7\xD0\xBF\xD1\x80\xD0\xBE\xD0\xBC\xC2\xBB "
            "\xD0\xB2\xD1\x8B\xD1\x80\xD0\xBE\xD1\x81\xD0\xBB\xD0\xB0.";
        const auto qs = detect(text, {.lang = whosaid::language::ru});
        REQUIRE(qs.size() == 2);
        CHECK(qs[0].role == quote_role::speech);
        CHECK(qs[1].role == quote_role::term);
    }
    SECTION("classification can be switched off") {
        const std::string text = "They classify terrorists as \xE2\x80\x9Cgood\xE2\x80\x9D or bad ones.";
        REQUIRE(detect(text, {.classify = false}).size() == 1);
        CHECK(detect(text, {.classify = false})[0].role == quote_role::speech);
    }
    SECTION("max_term_words") {
        const std::string text = "Officials said progress was \"very slow indeed\" this year.";
        CHECK(detect(text)[0].role == quote_role::speech);
        CHECK(detect(text, {.max_term_words = 3})[0].role == quote_role::term);
    }
    SECTION("extra cue words") {
        const std::string text = "Guests praised the fiesta \"Nights of Minsk and Friends of Belarus\" warmly.";
        REQUIRE(detect(text).size() == 1);
        whosaid::quote_options o;
        o.extra_term_cues = {"fiest*"};
        const auto with_cue = detect(text, o);
        REQUIRE(with_cue.size() == 1);
        CHECK(with_cue[0].role == quote_role::term);
        const std::string speech = "The volunteers \"will stay until the end\" grumbled Ivanov.";
        CHECK(detect(speech)[0].role == quote_role::term);
        whosaid::quote_options s;
        s.extra_speech_cues = {"grumbl*"};
        CHECK(detect(speech, s)[0].role == quote_role::speech);
    }
}

TEST_CASE("quotes: sentence spans from the splitter are used for speech or term", "[quotes]") {
    // "U.S." ends no sentence: with the splitter's span the quotation does not start one and is a
    // term; the local guess takes the period for a sentence end and calls it speech.
    const std::string text = "He works for the U.S. \"We will win\" campaign.";
    const whosaid::quote_detector detector;
    const auto local = detector.detect(text);
    REQUIRE(local.has_value());
    REQUIRE(local->size() == 1);
    CHECK((*local)[0].role == quote_role::speech);
    const std::vector<text_span> one_sentence = {{0, text.size()}};
    const auto with = detector.detect(text, one_sentence);
    REQUIRE(with.has_value());
    REQUIRE(with->size() == 1);
    CHECK((*with)[0].role == quote_role::term);
    CHECK((*with)[0].content == (*local)[0].content);

    SECTION("a sentence beginning at the mark counts as a sentence start") {
        const std::string t = "Officials met. \"We will win\" remains the plan.";
        const std::vector<text_span> two = {{0, 14}, {15, t.size()}};
        const auto r = detector.detect(t, two);
        REQUIRE(r.has_value());
        REQUIRE(r->size() == 1);
        CHECK((*r)[0].role == quote_role::speech);
    }
    SECTION("spans breaking the contract are ignored, never read out of bounds") {
        const std::vector<text_span> bad = {{5, 3}, {0, 1000}, {10, 20}, {2, 4}};
        const auto r = detector.detect(text, bad);
        REQUIRE(r.has_value());
        REQUIRE(r->size() == 1);
        CHECK((*r)[0].content == (*local)[0].content);
    }
}

TEST_CASE("quotes: paragraph indices follow for_each_paragraph", "[quotes]") {
    const std::string text =
        "  \n\"One,\" he said.\r\n\r\n   \n\xC2\xA0\nA line \xE2\x80\x9Ctwo\xE2\x80\x9D.\xE2\x80\xA8Next \xC2\xAB" "three\xC2\xBB\x0B"
        "\xC2\x85\"four\" end";
    const auto paragraphs = whosaid::split_paragraphs(text);
    const auto qs = detect(text, {.classify = false});
    REQUIRE(qs.size() == 4);
    for (const auto& q : qs) {
        REQUIRE(q.first_paragraph < paragraphs.size());
        CHECK(paragraphs[q.first_paragraph].contains(q.outer));
    }
    REQUIRE(paragraphs.size() == 4);
    CHECK(qs[0].first_paragraph == 0);
    CHECK(qs[1].first_paragraph == 1);
    CHECK(qs[2].first_paragraph == 2);
    CHECK(qs[3].first_paragraph == 3);
}

TEST_CASE("quotes: empty and blank input", "[quotes]") {
    CHECK(detect("").empty());
    CHECK(detect("   \n\n \t ").empty());
    CHECK(detect("\"\"").empty());  // nothing quoted
    CHECK(detect("\" \"").empty());
}

TEST_CASE("quotes: invalid UTF-8 under both policies", "[quotes]") {
    const std::string text = "He said \"We \xFF win.\" and \xE2\x80 \"left\xC3\".";
    SECTION("reject returns the offset of the first bad byte") {
        const whosaid::quote_detector detector;
        const auto r = detector.detect(text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == whosaid::errc::invalid_utf8);
        CHECK(r.error().offset == text.find('\xFF'));
    }
    SECTION("replace reads bad bytes as U+FFFD in place") {
        const auto qs = detect(text, {.on_invalid = whosaid::invalid_utf8::replace});
        REQUIRE(qs.size() == 2);
        CHECK(content(text, qs[0]) == "We \xFF win.");
        CHECK(content(text, qs[1]) == "left\xC3");
        check_invariants(text, qs);
    }
    SECTION("a truncated mark is not a mark") {
        const std::string t = "A \xE2\x80 quote\xE2\x80";
        CHECK(detect(t, {.on_invalid = whosaid::invalid_utf8::replace}).empty());
    }
}

TEST_CASE("quotes: NUL bytes are ordinary characters", "[quotes]") {
    const std::string text("He said \"We\0 win.\"\0 Then \"more\0\".", 33);
    REQUIRE(text.size() == 33);
    const auto qs = detect(text, {.classify = false});
    REQUIRE(qs.size() == 2);
    CHECK(content(text, qs[0]) == std::string("We\0 win.", 8));
    CHECK(content(text, qs[1]) == std::string("more\0", 5));
}

TEST_CASE("quotes: pathological input stays bounded and linear", "[quotes]") {
    SECTION("only straight double quotes") {
        const std::string text(2'000'000, '"');
        CHECK(detect(text).empty());
    }
    SECTION("many short quotations") {
        std::string text;
        for (int i = 0; i < 50'000; ++i) text += "\"a\" ";
        const auto qs = detect(text);
        CHECK(qs.size() == 50'000);
        check_invariants(text, qs);
    }
    SECTION("marks inside words (inch marks) open nothing") {
        std::string text;
        for (int i = 0; i < 100'000; ++i) text += "a\"";
        CHECK(detect(text).empty());
    }
    SECTION("only opening guillemets") {
        std::string text;
        for (int i = 0; i < 500'000; ++i) text += "\xC2\xAB";
        const auto qs = detect(text);
        REQUIRE(qs.size() == 32);  // the depth cap; the rest is text
        for (const auto& q : qs) CHECK_FALSE(q.closed);
        check_invariants(text, qs);
    }
    SECTION("10,000 nested quotations") {
        std::string text;
        for (int i = 0; i < 5'000; ++i) text += "\xE2\x80\x9Cx \xE2\x80\x98y ";
        text += "core";
        for (int i = 0; i < 5'000; ++i) text += "\xE2\x80\x99 z\xE2\x80\x9D w";
        for (std::uint32_t depth : {1U, 32U, 256U, 100'000U}) {
            const auto qs = detect(text, {.max_depth = depth, .classify = false});
            CHECK(qs.size() <= std::min<std::uint32_t>(depth, 256U));
            CHECK_FALSE(qs.empty());
            check_invariants(text, qs);
            std::int32_t deepest = 0;
            for (std::size_t i = 0; i < qs.size(); ++i) {
                std::int32_t d = 0;
                for (std::int32_t p = qs[i].parent; p >= 0; p = qs[static_cast<std::size_t>(p)].parent) ++d;
                deepest = std::max(deepest, d);
            }
            CHECK(deepest < static_cast<std::int32_t>(std::min<std::uint32_t>(depth, 256U)));
        }
    }
    SECTION("a long run of apostrophes and backticks") {
        const std::string text = std::string(100'001, '\'') + " x " + std::string(100'001, '`');
        check_invariants(text, detect(text));
    }
}

TEST_CASE("quotes: random mark soup keeps every invariant", "[quotes]") {
    const char* pieces[] = {"\"", "'", "`", "``", "''", " ", "\n", "\n\n", "a", "Word", ".", ",", ":", "-",
                            "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB",
                            "\xE2\x80\x9E", "\xE2\x80\x9A", "\xE2\x80\xB9", "\xE2\x80\xBA", "\xE3\x80\x8C", "\xE3\x80\x8D",
                            "\xE2\x80\x93 ", "\xE2\x80\x94", "\xFF", "\xE2\x80", "\0", "s", "n", "9", "\xC2\xA0"};
    std::mt19937 rng(12345);
    std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
    const whosaid::quote_detector en({.on_invalid = whosaid::invalid_utf8::replace});
    const whosaid::quote_detector ru({.lang = whosaid::language::ru, .on_invalid = whosaid::invalid_utf8::replace});
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const int n = 1 + round % 60;
        for (int k = 0; k < n; ++k) {
            const char* p = pieces[pick(rng)];
            text += p[0] == '\0' ? std::string(1, '\0') : std::string(p);
        }
        INFO(text);
        for (const auto* d : {&en, &ru}) {
            const auto r = d->detect(text);
            REQUIRE(r.has_value());
            check_invariants(text, *r);
        }
    }
}

TEST_CASE("quotes: a view that ends early yields no span past its end", "[quotes]") {
    const std::string buffer = "He said \"we will win\" and \xC2\xAB" "more\xC2\xBB";
    const whosaid::quote_detector detector;
    for (std::size_t cut = 0; cut <= buffer.size(); ++cut) {
        const std::string_view prefix(buffer.data(), cut);
        const auto r = detector.detect(prefix, {});
        if (!r) {
            CHECK(r.error().offset < cut);  // a cut inside « is invalid UTF-8 at the cut
            continue;
        }
        for (const auto& q : *r) CHECK(q.outer.end <= cut);
    }
    const std::string_view head(buffer.data(), buffer.find("win") + 3);
    const auto r = detector.detect(head);
    REQUIRE(r.has_value());
    REQUIRE(r->size() == 1);
    CHECK_FALSE((*r)[0].closed);
    CHECK((*r)[0].content.end == head.size());
}

TEST_CASE("quotes: one detector gives identical results from many threads", "[quotes]") {
    std::vector<std::string> texts = {
        "\"We will win,\" he said. The motto \xE2\x80\x9CPeace\xE2\x80\x9D stays.",
        "He said:\n\xE2\x80\x93 We are ready.\n\n\"First.\n\"Second,\" she said.",
        "\xC2\xAB\xD0\x9C\xD1\x8B\xC2\xBB, \xE2\x80\x94 \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB.",
    };
    for (int i = 0; i < 40; ++i) texts.push_back(texts[static_cast<std::size_t>(i) % 3] + " \"Extra " + std::to_string(i) + ".\"");
    const whosaid::quote_detector detector;
    std::vector<std::vector<quote>> expected;
    for (const auto& t : texts) expected.push_back(*detector.detect(t));
    const auto same = [](const std::vector<quote>& a, const std::vector<quote>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (a[i].outer != b[i].outer || a[i].content != b[i].content || a[i].style != b[i].style ||
                a[i].role != b[i].role || a[i].closed != b[i].closed || a[i].parent != b[i].parent ||
                a[i].first_paragraph != b[i].first_paragraph || a[i].last_paragraph != b[i].last_paragraph) {
                return false;
            }
        }
        return true;
    };
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < mismatches.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 50; ++round) {
                for (std::size_t i = 0; i < texts.size(); ++i) {
                    const auto r = detector.detect(texts[(i + t) % texts.size()]);
                    if (!r || !same(*r, expected[(i + t) % texts.size()])) ++mismatches[t];
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int m : mismatches) CHECK(m == 0);
}

TEST_CASE("quotes: options are kept and the detector is copyable", "[quotes]") {
    const whosaid::quote_detector a({.lang = whosaid::language::ru, .max_depth = 7});
    const whosaid::quote_detector b = a;  // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(b.options().lang == whosaid::language::ru);
    CHECK(b.options().max_depth == 7);
    CHECK(whosaid::to_string(quote_role::term) == "term");
    CHECK(whosaid::to_string(quote_role::speech) == "speech");
}

TEST_CASE("quotes: the word lists fold ASCII case, match stems and turn other words away", "[quotes]") {
    namespace d = whosaid::detail;
    d::word_table table;
    table.add("said", d::speech_cue);
    table.add("the", d::chain_word);
    table.add("the", d::determiner);  // duplicates merge their flags
    table.add("motto", d::term_cue);
    table.add("festiv*", d::term_cue);
    table.add("программ*", d::term_cue);
    table.add("*", d::term_cue);  // ignored
    table.finish();
    CHECK(table.lookup_ascii("said") == d::speech_cue);
    CHECK(table.lookup_ascii("SAID") == d::speech_cue);
    CHECK(table.lookup_ascii("Said") == d::speech_cue);
    CHECK(table.lookup_ascii("The") == (d::chain_word | d::determiner));
    CHECK(table.lookup_ascii("Festival") == d::term_cue);
    CHECK(table.lookup_ascii("FESTIV") == d::term_cue);
    CHECK(table.lookup_ascii("festi") == 0);
    CHECK(table.lookup_ascii("saidx") == 0);
    CHECK(table.lookup_ascii("sai") == 0);
    CHECK(table.lookup_ascii("mottos") == 0);
    CHECK(table.lookup_ascii("") == 0);
    CHECK(table.lookup("said") == d::speech_cue);
    CHECK(table.lookup("Said") == 0);  // `lookup` takes words already lowercased
    CHECK(table.lookup("программы") == d::term_cue);
    CHECK(table.lookup("програм") == 0);
}

namespace {

/// The scanner with or without its fast paths, on `text` (read under the replacement policy).
template <bool FastPaths>
std::vector<quote> scan(std::string_view text, const whosaid::quote_options& options,
                        const whosaid::detail::word_table& words, std::span<const text_span> sentences) {
    whosaid::detail::quote_scanner<FastPaths> scanner(options, words, text, sentences);
    return scanner.run();
}

// Texts that take the fast paths to their edges: marks of every style next to words, spaces,
// punctuation and other marks; quotations ending at the end of the text and near the 16- and
// 64-byte block edges and the 120-byte content window; cue words, function words, elisions and
// possessives in either case; words with non-ASCII letters, joiners and bad bytes; dashes and
// line breaks of every kind; the bytes the loose block masks report besides the marks (# & and
// control bytes).
std::vector<std::string> tricky_texts() {
    static constexpr std::string_view pieces[] = {
        "\"", "\"", "\"", "'", "'", "''", "``", "'''", "\u201C", "\u201D", "\u2018", "\u2019", "\u201E", "\u201A",
        "\u00AB", "\u00BB", "\u2039", "\u203A", "\u300C", "\u300D", "\u300E", "\u300F", "\u301D", "\u301E",
        "\u201F", "\u201B", "\uFF02", "\uFF07", "\u2014", "\u2013", "\u2015", "-", "- ", "\n", "\n\n", "\r\n",
        "\u2028", "\u0085", "\v", ".", ",", ":", ";", "!", "?", "\u2026", "(", ")", "[", "]", "said", "Said", "SAID",
        "says", "told", "according", "motto", "Motto", "called", "the", "The", "THE", "a", "of", "and", "his",
        "this", "so-called", "em", "n", "90s", "students", "Jones", "s", "S", "It", "We", "We're", "don't", "rock",
        "O\u2019Neill", "well-known", "e-mail", "x-", "-x", "New", "York", "Day", "Big", "Apple", "word", "Word",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmn", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOP", "12", "2024",
        "\u00E9t\u00E9", "caf\u00E9", "\u0441\u043A\u0430\u0437\u0430\u043B", "\u0421\u043A\u0430\u0437\u0430\u043B",
        "\u043F\u0440\u043E\u0433\u0440\u0430\u043C\u043C\u0430", "\u0434\u0435\u0432\u0438\u0437",
        "\u0420\u043E\u0441\u043D\u0435\u0444\u0442\u044C", "\u00A0", "\u3000", "\t", "\xFF", "\xC2", "\xE2\x80",
        "\x80", "$", "%", "&", "/", "\u00A3", std::string_view("\0", 1), "#", "\"#", "&'", "\x01"};
    std::vector<std::string> texts;
    whosaid_test::lcg next{20240611};
    for (int t = 0; t < 2000; ++t) {
        std::string text;
        const std::size_t count = next() % 90;
        for (std::size_t k = 0; k < count; ++k) {
            const std::size_t r = next() % 100;
            if (r < 3) text.append(next() % 70 + 1, 'a');
            else if (r < 5) text.append(next() % 20 + 1, ' ');
            else text += pieces[next() % std::size(pieces)];
            if (next() % 3 != 0) text += ' ';
        }
        texts.push_back(std::move(text));
    }
    for (const auto& path : whosaid_test::sample_paths()) texts.push_back(whosaid_test::read_file(path));
    return texts;
}

}  // namespace

TEST_CASE("quotes: the scanner's fast paths agree with its general code", "[quotes]") {
    std::vector<whosaid::quote_options> variants;
    for (const whosaid::language lang : {whosaid::language::en, whosaid::language::ru}) {
        variants.push_back({.lang = lang, .on_invalid = whosaid::invalid_utf8::replace});
        variants.push_back({.lang = lang, .on_invalid = whosaid::invalid_utf8::replace, .max_term_words = 4,
                            .extra_term_cues = {"word", "new*"}, .extra_speech_cues = {"big", "\u0434\u0435\u0432*"}});
    }
    const std::vector<std::string> texts = tricky_texts();
    for (const whosaid::quote_options& options : variants) {
        const whosaid::detail::word_table words = whosaid::detail::quote_words(options);
        const whosaid::sentence_splitter splitter({.lang = options.lang, .on_invalid = whosaid::invalid_utf8::replace});
        for (const std::string& text : texts) {
            const std::vector<text_span> sentences = splitter.split(text).value_or(std::vector<text_span>{});
            for (const std::span<const text_span> s : {std::span<const text_span>{}, std::span<const text_span>{sentences}}) {
                INFO(text);
                CHECK(whosaid_test::dump_quotes(scan<true>(text, options, words, s)) ==
                      whosaid_test::dump_quotes(scan<false>(text, options, words, s)));
            }
        }
    }
}


// The skip of a ' between two ASCII letters or digits (an apostrophe by the shape rule) must
// leave every ' that the general code reads as a mark: next to white space, punctuation, other
// marks, non-ASCII letters, the start and end of the text and of a paragraph.
TEST_CASE("quotes: the apostrophe skip agrees with the general code", "[quotes]") {
    static constexpr std::string_view texts[] = {
        "'Hello' and 'don't' x'y '90s' rock'n'roll 'n' 'em.",
        "It's 'the students'union' now'", "'a'b'c'd'", "O'Neill's 'big' day'", "'x'", "a'", "'a", "a'b", "9'9",
        "He said 'it'll work' and 'it won't'.\n'Next'paragraph's 'quote'\n\n'We're' there'",
        "'caf\u00E9'bar' 'na\u00EFve'st' \u00E9'a a'\u00E9", "'Jones' car' and the students' union'",
        "'It's over,' he said. 'They'll see.'", "''a'b'' ``a'b''", "a''b a'''b 'a''", "\"It's 'x'y' z\" w's",
        "'A'\r\n'B'C'\u2028'D'E'", "'\u2019a'b\u2019'", "(a'b) [c'd] 'e'f,' g'h.", "x\n'a'b'\ny'z\n",
    };
    const whosaid::quote_options options{.on_invalid = whosaid::invalid_utf8::replace};
    const whosaid::detail::word_table words = whosaid::detail::quote_words(options);
    const whosaid::sentence_splitter splitter({.on_invalid = whosaid::invalid_utf8::replace});
    for (const std::string_view text : texts) {
        const std::vector<text_span> sentences = splitter.split(text).value_or(std::vector<text_span>{});
        for (const std::span<const text_span> s : {std::span<const text_span>{}, std::span<const text_span>{sentences}}) {
            INFO(text);
            CHECK(whosaid_test::dump_quotes(scan<true>(text, options, words, s)) ==
                  whosaid_test::dump_quotes(scan<false>(text, options, words, s)));
        }
    }
    // The quotations themselves: the marks next to spaces and punctuation are marks, the ' inside
    // words are not.
    const std::string_view text = "He said 'it'll work' and 'rock'n'roll'.";
    const std::vector<quote> qs = detect(text);
    REQUIRE(qs.size() == 2);
    CHECK(content(text, qs[0]) == "it'll work");
    CHECK(content(text, qs[1]) == "rock'n'roll");
}

// The walks before and after a quotation stop early (with `FastPaths`) once nothing they could
// still find changes the role. Every combination here of what stands before a quotation (cues,
// function words, names, possessives, colons and commas, near and far), of what it holds and of
// what follows it must get the role the whole walks give.
TEST_CASE("quotes: the early ends of the walks around a quotation keep every role", "[quotes]") {
    static constexpr std::string_view before[] = {
        "", "He said ", "He said that ", "He said the plan of the Big Apple was ", "The motto ", "The motto of the ",
        "the so-called ", "his ", "Jones' ", "CNN's ", "She told the BBC on Monday that a new ", "It was called ",
        "It was called the ", "Officials, ", "Officials: ", "In a statement: ", "It is the ", "a of and the New York ",
        "They said the the the the the the the the ", "He told us, the ", "Asked why, ", "The one called the ",
        "said motto ", "Yesterday the festival ", "He spoke of the ",
    };
    static constexpr std::string_view inside[] = {
        "x", "Big Apple", "big apple", "New Day.", "We will win,", "flash estimate", "It is over. We won",
        "not very far away from this time", "The Iron Lady", "we are going to work very hard for it",
        "Yes.", "A B C D E F G", "so", "One of the best",
    };
    static constexpr std::string_view after[] = {
        "", ".", " he said.", ", he said.", " said Jones.", ", \u2014 said he.", " \u2014 told", " of the year.",
        ", the minister told reporters.", "! she said", " and more", " - says", ", and, then, he, said",
    };
    for (const whosaid::language lang : {whosaid::language::en, whosaid::language::ru}) {
        for (const std::uint32_t max_term_words : {2U, 4U}) {
            const whosaid::quote_options options{.lang = lang, .on_invalid = whosaid::invalid_utf8::replace,
                                                 .max_term_words = max_term_words};
            const whosaid::detail::word_table words = whosaid::detail::quote_words(options);
            const whosaid::sentence_splitter splitter({.lang = lang, .on_invalid = whosaid::invalid_utf8::replace});
            std::size_t differ = 0;
            for (const std::string_view b : before) {
                for (const std::string_view in : inside) {
                    for (const std::string_view a : after) {
                        std::string text(b);
                        text += '"';
                        text += in;
                        text += '"';
                        text += a;
                        const std::vector<text_span> sentences = splitter.split(text).value_or(std::vector<text_span>{});
                        for (const std::span<const text_span> s :
                             {std::span<const text_span>{}, std::span<const text_span>{sentences}}) {
                            const std::string fast = whosaid_test::dump_quotes(scan<true>(text, options, words, s));
                            const std::string general = whosaid_test::dump_quotes(scan<false>(text, options, words, s));
                            if (fast != general) {  // only the texts that differ go to the report
                                ++differ;
                                INFO(text);
                                CHECK(fast == general);
                            }
                        }
                    }
                }
            }
            CHECK(differ == 0);
        }
    }
}

}  // namespace test_quotes
