// SPDX-License-Identifier: MIT
// Sentence-boundary suites (../shared/corpus/sbd): the Golden Rules (English 52, Russian 37) and
// pragmatic_segmenter's further English specs. The one scorer used by both the benchmark
// program and tests/test_golden_rules.cpp.
//
// Records: {"id", "text", "sentences": [...], "alt_sentences": [[...], ...]?}.
// - golden mode: every sentence is compared after collapsing each run of white space to one
//   space and trimming; a case passes when the output equals `sentences` or any of
//   `alt_sentences` (pySBD's comparison).
// - boundary mode (ps_en_extra, whose expectations assume pragmatic_segmenter's text cleaning):
//   all white space is removed before comparing, so only the boundaries count.
#pragma once

#include "corpus.hpp"

#include <whosaid/sentences.hpp>

#include <simdjson.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid_bench {

struct sbd_failure {
    std::string id;
    std::string text;
    std::vector<std::string> expected;
    std::vector<std::string> got;  // empty with `error` set when the splitter refused the text
    std::string error;
};

struct sbd_score {
    std::size_t passed = 0;
    std::size_t total = 0;
    std::vector<sbd_failure> failures;
};

enum class sbd_compare { golden, boundaries };

/// The comparison form of one sentence under `mode`.
inline std::string sbd_normalize(std::string_view s, sbd_compare mode) {
    std::string out;
    bool pending_space = false;
    for (const char c : s) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
        if (space) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space && mode == sbd_compare::golden) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

namespace detail {

inline std::vector<std::string> sbd_string_array(simdjson::ondemand::array arr) {
    std::vector<std::string> out;
    for (auto v : arr) {
        std::string_view sv;
        if (v.get_string().get(sv) == simdjson::SUCCESS) out.emplace_back(sv);
    }
    return out;
}

}  // namespace detail

/// Runs `splitter` over every case of the JSONL suite at `path`.
inline sbd_score run_sbd_suite(const std::filesystem::path& path, const whosaid::sentence_splitter& splitter,
                               sbd_compare mode) {
    sbd_score score;
    for_each_jsonl(path, [&](simdjson::ondemand::object& obj, std::size_t line_no) {
        sbd_failure c;
        std::string_view sv;
        c.id = obj["id"].get_string().get(sv) == simdjson::SUCCESS ? std::string(sv) : std::to_string(line_no);
        if (obj["text"].get_string().get(sv) != simdjson::SUCCESS) {
            throw std::runtime_error(path.string() + ":" + std::to_string(line_no) + ": no string field \"text\"");
        }
        c.text = std::string(sv);
        simdjson::ondemand::array arr;
        if (obj["sentences"].get_array().get(arr) != simdjson::SUCCESS) {
            throw std::runtime_error(path.string() + ":" + std::to_string(line_no) + ": no array \"sentences\"");
        }
        std::vector<std::vector<std::string>> accepted{detail::sbd_string_array(arr)};
        c.expected = accepted.front();
        simdjson::ondemand::array alts;
        if (obj["alt_sentences"].get_array().get(alts) == simdjson::SUCCESS) {
            for (auto alt : alts) {
                simdjson::ondemand::array one;
                if (alt.get_array().get(one) == simdjson::SUCCESS) accepted.push_back(detail::sbd_string_array(one));
            }
        }
        ++score.total;
        const auto spans = splitter.split(c.text);
        if (!spans) {
            c.error = spans.error().message();
            score.failures.push_back(std::move(c));
            return;
        }
        std::vector<std::string> got;
        for (const whosaid::text_span s : *spans) {
            c.got.emplace_back(whosaid::view_of(c.text, s));
            got.push_back(sbd_normalize(c.got.back(), mode));
        }
        for (const auto& want : accepted) {
            std::vector<std::string> norm;
            for (const auto& s : want) {
                std::string n = sbd_normalize(s, mode);
                if (!n.empty()) norm.push_back(std::move(n));
            }
            if (norm == got) {
                ++score.passed;
                return;
            }
        }
        score.failures.push_back(std::move(c));
    });
    return score;
}

/// Prints a failure in a readable form to `out` (a FILE*).
inline void print_sbd_failure(std::FILE* out, const sbd_failure& f) {
    std::fprintf(out, "  %s: %s\n", f.id.c_str(), f.text.c_str());
    if (!f.error.empty()) {
        std::fprintf(out, "    error: %s\n", f.error.c_str());
        return;
    }
    for (const auto& s : f.expected) std::fprintf(out, "    want | %s\n", s.c_str());
    for (const auto& s : f.got) std::fprintf(out, "    got  | %s\n", s.c_str());
}

/// The scores on every suite present in `sbd_dir` (golden_rules_en.jsonl, golden_rules_ru.jsonl,
/// ps_en_extra.jsonl), one line each, or a line saying the suites are absent. WHOSAID_SHARED_CORPUS
/// in the environment overrides the folder holding sbd/.
inline void print_sbd_scores(std::filesystem::path sbd_dir, std::FILE* out = stdout) {
    if (const char* env = std::getenv("WHOSAID_SHARED_CORPUS"); env != nullptr && *env != '\0') {
        sbd_dir = std::filesystem::path(env) / "sbd";
    }
    struct suite {
        const char* file;
        const char* label;
        whosaid::language lang;
        sbd_compare mode;
    };
    const suite suites[] = {
        {"golden_rules_en.jsonl", "Golden Rules EN", whosaid::language::en, sbd_compare::golden},
        {"golden_rules_ru.jsonl", "Golden Rules RU", whosaid::language::ru, sbd_compare::golden},
        {"ps_en_extra.jsonl", "ps_en_extra (boundaries, dev aid)", whosaid::language::en, sbd_compare::boundaries},
    };
    for (const suite& s : suites) {
        const std::filesystem::path path = sbd_dir / s.file;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
            std::fprintf(out, "%-34s skipped: %s not found\n", s.label, path.string().c_str());
            continue;
        }
        whosaid::sentence_options options;
        options.lang = s.lang;
        const sbd_score score = run_sbd_suite(path, whosaid::sentence_splitter(options), s.mode);
        std::fprintf(out, "%-34s %zu/%zu\n", s.label, score.passed, score.total);
    }
}

}  // namespace whosaid_bench
