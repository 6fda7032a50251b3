// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Paragraphs: the unit over which quotations run and speakers carry over.
///
/// whosaid's definition, made for news text as it is scraped and distributed: **every
/// non-blank line is a paragraph**. Line breaks are LF, CR, CRLF, VT, FF, NEL, U+2028 and
/// U+2029; a line holding only white space (including U+00A0) separates paragraphs without
/// being one. Paragraph spans exclude surrounding white space. News sources put one paragraph
/// on a line (BBC, PolNeAR, the sample corpus, most scrapes); text hard-wrapped at a fixed
/// width is the exception this definition does not try to rejoin.

#include "whosaid/config.hpp"
#include "whosaid/span.hpp"
#include "whosaid/unicode.hpp"
#include "whosaid/utf8.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

WHOSAID_BEGIN_NAMESPACE

/// Calls `fn(text_span)` for each paragraph of `text`, in order. Works on any bytes: invalid
/// UTF-8 reads as U+FFFD per byte (a replacement character is not white space). Linear time,
/// no allocation, never reads outside `text`. `fn` may be called from the caller's thread only.
template <class Fn>
void for_each_paragraph(std::string_view text, Fn&& fn) {
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Skip white space (including blank lines) before the paragraph.
        std::size_t start = i;
        while (start < n) {
            const auto b = static_cast<unsigned char>(text[start]);
            if (b < 0x80U) {
                if (b == ' ' || (b >= 0x09 && b <= 0x0D)) { ++start; continue; }
                break;
            }
            const utf8::codepoint cp = utf8::decode(text, start);
            if (!cp.valid || !unicode::is_space(cp.value)) break;
            start += cp.length;
        }
        if (start >= n) return;
        // The paragraph runs to the next line break; trailing white space is trimmed.
        std::size_t end = start;
        std::size_t last_non_space = start;
        while (end < n) {
            const auto b = static_cast<unsigned char>(text[end]);
            if (b < 0x80U) {
                if (b >= 0x0A && b <= 0x0D) break;
                ++end;
                if (b != ' ' && b != '\t') last_non_space = end;
                continue;
            }
            const utf8::codepoint cp = utf8::decode(text, end);
            if (cp.valid && unicode::is_line_break(cp.value)) break;
            end += cp.length;
            if (!cp.valid || !unicode::is_space(cp.value)) last_non_space = end;
        }
        fn(text_span{start, last_non_space});
        i = end;
    }
}

/// The paragraphs of `text` as byte spans (see `for_each_paragraph`). Allocates the vector.
[[nodiscard]] inline std::vector<text_span> split_paragraphs(std::string_view text) {
    std::vector<text_span> out;
    for_each_paragraph(text, [&](text_span p) { out.push_back(p); });
    return out;
}

WHOSAID_END_NAMESPACE
