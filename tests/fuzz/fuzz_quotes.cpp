// SPDX-License-Identifier: MIT
// libFuzzer target: the quote detector on arbitrary bytes, with several option sets, without
// sentences, with the splitter's sentences and with arbitrary (unsorted, out-of-range) sentence
// spans, which it must ignore. Invariants (tests/fuzz/invariants.hpp): reject reports the first
// bad byte exactly; replace returns quotes sorted by outer.begin, inside the input, on code point
// boundaries, content inside outer, parents preceding and containing their children, nesting
// within max_depth, paragraph indices right; reject equals replace on valid text; determinism.
#include "fuzz_common.hpp"

#include <whosaid/quotes.hpp>
#include <whosaid/sentences.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

using whosaid::invalid_utf8;
using whosaid::language;
using whosaid::quote_detector;
using whosaid::quote_options;

namespace {

struct pair {
    quote_detector reject;
    quote_detector replace;
    explicit pair(quote_options o)
        : reject([&] { o.on_invalid = invalid_utf8::reject; return o; }()),
          replace([&] { o.on_invalid = invalid_utf8::replace; return o; }()) {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const pair en(quote_options{});
    static const pair ru(quote_options{.lang = language::ru});
    // Every switch flipped, a tiny depth cap and user cue words.
    static const pair alt(quote_options{.dash_speech = false, .multi_paragraph = false, .inline_reopen = false,
                                        .single_quotes = false, .max_depth = 2, .max_term_words = 0, .classify = false});
    static const pair cues(quote_options{.max_depth = 0, .max_term_words = 5, .extra_term_cues = {"festiv*", "motto"},
                                         .extra_speech_cues = {"quipped", "сказа*"}});
    static const whosaid::sentence_splitter splitter({.on_invalid = invalid_utf8::replace});

    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto sentences = splitter.split(text);
    if (!sentences) whosaid_fuzz::require("sentence_splitter (replace): error", text);
    const auto arbitrary = whosaid_fuzz::arbitrary_spans(text);
    whosaid_fuzz::require(whosaid_fuzz::check_detector(en.reject, en.replace, text, *sentences), text);
    whosaid_fuzz::require(whosaid_fuzz::check_detector(ru.reject, ru.replace, text, *sentences), text);
    whosaid_fuzz::require(whosaid_fuzz::check_detector(alt.reject, alt.replace, text, arbitrary), text);
    whosaid_fuzz::require(whosaid_fuzz::check_detector(cues.reject, cues.replace, text, arbitrary), text);
    return 0;
}
