// SPDX-License-Identifier: MIT
// quote-dump's peak memory on a JSON Lines corpus read as a stream.
//
//   quote-dump-memory QUOTE_DUMP [CORPUS.jsonl] [--threads 1,2] [--allowance-mb N] [--huge]
//
// Runs `QUOTE_DUMP --jsonl -j T < CORPUS` (standard input: a stream, its size unknown to the
// tool) for each thread count T, and `QUOTE_DUMP --jsonl -j T < /dev/null`, and reads the
// peak resident set size of each from wait4() (ru_maxrss). The empty run is the fixed part
// (binary, libraries, the compiled engines, the threads); what the corpus adds on top of it
// must stay below 4x the largest document's text plus a fixed allowance (default 4 MB: read
// and output buffers, the blocks in flight, each thread's scratch space), whatever the number
// of documents. Prints the figures; exit status 1 when a run is over the bound or fails, 77
// (skipped) when the corpus is absent. Default corpus: ../shared/corpus/bbc/docs.jsonl.
//
// --huge also runs one stream holding a single document made of every text of the corpus
// (about 5 MB for BBC) and prints how many times its size the tool needed (information only:
// most of it is the engines' own working memory).
//
// Linux counts in a child's ru_maxrss the memory of the process it was started from (the peak
// is carried across exec), so this program keeps its own memory small (it streams the corpus)
// and says so when its own peak is not below the figures it measures.
#include "run_tool.hpp"
#include "../examples/quote_dump/json_out.hpp"

#include <simdjson.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

#ifndef WHOSAID_SHARED_CORPUS_DIR
#    define WHOSAID_SHARED_CORPUS_DIR "../shared/corpus"
#endif

// Runs quote-dump with `input` as standard input and stdout/stderr to /dev/null; returns its
// peak RSS in KiB, or -1 when it could not run or exited with a status above `max_status`
// (1 only says that some documents got error records).
long peak_rss_kib(const std::string& exe, const std::string& input, unsigned threads, int max_status = 1) {
    const whosaid_bench::tool_run r = whosaid_bench::run_quote_dump(exe, input, true, threads, "/dev/null", max_status);
    return r.ok ? r.peak_rss_kib : -1;
}

struct corpus_info {
    std::size_t documents = 0;
    std::size_t largest_text = 0;  // bytes of the longest "text", escapes resolved
    std::size_t all_text = 0;      // bytes of every text joined by blank lines
};

// Reads the corpus' records (the lines with a string "text") one at a time, calling
// `on_text(text)` for each.
template <class OnText>
bool scan_corpus(const std::string& path, corpus_info& info, OnText&& on_text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    simdjson::ondemand::parser parser;
    std::string line;
    while (std::getline(in, line)) {
        const std::size_t length = line.size();
        line.append(simdjson::SIMDJSON_PADDING, ' ');
        simdjson::ondemand::document doc;
        if (parser.iterate(line.data(), length, line.size()).get(doc) != simdjson::SUCCESS) continue;
        std::string_view text;
        if (doc["text"].get_string().get(text) != simdjson::SUCCESS) continue;
        if (info.documents > 0) info.all_text += 2;
        ++info.documents;
        info.largest_text = std::max(info.largest_text, text.size());
        info.all_text += text.size();
        on_text(text);
    }
    return true;
}

// This process' own peak RSS in KiB.
long own_peak_kib() {
    struct rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

double mib(long kib) { return static_cast<double>(kib) / 1024.0; }
double mib(std::size_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

}  // namespace

int main(int argc, char** argv) {
    std::string corpus = std::string(WHOSAID_SHARED_CORPUS_DIR) + "/bbc/docs.jsonl";
    std::vector<unsigned> threads = {1, 2};
    double allowance_mib = 4.0;
    bool huge = false;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc) {
            threads.clear();
            std::stringstream ss(argv[++i]);
            for (std::string t; std::getline(ss, t, ',');) threads.push_back(static_cast<unsigned>(std::atoi(t.c_str())));
        } else if (a == "--allowance-mb" && i + 1 < argc) {
            allowance_mib = std::atof(argv[++i]);
        } else if (a == "--huge") {
            huge = true;
        } else {
            positional.push_back(a);
        }
    }
    if (positional.empty() || threads.empty() || allowance_mib < 0) {
        std::fprintf(stderr, "usage: quote-dump-memory QUOTE_DUMP [CORPUS.jsonl] [--threads 1,2] [--allowance-mb N] [--huge]\n");
        return 2;
    }
    const std::string exe = positional[0];
    if (positional.size() > 1) corpus = positional[1];

    struct stat st {};
    if (::stat(corpus.c_str(), &st) != 0) {
        std::printf("SKIP: corpus %s not found (the shared corpora live in ../shared/corpus)\n", corpus.c_str());
        return 77;
    }
    corpus_info info;
    if (!scan_corpus(corpus, info, [](std::string_view) {}) || info.documents == 0) {
        std::fprintf(stderr, "FAIL: no records with a \"text\" in %s\n", corpus.c_str());
        return 1;
    }
    const auto allowance_kib = static_cast<long>(allowance_mib * 1024.0);
    const long bound_kib = static_cast<long>((4 * info.largest_text + 1023) / 1024) + allowance_kib;

    std::printf("quote-dump peak memory: %s on standard input (%.1f MB, %zu documents, largest text %zu bytes)\n",
                corpus.c_str(), static_cast<double>(st.st_size) / 1e6, info.documents, info.largest_text);
    std::printf("bound: peak RSS - RSS on empty input <= 4 x largest text + %.1f MiB = %.2f MiB\n", allowance_mib,
                mib(bound_kib));
    std::printf("%-8s %12s %12s %12s %12s  %s\n", "threads", "empty MiB", "corpus MiB", "added MiB", "bound MiB", "verdict");
    int status = 0;
    long smallest = -1;  // the smallest figure measured, to compare with this process' own peak
    for (const unsigned t : threads) {
        // Best (lowest) of three for the fixed part, worst (highest) of three for the corpus.
        long empty = -1;
        long full = -1;
        for (int r = 0; r < 3; ++r) {
            const long e = peak_rss_kib(exe, "/dev/null", t);
            const long f = peak_rss_kib(exe, corpus, t);
            if (e < 0 || f < 0) {
                std::fprintf(stderr, "FAIL: %s -j %u did not run\n", exe.c_str(), t);
                return 1;
            }
            empty = empty < 0 ? e : std::min(empty, e);
            full = std::max(full, f);
        }
        smallest = smallest < 0 ? empty : std::min(smallest, empty);
        const long added = full - empty;
        const bool ok = added <= bound_kib;
        std::printf("%-8u %12.2f %12.2f %12.2f %12.2f  %s\n", t, mib(empty), mib(full), mib(added), mib(bound_kib),
                    ok ? "ok" : "OVER");
        if (!ok) status = 1;
    }

    if (huge) {
        // One record holding every text: the largest document there can be in this corpus,
        // written a text at a time.
        const std::string path = std::string(std::getenv("TMPDIR") != nullptr ? std::getenv("TMPDIR") : "/tmp") +
                                 "/quote-dump-memory." + std::to_string(::getpid()) + ".jsonl";
        {
            std::ofstream out(path, std::ios::binary);
            out << "{\"id\":\"all\",\"text\":\"";
            corpus_info again;
            std::string piece;
            scan_corpus(corpus, again, [&](std::string_view text) {
                piece.clear();
                if (again.documents > 1) piece += "\\n\\n";  // a blank line between the texts
                quote_dump::append_json_chars(piece, text);  // corpus text: valid UTF-8 (simdjson checked it)
                out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
            });
            out << "\"}\n";
        }
        std::printf("one document of %.2f MiB (every text of the corpus):\n", mib(info.all_text));
        for (const unsigned t : threads) {
            const long e = peak_rss_kib(exe, "/dev/null", t);
            const long f = peak_rss_kib(exe, path, t, 0);  // the document must be processed
            if (e < 0 || f < 0) {
                std::fprintf(stderr, "FAIL: %s -j %u did not run on the huge document\n", exe.c_str(), t);
                status = 1;
                continue;
            }
            std::printf("  -j %u: added %.2f MiB = %.1f x the document\n", t, mib(f - e),
                        static_cast<double>(f - e) * 1024.0 / static_cast<double>(info.all_text));
        }
        std::remove(path.c_str());
    }
    if (const long own = own_peak_kib(); smallest >= 0 && own >= smallest) {
        std::printf("note: this program's own peak (%.2f MiB) is not below the smallest figure: the figures may be too high\n",
                    mib(own));
    }
    return status;
}
