// SPDX-License-Identifier: MIT
// The Catch2 v2 main, compiled once into a static library that every test links.
//
// WHOSAID_TEST_LOCALE=<name> makes the run use that C locale (setlocale(LC_ALL, name)), so the
// locale suite proves that nothing in the library depends on it. A locale that is not
// installed skips the run (exit 77, which meson reports as SKIP) with the command to add it.
//
// WHOSAID_TEST_NEEDS_SHARED=1 marks a run that measures against ../shared/corpus (other
// projects' data, never committed): when that folder is absent the run is skipped the same way,
// with a message, instead of failing.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <clocale>
#include <cstdio>
#include <cstdlib>

#include "test_support.hpp"

int main(int argc, char* argv[]) {
    if (const char* want = std::getenv("WHOSAID_TEST_LOCALE"); want != nullptr && *want != '\0') {
        if (std::setlocale(LC_ALL, want) == nullptr) {
            std::fprintf(stderr, "SKIP: locale %s is not installed (as root: localedef -i %.5s -f UTF-8 %s)\n", want,
                         want, want);
            return 77;
        }
    }
    if (const char* need = std::getenv("WHOSAID_TEST_NEEDS_SHARED"); need != nullptr && *need == '1') {
        if (!whosaid_test::shared_corpus()) {
            std::fprintf(stderr, "SKIP: shared corpus not found at %s (set WHOSAID_SHARED_CORPUS or -Dshared_corpus=...)\n",
                         WHOSAID_SHARED_CORPUS_DIR);
            return 77;
        }
    }
    return Catch::Session().run(argc, argv);
}
