// SPDX-License-Identifier: MIT
// Speaker attribution on the bundled sample corpus (tests/data/sample + sample.gold.jsonl), end
// to end through the extractor. Targets (issue #4): every direct quotation with the right speaker
// (15/15), at least 10 of the 11 non-optional indirect quotations found with the right speaker,
// no term given a speaker. The matching rules are the corpus README's: trim white space and
// punctuation; a direct quotation or term matches when the overlap covers half of the longer
// span, an indirect one when it covers half of the gold span and a third of the predicted one; a
// speaker is right when it names the gold speaker (same surname, no conflicting given name,
// Aleksandr = Alexander).
#include "../benchmarks/gold.hpp"
#include "test_support.hpp"

#include <whosaid/whosaid.hpp>

#include <catch2/catch.hpp>

#include <simdjson.h>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_attribution_sample {

namespace {

struct gold_span {
    whosaid::text_span span;
    std::string text;
};

struct gold_item {
    whosaid::text_span content;
    std::string kind;
    bool optional = false;
    std::optional<std::string> speaker;
    std::optional<gold_span> mention, cue, addressee;
};

struct gold_doc {
    std::string file;
    std::string text;
    std::vector<gold_item> quotes;
};

std::optional<gold_span> span_field(simdjson::ondemand::value v) {
    simdjson::ondemand::object o;
    if (v.get_object().get(o) != simdjson::SUCCESS) return std::nullopt;
    gold_span g;
    for (auto field : o) {
        const std::string_view key = field.unescaped_key().value();
        if (key == "start") g.span.begin = static_cast<std::size_t>(field.value().get_uint64().value());
        else if (key == "end") g.span.end = static_cast<std::size_t>(field.value().get_uint64().value());
        else if (key == "text") g.text = std::string(field.value().get_string().value());
    }
    return g;
}

std::vector<gold_doc> load_sample() {
    std::vector<gold_doc> docs;
    whosaid_bench::for_each_jsonl(whosaid_test::data_dir() / "sample.gold.jsonl", [&](simdjson::ondemand::object& obj, std::size_t) {
        gold_doc d;
        for (auto field : obj) {
            const std::string_view key = field.unescaped_key().value();
            if (key == "file") {
                d.file = std::string(field.value().get_string().value());
            } else if (key == "quotes") {
                for (auto element : field.value().get_array()) {
                    gold_item q;
                    for (auto f : element.get_object()) {
                        const std::string_view k = f.unescaped_key().value();
                        simdjson::ondemand::value v = f.value();
                        if (k == "start") q.content.begin = static_cast<std::size_t>(v.get_uint64().value());
                        else if (k == "end") q.content.end = static_cast<std::size_t>(v.get_uint64().value());
                        else if (k == "kind") q.kind = std::string(v.get_string().value());
                        else if (k == "optional") q.optional = v.get_bool().value();
                        else if (k == "speaker") {
                            std::string_view sv;
                            if (v.get_string().get(sv) == simdjson::SUCCESS) q.speaker = std::string(sv);
                        } else if (k == "mention") q.mention = span_field(v);
                        else if (k == "cue") q.cue = span_field(v);
                        else if (k == "addressee") q.addressee = span_field(v);
                    }
                    d.quotes.push_back(std::move(q));
                }
            }
        }
        d.text = whosaid_test::read_file(whosaid_test::data_dir() / d.file);
        docs.push_back(std::move(d));
    });
    return docs;
}

bool matches(std::string_view text, whosaid::text_span gold, whosaid::text_span pred, double gold_cover, double pred_cover) {
    const whosaid::text_span g = whosaid_eval::trim(text, gold);
    const whosaid::text_span p = whosaid_eval::trim(text, pred);
    const std::size_t ov = g.overlap(p);
    return ov > 0 && static_cast<double>(ov) >= gold_cover * static_cast<double>(g.size()) &&
           static_cast<double>(ov) >= pred_cover * static_cast<double>(p.size());
}

}  // namespace

TEST_CASE("attribution_sample: speakers of the sample corpus", "[attribution_sample]") {
    const auto docs = load_sample();
    REQUIRE(docs.size() == 5);
    const whosaid::extractor ex;
    std::size_t direct = 0, direct_right = 0, direct_mention_exact = 0, direct_cue_exact = 0;
    std::size_t indirect = 0, indirect_right = 0, optional_found = 0;
    std::size_t terms = 0, terms_with_speaker = 0;
    std::size_t addressees = 0, addressees_right = 0;
    for (const auto& d : docs) {
        const auto r = ex.extract(d.text);
        REQUIRE(r.has_value());
        for (const auto& g : d.quotes) {
            if (g.kind == "term") {
                ++terms;
                for (const auto& q : r->quotations) {
                    if (!matches(d.text, g.content, q.content, 0.5, 0.5)) continue;
                    if (q.speaker >= 0 || q.mention) {
                        ++terms_with_speaker;
                        UNSCOPED_INFO(d.file << ": term \"" << whosaid::view_of(d.text, g.content) << "\" got a speaker");
                    }
                }
                continue;
            }
            const bool is_direct = g.kind == "direct";
            const double pred_cover = is_direct ? 0.5 : 1.0 / 3.0;
            const whosaid::quotation* found = nullptr;
            for (const auto& q : r->quotations) {
                if (q.kind == whosaid::quote_kind::term) continue;
                if (matches(d.text, g.content, q.content, 0.5, pred_cover)) {
                    found = &q;
                    break;
                }
            }
            const bool right = found != nullptr && g.speaker && whosaid_eval::same_speaker(*g.speaker, r->speaker_name(d.text, *found));
            if (is_direct) {
                ++direct;
                if (right) ++direct_right;
                else UNSCOPED_INFO(d.file << ": direct quote at " << g.content.begin << " not attributed to " << g.speaker.value_or("?"));
                if (found != nullptr && found->mention && g.mention && *found->mention == g.mention->span) ++direct_mention_exact;
                if (found != nullptr && found->cue && g.cue && *found->cue == g.cue->span) ++direct_cue_exact;
            } else if (g.optional) {
                if (right) ++optional_found;
            } else {
                ++indirect;
                if (right) ++indirect_right;
                else UNSCOPED_INFO(d.file << ": indirect quote at " << g.content.begin << " not found with speaker " << g.speaker.value_or("?"));
            }
            if (g.addressee) {
                ++addressees;
                if (found != nullptr && found->addressee && *found->addressee == g.addressee->span) ++addressees_right;
            }
        }
    }
    std::printf("sample: direct with the right speaker %zu/%zu (mention span exact %zu, cue span exact %zu); "
                "indirect %zu/%zu (+%zu of 11 optional); terms with a speaker %zu/%zu; addressee %zu/%zu\n",
                direct_right, direct, direct_mention_exact, direct_cue_exact, indirect_right, indirect, optional_found,
                terms_with_speaker, terms, addressees_right, addressees);
    CHECK(direct == 15);
    CHECK(indirect == 11);
    CHECK(terms == 7);
    CHECK(direct_right == 15);
    // 14, not 15: the gold mention of "“We have made much headway in this regard,” he added."
    // (003, offset 716) points at the "he" of "headway"; the attributor finds the real "he" (743).
    CHECK(direct_mention_exact >= 14);
    CHECK(direct_cue_exact == 15);
    CHECK(indirect_right >= 10);
    CHECK(terms_with_speaker == 0);
    CHECK(addressees_right == addressees);
}

TEST_CASE("attribution_sample: the entity table names each speaker once, as first written in full", "[attribution_sample]") {
    const auto docs = load_sample();
    const whosaid::extractor ex;
    for (const auto& d : docs) {
        const auto r = ex.extract(d.text);
        REQUIRE(r.has_value());
        std::vector<std::string> names;
        for (const auto& e : r->entities) {
            const std::string name(whosaid::view_of(d.text, e.name));
            CHECK(std::find(names.begin(), names.end(), name) == names.end());
            names.push_back(name);
        }
        if (d.file.find("001_") != std::string::npos) {
            // "Lukashenko:" opens the article; the full name comes later and is the canonical one.
            REQUIRE_FALSE(r->entities.empty());
            CHECK(whosaid::view_of(d.text, r->entities.front().name) == "Aleksandr Lukashenko");
            REQUIRE(r->entities.front().role.has_value());
            CHECK(whosaid::view_of(d.text, *r->entities.front().role) == "President");
        }
    }
}

}  // namespace test_attribution_sample
