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

/// `extract_digest` of the portable build (see digest.hpp).
std::string portable_digest(std::string_view text, bool russian, bool replace_invalid) {
    return extract_digest<whosaid::extractor>(text, russian, replace_invalid);
}

}  // namespace whosaid_test
