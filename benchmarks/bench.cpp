// SPDX-License-Identifier: MIT
// whosaid-bench: throughput of every stage in MB/s (median and best of several runs after a
// warm-up) on the bundled sample corpus and on any corpus named on the command line (a folder
// of *.txt, a .txt file or a JSONL file of {"id","text"} records), with the core's estimated
// clock during the runs and the cycles per byte it implies (harness.hpp, `clock_ghz`), plus the
// accuracy suites that are present (Golden Rules from ../shared/corpus/sbd).
//
//   whosaid-bench [--runs N] [--stage NAME]... [--paragraphs] [--no-sample] [CORPUS]...
//   e.g. whosaid-bench ../shared/corpus/bbc/docs.jsonl
//
// --paragraphs also measures each corpus cut into its paragraphs, one record per paragraph:
// the shape of a stream of short records (headlines, captions, one JSONL line per paragraph),
// where what a text costs before its first byte and at its last bytes counts.
//
// --no-sample leaves the bundled sample out: a run is then the same work every time, which an
// instruction count under cachegrind needs (the sample is small, so it is repeated until 0.2 s
// have passed, and how many times depends on the clock).
#include "corpus.hpp"
#include "harness.hpp"
#include "sbd_suite.hpp"

#include <whosaid/whosaid.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace {

using whosaid_bench::document;

struct stage {
    std::string name;
    std::function<std::uint64_t(const document&)> pass;
};

int usage() {
    std::fprintf(stderr, "usage: whosaid-bench [--runs N] [--stage NAME]... [--paragraphs] [--no-sample] [CORPUS]...\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) try {
    int runs = 7;
    std::vector<std::string> wanted;
    std::vector<std::filesystem::path> corpora;
    bool paragraphs = false;
    bool sample = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--paragraphs") paragraphs = true;
        else if (arg == "--no-sample") sample = false;
        else if (arg == "--stage" && i + 1 < argc) wanted.emplace_back(argv[++i]);
        else if (arg == "--help" || arg == "-h") return usage();
        else if (!arg.empty() && arg[0] == '-') return usage();
        else corpora.emplace_back(arg);
    }
    if (sample) corpora.insert(corpora.begin(), std::filesystem::path(WHOSAID_SAMPLE_DIR));

    // Engines are built once, outside the timed region, as a real program would.
    std::vector<stage> stages;
    stages.push_back({"utf8-validate", [](const document& d) -> std::uint64_t {
                          return whosaid::utf8::find_invalid(d.text) == whosaid::utf8::npos ? 1 : 0;
                      }});
    stages.push_back({"paragraphs", [](const document& d) -> std::uint64_t {
                          std::uint64_t n = 0;
                          whosaid::for_each_paragraph(d.text, [&](whosaid::text_span p) { n += p.end; });
                          return n;
                      }});
    const whosaid::sentence_splitter splitter_en;
    stages.push_back({"sentences", [&splitter_en](const document& d) -> std::uint64_t {
                          std::uint64_t n = 0;
                          const whosaid::error e =
                              splitter_en.for_each_sentence(d.text, [&](whosaid::text_span s) { n += s.end - s.begin + 1; });
                          return e.code == whosaid::errc::ok ? n : 0;
                      }});
    const whosaid::quote_detector quotes_en;
    stages.push_back({"quotes", [&quotes_en](const document& d) -> std::uint64_t {
                          const auto r = quotes_en.detect(d.text);
                          if (!r) return 0;
                          std::uint64_t n = 0;
                          for (const auto& q : *r) n += q.content.begin + q.content.end + static_cast<std::uint64_t>(q.role);
                          return n;
                      }});
    // Attribution alone, on sentences and quotes computed once per document outside the timing
    // (the warm-up pass fills the cache).
    const whosaid::speaker_attributor attributor_en;
    struct attribution_input {
        std::vector<whosaid::text_span> sentences;
        std::vector<whosaid::quote> quotes;
    };
    std::map<const document*, attribution_input> attribution_inputs;
    const auto quotation_sum = [](const std::vector<whosaid::quotation>& qs) {
        std::uint64_t n = 0;
        for (const auto& q : qs) n += q.content.begin + q.content.end + static_cast<std::uint64_t>(q.speaker + 1);
        return n;
    };
    whosaid::workspace attribute_work;
    stages.push_back({"attribute", [&](const document& d) -> std::uint64_t {
                          auto it = attribution_inputs.find(&d);
                          if (it == attribution_inputs.end()) {
                              attribution_input in;
                              in.sentences = splitter_en.split(d.text).value_or(std::vector<whosaid::text_span>{});
                              in.quotes = quotes_en.detect(d.text, in.sentences).value_or(std::vector<whosaid::quote>{});
                              it = attribution_inputs.emplace(&d, std::move(in)).first;
                          }
                          const auto r = attributor_en.attribute(d.text, it->second.sentences, it->second.quotes, attribute_work);
                          return r ? quotation_sum(r->quotations) : 0;
                      }});
    // End to end: validation, paragraphs, sentences, quotations and attribution, the way a
    // stream is meant to run on one thread (one workspace reused from document to document),
    // and with the one-argument call that allocates its working state afresh each time.
    const whosaid::extractor extractor_en;
    whosaid::workspace work;
    stages.push_back({"extract", [&](const document& d) -> std::uint64_t {
                          const auto r = extractor_en.extract(d.text, work);
                          return r ? quotation_sum(r->quotations) + r->sentences.size() : 0;
                      }});
    stages.push_back({"extract-fresh", [&](const document& d) -> std::uint64_t {
                          const auto r = extractor_en.extract(d.text);
                          return r ? quotation_sum(r->quotations) + r->sentences.size() : 0;
                      }});

    whosaid_bench::print_header();
    for (const auto& path : corpora) {
        const auto docs = whosaid_bench::load_corpus(path);
        const std::string label = path == std::filesystem::path(WHOSAID_SAMPLE_DIR) ? "sample (bundled)" : path.filename().string();
        const auto run_all = [&](const std::vector<document>& set, const std::string& name) {
            for (const auto& s : stages) {
                if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), s.name) == wanted.end()) continue;
                whosaid_bench::print_row(s.name, name, whosaid_bench::measure(set, s.pass, runs));
            }
        };
        run_all(docs, label);
        if (paragraphs) run_all(whosaid_bench::paragraph_records(docs), label + " (paragraphs)");
    }
    if (wanted.empty() || std::find(wanted.begin(), wanted.end(), "sentences") != wanted.end()) {
        whosaid_bench::print_sbd_scores(std::filesystem::path(WHOSAID_SHARED_CORPUS_DIR) / "sbd");
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "whosaid-bench: %s\n", e.what());
    return 1;
}
