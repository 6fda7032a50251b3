// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// `text_span`: a half-open byte range into the caller's text, the currency of every engine.

#include "whosaid/config.hpp"

#include <cstddef>
#include <string_view>

WHOSAID_BEGIN_NAMESPACE

/// A half-open range `[begin, end)` of **UTF-8 byte offsets** into a text owned by the caller.
///
/// Spans are plain values: they stay valid when the text is moved or copied, they serialise
/// as two integers, and they never own or point at memory. A span produced by a whosaid
/// engine always satisfies `begin <= end <= text.size()` for the text it was produced from and
/// never splits a valid UTF-8 sequence.
struct text_span {
    std::size_t begin = 0;  ///< First byte of the range.
    std::size_t end = 0;    ///< One past the last byte of the range.

    /// Length in bytes.
    [[nodiscard]] constexpr std::size_t size() const noexcept { return end > begin ? end - begin : 0; }
    /// True when the range holds no byte.
    [[nodiscard]] constexpr bool empty() const noexcept { return end <= begin; }
    /// True when `offset` lies inside `[begin, end)`.
    [[nodiscard]] constexpr bool contains(std::size_t offset) const noexcept {
        return offset >= begin && offset < end;
    }
    /// True when `other` lies entirely inside this span.
    [[nodiscard]] constexpr bool contains(text_span other) const noexcept {
        return other.begin >= begin && other.end <= end;
    }
    /// Number of bytes the two spans share (0 when they are disjoint).
    [[nodiscard]] constexpr std::size_t overlap(text_span other) const noexcept {
        const std::size_t lo = begin > other.begin ? begin : other.begin;
        const std::size_t hi = end < other.end ? end : other.end;
        return hi > lo ? hi - lo : 0;
    }

    friend constexpr bool operator==(text_span, text_span) noexcept = default;
};

/// The bytes of `text` covered by `span`, as a view into `text` (no copy).
///
/// The view lives as long as the buffer behind `text`. A span reaching past the end of `text`
/// is clamped to it, so a span from another text can never cause an out-of-bounds read.
[[nodiscard]] constexpr std::string_view view_of(std::string_view text, text_span span) noexcept {
    const std::size_t b = span.begin < text.size() ? span.begin : text.size();
    const std::size_t e = span.end < text.size() ? span.end : text.size();
    return e > b ? text.substr(b, e - b) : std::string_view{};
}

WHOSAID_END_NAMESPACE
