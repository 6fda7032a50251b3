// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// The whole pipeline in one call: paragraphs → sentences → quotations → speakers.
///
/// `extractor` owns one `sentence_splitter`, one `quote_detector` and one `speaker_attributor`
/// built for the same language and invalid-UTF-8 policy. `extract` validates the text once and
/// then runs the stages on it (each stage would otherwise validate it again), and returns
/// every stage's output as byte spans into the caller's text.

#include "whosaid/attribution.hpp"
#include "whosaid/config.hpp"
#include "whosaid/error.hpp"
#include "whosaid/language.hpp"
#include "whosaid/paragraphs.hpp"
#include "whosaid/quotes.hpp"
#include "whosaid/sentences.hpp"
#include "whosaid/span.hpp"
#include "whosaid/utf8.hpp"

#include <string_view>
#include <utility>
#include <vector>

WHOSAID_BEGIN_NAMESPACE

/// Options of an `extractor`. `lang` and `on_invalid` are set once here for all stages: the
/// same fields inside `sentences`, `quotes` and `attribution` are overwritten with them. The
/// other fields of each stage's options are used as given.
struct extractor_options {
    /// Language of the texts (every stage's profile).
    language lang = language::en;
    /// What `extract` does with text that is not valid UTF-8 (see `invalid_utf8`).
    invalid_utf8 on_invalid = invalid_utf8::reject;
    /// Options of the sentence splitter (extra abbreviations).
    sentence_options sentences{};
    /// Options of the quote detector (dash speech, term classification, …).
    quote_options quotes{};
    /// Options of the speaker attributor (extra cues, titles, indirect speech on or off).
    attribution_options attribution{};
};

/// Everything `extract` finds in one text. All spans are UTF-8 byte offsets into that text.
struct document {
    /// Paragraphs (non-blank lines), in order.
    std::vector<text_span> paragraphs;
    /// Sentences, in order.
    std::vector<text_span> sentences;
    /// The quote detector's quotations (marks of every style, terms included), sorted by
    /// `outer.begin`; `quotation::quote` indexes this vector.
    std::vector<quote> quotes;
    /// Reported speech and terms with their speakers, in text order.
    std::vector<quotation> quotations;
    /// The speakers, in order of first attribution; `quotation::speaker` indexes this vector.
    std::vector<entity> entities;

    /// The speaker's name as written in `text` (the entity's canonical name, else the mention,
    /// else an empty view). `text` must be the text this document was extracted from.
    [[nodiscard]] std::string_view speaker_name(std::string_view text, const quotation& q) const noexcept {
        return whosaid::speaker_name(text, q, entities);
    }
};

/// Runs sentence splitting, quotation detection and speaker attribution on a text.
///
/// Built once (each stage compiles its tables; a bad user pattern or cue in
/// `options.attribution` throws `config_error`), then immutable: `extract` is `const` and safe
/// to call from many threads at once. Movable, not copyable.
class extractor {
public:
    /// Builds the three stages for `options`.
    explicit extractor(extractor_options options = {})
        : options_(std::move(options)),
          splitter_(stage_options(options_.sentences, options_.lang)),
          detector_(stage_options(options_.quotes, options_.lang)),
          attributor_(stage_options(options_.attribution, options_.lang)) {
        // Keep the caller-visible policy in the stored options.
        options_.sentences.lang = options_.quotes.lang = options_.attribution.lang = options_.lang;
        options_.sentences.on_invalid = options_.quotes.on_invalid = options_.attribution.on_invalid =
            options_.on_invalid;
    }

    /// Extracts paragraphs, sentences, quotations and speakers from `text`.
    ///
    /// Under `invalid_utf8::reject` the text is validated once and invalid text yields
    /// `errc::invalid_utf8` with the offset of the first bad byte (no stage runs); under
    /// `replace` each bad byte reads as U+FFFD in every stage. Empty text gives an empty
    /// document. Linear time in the size of the text. The result holds only offsets: it stays
    /// valid as long as the caller keeps the bytes of `text`.
    [[nodiscard]] result<document> extract(std::string_view text) const { return run(text, nullptr); }

    /// `extract` working in `work`'s buffers (see `workspace`): the same document, without the
    /// per-call allocations of the attributor's working state — the way to run a stream of
    /// texts on one thread. `work` must not be in use by another thread.
    [[nodiscard]] result<document> extract(std::string_view text, workspace& work) const { return run(text, &work); }

    /// The options the extractor was built with (`lang` and `on_invalid` copied into every stage's).
    [[nodiscard]] const extractor_options& options() const noexcept { return options_; }
    /// The sentence stage.
    [[nodiscard]] const sentence_splitter& splitter() const noexcept { return splitter_; }
    /// The quotation stage.
    [[nodiscard]] const quote_detector& detector() const noexcept { return detector_; }
    /// The attribution stage.
    [[nodiscard]] const speaker_attributor& attributor() const noexcept { return attributor_; }

private:
    [[nodiscard]] result<document> run(std::string_view text, workspace* work) const {
        if (const error e = utf8::check(text, options_.on_invalid); e.code != errc::ok) return e;
        document doc;
        // The stages run under `replace`: on text that passed validation that reads the same
        // bytes without checking them again.
        auto sentences = splitter_.split(text);
        if (!sentences) return sentences.error();
        doc.sentences = std::move(*sentences);
        auto quotes = detector_.detect(text, doc.sentences);
        if (!quotes) return quotes.error();
        doc.quotes = std::move(*quotes);
        // The attributor tokenizes the whole text and gives the paragraphs on the way (the same
        // spans as `split_paragraphs`, without a pass of their own).
        attribution a = attributor_.attribute_valid(text, doc.sentences, doc.quotes, &doc.paragraphs, work);
        doc.quotations = std::move(a.quotations);
        doc.entities = std::move(a.entities);
        return doc;
    }

    template <class Options>
    static Options stage_options(Options o, language lang) {
        o.lang = lang;
        o.on_invalid = invalid_utf8::replace;
        return o;
    }

    extractor_options options_;
    sentence_splitter splitter_;
    quote_detector detector_;
    speaker_attributor attributor_;
};

WHOSAID_END_NAMESPACE
