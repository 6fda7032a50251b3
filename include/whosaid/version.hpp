// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Library version and the ABI namespace tag.

#define WHOSAID_VERSION_MAJOR 0
#define WHOSAID_VERSION_MINOR 1
#define WHOSAID_VERSION_PATCH 0
/// The version as one number: major * 10000 + minor * 100 + patch.
#define WHOSAID_VERSION (WHOSAID_VERSION_MAJOR * 10000 + WHOSAID_VERSION_MINOR * 100 + WHOSAID_VERSION_PATCH)
/// The version as a string literal.
#define WHOSAID_VERSION_STRING "0.1.0"

// Every public name lives in `whosaid::v0` through an inline namespace: user code writes
// `whosaid::sentence_splitter`, while two incompatible versions linked into one program
// fail at link time instead of silently violating the ODR (the nlohmann/fmt approach).
// Translation units built with WHOSAID_NO_SIMD (see config.hpp) get `whosaid::v0_portable`
// instead: their inline functions have other bodies, so they must not share names with the
// SIMD build's; the two can then live in one program (the tests compare them that way).
#if defined(WHOSAID_NO_SIMD)
#    define WHOSAID_BEGIN_NAMESPACE \
        namespace whosaid {         \
        inline namespace v0_portable {
#else
#    define WHOSAID_BEGIN_NAMESPACE \
        namespace whosaid {         \
        inline namespace v0 {
#endif
#define WHOSAID_END_NAMESPACE \
    }                         \
    }
