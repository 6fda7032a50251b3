// SPDX-License-Identifier: MIT
// libFuzzer target: the whole pipeline (extractor) on arbitrary bytes, English and Russian.
// Invariants (tests/fuzz/invariants.hpp): reject reports the first bad byte exactly and runs no
// stage; replace returns a document whose every part satisfies its stage's invariants and equals
// what the stages give when run one by one; reject equals replace on valid text; determinism.
#include "fuzz_common.hpp"

#include <whosaid/extractor.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

using whosaid::invalid_utf8;
using whosaid::language;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const whosaid::extractor en_reject({.on_invalid = invalid_utf8::reject});
    static const whosaid::extractor en_replace({.on_invalid = invalid_utf8::replace});
    static const whosaid::extractor ru_reject({.lang = language::ru, .on_invalid = invalid_utf8::reject});
    static const whosaid::extractor ru_replace({.lang = language::ru, .on_invalid = invalid_utf8::replace});
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    whosaid_fuzz::require(whosaid_fuzz::check_extractor(en_reject, en_replace, text), text);
    whosaid_fuzz::require(whosaid_fuzz::check_extractor(ru_reject, ru_replace, text), text);
    return 0;
}
