// SPDX-License-Identifier: MIT
// The three output formats of quote-dump: JSON Lines (one record per document), TSV (one line
// per quotation) and a readable listing for the terminal.
#pragma once

#include "engine.hpp"
#include "json_out.hpp"
#include "jsonl_record.hpp"

#include <whosaid/whosaid.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace quote_dump {

enum class output_format { jsonl, tsv, pretty };

/// One document as the formats see it.
struct document_view {
    std::string_view id_json;      ///< The id as JSON (a string literal for files).
    std::string_view passthrough;  ///< Raw extra fields of a JSONL record: empty or ",\"k\":v...".
    std::string_view text;         ///< The document text (spans index into it).
    const document_rows* rows = nullptr;  ///< The result; null when the document failed.
    std::string_view error;        ///< Why it failed; empty when it did not.
};

/// Writes documents in one format; immutable, shared by the worker threads.
class formatter {
public:
    formatter(output_format format, bool sentences, bool color) : format_(format), sentences_(sentences), color_(color) {}

    /// The line printed once before everything else (the TSV header), or empty.
    [[nodiscard]] std::string header() const {
        if (format_ != output_format::tsv) return {};
        return sentences_ ? "id\tstart\tend\tkind\ttext\n" : "id\tstart\tend\tkind\tspeaker\tcue\tconfidence\ttext\n";
    }

    /// Appends the output for `doc`.
    void append(const document_view& doc, std::string& out) const {
        switch (format_) {
            case output_format::jsonl: return append_jsonl(doc, out);
            case output_format::tsv: return append_tsv(doc, out);
            case output_format::pretty: return append_pretty(doc, out);
        }
    }

private:
    // ---- JSON Lines: the record of DESIGN.md -------------------------------------------
    static void append_span_object(std::string& out, std::string_view text, const std::optional<whosaid::text_span>& s) {
        if (!s) {
            out += "null";
            return;
        }
        out += "{\"start\":";
        append_uint(out, s->begin);
        out += ",\"end\":";
        append_uint(out, s->end);
        out += ",\"text\":";
        append_json_string(out, whosaid::view_of(text, *s));
        out += '}';
    }

    void append_jsonl(const document_view& doc, std::string& out) const {
        out += "{\"id\":";
        out += doc.id_json;
        out += doc.passthrough;
        if (doc.rows == nullptr) {
            out += ",\"error\":";
            append_json_string(out, doc.error);
            out += "}\n";
            return;
        }
        if (sentences_) {
            out += ",\"sentences\":[";
            bool first = true;
            for (const whosaid::text_span s : doc.rows->sentences) {
                if (!first) out += ',';
                first = false;
                out += "{\"start\":";
                append_uint(out, s.begin);
                out += ",\"end\":";
                append_uint(out, s.end);
                out += ",\"text\":";
                append_json_string(out, whosaid::view_of(doc.text, s));
                out += '}';
            }
            out += "]}\n";
            return;
        }
        out += ",\"quotes\":[";
        bool first = true;
        for (const quotation_row& q : doc.rows->quotations) {
            if (!first) out += ',';
            first = false;
            out += "{\"start\":";
            append_uint(out, q.content.begin);
            out += ",\"end\":";
            append_uint(out, q.content.end);
            out += ",\"kind\":\"";
            out += q.kind;
            out += "\",\"text\":";
            append_json_string(out, whosaid::view_of(doc.text, q.content));
            out += ",\"speaker\":";
            if (q.speaker.empty()) out += "null";
            else append_json_string(out, q.speaker);
            out += ",\"mention\":";
            append_span_object(out, doc.text, q.mention);
            out += ",\"cue\":";
            append_span_object(out, doc.text, q.cue);
            out += ",\"addressee\":";
            append_span_object(out, doc.text, q.addressee);
            out += ",\"interruption\":";
            append_span_object(out, doc.text, q.interruption);
            out += ",\"confidence\":";
            if (q.confidence) append_confidence(out, *q.confidence);
            else out += "null";
            out += '}';
        }
        out += "]}\n";
    }

    // ---- TSV -------------------------------------------------------------------------------
    // The id as shown to people: a JSON string id decoded, any other JSON value as written.
    static std::string display_id(std::string_view id_json) {
        std::string decoded;
        if (!id_json.empty() && id_json.front() == '"' && decode_json_string(id_json, decoded)) return decoded;
        return std::string(id_json);
    }

    void append_tsv(const document_view& doc, std::string& out) const {
        std::string id;
        append_tsv_field(id, display_id(doc.id_json));
        if (doc.rows == nullptr) {
            out += id;
            out += sentences_ ? "\t\t\terror\t" : "\t\t\terror\t\t\t\t";
            append_tsv_field(out, doc.error);
            out += '\n';
            return;
        }
        if (sentences_) {
            for (const whosaid::text_span s : doc.rows->sentences) {
                out += id;
                out += '\t';
                append_uint(out, s.begin);
                out += '\t';
                append_uint(out, s.end);
                out += "\tsentence\t";
                append_tsv_field(out, whosaid::view_of(doc.text, s));
                out += '\n';
            }
            return;
        }
        for (const quotation_row& q : doc.rows->quotations) {
            out += id;
            out += '\t';
            append_uint(out, q.content.begin);
            out += '\t';
            append_uint(out, q.content.end);
            out += '\t';
            out += q.kind;
            out += '\t';
            append_tsv_field(out, q.speaker);
            out += '\t';
            if (q.cue) append_tsv_field(out, whosaid::view_of(doc.text, *q.cue));
            out += '\t';
            if (q.confidence) append_confidence(out, *q.confidence);
            out += '\t';
            append_tsv_field(out, whosaid::view_of(doc.text, q.content));
            out += '\n';
        }
    }

    // ---- pretty ----------------------------------------------------------------------------
    // Text safe for a terminal: control characters (escape sequences included) become spaces,
    // line breaks a visible ⏎, bytes that are not UTF-8 U+FFFD.
    static void append_terminal_text(std::string& out, std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            const whosaid::utf8::codepoint cp = whosaid::utf8::decode(s, i);
            if (!cp.valid) {
                out += "\xEF\xBF\xBD";
            } else if (cp.value == '\n') {
                out += " \xE2\x8F\x8E ";  // ⏎
            } else if (cp.value < 0x20U || cp.value == 0x7FU || (cp.value >= 0x80U && cp.value < 0xA0U)) {
                out += ' ';
            } else {
                out.append(s.data() + i, cp.length);
            }
            i += cp.length;
        }
    }

    void paint(std::string& out, const char* code) const {
        if (color_) out += code;
    }

    void append_pretty(const document_view& doc, std::string& out) const {
        static constexpr const char* bold = "\x1b[1m";
        static constexpr const char* dim = "\x1b[2m";
        static constexpr const char* green = "\x1b[1;32m";
        static constexpr const char* yellow = "\x1b[33m";
        static constexpr const char* red = "\x1b[1;31m";
        static constexpr const char* reset = "\x1b[0m";

        paint(out, bold);
        append_terminal_text(out, display_id(doc.id_json));
        paint(out, reset);
        if (doc.rows == nullptr) {
            out += '\n';
            paint(out, red);
            out += "  error: ";
            paint(out, reset);
            append_terminal_text(out, doc.error);
            out += "\n\n";
            return;
        }
        const std::size_t n = sentences_ ? doc.rows->sentences.size() : doc.rows->quotations.size();
        paint(out, dim);
        out += "  (";
        append_uint(out, n);
        out += sentences_ ? (n == 1 ? " sentence)" : " sentences)") : (n == 1 ? " quotation)" : " quotations)");
        paint(out, reset);
        out += '\n';
        if (sentences_) {
            std::size_t k = 0;
            for (const whosaid::text_span s : doc.rows->sentences) {
                paint(out, dim);
                out += "  ";
                append_uint(out, ++k);
                out += ". ";
                paint(out, reset);
                append_terminal_text(out, whosaid::view_of(doc.text, s));
                out += '\n';
            }
            out += '\n';
            return;
        }
        for (const quotation_row& q : doc.rows->quotations) {
            out += "  ";
            if (q.kind == "term") {
                paint(out, dim);
                out += "term";
                paint(out, reset);
            } else {
                if (!q.speaker.empty()) {
                    paint(out, green);
                    append_terminal_text(out, q.speaker);
                    paint(out, reset);
                } else {
                    paint(out, dim);
                    out += "(no speaker)";
                    paint(out, reset);
                }
                if (q.mention && whosaid::view_of(doc.text, *q.mention) != q.speaker) {
                    out += " (";
                    append_terminal_text(out, whosaid::view_of(doc.text, *q.mention));
                    out += ')';
                }
                if (q.cue) {
                    out += " \xC2\xB7 ";  // ·
                    paint(out, yellow);
                    append_terminal_text(out, whosaid::view_of(doc.text, *q.cue));
                    paint(out, reset);
                }
                paint(out, dim);
                out += "  [";
                out += q.kind;
                if (q.confidence) {
                    out += ' ';
                    append_confidence(out, *q.confidence);
                }
                out += ']';
                paint(out, reset);
            }
            out += "\n    \xE2\x80\x9C";  // “
            append_terminal_text(out, whosaid::view_of(doc.text, q.content));
            out += "\xE2\x80\x9D\n";  // ”
        }
        out += '\n';
    }

    output_format format_;
    bool sentences_;
    bool color_;
};

}  // namespace quote_dump
