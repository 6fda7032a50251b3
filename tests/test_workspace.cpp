// SPDX-License-Identifier: MIT
// whosaid::workspace (buffers reused from call to call) and the attribution of huge texts in
// windows (bounded working memory): same results as without them, fewer allocations, every
// record inside the text.

#include "alloc_budget.hpp"  // one definition per executable: the suites share one TU (bundle_speakers.cpp)
#include "test_support.hpp"

#include <whosaid/whosaid.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_workspace {

namespace {

using whosaid::document;
using whosaid::extractor;
using whosaid::workspace;

/// The sample articles, in byte order of their names.
std::vector<std::string> sample_texts() {
    std::vector<std::string> texts;
    for (const auto& p : whosaid_test::sample_paths()) texts.push_back(whosaid_test::read_file(p));
    return texts;
}

/// Every field of every quotation and entity, as comparable values.
struct flat {
    std::vector<std::size_t> numbers;
    std::vector<std::string> names;
    bool operator==(const flat&) const = default;
};

flat flatten(std::string_view text, const document& d) {
    flat f;
    const auto span = [&](const std::optional<whosaid::text_span>& s) {
        f.numbers.push_back(s ? s->begin : 0);
        f.numbers.push_back(s ? s->end : 0);
    };
    for (const auto& q : d.quotations) {
        span(q.content);
        span(q.cue);
        span(q.mention);
        span(q.addressee);
        span(q.interruption);
        f.numbers.push_back(static_cast<std::size_t>(q.kind));
        f.numbers.push_back(static_cast<std::size_t>(q.speaker + 1));
        f.numbers.push_back(static_cast<std::size_t>(q.quote + 1));
        f.numbers.push_back(static_cast<std::size_t>(q.confidence * 1000.0F));
        f.names.emplace_back(d.speaker_name(text, q));
    }
    for (const auto& e : d.entities) {
        span(e.name);
        span(e.role);
        f.numbers.push_back(static_cast<std::size_t>(e.kind));
    }
    for (const auto& p : d.paragraphs) span(p);
    return f;
}

/// A self-contained paragraph: its quotations and speakers do not depend on what comes before.
constexpr std::string_view paragraph =
    "Belarusian Minister of Foreign Affairs Sergei Aleinik spoke in Minsk on Tuesday. "
    "\"We are open to dialogue with every partner,\" Aleinik said. "
    "He added that the talks had been useful.\n";

}  // namespace

TEST_CASE("workspace: results equal those of the one-argument call, in any order of texts", "[workspace]") {
    const extractor x;
    const auto texts = sample_texts();
    REQUIRE(texts.size() == 5);
    workspace work;
    // Twice round, largest and smallest interleaved: buffers left by a longer text must not leak
    // into a shorter one.
    for (int round = 0; round < 2; ++round) {
        for (std::size_t k = 0; k < texts.size(); ++k) {
            const std::string& t = texts[round == 0 ? k : texts.size() - 1 - k];
            const auto fresh = x.extract(t);
            const auto reused = x.extract(t, work);
            REQUIRE(fresh);
            REQUIRE(reused);
            CHECK(!fresh->quotations.empty());
            CHECK(flatten(t, *reused) == flatten(t, *fresh));
        }
    }
    // Released, moved and moved-from workspaces all work.
    work.release();
    workspace moved = std::move(work);
    CHECK(flatten(texts[0], *x.extract(texts[0], moved)) == flatten(texts[0], *x.extract(texts[0])));
    CHECK(flatten(texts[1], *x.extract(texts[1], work)) == flatten(texts[1], *x.extract(texts[1])));
}

TEST_CASE("workspace: the attributor alone gives the same result with and without one", "[workspace]") {
    const extractor x;
    const auto texts = sample_texts();
    workspace work;
    for (const std::string& t : texts) {
        const auto d = x.extract(t);
        REQUIRE(d);
        const auto plain = x.attributor().attribute(t, d->sentences, d->quotes);
        const auto reused = x.attributor().attribute(t, d->sentences, d->quotes, work);
        REQUIRE(plain);
        REQUIRE(reused);
        REQUIRE(plain->quotations.size() == reused->quotations.size());
        for (std::size_t i = 0; i < plain->quotations.size(); ++i) {
            CHECK(plain->quotations[i].content == reused->quotations[i].content);
            CHECK(plain->quotations[i].speaker == reused->quotations[i].speaker);
        }
    }
    // Invalid UTF-8 is still reported at its offset (the workspace changes nothing there; the
    // extractor's own stages read under `replace`, a standalone attributor rejects).
    const whosaid::speaker_attributor strict;
    const auto bad = strict.attribute("ok \xFF", {}, {}, work);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().offset == 3);
}

TEST_CASE("workspace: a warm workspace saves most of the attributor's allocations", "[workspace]") {
    const extractor x;
    const std::string t = sample_texts()[0];
    workspace work;
    REQUIRE(x.extract(t, work));  // warm-up: the buffers grow to this text
    std::size_t fresh = 0;
    std::size_t reused = 0;
    {
        const whosaid_test::alloc_budget budget(std::size_t{1} << 30U);
        (void)x.extract(t);
        fresh = budget.used();
    }
    {
        const whosaid_test::alloc_budget budget(std::size_t{1} << 30U);
        (void)x.extract(t, work);
        reused = budget.used();
    }
    INFO("bytes allocated by one call: " << fresh << " fresh, " << reused << " with a warm workspace");
    // What remains is the document itself (sentences, quotes, records) and the detector's and
    // splitter's own working memory.
    CHECK(reused * 2 < fresh);
}

TEST_CASE("attribution: a text over the window size is attributed window by window", "[workspace][windows]") {
    const extractor x;
    // Three windows (at most max_window bytes each, cut after a sentence in the second half).
    std::string big;
    std::size_t copies = 0;
    while (big.size() < 2 * whosaid::detail::attr::max_window + whosaid::detail::attr::max_window / 4) {
        big += paragraph;
        ++copies;
    }
    const auto one = x.extract(paragraph);
    REQUIRE(one);
    REQUIRE(one->quotations.size() == 2);  // the direct quotation and the indirect clause
    workspace work;
    const auto d = x.extract(big, work);
    REQUIRE(d);
    // Every copy gives the same records at its own offset: no quotation lost or cut at a window
    // edge, and the speaker resolves within each window.
    REQUIRE(d->quotations.size() == copies * one->quotations.size());
    for (std::size_t c = 0; c < copies; c += 997) {
        for (std::size_t k = 0; k < one->quotations.size(); ++k) {
            const auto& q = d->quotations[c * one->quotations.size() + k];
            const auto& want = one->quotations[k];
            CHECK(q.content.begin == want.content.begin + c * paragraph.size());
            CHECK(q.content.end == want.content.end + c * paragraph.size());
            CHECK(q.kind == want.kind);
            CHECK(d->speaker_name(big, q) == "Sergei Aleinik");
        }
    }
    // One entity per window (coreference does not cross windows), every index valid.
    CHECK(d->entities.size() == 3);
    for (const auto& q : d->quotations) {
        REQUIRE(q.speaker >= 0);
        CHECK(static_cast<std::size_t>(q.speaker) < d->entities.size());
    }
    // Paragraphs are the whole text's, not cut at windows.
    CHECK(d->paragraphs.size() == copies);
    // The same text without a workspace gives the same records.
    const auto again = x.extract(big);
    REQUIRE(again);
    CHECK(flatten(big, *again) == flatten(big, *d));
}

TEST_CASE("attribution: a huge text with no sentence end or space is cut on code point boundaries", "[workspace][windows]") {
    const whosaid::speaker_attributor a;
    // 9 MB of two-byte letters without a space, with a quotation-like span in the middle.
    std::string big;
    while (big.size() < (std::size_t{9} << 20U)) big += "\xD0\xB6";  // ж
    const whosaid::quote q{.outer = {1000, 1010}, .content = {1002, 1008}};
    const auto r = a.attribute(big, {}, std::vector<whosaid::quote>{q});
    REQUIRE(r);
    for (const auto& rec : r->quotations) {
        CHECK(rec.content.end <= big.size());
        // Never inside a UTF-8 sequence.
        CHECK((static_cast<unsigned char>(big[rec.content.begin]) & 0xC0U) != 0x80U);
    }
}

}  // namespace test_workspace
