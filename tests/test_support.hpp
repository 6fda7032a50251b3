// SPDX-License-Identifier: MIT
// Helpers shared by the tests: where the bundled and shared corpora are, file reading.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace whosaid_test {

/// A deterministic generator for randomized tests: the high bits of a 64-bit linear
/// congruential sequence (the same values on every platform and run).
struct lcg {
    std::uint64_t state;
    std::size_t operator()() noexcept {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33U);
    }
};

/// The repository's tests/data folder (bundled sample corpus and golden files).
inline std::filesystem::path data_dir() { return std::filesystem::path(WHOSAID_TEST_DATA_DIR); }

/// The shared corpora (../shared/corpus), or nullopt when absent. WHOSAID_SHARED_CORPUS in the
/// environment overrides the configured location.
inline std::optional<std::filesystem::path> shared_corpus() {
    std::filesystem::path p = WHOSAID_SHARED_CORPUS_DIR;
    if (const char* env = std::getenv("WHOSAID_SHARED_CORPUS"); env != nullptr && *env != '\0') p = env;
    std::error_code ec;
    if (!p.empty() && std::filesystem::is_directory(p, ec)) return p;
    return std::nullopt;
}

/// The bundled sample articles (tests/data/sample/*.txt), in byte order of their paths.
inline std::vector<std::filesystem::path> sample_paths() {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(data_dir() / "sample")) {
        if (e.path().extension() == ".txt") paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

/// Whole file as bytes; throws std::runtime_error when it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace whosaid_test
