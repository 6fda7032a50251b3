// SPDX-License-Identifier: MIT
// Speaker attribution against PolNeAR v1.0 dev (../shared/corpus/polnear/dev.jsonl; never copied
// into the repository), end to end through the extractor. Skipped when the shared corpus is
// absent.
//
// Gold: the attributions whose cue is speech-like (cue_is_speech = true; PolNeAR also annotates
// thoughts and beliefs), every kind (direct, indirect, mixed). Predictions: the quotations of kind
// direct, indirect and mixed. Matching (both spans trimmed of white space and punctuation, as in
// the corpus README): the overlap covers more than 0.3 of the LONGER of the two spans, against
// the attribution's whole span or one of its segments (an interrupted quotation "…," he said,
// "…" is one attribution of two segments; each piece predicted matches it).
// - precision: predictions matching a speech attribution / predictions, not counting those that
//   only match a non-speech attribution (neither right nor wrong, like speech predicted on a gold
//   term in the sample rule); the strict figure counting them as false is printed too;
// - recall: speech attributions matched by at least one prediction;
// - speaker accuracy, over predictions matched to an attribution that has a speaker span: the
//   predicted mention overlaps the gold speaker span, or the predicted speaker's name and the
//   gold resolved name end with the same word ("resolves to the same entity").
// Targets (issue #4): F1 >= 0.70, speaker accuracy >= 0.90.
#include "../benchmarks/gold.hpp"
#include "test_support.hpp"

#include <whosaid/whosaid.hpp>

#include <catch2/catch.hpp>

#include <simdjson.h>

#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_attribution_polnear {

namespace {

struct attribution_gold {
    whosaid::text_span span;
    std::vector<whosaid::text_span> segments;
    std::string kind;
    bool speech = false;
    std::optional<whosaid::text_span> speaker;
    std::string speaker_text;
    std::string resolved;
};

struct polnear_doc {
    std::string id;
    std::string text;
    std::vector<attribution_gold> gold;
};

std::vector<polnear_doc> load_polnear(const std::filesystem::path& path) {
    std::vector<polnear_doc> docs;
    whosaid_bench::for_each_jsonl(path, [&](simdjson::ondemand::object& obj, std::size_t) {
        polnear_doc d;
        for (auto field : obj) {
            const std::string_view key = field.unescaped_key().value();
            if (key == "id") {
                d.id = std::string(field.value().get_string().value());
            } else if (key == "text") {
                d.text = std::string(field.value().get_string().value());
            } else if (key == "quotes") {
                for (auto element : field.value().get_array()) {
                    attribution_gold g;
                    std::optional<std::size_t> sb, se;
                    for (auto f : element.get_object()) {
                        const std::string_view k = f.unescaped_key().value();
                        simdjson::ondemand::value v = f.value();
                        std::uint64_t n = 0;
                        std::string_view sv;
                        bool b = false;
                        if (k == "start" && v.get_uint64().get(n) == simdjson::SUCCESS) g.span.begin = static_cast<std::size_t>(n);
                        else if (k == "end" && v.get_uint64().get(n) == simdjson::SUCCESS) g.span.end = static_cast<std::size_t>(n);
                        else if (k == "kind" && v.get_string().get(sv) == simdjson::SUCCESS) g.kind = std::string(sv);
                        else if (k == "cue_is_speech" && v.get_bool().get(b) == simdjson::SUCCESS) g.speech = b;
                        else if (k == "speaker_start" && v.get_uint64().get(n) == simdjson::SUCCESS) sb = static_cast<std::size_t>(n);
                        else if (k == "speaker_end" && v.get_uint64().get(n) == simdjson::SUCCESS) se = static_cast<std::size_t>(n);
                        else if (k == "speaker" && v.get_string().get(sv) == simdjson::SUCCESS) g.speaker_text = std::string(sv);
                        else if (k == "speaker_resolved_silver" && v.get_string().get(sv) == simdjson::SUCCESS) g.resolved = std::string(sv);
                        else if (k == "segments") {
                            for (auto seg : v.get_array()) {
                                whosaid::text_span s;
                                for (auto sf : seg.get_object()) {
                                    const std::string_view sk = sf.unescaped_key().value();
                                    if (sk == "start") s.begin = static_cast<std::size_t>(sf.value().get_uint64().value());
                                    else if (sk == "end") s.end = static_cast<std::size_t>(sf.value().get_uint64().value());
                                }
                                g.segments.push_back(s);
                            }
                        }
                    }
                    if (sb && se) g.speaker = whosaid::text_span{*sb, *se};
                    d.gold.push_back(std::move(g));
                }
            }
        }
        docs.push_back(std::move(d));
    });
    return docs;
}

/// Overlap of the trimmed spans as a fraction of the longer one.
double overlap_of_longer(std::string_view text, whosaid::text_span a, whosaid::text_span b) {
    const whosaid::text_span x = whosaid_eval::trim(text, a);
    const whosaid::text_span y = whosaid_eval::trim(text, b);
    const std::size_t longer = std::max(x.size(), y.size());
    return longer == 0 ? 0.0 : static_cast<double>(x.overlap(y)) / static_cast<double>(longer);
}

double best_overlap(std::string_view text, const attribution_gold& g, whosaid::text_span pred) {
    double best = overlap_of_longer(text, g.span, pred);
    for (const auto& s : g.segments) best = std::max(best, overlap_of_longer(text, s, pred));
    return best;
}

std::string last_word(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
    const std::size_t sp = s.rfind(' ');
    std::string w(sp == std::string_view::npos ? s : s.substr(sp + 1));
    for (char& c : w) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    if (w.size() > 2 && (w.compare(w.size() - 2, 2, "'s") == 0)) w.resize(w.size() - 2);
    return w;
}

struct counts {
    std::size_t predicted = 0, correct = 0, neutral = 0, gold = 0, found = 0;
};

}  // namespace

TEST_CASE("attribution_polnear: quotations and speakers on PolNeAR dev", "[attribution_polnear]") {
    const auto corpus = whosaid_test::shared_corpus();
    REQUIRE(corpus.has_value());
    const auto docs = load_polnear(*corpus / "polnear" / "dev.jsonl");
    REQUIRE(docs.size() == 84);
    const whosaid::extractor ex;
    counts all;
    std::map<std::string, counts> by_pred_kind;
    std::map<std::string, counts> by_gold_kind;
    std::size_t speaker_checked = 0, speaker_right = 0;
    for (const auto& d : docs) {
        const auto r = ex.extract(d.text);
        REQUIRE(r.has_value());
        std::vector<bool> hit(d.gold.size(), false);
        for (const auto& q : r->quotations) {
            if (q.kind == whosaid::quote_kind::term) continue;
            const std::string kind(whosaid::to_string(q.kind));
            ++all.predicted;
            ++by_pred_kind[kind].predicted;
            // The best-matching speech attribution; else, is there a non-speech one?
            std::size_t best = d.gold.size();
            double best_ov = 0.3;
            bool non_speech = false;
            for (std::size_t gi = 0; gi < d.gold.size(); ++gi) {
                const double ov = best_overlap(d.text, d.gold[gi], q.content);
                if (ov <= 0.3) continue;
                if (!d.gold[gi].speech) {
                    non_speech = true;
                } else if (ov > best_ov || best == d.gold.size()) {
                    best = gi;
                    best_ov = ov;
                }
            }
            if (best == d.gold.size()) {
                if (non_speech) {
                    ++all.neutral;
                    ++by_pred_kind[kind].neutral;
                }
                continue;
            }
            ++all.correct;
            ++by_pred_kind[kind].correct;
            hit[best] = true;
            const attribution_gold& g = d.gold[best];
            if (!g.speaker) continue;
            ++speaker_checked;
            bool right = q.mention && q.mention->overlap(*g.speaker) > 0;
            const std::string_view name = r->speaker_name(d.text, q);
            if (!right && !name.empty()) {
                const std::string gw = last_word(g.resolved.empty() ? g.speaker_text : g.resolved);
                right = !gw.empty() && last_word(name) == gw;
            }
            if (right) ++speaker_right;
        }
        for (std::size_t gi = 0; gi < d.gold.size(); ++gi) {
            if (!d.gold[gi].speech) continue;
            ++all.gold;
            ++by_gold_kind[d.gold[gi].kind].gold;
            if (hit[gi]) {
                ++all.found;
                ++by_gold_kind[d.gold[gi].kind].found;
            }
        }
    }
    const auto ratio = [](std::size_t a, std::size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b); };
    const double precision = ratio(all.correct, all.predicted - all.neutral);
    const double strict_precision = ratio(all.correct, all.predicted);
    const double recall = ratio(all.found, all.gold);
    const double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    const double strict_f1 = 2 * strict_precision * recall / (strict_precision + recall);
    const double speaker = ratio(speaker_right, speaker_checked);
    std::printf("PolNeAR dev: quotation P %.3f R %.3f F1 %.3f (strict: P %.3f F1 %.3f); speaker accuracy %.3f (%zu/%zu)\n",
                precision, recall, f1, strict_precision, strict_f1, speaker, speaker_right, speaker_checked);
    for (const auto& [k, c] : by_gold_kind) {
        std::printf("  gold %-8s recall %.3f (%zu/%zu)\n", k.c_str(), ratio(c.found, c.gold), c.found, c.gold);
    }
    for (const auto& [k, c] : by_pred_kind) {
        std::printf("  predicted %-8s precision %.3f (%zu right, %zu on non-speech, of %zu)\n", k.c_str(),
                    ratio(c.correct, c.predicted - c.neutral), c.correct, c.neutral, c.predicted);
    }
    CHECK(all.gold == 1342);
    CHECK(f1 >= 0.70);
    CHECK(speaker >= 0.90);
}

TEST_CASE("attribution_polnear: direct and mixed attributions are recalled at 0.3 of the gold span", "[attribution_polnear]") {
    // whosaid-eval's "recall, of the gold span: any quotation": a gold direct or mixed
    // attribution counts when some quotation (any kind) covers more than 0.3 of it. A mixed
    // attribution's span is the whole reported clause, so the clause must be found, not only its
    // quoted fragment. Target 0.97; what remains is mostly "…," X said. "…" annotated as one
    // attribution with the frame inside.
    const auto corpus = whosaid_test::shared_corpus();
    REQUIRE(corpus.has_value());
    const auto gold = whosaid_eval::load_gold(*corpus / "polnear" / "dev.jsonl");
    REQUIRE(gold.docs.size() == 84);
    const whosaid::extractor extractor;
    whosaid_eval::attribution_stats by_gold;
    for (const auto& doc : gold.docs) {
        auto r = extractor.extract(doc.text);
        REQUIRE(r.has_value());
        std::vector<whosaid_eval::predicted_quote> preds;
        for (const auto& q : r->quotations) preds.push_back({q.content, std::string(whosaid::to_string(q.kind)), std::nullopt});
        whosaid_eval::add_attribution_stats(by_gold, doc, preds, whosaid_eval::overlap_basis::gold);
    }
    std::printf("PolNeAR dev: direct+mixed recall (0.3 of gold) %.3f (%zu/%zu); speech precision %.3f\n", by_gold.recall_any(),
                by_gold.found_any, by_gold.gold, by_gold.precision());
    CHECK(by_gold.gold == 615);
    CHECK(by_gold.recall_any() >= 0.96);
    CHECK(by_gold.precision() >= 0.85);
}

}  // namespace test_attribution_polnear
