// SPDX-License-Identifier: MIT
// Runs quote-dump as a child process for the benchmarks that measure the tool from outside
// (quote_dump_scaling.cpp: wall time; quote_dump_memory.cpp: peak RSS). POSIX only.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <vector>

extern char** environ;

namespace whosaid_bench {

/// What one run of the tool gave.
struct tool_run {
    bool ok = false;         ///< Started, and exited with a status of at most `max_status`.
    double seconds = 0;      ///< Wall time from spawn to exit.
    long peak_rss_kib = 0;   ///< The child's peak resident set size (wait4's ru_maxrss, KiB on Linux).
};

/// Runs `exe --jsonl --format jsonl --progress never -j THREADS [input]`: with `input_on_stdin`
/// the input is opened as standard input (a stream whose size the tool does not know), else it
/// is named on the command line. Standard output goes to `out_path` (created or truncated),
/// standard error to /dev/null. Status 1 only says that some documents got error records, so
/// `max_status` is 1 by default.
inline tool_run run_quote_dump(const std::string& exe, const std::string& input, bool input_on_stdin,
                               unsigned threads, const std::string& out_path, int max_status = 1) {
    std::vector<std::string> args = {exe, "--jsonl", "--format", "jsonl", "--progress", "never", "-j",
                                      std::to_string(threads)};
    if (!input_on_stdin) args.push_back(input);
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (input_on_stdin) posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, input.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

    tool_run run;
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return run;
    int status = 0;
    struct rusage usage {};
    while (::wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) return run;
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    run.peak_rss_kib = usage.ru_maxrss;
    run.ok = WIFEXITED(status) && WEXITSTATUS(status) <= max_status;
    return run;
}

}  // namespace whosaid_bench
