// SPDX-License-Identifier: MIT
// Reading quote-dump's inputs: whole files, folders walked in sorted order, and line-by-line
// streams with memory bounded by the longest line.
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace quote_dump {

namespace fs = std::filesystem;

/// The text of errno `e` ("No such file or directory").
inline std::string errno_text(int e) { return std::generic_category().message(e); }

/// A file descriptor closed on destruction.
class fd_guard {
public:
    fd_guard() = default;
    explicit fd_guard(int fd, bool owned = true) noexcept : fd_(fd), owned_(owned) {}
    fd_guard(const fd_guard&) = delete;
    fd_guard& operator=(const fd_guard&) = delete;
    ~fd_guard() {
        if (owned_ && fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const noexcept { return fd_; }

private:
    int fd_ = -1;
    bool owned_ = false;
};

/// Opens `path` for reading; on failure returns -1 with errno set.
inline int open_for_reading(const std::string& path) noexcept {
    int fd = -1;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

/// Reads up to `n` bytes, retrying on EINTR; returns bytes read (0 at end) or -1 with errno.
inline ::ssize_t read_some(int fd, char* buf, std::size_t n) noexcept {
    ::ssize_t r = -1;
    do {
        r = ::read(fd, buf, n);
    } while (r < 0 && errno == EINTR);
    return r;
}

/// Reads all of `fd` into `out`; returns 0 or the errno of the failure.
inline int read_all(int fd, std::string& out) {
    out.clear();
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) out.reserve(static_cast<std::size_t>(st.st_size));
    constexpr std::size_t chunk = std::size_t{1} << 16U;
    for (;;) {
        const std::size_t old = out.size();
        out.resize(old + chunk);
        const ::ssize_t r = read_some(fd, out.data() + old, chunk);
        if (r < 0) {
            const int e = errno;
            out.resize(old);
            return e;
        }
        out.resize(old + static_cast<std::size_t>(r));
        if (r == 0) return 0;
    }
}

/// Splits a stream into lines (LF, with a CR before it dropped), reading 256 KiB at a time. Only
/// the current line is held, so memory is bounded by the longest line.
class line_reader {
public:
    // The buffer is left uninitialised: zeroing it would touch every page before any input.
    explicit line_reader(int fd) : fd_(fd), buf_(new char[buffer_size]) {}

    /// Moves the next line into `line` (without its end). Returns false at the end of the
    /// stream or on a read error (then `error()` is the errno).
    bool next(std::string& line) {
        line.clear();
        for (;;) {
            if (pos_ < len_) {
                const char* start = buf_.get() + pos_;
                const void* nl = std::memchr(start, '\n', len_ - pos_);
                if (nl != nullptr) {
                    const auto n = static_cast<std::size_t>(static_cast<const char*>(nl) - start);
                    line.append(start, n);
                    pos_ += n + 1;
                    bytes_ += n + 1;
                    if (!line.empty() && line.back() == '\r') line.pop_back();
                    return true;
                }
                line.append(start, len_ - pos_);
                bytes_ += len_ - pos_;
                pos_ = len_;
            }
            if (eof_) {
                if (line.empty()) return false;
                if (line.back() == '\r') line.pop_back();
                return true;  // the last line had no newline
            }
            const ::ssize_t r = read_some(fd_, buf_.get(), buffer_size);
            if (r < 0) {
                error_ = errno;
                eof_ = true;
                line.clear();
                return false;
            }
            if (r == 0) {
                eof_ = true;
                continue;
            }
            pos_ = 0;
            len_ = static_cast<std::size_t>(r);
        }
    }

    /// True when a whole line is buffered, so `next` will not block reading.
    [[nodiscard]] bool line_ready() const noexcept {
        return pos_ < len_ && std::memchr(buf_.get() + pos_, '\n', len_ - pos_) != nullptr;
    }

    /// The errno of a read error, or 0.
    [[nodiscard]] int error() const noexcept { return error_; }
    /// Bytes consumed so far (line ends included).
    [[nodiscard]] std::size_t bytes() const noexcept { return bytes_; }

private:
    static constexpr std::size_t buffer_size = std::size_t{256} << 10U;
    int fd_;
    std::unique_ptr<char[]> buf_;
    std::size_t pos_ = 0;
    std::size_t len_ = 0;
    std::size_t bytes_ = 0;
    bool eof_ = false;
    int error_ = 0;
};

/// True when `line` holds only spaces, tabs and carriage returns.
inline bool is_blank(std::string_view line) noexcept {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

/// Walks `root` recursively, depth first, entries of each folder in byte order of their names,
/// calling `on_file(path)` for each regular file (or symlink to one) whose name ends in
/// `extension`, and `on_error(path, message)` for a folder it cannot list. Symlinks to folders
/// are not followed (no cycles), hidden entries (.name) skipped. Memory: the entries of one folder per level.
template <class OnFile, class OnError>
void walk_folder(const fs::path& root, std::string_view extension, OnFile&& on_file, OnError&& on_error) {
    std::vector<fs::path> entries;
    std::error_code ec;
    fs::directory_iterator it(root, ec);
    if (ec) {
        on_error(root, ec.message());
        return;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) break;
        entries.push_back(it->path());
    }
    if (ec) on_error(root, ec.message());
    std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });
    for (const fs::path& p : entries) {
        if (p.filename().native().starts_with('.')) continue;  // hidden: .git, editor files
        std::error_code sec;
        const fs::file_status link = fs::symlink_status(p, sec);
        if (fs::is_directory(link)) {
            walk_folder(p, extension, on_file, on_error);
            continue;
        }
        const std::string& name = p.native();
        if (name.size() < extension.size() || name.compare(name.size() - extension.size(), extension.size(), extension) != 0) {
            continue;
        }
        if (fs::is_regular_file(fs::status(p, sec))) on_file(p);
    }
}

}  // namespace quote_dump
