// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Compiler checks, exception detection and the overridable assertion macro.

#include "whosaid/version.hpp"

#include <cstdlib>

#if !defined(__cplusplus) || __cplusplus < 202002L
#    error "whosaid needs C++20 (-std=c++20 or later)"
#endif

/// Exceptions are used only for configuration errors (a bad user pattern) and for
/// `result<T>::value()` on an error. Define WHOSAID_NO_EXCEPTIONS, or compile with
/// -fno-exceptions, and those paths call std::abort() instead of throwing.
#if !defined(WHOSAID_NO_EXCEPTIONS) && !defined(__cpp_exceptions)
#    define WHOSAID_NO_EXCEPTIONS 1
#endif

#ifdef WHOSAID_NO_EXCEPTIONS
#    define WHOSAID_THROW(exception) std::abort()
#else
#    define WHOSAID_THROW(exception) throw exception
#endif

/// 1 when the byte scanners (sentences, quotations, the attributor's tokenizer) read 16 bytes
/// at a time with SSE2, which every x86-64 compiler targets; 0 for their portable loops, which
/// give the same results byte for byte at ~half the speed of those stages. Define
/// WHOSAID_NO_SIMD to force the portable loops (the tests build them that way on x86-64 too, so
/// they are compiled and checked on every machine, not only where SSE2 is missing).
#if defined(__SSE2__) && !defined(WHOSAID_NO_SIMD)
#    define WHOSAID_SSE2 1
#else
#    define WHOSAID_SSE2 0
#endif

/// Internal consistency check. Off unless WHOSAID_ENABLE_ASSERTS is defined; define
/// WHOSAID_ASSERT yourself to route it to your own handler.
#ifndef WHOSAID_ASSERT
#    ifdef WHOSAID_ENABLE_ASSERTS
#        define WHOSAID_ASSERT(condition) ((condition) ? static_cast<void>(0) : std::abort())
#    else
#        define WHOSAID_ASSERT(condition) static_cast<void>(0)
#    endif
#endif

/// Forces inlining of a small hot function whose result is a large value (a block's masks):
/// at -O2 GCC keeps such a function out of line and returns the struct through memory, which
/// cost the tokenizer ~3 instructions per byte. Empty on compilers without the attribute.
#if defined(__GNUC__) || defined(__clang__)
#    define WHOSAID_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#    define WHOSAID_ALWAYS_INLINE inline
#endif

/// Inlines every call in the function it marks: the tokenizer's `push_back` of each token,
/// which GCC at -O3 inlines or not depending on the size of the program that includes the
/// headers (in quote-dump it did not: a call per token, ~4% of its instructions). Empty on
/// compilers without the attribute.
#if defined(__GNUC__) || defined(__clang__)
#    define WHOSAID_FLATTEN __attribute__((flatten))
#else
#    define WHOSAID_FLATTEN
#endif
