// SPDX-License-Identifier: MIT
// Test helper: every field of an extractor's document as text, one line per item, for tests
// that compare two builds of the pipeline (test_portable.cpp: the SIMD scanners against the
// portable ones, which live in another inline namespace, hence a template).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace whosaid_test {

template <class Span>
std::string span_text(const Span& s) {
    return std::to_string(s.begin) + "-" + std::to_string(s.end);
}

template <class Span>
std::string span_text(const std::optional<Span>& s) {
    return s ? span_text(*s) : std::string("none");
}

/// Paragraphs, sentences, quotes (every field), quotations (every field; confidence to 1e-4)
/// and entities of `doc`; `error` (an extractor's error offset) when extraction failed.
template <class Result>
std::string digest(const Result& r) {
    if (!r) return "error " + std::to_string(static_cast<int>(r.error().code)) + " at " + std::to_string(r.error().offset) + "\n";
    const auto& doc = *r;
    std::string out;
    for (const auto& p : doc.paragraphs) out += "P " + span_text(p) + "\n";
    for (const auto& s : doc.sentences) out += "S " + span_text(s) + "\n";
    for (const auto& q : doc.quotes) {
        out += "Q " + span_text(q.outer) + " " + span_text(q.content) + " " + std::string(to_string(q.style)) + " " +
               std::string(to_string(q.role)) + (q.closed ? " closed " : " open ") + std::to_string(q.first_paragraph) +
               "-" + std::to_string(q.last_paragraph) + " " + std::to_string(q.parent) + "\n";
    }
    for (const auto& q : doc.quotations) {
        out += "A " + span_text(q.content) + " " + std::string(to_string(q.kind)) + " cue " + span_text(q.cue) +
               " mention " + span_text(q.mention) + " to " + span_text(q.addressee) + " speaker " +
               std::to_string(q.speaker) + " conf " + std::to_string(static_cast<long>(q.confidence * 10000.0F + 0.5F)) +
               " quote " + std::to_string(q.quote) + " gap " + span_text(q.interruption) + "\n";
    }
    for (const auto& e : doc.entities) {
        out += "E " + span_text(e.name) + " role " + span_text(e.role) + " " + std::string(to_string(e.kind)) + "\n";
    }
    return out;
}

/// `digest` of extractor X's result for `text`, in English or Russian, invalid UTF-8 rejected or
/// replaced. X is the including translation unit's `whosaid::extractor` (the SIMD build's, or the
/// portable one's: a type of another namespace, hence a template). The four extractors of each X
/// are built on first use and are immutable, so threads may share them.
template <class X>
std::string extract_digest(std::string_view text, bool russian, bool replace_invalid) {
    using options = std::remove_cvref_t<decltype(std::declval<const X&>().options())>;
    using language = decltype(options::lang);
    using policy = decltype(options::on_invalid);
    const auto make = [](language lang, policy on_invalid) {
        options o;
        o.lang = lang;
        o.on_invalid = on_invalid;
        return X(o);
    };
    static const X en_reject = make(language::en, policy::reject);
    static const X en_replace = make(language::en, policy::replace);
    static const X ru_reject = make(language::ru, policy::reject);
    static const X ru_replace = make(language::ru, policy::replace);
    const X& x = russian ? (replace_invalid ? ru_replace : ru_reject) : (replace_invalid ? en_replace : en_reject);
    return digest(x.extract(text));
}

}  // namespace whosaid_test
