// SPDX-License-Identifier: MIT
// A small timing harness: warm-up, then several timed runs of a whole-corpus pass; reports the
// median and the best run in MB/s (1 MB = 10^6 bytes) and a checksum of the results, so the
// compiler cannot drop the work and two implementations can be compared.
#pragma once

#include "corpus.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace whosaid_bench {

struct timing {
    double median_mb_s = 0;
    double best_mb_s = 0;
    std::uint64_t checksum = 0;
    std::size_t bytes = 0;
    std::size_t repeats = 0;  // corpus passes per timed run
};

/// Runs `pass(doc) -> uint64_t` over every document; a timed run repeats the corpus until it
/// has taken at least `min_seconds`, so small corpora are measured meaningfully.
template <class Pass>
timing measure(const std::vector<document>& docs, Pass&& pass, int runs = 7, double min_seconds = 0.2) {
    using clock = std::chrono::steady_clock;
    const std::size_t bytes = total_bytes(docs);
    timing t;
    t.bytes = bytes;
    // Warm-up pass, also the checksum, and calibration of the repeat count.
    auto start = clock::now();
    for (const auto& d : docs) t.checksum += pass(d);
    const double once = std::chrono::duration<double>(clock::now() - start).count();
    t.repeats = once >= min_seconds ? 1 : static_cast<std::size_t>(min_seconds / std::max(once, 1e-6)) + 1;
    std::vector<double> rates;
    std::uint64_t sink = 0;
    for (int r = 0; r < runs; ++r) {
        start = clock::now();
        for (std::size_t k = 0; k < t.repeats; ++k) {
            for (const auto& d : docs) sink += pass(d);
        }
        const double secs = std::chrono::duration<double>(clock::now() - start).count();
        rates.push_back(static_cast<double>(bytes * t.repeats) / 1e6 / secs);
    }
    std::sort(rates.begin(), rates.end());
    t.median_mb_s = rates[rates.size() / 2];
    t.best_mb_s = rates.back();
    if (sink == 0xFFFFFFFFFFFFFFFFULL) std::puts("");  // keep `sink` alive
    return t;
}

inline void print_header() { std::printf("%-22s %-28s %10s %12s %12s %18s\n", "stage", "corpus", "bytes", "median MB/s", "best MB/s", "checksum"); }

inline void print_row(const std::string& stage, const std::string& corpus, const timing& t) {
    std::printf("%-22s %-28s %10zu %12.1f %12.1f %18llu\n", stage.c_str(), corpus.c_str(), t.bytes, t.median_mb_s,
                t.best_mb_s, static_cast<unsigned long long>(t.checksum));
}

}  // namespace whosaid_bench
