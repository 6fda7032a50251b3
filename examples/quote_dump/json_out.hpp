// SPDX-License-Identifier: MIT
// Writing JSON text: string escaping that always yields valid UTF-8 JSON. (Reading JSON is
// simdjson's job; writing needs only this.)
#pragma once

#include <whosaid/utf8.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace quote_dump {

/// Appends `s` as a JSON string literal, quotes included. Control characters are escaped;
/// bytes that are not valid UTF-8 are written as U+FFFD, so the output is valid JSON even for
/// text processed under the replace policy.
inline void append_json_string(std::string& out, std::string_view s) {
    constexpr char hex[] = "0123456789abcdef";
    out += '"';
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
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20U || c == 0x7FU) {
                    out += "\\u00";
                    out += hex[c >> 4U];
                    out += hex[c & 0xFU];
                } else {
                    out += static_cast<char>(c);
                }
        }
        ++i;
    }
    out += '"';
}

/// Appends `"key":` (key is a plain ASCII identifier).
inline void append_key(std::string& out, std::string_view key) {
    out += '"';
    out += key;
    out += "\":";
}

}  // namespace quote_dump
