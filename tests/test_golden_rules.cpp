// SPDX-License-Identifier: MIT
// The sentence-boundary Golden Rules from ../shared/corpus/sbd (run in suite 'shared'; skipped
// when the folder is absent). Targets: English at least 51 of 52, Russian 37 of 37. Every failing
// case is printed. The scorer is benchmarks/sbd_suite.hpp, shared with whosaid-bench.
#include "../benchmarks/sbd_suite.hpp"

#include <whosaid/sentences.hpp>

#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <cstdio>
#include <filesystem>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_golden_rules {

namespace {

whosaid_bench::sbd_score run(const char* file, whosaid::language lang) {
    const auto shared = whosaid_test::shared_corpus();
    REQUIRE(shared);  // catch_main skips the whole run when the corpus is absent
    const std::filesystem::path path = *shared / "sbd" / file;
    REQUIRE(std::filesystem::is_regular_file(path));
    whosaid::sentence_options options;
    options.lang = lang;
    const whosaid_bench::sbd_score score =
        whosaid_bench::run_sbd_suite(path, whosaid::sentence_splitter(options), whosaid_bench::sbd_compare::golden);
    std::printf("%s: %zu/%zu\n", file, score.passed, score.total);
    for (const auto& f : score.failures) whosaid_bench::print_sbd_failure(stdout, f);
    std::fflush(stdout);
    return score;
}

}  // namespace

TEST_CASE("golden_rules: English, at least 51 of 52", "[golden_rules]") {
    const auto score = run("golden_rules_en.jsonl", whosaid::language::en);
    CHECK(score.total == 52);
    CHECK(score.passed >= 51);
}

TEST_CASE("golden_rules: Russian, 37 of 37", "[golden_rules]") {
    const auto score = run("golden_rules_ru.jsonl", whosaid::language::ru);
    CHECK(score.total == 37);
    CHECK(score.passed == 37);
}

}  // namespace test_golden_rules
