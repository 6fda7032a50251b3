// SPDX-License-Identifier: MIT
// Test helper shared by the quote scanner's fast-path tests (test_quotes.cpp, test_quotes_polnear.cpp).
#pragma once

#include <whosaid/quotes.hpp>

#include <string>
#include <vector>

namespace whosaid_test {

/// One line per quotation, every field: what the quote scanner's fast-path tests compare (and
/// print on failure).
inline std::string dump_quotes(const std::vector<whosaid::quote>& quotes) {
    std::string out;
    for (const whosaid::quote& q : quotes) {
        out += std::to_string(q.outer.begin) + "-" + std::to_string(q.outer.end) + " " + std::to_string(q.content.begin) +
               "-" + std::to_string(q.content.end) + " " + std::string(whosaid::to_string(q.style)) + " " +
               std::string(whosaid::to_string(q.role)) + (q.closed ? " closed " : " open ") +
               std::to_string(q.first_paragraph) + "-" + std::to_string(q.last_paragraph) + " " +
               std::to_string(q.parent) + "\n";
    }
    return out;
}

}  // namespace whosaid_test
