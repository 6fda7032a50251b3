// SPDX-License-Identifier: MIT
// Pathological inputs of about 1 MB (benchmarks/pathological.hpp, the generators that
// whosaid-pathological times at 2, 20 and 200 MB): `"` only, `«` only, no space or line break,
// one long line, quotations nested 10,000 deep, NUL bytes, random bytes. Asserts correctness,
// never time: every invariant of every engine under both policies (tests/fuzz/invariants.hpp),
// the nesting cap, and memory linear in the input (an allocation budget per call).
#include "../benchmarks/pathological.hpp"
#include "alloc_budget.hpp"  // the one TU of this executable that includes it
#include "fuzz/invariants.hpp"
#include "test_support.hpp"

#include <whosaid/whosaid.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace patho = whosaid_pathological;
using whosaid::invalid_utf8;
using whosaid::language;

namespace {

constexpr std::size_t input_size = 1'000'000;
/// Bytes an engine may allocate in total per byte of input (vectors of spans and quotes grow by
/// doubling; a quote record is 48 bytes). Generous, but it fails a runaway loop and anything
/// super-linear in memory.
constexpr std::size_t bytes_per_input_byte = 200;

std::string news() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(whosaid_test::data_dir() / "sample")) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::string all;
    for (const auto& f : files) all += whosaid_test::read_file(f) + "\n\n";
    return all;
}

struct engines {
    whosaid::sentence_splitter split_reject, split_replace;
    whosaid::quote_detector detect_reject, detect_replace;
    whosaid::speaker_attributor attr_reject, attr_replace;
    whosaid::extractor extract_reject, extract_replace;
    explicit engines(language lang)
        : split_reject({.lang = lang, .on_invalid = invalid_utf8::reject}),
          split_replace({.lang = lang, .on_invalid = invalid_utf8::replace}),
          detect_reject({.lang = lang, .on_invalid = invalid_utf8::reject}),
          detect_replace({.lang = lang, .on_invalid = invalid_utf8::replace}),
          attr_reject({.lang = lang, .on_invalid = invalid_utf8::reject}),
          attr_replace({.lang = lang, .on_invalid = invalid_utf8::replace}),
          extract_reject({.lang = lang, .on_invalid = invalid_utf8::reject}),
          extract_replace({.lang = lang, .on_invalid = invalid_utf8::replace}) {}
};

/// Runs `fn` under an allocation budget of `bytes_per_input_byte` per input byte; returns false
/// when the budget was exceeded.
template <class Fn>
bool within_budget(std::size_t input, Fn&& fn) {
    try {
        const whosaid_test::alloc_budget budget(input * bytes_per_input_byte + (1U << 20U));
        fn();
    } catch (const std::bad_alloc&) {
        return false;
    }
    return true;
}

/// Every engine's invariants under both policies on `text`, each call under a memory budget.
void check_all(const engines& e, const std::string& text) {
    std::string splitter, detector, attributor, extractor;
    std::vector<whosaid::text_span> sentences;
    std::vector<whosaid::quote> quotes;
    CHECK(within_budget(text.size(), [&] { splitter = whosaid_fuzz::check_splitter(e.split_reject, e.split_replace, text); }));
    CHECK(splitter.empty());
    CHECK(within_budget(text.size(), [&] { sentences = *e.split_replace.split(text); }));
    CHECK(within_budget(text.size(), [&] {
        detector = whosaid_fuzz::check_detector(e.detect_reject, e.detect_replace, text, sentences);
    }));
    CHECK(detector.empty());
    CHECK(within_budget(text.size(), [&] { quotes = *e.detect_replace.detect(text, sentences); }));
    CHECK(within_budget(text.size(), [&] {
        attributor = whosaid_fuzz::check_attributor(e.attr_reject, e.attr_replace, text, sentences, quotes);
    }));
    CHECK(attributor.empty());
    CHECK(within_budget(text.size(), [&] { extractor = whosaid_fuzz::check_extractor(e.extract_reject, e.extract_replace, text); }));
    CHECK(extractor.empty());
}

/// Depth of the deepest quotation (1 for a quotation without parent).
std::size_t max_depth(const std::vector<whosaid::quote>& quotes) {
    std::vector<std::size_t> depth(quotes.size(), 1);
    std::size_t deepest = 0;
    for (std::size_t i = 0; i < quotes.size(); ++i) {
        if (quotes[i].parent >= 0) depth[i] = depth[static_cast<std::size_t>(quotes[i].parent)] + 1;
        deepest = std::max(deepest, depth[i]);
    }
    return deepest;
}

}  // namespace

TEST_CASE("pathological: every engine keeps its invariants on 1 MB of each kind", "[pathological]") {
    static const engines en(language::en);
    static const engines ru(language::ru);
    const std::string sample = news();
    for (const patho::kind k : patho::all_kinds) {
        const std::string text = patho::make(k, input_size, sample);
        INFO("kind " << patho::name(k) << ", " << text.size() << " bytes");
        REQUIRE(text.size() > input_size - 8);
        REQUIRE(text.size() <= input_size);
        CHECK(whosaid::utf8::is_valid(text) == patho::valid_utf8(k));
        SECTION(std::string(patho::name(k)) + " en") { check_all(en, text); }
        SECTION(std::string(patho::name(k)) + " ru") { check_all(ru, text); }
    }
}

TEST_CASE("pathological: quotation marks only", "[pathological]") {
    const whosaid::quote_detector detector;
    SECTION("straight double quotes") {
        const std::string text = patho::make(patho::kind::straight_quotes, input_size, "x");
        const auto quotes = detector.detect(text);
        REQUIRE(quotes.has_value());
        // Marks with nothing between them quote nothing: no quotation has empty content.
        CHECK(quotes->empty());
        const auto sentences = whosaid::sentence_splitter{}.split(text);
        REQUIRE(sentences.has_value());
        CHECK(whosaid_fuzz::check_sentences(text, *sentences).empty());
    }
    SECTION("opening guillemets: nesting stops at max_depth") {
        const std::string text = patho::make(patho::kind::guillemets, input_size, "x");
        for (const std::uint32_t depth : {1U, 32U, 256U, 100000U}) {
            const whosaid::quote_options options{.max_depth = depth};
            const whosaid::quote_detector d(options);
            const auto quotes = d.detect(text);
            REQUIRE(quotes.has_value());
            CHECK(whosaid_fuzz::check_quotes(text, *quotes, options).empty());
            CHECK(max_depth(*quotes) <= std::clamp(depth, 1U, 256U));
        }
    }
}

TEST_CASE("pathological: quotations nested 10,000 deep stop at max_depth", "[pathological]") {
    const std::string text = patho::make(patho::kind::nested, input_size, "x");
    for (const std::uint32_t depth : {1U, 2U, 32U, 256U}) {
        const whosaid::quote_options options{.max_depth = depth};
        const whosaid::quote_detector d(options);
        const auto quotes = d.detect(text);
        REQUIRE(quotes.has_value());
        CHECK(whosaid_fuzz::check_quotes(text, *quotes, options).empty());
        CHECK(max_depth(*quotes) == depth);  // every block nests far deeper than the cap
        CHECK(!quotes->empty());
    }
}

TEST_CASE("pathological: one line, NUL bytes and no white space are one paragraph each", "[pathological]") {
    const std::string sample = news();
    for (const patho::kind k : {patho::kind::one_line, patho::kind::no_space}) {
        const std::string text = patho::make(k, input_size, sample);
        INFO("kind " << patho::name(k));
        const auto paragraphs = whosaid::split_paragraphs(text);
        REQUIRE(paragraphs.size() == 1);
        const auto sentences = whosaid::sentence_splitter{}.split(text);
        REQUIRE(sentences.has_value());
        CHECK(sentences->size() > 1);  // still split into sentences
    }
    // NUL is valid UTF-8 (U+0000), neither white space nor a letter: the text passes under
    // reject and still has sentences and quotations.
    const std::string with_nul = patho::make(patho::kind::nul_bytes, input_size, sample);
    CHECK(std::count(with_nul.begin(), with_nul.end(), '\0') > 100000);
    const whosaid::extractor extractor;
    const auto doc = extractor.extract(with_nul);
    REQUIRE(doc.has_value());
    CHECK(!doc->sentences.empty());
    CHECK(!doc->quotes.empty());
}

TEST_CASE("pathological: random bytes are rejected at the first bad byte and processed under replace",
          "[pathological]") {
    const std::string text = patho::make(patho::kind::random_bytes, input_size, "x");
    const std::size_t bad = whosaid::utf8::find_invalid(text);
    REQUIRE(bad != whosaid::utf8::npos);
    const whosaid::extractor reject;
    const auto r = reject.extract(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().offset == bad);
    const whosaid::extractor replace({.on_invalid = invalid_utf8::replace});
    std::optional<whosaid::document> doc;
    CHECK(within_budget(text.size(), [&] { doc = *replace.extract(text); }));
    REQUIRE(doc.has_value());
    CHECK(!doc->sentences.empty());
    CHECK(whosaid_fuzz::check_sentences(text, doc->sentences).empty());
}
