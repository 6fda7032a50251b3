// SPDX-License-Identifier: MIT
// The whole pipeline built with its portable byte loops (WHOSAID_NO_SIMD), for
// test_portable.cpp to compare with the SIMD build of the same headers in the same program.
// WHOSAID_NO_SIMD puts this translation unit's library in `whosaid::v0_portable` (version.hpp),
// so its inline functions do not collide with the SIMD ones (`whosaid::v0`) at link time: without
// that, the linker would keep one body of each and the comparison would test nothing.
#define WHOSAID_NO_SIMD 1
#include "digest.hpp"

#include <whosaid/whosaid.hpp>

#include <string>
#include <string_view>
#include <type_traits>

#if WHOSAID_SSE2
#    error "WHOSAID_NO_SIMD did not turn the SSE2 scanners off"
#endif
static_assert(std::is_same_v<whosaid::extractor, whosaid::v0_portable::extractor>,
              "the portable build must have a namespace of its own (see version.hpp)");

namespace whosaid_test {

std::string portable_digest(std::string_view text, bool russian, bool replace_invalid);

/// `digest` of the portable extractor's result for `text` (English or Russian; invalid UTF-8
/// rejected, or replaced when `replace_invalid`). The four extractors are built once, on first
/// use, and are immutable, hence safe from the test's threads.
std::string portable_digest(std::string_view text, bool russian, bool replace_invalid) {
    auto make = [](whosaid::language lang, whosaid::invalid_utf8 policy) {
        whosaid::extractor_options o;
        o.lang = lang;
        o.on_invalid = policy;
        return whosaid::extractor(o);
    };
    static const whosaid::extractor en_reject = make(whosaid::language::en, whosaid::invalid_utf8::reject);
    static const whosaid::extractor en_replace = make(whosaid::language::en, whosaid::invalid_utf8::replace);
    static const whosaid::extractor ru_reject = make(whosaid::language::ru, whosaid::invalid_utf8::reject);
    static const whosaid::extractor ru_replace = make(whosaid::language::ru, whosaid::invalid_utf8::replace);
    const whosaid::extractor& x =
        russian ? (replace_invalid ? ru_replace : ru_reject) : (replace_invalid ? en_replace : en_reject);
    return digest(x.extract(text));
}

}  // namespace whosaid_test
