// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// The speaker attributor's engine: language tables → lexicon at construction; per text, one
/// tokenization pass, name chunks, then the direct, indirect and continuation passes and the
/// coreference of mentions to entities. Included by attribution.hpp after the public types.

#include "whosaid/config.hpp"
#include "whosaid/detail/attribution_lexicon.hpp"
#include "whosaid/detail/attribution_types.hpp"
#include "whosaid/detail/cues_en.hpp"
#include "whosaid/detail/cues_ru.hpp"
#include "whosaid/detail/names_en.hpp"
#include "whosaid/detail/names_ru.hpp"
#include "whosaid/detail/words_en.hpp"
#include "whosaid/detail/words_ru.hpp"
#include "whosaid/error.hpp"
#include "whosaid/paragraphs.hpp"
#include "whosaid/quotes.hpp"
#include "whosaid/span.hpp"
#include "whosaid/unicode.hpp"
#include "whosaid/utf8.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

WHOSAID_BEGIN_NAMESPACE

namespace detail::attr {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

/// A half-open range of token indices.
struct tspan {
    std::size_t b = 0;
    std::size_t e = 0;
    [[nodiscard]] bool empty() const noexcept { return e <= b; }
    [[nodiscard]] std::size_t size() const noexcept { return e > b ? e - b : 0; }
};

/// A small open-addressing map from integer keys to int32 values (one allocation, no nodes),
/// for the per-text indexes (surnames, organisations). A slot is in use when it carries the
/// map's current generation, so that `clear` is O(1): clearing every slot of the two maps
/// after each text was 0.5% of the attributor's instructions on BBC's articles.
template <class Key>
class flat_map {
public:
    /// The value of `key`, inserting `fresh` when absent. References stay valid until the next
    /// insertion.
    std::int32_t& at_or_insert(Key key, std::int32_t fresh) {
        if ((size_ + 1) * 2 > slots_.size()) grow();
        std::size_t s = index(key);
        while (slots_[s].gen == gen_) {
            if (slots_[s].key == key) return slots_[s].value;
            s = (s + 1) & (slots_.size() - 1);
        }
        slots_[s] = {key, fresh, gen_};
        ++size_;
        return slots_[s].value;
    }
    /// Empties the map in O(1): its slots are kept for reuse when there are at most 1,024 of
    /// them, freed otherwise (a huge text's index does not stay allocated for the small texts
    /// after it).
    void clear() noexcept {
        if (size_ == 0) return;
        if (slots_.size() > 1024) {
            std::vector<slot>().swap(slots_);
        } else if (++gen_ == 0) {
            // (After 2^32 clears: no slot may carry the new generation by chance.)
            for (slot& s : slots_) s.gen = 0;
            gen_ = 1;
        }
        size_ = 0;
    }
    /// The value of `key`, or nullptr.
    [[nodiscard]] const std::int32_t* find(Key key) const noexcept {
        if (slots_.empty()) return nullptr;
        std::size_t s = index(key);
        while (slots_[s].gen == gen_) {
            if (slots_[s].key == key) return &slots_[s].value;
            s = (s + 1) & (slots_.size() - 1);
        }
        return nullptr;
    }

private:
    struct slot {
        Key key{};
        std::int32_t value = 0;
        std::uint32_t gen = 0;  ///< In use when equal to the map's `gen_` (never 0).
    };
    [[nodiscard]] std::size_t index(Key key) const noexcept {
        const auto h = static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ULL;
        return static_cast<std::size_t>(h >> 32U) & (slots_.size() - 1);
    }
    void grow() {
        std::vector<slot> old = std::move(slots_);
        const std::uint32_t old_gen = gen_;
        slots_.assign(old.empty() ? 64 : old.size() * 2, slot{});
        gen_ = 1;
        size_ = 0;
        for (const slot& o : old) {
            if (o.gen == old_gen) at_or_insert(o.key, o.value);
        }
    }
    std::vector<slot> slots_;
    std::size_t size_ = 0;
    std::uint32_t gen_ = 1;
};

/// A multi-word cue compiled to lexicon ids.
struct phrase {
    std::vector<std::int32_t> words;
    phrase_role role = phrase_role::speaker_before;
};

/// How a quotation was attributed (internal; sets the confidence).
enum class frame_type : std::uint8_t {
    direct_tail,      ///< "…," X said.
    direct_head,      ///< X said: "…"
    direct_colon,     ///< X concluded:  ¶  – …
    continuation,     ///< a quote right after one by X
    next_sentence,    ///< "…" X said this at …
    unattributed,     ///< nobody found
    indirect_after,   ///< X said (that) CLAUSE
    indirect_before,  ///< CLAUSE, X said.
    indirect_source,  ///< According to X, CLAUSE
    indirect_ing,     ///< …, adding that CLAUSE
    indirect_prev,    ///< CLAUSE. This opinion was expressed by X.
    indirect_headline,///< X: CLAUSE (a headline)
    indirect_question,///< Asked whether CLAUSE, … (the asker often unnamed)
    term,             ///< not speech
};

/// One attribution found in the text (becomes one `quotation`).
struct frame {
    text_span content;
    text_span gap{};              ///< Between the pieces of a quotation interrupted by its cue.
    frame_type type = frame_type::unattributed;
    quote_kind kind = quote_kind::direct;
    tspan cue;                    ///< Token range of the cue (empty when none).
    tspan mention;                ///< Token range of the speaker mention (empty when none).
    tspan addressee;              ///< Token range of the addressee.
    std::int32_t quote = -1;      ///< Index into the caller's quotes.
    std::int32_t inherit = -1;    ///< Frame whose speaker this one continues.
    std::size_t sentence = npos;  ///< Sentence of the cue (or the quote).
    std::int32_t cluster = -1;    ///< Resolved entity cluster.
    float confidence = 0;
    bool dropped = false;
};

/// A run of capitalised words ("Belarusian Minister of Foreign Affairs Sergei Aleinik").
struct chunk {
    tspan all;          ///< The whole run.
    tspan name;         ///< The person-name part ("Sergei Aleinik"); empty when not a person.
    tspan role;         ///< The role ("Minister of Foreign Affairs"); empty when none stated.
    std::int32_t role_lex = -1;  ///< Lexicon id of the role's title word ("minister").
    word_class role_cls = 0;     ///< Classes of that title word.
    std::uint32_t surname = 0;   ///< Key of the surname (last name token).
    std::uint32_t given = 0;     ///< Key of the given name's first letters (0 when none).
    entity_kind kind = entity_kind::other;
    std::uint8_t gender = 0;     ///< 0 unknown, 1 male, 2 female.
    bool evidence = false;       ///< Given name, title or honorific: surely a person.
};

/// An entity being built: people are keyed by surname, organisations by their words.
struct cluster {
    entity_kind kind = entity_kind::person;
    text_span name;
    std::optional<text_span> role;
    std::uint32_t surname = 0;
    std::uint32_t given = 0;
    std::uint64_t org_key = 0;
    std::int32_t out = -1;
    std::int32_t next_same = -1;  ///< Next person cluster with the same surname.
    std::uint8_t gender = 0;
};

/// Per-text working state.
struct doc_state {
    std::string_view text;
    std::vector<token> tok;
    std::vector<tspan> para_tok;
    std::vector<tspan> sent_tok;
    std::vector<std::uint32_t> sent_para;  ///< Paragraph of each sentence.
    struct qinfo {
        std::int32_t orig = -1;
        text_span outer;
        text_span content;
        tspan otok;       ///< Tokens inside the outer span (marks included).
        bool speech = true;
        bool top = true;
        std::size_t top_index = 0;  ///< Index in `qs` of the top-level quotation holding it (itself when `top`).
        std::size_t para_first = 0;
        std::size_t para_last = 0;
        std::int32_t frame = -1;
    };
    std::vector<qinfo> qs;  ///< Sorted by outer.begin.
    std::vector<chunk> chunks;
    std::vector<frame> frames;
    std::vector<cluster> clusters;
    bool by_surname_built = false;
};

struct scratch;

/// The immutable engine behind `speaker_attributor`.
class engine {
public:
    explicit engine(attribution_options o) : opt_(std::move(o)) {
        if (opt_.lang == language::ru) load_ru();
        else load_en();
        for (std::size_t i = 0; i < opt_.extra_verbs.size(); ++i) {
            const std::string w = checked_word(opt_.extra_verbs[i], "extra_verbs", i);
            lex_.add(w, w_cue | w_form_past);
        }
        for (std::size_t i = 0; i < opt_.extra_titles.size(); ++i) {
            const std::string w = checked_word(opt_.extra_titles[i], "extra_titles", i);
            lex_.add(w, w_title | w_nominal);
        }
        for (std::size_t i = 0; i < opt_.extra_phrases.size(); ++i) {
            add_phrase(checked_phrase(opt_.extra_phrases[i], "extra_phrases", i), phrase_role::speaker_before);
        }
        for (std::size_t i = 0; i < opt_.extra_source_phrases.size(); ++i) {
            add_phrase(checked_phrase(opt_.extra_source_phrases[i], "extra_source_phrases", i),
                       phrase_role::speaker_after);
        }
        for (std::size_t i = 0; i < opt_.extra_cue_patterns.size(); ++i) {
            RE2::Options ro;
            ro.set_log_errors(false);
            ro.set_encoding(RE2::Options::EncodingUTF8);
            auto re = std::make_unique<const RE2>(opt_.extra_cue_patterns[i], ro);
            if (!re->ok()) {
                WHOSAID_THROW(config_error("attribution_options::extra_cue_patterns[" + std::to_string(i) +
                                           "]: " + re->error()));
            }
            patterns_.push_back(std::move(re));
        }
        build_phrase_index();
        build_anchors();
        lex_.freeze();
    }

    [[nodiscard]] const attribution_options& options() const noexcept { return opt_; }

    /// Attribution of a text already checked (or to be read under the replacement policy).
    /// With `paragraphs`, also stores the text's paragraphs there (the `split_paragraphs`
    /// spans, which the tokens give for free). With `work`, its buffers are reused (else a
    /// local set is allocated for the call).
    [[nodiscard]] attribution run(std::string_view text, std::span<const text_span> sentences,
                                  std::span<const quote> quotes, std::vector<text_span>* paragraphs = nullptr,
                                  scratch* work = nullptr) const;

    // Internal accessors used by the runner.
    [[nodiscard]] const lexicon& lex() const noexcept { return lex_; }
    [[nodiscard]] const std::vector<phrase>& phrases() const noexcept { return phrases_; }
    [[nodiscard]] const std::vector<std::uint32_t>& phrase_index() const noexcept { return phrase_index_; }
    [[nodiscard]] const std::vector<std::unique_ptr<const RE2>>& patterns() const noexcept { return patterns_; }
    [[nodiscard]] bool russian() const noexcept { return opt_.lang == language::ru; }
    [[nodiscard]] const anchor_filter& anchors() const noexcept { return anchors_; }

private:
    static std::string checked_word(std::string_view w, const char* field, std::size_t i) {
        const auto fail = [&](const char* why) {
            WHOSAID_THROW(config_error("attribution_options::" + std::string(field) + "[" + std::to_string(i) +
                                       "]: " + why + ": \"" + std::string(w) + "\""));
        };
        if (w.empty()) fail("empty word");
        if (!utf8::is_valid(w)) fail("not valid UTF-8");
        if (w.size() > max_word) fail("longer than 48 bytes");
        for (std::size_t k = 0; k < w.size();) {
            const utf8::codepoint cp = utf8::decode(w, k);
            const bool inner = k > 0 && k + cp.length < w.size();
            if (!unicode::is_word(cp.value) && !(inner && (cp.value == '-' || cp.value == '\'' || cp.value == 0x2019))) {
                fail("not a single word (letters, digits, inner - or ')");
            }
            k += cp.length;
        }
        const std::string lw = lower_copy(w);
        // The tokenizer folds ’ into ' inside words.
        std::string out;
        for (std::size_t k = 0; k < lw.size();) {
            if (lw.compare(k, 3, "\xE2\x80\x99") == 0) {
                out += '\'';
                k += 3;
            } else {
                out += lw[k++];
            }
        }
        return out;
    }

    static std::vector<std::string> checked_phrase(std::string_view p, const char* field, std::size_t i) {
        std::vector<std::string> words;
        std::size_t k = 0;
        while (k <= p.size()) {
            const std::size_t sp = p.find(' ', k);
            const std::string_view w = p.substr(k, sp == std::string_view::npos ? std::string_view::npos : sp - k);
            words.push_back(checked_word(w, field, i));
            if (sp == std::string_view::npos) break;
            k = sp + 1;
        }
        if (words.size() < 2 || words.size() > 8) {
            WHOSAID_THROW(config_error("attribution_options::" + std::string(field) + "[" + std::to_string(i) +
                                       "]: a phrase needs 2 to 8 words separated by single spaces: \"" +
                                       std::string(p) + "\""));
        }
        return words;
    }

    static std::vector<std::string> split_words(std::string_view p) {
        std::vector<std::string> words;
        std::size_t k = 0;
        while (k < p.size()) {
            std::size_t sp = p.find(' ', k);
            if (sp == std::string_view::npos) sp = p.size();
            if (sp > k) words.emplace_back(p.substr(k, sp - k));
            k = sp + 1;
        }
        return words;
    }

    void add_phrase(const std::vector<std::string>& words, phrase_role role) {
        phrase ph;
        ph.role = role;
        for (const auto& w : words) ph.words.push_back(lex_.add(w, w_known));
        if (ph.words.empty()) return;
        phrases_.push_back(std::move(ph));
    }

    void build_phrase_index() {
        // Group phrases by first word, longest first, and record the range in the entry.
        std::vector<std::uint32_t> order(phrases_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            if (phrases_[a].words[0] != phrases_[b].words[0]) return phrases_[a].words[0] < phrases_[b].words[0];
            return phrases_[a].words.size() > phrases_[b].words.size();
        });
        phrase_index_ = order;
        for (std::size_t i = 0; i < order.size();) {
            const std::int32_t first = phrases_[order[i]].words[0];
            std::size_t j = i;
            while (j < order.size() && phrases_[order[j]].words[0] == first) ++j;
            if (j - i > UINT16_MAX) {
                WHOSAID_THROW(config_error("attribution_options: more than 65,535 cue phrases start with the word \"" +
                                           std::string(lex_.key(first)) + "\""));
            }
            lex_entry& e = lex_.entry(first);
            e.cls |= w_phrase;
            e.phrase_first = static_cast<std::uint32_t>(i);
            e.phrase_count = static_cast<std::uint16_t>(j - i);
            i = j;
        }
        for (const auto& ph : phrases_) {
            for (std::size_t k = 1; k < ph.words.size(); ++k) {
                lex_entry& e = lex_.entry(ph.words[k]);
                e.phrase_back = std::max(e.phrase_back, static_cast<std::uint16_t>(k));
            }
        }
    }

    /// The words the prefilter looks for: every reporting verb form of 3 letters or more
    /// (not the quote-only ones), and the longest word of each multi-word cue.
    void build_anchors() {
        const auto letters = [](std::string_view w) {
            std::size_t n = 0;
            for (std::size_t k = 0; k < w.size(); k += utf8::decode(w, k).length) ++n;
            return n;
        };
        const auto mark = [&](std::int32_t id) {
            if ((lex_.entry(id).cls & w_anchor) != 0) return;
            lex_.entry(id).cls |= w_anchor;
            anchors_.add(lex_.key(id));
        };
        for (std::size_t id = 0; id < lex_.size(); ++id) {
            const auto i = static_cast<std::int32_t>(id);
            const word_class c = lex_.entry(i).cls;
            if ((c & w_cue) != 0 && (c & w_cue_quote) == 0 && letters(lex_.key(i)) >= 3) mark(i);
        }
        // A phrase is found through its reporting verb when it has one ("went on to say"), else
        // through its last content word ("according", "attention", "expressed"): the first is
        // often a common verb ("made", "drew").
        constexpr word_class function = w_det | w_aux | w_be | w_prep | w_of | w_conj | w_pron | w_that | w_rel | w_stop | w_adv;
        for (const auto& ph : phrases_) {
            if (ph.role == phrase_role::adjunct) continue;
            std::int32_t best = -1;
            for (const std::int32_t w : ph.words) {
                const word_class c = lex_.entry(w).cls;
                if ((c & w_cue) != 0 && (c & w_cue_nouny) == 0 && letters(lex_.key(w)) >= 3) {
                    best = w;
                    break;
                }
                if ((c & function) != 0 || letters(lex_.key(w)) < 3) continue;
                best = w;
            }
            if (best >= 0) mark(best);
        }
    }

    void add_words(std::span<const word_row> rows) {
        for (const auto& r : rows) lex_.add(r.word, r.cls);
    }

    void load_en() {
        add_words(en::function_words);
        add_words(en::name_words);
        for (const auto n : en::male_names) lex_.add(n, w_given | w_male);
        for (const auto n : en::female_names) lex_.add(n, w_given | w_female);
        for (const auto& v : en::verbs) {
            word_class common = w_cue;
            if ((v.cls & verb_tell) != 0) common |= w_cue_tell;
            if ((v.cls & verb_quote) != 0) common |= w_cue_quote;
            if ((v.cls & verb_fragment) != 0) common |= w_cue_fragment;
            if ((v.cls & verb_commit) != 0) common |= w_cue_commit;
            if ((v.cls & verb_object) != 0) common |= w_cue_object;
            const word_class nouny = (v.cls & verb_nouny) != 0 ? w_cue_nouny : 0;
            const word_class pastadj = (v.cls & verb_pastadj) != 0 ? w_cue_nouny : 0;
            if (!v.base.empty()) lex_.add(v.base, common | w_form_base | nouny);
            if (!v.s.empty()) lex_.add(v.s, common | w_form_s | nouny);
            if (!v.past.empty()) lex_.add(v.past, common | w_form_past | pastadj);
            if (!v.participle.empty()) lex_.add(v.participle, common | w_form_past | pastadj);
            if (!v.ing.empty()) lex_.add(v.ing, common | w_form_ing);
        }
        for (const auto& p : en::phrases) add_phrase(split_words(p.words), p.role);
    }

    void load_ru() {
        add_words(ru::function_words);
        add_words(ru::name_words);
        for (const auto& r : ru::inflected) {
            for (const auto ending : ru::paradigms[r.paradigm]) {
                std::string w(r.stem);
                w += ending;
                lex_.add(w, r.cls);
            }
        }
        for (const auto& v : ru::verbs) {
            word_class common = w_cue;
            if ((v.cls & verb_tell) != 0) common |= w_cue_tell;
            if ((v.cls & verb_quote) != 0) common |= w_cue_quote;
            for (const auto f : {v.masc, v.fem, v.neut, v.plural}) {
                if (!f.empty()) lex_.add(f, common | w_form_past);
            }
            if (!v.pres3.empty()) lex_.add(v.pres3, common | w_form_s);
            if (!v.pres3pl.empty()) lex_.add(v.pres3pl, common | w_form_base);
        }
        for (const auto g : ru::gerunds) lex_.add(g, w_cue | w_form_ing);
        for (const auto& p : ru::phrases) add_phrase(split_words(p.words), p.role);
    }

    attribution_options opt_;
    lexicon lex_;
    std::vector<phrase> phrases_;
    std::vector<std::uint32_t> phrase_index_;
    std::vector<std::unique_ptr<const RE2>> patterns_;
    anchor_filter anchors_;
};

}  // namespace detail::attr

WHOSAID_END_NAMESPACE

#include "whosaid/detail/attribution_runner.hpp"  // IWYU pragma: keep
