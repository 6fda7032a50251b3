// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Quotation detection: every way news text marks a quotation.
///
/// (Types first; the `quote_detector` engine is added by issue #3.)

#include "whosaid/config.hpp"
#include "whosaid/span.hpp"

#include <cstdint>
#include <string_view>

WHOSAID_BEGIN_NAMESPACE

/// How a quotation is marked.
enum class quote_style : std::uint8_t {
    straight_double,    ///< "…"
    straight_single,    ///< '…'
    curly_double,       ///< “…” (also ”…” and “…“ as typed by some sites)
    curly_single,       ///< ‘…’
    guillemets,         ///< «…» (and »…« as used in German and Danish)
    low_double,         ///< „…“ (German) and „…” (Polish, Hungarian, …)
    low_single,         ///< ‚…‘ and ‚…’
    single_guillemets,  ///< ‹…› (and ›…‹)
    corner,             ///< 「…」
    white_corner,       ///< 『…』
    backtick,           ///< ``…'' (TeX and Penn Treebank style)
    double_apostrophe,  ///< ''…''
    dash,               ///< A paragraph of direct speech introduced by –, — or ―.
};

/// Short, stable name of a style ("curly_double"), for JSON and TSV output.
[[nodiscard]] constexpr std::string_view to_string(quote_style s) noexcept {
    switch (s) {
        case quote_style::straight_double: return "straight_double";
        case quote_style::straight_single: return "straight_single";
        case quote_style::curly_double: return "curly_double";
        case quote_style::curly_single: return "curly_single";
        case quote_style::guillemets: return "guillemets";
        case quote_style::low_double: return "low_double";
        case quote_style::low_single: return "low_single";
        case quote_style::single_guillemets: return "single_guillemets";
        case quote_style::corner: return "corner";
        case quote_style::white_corner: return "white_corner";
        case quote_style::backtick: return "backtick";
        case quote_style::double_apostrophe: return "double_apostrophe";
        case quote_style::dash: return "dash";
    }
    return "unknown";
}

/// What a quoted passage is.
enum class quote_role : std::uint8_t {
    speech,  ///< Words someone said or wrote: gets a speaker.
    term,    ///< A title, motto, name, nickname or scare quote: never gets a speaker.
};

/// One quotation found by the quote detector. All spans are byte offsets into the text that
/// was passed to the detector.
struct quote {
    text_span outer;                     ///< The quotation with its marks (with the dash for `dash`).
    text_span content;                   ///< The quoted words without marks, the leading dash or the space after it.
    quote_style style = quote_style::straight_double;  ///< How the quotation is marked.
    quote_role role = quote_role::speech;              ///< Speech or term.
    bool closed = true;                  ///< False when no closing mark was found and the quotation was
                                         ///< ended at the end of its paragraph (or the text).
    std::uint32_t first_paragraph = 0;   ///< Index of the paragraph where the quotation opens.
    std::uint32_t last_paragraph = 0;    ///< Index of the paragraph where it ends (> first for a quotation
                                         ///< that runs over several paragraphs).
    std::int32_t parent = -1;            ///< Index of the enclosing quotation in the same result, or -1.
};

WHOSAID_END_NAMESPACE
