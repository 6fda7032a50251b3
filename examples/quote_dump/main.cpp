// SPDX-License-Identifier: MIT
// quote-dump: who said what, from text files, folders or JSON Lines, as JSON Lines.
//
// One output line per input document, in input order, with the record of DESIGN.md:
//   {"id": ..., "quotes": [{"start": B, "end": B, "kind": ..., "text": ..., ...}]}
// or, with --sentences, {"id": ..., "sentences": [{"start": B, "end": B}, ...]}.
// Offsets are UTF-8 byte offsets into the document text, end exclusive.
#include "json_out.hpp"

#include <whosaid/whosaid.hpp>

#include <CLI/CLI.hpp>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct settings {
    std::vector<std::string> inputs;
    bool jsonl = false;
    bool sentences = false;
    std::string lang = "en";
    std::string format = "jsonl";
    bool replace_invalid = false;
};

// The engines, built once for the whole run.
class pipeline {
public:
    explicit pipeline(const settings& s)
        : policy_(s.replace_invalid ? whosaid::invalid_utf8::replace : whosaid::invalid_utf8::reject),
          lang_(*whosaid::language_from_code(s.lang)),
          splitter_(whosaid::sentence_options{.lang = lang_, .on_invalid = policy_}),
          detector_(whosaid::quote_options{.lang = lang_, .on_invalid = policy_}),
          sentences_only_(s.sentences) {}

    // Appends the record for one document (without the newline). `id_json` is the id already
    // encoded as JSON. Returns false when the document could not be processed (error record).
    bool process(std::string_view id_json, std::string_view text, std::string& out) const {
        out += "{\"id\":";
        out += id_json;
        if (sentences_only_) {
            auto sentences = splitter_.split(text);
            if (!sentences) return error_tail(sentences.error(), out);
            out += ",\"sentences\":[";
            bool first = true;
            for (const whosaid::text_span s : *sentences) {
                if (!first) out += ',';
                first = false;
                out += "{\"start\":" + std::to_string(s.begin) + ",\"end\":" + std::to_string(s.end) + '}';
            }
            out += "]}";
            return true;
        }
        auto quotes = detector_.detect(text);
        if (!quotes) return error_tail(quotes.error(), out);
        out += ",\"quotes\":[";
        bool first = true;
        for (const whosaid::quote& q : *quotes) {
            if (!first) out += ',';
            first = false;
            out += "{\"start\":" + std::to_string(q.content.begin) + ",\"end\":" + std::to_string(q.content.end);
            out += ",\"kind\":";
            out += q.role == whosaid::quote_role::term ? "\"term\"" : "\"direct\"";
            out += ",\"text\":";
            quote_dump::append_json_string(out, whosaid::view_of(text, q.content));
            out += ",\"speaker\":null,\"mention\":null,\"cue\":null,\"confidence\":null}";
        }
        out += "]}";
        return true;
    }

    // An error record for a document whose input could not even be read as a document.
    static void error_record(std::string_view id_json, std::string_view message, std::string& out) {
        out += "{\"id\":";
        out += id_json;
        out += ",\"error\":";
        quote_dump::append_json_string(out, message);
        out += '}';
    }

private:
    static bool error_tail(const whosaid::error& e, std::string& out) {
        out += ",\"error\":";
        quote_dump::append_json_string(out, e.message());
        out += '}';
        return false;
    }

    whosaid::invalid_utf8 policy_;
    whosaid::language lang_;
    whosaid::sentence_splitter splitter_;
    whosaid::quote_detector detector_;
    bool sentences_only_;
};

struct run_stats {
    std::size_t documents = 0;
    std::size_t failed = 0;
};

std::string json_string(std::string_view s) {
    std::string out;
    quote_dump::append_json_string(out, s);
    return out;
}

void emit(const pipeline& p, std::string_view id_json, std::string_view text, run_stats& stats, std::string& line) {
    line.clear();
    if (!p.process(id_json, text, line)) ++stats.failed;
    ++stats.documents;
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
}

std::optional<std::string> read_all(std::istream& in) {
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(ss).str();
}

// A JSON Lines stream: one record per non-blank line; a line that is not a JSON object with a
// string "text" yields an error record and the run goes on.
void process_jsonl(const pipeline& p, std::istream& in, const std::string& source, run_stats& stats) {
    simdjson::ondemand::parser parser;
    std::string raw;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, raw)) {
        ++line_no;
        if (raw.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string fallback_id = json_string(source + ":" + std::to_string(line_no));
        simdjson::padded_string padded(raw);
        simdjson::ondemand::document doc;
        simdjson::ondemand::object obj;
        if (parser.iterate(padded).get(doc) != simdjson::SUCCESS || doc.get_object().get(obj) != simdjson::SUCCESS) {
            line.clear();
            pipeline::error_record(fallback_id, "line " + std::to_string(line_no) + " is not a JSON object", line);
            ++stats.documents;
            ++stats.failed;
            line += '\n';
            std::fwrite(line.data(), 1, line.size(), stdout);
            continue;
        }
        std::string id_json = fallback_id;
        std::string_view raw_id;
        if (obj["id"].raw_json().get(raw_id) == simdjson::SUCCESS) {
            while (!raw_id.empty() && (raw_id.back() == ' ' || raw_id.back() == '\t')) raw_id.remove_suffix(1);
            id_json = std::string(raw_id);
        }
        std::string_view text;
        if (obj["text"].get_string().get(text) != simdjson::SUCCESS) {
            line.clear();
            pipeline::error_record(id_json, "no string field \"text\" on line " + std::to_string(line_no), line);
            ++stats.documents;
            ++stats.failed;
            line += '\n';
            std::fwrite(line.data(), 1, line.size(), stdout);
            continue;
        }
        emit(p, id_json, text, stats, line);
    }
}

int run(const settings& s) {
    const pipeline p(s);
    run_stats stats;
    std::string line;
    std::vector<std::string> inputs = s.inputs;
    if (inputs.empty()) inputs.emplace_back("-");
    int status = 0;
    for (const std::string& input : inputs) {
        if (input == "-") {
            if (s.jsonl) {
                process_jsonl(p, std::cin, "stdin", stats);
            } else if (auto text = read_all(std::cin)) {
                emit(p, json_string("stdin"), *text, stats, line);
            }
            continue;
        }
        std::error_code ec;
        std::vector<fs::path> files;
        if (fs::is_directory(input, ec)) {
            for (const auto& e : fs::recursive_directory_iterator(input, ec)) {
                if (e.is_regular_file() && e.path().extension() == (s.jsonl ? ".jsonl" : ".txt")) files.push_back(e.path());
            }
            std::sort(files.begin(), files.end());
        } else {
            files.emplace_back(input);
        }
        for (const fs::path& f : files) {
            std::ifstream in(f, std::ios::binary);
            if (!in) {
                std::fprintf(stderr, "quote-dump: cannot read %s\n", f.string().c_str());
                status = 2;
                continue;
            }
            if (s.jsonl) {
                process_jsonl(p, in, f.string(), stats);
            } else if (auto text = read_all(in)) {
                emit(p, json_string(f.stem().string()), *text, stats, line);
            }
        }
    }
    std::fflush(stdout);
    if (stats.failed > 0) {
        std::fprintf(stderr, "quote-dump: %zu of %zu documents failed (see their \"error\" records)\n", stats.failed,
                     stats.documents);
        if (status == 0) status = 1;
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    settings s;
    CLI::App app{"quote-dump: who said what in UTF-8 news text, as JSON Lines"};
    app.add_option("inputs", s.inputs, "Text files, folders (*.txt, recursively) or - for stdin (default)");
    app.add_flag("--jsonl", s.jsonl, "Inputs are JSON Lines records {\"id\", \"text\", ...}");
    app.add_flag("--sentences", s.sentences, "Print sentence spans instead of quotations");
    app.add_option("--lang", s.lang, "Language profile: en or ru")->check(CLI::IsMember({"en", "ru"}));
    app.add_option("--format", s.format, "Output format")->check(CLI::IsMember({"jsonl"}));
    app.add_flag("--replace-invalid", s.replace_invalid,
                 "Process invalid UTF-8 anyway: each bad byte reads as U+FFFD in place (default: error record)");
    CLI11_PARSE(app, argc, argv);
    try {
        return run(s);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "quote-dump: %s\n", e.what());
        return 2;
    }
}
