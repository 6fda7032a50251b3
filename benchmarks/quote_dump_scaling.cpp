// SPDX-License-Identifier: MIT
// How quote-dump's throughput scales with worker threads.
//
//   quote-dump-scaling QUOTE_DUMP [CORPUS.jsonl] [--runs N] [--threads 1,2] [--realtime]
//
// Runs `QUOTE_DUMP --jsonl -j T CORPUS` for each thread count T (default 1 and 2), the runs
// interleaved (1, 2, 1, 2, ...) so that every count gets the same chances at a quiet machine,
// after one warm-up run; keeps the best wall-clock time of each (process start to exit, as a
// user sees it), prints MB/s and the speed-up over the first count, and checks that every count
// gives byte-identical output. It also times each count on an empty input (process start,
// loading, building the engines, exit: the fixed cost of a run) and prints the throughput
// without it, the rate at which a long stream is processed. Default corpus:
// ../shared/corpus/bbc/docs.jsonl (2,225 BBC articles, 5 MB); exit status 77 (skipped) when
// it is absent.
//
// Timing depends on the machine being otherwise idle. --realtime runs the tool under
// SCHED_FIFO (needs root or CAP_SYS_NICE; otherwise a note and normal scheduling): on a
// shared machine it gets the cores ahead of other work, so that two threads really have two
// cores. The kernel still keeps 5% of each second for other work (sched_rt_runtime_us).
#include "run_tool.hpp"

#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {

#ifndef WHOSAID_SHARED_CORPUS_DIR
#    define WHOSAID_SHARED_CORPUS_DIR "../shared/corpus"
#endif

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs quote-dump once with `threads` workers, output into `out_path`; returns the wall time
// in seconds, or a negative value when it could not run or exited with a status above 1
// (1 only says that some documents got error records).
double run_once(const std::string& exe, const std::string& corpus, unsigned threads, const std::string& out_path) {
    const whosaid_bench::tool_run r = whosaid_bench::run_quote_dump(exe, corpus, false, threads, out_path);
    return r.ok ? r.seconds : -1.0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string exe;
    std::string corpus = std::string(WHOSAID_SHARED_CORPUS_DIR) + "/bbc/docs.jsonl";
    int runs = 10;
    bool realtime = false;
    std::vector<unsigned> threads = {1, 2};
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc) {
            runs = std::atoi(argv[++i]);
        } else if (a == "--realtime") {
            realtime = true;
        } else if (a == "--threads" && i + 1 < argc) {
            threads.clear();
            std::stringstream ss(argv[++i]);
            for (std::string t; std::getline(ss, t, ',');) threads.push_back(static_cast<unsigned>(std::atoi(t.c_str())));
        } else {
            positional.push_back(a);
        }
    }
    if (positional.empty() || runs < 1 || threads.empty()) {
        std::fprintf(stderr, "usage: quote-dump-scaling QUOTE_DUMP [CORPUS.jsonl] [--runs N] [--threads 1,2] [--realtime]\n");
        return 2;
    }
    exe = positional[0];
    if (positional.size() > 1) corpus = positional[1];

    struct stat st {};
    if (::stat(corpus.c_str(), &st) != 0) {
        std::printf("SKIP: corpus %s not found (the shared corpora live in ../shared/corpus)\n", corpus.c_str());
        return 77;
    }
    const double mb = static_cast<double>(st.st_size) / 1e6;
    const std::string tmp = std::string(std::getenv("TMPDIR") != nullptr ? std::getenv("TMPDIR") : "/tmp") +
                            "/quote-dump-scaling." + std::to_string(::getpid());

    const char* scheduling = "normal scheduling";
    if (realtime) {
        sched_param p{};
        p.sched_priority = 1;
        if (::sched_setscheduler(0, SCHED_FIFO, &p) == 0) {
            scheduling = "SCHED_FIFO";
        } else {
            scheduling = "normal scheduling (SCHED_FIFO not permitted)";
        }
    }
    std::printf("quote-dump scaling: %s (%.1f MB), best of %d interleaved runs, %ld cores online, %s\n", corpus.c_str(),
                mb, runs, ::sysconf(_SC_NPROCESSORS_ONLN), scheduling);
    if (run_once(exe, corpus, threads[0], tmp + ".warm") < 0) {
        std::fprintf(stderr, "FAIL: %s did not run on %s\n", exe.c_str(), corpus.c_str());
        return 1;
    }
    std::vector<double> best(threads.size(), 1e300);
    std::vector<double> fixed(threads.size(), 1e300);  // the same on an empty input
    for (int r = 0; r < runs; ++r) {
        for (std::size_t k = 0; k < threads.size(); ++k) {
            const double t = run_once(exe, corpus, threads[k], tmp + "." + std::to_string(threads[k]));
            const double e = run_once(exe, "/dev/null", threads[k], "/dev/null");
            if (t < 0 || e < 0) {
                std::fprintf(stderr, "FAIL: -j %u failed\n", threads[k]);
                return 1;
            }
            best[k] = std::min(best[k], t);
            fixed[k] = std::min(fixed[k], e);
        }
    }
    int status = 0;
    const std::string reference = read_file(tmp + ".warm");
    // Throughput without the fixed cost of a run (never below a millisecond of work).
    const auto work = [&](std::size_t k) { return std::max(best[k] - fixed[k], 1e-3); };
    std::printf("%-8s %10s %10s %8s   %10s %12s %8s\n", "threads", "seconds", "MB/s", "speedup", "fixed s", "stream MB/s",
                "speedup");
    for (std::size_t k = 0; k < threads.size(); ++k) {
        std::printf("%-8u %10.3f %10.2f %7.2fx   %10.3f %12.2f %7.2fx\n", threads[k], best[k], mb / best[k],
                    best[0] / best[k], fixed[k], mb / work(k), work(0) / work(k));
        if (read_file(tmp + "." + std::to_string(threads[k])) != reference) {
            std::fprintf(stderr, "FAIL: -j %u output differs from -j %u\n", threads[k], threads[0]);
            status = 1;
        }
        std::remove((tmp + "." + std::to_string(threads[k])).c_str());
    }
    std::remove((tmp + ".warm").c_str());
    if (threads.size() > 1) {
        std::printf("scaling %u -> %u threads: %.2fx end to end, %.2fx without the fixed cost of a run\n", threads.front(),
                    threads.back(), best.front() / best.back(), work(0) / work(threads.size() - 1));
    }
    return status;
}
