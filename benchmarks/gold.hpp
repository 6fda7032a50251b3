// SPDX-License-Identifier: MIT
// Gold annotations, predictions and the matching rules of ../shared/corpus/README.md, shared by
// whosaid-eval (benchmarks/evaluate.cpp) and the accuracy tests (tests/test_quotes_*.cpp).
//
// Extending it (issue #4): a new kind needs only a rule in `default_rules()` (or pass your own
// rules to `scorer`); speaker accuracy is computed on `scorer::matches()`, the one-to-one
// gold/prediction pairs of every document, each carrying both quotes (speaker fields included).
#pragma once

#include "corpus.hpp"

#include <whosaid/span.hpp>
#include <whosaid/unicode.hpp>
#include <whosaid/utf8.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace whosaid_eval {

using whosaid::text_span;

// ------------------------------------------------------------------------------------------
// Data

/// One gold quotation (sample format: start/end/kind/speaker/optional; PolNeAR adds segments).
struct gold_quote {
    text_span span;                       ///< Content, UTF-8 byte offsets.
    std::string kind;                     ///< direct, indirect, mixed, term.
    bool optional = false;                ///< Finding it is good; missing it is not counted.
    std::optional<std::string> speaker;   ///< Resolved name (sample) or surface mention (PolNeAR).
    std::vector<text_span> segments;      ///< PolNeAR: the pieces of an interrupted quotation.
    bool speech = true;                   ///< PolNeAR cue_is_speech (false: a thought or belief, null counts as false).
    std::optional<text_span> mention{};   ///< The speaker mention (sample "mention", PolNeAR speaker_start/end).
    std::optional<std::string> resolved{};  ///< PolNeAR speaker_resolved_silver (an automatic, noisy name).
};

/// One gold document.
struct gold_document {
    std::string id;
    std::string text;
    std::vector<gold_quote> quotes;
};

/// A gold file: the documents and which of the two formats it was in.
struct gold_corpus {
    std::vector<gold_document> docs;
    bool inline_text = false;  ///< PolNeAR format ({"text": …}) rather than the sample's {"file": …}.
};

/// One predicted quotation (quote-dump's JSONL record, or the library's output converted).
struct predicted_quote {
    text_span span;                       ///< Content, UTF-8 byte offsets.
    std::string kind;                     ///< direct, indirect, mixed, term.
    std::optional<std::string> speaker{};
    std::optional<text_span> mention{};   ///< The speaker mention, when the prediction has one.
};

/// The predictions for one document.
struct predicted_document {
    std::string id;
    std::vector<predicted_quote> quotes;
    std::string error;  ///< quote-dump's "error" field, when the document failed.
};

namespace detail {

inline std::string get_string(simdjson::ondemand::value v) {
    std::string_view sv;
    if (v.get_string().get(sv) != simdjson::SUCCESS) return {};
    return std::string(sv);
}

inline std::optional<std::string> get_optional_string(simdjson::ondemand::value v) {
    simdjson::ondemand::json_type type;
    if (v.type().get(type) != simdjson::SUCCESS || type != simdjson::ondemand::json_type::string) return std::nullopt;
    return get_string(v);
}

inline std::size_t get_size(simdjson::ondemand::value v, const std::string& where) {
    std::uint64_t x = 0;
    if (v.get_uint64().get(x) != simdjson::SUCCESS) throw std::runtime_error(where + ": offset is not an unsigned integer");
    return static_cast<std::size_t>(x);
}

/// Reads {"start","end",…} fields shared by gold and predicted quotes; `extra(key, value)` gets the others.
template <class Extra>
text_span read_quote_object(simdjson::ondemand::object obj, const std::string& where, Extra&& extra) {
    text_span s;
    for (auto field : obj) {
        std::string_view key;
        if (field.unescaped_key().get(key) != simdjson::SUCCESS) throw std::runtime_error(where + ": bad key");
        simdjson::ondemand::value v;
        if (field.value().get(v) != simdjson::SUCCESS) throw std::runtime_error(where + ": bad value");
        if (key == "start") s.begin = get_size(v, where);
        else if (key == "end") s.end = get_size(v, where);
        else extra(key, v);
    }
    return s;
}

}  // namespace detail

/// Reads a gold JSONL file: the sample format ({"id","file","quotes"}, `file` relative to the
/// folder holding the gold file) or the PolNeAR format ({"id","text","quotes"}). Throws
/// std::runtime_error naming the file and line on malformed input or offsets outside the text.
inline gold_corpus load_gold(const std::filesystem::path& path) {
    gold_corpus corpus;
    const std::filesystem::path base = path.parent_path();
    whosaid_bench::for_each_jsonl(path, [&](simdjson::ondemand::object& obj, std::size_t line_no) {
        const std::string where = path.string() + ":" + std::to_string(line_no);
        gold_document doc;
        std::string file;
        bool has_text = false;
        for (auto field : obj) {
            std::string_view key;
            if (field.unescaped_key().get(key) != simdjson::SUCCESS) throw std::runtime_error(where + ": bad key");
            simdjson::ondemand::value v;
            if (field.value().get(v) != simdjson::SUCCESS) throw std::runtime_error(where + ": bad value");
            if (key == "id") {
                doc.id = detail::get_string(v);
            } else if (key == "file") {
                file = detail::get_string(v);
            } else if (key == "text") {
                doc.text = detail::get_string(v);
                has_text = true;
            } else if (key == "quotes") {
                simdjson::ondemand::array arr;
                if (v.get_array().get(arr) != simdjson::SUCCESS) throw std::runtime_error(where + ": quotes is not an array");
                for (auto element : arr) {
                    simdjson::ondemand::object q;
                    if (element.get_object().get(q) != simdjson::SUCCESS) throw std::runtime_error(where + ": quote is not an object");
                    gold_quote g;
                    std::optional<std::size_t> speaker_start;
                    std::optional<std::size_t> speaker_end;
                    g.span = detail::read_quote_object(q, where, [&](std::string_view k, simdjson::ondemand::value x) {
                        if (k == "kind") g.kind = detail::get_string(x);
                        else if (k == "optional") { bool b = false; if (x.get_bool().get(b) == simdjson::SUCCESS) g.optional = b; }
                        else if (k == "speaker") g.speaker = detail::get_optional_string(x);
                        else if (k == "cue_is_speech") { bool b = false; g.speech = x.get_bool().get(b) == simdjson::SUCCESS && b; }
                        else if (k == "speaker_resolved_silver") g.resolved = detail::get_optional_string(x);
                        else if (k == "speaker_start") { std::uint64_t n = 0; if (x.get_uint64().get(n) == simdjson::SUCCESS) speaker_start = static_cast<std::size_t>(n); }
                        else if (k == "speaker_end") { std::uint64_t n = 0; if (x.get_uint64().get(n) == simdjson::SUCCESS) speaker_end = static_cast<std::size_t>(n); }
                        else if (k == "mention") {
                            simdjson::ondemand::object mo;
                            if (x.get_object().get(mo) != simdjson::SUCCESS) return;
                            g.mention = detail::read_quote_object(mo, where, [](std::string_view, simdjson::ondemand::value) {});
                        }
                        else if (k == "segments") {
                            simdjson::ondemand::array segs;
                            if (x.get_array().get(segs) != simdjson::SUCCESS) return;
                            for (auto se : segs) {
                                simdjson::ondemand::object so;
                                if (se.get_object().get(so) != simdjson::SUCCESS) continue;
                                g.segments.push_back(detail::read_quote_object(so, where, [](std::string_view, simdjson::ondemand::value) {}));
                            }
                        }
                    });
                    if (speaker_start && speaker_end) g.mention = text_span{*speaker_start, *speaker_end};
                    doc.quotes.push_back(std::move(g));
                }
            }
        }
        if (!has_text) {
            if (file.empty()) throw std::runtime_error(where + ": neither \"text\" nor \"file\"");
            doc.text = whosaid_bench::read_file(base / file);
        } else {
            corpus.inline_text = true;
        }
        if (doc.id.empty()) doc.id = std::to_string(line_no);
        for (const auto& q : doc.quotes) {
            if (q.span.begin > q.span.end || q.span.end > doc.text.size()) {
                throw std::runtime_error(where + ": quote offsets outside the text of " + doc.id);
            }
        }
        corpus.docs.push_back(std::move(doc));
    });
    return corpus;
}

/// Reads quote-dump's JSONL output ({"id","quotes":[{"start","end","kind",…}],"error"?}),
/// keyed by id. Throws std::runtime_error on malformed input.
inline std::unordered_map<std::string, predicted_document> load_predictions(const std::filesystem::path& path) {
    std::unordered_map<std::string, predicted_document> out;
    whosaid_bench::for_each_jsonl(path, [&](simdjson::ondemand::object& obj, std::size_t line_no) {
        const std::string where = path.string() + ":" + std::to_string(line_no);
        predicted_document doc;
        for (auto field : obj) {
            std::string_view key;
            if (field.unescaped_key().get(key) != simdjson::SUCCESS) throw std::runtime_error(where + ": bad key");
            simdjson::ondemand::value v;
            if (field.value().get(v) != simdjson::SUCCESS) throw std::runtime_error(where + ": bad value");
            if (key == "id") {
                doc.id = detail::get_string(v);
            } else if (key == "error") {
                doc.error = detail::get_optional_string(v).value_or("");
            } else if (key == "quotes") {
                simdjson::ondemand::array arr;
                if (v.get_array().get(arr) != simdjson::SUCCESS) throw std::runtime_error(where + ": quotes is not an array");
                for (auto element : arr) {
                    simdjson::ondemand::object q;
                    if (element.get_object().get(q) != simdjson::SUCCESS) throw std::runtime_error(where + ": quote is not an object");
                    predicted_quote p;
                    p.span = detail::read_quote_object(q, where, [&](std::string_view k, simdjson::ondemand::value x) {
                        if (k == "kind") p.kind = detail::get_string(x);
                        else if (k == "speaker") p.speaker = detail::get_optional_string(x);
                        else if (k == "mention") {
                            simdjson::ondemand::object mo;
                            if (x.get_object().get(mo) != simdjson::SUCCESS) return;
                            p.mention = detail::read_quote_object(mo, where, [](std::string_view, simdjson::ondemand::value) {});
                        }
                    });
                    doc.quotes.push_back(std::move(p));
                }
            }
        }
        if (doc.id.empty()) doc.id = std::to_string(line_no);
        out[doc.id] = std::move(doc);
    });
    return out;
}

// ------------------------------------------------------------------------------------------
// Matching (corpus README)

/// `span` with white space and punctuation (quote marks included) removed at both ends.
/// Spans reaching past `text` are clamped first.
[[nodiscard]] inline text_span trim(std::string_view text, text_span span) {
    std::size_t b = std::min(span.begin, text.size());
    std::size_t e = std::min(std::max(span.end, b), text.size());
    const auto strip = [](char32_t c) { return whosaid::unicode::is_space(c) || whosaid::unicode::is_punct(c); };
    while (b < e) {
        const auto cp = whosaid::utf8::decode(text, b);
        if (!cp.valid || !strip(cp.value)) break;
        b += cp.length;
    }
    while (e > b) {
        const auto cp = whosaid::utf8::decode_before(text, e);
        if (!cp.valid || !strip(cp.value)) break;
        e -= cp.length;
    }
    return {b, e};
}

/// How much two spans must overlap to match: the overlap must cover at least `gold_cover` of
/// the gold span and `pred_cover` of the predicted one (both trimmed).
struct overlap_rule {
    double gold_cover = 0.5;
    double pred_cover = 0.5;

    [[nodiscard]] bool matches(text_span gold, text_span pred) const noexcept {
        const std::size_t ov = gold.overlap(pred);
        if (ov == 0) return false;
        return static_cast<double>(ov) >= gold_cover * static_cast<double>(gold.size()) &&
               static_cast<double>(ov) >= pred_cover * static_cast<double>(pred.size());
    }
};

/// The README's rules: direct and term need half of the longer span (= half of each); indirect
/// needs half of the gold span and a third of the predicted one. Mixed speech is a reported
/// clause with a quoted fragment, so it follows indirect (issue #4). Kinds not listed use
/// `fallback_rule()`.
[[nodiscard]] inline std::map<std::string, overlap_rule, std::less<>> default_rules() {
    return {{"direct", {0.5, 0.5}}, {"term", {0.5, 0.5}}, {"mixed", {0.5, 1.0 / 3.0}}, {"indirect", {0.5, 1.0 / 3.0}}};
}
[[nodiscard]] constexpr overlap_rule fallback_rule() noexcept { return {0.5, 0.5}; }

/// Counts for one kind.
struct kind_stats {
    std::size_t gold = 0;         ///< Gold quotations of this kind that count (not optional).
    std::size_t gold_found = 0;   ///< … of which matched by a prediction of this kind.
    std::size_t predicted = 0;    ///< Predictions of this kind.
    std::size_t correct = 0;      ///< … matched to a gold quotation of this kind (optional included).
    std::size_t on_gold_term = 0; ///< … unmatched, but lying on a gold term (speech on a term: not false).
    std::size_t exact = 0;        ///< Matched pairs with identical content spans.
    std::size_t exact_trimmed = 0;///< Matched pairs identical after trimming.

    [[nodiscard]] std::size_t false_positives() const noexcept { return predicted - correct - on_gold_term; }
    [[nodiscard]] double precision() const noexcept {
        const std::size_t d = correct + false_positives();
        return d == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(d);
    }
    [[nodiscard]] double recall() const noexcept {
        return gold == 0 ? 0.0 : static_cast<double>(gold_found) / static_cast<double>(gold);
    }
    [[nodiscard]] double f1() const noexcept {
        const double p = precision();
        const double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
};

/// One matched gold/prediction pair (indices into the document's quote lists).
struct match {
    std::size_t document = 0;
    std::size_t gold = 0;
    std::size_t pred = 0;
};

/// Accumulates the README's per-kind precision/recall over documents, plus how gold terms were
/// classified. Keeps every one-to-one match for later measures (speaker accuracy).
class scorer {
public:
    explicit scorer(std::map<std::string, overlap_rule, std::less<>> rules = default_rules()) : rules_(std::move(rules)) {}

    /// The rule for `kind`.
    [[nodiscard]] overlap_rule rule(std::string_view kind) const {
        const auto it = rules_.find(kind);
        return it == rules_.end() ? fallback_rule() : it->second;
    }

    /// Scores the predictions for one document; returns this document's index.
    std::size_t add(const gold_document& gold, const std::vector<predicted_quote>& preds) {
        const std::size_t doc = documents_++;
        std::vector<text_span> gt;
        std::vector<text_span> pt;
        for (const auto& g : gold.quotes) gt.push_back(trim(gold.text, g.span));
        for (const auto& p : preds) pt.push_back(trim(gold.text, p.span));

        std::vector<bool> pred_used(preds.size(), false);
        std::vector<bool> gold_used(gold.quotes.size(), false);
        // Kinds present on either side.
        std::vector<std::string> kinds;
        for (const auto& g : gold.quotes) add_kind(kinds, g.kind);
        for (const auto& p : preds) add_kind(kinds, p.kind);
        for (const auto& kind : kinds) {
            const overlap_rule r = rule(kind);
            kind_stats& st = stats_[kind];
            // Candidate pairs of this kind, best overlap first, then matched one to one.
            std::vector<std::pair<std::size_t, match>> cands;
            for (std::size_t gi = 0; gi < gold.quotes.size(); ++gi) {
                if (gold.quotes[gi].kind != kind) continue;
                if (!gold.quotes[gi].optional) ++st.gold;
                for (std::size_t pi = 0; pi < preds.size(); ++pi) {
                    if (preds[pi].kind != kind || !r.matches(gt[gi], pt[pi])) continue;
                    cands.push_back({gt[gi].overlap(pt[pi]), {doc, gi, pi}});
                }
            }
            std::stable_sort(cands.begin(), cands.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
            for (const auto& [ov, m] : cands) {
                if (gold_used[m.gold] || pred_used[m.pred]) continue;
                gold_used[m.gold] = pred_used[m.pred] = true;
                matches_.push_back(m);
                ++st.correct;
                if (!gold.quotes[m.gold].optional) ++st.gold_found;
                if (gold.quotes[m.gold].span == preds[m.pred].span) ++st.exact;
                if (gt[m.gold] == pt[m.pred]) ++st.exact_trimmed;
            }
            for (std::size_t pi = 0; pi < preds.size(); ++pi) {
                if (preds[pi].kind == kind) ++st.predicted;
            }
        }
        // Unmatched speech predictions lying on a gold term are not false quotations.
        const overlap_rule term_rule = rule("term");
        for (std::size_t pi = 0; pi < preds.size(); ++pi) {
            if (pred_used[pi] || preds[pi].kind == "term") continue;
            for (std::size_t gi = 0; gi < gold.quotes.size(); ++gi) {
                if (gold.quotes[gi].kind == "term" && term_rule.matches(gt[gi], pt[pi])) {
                    ++stats_[preds[pi].kind].on_gold_term;
                    break;
                }
            }
        }
        // How gold terms were classified: matched by a predicted term, or by a speech prediction.
        for (std::size_t gi = 0; gi < gold.quotes.size(); ++gi) {
            if (gold.quotes[gi].kind != "term") continue;
            ++gold_terms_;
            bool as_term = false;
            bool as_speech = false;
            for (std::size_t pi = 0; pi < preds.size(); ++pi) {
                if (!term_rule.matches(gt[gi], pt[pi])) continue;
                (preds[pi].kind == "term" ? as_term : as_speech) = true;
            }
            if (as_term) ++terms_as_terms_;
            else if (as_speech) ++terms_as_speech_;
        }
        return doc;
    }

    /// Per-kind counts, by kind name.
    [[nodiscard]] const std::map<std::string, kind_stats, std::less<>>& stats() const noexcept { return stats_; }
    /// Counts for one kind (zeros when the kind never occurred).
    [[nodiscard]] kind_stats stats(std::string_view kind) const {
        const auto it = stats_.find(kind);
        return it == stats_.end() ? kind_stats{} : it->second;
    }
    /// Every one-to-one match, in the order documents were added.
    [[nodiscard]] const std::vector<match>& matches() const noexcept { return matches_; }
    /// Gold terms seen, found as terms, found as speech.
    [[nodiscard]] std::size_t gold_terms() const noexcept { return gold_terms_; }
    [[nodiscard]] std::size_t terms_as_terms() const noexcept { return terms_as_terms_; }
    [[nodiscard]] std::size_t terms_as_speech() const noexcept { return terms_as_speech_; }

private:
    static void add_kind(std::vector<std::string>& kinds, const std::string& k) {
        if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    }

    std::map<std::string, overlap_rule, std::less<>> rules_;
    std::map<std::string, kind_stats, std::less<>> stats_;
    std::vector<match> matches_;
    std::size_t documents_ = 0;
    std::size_t gold_terms_ = 0;
    std::size_t terms_as_terms_ = 0;
    std::size_t terms_as_speech_ = 0;
};

// ------------------------------------------------------------------------------------------
// PolNeAR measures (every attribution is annotated there, so these are recall of the quoted
// attributions and precision of speech quotations against all attributions)

/// What an overlap fraction is measured against.
enum class overlap_basis : std::uint8_t {
    gold,     ///< the gold span (the brief's wording for recall)
    shorter,  ///< the shorter of the two spans (a quoted fragment inside a mixed attribution counts)
};

/// Recall of gold kinds direct+mixed and precision of speech predictions at an overlap threshold.
struct attribution_stats {
    std::size_t gold = 0;              ///< gold direct+mixed
    std::size_t found_any = 0;         ///< … overlapped > threshold by any prediction (speech or term)
    std::size_t found_speech = 0;      ///< … overlapped > threshold by a speech prediction
    std::size_t gold_direct = 0;       ///< gold direct only
    std::size_t found_direct = 0;      ///< … overlapped > threshold by any prediction
    std::size_t speech_predicted = 0;  ///< predictions that are not terms
    std::size_t speech_correct = 0;    ///< … overlapping some gold attribution by > threshold of the prediction

    [[nodiscard]] double recall_any() const noexcept { return gold == 0 ? 0.0 : static_cast<double>(found_any) / static_cast<double>(gold); }
    [[nodiscard]] double recall_speech() const noexcept { return gold == 0 ? 0.0 : static_cast<double>(found_speech) / static_cast<double>(gold); }
    [[nodiscard]] double recall_direct() const noexcept {
        return gold_direct == 0 ? 0.0 : static_cast<double>(found_direct) / static_cast<double>(gold_direct);
    }
    [[nodiscard]] double precision() const noexcept {
        return speech_predicted == 0 ? 0.0 : static_cast<double>(speech_correct) / static_cast<double>(speech_predicted);
    }
};

/// Accumulates `attribution_stats` for one document. Spans are trimmed as in the README rule.
/// When `missed` is not null, the indices of the gold direct+mixed attributions that no
/// prediction overlaps by more than `threshold` are appended to it.
inline void add_attribution_stats(attribution_stats& st, const gold_document& gold, const std::vector<predicted_quote>& preds,
                                  overlap_basis basis, double threshold = 0.3, std::vector<std::size_t>* missed = nullptr) {
    std::vector<text_span> gt;
    std::vector<text_span> pt;
    for (const auto& g : gold.quotes) gt.push_back(trim(gold.text, g.span));
    for (const auto& p : preds) pt.push_back(trim(gold.text, p.span));
    for (std::size_t gi = 0; gi < gold.quotes.size(); ++gi) {
        if (gold.quotes[gi].kind != "direct" && gold.quotes[gi].kind != "mixed") continue;
        ++st.gold;
        bool any = false;
        bool speech = false;
        for (std::size_t pi = 0; pi < preds.size(); ++pi) {
            const std::size_t base = basis == overlap_basis::gold ? gt[gi].size() : std::min(gt[gi].size(), pt[pi].size());
            const std::size_t ov = gt[gi].overlap(pt[pi]);
            if (ov == 0 || static_cast<double>(ov) <= threshold * static_cast<double>(base)) continue;
            any = true;
            if (preds[pi].kind != "term") speech = true;
        }
        st.found_any += any ? 1U : 0U;
        if (!any && missed != nullptr) missed->push_back(gi);
        st.found_speech += speech ? 1U : 0U;
        if (gold.quotes[gi].kind == "direct") {
            ++st.gold_direct;
            st.found_direct += any ? 1U : 0U;
        }
    }
    for (std::size_t pi = 0; pi < preds.size(); ++pi) {
        if (preds[pi].kind == "term") continue;
        ++st.speech_predicted;
        for (std::size_t gi = 0; gi < gold.quotes.size(); ++gi) {
            const std::size_t ov = gt[gi].overlap(pt[pi]);
            if (ov > 0 && static_cast<double>(ov) > threshold * static_cast<double>(pt[pi].size())) {
                ++st.speech_correct;
                break;
            }
        }
    }
}

// ------------------------------------------------------------------------------------------
// Speakers (issue #4)

namespace detail {

inline std::vector<std::string> lower_words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (const char c : s) {
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    // "Clinton's" names Clinton; trailing punctuation is not part of a name.
    for (auto& w : out) {
        while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ')')) w.pop_back();
        if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
    }
    return out;
}

/// A given name folded for comparison: Aleksandr = Alexander, Sergei = Sergey.
inline std::string fold_given(const std::string& g) {
    std::string out;
    for (std::size_t i = 0; i < g.size(); ++i) {
        if (g.compare(i, 2, "ks") == 0) {
            out += 'x';
            ++i;
        } else {
            out += g[i];
        }
    }
    if (!out.empty() && out.back() == 'y') out.back() = 'i';
    if (out.size() > 5) out.resize(5);
    return out;
}

}  // namespace detail

/// The README's speaker rule: the predicted name names the gold speaker (same surname, no
/// conflicting given name; Aleksandr = Alexander). Organisations compare their last word.
[[nodiscard]] inline bool same_speaker(std::string_view gold, std::string_view pred) {
    const auto g = detail::lower_words(gold);
    const auto p = detail::lower_words(pred);
    if (g.empty() || p.empty() || g.back() != p.back()) return false;
    if (g.size() >= 2 && p.size() >= 2 && g.size() <= 3 && p.size() <= 3) {
        return detail::fold_given(g.front()) == detail::fold_given(p.front());
    }
    return true;
}

/// Speaker accuracy over one-to-one matches of a `scorer` (gold quotations with a speaker).
struct speaker_stats {
    std::size_t checked = 0;
    std::size_t right = 0;
    [[nodiscard]] double accuracy() const noexcept {
        return checked == 0 ? 0.0 : static_cast<double>(right) / static_cast<double>(checked);
    }
};

/// PolNeAR attributions (every kind), the protocol of tests/test_attribution_polnear.cpp: gold
/// = attributions with a speech cue; a prediction (not a term) matches one when the trimmed
/// spans overlap by more than 0.3 of the longer of the two, against the whole attribution or
/// one of its segments; predictions matching only a non-speech attribution are neither right
/// nor wrong (`neutral`). Speaker accuracy over matched predictions whose attribution has a
/// speaker span: the predicted mention overlaps it, or the predicted name and the gold resolved
/// name (else its surface mention) end with the same word.
struct speech_attribution_stats {
    struct kind_counts {
        std::size_t gold = 0, found = 0, predicted = 0, correct = 0, neutral = 0;
    };
    kind_counts all;
    std::map<std::string, kind_counts, std::less<>> by_gold_kind;  ///< gold / found
    std::map<std::string, kind_counts, std::less<>> by_pred_kind;  ///< predicted / correct / neutral
    speaker_stats speakers;

    [[nodiscard]] double precision() const noexcept {
        const std::size_t d = all.predicted - all.neutral;
        return d == 0 ? 0.0 : static_cast<double>(all.correct) / static_cast<double>(d);
    }
    [[nodiscard]] double strict_precision() const noexcept {
        return all.predicted == 0 ? 0.0 : static_cast<double>(all.correct) / static_cast<double>(all.predicted);
    }
    [[nodiscard]] double recall() const noexcept {
        return all.gold == 0 ? 0.0 : static_cast<double>(all.found) / static_cast<double>(all.gold);
    }
    [[nodiscard]] static double f1(double p, double r) noexcept { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }
    [[nodiscard]] double f1() const noexcept { return f1(precision(), recall()); }
    [[nodiscard]] double strict_f1() const noexcept { return f1(strict_precision(), recall()); }
};

namespace detail {

inline double overlap_of_longer(std::string_view text, text_span a, text_span b) {
    const text_span x = trim(text, a);
    const text_span y = trim(text, b);
    const std::size_t longer = std::max(x.size(), y.size());
    return longer == 0 ? 0.0 : static_cast<double>(x.overlap(y)) / static_cast<double>(longer);
}

inline std::string last_word(std::string_view s) {
    const auto w = lower_words(s);
    return w.empty() ? std::string() : w.back();
}

}  // namespace detail

/// Adds one document to `st` (see `speech_attribution_stats`).
inline void add_speech_attribution_stats(speech_attribution_stats& st, const gold_document& gold,
                                         const std::vector<predicted_quote>& preds) {
    std::vector<bool> hit(gold.quotes.size(), false);
    for (const auto& p : preds) {
        if (p.kind == "term") continue;
        auto& pk = st.by_pred_kind[p.kind];
        ++st.all.predicted;
        ++pk.predicted;
        std::size_t best = gold.quotes.size();
        double best_ov = 0.3;
        bool non_speech = false;
        for (std::size_t gi = 0; gi < gold.quotes.size(); ++gi) {
            const gold_quote& g = gold.quotes[gi];
            if (g.kind == "term") continue;
            double ov = detail::overlap_of_longer(gold.text, g.span, p.span);
            for (const auto& seg : g.segments) ov = std::max(ov, detail::overlap_of_longer(gold.text, seg, p.span));
            if (ov <= 0.3) continue;
            if (!g.speech) non_speech = true;
            else if (best == gold.quotes.size() || ov > best_ov) {
                best = gi;
                best_ov = ov;
            }
        }
        if (best == gold.quotes.size()) {
            if (non_speech) {
                ++st.all.neutral;
                ++pk.neutral;
            }
            continue;
        }
        ++st.all.correct;
        ++pk.correct;
        hit[best] = true;
        const gold_quote& g = gold.quotes[best];
        if (!g.mention) continue;
        ++st.speakers.checked;
        bool right = p.mention && p.mention->overlap(*g.mention) > 0;
        if (!right && p.speaker && !p.speaker->empty()) {
            const std::string gw = detail::last_word(g.resolved.value_or(g.speaker.value_or("")));
            right = !gw.empty() && detail::last_word(*p.speaker) == gw;
        }
        if (right) ++st.speakers.right;
    }
    for (std::size_t gi = 0; gi < gold.quotes.size(); ++gi) {
        const gold_quote& g = gold.quotes[gi];
        if (!g.speech || g.kind == "term") continue;
        auto& gk = st.by_gold_kind[g.kind];
        ++st.all.gold;
        ++gk.gold;
        if (hit[gi]) {
            ++st.all.found;
            ++gk.found;
        }
    }
}

}  // namespace whosaid_eval
