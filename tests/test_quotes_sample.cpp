// SPDX-License-Identifier: MIT
// Golden test on the bundled sample corpus (tests/data/sample + sample.gold.jsonl): every direct
// quotation found with its exact content span, every term classified as a term, no false
// quotation, under the corpus README's matching rule (benchmarks/gold.hpp, shared with
// whosaid-eval).
#include "../benchmarks/gold.hpp"
#include "test_support.hpp"

#include <whosaid/quotes.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_quotes_sample {

namespace {

std::vector<whosaid_eval::predicted_quote> predict(const whosaid::quote_detector& detector, const std::string& text) {
    auto r = detector.detect(text);
    REQUIRE(r.has_value());
    std::vector<whosaid_eval::predicted_quote> out;
    for (const auto& q : *r) out.push_back({q.content, q.role == whosaid::quote_role::term ? "term" : "direct", std::nullopt});
    return out;
}

}  // namespace

TEST_CASE("quotes_sample: every direct quotation exact, every term a term, nothing false", "[quotes_sample]") {
    const auto gold = whosaid_eval::load_gold(whosaid_test::data_dir() / "sample.gold.jsonl");
    REQUIRE(gold.docs.size() == 5);
    const whosaid::quote_detector detector;
    whosaid_eval::scorer scorer;
    for (const auto& doc : gold.docs) {
        const auto preds = predict(detector, doc.text);
        scorer.add(doc, preds);
        // Exactness, quotation by quotation: the same content span, with the right role.
        for (const auto& g : doc.quotes) {
            if (g.kind != "direct" && g.kind != "term") continue;
            INFO(doc.id << " " << g.kind << " " << g.span.begin << "-" << g.span.end);
            bool exact = false;
            for (const auto& p : preds) exact = exact || (p.span == g.span && p.kind == g.kind);
            CHECK(exact);
        }
    }
    const auto direct = scorer.stats("direct");
    const auto term = scorer.stats("term");
    CHECK(direct.gold == 15);
    CHECK(direct.gold_found == 15);
    CHECK(direct.exact == 15);
    CHECK(direct.false_positives() == 0);
    CHECK(term.gold == 7);
    CHECK(term.gold_found == 7);
    CHECK(term.false_positives() == 0);
    CHECK(scorer.gold_terms() == 7);
    CHECK(scorer.terms_as_terms() == 7);
    CHECK(scorer.terms_as_speech() == 0);
}

TEST_CASE("quotes_sample: the matching rule of the corpus README", "[quotes_sample]") {
    const std::string text = "  \"Hello there, friend,\" he said. Twelve words! of reported speech, then more words.";
    const auto sp = [](std::size_t b, std::size_t e) { return whosaid::text_span{b, e}; };
    // Trimming removes spaces and punctuation (quote marks included) at both ends.
    CHECK(whosaid_eval::trim(text, sp(0, 25)) == sp(3, 22));
    CHECK(whosaid_eval::trim(text, sp(5, 5)).empty());
    whosaid_eval::gold_document doc{"d", text, {}};
    doc.quotes.push_back({sp(3, 23), "direct", false, std::nullopt, {}});    // Hello there, friend  (19 after trim)
    doc.quotes.push_back({sp(34, 46), "indirect", false, std::nullopt, {}}); // Twelve words         (12)
    doc.quotes.push_back({sp(16, 22), "term", false, std::nullopt, {}});     // friend               (6)
    SECTION("direct: half of the longer span") {
        whosaid_eval::scorer a;
        a.add(doc, {{sp(3, 13), "direct", std::nullopt}});  // 10 of 19: matches
        CHECK(a.stats("direct").gold_found == 1);
        CHECK(a.stats("direct").exact == 0);
        whosaid_eval::scorer b;
        b.add(doc, {{sp(3, 12), "direct", std::nullopt}});  // 9 of 19: no match, and not on the term
        CHECK(b.stats("direct").gold_found == 0);
        CHECK(b.stats("direct").false_positives() == 1);
        whosaid_eval::scorer c;
        c.add(doc, {{sp(2, 24), "direct", std::nullopt}});  // trimmed to the gold span: exact after trimming
        CHECK(c.stats("direct").exact == 0);
        CHECK(c.stats("direct").exact_trimmed == 1);
    }
    SECTION("indirect: half of the gold span and a third of the predicted one") {
        whosaid_eval::scorer a;
        a.add(doc, {{sp(34, 40), "indirect", std::nullopt}});  // 6 of 12 gold, all of pred: matches
        CHECK(a.stats("indirect").gold_found == 1);
        whosaid_eval::scorer b;
        b.add(doc, {{sp(34, 39), "indirect", std::nullopt}});  // 5 of 12: too little of the gold span
        CHECK(b.stats("indirect").gold_found == 0);
        CHECK(b.stats("indirect").false_positives() == 1);
        whosaid_eval::scorer c;
        c.add(doc, {{sp(0, 84), "indirect", std::nullopt}});  // all the gold, but 12 of 80 trimmed < a third
        CHECK(c.stats("indirect").gold_found == 0);
    }
    SECTION("a speech prediction on a gold term is not a false quotation") {
        whosaid_eval::scorer a;
        a.add(doc, {{sp(16, 22), "direct", std::nullopt}});
        CHECK(a.stats("direct").correct == 0);
        CHECK(a.stats("direct").on_gold_term == 1);
        CHECK(a.stats("direct").false_positives() == 0);
        CHECK(a.terms_as_speech() == 1);
        CHECK(a.terms_as_terms() == 0);
    }
    SECTION("one prediction matches one gold quotation") {
        whosaid_eval::scorer a;
        a.add(doc, {{sp(3, 23), "direct", std::nullopt}, {sp(3, 22), "direct", std::nullopt}});
        CHECK(a.stats("direct").correct == 1);
        CHECK(a.stats("direct").false_positives() == 1);
        REQUIRE(a.matches().size() == 1);
        CHECK(a.matches()[0].pred == 0);
    }
}

}  // namespace test_quotes_sample
