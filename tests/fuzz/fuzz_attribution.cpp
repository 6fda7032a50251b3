// SPDX-License-Identifier: MIT
// libFuzzer target: the speaker attributor on arbitrary bytes, given the splitter's sentences and
// the detector's quotes; also with no sentences, with arbitrary sentence spans, and with extra
// quotes reaching past the text (all of which it must tolerate). Invariants
// (tests/fuzz/invariants.hpp): reject reports the first bad byte exactly; replace returns
// quotations in text order whose spans lie inside the input on code point boundaries, whose
// indices point into the entity and quote lists, terms without a speaker, confidence in [0, 1];
// reject equals replace on valid text; determinism.
#include "fuzz_common.hpp"

#include <whosaid/attribution.hpp>
#include <whosaid/quotes.hpp>
#include <whosaid/sentences.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

using whosaid::invalid_utf8;
using whosaid::language;

namespace {

struct stages {
    whosaid::sentence_splitter splitter;
    whosaid::quote_detector detector;
    whosaid::speaker_attributor reject;
    whosaid::speaker_attributor replace;
    explicit stages(language lang)
        : splitter({.lang = lang, .on_invalid = invalid_utf8::replace}),
          detector({.lang = lang, .on_invalid = invalid_utf8::replace}),
          reject({.lang = lang, .on_invalid = invalid_utf8::reject}),
          replace({.lang = lang, .on_invalid = invalid_utf8::replace}) {}
};

void run(const stages& s, std::string_view text) {
    const auto sentences = s.splitter.split(text);
    if (!sentences) whosaid_fuzz::require("sentence_splitter (replace): error", text);
    const auto quotes = s.detector.detect(text, *sentences);
    if (!quotes) whosaid_fuzz::require("quote_detector (replace): error", text);
    whosaid_fuzz::require(whosaid_fuzz::check_attributor(s.reject, s.replace, text, *sentences, *quotes), text);
    whosaid_fuzz::require(whosaid_fuzz::check_attributor(s.reject, s.replace, text, {}, *quotes), text);
    // Spans outside the text are ignored (attribution.hpp): arbitrary sentences, and a quote
    // past the end appended to the real ones.
    const auto arbitrary = whosaid_fuzz::arbitrary_spans(text);
    std::vector<whosaid::quote> more = *quotes;
    whosaid::quote beyond;
    beyond.outer = {text.size() + 1, text.size() + 9};
    beyond.content = {text.size() + 2, text.size() + 8};
    more.push_back(beyond);
    whosaid_fuzz::require(whosaid_fuzz::check_attributor(s.reject, s.replace, text, arbitrary, more), text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const stages en(language::en);
    static const stages ru(language::ru);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    run(en, text);
    run(ru, text);
    return 0;
}
