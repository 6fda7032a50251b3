// SPDX-License-Identifier: MIT
// whosaid-pathological: linear time on adversarial input. For each kind of pathological input
// (benchmarks/pathological.hpp: `"` only, `«` only, no space, one line, quotes nested 10,000
// deep, NUL bytes, random bytes) and each stage (UTF-8 validation, sentences, quotes, the whole
// extractor), prints the time per MB at 2 and 20 MB (and 200 MB with --big), and the ratios of
// the total times 20 MB / 2 MB and 200 MB / 20 MB. Linear is 10; the program exits 1 when a
// ratio exceeds the limit (15 by default), 0 otherwise.
//
//   whosaid-pathological [--big] [--limit R] [--kind NAME]... [--stage NAME]...
//
// Every stage runs under the replace policy (random bytes are mostly invalid UTF-8; on the valid
// kinds replace and reject do the same work). The validation stage finds every bad byte (it
// resumes after each), so it reads the whole input on every kind. Times are the best of several
// runs (5 at 2 MB, 3 at 20 MB, 1 at 200 MB) on a shared machine.
#include "pathological.hpp"

#include <whosaid/whosaid.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace patho = whosaid_pathological;
using whosaid::invalid_utf8;

struct stage {
    std::string name;
    std::function<std::uint64_t(std::string_view)> run;  // returns a checksum of the result
};

std::string sample_text() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(WHOSAID_SAMPLE_DIR)) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::string all;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        all += ss.str();
        all += "\n\n";
    }
    return all;
}

int usage() {
    std::fprintf(stderr, "usage: whosaid-pathological [--big] [--limit R] [--kind NAME]... [--stage NAME]...\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    bool big = false;
    double limit = 15.0;
    std::vector<std::string> kinds_wanted;
    std::vector<std::string> stages_wanted;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--big") big = true;
        else if (arg == "--limit" && i + 1 < argc) limit = std::atof(argv[++i]);
        else if (arg == "--kind" && i + 1 < argc) kinds_wanted.emplace_back(argv[++i]);
        else if (arg == "--stage" && i + 1 < argc) stages_wanted.emplace_back(argv[++i]);
        else return usage();
    }

    const whosaid::sentence_splitter splitter({.on_invalid = invalid_utf8::replace});
    const whosaid::quote_detector detector({.on_invalid = invalid_utf8::replace});
    const whosaid::extractor extractor({.on_invalid = invalid_utf8::replace});
    std::vector<stage> stages;
    stages.push_back({"utf8", [](std::string_view t) -> std::uint64_t {
                          std::uint64_t bad = 0;
                          for (std::size_t from = 0; from < t.size();) {
                              const std::size_t at = whosaid::utf8::find_invalid(t.substr(from));
                              if (at == whosaid::utf8::npos) break;
                              ++bad;
                              from += at + 1;
                          }
                          return bad;
                      }});
    stages.push_back({"sentences", [&](std::string_view t) -> std::uint64_t {
                          std::uint64_t n = 0;
                          const whosaid::error e = splitter.for_each_sentence(t, [&](whosaid::text_span s) { n += s.end; });
                          return e.code == whosaid::errc::ok ? n : 0;
                      }});
    stages.push_back({"quotes", [&](std::string_view t) -> std::uint64_t {
                          const auto r = detector.detect(t);
                          return r ? r->size() : 0;
                      }});
    stages.push_back({"extract", [&](std::string_view t) -> std::uint64_t {
                          const auto r = extractor.extract(t);
                          return r ? r->sentences.size() + r->quotes.size() + r->quotations.size() : 0;
                      }});

    const std::string news = sample_text();
    std::vector<std::size_t> sizes{2'000'000, 20'000'000};
    if (big) sizes.push_back(200'000'000);
    const auto wanted = [](const std::vector<std::string>& list, std::string_view name) {
        return list.empty() || std::find(list.begin(), list.end(), name) != list.end();
    };

    std::printf("%-16s %-10s", "kind", "stage");
    for (std::size_t s : sizes) std::printf(" %9zuMB", s / 1'000'000);
    std::printf("   (ms per MB)  %8s", "20/2");
    if (big) std::printf(" %8s", "200/20");
    std::printf("\n");
    std::fflush(stdout);

    bool failed = false;
    for (patho::kind k : patho::all_kinds) {
        if (!wanted(kinds_wanted, patho::name(k))) continue;
        std::vector<std::string> inputs;
        for (std::size_t s : sizes) inputs.push_back(patho::make(k, s, news));
        for (const stage& st : stages) {
            if (!wanted(stages_wanted, st.name)) continue;
            std::vector<double> secs;
            std::uint64_t sink = 0;
            for (std::size_t n = 0; n < inputs.size(); ++n) {
                const int runs = n == 0 ? 5 : (n == 1 ? 3 : 1);
                double best = 1e300;
                for (int r = 0; r < runs; ++r) {
                    const auto start = std::chrono::steady_clock::now();
                    sink += st.run(inputs[n]);
                    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
                }
                secs.push_back(best);
            }
            std::printf("%-16s %-10s", std::string(patho::name(k)).c_str(), st.name.c_str());
            for (std::size_t n = 0; n < inputs.size(); ++n) {
                std::printf(" %11.2f", secs[n] * 1e3 / (static_cast<double>(inputs[n].size()) / 1e6));
            }
            std::printf("   %12s", "");
            for (std::size_t n = 1; n < inputs.size(); ++n) {
                // Ratio of total times, normalised to the exact sizes (multi-byte kinds are cut).
                const double ratio = secs[n] / secs[n - 1] * 10.0 * static_cast<double>(inputs[n - 1].size()) /
                                     static_cast<double>(inputs[n].size());
                const bool bad = ratio > limit;
                failed = failed || bad;
                std::printf(" %7.1f%s", ratio, bad ? "!" : " ");
            }
            std::printf("   [checksum %llu]\n", static_cast<unsigned long long>(sink));
            std::fflush(stdout);
        }
    }
    if (failed) std::printf("FAIL: a ratio exceeds %.1f (linear is 10)\n", limit);
    else std::printf("OK: every ratio within %.1f (linear is 10)\n", limit);
    return failed ? 1 : 0;
}
