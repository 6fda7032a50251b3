// SPDX-License-Identifier: MIT
// Pathological inputs of about 1 MB (benchmarks/pathological.hpp, the generators that
// whosaid-pathological times at 2, 20 and 200 MB): `"` only, `«` only, no space or line break,
// one long line, quotations nested 10,000 deep, NUL bytes, random bytes. Asserts correctness,
// never time: every invariant of every engine under both policies (tests/fuzz/invariants.hpp),
// the nesting cap, and memory linear in the input: each single call of each engine, under each
// policy, allocates at most `bytes_per_input_byte` in total (tests/alloc_budget.hpp). Run with
// WHOSAID_TEST_REPORT=1 to print the bytes per input byte of every call.
#include "../benchmarks/pathological.hpp"
#include "alloc_budget.hpp"  // one definition per executable: the suites share one TU (bundle_speakers.cpp)
#include "fuzz/invariants.hpp"
#include "test_support.hpp"

#include <whosaid/whosaid.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_pathological {

using namespace std::string_view_literals;
namespace patho = whosaid_pathological;
using whosaid::invalid_utf8;
using whosaid::language;

namespace {

constexpr std::size_t input_size = 1'000'000;
/// Bytes ONE call of one engine (one policy) may allocate in total per byte of input: the sum
/// of every allocation during the call, freed or not (a budget per call, so the figure does not
/// depend on how many calls a check makes). Vectors of spans, quotes and tokens grow by doubling
/// (about twice their final size in total). Measured (WHOSAID_TEST_REPORT=1) in November 2026:
/// news text on one line 13, the worst kind (random bytes under replace, the attributor's
/// tokens) about 60. A runaway loop or anything super-linear in memory exceeds 100 at once (a
/// quadratic allocation on 1 MB would be terabytes).
constexpr std::size_t bytes_per_input_byte = 100;
/// A runaway guard, not a measurement: the invariant checks make several calls per engine (both
/// policies, a repeat for determinism, the extractor's stages one by one) plus bookkeeping of
/// their own (code point boundaries, paragraphs), all under one budget.
constexpr std::size_t guard_bytes_per_input_byte = 20 * bytes_per_input_byte;
/// Constant slack on top of every budget (engine setup, small tables): 1 MiB.
constexpr std::size_t slack = 1U << 20U;

std::string news() {
    std::string all;
    for (const auto& f : whosaid_test::sample_paths()) all += whosaid_test::read_file(f) + "\n\n";
    return all;
}

struct engines {
    language lang;
    whosaid::sentence_splitter split_reject, split_replace;
    whosaid::quote_detector detect_reject, detect_replace;
    whosaid::speaker_attributor attr_reject, attr_replace;
    whosaid::extractor extract_reject, extract_replace;
    explicit engines(language l)
        : lang(l),
          split_reject({.lang = l, .on_invalid = invalid_utf8::reject}),
          split_replace({.lang = l, .on_invalid = invalid_utf8::replace}),
          detect_reject({.lang = l, .on_invalid = invalid_utf8::reject}),
          detect_replace({.lang = l, .on_invalid = invalid_utf8::replace}),
          attr_reject({.lang = l, .on_invalid = invalid_utf8::reject}),
          attr_replace({.lang = l, .on_invalid = invalid_utf8::replace}),
          extract_reject({.lang = l, .on_invalid = invalid_utf8::reject}),
          extract_replace({.lang = l, .on_invalid = invalid_utf8::replace}) {}
};

/// What one call allocated: `bytes` in total, and whether that stayed within the limit (the
/// allocation that would pass it throws std::bad_alloc, which ends the call).
struct allocation {
    bool within = true;
    std::size_t bytes = 0;
};

template <class Fn>
allocation allocated_by(std::size_t limit, Fn&& fn) {
    allocation a;
    const whosaid_test::alloc_budget budget(limit);
    try {
        fn();
    } catch (const std::bad_alloc&) {
        a.within = false;
    }
    a.bytes = budget.used();
    return a;
}

/// One call of one engine under its own budget of `bytes_per_input_byte` per input byte.
/// With WHOSAID_TEST_REPORT=1 in the environment, prints the bytes allocated per input byte.
template <class Fn>
void check_budget(std::string_view kind, const engines& e, std::string_view engine, invalid_utf8 policy,
                  std::size_t input, Fn&& fn) {
    const allocation a = allocated_by(input * bytes_per_input_byte + slack, fn);
    const double per_byte = static_cast<double>(a.bytes) / static_cast<double>(input);
    const char* policy_name = policy == invalid_utf8::reject ? "reject" : "replace";
    if (const char* env = std::getenv("WHOSAID_TEST_REPORT"); env != nullptr && *env == '1') {
        std::printf("alloc %-16s %-3s %-11s %-8s %8.1f bytes per input byte%s\n", std::string(kind).c_str(),
                    e.lang == language::ru ? "ru" : "en", std::string(engine).c_str(), policy_name, per_byte,
                    a.within ? "" : " (stopped: over budget)");
    }
    INFO(engine << " (" << policy_name << ") allocated " << a.bytes << " bytes, " << per_byte
                << " per input byte; the budget is " << bytes_per_input_byte);
    CHECK(a.within);
}

/// Every engine's invariants under both policies on `text` (under a runaway guard), then one call
/// of each engine and policy, each under its own allocation budget.
void check_all(std::string_view kind, const engines& e, const std::string& text) {
    const std::size_t n = text.size();
    std::string splitter, detector, attributor, extractor;
    std::vector<whosaid::text_span> sentences;
    std::vector<whosaid::quote> quotes;
    const std::size_t guard = n * guard_bytes_per_input_byte + slack;
    CHECK(allocated_by(guard, [&] { splitter = whosaid_fuzz::check_splitter(e.split_reject, e.split_replace, text); }).within);
    CHECK(splitter.empty());
    sentences = *e.split_replace.split(text);
    CHECK(allocated_by(guard, [&] {
              detector = whosaid_fuzz::check_detector(e.detect_reject, e.detect_replace, text, sentences);
          }).within);
    CHECK(detector.empty());
    quotes = *e.detect_replace.detect(text, sentences);
    CHECK(allocated_by(guard, [&] {
              attributor = whosaid_fuzz::check_attributor(e.attr_reject, e.attr_replace, text, sentences, quotes);
          }).within);
    CHECK(attributor.empty());
    CHECK(allocated_by(guard, [&] {
              extractor = whosaid_fuzz::check_extractor(e.extract_reject, e.extract_replace, text);
          }).within);
    CHECK(extractor.empty());

    // Memory: each call on its own. Under reject, invalid text (random bytes) stops at the check.
    for (const invalid_utf8 policy : {invalid_utf8::reject, invalid_utf8::replace}) {
        const bool rj = policy == invalid_utf8::reject;
        check_budget(kind, e, "splitter", policy, n, [&] { (void)(rj ? e.split_reject : e.split_replace).split(text); });
        check_budget(kind, e, "detector", policy, n,
                     [&] { (void)(rj ? e.detect_reject : e.detect_replace).detect(text, sentences); });
        check_budget(kind, e, "attributor", policy, n,
                     [&] { (void)(rj ? e.attr_reject : e.attr_replace).attribute(text, sentences, quotes); });
        check_budget(kind, e, "extractor", policy, n,
                     [&] { (void)(rj ? e.extract_reject : e.extract_replace).extract(text); });
    }
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
        SECTION(std::string(patho::name(k)) + " en") { check_all(patho::name(k), en, text); }
        SECTION(std::string(patho::name(k)) + " ru") { check_all(patho::name(k), ru, text); }
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
    SECTION("one mark style: the nesting reaches the cap exactly") {
        // «a «a «a … deep b» b» b», he said. — 10,000 deep, unambiguous marks, repeated.
        for (const auto& [open, close] : {std::pair{"\xC2\xAB"sv, "\xC2\xBB"sv}, std::pair{"\xE2\x80\x9C"sv, "\xE2\x80\x9D"sv},
                                          std::pair{"\""sv, "\""sv}}) {
            std::string block;
            for (int d = 0; d < 10000; ++d) block.append(open).append("a ");
            block.append("deep");
            for (int d = 0; d < 10000; ++d) block.append(" b").append(close);
            block.append(", he said. ");
            std::string text;
            while (text.size() < input_size) text.append(block);
            INFO("mark " << open);
            for (const std::uint32_t depth : {1U, 2U, 32U, 256U}) {
                const whosaid::quote_options options{.max_depth = depth};
                const auto quotes = whosaid::quote_detector(options).detect(text);
                REQUIRE(quotes.has_value());
                CHECK(whosaid_fuzz::check_quotes(text, *quotes, options).empty());
                CHECK(max_depth(*quotes) == depth);
            }
        }
    }
    SECTION("five mark styles mixed (the benchmark's kind): never deeper than the cap") {
        // " « “ ‘ „ in turn: `“` both closes „ and opens, `"` both opens and closes, so some
        // marks pair differently than written and the deepest chain may stay below the cap.
        const std::string text = patho::make(patho::kind::nested, input_size, "x");
        for (const std::uint32_t depth : {1U, 2U, 32U, 256U}) {
            const whosaid::quote_options options{.max_depth = depth};
            const auto quotes = whosaid::quote_detector(options).detect(text);
            REQUIRE(quotes.has_value());
            CHECK(whosaid_fuzz::check_quotes(text, *quotes, options).empty());
            CHECK(max_depth(*quotes) <= depth);
            CHECK(max_depth(*quotes) > depth / 2);  // yet it does nest: 1, 2, 31 and 248 levels
        }
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
        if (k == patho::kind::one_line) {
            CHECK(sentences->size() > 1000);  // still split into sentences
        } else {
            // A stop glued to the next word ends a sentence only when its white-space-delimited
            // token is at most 64 bytes each way (sentences.hpp, "world.Today"): with no white
            // space at all the whole text is one sentence, found in linear time.
            REQUIRE(sentences->size() == 1);
            CHECK((*sentences)[0] == whosaid::text_span{0, text.size()});
        }
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
    CHECK(allocated_by(text.size() * bytes_per_input_byte + slack, [&] { doc = *replace.extract(text); }).within);
    REQUIRE(doc.has_value());
    CHECK(!doc->sentences.empty());
    CHECK(whosaid_fuzz::check_sentences(text, doc->sentences).empty());
}

TEST_CASE("pathological: a huge text's quotation records are written once, not joined from windows",
          "[pathological][windows]") {
    // Quotations nested 10,000 deep over 9 MB of windows: about one record per quotation,
    // 112 bytes each, some 5 bytes of records per input byte (1 GB at 200 MB). The windows
    // append to the one result, grown from the density so far; they used to return a vector
    // each, joined into a third at the end: every record allocated (and its pages faulted in)
    // twice, which made the attributor's time per MB at 200 MB twice that at 20 MB.
    const std::string text = patho::make(patho::kind::nested, std::size_t{9} << 20U, "x");
    const whosaid::extractor x({.on_invalid = invalid_utf8::replace});
    const auto sentences = x.splitter().split(text);
    REQUIRE(sentences.has_value());
    const auto quotes = x.detector().detect(text, *sentences);
    REQUIRE(quotes.has_value());
    whosaid::workspace work;
    const auto warm = x.attributor().attribute(text, *sentences, *quotes, work);  // the workspace's buffers
    REQUIRE(warm.has_value());
    std::optional<whosaid::attribution> r;
    const allocation a = allocated_by(std::size_t{1} << 34U, [&] { r = *x.attributor().attribute(text, *sentences, *quotes, work); });
    REQUIRE(a.within);
    REQUIRE(r.has_value());
    REQUIRE(r->quotations.size() > quotes->size() / 2);
    CHECK(r->quotations.size() == warm->quotations.size());
    const std::size_t records = r->quotations.size() * sizeof(whosaid::quotation);
    // What a warm call allocates: the records (the vector sized once, an eighth to spare), the
    // entities, and the run's own index of the sentences and quotations (24 bytes a quotation).
    INFO("records " << records << " bytes, allocated " << a.bytes << " bytes, " << quotes->size() << " quotations");
    CHECK(a.bytes < records + records / 4 + quotes->size() * 24 + slack);
    CHECK(r->quotations.capacity() <= r->quotations.size() + r->quotations.size() / 4);
    // Entities and speaker indices stay right across windows.
    for (const auto& q : r->quotations) {
        if (q.speaker >= 0) CHECK(static_cast<std::size_t>(q.speaker) < r->entities.size());
    }
}

TEST_CASE("pathological: the windows' records grow from the density so far, within bounds", "[pathological][windows]") {
    using whosaid::detail::attr::grown_capacity;
    using whosaid::detail::attr::output_growth;
    // Records that fit: the capacity stays.
    CHECK(grown_capacity(100, 80, output_growth{10, 100, 50}) == 100);
    // An even density: the first window sizes the vector for the whole text, an eighth to spare.
    // 1,000 records in the first 4 MB of 200 MB with 49,000 quotations left: 1000 * 49 * 1.125.
    const std::size_t first = grown_capacity(0, 1000, output_growth{4'000'000, 200'000'000, 49'000});
    CHECK(first >= 50'000);
    CHECK(first <= 57'200);
    // A dense start (nested quotations) before plain text: no more than one record per quotation
    // left and one per 256 bytes left, not the extrapolated 49 times the start.
    CHECK(grown_capacity(0, 180'000, output_growth{4'000'000, 200'000'000, 1'000}) ==
          180'000 + 1'000 + 196'000'000 / 256 + 1);
    // A guess that falls short still grows by half at least (a linear number of copies)...
    CHECK(grown_capacity(10'000, 10'001, output_growth{100'000'000, 200'000'000, 0}) >= 15'000);
    // ...and the last window takes exactly what is needed.
    CHECK(grown_capacity(10'000, 10'001, output_growth{200'000'000, 200'000'000, 0}) == 10'001);
}

}  // namespace test_pathological
