// SPDX-License-Identifier: MIT
// whosaid-eval: accuracy of quotation detection against gold JSONL (../shared/corpus/README.md).
//
//   whosaid-eval [--pred FILE] [--lang en|ru] [--no-classify] [--max-term-words N] [--verbose] [GOLD.jsonl]
//
// GOLD is the sample format ({"id","file","quotes"}) or the PolNeAR format ({"id","text",
// "quotes"}); without it, the bundled tests/data/sample.gold.jsonl. With --pred, predictions are
// read from quote-dump's JSONL output and matched to gold documents by id; without it the
// library runs in-process on the gold texts (speech quotations are predicted as "direct", terms
// as "term").
//
// Prints precision, recall and F1 per kind under the README's matching rule, exact-span
// matches, how many gold terms were classified as terms, and for PolNeAR-style gold the recall
// of direct+mixed attributions at overlap > 0.3 and the precision of speech quotations against
// all attributions.
#include "gold.hpp"

#include <whosaid/language.hpp>
#include <whosaid/quotes.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

int usage() {
    std::fprintf(stderr, "usage: whosaid-eval [--pred FILE] [--lang en|ru] [--no-classify] [--max-term-words N] [--verbose] [GOLD.jsonl]\n");
    return 2;
}

std::vector<whosaid_eval::predicted_quote> from_library(const std::vector<whosaid::quote>& quotes) {
    std::vector<whosaid_eval::predicted_quote> out;
    out.reserve(quotes.size());
    for (const auto& q : quotes) out.push_back({q.content, q.role == whosaid::quote_role::term ? "term" : "direct", std::nullopt});
    return out;
}

std::string snippet(std::string_view text, whosaid::text_span s) {
    std::string v(whosaid::view_of(text, s));
    if (v.size() > 110) v = v.substr(0, 70) + " … " + v.substr(v.size() - 30);
    for (char& c : v) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return v;
}

}  // namespace

int main(int argc, char** argv) try {
    std::filesystem::path gold_path = WHOSAID_SAMPLE_GOLD;
    std::filesystem::path pred_path;
    whosaid::quote_options options;
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--pred" && i + 1 < argc) pred_path = argv[++i];
        else if (arg == "--lang" && i + 1 < argc) {
            const auto lang = whosaid::language_from_code(argv[++i]);
            if (!lang) return usage();
            options.lang = *lang;
        } else if (arg == "--verbose" || arg == "-v") verbose = true;
        else if (arg == "--no-classify") options.classify = false;
        else if (arg == "--max-term-words" && i + 1 < argc) options.max_term_words = static_cast<std::uint32_t>(std::atoi(argv[++i]));
        else if (arg == "--help" || arg == "-h") return usage();
        else if (!arg.empty() && arg[0] == '-') return usage();
        else gold_path = arg;
    }

    const whosaid_eval::gold_corpus gold = whosaid_eval::load_gold(gold_path);
    std::unordered_map<std::string, whosaid_eval::predicted_document> preds;
    if (!pred_path.empty()) preds = whosaid_eval::load_predictions(pred_path);
    const whosaid::quote_detector detector(options);

    whosaid_eval::scorer scorer;
    whosaid_eval::attribution_stats by_gold;
    whosaid_eval::attribution_stats by_shorter;
    std::size_t missing = 0;
    std::size_t errors = 0;
    for (const auto& doc : gold.docs) {
        std::vector<whosaid_eval::predicted_quote> p;
        if (!pred_path.empty()) {
            const auto it = preds.find(doc.id);
            if (it == preds.end()) ++missing;
            else {
                if (!it->second.error.empty()) ++errors;
                p = it->second.quotes;
            }
        } else {
            auto r = detector.detect(doc.text);
            if (!r) {
                ++errors;
                std::fprintf(stderr, "%s: %s\n", doc.id.c_str(), r.error().message().c_str());
            } else {
                p = from_library(*r);
            }
        }
        const std::size_t before = scorer.matches().size();
        scorer.add(doc, p);
        if (gold.inline_text) {
            whosaid_eval::add_attribution_stats(by_gold, doc, p, whosaid_eval::overlap_basis::gold);
            whosaid_eval::add_attribution_stats(by_shorter, doc, p, whosaid_eval::overlap_basis::shorter);
        }
        if (verbose) {
            std::vector<bool> g_used(doc.quotes.size(), false);
            std::vector<bool> p_used(p.size(), false);
            for (std::size_t k = before; k < scorer.matches().size(); ++k) {
                g_used[scorer.matches()[k].gold] = true;
                p_used[scorer.matches()[k].pred] = true;
            }
            for (std::size_t gi = 0; gi < doc.quotes.size(); ++gi) {
                const auto& g = doc.quotes[gi];
                if (g_used[gi] || g.optional || (gold.inline_text && g.kind == "indirect")) continue;
                std::printf("MISS %s %s %zu-%zu | %s\n", doc.id.c_str(), g.kind.c_str(), g.span.begin, g.span.end,
                            snippet(doc.text, g.span).c_str());
            }
            for (std::size_t pi = 0; pi < p.size(); ++pi) {
                if (p_used[pi]) continue;
                std::printf("EXTRA %s %s %zu-%zu | %s\n", doc.id.c_str(), p[pi].kind.c_str(), p[pi].span.begin,
                            p[pi].span.end, snippet(doc.text, p[pi].span).c_str());
            }
        }
    }

    std::printf("whosaid-eval: %s (%zu documents; %s)\n", gold_path.string().c_str(), gold.docs.size(),
                pred_path.empty() ? "library in-process" : ("predictions " + pred_path.string()).c_str());
    if (missing > 0) std::printf("  %zu documents have no prediction line\n", missing);
    if (!pred_path.empty()) {
        std::size_t unknown = 0;
        for (const auto& [id, p] : preds) {
            bool known = false;
            for (const auto& doc : gold.docs) known = known || doc.id == id;
            unknown += known ? 0U : 1U;
        }
        if (unknown > 0) std::printf("  %zu prediction lines name no gold document (ignored)\n", unknown);
    }
    if (errors > 0) std::printf("  %zu documents reported an error\n", errors);
    std::printf("%-10s %6s %6s %7s %6s %8s %5s %8s %9s %6s %12s\n", "kind", "gold", "found", "recall", "pred", "correct",
                "FP", "on-term", "precision", "F1", "exact/trim");
    for (const auto& [kind, st] : scorer.stats()) {
        std::printf("%-10s %6zu %6zu %7.3f %6zu %8zu %5zu %8zu %9.3f %6.3f %5zu/%-6zu\n", kind.c_str(), st.gold,
                    st.gold_found, st.recall(), st.predicted, st.correct, st.false_positives(), st.on_gold_term,
                    st.precision(), st.f1(), st.exact, st.exact_trimmed);
    }
    std::printf("gold terms classified as terms: %zu/%zu (as speech: %zu)\n", scorer.terms_as_terms(), scorer.gold_terms(),
                scorer.terms_as_speech());
    if (gold.inline_text) {
        std::printf("attributions (gold direct+mixed = %zu), overlap > 0.3:\n", by_gold.gold);
        std::printf("  recall, of the gold span:    any quotation %.3f, speech only %.3f\n", by_gold.recall_any(),
                    by_gold.recall_speech());
        std::printf("  recall, of the shorter span: any quotation %.3f, speech only %.3f\n", by_shorter.recall_any(),
                    by_shorter.recall_speech());
        std::printf("  recall of gold direct alone (%zu), of the gold span: %.3f\n", by_gold.gold_direct, by_gold.recall_direct());
        std::printf("  precision of speech quotations against all attributions (of the prediction): %.3f (%zu/%zu)\n",
                    by_gold.precision(), by_gold.speech_correct, by_gold.speech_predicted);
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "whosaid-eval: %s\n", e.what());
    return 1;
}
