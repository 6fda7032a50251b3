// SPDX-License-Identifier: MIT
// The whosaid extractor quote-dump runs, built once and shared by every worker thread, and the
// per-document result the output formats read.
#pragma once

#include <whosaid/whosaid.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace quote_dump {

/// One quotation as the output formats see it. Spans are byte offsets into the document.
struct quotation_row {
    whosaid::text_span content;                  ///< The quoted words, without marks.
    std::string_view kind;                       ///< "direct", "indirect", "mixed" or "term".
    std::string_view speaker;                    ///< Resolved name (points into the document); empty: none.
    std::optional<whosaid::text_span> mention;   ///< The speaker mention nearest the quotation.
    std::optional<whosaid::text_span> cue;       ///< The cue ("said", "according to").
    std::optional<whosaid::text_span> addressee; ///< The person addressed.
    std::optional<whosaid::text_span> interruption; ///< Cue and speaker between two pieces of the words.
    std::optional<double> confidence;            ///< 0-1; absent when nothing was attributed.
};

/// What one document yields.
struct document_rows {
    std::vector<whosaid::text_span> sentences;  ///< With --sentences only.
    std::vector<quotation_row> quotations;      ///< Without --sentences.

    void clear() noexcept {
        sentences.clear();
        quotations.clear();
    }
};

/// What the engines are asked to do.
struct engine_options {
    whosaid::language lang = whosaid::language::en;
    whosaid::invalid_utf8 on_invalid = whosaid::invalid_utf8::reject;
    bool sentences_only = false;
};

/// The engines, immutable after construction: `run` is safe from many threads at once.
class engine {
public:
    explicit engine(const engine_options& o)
        : policy_(o.on_invalid), sentences_only_(o.sentences_only), extractor_(extractor_options_for(o)) {}

    /// Fills `out` for `text`, working in `work` (one per thread); returns the error that kept
    /// the document from being processed (`errc::ok` when it was). `out` refers into `text`.
    [[nodiscard]] whosaid::error run(std::string_view text, document_rows& out, whosaid::workspace& work) const {
        out.clear();
        if (sentences_only_) {
            // The extractor's splitter reads bad bytes as U+FFFD; the policy is applied here.
            if (const whosaid::error e = whosaid::utf8::check(text, policy_); e.code != whosaid::errc::ok) return e;
            auto sentences = extractor_.splitter().split(text);
            if (!sentences) return sentences.error();
            out.sentences = std::move(*sentences);
            return {};
        }
        auto found = extractor_.extract(text, work);
        if (!found) return found.error();
        const whosaid::document& doc = *found;
        out.quotations.reserve(doc.quotations.size());
        for (const whosaid::quotation& q : doc.quotations) {
            quotation_row row;
            row.content = q.content;
            row.kind = whosaid::to_string(q.kind);
            row.speaker = doc.speaker_name(text, q);
            row.mention = q.mention;
            row.cue = q.cue;
            row.addressee = q.addressee;
            row.interruption = q.interruption;
            // A term is not speech: no speaker, and no confidence to report.
            if (q.kind != whosaid::quote_kind::term) row.confidence = static_cast<double>(q.confidence);
            out.quotations.push_back(row);
        }
        return {};
    }

private:
    static whosaid::extractor_options extractor_options_for(const engine_options& o) {
        whosaid::extractor_options options{};
        options.lang = o.lang;
        options.on_invalid = o.on_invalid;
        return options;
    }

    whosaid::invalid_utf8 policy_;
    bool sentences_only_;
    whosaid::extractor extractor_;
};

}  // namespace quote_dump
