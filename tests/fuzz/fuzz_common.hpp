// SPDX-License-Identifier: MIT
// Shared by the libFuzzer targets: abort with the violated invariant, and arbitrary span lists
// derived from the input (engines must ignore spans that are unsorted or outside the text).
#pragma once

#include "invariants.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid_fuzz {

/// Prints the violation (with the input size) and aborts, so libFuzzer saves the input.
inline void require(const std::string& violation, std::string_view text) {
    if (violation.empty()) return;
    std::fprintf(stderr, "INVARIANT VIOLATED (input of %zu bytes): %s\n", text.size(), violation.c_str());
    std::abort();
}

/// Up to 6 spans made from the first bytes of `text`: some unsorted, some overlapping, some
/// reaching past the end. Deterministic in the input.
inline std::vector<whosaid::text_span> arbitrary_spans(std::string_view text) {
    std::vector<whosaid::text_span> out;
    const std::size_t n = text.size();
    for (std::size_t k = 0; k + 1 < text.size() && out.size() < 6; k += 2) {
        const auto a = static_cast<unsigned char>(text[k]);
        const auto b = static_cast<unsigned char>(text[k + 1]);
        const std::size_t begin = (a * n) / 200;  // up to 1.27 n: some past the end
        out.push_back({begin, begin + b});
    }
    return out;
}

}  // namespace whosaid_fuzz
