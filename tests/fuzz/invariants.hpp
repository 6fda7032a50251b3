// SPDX-License-Identifier: MIT
// Invariants every whosaid engine promises on ANY input, as plain functions that return a
// description of the first violation ("" when all hold). Shared by the libFuzzer targets
// (tests/fuzz/fuzz_*.cpp, which abort on a violation) and the unit tests
// (tests/test_regressions.cpp, tests/test_pathological.cpp, which CHECK the string is empty), so a
// fuzz finding turned into a regression test asserts exactly what the fuzzer checked.
//
// What is checked, for each engine and both invalid-UTF-8 policies:
//  - reject: invalid text gives errc::invalid_utf8 at utf8::find_invalid's offset with that byte;
//    valid text gives a value equal to the replace policy's;
//  - replace: always a value; every span lies inside the text, is ordered as documented and
//    begins and ends on a code point boundary (never inside a valid UTF-8 sequence);
//  - parents precede children and contain them; indices point into their vectors;
//  - determinism: a second call gives an identical result.
#pragma once

#include <whosaid/whosaid.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid_fuzz {

/// Code point boundaries of `text` under the replacement policy: `at(i)` is true when byte `i`
/// starts a code point (a bad byte is a code point of its own) or `i == text.size()`.
class boundaries {
public:
    explicit boundaries(std::string_view text) : at_(text.size() + 1, false) {
        std::size_t i = 0;
        while (i < text.size()) {
            at_[i] = true;
            i += whosaid::utf8::decode(text, i).length;
        }
        at_[text.size()] = true;
    }
    [[nodiscard]] bool operator()(std::size_t i) const { return i < at_.size() && at_[i]; }
    [[nodiscard]] std::size_t size() const { return at_.size() - 1; }

private:
    std::vector<bool> at_;
};

namespace detail {

inline std::string str(std::size_t v) { return std::to_string(v); }
// Appended, not "[" + …: g++ 12 at -O3 warns falsely (-Wrestrict, GCC bug 105651) on
// operator+(const char*, std::string&&).
inline std::string str(whosaid::text_span s) {
    std::string out = "[";
    out.append(str(s.begin)).append(",").append(str(s.end)).append(")");
    return out;
}

/// "" when `s` is inside the text and both ends lie on code point boundaries.
inline std::string span_ok(const boundaries& b, whosaid::text_span s, const std::string& what) {
    if (s.begin > s.end) return what + " " + str(s) + ": begin > end";
    if (s.end > b.size()) return what + " " + str(s) + ": past the end of the text (" + str(b.size()) + ")";
    if (!b(s.begin)) return what + " " + str(s) + ": begins inside a UTF-8 sequence";
    if (!b(s.end)) return what + " " + str(s) + ": ends inside a UTF-8 sequence";
    return {};
}

inline bool same(const whosaid::quote& a, const whosaid::quote& b) {
    return a.outer == b.outer && a.content == b.content && a.style == b.style && a.role == b.role &&
           a.closed == b.closed && a.first_paragraph == b.first_paragraph && a.last_paragraph == b.last_paragraph &&
           a.parent == b.parent;
}
inline bool same(const whosaid::quotation& a, const whosaid::quotation& b) {
    // confidence compared bitwise-equal as a value: determinism means the same computation.
    return a.content == b.content && a.kind == b.kind && a.cue == b.cue && a.mention == b.mention &&
           a.addressee == b.addressee && a.interruption == b.interruption && a.speaker == b.speaker && a.confidence == b.confidence && a.quote == b.quote;
}
inline bool same(const whosaid::entity& a, const whosaid::entity& b) {
    return a.name == b.name && a.role == b.role && a.kind == b.kind;
}
template <class T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if constexpr (std::is_same_v<T, whosaid::text_span>) {
            if (!(a[i] == b[i])) return false;
        } else {
            if (!same(a[i], b[i])) return false;
        }
    }
    return true;
}
inline bool same(const whosaid::attribution& a, const whosaid::attribution& b) {
    return same(a.quotations, b.quotations) && same(a.entities, b.entities);
}
inline bool same(const whosaid::document& a, const whosaid::document& b) {
    return same(a.paragraphs, b.paragraphs) && same(a.sentences, b.sentences) && same(a.quotes, b.quotes) &&
           same(a.quotations, b.quotations) && same(a.entities, b.entities);
}

/// Under reject, `r` must be the error for the first bad byte when there is one.
template <class T>
std::string reject_ok(std::string_view text, const whosaid::result<T>& r, const std::string& engine) {
    const std::size_t bad = whosaid::utf8::find_invalid(text);
    if (bad == whosaid::utf8::npos) {
        if (!r) return engine + " (reject): error on valid UTF-8: " + r.error().message();
        return {};
    }
    if (r) return engine + " (reject): no error on invalid UTF-8 (first bad byte at " + str(bad) + ")";
    const whosaid::error e = r.error();
    if (e.code != whosaid::errc::invalid_utf8) return engine + " (reject): wrong error code";
    if (e.offset != bad) return engine + " (reject): error at " + str(e.offset) + ", find_invalid says " + str(bad);
    if (e.byte != static_cast<std::uint8_t>(text[bad])) return engine + " (reject): wrong byte value in the error";
    return {};
}

inline bool is_white(char32_t cp) { return whosaid::unicode::is_space(cp); }

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Results of one call

/// Sentences: inside the text, on boundaries, non-empty, strictly ordered and disjoint, trimmed
/// of white space, never containing a blank line or U+2029.
inline std::string check_sentences(std::string_view text, const std::vector<whosaid::text_span>& spans) {
    using detail::str;
    namespace utf8 = whosaid::utf8;
    const boundaries b(text);
    std::size_t last_end = 0;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        const whosaid::text_span s = spans[k];
        const std::string what = "sentence " + str(k);
        if (std::string e = detail::span_ok(b, s, what); !e.empty()) return e;
        if (s.empty()) return what + " " + str(s) + " is empty";
        if (s.begin < last_end) return what + " " + str(s) + " overlaps or precedes the previous one";
        last_end = s.end;
        const utf8::codepoint first = utf8::decode(text, s.begin);
        const utf8::codepoint last = utf8::decode_before(text, s.end);
        if (first.valid && detail::is_white(first.value)) return what + " " + str(s) + " starts with white space";
        if (last.valid && detail::is_white(last.value)) return what + " " + str(s) + " ends with white space";
        // No blank line inside: two line breaks with only white space between them.
        bool blank_so_far = false;  // true after a line break, until something not white
        for (std::size_t i = s.begin; i < s.end;) {
            const utf8::codepoint cp = utf8::decode(text, i);
            if (cp.valid && cp.value == 0x2029) return what + " " + str(s) + " contains U+2029 at " + str(i);
            if (cp.valid && whosaid::unicode::is_line_break(cp.value)) {
                const bool crlf = cp.value == '\r' && i + 1 < s.end && text[i + 1] == '\n';
                if (blank_so_far) return what + " " + str(s) + " contains a blank line at " + str(i);
                blank_so_far = true;
                i += crlf ? 2 : cp.length;
                continue;
            }
            if (!cp.valid || !detail::is_white(cp.value)) blank_so_far = false;
            i += cp.length;
        }
    }
    return {};
}

/// Quotes: inside the text, on boundaries, content non-empty and inside outer, strictly sorted
/// by outer.begin, parents precede and contain their children, nesting within `max_depth`,
/// outer beginning in `first_paragraph` and ending in `last_paragraph`.
inline std::string check_quotes(std::string_view text, const std::vector<whosaid::quote>& quotes,
                                const whosaid::quote_options& options) {
    using detail::str;
    const boundaries b(text);
    const std::vector<whosaid::text_span> paragraphs = whosaid::split_paragraphs(text);
    const std::uint32_t max_depth = options.max_depth < 1 ? 1 : (options.max_depth > 256 ? 256 : options.max_depth);
    std::vector<std::uint32_t> depth(quotes.size(), 1);
    for (std::size_t k = 0; k < quotes.size(); ++k) {
        const whosaid::quote& q = quotes[k];
        const std::string what = "quote " + str(k);
        if (std::string e = detail::span_ok(b, q.outer, what + " outer"); !e.empty()) return e;
        if (std::string e = detail::span_ok(b, q.content, what + " content"); !e.empty()) return e;
        if (q.content.empty()) return what + " content " + str(q.content) + " is empty";
        if (!q.outer.contains(q.content)) return what + " content " + str(q.content) + " outside outer " + str(q.outer);
        if (k > 0 && q.outer.begin <= quotes[k - 1].outer.begin) return what + " not sorted by outer.begin";
        if (q.first_paragraph > q.last_paragraph) return what + ": first_paragraph > last_paragraph";
        if (q.last_paragraph >= paragraphs.size()) return what + ": last_paragraph past the paragraph list";
        const whosaid::text_span p0 = paragraphs[q.first_paragraph];
        const whosaid::text_span p1 = paragraphs[q.last_paragraph];
        if (!p0.contains(q.outer.begin)) return what + " outer " + str(q.outer) + " does not begin in paragraph " + str(q.first_paragraph) + " " + str(p0);
        if (q.outer.end > p1.end || q.outer.end <= p1.begin) return what + " outer " + str(q.outer) + " does not end in paragraph " + str(q.last_paragraph) + " " + str(p1);
        if (!options.classify && q.role != whosaid::quote_role::speech) return what + ": a term with classify=false";
        if (!options.dash_speech && q.style == whosaid::quote_style::dash) return what + ": dash speech with dash_speech=false";
        if (q.parent != -1) {
            if (q.parent < 0 || static_cast<std::size_t>(q.parent) >= k) return what + ": parent " + std::to_string(q.parent) + " does not precede it";
            const whosaid::quote& p = quotes[static_cast<std::size_t>(q.parent)];
            if (!p.outer.contains(q.outer)) return what + " outer " + str(q.outer) + " not inside its parent's " + str(p.outer);
            depth[k] = depth[static_cast<std::size_t>(q.parent)] + 1;
            if (depth[k] > max_depth) return what + ": nested " + str(depth[k]) + " deep, max_depth " + str(max_depth);
        }
    }
    return {};
}

/// Attribution: every span inside the text and on boundaries, quotations in text order,
/// indices into the entity and quote lists, terms without speaker, confidence in [0, 1].
inline std::string check_attribution(std::string_view text, std::span<const whosaid::quote> quotes,
                                     const std::vector<whosaid::quotation>& quotations,
                                     const std::vector<whosaid::entity>& entities) {
    using detail::str;
    using whosaid::quote_kind;
    const boundaries b(text);
    std::vector<bool> referred(entities.size(), false);
    for (std::size_t k = 0; k < quotations.size(); ++k) {
        const whosaid::quotation& q = quotations[k];
        const std::string what = "quotation " + str(k);
        if (std::string e = detail::span_ok(b, q.content, what + " content"); !e.empty()) return e;
        if (q.cue) {
            if (std::string e = detail::span_ok(b, *q.cue, what + " cue"); !e.empty()) return e;
            if (q.cue->empty()) return what + ": empty cue span";
        }
        if (q.mention) {
            if (std::string e = detail::span_ok(b, *q.mention, what + " mention"); !e.empty()) return e;
            if (q.mention->empty()) return what + ": empty mention span";
        }
        if (q.addressee) {
            if (std::string e = detail::span_ok(b, *q.addressee, what + " addressee"); !e.empty()) return e;
            if (q.addressee->empty()) return what + ": empty addressee span";
        }
        if (q.interruption) {
            if (std::string e = detail::span_ok(b, *q.interruption, what + " interruption"); !e.empty()) return e;
            if (q.kind == quote_kind::term) return what + ": an interruption in a term";
            if (!(q.content.begin < q.interruption->begin && q.interruption->begin < q.interruption->end &&
                  q.interruption->end < q.content.end)) {
                return what + ": interruption not strictly inside content";
            }
        }
        if (k > 0 && q.content.begin < quotations[k - 1].content.begin) return what + ": not in text order";
        if (q.speaker < -1 || (q.speaker >= 0 && static_cast<std::size_t>(q.speaker) >= entities.size())) {
            return what + ": speaker index " + std::to_string(q.speaker) + " outside the entity list";
        }
        if (q.speaker >= 0) referred[static_cast<std::size_t>(q.speaker)] = true;
        if (q.quote < -1 || (q.quote >= 0 && static_cast<std::size_t>(q.quote) >= quotes.size())) {
            return what + ": quote index " + std::to_string(q.quote) + " outside the quote list";
        }
        if (!(q.confidence >= 0.0F && q.confidence <= 1.0F)) return what + ": confidence outside [0, 1]";
        switch (q.kind) {
            case quote_kind::term:
                if (q.speaker != -1 || q.mention) return what + ": a term with a speaker";
                if (q.confidence != 0.0F) return what + ": a term with a non-zero confidence";
                break;
            case quote_kind::indirect:
                if (q.quote != -1) return what + ": indirect speech with a quote index";
                break;
            case quote_kind::direct:
            case quote_kind::mixed:
                if (q.quote < 0) return what + ": direct or mixed speech without a quote index";
                break;
        }
        // Mixed speech is a clause with a quoted fragment inside: its quote starts in it (the
        // clause may stop short of an unclosed quote's end, trimmed of its final stop).
        if (q.kind == quote_kind::mixed && q.quote >= 0 &&
            !q.content.contains(quotes[static_cast<std::size_t>(q.quote)].content.begin)) {
            return what + ": mixed speech " + str(q.content) + " does not contain the start of its quote";
        }
    }
    for (std::size_t k = 0; k < entities.size(); ++k) {
        const whosaid::entity& e = entities[k];
        const std::string what = "entity " + str(k);
        if (std::string s = detail::span_ok(b, e.name, what + " name"); !s.empty()) return s;
        if (e.name.empty()) return what + ": empty name";
        if (e.role) {
            if (std::string s = detail::span_ok(b, *e.role, what + " role"); !s.empty()) return s;
        }
        if (!referred[k]) return what + ": no quotation refers to it";
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Engines under both policies, with determinism

/// Runs `reject` and `replace` (two splitters that differ only in `on_invalid`) on `text`.
inline std::string check_splitter(const whosaid::sentence_splitter& reject, const whosaid::sentence_splitter& replace,
                                  std::string_view text) {
    const auto rj = reject.split(text);
    if (std::string e = detail::reject_ok(text, rj, "sentence_splitter"); !e.empty()) return e;
    const auto rp = replace.split(text);
    if (!rp) return "sentence_splitter (replace): returned an error";
    if (std::string e = check_sentences(text, *rp); !e.empty()) return "sentence_splitter: " + e;
    if (rj && !detail::same(*rj, *rp)) return "sentence_splitter: reject and replace differ on valid text";
    const auto again = replace.split(text);
    if (!again || !detail::same(*again, *rp)) return "sentence_splitter: not deterministic";
    std::vector<whosaid::text_span> streamed;
    const whosaid::error se = replace.for_each_sentence(text, [&](whosaid::text_span s) { streamed.push_back(s); });
    if (se.code != whosaid::errc::ok || !detail::same(streamed, *rp)) return "sentence_splitter: for_each_sentence differs from split";
    return {};
}

/// Runs two detectors that differ only in `on_invalid`, without and with `sentences`.
inline std::string check_detector(const whosaid::quote_detector& reject, const whosaid::quote_detector& replace,
                                  std::string_view text, std::span<const whosaid::text_span> sentences) {
    const auto rj = reject.detect(text);
    if (std::string e = detail::reject_ok(text, rj, "quote_detector"); !e.empty()) return e;
    const auto rjs = reject.detect(text, sentences);
    if (std::string e = detail::reject_ok(text, rjs, "quote_detector(sentences)"); !e.empty()) return e;
    const auto rp = replace.detect(text);
    if (!rp) return "quote_detector (replace): returned an error";
    if (std::string e = check_quotes(text, *rp, replace.options()); !e.empty()) return "quote_detector: " + e;
    const auto rps = replace.detect(text, sentences);
    if (!rps) return "quote_detector(sentences) (replace): returned an error";
    if (std::string e = check_quotes(text, *rps, replace.options()); !e.empty()) return "quote_detector(sentences): " + e;
    if (rj && !detail::same(*rj, *rp)) return "quote_detector: reject and replace differ on valid text";
    if (rjs && !detail::same(*rjs, *rps)) return "quote_detector(sentences): reject and replace differ on valid text";
    const auto again = replace.detect(text, sentences);
    if (!again || !detail::same(*again, *rps)) return "quote_detector: not deterministic";
    return {};
}

/// Runs two attributors that differ only in `on_invalid` on the given stage outputs.
inline std::string check_attributor(const whosaid::speaker_attributor& reject, const whosaid::speaker_attributor& replace,
                                    std::string_view text, std::span<const whosaid::text_span> sentences,
                                    std::span<const whosaid::quote> quotes) {
    const auto rj = reject.attribute(text, sentences, quotes);
    if (std::string e = detail::reject_ok(text, rj, "speaker_attributor"); !e.empty()) return e;
    const auto rp = replace.attribute(text, sentences, quotes);
    if (!rp) return "speaker_attributor (replace): returned an error";
    if (std::string e = check_attribution(text, quotes, rp->quotations, rp->entities); !e.empty()) return "speaker_attributor: " + e;
    if (rj && !detail::same(*rj, *rp)) return "speaker_attributor: reject and replace differ on valid text";
    const auto again = replace.attribute(text, sentences, quotes);
    if (!again || !detail::same(*again, *rp)) return "speaker_attributor: not deterministic";
    return {};
}

/// Runs two extractors that differ only in `on_invalid`; the replace document must equal what
/// its stages give when run one by one.
inline std::string check_extractor(const whosaid::extractor& reject, const whosaid::extractor& replace, std::string_view text) {
    const auto rj = reject.extract(text);
    if (std::string e = detail::reject_ok(text, rj, "extractor"); !e.empty()) return e;
    const auto rp = replace.extract(text);
    if (!rp) return "extractor (replace): returned an error";
    const whosaid::document& d = *rp;
    if (!detail::same(d.paragraphs, whosaid::split_paragraphs(text))) return "extractor: paragraphs differ from split_paragraphs";
    if (std::string e = check_sentences(text, d.sentences); !e.empty()) return "extractor: " + e;
    if (std::string e = check_quotes(text, d.quotes, replace.detector().options()); !e.empty()) return "extractor: " + e;
    if (std::string e = check_attribution(text, d.quotes, d.quotations, d.entities); !e.empty()) return "extractor: " + e;
    const auto s = replace.splitter().split(text);
    if (!s || !detail::same(*s, d.sentences)) return "extractor: sentences differ from its splitter's";
    const auto q = replace.detector().detect(text, d.sentences);
    if (!q || !detail::same(*q, d.quotes)) return "extractor: quotes differ from its detector's";
    const auto a = replace.attributor().attribute(text, d.sentences, d.quotes);
    if (!a || !detail::same(a->quotations, d.quotations) || !detail::same(a->entities, d.entities)) {
        return "extractor: quotations differ from its attributor's";
    }
    if (rj && !detail::same(*rj, d)) return "extractor: reject and replace differ on valid text";
    const auto again = replace.extract(text);
    if (!again || !detail::same(*again, d)) return "extractor: not deterministic";
    return {};
}

}  // namespace whosaid_fuzz
