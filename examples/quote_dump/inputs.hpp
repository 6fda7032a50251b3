// SPDX-License-Identifier: MIT
// Reading quote-dump's inputs: whole files and folders walked in sorted order (JSON Lines
// streams are cut into blocks of whole lines in main.cpp).
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <filesystem>
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
