// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Language profiles. A language is data (abbreviations, titles, reporting verbs, quote
/// conventions) held by each engine for the profile it was built with; adding a language means
/// adding tables, not code paths.

#include "whosaid/config.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

WHOSAID_BEGIN_NAMESPACE

/// The languages with a built-in profile.
enum class language : std::uint8_t {
    en,  ///< English.
    ru,  ///< Russian.
};

/// ISO 639-1 code of `lang` ("en", "ru").
[[nodiscard]] constexpr std::string_view to_string(language lang) noexcept {
    switch (lang) {
        case language::en: return "en";
        case language::ru: return "ru";
    }
    return "en";
}

/// The profile for an ISO 639-1 code ("en", "ru"; ASCII case-insensitive), or `std::nullopt`
/// for a language without a profile.
[[nodiscard]] constexpr std::optional<language> language_from_code(std::string_view code) noexcept {
    if (code.size() != 2) return std::nullopt;
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    const char a = lower(code[0]);
    const char b = lower(code[1]);
    if (a == 'e' && b == 'n') return language::en;
    if (a == 'r' && b == 'u') return language::ru;
    return std::nullopt;
}

WHOSAID_END_NAMESPACE
