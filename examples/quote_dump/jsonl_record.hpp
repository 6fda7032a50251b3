// SPDX-License-Identifier: MIT
// Reading one JSON Lines record {"id": ..., "text": "...", ...} with simdjson On-Demand.
//
// The text is decoded from the record's own bytes, so a record whose text holds bytes that are
// not UTF-8 (JSON forbids them, real dumps have them) still yields its id and its text with
// those bytes in place: the document then fails with "invalid UTF-8 at byte N" under the
// default policy, or is processed with --replace-invalid, exactly like a text file would.
// Every other field is passed through unchanged (its raw JSON text).
#pragma once

#include "json_out.hpp"

#include <whosaid/utf8.hpp>

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace quote_dump {

/// One parsed record. `id_json` and `passthrough` are JSON text ready to be written;
/// `passthrough` is empty or starts with a comma: `,"lang":"en","meta":{...}`.
struct jsonl_record {
    std::string id_json;      ///< The raw JSON of "id" (any JSON value); empty when absent.
    std::string text;         ///< The decoded "text" (bytes as they were, escapes resolved).
    std::string passthrough;  ///< The other fields, raw.
    bool has_text = false;    ///< Whether the record has a string "text".
    std::string error;        ///< Why the line is not a usable record; empty when it is.

    /// Frees the buffers that grew beyond `keep` bytes (after a huge record).
    void shrink(std::size_t keep) {
        for (std::string* s : {&id_json, &text, &passthrough, &error}) {
            if (s->capacity() > keep) std::string().swap(*s);
        }
    }
};

namespace detail {

inline bool is_json_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

inline std::string_view trim_json_space(std::string_view s) noexcept {
    while (!s.empty() && is_json_space(s.back())) s.remove_suffix(1);
    while (!s.empty() && is_json_space(s.front())) s.remove_prefix(1);
    return s;
}

inline int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

inline bool read_hex4(std::string_view s, std::size_t at, std::uint32_t& out) noexcept {
    if (at + 4 > s.size()) return false;
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        const int h = hex_value(s[at + k]);
        if (h < 0) return false;
        v = (v << 4U) | static_cast<std::uint32_t>(h);
    }
    out = v;
    return true;
}

/// Appends `cp` as UTF-8, surrogates included (a lone surrogate from `\uD800` becomes the three
/// bytes ED A0 80, which are not valid UTF-8: the document is then treated like any other text
/// with a bad byte).
inline void append_code_unit(std::string& out, std::uint32_t cp) {
    if (cp < 0x80U) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800U) {
        out += static_cast<char>(0xC0U | (cp >> 6U));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000U) {
        out += static_cast<char>(0xE0U | (cp >> 12U));
        out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else {
        out += static_cast<char>(0xF0U | (cp >> 18U));
        out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
        out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    }
}

}  // namespace detail

/// Decodes the JSON string literal that starts at `raw[0]` (the opening quote) into `out`.
/// Bytes are copied as they are (also bytes that are not UTF-8); escapes are resolved, a
/// surrogate pair to its code point, a lone surrogate to its three-byte form. Returns false
/// on a bad escape or a missing closing quote. Linear in the length of the literal.
inline bool decode_json_string(std::string_view raw, std::string& out) {
    out.clear();
    out.reserve(raw.size());  // never longer than the literal: one allocation, no regrowth
    if (raw.empty() || raw[0] != '"') return false;
    std::size_t i = 1;
    while (i < raw.size()) {
        // Copy the run up to the next quote or backslash in one go.
        const std::size_t j = detail::skip_plain(raw, i, false);
        out.append(raw.data() + i, j - i);
        if (j >= raw.size()) return false;
        if (raw[j] == '"') return true;
        // A backslash escape.
        if (j + 1 >= raw.size()) return false;
        const char e = raw[j + 1];
        i = j + 2;
        switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!detail::read_hex4(raw, i, cp)) return false;
                i += 4;
                if (cp >= 0xD800U && cp <= 0xDBFFU && i + 6 <= raw.size() && raw[i] == '\\' && raw[i + 1] == 'u') {
                    std::uint32_t low = 0;
                    if (detail::read_hex4(raw, i + 2, low) && low >= 0xDC00U && low <= 0xDFFFU) {
                        cp = 0x10000U + ((cp - 0xD800U) << 10U) + (low - 0xDC00U);
                        i += 6;
                    }
                }
                detail::append_code_unit(out, cp);
                break;
            }
            default: return false;
        }
    }
    return false;
}

/// Reads JSON Lines records; one reader per thread (it owns simdjson's buffers, which grow to
/// the largest line seen and are then reused).
class jsonl_reader {
public:
    /// Parses `line` (without its newline) into `rec`. On failure `rec.error` says why, and
    /// `rec.id_json` holds the id when it could be read. `readable` is how many bytes from
    /// `line.data()` on may be read (the line, then whatever follows it in memory): with at
    /// least simdjson's padding after the line, the line is parsed where it is, else copied.
    void parse(std::string_view line, std::size_t readable, jsonl_record& rec) {
        rec.id_json.clear();
        rec.text.clear();
        rec.passthrough.clear();
        rec.has_text = false;
        rec.error.clear();

        // simdjson validates UTF-8 over the whole line. A byte that is not UTF-8 can only
        // sit inside a string of a well-formed record, so a copy with each such byte replaced
        // by '?' (one byte for one: offsets are unchanged) has the same structure; the values
        // are then read from the original bytes.
        const bool valid = whosaid::utf8::is_valid(line);
        const std::size_t length = line.size();
        std::string_view json(line.data(), readable);
        if (!valid || readable < length + simdjson::SIMDJSON_PADDING) {
            buffer_.assign(line.data(), line.size());
            if (!valid) {
                for (std::size_t i = 0; i < buffer_.size();) {
                    const whosaid::utf8::codepoint cp = whosaid::utf8::decode(line, i);
                    if (!cp.valid) buffer_[i] = '?';
                    i += cp.length;
                }
            }
            buffer_.append(simdjson::SIMDJSON_PADDING, '\0');
            json = buffer_;
        }

        simdjson::ondemand::document doc;
        if (auto e = parser_.iterate(json.data(), length, json.size()).get(doc); e != simdjson::SUCCESS) {
            rec.error = invalid_json(e);
            return;
        }
        simdjson::ondemand::object obj;
        if (auto e = doc.get_object().get(obj); e != simdjson::SUCCESS) {
            rec.error = e == simdjson::INCORRECT_TYPE ? std::string("not a JSON object") : invalid_json(e);
            return;
        }
        bool has_id = false;
        for (auto field_result : obj) {
            simdjson::ondemand::field field;
            if (auto e = std::move(field_result).get(field); e != simdjson::SUCCESS) return fail(rec, e);
            const std::string_view key = raw_key(field);
            simdjson::ondemand::value value = field.value();
            std::string_view raw;
            if (auto e = raw_value(value, raw); e != simdjson::SUCCESS) return fail(rec, e);
            const std::size_t at = static_cast<std::size_t>(raw.data() - json.data());
            const std::string_view original = line.substr(at, raw.size());
            if (key == "text" && !rec.has_text) {
                if (raw.empty() || raw[0] != '"') {
                    rec.error = "field \"text\" is not a string";
                    // keep reading: the id is still wanted for the error record
                    continue;
                }
                if (!decode_json_string(original, rec.text)) {
                    rec.error = "field \"text\" is not a valid JSON string";
                    continue;
                }
                rec.has_text = true;
            } else if (key == "id" && !has_id) {
                has_id = true;
                append_raw(rec.id_json, original, valid);
            } else if (key == "text" || key == "id") {
                continue;  // a repeated key: the first one counts
            } else {
                rec.passthrough += ",\"";
                append_raw(rec.passthrough, line.substr(static_cast<std::size_t>(key.data() - json.data()), key.size()),
                           valid);
                rec.passthrough += "\":";
                append_raw(rec.passthrough, original, valid);
            }
        }
        if (const char* rest = nullptr; doc.current_location().get(rest) == simdjson::SUCCESS) {
            rec.error = "not valid JSON: content after the record";
            return;
        }
        if (rec.error.empty() && !rec.has_text) rec.error = "no field \"text\"";
    }

    /// Frees the buffers that grew beyond `keep` bytes (after a huge record).
    void shrink(std::size_t keep) {
        if (buffer_.capacity() > keep) std::string().swap(buffer_);
        if (parser_.capacity() > keep) parser_ = simdjson::ondemand::parser{};
    }

private:
    static void fail(jsonl_record& rec, simdjson::error_code e) { rec.error = invalid_json(e); }

    // "not valid JSON: <simdjson's message without its capital and full stop>".
    static std::string invalid_json(simdjson::error_code e) {
        std::string why = simdjson::error_message(e);
        while (!why.empty() && (why.back() == '.' || why.back() == ' ')) why.pop_back();
        if (!why.empty() && why[0] >= 'A' && why[0] <= 'Z' && !(why.size() > 1 && why[1] >= 'A' && why[1] <= 'Z')) {
            why[0] = static_cast<char>(why[0] - 'A' + 'a');
        }
        return "not valid JSON: " + why;
    }

    // The key as written, without its quotes (escapes not resolved).
    static std::string_view raw_key(simdjson::ondemand::field& field) noexcept {
        const char* begin = field.key().raw();
        const char* p = begin;
        while (*p != '"') p += (*p == '\\') ? 2 : 1;  // the buffer is padded and the key closed
        return {begin, static_cast<std::size_t>(p - begin)};
    }

    // The raw JSON text of a value (scalars are checked by reading them).
    static simdjson::error_code raw_value(simdjson::ondemand::value& value, std::string_view& raw) noexcept {
        simdjson::ondemand::json_type type{};
        if (auto e = value.type().get(type); e != simdjson::SUCCESS) return e;
        switch (type) {
            case simdjson::ondemand::json_type::object: {
                simdjson::ondemand::object o;
                if (auto e = value.get_object().get(o); e != simdjson::SUCCESS) return e;
                if (auto e = o.raw_json().get(raw); e != simdjson::SUCCESS) return e;
                break;
            }
            case simdjson::ondemand::json_type::array: {
                simdjson::ondemand::array a;
                if (auto e = value.get_array().get(a); e != simdjson::SUCCESS) return e;
                if (auto e = a.raw_json().get(raw); e != simdjson::SUCCESS) return e;
                break;
            }
            case simdjson::ondemand::json_type::string: {
                raw = value.raw_json_token();
                break;  // decoded (and so checked) by the caller or passed through as written
            }
            case simdjson::ondemand::json_type::number: {
                raw = value.raw_json_token();
                simdjson::ondemand::number n;
                if (auto e = value.get_number().get(n); e != simdjson::SUCCESS) return e;
                break;
            }
            case simdjson::ondemand::json_type::boolean: {
                raw = value.raw_json_token();
                bool b = false;
                if (auto e = value.get_bool().get(b); e != simdjson::SUCCESS) return e;
                break;
            }
            case simdjson::ondemand::json_type::null: {
                raw = value.raw_json_token();
                bool is_null = false;
                if (auto e = value.is_null().get(is_null); e != simdjson::SUCCESS) return e;
                if (!is_null) return simdjson::N_ATOM_ERROR;
                break;
            }
        }
        raw = detail::trim_json_space(raw);
        return simdjson::SUCCESS;
    }

    // Appends raw JSON; bytes that are not UTF-8 (only possible inside strings) become U+FFFD,
    // so the output stays valid JSON.
    static void append_raw(std::string& out, std::string_view raw, bool line_valid) {
        if (line_valid) {
            out += raw;
        } else {
            out += whosaid::utf8::sanitize(raw);
        }
    }

    simdjson::ondemand::parser parser_;
    std::string buffer_;
};

}  // namespace quote_dump
