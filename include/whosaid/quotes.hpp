// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Quotation detection: every way news text marks a quotation.
///
/// `quote_detector` finds quotations in UTF-8 text in one forward pass: paired marks of every
/// style ("…", “…”, ‘…’, '…', «…», „…“, „…”, ‚…‘, ‹…›, 「…」, 『…』, ``…'', ''…''), quotations
/// nested in one another, quotations running over several paragraphs by the news convention,
/// paragraphs of dialogue introduced by a dash, apostrophes told apart from single quotes, and
/// unbalanced marks recovered at the end of their paragraph. Each quotation is classified as
/// speech (gets a speaker later) or term (a title, motto, name or scare quote: never does).
///
/// How the scan decides (the full rules are in detail/quote_scanner.hpp):
/// - **Straight marks** (" ' ＂ ＇ '') carry no direction. The neighbours decide: white space or
///   an opening bracket before and a word after make an opener; a word or punctuation before and
///   white space or punctuation after make a closer; the ambiguous cases (`:"Word`, `a"b`, ` " `)
///   close an open quotation of the same kind and otherwise open one only when a word follows
///   a punctuation mark.
/// - **Apostrophes**: a ' or ’ between two letters (don't, O’Neill), before digits ('90s, ’90s),
///   in an elision ('em, rock 'n' roll) or after a plural s followed by a lowercase word (the
///   students’ union, Jones' car) is an apostrophe, not a mark. A single quote that is never
///   closed is dropped instead of being reported unclosed.
/// - **Nesting** uses an explicit stack of at most `quote_options::max_depth` open quotations;
///   a closing mark closes the innermost open quotation it can close, and the quotations it
///   interrupts are reported unclosed (single quotes dropped).
/// - **Paragraphs** follow `for_each_paragraph` (every non-blank line is one). A quotation still
///   open at the end of its paragraph continues when the next paragraph opens with the same mark
///   and the paragraph ended in punctuation (the news convention: each paragraph reopens, only
///   the last closes); it is then ONE quotation whose content runs from after the first opening
///   mark to before the final closing mark. Otherwise it ends at the end of its paragraph with
///   `closed == false`: a missing mark never swallows the rest of the document.
/// - **Merged paragraphs** (BBC style: `…own. "Trying…` where the first quotation is never
///   closed): an opening straight or curly mark of the same kind as the open quotation, right
///   after a sentence end, continues that quotation (as a paragraph reopening would); after a
///   colon (`He added: "…`) it ends the open one (unclosed) and opens a new one; elsewhere it
///   opens a nested quotation (`"…would need "significant" changes…"`).
/// - **Dash speech**: a paragraph opening with –, — or ― (or "- ") and a capital letter, after a
///   paragraph ending with a colon and ending in sentence punctuation, is one quotation of style
///   `dash` (content without the dash and the space). In English a run of such paragraphs is a
///   list, not dialogue ("The winners are:" / "— A of B." / "— C of D."). In Russian a run is
///   dialogue, and a dash paragraph needs no colon before it when author's words follow
///   (`— Текст, — сказал он. — Ещё текст.`): `, — сказал` ends one quotation and `. — Текст`
///   opens the next.
/// - **Shared closing marks** (Russian): `ОАО «НК «Роснефть»` — an outer quotation still open at
///   the end of its paragraph ends at the closing mark of its last nested quotation of the same
///   kind, when nothing was opened after it.
///
/// All offsets are UTF-8 byte offsets into the text passed to `detect`.

#include "whosaid/config.hpp"
#include "whosaid/detail/quote_lexicon.hpp"
#include "whosaid/error.hpp"
#include "whosaid/language.hpp"
#include "whosaid/span.hpp"
#include "whosaid/utf8.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

WHOSAID_BEGIN_NAMESPACE

/// How a quotation is marked.
enum class quote_style : std::uint8_t {
    straight_double,    ///< "…" (also fullwidth ＂…＂)
    straight_single,    ///< '…' (also fullwidth ＇…＇)
    curly_double,       ///< “…” (also ”…” and “…“ as typed by some sites, ‟…”, and 〝…〞)
    curly_single,       ///< ‘…’ (also ‛…’)
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

/// Short, stable name of a role ("speech", "term").
[[nodiscard]] constexpr std::string_view to_string(quote_role r) noexcept {
    return r == quote_role::term ? "term" : "speech";
}

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

/// Options of a `quote_detector`: a plain aggregate, usable with designated initializers
/// (`quote_detector{{.lang = language::ru}}`).
struct quote_options {
    /// Language profile: which cue words and reporting verbs decide speech versus term, and
    /// which elisions ('em, 'n') are apostrophes. Marks of every style are recognised in every
    /// language (news text mixes them).
    language lang = language::en;
    /// What `detect` does with text that is not valid UTF-8: `reject` returns
    /// `errc::invalid_utf8` with the offset of the first bad byte; `replace` reads every bad
    /// byte as U+FFFD in place (spans still index the original bytes).
    invalid_utf8 on_invalid = invalid_utf8::reject;
    /// Recognise paragraphs of dialogue introduced by –, — or ― (style `dash`).
    bool dash_speech = true;
    /// Join a quotation that runs over several paragraphs (each paragraph reopens it, only the
    /// last closes it) into one quotation. When false, each paragraph's part is reported on its
    /// own, unclosed.
    bool multi_paragraph = true;
    /// Treat an opening mark of the open quotation's kind right after a sentence end inside it as
    /// a lost paragraph break (`"…own. "Trying…"` in merged paragraphs): the quotation continues.
    /// When false, such a mark opens a nested quotation.
    bool inline_reopen = true;
    /// Detect quotations in straight single quotes '…' (apostrophe-aware). Curly ‘…’ are always
    /// detected.
    bool single_quotes = true;
    /// Maximum nesting depth (1-256; other values are clamped). Opening marks beyond it are
    /// read as text, which keeps the scan linear on adversarial input.
    std::uint32_t max_depth = 32;
    /// A quotation of at most this many words with no other sign of speech (sentence
    /// punctuation inside, a reporting verb or a colon before it, a clause after it) is a term.
    std::uint32_t max_term_words = 2;
    /// Classify quotations as speech or term. When false, every quotation is speech.
    bool classify = true;
    /// More words that announce a term when they stand before a quotation (lowercase UTF-8; a
    /// trailing '*' makes a stem: "festiv*"). Added to the language's built-in list.
    std::vector<std::string> extra_term_cues{};
    /// More reporting verbs that announce speech before or after a quotation (same format).
    std::vector<std::string> extra_speech_cues{};
};

/// Finds quotations in UTF-8 text. Built once from `quote_options` (the constructor compiles
/// the word lists), immutable afterwards: `detect` is `const` and safe to call from many
/// threads at once on one detector. Copyable and movable.
class quote_detector {
public:
    /// Builds a detector for `options`. Allocates; throws only std::bad_alloc.
    explicit quote_detector(quote_options options = {});

    /// The quotations of `text`, sorted by `outer.begin`; a quotation nested in another is a
    /// separate entry whose `parent` is the index of the enclosing one (parents precede their
    /// children). Every span lies inside `text` and never splits a valid UTF-8 sequence.
    ///
    /// Without sentence spans, "does the quotation start a sentence" (one sign of speech) and
    /// the window searched for cue words before it are found locally: the previous sentence
    /// punctuation or colon, or the start of the paragraph.
    ///
    /// Under `invalid_utf8::reject` an invalid text yields `errc::invalid_utf8` and its offset.
    /// Empty text yields an empty vector. Time is linear in the size of the text on any input
    /// (one forward scan; bounded windows around each quotation); memory is linear in the
    /// number of marks. The result does not refer to `text`: only offsets are stored.
    [[nodiscard]] result<std::vector<quote>> detect(std::string_view text) const;

    /// Same as `detect(text)`, using sentence spans the splitter already found.
    ///
    /// `sentences` must be sorted, non-overlapping spans into `text` (as `sentence_splitter`
    /// returns them); spans that break this rule or reach past the text are ignored. They are
    /// used for the speech/term decision: a quotation that starts a sentence (only white space,
    /// brackets or marks between the sentence's start and the opening mark) counts as speech
    /// evidence, and the window searched for cue words before it ("the motto", "the decision of
    /// the … Council") stops at the start of its sentence. This is more reliable than the local
    /// guess, which is fooled by abbreviations ("the U.S. "Dream Team"").
    [[nodiscard]] result<std::vector<quote>> detect(std::string_view text,
                                                    std::span<const text_span> sentences) const;

    /// The options this detector was built with.
    [[nodiscard]] const quote_options& options() const noexcept { return options_; }

private:
    quote_options options_;
    detail::word_table words_;
};

WHOSAID_END_NAMESPACE

// The engine: defined after the declarations above, and includes this header itself, so that
// either header can be included first.
#include "whosaid/detail/quote_scanner.hpp"  // IWYU pragma: export
