// SPDX-License-Identifier: MIT
// libFuzzer target: the sentence splitter on arbitrary bytes, English and Russian profiles.
// Invariants (tests/fuzz/invariants.hpp): reject reports the first bad byte exactly; replace
// returns ordered, disjoint, non-empty, trimmed spans inside the input that never split a UTF-8
// sequence nor contain a blank line; reject equals replace on valid text; split equals
// for_each_sentence; a second call gives the same result.
#include "fuzz_common.hpp"

#include <whosaid/sentences.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

using whosaid::invalid_utf8;
using whosaid::language;
using whosaid::sentence_splitter;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const sentence_splitter en_reject({.on_invalid = invalid_utf8::reject});
    static const sentence_splitter en_replace({.on_invalid = invalid_utf8::replace});
    static const sentence_splitter ru_reject({.lang = language::ru, .on_invalid = invalid_utf8::reject});
    static const sentence_splitter ru_replace({.lang = language::ru, .on_invalid = invalid_utf8::replace});
    // User abbreviations take another path through the scanner.
    static const sentence_splitter extra_reject({.on_invalid = invalid_utf8::reject, .extra_abbreviations = {"approx", "Bros.", "т.к", "o\xE2\x80\x99"}});
    static const sentence_splitter extra_replace({.on_invalid = invalid_utf8::replace, .extra_abbreviations = {"approx", "Bros.", "т.к", "o\xE2\x80\x99"}});

    const std::string_view text(reinterpret_cast<const char*>(data), size);
    whosaid_fuzz::require(whosaid_fuzz::check_splitter(en_reject, en_replace, text), text);
    whosaid_fuzz::require(whosaid_fuzz::check_splitter(ru_reject, ru_replace, text), text);
    whosaid_fuzz::require(whosaid_fuzz::check_splitter(extra_reject, extra_replace, text), text);
    return 0;
}
