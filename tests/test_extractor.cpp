// SPDX-License-Identifier: MIT
// extractor: the whole pipeline in one call, one validation, options set once for all stages.
#include "../benchmarks/pathological.hpp"
#include "test_support.hpp"

#include "alloc_budget.hpp"  // one definition per executable: the suites share one TU (bundle_speakers.cpp)

#include <whosaid/extractor.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_extractor {

namespace {

const std::string news =
    "MINSK, 23 November (BelTA) – Belarus has accomplished its priorities, BelTA learned from "
    "Belarusian Minister of Foreign Affairs Sergei Aleinik.\n\n"
    "“We stated practically complete fulfillment of priorities,” the official said. "
    "The presidency embraced the motto “Through solidarity towards peace”.\n\n"
    "According to him, the year has been complicated.";

}  // namespace

TEST_CASE("extractor: one call gives every stage's output", "[extractor]") {
    const whosaid::extractor ex;
    const auto r = ex.extract(news);
    REQUIRE(r.has_value());
    const whosaid::document& d = *r;
    CHECK(d.paragraphs == whosaid::split_paragraphs(news));
    CHECK(d.paragraphs.size() == 3);
    CHECK(d.sentences == ex.splitter().split(news).value());
    const auto quotes = ex.detector().detect(news, d.sentences).value();
    REQUIRE(d.quotes.size() == quotes.size());
    for (std::size_t i = 0; i < quotes.size(); ++i) CHECK(d.quotes[i].content == quotes[i].content);
    const auto a = ex.attributor().attribute(news, d.sentences, d.quotes).value();
    REQUIRE(d.quotations.size() == a.quotations.size());
    for (std::size_t i = 0; i < a.quotations.size(); ++i) {
        CHECK(d.quotations[i].content == a.quotations[i].content);
        CHECK(d.quotations[i].speaker == a.quotations[i].speaker);
    }
    // The quotations point into the detector's quotes.
    for (const auto& q : d.quotations) {
        if (q.quote < 0) continue;
        REQUIRE(static_cast<std::size_t>(q.quote) < d.quotes.size());
        if (q.kind == whosaid::quote_kind::direct || q.kind == whosaid::quote_kind::term) {
            CHECK(d.quotes[static_cast<std::size_t>(q.quote)].content == q.content);
        }
    }
}

TEST_CASE("extractor: speakers are resolved to names", "[extractor]") {
    const whosaid::extractor ex;
    const auto d = ex.extract(news).value();
    int checked = 0;
    for (const auto& q : d.quotations) {
        const std::string_view content = whosaid::view_of(news, q.content);
        if (content.substr(0, 7) == "Belarus") {
            CHECK(d.speaker_name(news, q) == "Sergei Aleinik");
            CHECK(whosaid::view_of(news, *q.cue) == "learned from");
            ++checked;
        } else if (content.substr(0, 7) == "We stat") {
            CHECK(q.kind == whosaid::quote_kind::direct);
            CHECK(whosaid::view_of(news, *q.mention) == "the official");
            CHECK(d.speaker_name(news, q) == "Sergei Aleinik");
            ++checked;
        } else if (content.substr(0, 7) == "Through") {
            CHECK(q.kind == whosaid::quote_kind::term);
            CHECK(q.speaker == -1);
            CHECK(d.speaker_name(news, q).empty());
            ++checked;
        } else if (content.substr(0, 8) == "the year") {
            CHECK(whosaid::view_of(news, *q.mention) == "him");
            CHECK(d.speaker_name(news, q) == "Sergei Aleinik");
            ++checked;
        }
    }
    CHECK(checked == 4);
    REQUIRE(d.entities.size() == 1);
    CHECK(whosaid::view_of(news, d.entities[0].name) == "Sergei Aleinik");
}

TEST_CASE("extractor: language and invalid-UTF-8 policy are set once for every stage", "[extractor]") {
    const whosaid::extractor ex{{.lang = whosaid::language::ru, .on_invalid = whosaid::invalid_utf8::replace}};
    CHECK(ex.options().sentences.lang == whosaid::language::ru);
    CHECK(ex.options().quotes.lang == whosaid::language::ru);
    CHECK(ex.options().attribution.lang == whosaid::language::ru);
    CHECK(ex.options().attribution.on_invalid == whosaid::invalid_utf8::replace);
    const std::string text = "Министр Сергей Алейник провел встречу.\n\n«Мы готовы к диалогу», — сказал Алейник.";
    const auto d = ex.extract(text).value();
    bool found = false;
    for (const auto& q : d.quotations) {
        if (whosaid::view_of(text, q.content).rfind("Мы готовы", 0) == 0) {
            CHECK(d.speaker_name(text, q) == "Сергей Алейник");
            found = true;
        }
    }
    CHECK(found);
}

TEST_CASE("extractor: stage options pass through", "[extractor]") {
    const std::string text = "Anna Berg harrumphed that taxes were too high.";
    const whosaid::extractor plain;
    CHECK(plain.extract(text).value().quotations.empty());
    const whosaid::extractor custom{{.attribution = {.extra_verbs = {"harrumphed"}}}};
    const auto d = custom.extract(text).value();
    REQUIRE(d.quotations.size() == 1);
    CHECK(whosaid::view_of(text, d.quotations[0].content) == "taxes were too high");
    CHECK_THROWS_AS(whosaid::extractor({.attribution = {.extra_cue_patterns = {"[z-a]"}}}), whosaid::config_error);
}

TEST_CASE("extractor: invalid UTF-8 is rejected once, or read as U+FFFD", "[extractor]") {
    const std::string text = "“We will win,” Anna\xC3 Berg said.\n\nShe \xFF added that \xE2\x80 more work was needed.";
    SECTION("reject: the error carries the first bad byte") {
        const whosaid::extractor ex;
        const auto r = ex.extract(text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == whosaid::errc::invalid_utf8);
        CHECK(r.error().offset == text.find('\xC3'));
        CHECK(r.error().byte == 0xC3);
    }
    SECTION("replace: every span lies inside the text") {
        const whosaid::extractor ex{{.on_invalid = whosaid::invalid_utf8::replace}};
        const auto r = ex.extract(text);
        REQUIRE(r.has_value());
        CHECK_FALSE(r->quotations.empty());
        for (const auto& q : r->quotations) {
            CHECK(q.content.end <= text.size());
            if (q.mention) CHECK(q.mention->end <= text.size());
            if (q.cue) CHECK(q.cue->end <= text.size());
        }
        for (const auto& s : r->sentences) CHECK(s.end <= text.size());
    }
}

TEST_CASE("extractor: empty and blank text", "[extractor]") {
    const whosaid::extractor ex;
    for (const std::string& text : {std::string(), std::string(" \n\n\t "), std::string("\xC2\xA0")}) {
        const auto r = ex.extract(text);
        REQUIRE(r.has_value());
        CHECK(r->quotations.empty());
        CHECK(r->entities.empty());
        CHECK(r->quotes.empty());
    }
}

TEST_CASE("extractor: the same document from many threads", "[extractor]") {
    const whosaid::extractor ex;
    std::string text;
    for (int i = 0; i < 30; ++i) text += news + "\n\n";
    const auto expected = ex.extract(text).value();
    std::vector<std::size_t> sizes(4, 0);
    std::vector<bool> same(4, true);
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        threads.emplace_back([&, k] {
            for (int rep = 0; rep < 3; ++rep) {
                const auto d = ex.extract(text).value();
                sizes[k] = d.quotations.size();
                for (std::size_t i = 0; i < d.quotations.size() && i < expected.quotations.size(); ++i) {
                    if (d.quotations[i].content != expected.quotations[i].content ||
                        d.quotations[i].speaker != expected.quotations[i].speaker) {
                        same[k] = false;
                    }
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        CHECK(sizes[k] == expected.quotations.size());
        CHECK(same[k]);
    }
}

TEST_CASE("extractor: paragraphs are split_paragraphs' on every kind of line break and blank line", "[extractor]") {
    // The extractor takes the paragraphs from the attributor's tokens instead of a pass of its own.
    const whosaid::extractor ex({.on_invalid = whosaid::invalid_utf8::replace});
    const std::string texts[] = {
        "One.\nTwo.\r\nThree.\rFour.\x0B" "Five.\x0C" "Six.",
        "  lead \t\n\n\n  trail  \n",
        "A\xC2\x85" "B\xE2\x80\xA8" "C\xE2\x80\xA9" "D",             // NEL, U+2028, U+2029
        "x\n\xC2\xA0\xC2\xA0\n y \xC2\xA0\n\xE3\x80\x80z",           // blank lines of NBSP, ideographic space
        "bad \xFF\xFE\n\x80 byte\n\xE2\x80",                         // invalid bytes are not white space
        "\xE2\x80\x9CQuote,\xE2\x80\x9D he said.\n\n\xE2\x80\x94 Dash line\n'\"'\n...",
        "",
        " \n\t\r\n ",
        "no break at all",
    };
    for (const auto& text : texts) {
        INFO("text " << text);
        const auto d = ex.extract(text);
        REQUIRE(d.has_value());
        CHECK(d->paragraphs == whosaid::split_paragraphs(text));
    }
    // A long text takes the tokenizer's 64-byte fast path.
    std::string long_text;
    for (int i = 0; i < 200; ++i) long_text += i % 3 == 0 ? "A line of words, it said.\n  \n" : "More words here and there.\r\n";
    const auto d = ex.extract(long_text);
    REQUIRE(d.has_value());
    CHECK(d->paragraphs == whosaid::split_paragraphs(long_text));
    CHECK(d->paragraphs.size() == 200);
}

TEST_CASE("extractor: attribution memory stays within 55 bytes per input byte on 1 MB of pathological input", "[extractor]") {
    // One run of the attributor and one of the extractor (all stages) on each pathological kind:
    // the token vector is reserved once from a bound of the token count (a token is 40 bytes, at
    // most one per byte), name chunks and frames from their own bounds, so nothing is doubled.
    // (Before: 98 bytes per byte on quotation marks only, 123 on random bytes.)
    std::string sample_text;
    for (const auto& f : whosaid_test::sample_paths()) sample_text += whosaid_test::read_file(f) + "\n\n";
    const whosaid::speaker_attributor at({.on_invalid = whosaid::invalid_utf8::replace});
    const whosaid::extractor ex({.on_invalid = whosaid::invalid_utf8::replace});
    const whosaid::sentence_splitter splitter({.on_invalid = whosaid::invalid_utf8::replace});
    const whosaid::quote_detector detector({.on_invalid = whosaid::invalid_utf8::replace});
    constexpr std::size_t limit = 55;
    for (const auto k : whosaid_pathological::all_kinds) {
        const std::string text = whosaid_pathological::make(k, 1'000'000, sample_text);
        INFO("kind " << whosaid_pathological::name(k));
        const auto sentences = splitter.split(text).value();
        const auto quotes = detector.detect(text, sentences).value();
        std::size_t used = 0;
        {
            const whosaid_test::alloc_budget budget(text.size() * limit);
            const auto r = at.attribute(text, sentences, quotes);
            used = budget.used();
            CHECK(r.has_value());
        }
        CHECK(used <= text.size() * limit);
        {
            const whosaid_test::alloc_budget budget(text.size() * limit);
            const auto d = ex.extract(text);
            used = budget.used();
            CHECK(d.has_value());
        }
        CHECK(used <= text.size() * limit);
    }
}

TEST_CASE("extractor: the sentences of a news article take one allocation, not one per doubling", "[extractor]") {
    // 24 sentences of ~100 bytes: growing by doubling allocated 16 + 32 + … + 512 bytes.
    std::string text;
    for (int k = 0; k < 24; ++k) text += "The minister said on Tuesday that prices of bread and milk had risen again in the north and east. ";
    const whosaid::sentence_splitter splitter;
    std::size_t used = 0;
    std::size_t count = 0;
    {
        const whosaid_test::alloc_budget budget(1U << 20U);
        const auto r = splitter.split(text);
        used = budget.used();
        REQUIRE(r.has_value());
        count = r->size();
    }
    CHECK(count == 24);
    CHECK(used <= (text.size() / 96 + 4) * sizeof(whosaid::text_span));
}

}  // namespace test_extractor
