// SPDX-License-Identifier: MIT
// Writing JSON text: string escaping that always yields valid UTF-8 JSON. (Reading JSON is
// simdjson's job; writing needs only this.)
#pragma once

#include <whosaid/utf8.hpp>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>

namespace quote_dump {

namespace detail {

inline constexpr std::uint64_t ones = 0x0101010101010101ULL;
inline constexpr std::uint64_t highs = 0x8080808080808080ULL;

/// The high bit of every byte of `v` that is below `n` (n <= 128); exact for the lowest such
/// byte (a borrow can only mark bytes above a true one).
[[nodiscard]] constexpr std::uint64_t bytes_below(std::uint64_t v, unsigned n) noexcept { return (v - ones * n) & ~v & highs; }
/// The high bit of every byte of `v` equal to `c` (exact for the lowest, as above).
[[nodiscard]] constexpr std::uint64_t bytes_equal(std::uint64_t v, unsigned char c) noexcept { return bytes_below(v ^ (ones * c), 1); }

/// The first index at or after `i` where `s` has a byte that the JSON writer (`escape`) or
/// reader (not `escape`) must look at: '"' and '\\', and for the writer also control bytes,
/// DEL and non-ASCII bytes; `s.size()` when there is none. Eight bytes at a time: news text is
/// mostly long runs that need nothing, which a byte loop walked at ~4 instructions a byte.
[[nodiscard]] inline std::size_t skip_plain(std::string_view s, std::size_t i, bool escape) noexcept {
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t v = 0;
        std::memcpy(&v, s.data() + i, 8);
        std::uint64_t m = bytes_equal(v, '"') | bytes_equal(v, '\\');
        if (escape) m |= bytes_below(v, 0x20) | bytes_equal(v, 0x7F) | (v & highs);
        if (m != 0) return i + static_cast<std::size_t>(std::countr_zero(m)) / 8;
    }
    for (; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\' || (escape && (c < 0x20U || c >= 0x7FU))) return i;
    }
    return i;
}

}  // namespace detail

/// Appends `s` escaped for the inside of a JSON string literal (no quotes around it). Control
/// characters are escaped; bytes that are not valid UTF-8 are written as U+FFFD, so the output
/// is valid JSON even for text processed under the replace policy.
inline void append_json_chars(std::string& out, std::string_view s) {
    constexpr char hex[] = "0123456789abcdef";
    std::size_t run = 0;  // start of the bytes not yet copied: runs are copied in one go
    std::size_t i = 0;
    while ((i = detail::skip_plain(s, i, true)) < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80U) {
            const whosaid::utf8::codepoint cp = whosaid::utf8::decode(s, i);
            if (cp.valid) {
                i += cp.length;
                continue;
            }
        }
        out.append(s.data() + run, i - run);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c >= 0x80U) {
                    out += "\xEF\xBF\xBD";  // a byte that is not UTF-8: U+FFFD
                } else {
                    out += "\\u00";
                    out += hex[c >> 4U];
                    out += hex[c & 0xFU];
                }
        }
        ++i;
        run = i;
    }
    out.append(s.data() + run, s.size() - run);
}

/// Appends `s` as a JSON string literal, quotes included (see `append_json_chars`).
inline void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    append_json_chars(out, s);
    out += '"';
}

/// Appends `"key":` (key is a plain ASCII identifier).
inline void append_key(std::string& out, std::string_view key) {
    out += '"';
    out += key;
    out += "\":";
}

/// Appends an unsigned integer in decimal.
inline void append_uint(std::string& out, std::size_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/// Appends a confidence in [0, 1] rounded to three decimals, in the shortest form ("0.85",
/// "1"); a value that is not finite is written as 0.
inline void append_confidence(std::string& out, double v) {
    if (!std::isfinite(v)) v = 0.0;
    v = std::round(v * 1000.0) / 1000.0;
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    if (r.ec != std::errc{}) {
        out += '0';
        return;
    }
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/// Appends `s` as one TSV field: backslash, tab, line feed and carriage return are written as
/// \\, \t, \n and \r (the escapes PostgreSQL COPY and most TSV readers understand), other
/// control characters as spaces, and bytes that are not UTF-8 as U+FFFD.
inline void append_tsv_field(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80U) {
            const whosaid::utf8::codepoint cp = whosaid::utf8::decode(s, i);
            if (cp.valid) out.append(s.data() + i, cp.length);
            else out += "\xEF\xBF\xBD";
            i += cp.length;
            continue;
        }
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += (c < 0x20U || c == 0x7FU) ? ' ' : static_cast<char>(c);
        }
        ++i;
    }
}

}  // namespace quote_dump
