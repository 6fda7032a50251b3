// SPDX-License-Identifier: MIT
// Invalid UTF-8 through every engine: Markus Kuhn's stress cases (tests/data/utf8_stress.txt)
// and an exhaustive loop over 1- to 4-byte sequences. Under reject, every engine (sentence
// splitter, quote detector, speaker attributor, extractor) must report the first bad byte at its
// exact offset, the one utf8proc finds; under replace, every span of every engine must lie
// inside the input and never split a valid UTF-8 sequence (tests/fuzz/invariants.hpp).
#include "alloc_budget.hpp"  // one definition per executable: the suites share one TU (bundle_speakers.cpp)
#include "fuzz/invariants.hpp"
#include "test_support.hpp"

#include <whosaid/whosaid.hpp>

#include <catch2/catch.hpp>
#include <utf8proc.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_invalid_utf8 {

using namespace std::string_view_literals;
using whosaid::invalid_utf8;
using whosaid::language;
namespace utf8 = whosaid::utf8;

namespace {

/// One line of tests/data/utf8_stress.txt.
struct stress_case {
    std::string id;
    std::string bytes;
    std::size_t first_invalid = utf8::npos;  // offset in `bytes`, or npos when valid
    std::string what;
};

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

std::vector<stress_case> load_stress_cases() {
    const std::string file = whosaid_test::read_file(whosaid_test::data_dir() / "utf8_stress.txt");
    std::vector<stress_case> cases;
    std::size_t pos = 0;
    while (pos < file.size()) {
        std::size_t eol = file.find('\n', pos);
        if (eol == std::string::npos) eol = file.size();
        const std::string_view line(file.data() + pos, eol - pos);
        pos = eol + 1;
        if (trim(line).empty() || line.front() == '#') continue;
        std::vector<std::string> fields;
        std::size_t from = 0;
        for (std::size_t bar = line.find('|'); bar != std::string_view::npos; bar = line.find('|', from)) {
            fields.push_back(trim(line.substr(from, bar - from)));
            from = bar + 1;
        }
        fields.push_back(trim(line.substr(from)));
        REQUIRE(fields.size() == 4);
        stress_case c;
        c.id = fields[0];
        for (std::size_t i = 0; i < fields[1].size(); i += 3) {
            c.bytes.push_back(static_cast<char>(std::stoul(fields[1].substr(i, 2), nullptr, 16)));
        }
        c.first_invalid = fields[2] == "valid" ? utf8::npos : std::stoul(fields[2]);
        c.what = fields[3];
        cases.push_back(std::move(c));
    }
    return cases;
}

/// The offset of the first byte utf8proc refuses, or npos: the reference for every engine.
std::size_t reference_first_invalid(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp = -1;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) return i;
        i += static_cast<std::size_t>(n);
    }
    return utf8::npos;
}

/// Every engine under both policies, for one language.
struct engines {
    whosaid::sentence_splitter split_reject, split_replace;
    whosaid::quote_detector detect_reject, detect_replace;
    whosaid::speaker_attributor attr_reject, attr_replace;
    whosaid::extractor extract_reject, extract_replace;
    explicit engines(language lang)
        : split_reject({.lang = lang, .on_invalid = invalid_utf8::reject}),
          split_replace({.lang = lang, .on_invalid = invalid_utf8::replace}),
          detect_reject({.lang = lang, .on_invalid = invalid_utf8::reject}),
          detect_replace({.lang = lang, .on_invalid = invalid_utf8::replace}),
          attr_reject({.lang = lang, .on_invalid = invalid_utf8::reject}),
          attr_replace({.lang = lang, .on_invalid = invalid_utf8::replace}),
          extract_reject({.lang = lang, .on_invalid = invalid_utf8::reject}),
          extract_replace({.lang = lang, .on_invalid = invalid_utf8::replace}) {}

    /// "" when every engine under reject returns the error at `expected` (or a value when
    /// `expected` is npos). Cheap on invalid text: the engines stop after validation.
    [[nodiscard]] std::string reject_offsets(std::string_view text, std::size_t expected) const {
        const auto offset_of = [](const auto& r) { return r ? utf8::npos : r.error().offset; };
        const auto sentences = split_reject.split(text);
        if (offset_of(sentences) != expected) return "sentence_splitter";
        if (offset_of(detect_reject.detect(text)) != expected) return "quote_detector";
        const std::vector<whosaid::text_span> no_sentences;
        if (offset_of(attr_reject.attribute(text, no_sentences, {})) != expected) return "speaker_attributor";
        if (offset_of(extract_reject.extract(text)) != expected) return "extractor";
        return {};
    }

    /// Every invariant of every engine under both policies (tests/fuzz/invariants.hpp).
    [[nodiscard]] std::string all_invariants(std::string_view text) const {
        if (std::string e = whosaid_fuzz::check_splitter(split_reject, split_replace, text); !e.empty()) return e;
        const auto sentences = split_replace.split(text);
        if (std::string e = whosaid_fuzz::check_detector(detect_reject, detect_replace, text, *sentences); !e.empty()) return e;
        const auto quotes = detect_replace.detect(text, *sentences);
        if (std::string e = whosaid_fuzz::check_attributor(attr_reject, attr_replace, text, *sentences, *quotes); !e.empty()) return e;
        return whosaid_fuzz::check_extractor(extract_reject, extract_replace, text);
    }

    /// The replace-policy invariants from one extraction plus one detection without sentences:
    /// the cheap form for the exhaustive loop, which runs it on batches of sequences.
    [[nodiscard]] std::string replace_invariants(std::string_view text) const {
        const auto doc = extract_replace.extract(text);
        if (!doc) return "extractor (replace): returned an error";
        if (std::string e = whosaid_fuzz::check_sentences(text, doc->sentences); !e.empty()) return e;
        if (std::string e = whosaid_fuzz::check_quotes(text, doc->quotes, extract_replace.detector().options()); !e.empty()) return e;
        if (std::string e = whosaid_fuzz::check_attribution(text, doc->quotes, doc->quotations, doc->entities); !e.empty()) return e;
        const auto quotes = detect_replace.detect(text);
        if (!quotes) return "quote_detector (replace): returned an error";
        return whosaid_fuzz::check_quotes(text, *quotes, detect_replace.options());
    }
};

const engines& en_engines() {
    static const engines e(language::en);
    return e;
}
const engines& ru_engines() {
    static const engines e(language::ru);
    return e;
}

/// Where a sequence is put: text before and after it.
struct context {
    std::string_view before, after;
};
constexpr std::array<context, 8> contexts{{
    {""sv, ""sv},
    {"He said: \""sv, "\" today."sv},
    {"\xC2\xAB"sv, "\xC2\xBB, \xE2\x80\x94 \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB \xD0\xBE\xD0\xBD."sv},  // «…», — сказал он.
    {"\xE2\x80\x9CQuote "sv, ",\xE2\x80\x9D the minister said.\n\nNext."sv},
    {"aaaaaaaaaaaaaaaaaaaaa"sv, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"sv},  // straddles the 16-byte fast path
    {"Mr. Smith said:\n\xE2\x80\x94 "sv, " he added.\n\n"sv},
    {"\""sv, "\""sv},
    {"The U.S. "sv, ". 'Yes' \xE2\x80\xA6"sv},
}};

}  // namespace

TEST_CASE("invalid_utf8: the stress file agrees with utf8proc and find_invalid", "[invalid_utf8]") {
    const std::vector<stress_case> cases = load_stress_cases();
    REQUIRE(cases.size() >= 90);
    for (const stress_case& c : cases) {
        INFO("case " << c.id << ": " << c.what);
        CHECK(reference_first_invalid(c.bytes) == c.first_invalid);
        CHECK(utf8::find_invalid(c.bytes) == c.first_invalid);
        CHECK(utf8::is_valid(c.bytes) == (c.first_invalid == utf8::npos));
        const whosaid::error e = utf8::check(c.bytes, invalid_utf8::reject);
        if (c.first_invalid == utf8::npos) {
            CHECK(e.code == whosaid::errc::ok);
        } else {
            CHECK(e.code == whosaid::errc::invalid_utf8);
            CHECK(e.offset == c.first_invalid);
            CHECK(e.byte == static_cast<unsigned char>(c.bytes[c.first_invalid]));
        }
        // The sanitised copy is valid and replaces exactly the bytes that do not start a sequence.
        CHECK(utf8::is_valid(utf8::sanitize(c.bytes)));
    }
}

TEST_CASE("invalid_utf8: every engine reports each stress case at its exact offset, in every context",
          "[invalid_utf8]") {
    const std::vector<stress_case> cases = load_stress_cases();
    for (const stress_case& c : cases) {
        for (const context& ctx : contexts) {
            const std::string text = std::string(ctx.before) + c.bytes + std::string(ctx.after);
            const std::size_t expected =
                c.first_invalid == utf8::npos ? utf8::npos : ctx.before.size() + c.first_invalid;
            INFO("case " << c.id << " (" << c.what << ") after " << ctx.before.size() << " bytes of context");
            REQUIRE(reference_first_invalid(text) == expected);
            std::string en_reject, ru_reject, en_all, ru_all;
            bool out_of_budget = false;
            {
                const whosaid_test::alloc_budget budget(256U << 20U);
                try {
                    en_reject = en_engines().reject_offsets(text, expected);
                    ru_reject = ru_engines().reject_offsets(text, expected);
                    en_all = en_engines().all_invariants(text);
                    ru_all = ru_engines().all_invariants(text);
                } catch (const std::bad_alloc&) {
                    out_of_budget = true;
                }
            }
            REQUIRE_FALSE(out_of_budget);
            CHECK(en_reject.empty());
            CHECK(ru_reject.empty());
            CHECK(en_all.empty());
            CHECK(ru_all.empty());
        }
    }
}

namespace {

/// Byte values that stand for every class a byte after the lead can fall in: ASCII (NUL, a quote
/// mark, a letter, DEL), the continuation sub-ranges that E0/ED/F0/F4 treat differently
/// (80-8F, 90-9F, A0-BF), 2-, 3- and 4-byte leads, and bytes that are never valid.
constexpr std::array<unsigned, 16> class_reps{0x00, 0x22, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                              0xA0, 0xBF, 0xC0, 0xC2, 0xE2, 0xED, 0xF0, 0xFF};

/// Runs the reject check of one sequence in two contexts, and collects it into the current
/// replace batch; every 64 sequences the batch is checked under replace.
class exhaustive_runner {
public:
    void add(std::string_view seq) {
        for (const context& ctx : {contexts[0], contexts[1]}) {
            text_.assign(ctx.before).append(seq).append(ctx.after);
            const std::size_t expected = reference_first_invalid(text_);
            const std::size_t ours = utf8::find_invalid(text_);
            if (ours != expected) note("find_invalid", text_);
            std::string e;
            try {
                const whosaid_test::alloc_budget budget(64U << 20U);  // a runaway call fails fast
                e = en_engines().reject_offsets(text_, expected);
            } catch (const std::bad_alloc&) {
                e = "allocation budget exceeded";
            }
            if (!e.empty()) note(e, text_);
        }
        batch_.append(batch_.size() % 3 == 0 ? " \"" : (batch_.size() % 3 == 1 ? "\xE2\x80\x9C" : " x. ")).append(seq);
        if (++in_batch_ == 64) flush();
        ++sequences_;
    }
    void flush() {
        if (in_batch_ == 0) return;
        batch_.append("\" he said.");
        std::string e;
        try {
            const whosaid_test::alloc_budget budget(64U << 20U);
            e = en_engines().replace_invariants(batch_);
        } catch (const std::bad_alloc&) {
            e = "allocation budget exceeded";
        }
        if (!e.empty()) note(e, batch_);
        batch_.clear();
        in_batch_ = 0;
    }
    [[nodiscard]] std::size_t failures() const { return failures_; }
    [[nodiscard]] std::size_t sequences() const { return sequences_; }
    [[nodiscard]] const std::string& first_failure() const { return first_; }

private:
    void note(const std::string& what, std::string_view text) {
        if (failures_++ == 0) {
            first_ = what + " on bytes:";
            // Appended, not " " + …: g++ 12 at -O3 warns falsely there (-Wrestrict, GCC bug 105651).
            for (char c : text.substr(0, 80)) first_.append(" ").append(std::to_string(static_cast<unsigned char>(c)));
        }
    }

    std::string text_;
    std::string batch_;
    std::size_t in_batch_ = 0;
    std::size_t sequences_ = 0;
    std::size_t failures_ = 0;
    std::string first_;
};

}  // namespace

TEST_CASE("invalid_utf8: exhaustive 1- to 4-byte sequences through every engine", "[invalid_utf8]") {
    exhaustive_runner run;  // each engine call runs under its own allocation budget
    {
        {
            std::array<char, 4> b{};
            // Every 1- and 2-byte sequence.
            for (unsigned x = 0; x < 256; ++x) {
                b[0] = static_cast<char>(x);
                run.add(std::string_view(b.data(), 1));
                for (unsigned y = 0; y < 256; ++y) {
                    b[1] = static_cast<char>(y);
                    run.add(std::string_view(b.data(), 2));
                }
            }
            // 3 bytes: every non-ASCII lead and every second byte, the third from each class.
            for (unsigned x = 0x80; x < 256; ++x) {
                for (unsigned y = 0; y < 256; ++y) {
                    for (unsigned z : class_reps) {
                        b = {static_cast<char>(x), static_cast<char>(y), static_cast<char>(z), 0};
                        run.add(std::string_view(b.data(), 3));
                    }
                }
            }
            // 4 bytes: every 4-byte lead F0-FF and every second byte, the others from each class.
            for (unsigned x = 0xF0; x < 256; ++x) {
                for (unsigned y = 0; y < 256; ++y) {
                    for (unsigned z : class_reps) {
                        for (unsigned w : class_reps) {
                            b = {static_cast<char>(x), static_cast<char>(y), static_cast<char>(z), static_cast<char>(w)};
                            run.add(std::string_view(b.data(), 4));
                        }
                    }
                }
            }
            run.flush();
        }
    }
    INFO(run.first_failure());
    CHECK(run.sequences() == 256 + 65536 + 128 * 256 * 16 + 16 * 256 * 16 * 16);
    CHECK(run.failures() == 0);
}

}  // namespace test_invalid_utf8
