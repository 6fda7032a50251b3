// SPDX-License-Identifier: MIT
// quote-dump: who said what, from text files, folders or JSON Lines, as JSON Lines, TSV or a
// readable listing. Run `quote-dump --help` for the manual.
//
// Structure: the main thread only reads the inputs into jobs (a whole text file; for JSON
// Lines, a block of about 64 KB of whole lines, cut at a line end without looking at the
// records; or a message about an input that could not be read). N worker threads do the rest:
// split a block into lines, parse the JSON, run the engines (built once and shared: they are
// immutable) and format the output; the worker that completes the oldest job writes the
// results that are ready, in input order (no writer thread competes for the cores). At most a
// bounded window of jobs is in flight, so memory depends on the largest document, never on
// how many there are. With -j 1 everything runs on the main thread through the same functions.
#include "engine.hpp"
#include "format.hpp"
#include "inputs.hpp"
#include "json_out.hpp"
#include "jsonl_record.hpp"
#include "ordered_pool.hpp"

#include <whosaid/whosaid.hpp>

#include <CLI/CLI.hpp>

#include <sched.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using namespace quote_dump;

// Exit statuses (documented in --help).
constexpr int exit_ok = 0;
constexpr int exit_documents_failed = 1;
constexpr int exit_input_unreadable = 2;
constexpr int exit_usage = 64;
constexpr int exit_internal = 70;
constexpr int exit_output = 74;

struct settings {
    std::vector<std::string> inputs;
    bool jsonl = false;
    bool sentences = false;
    std::string lang = "en";
    std::string format = "auto";
    std::string color = "auto";
    std::string progress = "auto";
    unsigned jobs = 0;
    bool replace_invalid = false;
};

// ---- jobs and results ------------------------------------------------------------------

// A unit of work: one text document, a block of whole JSONL lines (about 64 KB: many records
// per hand-over keep the threads busy with documents rather than with each other; the lines
// are split, parsed and formatted by the worker), or a message about an input that could not
// be read.
struct job {
    enum class type : std::uint8_t { text, jsonl_block, message, flush };
    type kind = type::text;
    std::shared_ptr<const std::string> source;  // the input's name, for messages and fallback ids
    std::string id_json;                        // the id (text)
    std::string data;                           // the text, the block's lines, or the message
    std::size_t length = 0;                     // jsonl_block: bytes of lines in data (then padding)
    std::size_t first_line = 0;                 // jsonl_block: 1-based number of its first line
    std::size_t bytes = 0;                      // input bytes this job stands for
};

struct job_result {
    std::string out;      // for stdout
    std::string message;  // for stderr (an input that could not be read)
    std::size_t bytes = 0;
    std::size_t documents = 0;
    std::size_t failed = 0;
    bool flush = false;  // write out what is buffered (the input is waiting for more)
};

// What a worker thread owns: the JSONL reader (simdjson buffers) and scratch space, reused
// from one document to the next.
struct worker_state {
    jsonl_reader reader;
    jsonl_record record;
    document_rows rows;
    whosaid::workspace work;       // the attributor's buffers, reused from document to document
    std::size_t work_bytes = 0;    // the largest text `work` has served since it was last freed

    // After a huge document, gives back what it made grow (so a thread does not keep a large
    // document's worth of memory for the rest of the run); ordinary sizes are kept for reuse.
    void shrink() {
        // The workspace holds 10-60 bytes per byte of the largest text it served.
        if (work_bytes > keep_bytes / 64) {
            work.release();
            work_bytes = 0;
        }
        reader.shrink(keep_bytes);
        record.shrink(keep_bytes);
        if (rows.quotations.capacity() * sizeof(quotation_row) > keep_bytes) std::vector<quotation_row>().swap(rows.quotations);
        if (rows.sentences.capacity() * sizeof(whosaid::text_span) > keep_bytes) std::vector<whosaid::text_span>().swap(rows.sentences);
    }

    static constexpr std::size_t keep_bytes = std::size_t{1} << 20U;
};

std::string json_string(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

class processor {
public:
    processor(const engine& e, const formatter& f) : engine_(e), format_(f) {}

    job_result process(worker_state& w, job& j) const {
        job_result r;
        r.bytes = j.bytes;
        switch (j.kind) {
            case job::type::message: r.message = std::move(j.data); break;
            case job::type::flush: r.flush = true; break;
            case job::type::text: document(w, j.id_json, {}, j.data, r); break;
            case job::type::jsonl_block: block(w, j, r); break;
        }
        w.shrink();
        return r;
    }

private:
    // The lines of a block: LF ends a line, a CR before it is dropped, a byte order mark at
    // the start of an input is skipped, blank lines are not records.
    void block(worker_state& w, job& j, job_result& r) const {
        const std::string_view data(j.data);
        std::size_t number = j.first_line;
        std::size_t pos = 0;
        while (pos < j.length) {
            const std::size_t nl = data.substr(0, j.length).find('\n', pos);
            const std::size_t end = nl == std::string_view::npos ? j.length : nl;
            std::string_view line = data.substr(pos, end - pos);
            pos = end + 1;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
            // The bytes after the line up to the end of data (the next lines, then the padding)
            // are readable: the JSON reader needs no copy. Once the last line is parsed the
            // block is freed, before the engines run (for a huge line, the largest part).
            const std::size_t readable = data.size() - static_cast<std::size_t>(line.data() - data.data());
            std::string* release = pos >= j.length ? &j.data : nullptr;
            if (!is_blank(line)) record(w, *j.source, number, line, readable, release, r);
            ++number;
        }
    }

    // One JSONL record; `readable` bytes from line.data() on may be read. `release`, when not
    // null, is the buffer holding the line, freed once the line is parsed (`line` then dangles).
    void record(worker_state& w, const std::string& source, std::size_t line_no, std::string_view line,
                std::size_t readable, std::string* release, job_result& r) const {
        w.reader.parse(line, readable, w.record);
        if (release != nullptr) std::string().swap(*release);
        std::string fallback_id;
        if (w.record.id_json.empty()) fallback_id = json_string(source + ":" + std::to_string(line_no));
        const std::string_view id_json = w.record.id_json.empty() ? std::string_view(fallback_id) : w.record.id_json;
        if (!w.record.error.empty()) {
            // No line number in the message: the record must not depend on how a stream was
            // split (GNU parallel, Spark); only a record without an id gets "FILE:LINE".
            ++r.documents;
            ++r.failed;
            format_.append(
                {.id_json = id_json, .passthrough = w.record.passthrough, .text = {}, .rows = nullptr, .error = w.record.error},
                r.out);
            return;
        }
        document(w, id_json, w.record.passthrough, w.record.text, r);
    }

    // One document: the engines, then the output format.
    void document(worker_state& w, std::string_view id_json, std::string_view passthrough, std::string_view text,
                  job_result& r) const {
        ++r.documents;
        std::string failure;
        try {
            w.work_bytes = std::max(w.work_bytes, text.size());
            const whosaid::error e = engine_.run(text, w.rows, w.work);
            if (e.code != whosaid::errc::ok) failure = e.message();
        } catch (const std::bad_alloc&) {
            failure = "out of memory while processing this document (" + std::to_string(text.size()) + " bytes)";
        }
        if (!failure.empty()) {
            format_.append({.id_json = id_json, .passthrough = passthrough, .text = text, .rows = nullptr, .error = failure},
                           r.out);
            ++r.failed;
        } else {
            format_.append({.id_json = id_json, .passthrough = passthrough, .text = text, .rows = &w.rows, .error = {}},
                           r.out);
        }
        w.rows.clear();
    }

private:
    const engine& engine_;
    const formatter& format_;
};

// ---- progress on stderr ------------------------------------------------------------------

class progress_meter {
public:
    enum class mode { off, auto_, always };

    progress_meter(mode m, std::size_t total_bytes)
        : mode_(m), tty_(::isatty(STDERR_FILENO) == 1), total_(total_bytes), start_(clock::now()), last_(start_) {
        if (mode_ == mode::auto_ && !tty_) mode_ = mode::off;
    }

    void update(std::size_t documents, std::size_t bytes) {
        if (mode_ == mode::off) return;
        const auto now = clock::now();
        // auto: only for a long input, nothing in the first second. Then four updates a second
        // on a terminal, one a second into a file.
        if (mode_ == mode::auto_ && now - start_ < std::chrono::seconds(1)) return;
        if (shown_ && now - last_ < (tty_ ? std::chrono::milliseconds(250) : std::chrono::milliseconds(1000))) return;
        show(documents, bytes, now);
    }

    // At the end: auto removes the line, always leaves a final one.
    void finish(std::size_t documents, std::size_t bytes) {
        if (mode_ == mode::always) {
            show(documents, bytes, clock::now());
            if (tty_) std::fputs("\n", stderr);
            shown_ = false;
        } else {
            clear();
        }
    }

    // Removes the progress line before other text goes to stderr.
    void clear() {
        if (shown_ && tty_) {
            std::fputs("\r\x1b[K", stderr);
            std::fflush(stderr);
        }
    }

private:
    using clock = std::chrono::steady_clock;

    void show(std::size_t documents, std::size_t bytes, clock::time_point now) {
        last_ = now;
        shown_ = true;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        const double mb = static_cast<double>(bytes) / 1e6;
        const double rate = seconds > 0 ? mb / seconds : 0.0;
        char line[200];
        int n = std::snprintf(line, sizeof line, "quote-dump: %zu %s, %.1f MB, %.1f MB/s", documents,
                              documents == 1 ? "document" : "documents", mb, rate);
        if (total_ > 0 && n > 0 && static_cast<std::size_t>(n) < sizeof line) {
            const double pct = 100.0 * static_cast<double>(bytes < total_ ? bytes : total_) / static_cast<double>(total_);
            n += std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", %.0f%%", pct);
            if (rate > 0 && n > 0 && static_cast<std::size_t>(n) < sizeof line) {
                const double left_mb = bytes < total_ ? static_cast<double>(total_ - bytes) / 1e6 : 0.0;
                const auto left = static_cast<long long>(left_mb / rate + 0.5);
                std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", %lld:%02lld left", left / 60, left % 60);
            }
        }
        if (tty_) std::fprintf(stderr, "\r\x1b[K%s", line);
        else std::fprintf(stderr, "%s\n", line);
        std::fflush(stderr);
    }

    mode mode_;
    bool tty_;
    std::size_t total_;
    clock::time_point start_;
    clock::time_point last_;
    bool shown_ = false;
};

// ---- the writer --------------------------------------------------------------------------

class writer {
public:
    explicit writer(progress_meter& p) : progress_(p) {}

    void write(job_result&& r) {
        if (!r.message.empty()) {
            progress_.clear();
            std::fprintf(stderr, "quote-dump: %s\n", r.message.c_str());
            input_errors_ = true;
        }
        if (!r.out.empty() && std::fwrite(r.out.data(), 1, r.out.size(), stdout) != r.out.size()) {
            output_failed_.store(true, std::memory_order_relaxed);
        }
        if (r.flush && std::fflush(stdout) != 0) output_failed_.store(true, std::memory_order_relaxed);
        documents_ += r.documents;
        failed_ += r.failed;
        bytes_ += r.bytes;
        progress_.update(documents_, bytes_);
    }

    [[nodiscard]] std::size_t documents() const noexcept { return documents_; }
    [[nodiscard]] std::size_t failed() const noexcept { return failed_; }
    [[nodiscard]] std::size_t bytes() const noexcept { return bytes_; }
    [[nodiscard]] bool input_errors() const noexcept { return input_errors_; }
    // Read by the reading thread to stop early when the output is gone.
    [[nodiscard]] bool output_failed() const noexcept { return output_failed_.load(std::memory_order_relaxed); }

private:
    progress_meter& progress_;
    std::size_t documents_ = 0;
    std::size_t failed_ = 0;
    std::size_t bytes_ = 0;
    bool input_errors_ = false;
    std::atomic<bool> output_failed_{false};
};

// ---- reading the inputs into jobs ---------------------------------------------------------

// Calls `submit(job&&)` for every document, JSONL line and input error, in order. `submit`
// returns false to stop early.
template <class Submit>
class input_reader {
public:
    input_reader(const settings& s, Submit& submit) : s_(s), submit_(submit) {}

    void run() {
        std::vector<std::string> inputs = s_.inputs;
        if (inputs.empty()) inputs.emplace_back("-");
        for (const std::string& input : inputs) {
            if (stopped_) return;
            if (input == "-") {
                read_stream(STDIN_FILENO, "stdin", "stdin");
                continue;
            }
            std::error_code ec;
            if (fs::is_directory(input, ec)) {
                std::size_t found = 0;
                const fs::path root(input);
                walk_folder(
                    root, s_.jsonl ? ".jsonl" : ".txt",
                    [&](const fs::path& p) {
                        if (stopped_) return;
                        ++found;
                        // The id of a file in a folder: its path below the folder, without .txt.
                        fs::path rel = p.lexically_relative(root);
                        if (!s_.jsonl) rel.replace_extension();
                        read_file(p.string(), rel.generic_string());
                    },
                    [&](const fs::path& p, const std::string& why) { message("cannot read folder '" + p.string() + "': " + why); });
                if (found == 0 && !stopped_) {
                    std::fprintf(stderr, "quote-dump: warning: folder '%s' holds no %s files%s\n", input.c_str(),
                                 s_.jsonl ? "*.jsonl" : "*.txt", s_.jsonl ? "" : " (JSON Lines need --jsonl)");
                }
                continue;
            }
            read_file(input, fs::path(input).stem().string());
        }
    }

    [[nodiscard]] bool stopped() const noexcept { return stopped_; }

private:
    void message(std::string text) {
        job j;
        j.kind = job::type::message;
        j.data = std::move(text);
        send(std::move(j));
    }

    void send(job&& j) {
        if (!stopped_ && !submit_(std::move(j))) stopped_ = true;
    }

    void read_file(const std::string& path, const std::string& id) {
        const int fd = open_for_reading(path);
        if (fd < 0) {
            message("cannot read '" + path + "': " + errno_text(errno));
            return;
        }
        const fd_guard guard(fd);
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            message("cannot read '" + path + "': " + errno_text(EISDIR));
            return;
        }
        read_stream(fd, path, id);
    }

    void read_stream(int fd, const std::string& name, const std::string& id) {
        auto source = std::make_shared<const std::string>(name);
        if (!s_.jsonl) {
            job j;
            j.kind = job::type::text;
            j.source = source;
            j.id_json = json_string(id);
            if (const int e = read_all(fd, j.data); e != 0) {
                message("error reading '" + name + "': " + errno_text(e));
                return;
            }
            j.bytes = j.data.size();
            send(std::move(j));
            return;
        }
        read_jsonl(fd, name, source);
    }

    // Reads a JSONL stream in blocks of whole lines (the workers split them): the main thread
    // does nothing per line but count the line ends, so it never holds up the workers.
    void read_jsonl(int fd, const std::string& name, const std::shared_ptr<const std::string>& source) {
        struct stat st {};
        const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
        std::string data;                          // the block being read: whole lines, then a part line
        std::size_t last_nl = std::string::npos;  // the last line end in data
        std::size_t lines_sent = 0;
        bool eof = false;
        bool unflushed = false;  // blocks handed over since the last flush job
        int error = 0;
        // Hands over the lines up to data[end - 1]; keeps the rest for the next block.
        const auto hand_over = [&](std::size_t end) {
            job j;
            j.kind = job::type::jsonl_block;
            j.source = source;
            j.first_line = lines_sent + 1;
            j.length = end;
            j.bytes = end;
            std::string rest(data, end);
            data.resize(end);
            data.append(padding, ' ');  // the JSON reader parses each line in place
            j.data = std::move(data);
            data = std::move(rest);
            lines_sent += static_cast<std::size_t>(std::count(j.data.begin(), j.data.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
            last_nl = std::string::npos;
            unflushed = true;
            send(std::move(j));
        };
        while (!stopped_) {
            if (eof) {
                // A read error drops the part line (it may be cut short); at the end of the
                // input it is the last line, without a line end.
                const std::size_t end = error != 0 ? (last_nl == std::string::npos ? 0 : last_nl + 1) : data.size();
                if (end > 0) hand_over(end);
                break;
            }
            if (last_nl != std::string::npos && data.size() >= block_bytes) {
                hand_over(last_nl + 1);
                continue;
            }
            // Before waiting for more input, the whole lines read so far are handed over and
            // the output so far is written out (a flush job, written after them): a slow
            // stream (a pipe fed a record at a time, `tail -f`) gets each record's output
            // without delay. A file or a busy pipe never waits.
            if (!regular && !readable_now(fd)) {
                if (last_nl != std::string::npos) hand_over(last_nl + 1);
                if (unflushed) {
                    job f;
                    f.kind = job::type::flush;
                    send(std::move(f));
                    unflushed = false;
                }
            }
            // Room for a read and the padding: handing over never reallocates (or copies a huge line).
            if (data.capacity() - data.size() < read_bytes + padding) {
                data.reserve(std::max(data.size() + read_bytes + padding, block_bytes + read_bytes + padding));
            }
            const std::size_t old = data.size();
            data.resize(old + read_bytes);
            const ::ssize_t r = read_some(fd, data.data() + old, read_bytes);
            if (r <= 0) {
                data.resize(old);
                if (r < 0) error = errno;
                eof = true;
                continue;
            }
            data.resize(old + static_cast<std::size_t>(r));
            if (const void* nl = ::memrchr(data.data() + old, '\n', static_cast<std::size_t>(r)); nl != nullptr) {
                last_nl = static_cast<std::size_t>(static_cast<const char*>(nl) - data.data());
            }
        }
        if (error != 0) message("error reading '" + name + "' after line " + std::to_string(lines_sent) + ": " + errno_text(error));
    }

    // Whether reading `fd` now would return at once (data or its end are there).
    static bool readable_now(int fd) noexcept {
        pollfd p{.fd = fd, .events = POLLIN, .revents = 0};
        return ::poll(&p, 1, 0) != 0;
    }

    // Blocks of about 64 KB (a millisecond or two of work: the hand-over is cheap next to it,
    // the last block of a run leaves the other threads idle only briefly, and the blocks in
    // flight touch little memory), read 64 KB at a time. A line longer than that is a block of
    // its own, whatever its size.
    static constexpr std::size_t block_bytes = std::size_t{64} << 10U;
    static constexpr std::size_t read_bytes = std::size_t{64} << 10U;
    static constexpr std::size_t padding = simdjson::SIMDJSON_PADDING;

    const settings& s_;
    Submit& submit_;
    bool stopped_ = false;
};

// Total size of the inputs when every one is a regular file (for "time left"), else 0.
std::size_t total_input_bytes(const settings& s) {
    std::size_t total = 0;
    std::vector<std::string> inputs = s.inputs;
    if (inputs.empty()) inputs.emplace_back("-");
    for (const std::string& input : inputs) {
        struct stat st {};
        if (input == "-") {
            if (::fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
            const off_t pos = ::lseek(STDIN_FILENO, 0, SEEK_CUR);
            total += static_cast<std::size_t>(st.st_size - (pos > 0 ? pos : 0));
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            walk_folder(
                input, s.jsonl ? ".jsonl" : ".txt",
                [&](const fs::path& p) {
                    std::error_code sec;
                    const auto size = fs::file_size(p, sec);
                    if (!sec) total += static_cast<std::size_t>(size);
                },
                [](const fs::path&, const std::string&) {});
            continue;
        }
        if (::stat(input.c_str(), &st) == 0 && S_ISREG(st.st_mode)) total += static_cast<std::size_t>(st.st_size);
    }
    return total;
}

unsigned available_cores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) == 0) {
        const int n = CPU_COUNT(&set);
        if (n > 0) return static_cast<unsigned>(n);
    }
    const unsigned hc = std::thread::hardware_concurrency();
    return hc > 0 ? hc : 1;
}

bool want_color(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    if (::isatty(STDOUT_FILENO) != 1) return false;
    if (const char* no = std::getenv("NO_COLOR"); no != nullptr && *no != '\0') return false;
    const char* term = std::getenv("TERM");
    return term != nullptr && *term != '\0' && std::string_view(term) != "dumb";
}

int run(const settings& s) {
    output_format format = output_format::jsonl;
    if (s.format == "tsv") format = output_format::tsv;
    else if (s.format == "pretty") format = output_format::pretty;
    else if (s.format == "auto" && ::isatty(STDOUT_FILENO) == 1) format = output_format::pretty;

    const engine eng(engine_options{
        .lang = *whosaid::language_from_code(s.lang),
        .on_invalid = s.replace_invalid ? whosaid::invalid_utf8::replace : whosaid::invalid_utf8::reject,
        .sentences_only = s.sentences,
    });
    const formatter fmt(format, s.sentences, format == output_format::pretty && want_color(s.color));
    const processor proc(eng, fmt);

    const progress_meter::mode pmode = s.progress == "always" ? progress_meter::mode::always
                                       : s.progress == "never" ? progress_meter::mode::off
                                                               : progress_meter::mode::auto_;
    const bool may_show = pmode == progress_meter::mode::always ||
                          (pmode == progress_meter::mode::auto_ && ::isatty(STDERR_FILENO) == 1);
    progress_meter progress(pmode, may_show ? total_input_bytes(s) : 0);
    writer out(progress);

    // Block-buffered output when it is not a terminal (uninitialised: no page is touched early).
    constexpr std::size_t stdout_buffer_size = std::size_t{256} << 10U;
    static const std::unique_ptr<char[]> stdout_buffer(new char[stdout_buffer_size]);
    if (::isatty(STDOUT_FILENO) != 1) std::setvbuf(stdout, stdout_buffer.get(), _IOFBF, stdout_buffer_size);
    if (const std::string h = fmt.header(); !h.empty()) std::fwrite(h.data(), 1, h.size(), stdout);

    const unsigned jobs = s.jobs == 0 ? available_cores() : s.jobs;
    if (jobs <= 1) {
        worker_state state;
        auto submit = [&](job&& j) {
            out.write(proc.process(state, j));
            return !out.output_failed();
        };
        input_reader<decltype(submit)> reader(s, submit);
        reader.run();
    } else {
        std::vector<worker_state> states(jobs);
        // In flight: two jobs per worker (one being processed, one waiting, so a worker never
        // waits for the reading thread), and at most 16 MB of input (one job is always
        // admitted, whatever its size). JSONL blocks are 64 KB: memory depends on the largest
        // document, never on the number of documents.
        ordered_pool<job, job_result> pool(
            jobs, std::size_t{2} * jobs, std::size_t{16} << 20U,
            [&](std::size_t w, job& j) { return proc.process(states[w], j); },
            [&](job_result&& r) { out.write(std::move(r)); }, [](const job& j) { return j.data.size(); });
        auto submit = [&](job&& j) { return pool.submit(std::move(j)) && !out.output_failed(); };
        input_reader<decltype(submit)> reader(s, submit);
        reader.run();
        pool.finish();
    }

    progress.finish(out.documents(), out.bytes());
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || out.output_failed()) {
        std::fprintf(stderr, "quote-dump: cannot write the output: %s\n", errno_text(errno).c_str());
        return exit_output;
    }
    if (out.failed() > 0) {
        std::fprintf(stderr, "quote-dump: %zu of %zu documents failed (see their \"error\" records)\n", out.failed(),
                     out.documents());
    }
    if (out.input_errors()) return exit_input_unreadable;
    return out.failed() > 0 ? exit_documents_failed : exit_ok;
}

constexpr const char* description = R"TXT(quote-dump - who said what in UTF-8 news text

Reads news articles from files, folders or standard input and prints, for each
article, the quotations it contains (direct, indirect, mixed; quoted terms) with
their speaker resolved to a name, the cue ("said") and the speaker mention ("the
minister"). Offsets are UTF-8 byte offsets into the article text, end exclusive.
One output record per input document, in input order, whatever -j is.
)TXT";

constexpr const char* footer = R"TXT(INPUT
  FILE      one document; its id is the file name without its extension.
  FOLDER    every *.txt file below it, recursively, in byte order of their
            paths (hidden entries skipped); the id is the path below the folder
            without .txt. With --jsonl: every *.jsonl file below it.
  -         standard input (the default when no INPUT is given): one document,
            or, with --jsonl, a stream of records.
  --jsonl   each non-blank line is a record {"id": ..., "text": "...", ...}.
            "id" may be any JSON value (default: "FILE:LINE"); every field other
            than "text" is copied unchanged into the output record. Streaming:
            memory depends on the longest line, not on the number of lines.

OUTPUT FORMATS (--format)
  jsonl     one line per document (the default when standard output is not a
            terminal):
              {"id": ..., <passed-through fields>, "quotes": [{"start", "end",
               "kind", "text", "speaker", "mention", "cue", "addressee",
               "interruption", "confidence"}]}
            mention, cue, addressee and interruption are {"start","end","text"}
            or null; interruption is the cue and speaker between two pieces of
            one quotation ("I would," she said. "I would, Donald."), inside
            the quotation's start..end. With
            --sentences: {"id": ..., "sentences": [{"start","end","text"}]}.
            A document that cannot be processed gets {"id": ..., "error": "..."}
            in its place, so N documents in always give N records out.
  tsv       a header line, then one line per quotation: id, start, end, kind,
            speaker, cue, confidence, text. Tab, newline, carriage return and
            backslash in fields are written \t, \n, \r and \\. A failed document
            gives one line with kind "error" and the message as its text.
  pretty    speaker, cue and quotation, readable (the default on a terminal);
            coloured when the terminal supports it, NO_COLOR is unset and
            --color is not never.

INVALID INPUT
  A document that is not valid UTF-8 gets an error record such as
  "invalid UTF-8 at byte 4 (0xFF)", and the run goes on; --replace-invalid
  processes it anyway (each bad byte reads as U+FFFD; offsets still index the
  original bytes). A JSONL line that is not a JSON object with a string "text"
  gets an error record too (with the id "FILE:LINE" when it has none). A file
  that cannot be read is named on standard error and skipped.

PROGRESS (--progress)
  auto: when standard error is a terminal and the run takes more than a
  second, a status line shows documents, MB, MB/s and, when the input size is
  known (files, folders, a redirected file), the share done and the time left.
  always: from the start, also into a file (a line a second), and a last line
  at the end. never: no progress.

EXIT STATUS
  0   every document was processed
  1   some documents failed; each has an "error" record in its place
  2   an input could not be read (named on standard error); the rest was
      processed (takes precedence over 1)
  64  wrong usage: unknown option, bad value
  70  internal error
  74  the output could not be written

ENVIRONMENT
  NO_COLOR  when set and not empty, pretty output has no colour (--color=always
            overrides it)

EXAMPLES
  quote-dump article.txt
      Show who said what in one article (pretty on a terminal).
  quote-dump --format tsv corpus/ > quotes.tsv
      Every *.txt below corpus/, one quotation per line.
  quote-dump --jsonl -j 8 < docs.jsonl > quotes.jsonl
      A JSON Lines collection on 8 threads.
  parallel --pipe -k --block 10M quote-dump --jsonl -j 1 < docs.jsonl > out.jsonl
      The same with GNU parallel: quote-dump keeps no state between documents,
      so any split of the stream gives the same records (see README, "Running
      on a cluster", for Spark and Hadoop Streaming).
  quote-dump --sentences --format pretty article.txt
      The sentences instead of the quotations.)TXT";

}  // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
    // Keep freed memory for reuse instead of returning it to the kernel after every block (trim)
    // and of mapping each large buffer afresh (mmap): each page handed back is faulted in again
    // on the next block, and page faults (dear on virtual machines) are what keeps the workers
    // from scaling. Up to 32 MB is kept; what a huge document needed beyond that is given back
    // once it is done.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
    settings s;
    CLI::App app{description, "quote-dump"};
    app.footer(footer);
    app.get_formatter()->column_width(28);
    app.set_version_flag("--version", std::string("quote-dump (whosaid) ") + WHOSAID_VERSION_STRING,
                         "Print the version and exit");
    app.add_option("INPUT", s.inputs, "Files, folders, or - for standard input (default: -)")->type_name("");
    app.add_flag("--jsonl", s.jsonl, "Inputs are JSON Lines records {\"id\", \"text\", ...}");
    app.add_option("-f,--format", s.format, "Output: jsonl, tsv or pretty (default: pretty on a terminal, else jsonl)")
        ->check(CLI::IsMember({"auto", "jsonl", "tsv", "pretty"}))
        ->type_name("FORMAT");
    app.add_option("-j,--jobs", s.jobs, "Worker threads (default or 0: all cores); the output never depends on it")
        ->check(CLI::Range(0U, 1024U))
        ->type_name("N");
    app.add_option("--lang", s.lang, "Language profile: en or ru (default: en)")
        ->check(CLI::IsMember({"en", "ru"}))
        ->type_name("LANG");
    app.add_flag("--sentences", s.sentences, "Print the sentences instead of the quotations");
    app.add_flag("--replace-invalid", s.replace_invalid,
                 "Process text that is not valid UTF-8 anyway, each bad byte as U+FFFD (default: an error record)");
    app.add_option("--color", s.color, "Colour in pretty output: auto, always or never (default: auto)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_option("--progress", s.progress, "Progress on stderr: auto, always or never (default: auto)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        std::fprintf(stderr, "quote-dump: %s\nTry 'quote-dump --help' for more information.\n", e.what());
        return exit_usage;
    }
    try {
        return run(s);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "quote-dump: internal error: %s\n", e.what());
        return exit_internal;
    }
}
