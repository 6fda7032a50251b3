// SPDX-License-Identifier: MIT
// Quotation detection against PolNeAR v1.0 dev (../shared/corpus/polnear/dev.jsonl; never
// copied into the repository). Skipped when the shared corpus is absent.
//
// PolNeAR annotates every attribution; `kind` direct/mixed is derived from quote marks. Targets:
// - recall of gold direct attributions at overlap > 0.3 of the gold span >= 0.97;
// - recall of gold direct+mixed at overlap > 0.3 of the shorter span >= 0.97 (a mixed
//   attribution's quoted fragment is usually far shorter than 30% of the attribution, so at
//   "0.3 of the gold span" even a perfect quotation detector stays near 0.80; that figure is
//   checked against a floor just below what the detector reaches, as a regression guard);
// - precision of speech quotations against all gold attributions >= 0.85.
#include "../benchmarks/gold.hpp"
#include "quote_fields.hpp"
#include "test_support.hpp"

#include <whosaid/quotes.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <span>
#include <string>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_quotes_polnear {

TEST_CASE("quotes_polnear: recall of quoted attributions and precision of speech on PolNeAR dev", "[quotes_polnear]") {
    const auto corpus = whosaid_test::shared_corpus();
    REQUIRE(corpus.has_value());
    const auto gold = whosaid_eval::load_gold(*corpus / "polnear" / "dev.jsonl");
    REQUIRE(gold.docs.size() == 84);
    const whosaid::quote_detector detector;
    whosaid_eval::attribution_stats by_gold;
    whosaid_eval::attribution_stats by_shorter;
    for (const auto& doc : gold.docs) {
        auto r = detector.detect(doc.text);
        REQUIRE(r.has_value());
        std::vector<whosaid_eval::predicted_quote> preds;
        for (const auto& q : *r) preds.push_back({q.content, q.role == whosaid::quote_role::term ? "term" : "direct", std::nullopt});
        whosaid_eval::add_attribution_stats(by_gold, doc, preds, whosaid_eval::overlap_basis::gold);
        whosaid_eval::add_attribution_stats(by_shorter, doc, preds, whosaid_eval::overlap_basis::shorter);
    }
    std::printf("PolNeAR dev: direct recall (0.3 of gold) %.3f; direct+mixed recall (0.3 of gold) %.3f, "
                "(0.3 of shorter) %.3f; speech precision %.3f (%zu/%zu)\n",
                by_gold.recall_direct(), by_gold.recall_any(), by_shorter.recall_any(), by_gold.precision(),
                by_gold.speech_correct, by_gold.speech_predicted);
    CHECK(by_gold.gold_direct == 345);
    CHECK(by_gold.gold == 615);
    CHECK(by_gold.recall_direct() >= 0.97);
    CHECK(by_shorter.recall_any() >= 0.97);
    CHECK(by_gold.recall_any() >= 0.78);
    CHECK(by_gold.precision() >= 0.85);
}

namespace {

/// The scanner with or without its fast paths (see test_quotes.cpp), every field of every
/// quotation on one line each.
template <bool FastPaths>
std::string scan(std::string_view text, const whosaid::quote_options& options, const whosaid::detail::word_table& words) {
    whosaid::detail::quote_scanner<FastPaths> scanner(options, words, text, std::span<const whosaid::text_span>{});
    return whosaid_test::dump_quotes(scanner.run());
}

}  // namespace

TEST_CASE("quotes_polnear: the scanner's fast paths agree with its general code on the shared corpora", "[quotes_polnear]") {
    const auto corpus = whosaid_test::shared_corpus();
    REQUIRE(corpus.has_value());
    const struct {
        const char* path;
        whosaid::language lang;
    } sets[] = {{"polnear/dev.jsonl", whosaid::language::en}, {"bbc/docs.jsonl", whosaid::language::en},
                {"factru/docs.jsonl", whosaid::language::ru}};
    for (const auto& set : sets) {
        const whosaid::quote_options options{.lang = set.lang, .on_invalid = whosaid::invalid_utf8::replace};
        const whosaid::detail::word_table words = whosaid::detail::quote_words(options);
        const auto docs = whosaid_bench::load_corpus(*corpus / set.path);
        REQUIRE(!docs.empty());
        std::size_t differ = 0;
        for (const auto& doc : docs) {
            if (scan<true>(doc.text, options, words) == scan<false>(doc.text, options, words)) continue;
            if (++differ <= 3) FAIL_CHECK(set.path << ": " << doc.id);
        }
        INFO(set.path);
        CHECK(differ == 0);
    }
}

}  // namespace test_quotes_polnear
