// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Error values, `result<T>` and the two exception types.
///
/// Normal negatives (no sentence break, no quotation, unknown speaker) are never errors: they
/// are empty vectors or `std::nullopt`. An `error` describes input the engine refused to
/// process (invalid UTF-8 under the reject policy); it is returned, not thrown. Exceptions are
/// thrown only by `result<T>::value()` on an error (`error_exception`) and by engine
/// constructors given a bad configuration (`config_error`).

#include "whosaid/config.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

WHOSAID_BEGIN_NAMESPACE

/// What went wrong. `ok` is never stored in an `error` returned by the library.
enum class errc : std::uint8_t {
    ok = 0,        ///< No error.
    invalid_utf8,  ///< The text is not valid UTF-8; `error::offset` is the first bad byte.
};

/// Short, stable name of an error code ("invalid_utf8"), for logs and JSON.
[[nodiscard]] constexpr std::string_view to_string(errc code) noexcept {
    switch (code) {
        case errc::ok: return "ok";
        case errc::invalid_utf8: return "invalid_utf8";
    }
    return "unknown";
}

/// An error with the byte position it refers to.
struct error {
    errc code = errc::ok;      ///< What went wrong.
    std::size_t offset = 0;    ///< Byte offset in the input where it went wrong.
    std::uint8_t byte = 0;     ///< For `invalid_utf8`: the value of the byte at `offset`.

    /// Human-readable description without prefix, e.g. "invalid UTF-8 at byte 4 (0xFF)".
    /// Allocates; never throws anything but std::bad_alloc.
    [[nodiscard]] std::string message() const {
        switch (code) {
            case errc::ok: return "no error";
            case errc::invalid_utf8: {
                constexpr char hex[] = "0123456789ABCDEF";
                std::string s = "invalid UTF-8 at byte " + std::to_string(offset) + " (0x";
                s += hex[byte >> 4U];
                s += hex[byte & 0xFU];
                s += ')';
                return s;
            }
        }
        return "unknown error";
    }

    friend constexpr bool operator==(const error&, const error&) noexcept = default;
};

/// Thrown by `result<T>::value()` when the result holds an error. `what()` reads
/// "[whosaid.invalid_utf8] invalid UTF-8 at byte N (0xNN)".
class error_exception : public std::runtime_error {
public:
    /// Wraps `e`; the message is built from it.
    explicit error_exception(const struct error& e)
        : std::runtime_error("[whosaid." + std::string(to_string(e.code)) + "] " + e.message()), error_(e) {}
    /// The error this exception carries.
    [[nodiscard]] const struct error& error() const noexcept { return error_; }

private:
    struct error error_;
};

/// Thrown by an engine constructor given a configuration it cannot use (for example a
/// user-supplied pattern that RE2 rejects). `what()` names the option and the reason.
class config_error : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// A value or an error, modelled on `simdjson_result` (C++20 has no `std::expected`).
///
/// Check with `if (r)` or `r.has_value()`; read with `*r`, `r->` (unchecked, like
/// `std::optional`) or `r.value()` (throws `error_exception` on an error). `error()` returns
/// the stored error, or an `error` with `errc::ok` when there is a value.
template <class T>
class [[nodiscard]] result {
    static_assert(!std::is_reference_v<T>, "result<T&> is not supported");

public:
    /// A successful result.
    result(T value) noexcept(std::is_nothrow_move_constructible_v<T>)  // NOLINT: implicit by design
        : storage_(std::in_place_index<0>, std::move(value)) {}
    /// A failed result.
    result(struct error e) noexcept : storage_(std::in_place_index<1>, e) {}  // NOLINT

    /// True when a value is held.
    [[nodiscard]] bool has_value() const noexcept { return storage_.index() == 0; }
    /// True when a value is held.
    explicit operator bool() const noexcept { return has_value(); }

    /// The error, or `error{}` (code `ok`) when a value is held.
    [[nodiscard]] struct error error() const noexcept {
        if (const auto* e = std::get_if<1>(&storage_)) return *e;
        return {};
    }

    /// The value; throws `error_exception` when an error is held.
    [[nodiscard]] T& value() & { check(); return *std::get_if<0>(&storage_); }
    /// The value; throws `error_exception` when an error is held.
    [[nodiscard]] const T& value() const& { check(); return *std::get_if<0>(&storage_); }
    /// The value, moved out; throws `error_exception` when an error is held.
    [[nodiscard]] T&& value() && { check(); return std::move(*std::get_if<0>(&storage_)); }

    /// The value or `fallback` when an error is held.
    template <class U>
    [[nodiscard]] T value_or(U&& fallback) const& {
        return has_value() ? *std::get_if<0>(&storage_) : static_cast<T>(std::forward<U>(fallback));
    }

    /// Unchecked access: the behaviour is undefined when an error is held.
    [[nodiscard]] T& operator*() & noexcept { return *std::get_if<0>(&storage_); }
    /// Unchecked access: the behaviour is undefined when an error is held.
    [[nodiscard]] const T& operator*() const& noexcept { return *std::get_if<0>(&storage_); }
    /// Unchecked access: the behaviour is undefined when an error is held.
    [[nodiscard]] T&& operator*() && noexcept { return std::move(*std::get_if<0>(&storage_)); }
    /// Unchecked access: the behaviour is undefined when an error is held.
    [[nodiscard]] T* operator->() noexcept { return std::get_if<0>(&storage_); }
    /// Unchecked access: the behaviour is undefined when an error is held.
    [[nodiscard]] const T* operator->() const noexcept { return std::get_if<0>(&storage_); }

private:
    void check() const {
        if (const auto* e = std::get_if<1>(&storage_)) WHOSAID_THROW(error_exception(*e));
    }

    std::variant<T, struct error> storage_;
};

WHOSAID_END_NAMESPACE
