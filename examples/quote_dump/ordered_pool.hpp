// SPDX-License-Identifier: MIT
// A bounded, ordered worker pool: jobs are submitted in order, processed by N threads in any
// order, and their results written in submission order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace quote_dump {

/// Runs `process(worker_index, job) -> result` on `workers` threads and `write(result&&)` in
/// the order the jobs were submitted, so the output of N workers is identical to that of one.
///
/// There is no writer thread: the worker that completes the oldest unwritten job writes it and
/// every later result that is already done, while the others go on processing. So N workers
/// use N threads (plus the submitting one, which mostly waits), and on N cores no thread
/// competes with the workers for a core. `write` is never called by two threads at once, and
/// each call happens after the previous one (it may keep unsynchronised state).
///
/// Memory is bounded: at most `window` jobs are in flight (submitted and not yet written), and
/// at most `max_bytes` of job payload (as measured by `job_bytes`), except that one job is
/// always admitted however large, so the bound is set by the largest job, never by the number
/// of jobs. `submit` blocks while the window is full. A job is destroyed as soon as it is
/// processed, a result as soon as it is written.
///
/// An exception thrown by `process` or `write` stops the pool; `finish()` rethrows it.
template <class Job, class Result>
class ordered_pool {
public:
    using process_fn = std::function<Result(std::size_t worker, Job& job)>;
    using write_fn = std::function<void(Result&& result)>;
    using bytes_fn = std::function<std::size_t(const Job& job)>;

    ordered_pool(std::size_t workers, std::size_t window, std::size_t max_bytes, process_fn process, write_fn write,
                 bytes_fn job_bytes)
        : slots_(window < 1 ? 1 : window),
          max_bytes_(max_bytes),
          process_(std::move(process)),
          write_(std::move(write)),
          job_bytes_(std::move(job_bytes)) {
        if (workers < 1) workers = 1;
        threads_.reserve(workers);
        for (std::size_t w = 0; w < workers; ++w) threads_.emplace_back([this, w] { work(w); });
    }

    ordered_pool(const ordered_pool&) = delete;
    ordered_pool& operator=(const ordered_pool&) = delete;

    ~ordered_pool() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            closing_ = true;
            failed_ = failed_ || !finished_;
        }
        wake_all();
        for (std::thread& t : threads_) {
            if (t.joinable()) t.join();
        }
    }

    /// Queues `job`; blocks while the window is full. Returns false when the pool has stopped
    /// because of an exception (call `finish()` to get it).
    bool submit(Job job) {
        const std::size_t bytes = job_bytes_(job);
        std::unique_lock<std::mutex> lock(mutex_);
        can_submit_.wait(lock, [&] {
            if (failed_) return true;
            const std::uint64_t in_flight = submitted_ - written_;
            if (in_flight >= slots_.size()) return false;
            return in_flight == 0 || in_flight_bytes_ + bytes <= max_bytes_;
        });
        if (failed_) return false;
        slot& s = slots_[submitted_ % slots_.size()];
        s.job = std::move(job);
        s.bytes = bytes;
        s.done = false;
        ++submitted_;
        in_flight_bytes_ += bytes;
        lock.unlock();
        can_take_.notify_one();
        return true;
    }

    /// Waits until every submitted job is written, stops the threads, and rethrows the first
    /// exception raised by `process` or `write`, if any.
    void finish() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            closing_ = true;
        }
        wake_all();
        for (std::thread& t : threads_) {
            if (t.joinable()) t.join();
        }
        finished_ = true;
        if (error_) std::rethrow_exception(error_);
    }

private:
    struct slot {
        Job job{};
        Result result{};
        std::size_t bytes = 0;
        bool done = false;
    };

    void wake_all() {
        can_submit_.notify_all();
        can_take_.notify_all();
    }

    void fail(std::exception_ptr e) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (!error_) error_ = std::move(e);
            failed_ = true;
        }
        wake_all();
    }

    void work(std::size_t worker) {
        for (;;) {
            std::uint64_t index = 0;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                // Closing and nothing left to take: the last results were written by the
                // workers that completed them.
                can_take_.wait(lock, [&] { return failed_ || taken_ < submitted_ || closing_; });
                if (failed_ || taken_ == submitted_) return;
                index = taken_++;
            }
            slot& s = slots_[index % slots_.size()];
            try {
                // The slot is ours alone until it is marked done: the submitter does not reuse it
                // before its result is written.
                Result r = process_(worker, s.job);
                s.job = Job{};
                std::unique_lock<std::mutex> lock(mutex_);
                s.result = std::move(r);
                s.done = true;
                if (!writing_) write_ready(lock);
            } catch (...) {
                fail(std::current_exception());
                return;
            }
        }
    }

    // Writes the results that are next in order and done, one after the other, the lock
    // released while each is written. Called with the lock held and `writing_` false; only one
    // thread at a time is the writer. A worker that completes a result while another writes
    // leaves it to that writer, which checks again under the lock before it stops.
    void write_ready(std::unique_lock<std::mutex>& lock) {
        writing_ = true;
        while (!failed_ && written_ < submitted_ && slots_[written_ % slots_.size()].done) {
            slot& s = slots_[written_ % slots_.size()];
            Result r = std::move(s.result);
            s.result = Result{};
            s.done = false;
            const std::size_t bytes = s.bytes;
            lock.unlock();
            try {
                write_(std::move(r));
            } catch (...) {
                lock.lock();
                writing_ = false;
                throw;
            }
            r = Result{};  // freed before the next job is admitted
            lock.lock();
            ++written_;
            in_flight_bytes_ -= bytes;
            can_submit_.notify_one();
        }
        writing_ = false;
    }

    std::vector<slot> slots_;
    std::size_t max_bytes_;
    process_fn process_;
    write_fn write_;
    bytes_fn job_bytes_;
    std::vector<std::thread> threads_;

    std::mutex mutex_;
    std::condition_variable can_submit_;
    std::condition_variable can_take_;
    std::uint64_t submitted_ = 0;  // jobs queued so far
    std::uint64_t taken_ = 0;      // jobs handed to a worker
    std::uint64_t written_ = 0;    // results written
    std::size_t in_flight_bytes_ = 0;
    bool writing_ = false;  // a worker is writing results
    bool closing_ = false;
    bool failed_ = false;
    bool finished_ = false;
    std::exception_ptr error_;
};

}  // namespace quote_dump
