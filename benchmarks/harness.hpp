// SPDX-License-Identifier: MIT
// A small timing harness: warm-up, then several timed runs of a whole-corpus pass; reports the
// median and the best run in MB/s (1 MB = 10^6 bytes), a checksum of the results, so the
// compiler cannot drop the work and two implementations can be compared, and the core's clock
// during the runs with the cycles per byte it implies (see `clock_ghz`).
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
    std::size_t repeats = 0;       // corpus passes per timed run
    double median_ghz = 0;         // the core's estimated clock around the timed runs
    double median_cycles_per_byte = 0;
};

/// The clock of the core this thread runs on, in GHz, estimated over about `seconds` without
/// performance counters (the VMs this is measured on have none): a chain of dependent 64-bit
/// multiply-adds, each step 4 cycles (imul 3 + add 1 on x86-64 since Nehalem and Zen; other
/// CPUs may differ, so read it as an estimate). Why: a shared host slows its guests' cores for
/// seconds at a time (lower clock, time taken by other guests), which moved the end-to-end MB/s
/// on the 2-core VMs by ±30% from one minute to the next. The cycles per byte derived from this
/// clock stay put when the host only lowers the clock or takes time from the core, so they tell
/// a slow host from slower code; they rise when a neighbour competes for the core's caches or
/// branch predictors, which the chain does not use.
inline double clock_ghz(double seconds = 0.005) {
    using clock = std::chrono::steady_clock;
    volatile std::uint64_t opaque = 0x5851F42D4C957F2DULL;  // a multiplier the compiler cannot fold
    const std::uint64_t mul = opaque;
    std::uint64_t x = 1;
    std::uint64_t steps = 0;
    const auto start = clock::now();
    double secs = 0;
    do {
        for (int i = 0; i < 1'000'000; ++i) x = x * mul + 1442695040888963407ULL;
        steps += 1'000'000;
        secs = std::chrono::duration<double>(clock::now() - start).count();
    } while (secs < seconds);
    opaque = x;  // the chain's result is used
    return static_cast<double>(steps) * 4.0 / secs / 1e9;
}

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
    const double timed_bytes = static_cast<double>(bytes * t.repeats);  // per timed run
    std::vector<double> rates;
    std::vector<double> ghz;
    std::vector<double> cycles_per_byte;
    std::uint64_t sink = 0;
    for (int r = 0; r < runs; ++r) {
        // The clock is probed right before and after each run (5 ms each, outside the timing).
        const double before = clock_ghz();
        start = clock::now();
        for (std::size_t k = 0; k < t.repeats; ++k) {
            for (const auto& d : docs) sink += pass(d);
        }
        const double secs = std::chrono::duration<double>(clock::now() - start).count();
        const double g = (before + clock_ghz()) / 2;
        rates.push_back(timed_bytes / 1e6 / secs);
        ghz.push_back(g);
        cycles_per_byte.push_back(g * 1e9 * secs / std::max(timed_bytes, 1.0));
    }
    const auto median = [](std::vector<double>& v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    t.median_mb_s = median(rates);
    t.best_mb_s = rates.back();  // (sorted by `median`)
    t.median_ghz = median(ghz);
    t.median_cycles_per_byte = median(cycles_per_byte);
    if (sink == 0xFFFFFFFFFFFFFFFFULL) std::puts("");  // keep `sink` alive
    return t;
}

/// The columns: MB/s first (what the targets are stated in), then the core's clock during the
/// runs and the median cycles per byte, which a lower clock does not move (`clock_ghz`).
inline void print_header() {
    std::printf("%-22s %-28s %10s %12s %12s %18s %9s %9s\n", "stage", "corpus", "bytes", "median MB/s", "best MB/s", "checksum",
                "GHz", "cycles/B");
}

inline void print_row(const std::string& stage, const std::string& corpus, const timing& t) {
    std::printf("%-22s %-28s %10zu %12.1f %12.1f %18llu %9.2f %9.1f\n", stage.c_str(), corpus.c_str(), t.bytes, t.median_mb_s,
                t.best_mb_s, static_cast<unsigned long long>(t.checksum), t.median_ghz, t.median_cycles_per_byte);
}

}  // namespace whosaid_bench
