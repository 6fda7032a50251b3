// SPDX-License-Identifier: MIT
// Loading corpora for the benchmarks and the evaluator: a folder of *.txt files, one text
// file, or a JSON Lines file of {"id", "text", ...} records (simdjson).
#pragma once

#include <simdjson.h>
#include <whosaid/paragraphs.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid_bench {

struct document {
    std::string id;
    std::string text;
};

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Calls fn(simdjson::ondemand::object&, line_number) for every non-blank line of a JSONL file.
/// Throws std::runtime_error naming the file and line on malformed JSON.
template <class Fn>
void for_each_jsonl(const std::filesystem::path& path, Fn&& fn) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    simdjson::ondemand::parser parser;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        simdjson::padded_string padded(line);
        simdjson::ondemand::document doc;
        simdjson::ondemand::object obj;
        if (parser.iterate(padded).get(doc) != simdjson::SUCCESS || doc.get_object().get(obj) != simdjson::SUCCESS) {
            throw std::runtime_error(path.string() + ":" + std::to_string(line_no) + ": not a JSON object");
        }
        fn(obj, line_no);
    }
}

/// A folder (all *.txt, sorted by name), a JSONL file (field "text", id from "id"), or one text file.
inline std::vector<document> load_corpus(const std::filesystem::path& path) {
    std::vector<document> docs;
    if (std::filesystem::is_directory(path)) {
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(path)) {
            if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) docs.push_back({f.stem().string(), read_file(f)});
    } else if (path.extension() == ".jsonl") {
        for_each_jsonl(path, [&](simdjson::ondemand::object& obj, std::size_t line_no) {
            document d;
            std::string_view sv;
            if (obj["id"].get_string().get(sv) == simdjson::SUCCESS) d.id = std::string(sv);
            else d.id = std::to_string(line_no);
            if (obj["text"].get_string().get(sv) != simdjson::SUCCESS) {
                throw std::runtime_error(path.string() + ":" + std::to_string(line_no) + ": no string field \"text\"");
            }
            d.text = std::string(sv);
            docs.push_back(std::move(d));
        });
    } else {
        docs.push_back({path.stem().string(), read_file(path)});
    }
    return docs;
}

/// Every paragraph of every document as a record of its own (id "DOC#K"), in order.
inline std::vector<document> paragraph_records(const std::vector<document>& docs) {
    std::vector<document> out;
    for (const auto& d : docs) {
        std::size_t k = 0;
        for (const whosaid::text_span p : whosaid::split_paragraphs(d.text)) {
            out.push_back({d.id + "#" + std::to_string(k++), d.text.substr(p.begin, p.end - p.begin)});
        }
    }
    return out;
}

inline std::size_t total_bytes(const std::vector<document>& docs) {
    std::size_t n = 0;
    for (const auto& d : docs) n += d.text.size();
    return n;
}

}  // namespace whosaid_bench
