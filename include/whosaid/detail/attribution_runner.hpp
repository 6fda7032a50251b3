// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// The per-text work of the speaker attributor (internal). Every look-around is a bounded
/// window of tokens, so the whole run is linear in the size of the text.

#include "whosaid/config.hpp"
#include "whosaid/detail/attribution_engine.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

WHOSAID_BEGIN_NAMESPACE

namespace detail::attr {

/// Longest reported clause, in tokens on either side of its cue (a bound for linear time).
inline constexpr std::size_t max_clause = 400;

/// Deepest nesting of reported clauses in one sentence that each give a record: "A said that B
/// told her that C claimed that …" reports three levels; a cue inside three reported clauses
/// already is part of their words. Without the bound a chain "He said that He said that …" gave
/// every cue a clause of up to max_clause tokens inside all the others, and the contents of the
/// records added up to about 150 times the text (quote-dump printed 175 MB for 1.2 MB).
inline constexpr std::size_t max_nesting = 3;

/// Texts below this many bytes reserve their buffers from a typical density and may grow;
/// longer ones reserve an exact upper bound once (memory stays a small multiple of the text).
inline constexpr std::size_t small_text = 64 * 1024;

/// Coarse class of a noun phrase used as a speaker.
enum class np_class : std::uint8_t { none, pronoun, relative, person, org, nominal, group, other };

/// What the text says about one surname (built once per text).
struct surname_info {
    std::uint32_t first_full = UINT32_MAX;  ///< First chunk with a full name (given + surname).
    std::uint8_t gender = 0;
    bool full_person = false;               ///< Some mention has a full name and a given name or title.
    bool spoke = false;                     ///< A resolved speaker mention has this surname.
    std::uint8_t nroles = 0;
    std::uint32_t roles[4] = {0, 0, 0, 0};  ///< Chunks that state a role (the first four).
    std::int32_t first_cluster = -1;        ///< First person cluster with this surname.
};

/// A resolved speaker mention: where, and which cluster.
struct event {
    std::size_t pos;
    std::int32_t cluster;
};

/// An allocator whose `resize` leaves new elements of a trivial type uninitialized: for a
/// buffer that is written in full right after it is sized (zero-filling 4 bytes per token
/// first was 2% of the attributor's instructions).
template <class T>
struct no_init_allocator : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = no_init_allocator<U>;
    };
    no_init_allocator() noexcept = default;
    template <class U>
    explicit no_init_allocator(const no_init_allocator<U>& /*other*/) noexcept {}
    template <class U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
        ::new (static_cast<void*>(p)) U;  // default-initialized: no value for a trivial type
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

/// Every buffer the attributor needs for one text. A `workspace` keeps one between calls so
/// that a stream of texts reuses the memory of the largest one instead of allocating afresh;
/// `reset` empties it in O(1) (the small hash tables in O(their slots), at most 1,024, or they
/// are freed).
struct scratch {
    doc_state d;
    std::vector<std::uint32_t> pattern_end;
    std::vector<text_span> units;
    std::vector<std::size_t> anchor_tok;
    /// Capitalised tokens, then only the name tokens among them (where a name chunk may start);
    /// sized to the token count and written in full by `setup`, hence not zero-filled.
    std::vector<std::uint32_t, no_init_allocator<std::uint32_t>> caps;
    std::vector<surname_info> surnames;
    flat_map<std::uint32_t> surname_index;
    flat_map<std::uint64_t> org_index;
    std::vector<text_span> sentences;  ///< The caller's sentences, clamped and sorted.
    std::vector<frame> local;          ///< Frames of the sentence the indirect pass is on.
    std::vector<std::size_t> cand;     ///< Candidate cue tokens of that sentence.
    std::vector<std::size_t> order;    ///< Frame order (resolution, output).
    std::vector<event> events;         ///< Resolved mentions so far.
    std::vector<std::int8_t> title;    ///< Per sentence: Title Case (1), not (0), not known yet (-1).
    std::vector<tspan> turns;          ///< Speaker labels of transcript turns (label tokens, colon at `e`).

    void reset() noexcept {
        d.text = {};
        d.tok.clear();
        d.para_tok.clear();
        d.sent_tok.clear();
        d.sent_para.clear();
        d.qs.clear();
        d.chunks.clear();
        d.frames.clear();
        d.clusters.clear();
        d.by_surname_built = false;
        pattern_end.clear();
        units.clear();
        anchor_tok.clear();
        caps.clear();
        surnames.clear();
        surname_index.clear();
        org_index.clear();
        sentences.clear();
        local.clear();
        cand.clear();
        order.clear();
        events.clear();
        title.clear();
        turns.clear();
    }
};

/// Where a window-by-window attribution stands when a window's records are appended: the text
/// is attributed up to byte `done` of `total`, and `quotes_after` of the detector's quotations
/// start after `done`.
struct output_growth {
    std::size_t done = 0;
    std::size_t total = 0;
    std::size_t quotes_after = 0;
};

/// The capacity to give the quotation records of a text attributed window by window when they
/// must hold `need` records and hold `capacity` (`at` says how far the text is done). Unchanged
/// when `need` fits. Else `need` plus a guess at what the rest of the text adds: the density so
/// far extrapolated with an eighth to spare, but no more than one record per quotation left and
/// one per 256 bytes left (indirect speech is sparser), so that a dense start (quotes nested
/// 10,000 deep) followed by plain text does not reserve gigabytes that are never used; at least
/// 1.5 times `capacity` unless the text is done, so that a guess that keeps falling short still
/// costs a linear number of copies. A right guess (the density of news, or any input of even
/// density) sizes the vector once or twice in the whole text: no copy of every record at every
/// doubling, no second copy of the output, and the pages of the vector are touched once.
[[nodiscard]] inline std::size_t grown_capacity(std::size_t capacity, std::size_t need, const output_growth& at) noexcept {
    if (need <= capacity) return capacity;
    if (at.done >= at.total || at.done == 0) return need;
    const std::size_t rest = at.total - at.done;
    const double extrapolated = static_cast<double>(need) / static_cast<double>(at.done) * static_cast<double>(rest) * 1.125;
    const std::size_t bound = at.quotes_after + rest / 256 + 1;
    const std::size_t guess =
        extrapolated < static_cast<double>(bound) ? static_cast<std::size_t>(extrapolated) + 1 : bound;
    return std::max(need + guess, capacity + capacity / 2);
}

class runner {
public:
    /// Works in `s` (emptied first); the result does not refer to it.
    runner(const engine& e, std::string_view text, scratch& s)
        : e_(e),
          lex_(e.lex()),
          s_(s),
          d_(s.d),
          pattern_end_(s.pattern_end),
          units_(s.units),
          anchor_tok_(s.anchor_tok),
          caps_(s.caps),
          surnames_(s.surnames),
          surname_index_(s.surname_index),
          org_index_(s.org_index) {
        s.reset();
        d_.text = text;
    }

    /// Attributes the part `range` of the text (all of it by default): only the sentences and
    /// quotations inside it are seen; offsets stay relative to the whole text. With `quote_ids`,
    /// only those quotations are candidates (indices into `quotes`, which records keep).
    attribution run(std::span<const text_span> sentences, std::span<const quote> quotes,
                    std::vector<text_span>* paragraphs, text_span range = {0, npos},
                    const std::span<const std::size_t>* quote_ids = nullptr) {
        attribution out;
        run_into(out, nullptr, sentences, quotes, paragraphs, range, quote_ids);
        return out;
    }

    /// `run`, appending the records to `out` (speaker indices count `out`'s entities already
    /// there). With `growth` (a text attributed window by window), `out.quotations` is grown by
    /// `grown_capacity` when the records do not fit; without, to the exact size.
    void run_into(attribution& out, const output_growth* growth, std::span<const text_span> sentences,
                  std::span<const quote> quotes, std::vector<text_span>* paragraphs, text_span range = {0, npos},
                  const std::span<const std::size_t>* quote_ids = nullptr) {
        range_ = {std::min(range.begin, d_.text.size()), std::min(range.end, d_.text.size())};
        setup(sentences, quotes, quote_ids);
        if (paragraphs != nullptr) paragraph_spans(*paragraphs);
        direct_pass();
        turn_pass();
        if (e_.options().indirect) indirect_pass();
        continuation_pass();
        join_pass();
        term_frames();
        resolve_all();
        output(out, growth);
    }

private:
    // ------------------------------------------------------------------ basics
    /// Token i (offsets, shape, paragraph, sentence, quotation): no lexicon lookup.
    [[nodiscard]] const token& t(std::size_t i) const noexcept { return d_.tok[i]; }
    /// Token i with its lexicon classes: a deferred lookup happens here, on first use.
    [[nodiscard]] WHOSAID_ALWAYS_INLINE const token& tc(std::size_t i) const noexcept {
        const token& x = d_.tok[i];
        if (x.lex == lex_pending) [[unlikely]] look_up(x);
        return x;
    }
#if defined(__GNUC__)
    __attribute__((noinline))
#endif
    void look_up(const token& x) const noexcept {
        tok_detail::lookup_word(d_.text, lex_, x);
    }
    [[nodiscard]] const token& raw(std::size_t i) const noexcept { return d_.tok[i]; }
    /// The first token at or after token `from` that begins at or after byte `off` (ntok() when
    /// none; every token before `from` must begin before `off`): a galloping search, O(log) of
    /// the distance, so a caller that knows a nearby start passes it.
    [[nodiscard]] std::size_t first_token_at(std::size_t off, std::size_t from = 0) const noexcept {
        const std::size_t n = ntok();
        std::size_t lo = from;
        std::size_t hi = from;
        for (std::size_t step = 1; hi < n && d_.tok[hi].begin < off; step *= 2) {
            lo = hi + 1;
            hi = std::min(n, hi + step);
        }
        const auto it = std::lower_bound(d_.tok.begin() + static_cast<std::ptrdiff_t>(lo), d_.tok.begin() + static_cast<std::ptrdiff_t>(hi), off,
                                         [](const token& x, std::size_t o) { return x.begin < o; });
        return static_cast<std::size_t>(it - d_.tok.begin());
    }
    [[nodiscard]] std::size_t ntok() const noexcept { return d_.tok.size(); }
    /// Token i is the punctuation mark `c`, which must be no word character (every caller
    /// passes a mark): a word's `cp` is its first code point, a letter, digit or mark, so the
    /// code point alone decides, without a branch on the word bit (this test runs on most
    /// tokens the rules look at, and its two branches mispredicted often).
    [[nodiscard]] bool punct(std::size_t i, char32_t c) const noexcept {
        WHOSAID_ASSERT(!unicode::is_word(c));
        return t(i).cp == c;
    }
    /// A dot that ends an abbreviation inside its sentence ("the U.S. ambassador", "The S.E.C.
    /// said", "Rep. Lynch (D-Mass.) said"): glued to a word, not the sentence's last token, and
    /// after a dotted word, a single letter or an honorific, or right before ")". The sentence
    /// splitter has already decided that no sentence ends there.
    [[nodiscard]] bool abbrev_dot(std::size_t i) const noexcept {
        if (i == 0 || !punct(i, '.') || (t(i).shape & s_space_before) != 0 || !t(i - 1).word()) return false;
        if (i + 1 >= d_.sent_tok[t(i).sent].e) return false;
        // Glued to ")" or to a word on both sides ("R-S.C", which the tokenizer splits).
        if ((t(i + 1).shape & s_space_before) == 0 && (punct(i + 1, ')') || t(i + 1).word())) return true;
        return dotted(i - 1) || (t(i - 1).shape & s_single) != 0 || tc(i - 1).is(w_honorific);
    }
    /// An initial before a dot: a single letter ("J" in "J. Smith") or dotted single capitals
    /// ("G.K" in "G.K. Butterfield").
    [[nodiscard]] bool initial(std::size_t i) const noexcept {
        if ((t(i).shape & s_single) != 0) return true;
        if (!t(i).word() || (t(i).shape & s_allcaps) == 0 || t(i).length > 5) return false;
        const std::string_view w = word_text(i);
        for (std::size_t k = 0; k < w.size(); ++k) {
            if ((k % 2 == 1) != (w[k] == '.')) return false;
        }
        return w.size() % 2 == 1 && w.size() >= 3;
    }
    /// A word with an inner dot ("U.S", "S.E.C", "a.m").
    [[nodiscard]] bool dotted(std::size_t i) const noexcept { return word_text(i).find('.') != std::string_view::npos; }
    [[nodiscard]] bool final_punct(std::size_t i) const noexcept {
        const token& x = tc(i);
        return !x.word() && ((x.cp == '.' && !abbrev_dot(i)) || x.cp == '!' || x.cp == '?' || x.cp == 0x2026 || x.cp == ';' || (x.shape & s_gap) != 0);
    }
    [[nodiscard]] bool dash(std::size_t i) const noexcept {
        const token& x = tc(i);
        return !x.word() && (x.cp == '-' || unicode::is_long_dash(x.cp) || x.cp == 0x2212);
    }
    [[nodiscard]] bool qmark(std::size_t i) const noexcept {
        return !t(i).word() && (t(i).shape & s_possessive) == 0 && unicode::is_quote_mark(t(i).cp);
    }
    [[nodiscard]] bool lower(std::size_t i) const noexcept {
        // (A word with neither capital bit: one masked compare, no branch between the two tests.)
        return (t(i).shape & (s_word | s_cap | s_allcaps)) == s_word;
    }
    [[nodiscard]] bool sent_start(std::size_t i) const noexcept {
        const std::uint32_t s = t(i).sent;
        return d_.sent_tok[s].b == i;
    }
    /// (A token lies inside the text: no bounds check, which made `substr` an out-of-line call
    /// of ~10 instructions per word, 0.7M per pass over BBC in the name chunks alone.)
    [[nodiscard]] std::string_view word_text(std::size_t i) const noexcept {
        WHOSAID_ASSERT(t(i).end() <= d_.text.size());
        return {d_.text.data() + t(i).begin, t(i).length};
    }
    [[nodiscard]] text_span span_of(tspan s) const noexcept { return {t(s.b).begin, t(s.e - 1).end()}; }
    /// Paragraph of token i (a sentence never spans two).
    [[nodiscard]] std::uint32_t para(std::size_t i) const noexcept { return d_.sent_para[t(i).sent]; }
    [[nodiscard]] bool same_para(std::size_t a, std::size_t b) const noexcept { return para(a) == para(b); }
    /// Inside a top-level quotation.
    [[nodiscard]] bool in_quote(std::size_t i) const noexcept { return (t(i).shape & s_in_quote) != 0; }
    /// Index into `d_.qs` of the top-level quotation holding token i (which is `in_quote`).
    /// O(log n): the top-level ancestor of the last quotation starting at or before i (top-level
    /// quotations do not overlap, so no later one can hold i). Walking back over the quotations
    /// nested before i instead made a long quotation full of nested ones quadratic (one call per
    /// sentence: 0.5 s for 1 MB of "“He said ‘yes’ now. He said ‘yes’ now. …”").
    [[nodiscard]] std::size_t quote_of(std::size_t i) const noexcept {
        const auto it = std::upper_bound(d_.qs.begin(), d_.qs.end(), i,
                                         [](std::size_t k, const doc_state::qinfo& q) { return k < q.otok.b; });
        return it == d_.qs.begin() ? 0 : std::prev(it)->top_index;  // (an in_quote i has a quotation before it)
    }
    /// Hash of the lowercase word i (as the tokenizer keys it: ’ and ʼ read as '). (Its short
    /// path inline: a call less per surname key, 0.15M instructions per pass over BBC.)
    [[nodiscard]] WHOSAID_ALWAYS_INLINE std::uint32_t word_hash(std::size_t i) const noexcept {
        const std::string_view w = word_text(i);
        // Whole 8-byte loads when they stay inside the text, else byte copies.
        const bool room = static_cast<std::size_t>(d_.text.data() + d_.text.size() - w.data()) >= w.size() + 8;
        if (room && w.size() - 1 < 8) {
            // A short ASCII word (most): lowercased and hashed in a register.
            std::uint64_t v = 0;
            std::memcpy(&v, w.data(), 8);
            if ((hash_detail::first_bytes(v, w.size()) & 0x8080808080808080ULL) == 0) return fold(hash_short_ascii(v, w.size()));
        }
        return word_hash_long(w, room);
    }
    /// `word_hash` of a longer or non-ASCII word, out of line: the frame of its 56-byte key
    /// buffer (saved registers, the zeroing) cost every short word ~10 instructions (with the
    /// out-of-line Russian `stem_key`, 1M per pass over BBC in the surnames of the name chunks).
    [[nodiscard]]
#if defined(__GNUC__)
    __attribute__((noinline))
#endif
    std::uint32_t word_hash_long(std::string_view w, bool room) const noexcept {
        char key[max_word + 8] = {};
        std::size_t k = 0;
        if (w.size() <= max_word) {
            // ASCII words (letters, digits, ' - .): setting bit 5 lowercases every byte; eight
            // at a time (hash_key masks the bytes past the word).
            std::uint64_t high = 0;
            for (std::size_t c = 0; c < w.size(); c += 8) {
                std::uint64_t v = 0;
                if (room) std::memcpy(&v, w.data() + c, 8);
                else for (std::size_t b = 0; b < 8 && c + b < w.size(); ++b) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[c + b])) << (8U * b);
                if (c + 8 > w.size()) v &= ~0ULL >> (8U * (c + 8 - w.size()));  // bytes past the word
                high |= v;
                v |= 0x2020202020202020ULL;
                std::memcpy(key + c, &v, 8);
            }
            if ((high & 0x8080808080808080ULL) == 0) return fold(hash_key(key, w.size()));
            k = 0;
        }
        for (std::size_t j = 0; j < w.size() && k <= max_word;) {
            const utf8::codepoint cp = utf8::decode(w, j);
            char32_t v = cp.valid ? unicode::to_lower(cp.value) : 0xFFFD;
            if (v == 0x2019 || v == 0x02BC) v = '\'';
            if (v < 0x80) {
                key[k++] = static_cast<char>(v);
            } else {
                char buf[4];
                const std::size_t len = utf8::encode(v, buf);
                for (std::size_t b = 0; b < len && k <= max_word; ++b) key[k++] = buf[b];
            }
            j += cp.length;
        }
        if (k > max_word) return static_cast<std::uint32_t>(w.size());
        return fold(hash_key(key, k));
    }

    /// A capitalised word that can be part of a name: the rule below, decided once per token
    /// by `setup` (the name finder, the noun phrases and the cue rules ask it again and again
    /// about the same words; a bit test costs less than the rule's chain of branches).
    [[nodiscard]] bool name_tok(std::size_t i) const noexcept { return (t(i).shape & s_name) != 0; }
    [[nodiscard]] bool name_rule(std::size_t i) const noexcept {
        // (The shape tests need no lexicon lookup: a capitalised word with a digit is not looked up here.)
        if (!t(i).word() || (t(i).shape & (s_cap | s_allcaps | s_innercap)) == 0 || (t(i).shape & s_digit) != 0) return false;
        const token& x = tc(i);
        constexpr word_class keep = w_given | w_media | w_place | w_title | w_honorific | w_org | w_roleword;
        if (x.is(keep)) return true;
        if (x.is(w_det | w_pron | w_prep | w_of | w_conj | w_aux | w_that | w_rel | w_stop | w_time | w_adv | w_be))
            return false;
        if (sent_start(i) && (x.is(w_cue | w_verb) || (x.shape & s_ly) != 0)) return false;
        // "Trump Says He Never Pledged …": in a Title Case headline a cue is a verb.
        if (x.is(w_cue) && title_case(x.sent)) return false;
        return true;
    }

    /// Sentence s is written in Title Case (a headline): of its words of four bytes or more
    /// (among its first 64 tokens), at least three, and all but one in eight, are capitalised
    /// ("Iowa State University's Dianne Bystrom agreed." is not). Computed on first use.
    [[nodiscard]] bool title_case(std::uint32_t s) const noexcept {
        if (s >= s_.title.size()) return false;
        std::int8_t& known = s_.title[s];
        if (known < 0) {
            const tspan st = d_.sent_tok[s];
            std::size_t long_words = 0;
            std::size_t caps = 0;
            for (std::size_t i = st.b; i < st.e && i - st.b < 64; ++i) {
                if (!t(i).word() || t(i).length < 4) continue;
                ++long_words;
                if ((t(i).shape & s_cap) != 0) ++caps;
            }
            known = long_words >= 3 && long_words - caps <= long_words / 8 ? 1 : 0;
        }
        return known == 1;
    }

    /// A lowercase word in "-ly" that is no noun or adjective the lexicon knows: an adverb,
    /// mostly ("reportedly", "repeatedly"). `x` has its classes (from `tc`).
    [[nodiscard]] static bool adverb_ly(const token& x) noexcept {
        return (x.shape & s_ly) != 0 && (x.shape & s_cap) == 0 && !x.is(w_noun_ly);
    }
    /// A word that may stand inside a noun phrase. Walking forward from a subject, a cue form is
    /// its verb ("Sergei Aleinik noted"); walking back from a verb, a noun-like cue form is a
    /// noun ("media reports said").
    [[nodiscard]] bool np_word(std::size_t i, bool backward = true) const noexcept { return np_word_x(tc(i), backward); }
    /// `np_word` of a token `x` that has its classes (from `tc`), inline: the loops of the name
    /// chunks, which have the token already, spare the call and its frame (2M instructions per
    /// pass over BBC).
    [[nodiscard]] static WHOSAID_ALWAYS_INLINE bool np_word_x(const token& x, bool backward) noexcept {
        if (!x.word()) return false;
        if ((x.shape & s_name) != 0) return true;  // (`name_tok`)
        if (x.is(w_prep | w_conj | w_that | w_aux | w_stop | w_rel | w_verb | w_adv | w_be | w_time)) return false;
        if (x.is(w_cue) && !x.is(w_nominal | w_org | w_report | w_roleword)) {
            if (!backward || !x.is(w_cue_nouny) || x.is(w_form_past)) return false;
        }
        if (x.is(w_pron) && !x.is(w_det)) return false;
        if (adverb_ly(x)) return false;
        return true;
    }

    // ------------------------------------------------------------------ setup
    /// Builds the working state for `range_`: units (the caller's sentences and the text between
    /// them), the tokens of the whole range in one tokenizer run, sentences and paragraphs as
    /// token ranges, the cue anchors the prefilter flagged, the quotations on tokens, the name
    /// chunks and the user patterns' matches.
    void setup(std::span<const text_span> sentences, std::span<const quote> quotes,
               const std::span<const std::size_t>* quote_ids) {
        const std::string_view text = d_.text;
        const std::size_t rb = range_.begin;
        const std::size_t n = range_.end;  // the end of the part attributed

        // Units: the caller's sentences (clamped to the range, sorted, without overlaps) and the
        // text between them that is not white space; the paragraphs when no sentences are given.
        std::vector<text_span>& ss = s_.sentences;
        ss.reserve(sentences.size());
        for (const text_span sp : sentences) {
            const std::size_t b = std::max(sp.begin, rb);
            const std::size_t e = std::min(sp.end, n);
            if (b < e) ss.push_back({b, e});
        }
        if (!std::is_sorted(ss.begin(), ss.end(), [](text_span a, text_span b) { return a.begin < b.begin; })) {
            std::sort(ss.begin(), ss.end(), [](text_span a, text_span b) { return a.begin < b.begin; });
        }
        if (ss.empty() && rb < n) {
            for_each_paragraph(text.substr(rb, n - rb), [&](text_span pg) { ss.push_back({pg.begin + rb, pg.end + rb}); });
        }
        units_.reserve(ss.size() + 8);
        d_.sent_tok.reserve(ss.size() + 8);
        d_.qs.reserve(quote_ids != nullptr ? quote_ids->size() : quotes.size());
        std::size_t covered = rb;
        const auto add_gap = [&](std::size_t b, std::size_t e) {
            while (b < e && tok_detail::ascii_class[static_cast<unsigned char>(text[b])] & tok_detail::c_space) ++b;
            if (b < e) units_.push_back({b, e});
        };
        for (const text_span sp : ss) {
            if (sp.end <= covered) continue;
            const std::size_t b = std::max(sp.begin, covered);
            add_gap(covered, b);
            units_.push_back({b, sp.end});
            covered = sp.end;
        }
        add_gap(covered, n);

        // Quotations (offsets only until the tokens exist).
        const std::size_t nq = quote_ids != nullptr ? quote_ids->size() : quotes.size();
        for (std::size_t k = 0; k < nq; ++k) {
            const std::size_t qi = quote_ids != nullptr ? (*quote_ids)[k] : k;
            const quote& q = quotes[qi];
            if (q.outer.begin >= q.outer.end || q.outer.begin < rb || q.outer.end > n) continue;
            if (q.content.begin > q.content.end || q.content.begin < rb || q.content.end > n) continue;
            doc_state::qinfo info;
            info.orig = static_cast<std::int32_t>(qi);
            info.outer = q.outer;
            info.content = q.content;
            info.speech = q.role == quote_role::speech;
            d_.qs.push_back(info);
        }
        // (The detector gives them in this order: the check spares the sort and its buffer, which
        // a huge text would allocate again in every window.)
        const auto outer_first = [](const doc_state::qinfo& a, const doc_state::qinfo& b) {
            if (a.outer.begin != b.outer.begin) return a.outer.begin < b.outer.begin;
            return a.outer.end > b.outer.end;
        };
        if (!std::is_sorted(d_.qs.begin(), d_.qs.end(), outer_first)) std::stable_sort(d_.qs.begin(), d_.qs.end(), outer_first);
        std::size_t top_end = 0;
        std::size_t top_index = 0;
        for (std::size_t qi = 0; qi < d_.qs.size(); ++qi) {
            auto& q = d_.qs[qi];
            q.top = q.outer.begin >= top_end;
            if (q.top) {
                top_end = q.outer.end;
                top_index = qi;
            }
            q.top_index = top_index;
        }

        if (units_.empty()) return;

        // Tokenize the units in one run (the fast path wants long ranges), then cut the tokens
        // into sentences at unit and paragraph breaks. Lexicon lookups are deferred to first
        // use; the words the cue prefilter flags are the candidates of the indirect pass.
        // The vector is reserved once from an upper bound of the token count: memory stays
        // linear with a small constant on any input (one punctuation token per byte at worst).
        // Below 64 KiB the exact bound costs more than it saves (3 instructions per byte for a
        // news article): a typical count (5 bytes per token) is reserved and the vector may
        // double a few times, at most a few MB for the worst small text.
        const std::size_t span_bytes = units_.back().end - units_.front().begin;
        d_.tok.reserve(span_bytes < small_text ? span_bytes / 4 + 64
                                               : token_bound(text, units_.front().begin, units_.back().end) + 1);
        tokenize(text, units_.front().begin, units_.back().end, s_space_before | s_break_before, lex_, d_.tok, true, true,
                 &e_.anchors());
        const std::size_t nt_run = ntok();
        // Reserved from typical densities (one paragraph per unit at most as a rule, a cue-like
        // word per 16 tokens) so that a news article takes one allocation each.
        d_.para_tok.reserve(units_.size() + 8);
        d_.sent_para.reserve(units_.size() + 8);
        anchor_tok_.reserve(nt_run / 16 + 8);
        std::size_t cur = 0;  // the unit of the current token
        // The capitalised tokens, written without a branch (4 bytes per token for a moment;
        // `find_chunks` then visits only these). Token indices fit: a window is at most 1 MiB.
        caps_.resize(nt_run);
        std::uint32_t* const cap_out = caps_.data();
        std::size_t ncaps = 0;
        token* const tk = d_.tok.data();
        // Sentence by sentence: a sentence starts at the first token, at a token after a line
        // break and at the first token of a unit. The loop over a sentence's tokens tests one
        // shape bit for both rare cases (a line break, a cue anchor) and compares the offset
        // with the next unit's start: ~10 instructions per token less than the loop that
        // decided all three for every token (10M per pass over BBC). (A galloping search for
        // the next unit's first token instead of the offset test cost 120 instructions per
        // unit, more than it saved.)
        std::size_t next_unit = 0;  // where the unit after the current token's starts
        for (std::size_t i = 0; i < nt_run;) {
            const bool new_para = i == 0 || (tk[i].shape & s_break_before) != 0;
            if (tk[i].begin >= next_unit) {
                while (cur + 1 < units_.size() && units_[cur + 1].begin <= tk[i].begin) ++cur;
                next_unit = cur + 1 < units_.size() ? units_[cur + 1].begin : npos;
            }
            if (new_para) {
                if (i > 0) d_.para_tok.back().e = i;
                d_.para_tok.push_back({i, i});
            }
            if (i > 0) d_.sent_tok.back().e = i;
            d_.sent_tok.push_back({i, i});
            d_.sent_para.push_back(static_cast<std::uint32_t>(d_.para_tok.size() - 1));
            const auto sent = static_cast<std::uint32_t>(d_.sent_tok.size() - 1);
            std::size_t j = i;
            unsigned shape = tk[j].shape;
            if ((shape & s_maybe_cue) != 0) anchor_tok_.push_back(j);
            for (;;) {
                tk[j].sent = sent;
                cap_out[ncaps] = static_cast<std::uint32_t>(j);
                ncaps += (shape & (s_cap | s_allcaps | s_innercap)) != 0 ? 1U : 0U;
                if (++j >= nt_run || tk[j].begin >= next_unit) break;
                shape = tk[j].shape;
                if ((shape & (s_break_before | s_maybe_cue)) != 0) [[unlikely]] {
                    if ((shape & s_break_before) != 0) break;
                    anchor_tok_.push_back(j);
                }
            }
            i = j;
        }
        mark_plural_possessives(units_.front().begin, units_.back().end);
        if (nt_run > 0) {
            d_.sent_tok.back().e = nt_run;
            d_.para_tok.back().e = nt_run;
        }
        if (d_.para_tok.empty()) d_.para_tok.resize(1);
        // Reserved once (every chunk starts at a capitalised word; most frames come from a
        // quotation or a cue anchor), not grown by doubling.
        caps_.resize(ncaps);
        d_.chunks.reserve(ncaps);
        d_.frames.reserve(d_.qs.size() + anchor_tok_.size() + 8);

        // Quotations onto tokens (in order of their starts: each search starts where the last
        // one found its first token).
        std::size_t from = 0;
        for (std::size_t qi = 0; qi < d_.qs.size(); ++qi) {
            auto& q = d_.qs[qi];
            const std::size_t b = first_token_at(q.outer.begin, from);
            from = b;
            std::size_t e = first_token_at(q.outer.end, b);
            while (e > b && raw(e - 1).end() > q.outer.end) --e;  // a token straddling the end is outside
            q.otok = {b, e};
            if (e > b && !raw(e - 1).word()) d_.tok[e - 1].shape &= static_cast<std::uint16_t>(~s_possessive);
            if (e > b) {
                q.para_first = para(b);
                q.para_last = para(e - 1);
                if (q.top) {
                    for (std::size_t i = b; i < e; ++i) d_.tok[i].shape |= s_in_quote;
                }
            }
        }
        s_.title.assign(d_.sent_tok.size(), -1);
        // Only a capitalised token can be a name token. The lookup `name_rule` needs is made
        // here, inline, rather than through `tc`'s call (most capitalised words are pending):
        // ~1M instructions less per pass over BBC. The name tokens are kept in `caps_` (in
        // place, without a branch), so that `find_chunks` visits only them: 0.3M less.
        std::uint32_t* const names = caps_.data();
        std::size_t nnames = 0;
        for (std::size_t c = 0; c < caps_.size(); ++c) {
            const std::uint32_t cap = names[c];
            token& x = d_.tok[cap];
            if (x.lex == lex_pending && (x.shape & s_digit) == 0) tok_detail::lookup_word(d_.text, lex_, x);
            const bool name = name_rule(cap);
            x.shape = static_cast<std::uint16_t>(x.shape | (name ? s_name : 0U));
            names[nnames] = cap;
            nnames += name ? 1U : 0U;
        }
        caps_.resize(nnames);
        find_chunks();
        if (!e_.patterns().empty()) find_pattern_cues();
    }

    /// The paragraphs as byte spans: every non-blank line is one, from its first token to the
    /// end of its last (tokens cover every code point that is not white space, and a paragraph
    /// starts at each token after a line break), which is what `for_each_paragraph` gives.
    void paragraph_spans(std::vector<text_span>& out) const {
        out.clear();
        out.reserve(d_.para_tok.size());
        for (const tspan r : d_.para_tok) {
            if (!r.empty()) out.push_back({t(r.b).begin, t(r.e - 1).end()});
        }
    }

    void find_pattern_cues() {
        pattern_end_.assign(ntok(), 0);
        const std::string_view text = d_.text;
        for (const auto& re : e_.patterns()) {
            const re2::StringPiece input(text.data(), text.size());
            std::size_t pos = range_.begin;
            while (pos <= range_.end) {
                re2::StringPiece m;
                if (!re->Match(input, pos, range_.end, RE2::UNANCHORED, &m, 1)) break;
                const auto mb = static_cast<std::size_t>(m.data() - text.data());
                const std::size_t me = mb + m.size();
                const std::size_t tb = first_token_at(mb);
                std::size_t te = tb;
                while (te < ntok() && t(te).end() <= me) ++te;
                if (te > tb && t(tb).begin == mb) pattern_end_[tb] = static_cast<std::uint32_t>(te);
                if (me > mb) {
                    pos = me;
                } else {
                    const utf8::codepoint cp = utf8::decode(text, mb);
                    pos = mb + std::max<std::size_t>(cp.length, 1);
                }
            }
        }
    }

    // ------------------------------------------------------------------ name chunks
    [[nodiscard]] std::uint32_t key_of(std::size_t i, bool stem) const {
        if (!stem || !e_.russian()) return word_hash(i);
        return stem_key(i);
    }
    /// `key_of` a Russian surname, out of line (the frame of its string cost every other
    /// surname's key ~15 instructions: 0.8M per pass over BBC).
    [[nodiscard]]
#if defined(__GNUC__)
    __attribute__((noinline))
#endif
    std::uint32_t stem_key(std::size_t i) const {
        // Russian: compare surnames without their case ending ("Алейника" = "Алейник").
        const std::string lw = lower_copy(word_text(i));
        std::string_view v = lw;
        for (const auto end : ru::surname_endings) {
            if (v.size() > end.size() + 6 && v.substr(v.size() - end.size()) == end) {
                v.remove_suffix(end.size());
                break;
            }
        }
        const std::uint64_t h = hash_bytes(v);
        return static_cast<std::uint32_t>(h ^ (h >> 32U));
    }

    [[nodiscard]] std::uint32_t given_key(std::size_t i) const {
        // The first three letters: Aleksandr = Alexander, Sergei = Sergey, Сергей = Сергея.
        const std::string_view w = word_text(i);
        char lw[12];
        std::size_t len = 0;
        std::size_t k = 0;
        if (w.size() >= 3 && (static_cast<unsigned char>(w[0]) | static_cast<unsigned char>(w[1]) | static_cast<unsigned char>(w[2])) < 0x80U) {
            // ASCII (most names in English text): the same key without decoding, and
            // `hash_bytes` of the three bytes computed in a register (as `hash_key` does for
            // one partial 8-byte word) instead of through its zeroed 56-byte buffer: ~60
            // instructions less per given name, 1M per pass over BBC.
            const std::uint64_t v = static_cast<std::uint64_t>(static_cast<unsigned char>(tok_detail::ascii_lower[static_cast<unsigned char>(w[0])])) |
                                    static_cast<std::uint64_t>(static_cast<unsigned char>(tok_detail::ascii_lower[static_cast<unsigned char>(w[1])])) << 8U |
                                    static_cast<std::uint64_t>(static_cast<unsigned char>(tok_detail::ascii_lower[static_cast<unsigned char>(w[2])])) << 16U;
            const std::uint64_t h = hash_three(v);
            return static_cast<std::uint32_t>(h ^ (h >> 32U)) | 1U;
        }
        for (int c = 0; c < 3 && k < w.size(); ++c) {
            const utf8::codepoint cp = utf8::decode(w, k);
            char buf[4];
            const std::size_t bl = utf8::encode(unicode::to_lower(cp.value), buf);
            std::memcpy(lw + len, buf, bl);
            len += bl;
            k += cp.length;
        }
        const std::uint64_t h = hash_bytes(std::string_view(lw, len));
        return static_cast<std::uint32_t>(h ^ (h >> 32U)) | 1U;
    }

    void find_chunks() {
        const std::size_t n = ntok();
        std::size_t next = 0;  // the first token a new chunk may start at
        for (const std::uint32_t cap : caps_) {  // (the name tokens)
            const std::size_t i = cap;
            WHOSAID_ASSERT(name_tok(i));
            if (i < next) continue;
            const std::size_t b = i;
            std::size_t j = i + 1;
            while (j < n && j - b < 16 && (t(j).shape & s_break_before) == 0) {
                if (name_tok(j)) {
                    ++j;
                    continue;
                }
                if (punct(j, '.') && (tc(j - 1).is(w_honorific) || initial(j - 1)) && j + 1 < n &&
                    name_tok(j + 1) && (t(j + 1).shape & s_break_before) == 0) {
                    ++j;
                    continue;
                }
                // "of" / a particle before a name, "of the" before a name. The name after is
                // tested first: the lookup of j (and j + 1) is needed only when it is there.
                if (t(j).word()) {
                    if (j + 1 < n && name_tok(j + 1) && tc(j).is(w_of | w_particle)) {
                        ++j;
                        continue;
                    }
                    if (j + 2 < n && name_tok(j + 2) && tc(j).is(w_of) && tc(j + 1).is(w_det)) {
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            analyze_chunk({b, j});
            next = j;
        }
    }

    /// The person name, evidence, gender and role in the name chunk `all`, or what it names
    /// when it is no person (an organisation or another thing).
    ///
    /// Every token of `all` has its lexicon classes by now (`name_rule` looked up the
    /// capitalised ones, `find_chunks` the "of", particles and determiners it took in; a dot has
    /// none): the rules read them with `t`, without the deferred-lookup test of `tc` (which the
    /// compiler repeats at each use, as the lookup may write the token). A first pass gathers
    /// the union of the run's classes and shapes (and marks its tokens), so that the rules
    /// scan the run again only when their answer may be yes; the lowercase role words before
    /// the chunk are looked for only when it names a person, the only case that uses them.
    /// With `given_key` in registers, the comma test of `apposition_role` inline and fewer
    /// lookups in `find_chunks`, BBC's extract stage went from 845.4M to 823.7M instructions
    /// (2 passes), output identical.
    void analyze_chunk(tspan all) {
        const auto id = static_cast<std::int32_t>(d_.chunks.size());
        // Built in place (no copy of the 80-byte chunk at the end); nothing else is added to
        // `d_.chunks` meanwhile, so the reference stays valid.
        chunk& c = d_.chunks.emplace_back();
        c.all = all;
        const token* const tk = d_.tok.data();
        word_class any = 0;       // classes of the run's words
        unsigned shapes = 0;      // their shapes
        unsigned not_shapes = 0;  // the complements: with s_word, a token that is no word (an initial's dot)
        for (std::size_t i = all.b; i < all.e; ++i) {
            token& x = d_.tok[i];
            WHOSAID_ASSERT(x.lex != lex_pending);
            any |= x.cls;
            shapes |= x.shape;
            not_shapes |= ~static_cast<unsigned>(x.shape);
            x.chunk = id;
        }
        const bool dot = (not_shapes & s_word) != 0;
        // Trailing person name: up to four name tokens that are not titles or organisation words.
        std::size_t k = all.e;
        int count = 0;
        constexpr word_class not_name = w_title | w_honorific | w_roleword | w_org | w_place | w_media | w_of | w_det;
        while (k > all.b && count < 4) {
            const std::size_t i = k - 1;
            const token& x = tk[i];
            if (punct(i, '.')) {
                if (i > all.b && initial(i - 1) && !tk[i - 1].is(w_honorific)) {
                    k -= 2;
                    ++count;
                    continue;
                }
                break;
            }
            if (!name_tok(i) || x.is(not_name | w_particle)) {
                // A title word right after a given name is a surname ("Charlie King", "Rob Bishop").
                const bool surname_title = k == all.e && i > all.b && x.is(w_title) && !x.is(w_honorific) &&
                                           tk[i - 1].is(w_given) && name_tok(i);
                if (!surname_title) {
                    if (x.is(w_particle) && i > all.b && k < all.e) {
                        --k;
                        continue;
                    }
                    break;
                }
            }
            if ((x.shape & s_allcaps) != 0 && x.length <= 5) break;  // an acronym ("CSTO")
            --k;
            ++count;
        }
        tspan name{k, all.e};
        // "Aris Shirvanian of the Armenian Patriarchate of Jerusalem": with a name before the
        // first "of" and none after it, the person is the part before.
        if ((any & w_of) != 0) {
            for (std::size_t i = all.b + 1; i < all.e; ++i) {
                if (!tk[i].is(w_of)) continue;
                std::size_t nb = i;
                while (nb > all.b && i - nb < 3 && name_tok(nb - 1) && !tk[nb - 1].is(not_name)) --nb;
                const bool before = i - nb >= 2 || (i - nb == 1 && tk[nb].is(w_given));
                bool given_after = false;
                for (std::size_t g = i; g < all.e; ++g) given_after = given_after || tk[g].is(w_given);
                if (before && !given_after) name = {nb, i};
                break;
            }
        }
        // Start the name at a given name when one is there ("Belarusian Sergei Aleinik").
        if ((any & w_given) != 0) {
            for (std::size_t i = name.b; i < name.e; ++i) {
                if (tk[i].is(w_given)) {
                    name.b = i;
                    break;
                }
            }
        }
        // A long run keeps its last two words; an initial's dot is no word ("Gregory W. Meeks").
        std::size_t words = name.size();
        if (dot) {
            words = 0;
            for (std::size_t i = name.b; i < name.e; ++i) words += tk[i].word() ? 1U : 0U;
        }
        if (words > 3) name.b = punct(name.e - 2, '.') ? name.e - 3 : name.e - 2;
        // A lone capitalised word before a lowercase noun is a modifier ("Belarusian minister",
        // "Trump campaign"), and a lone demonym is not a name ("Russian", "Chinese").
        if (name.size() == 1 && !tk[name.b].is(w_given)) {
            // (Not before a lowercase word in -ed: "Obama positioned Clinton …" is a verb.)
            const auto past_like = [&](std::size_t i) {
                const std::string_view v = word_text(i);
                return v.size() >= 4 && v[v.size() - 2] == 'e' && v[v.size() - 1] == 'd';
            };
            const std::string_view w = word_text(name.b);
            const auto ends = [&](std::string_view suf) {
                if (w.size() <= suf.size() + 2) return false;
                const char* tail = w.data() + (w.size() - suf.size());
                for (std::size_t si = 0; si < suf.size(); ++si) {
                    if (tail[si] != suf[si]) return false;
                }
                return true;
            };
            // (The suffixes and the tests without a lookup first: `np_word` may look the next
            // word up.)
            if (ends("ian") || ends("ese") || ends("ish") || ends("ean") || ends("ский") || ends("ская") || ends("ские") ||
                (name.e < ntok() && lower(name.e) && same_para(name.e, name.b) && !past_like(name.e) && np_word_x(tc(name.e), true))) {
                name = {name.e, name.e};
            }
        }
        // Evidence: a given name, or a title/honorific right before the name.
        bool title_before = false;
        std::size_t first_title = npos;
        if ((any & (w_title | w_honorific)) != 0) {
            for (std::size_t i = all.b; i < name.b; ++i) {
                const token& x = tk[i];
                if (x.is(w_title | w_honorific)) {
                    title_before = true;
                    if (first_title == npos && x.is(w_title) && !x.is(w_honorific)) first_title = i;
                    if (x.is(w_male)) c.gender = 1;
                    if (x.is(w_female)) c.gender = 2;
                }
            }
        }
        if (!name.empty()) {
            // Lowercase role words right before the chunk ("presidential nominee Donald Trump"):
            // the leftmost title among the words before it that may stand in its noun phrase.
            if (first_title == npos && all.b > 0) {
                std::size_t title = npos;
                for (std::size_t r = all.b; r > 0 && all.b - r < 4 && lower(r - 1); --r) {
                    const token& x = tc(r - 1);
                    if (x.is(w_det) || !np_word_x(x, true)) break;
                    if (x.is(w_title)) title = r - 1;
                }
                if (title != npos) {
                    first_title = title;
                    title_before = true;
                }
            }
            const token& x = tk[name.b];
            const bool given = x.is(w_given) && name.size() >= 2;
            if (given) {
                if (x.is(w_male) && !x.is(w_female)) c.gender = c.gender == 0 ? 1 : c.gender;
                if (x.is(w_female) && !x.is(w_male)) c.gender = c.gender == 0 ? 2 : c.gender;
            }
            c.evidence = given || title_before;
            c.name = name;
            c.kind = entity_kind::person;
            c.surname = key_of(name.e - 1, true);
            c.given = name.size() >= 2 ? given_key(name.b) : 0;
            if (first_title != npos) {
                c.role = {first_title, name.b};
                while (c.role.e > c.role.b && (tc(c.role.e - 1).is(w_of | w_det) || !t(c.role.e - 1).word())) --c.role.e;
                c.role_lex = tc(first_title).lex;
                c.role_cls = tc(first_title).cls;
                // "Head of State" as a role.
                if (is_head_of_state(first_title)) c.role_cls |= w_head_of_state;
            } else if (all.e + 2 < ntok() && punct(all.e, ',')) {
                apposition_role(c);  // (its first test, inline: most names are followed by no comma)
            }
        } else {
            const bool org = (any & (w_org | w_media)) != 0 || (shapes & (s_allcaps | s_innercap)) != 0;
            c.kind = org ? entity_kind::organization : entity_kind::other;
        }
    }

    /// "Sergei Aleinik, the minister of foreign affairs," gives the role.
    void apposition_role(chunk& c) {
        std::size_t i = c.all.e;
        if (i + 2 >= ntok() || !punct(i, ',') || !same_para(i, c.all.b)) return;
        std::size_t j = i + 1;
        if (tc(j).is(w_det)) ++j;
        const std::size_t start = j;
        for (; j < ntok() && j - start < 8; ++j) {
            if (!t(j).word()) break;
            const token& x = tc(j);
            if (!(np_word_x(x, true) || x.is(w_of))) break;
            if (x.is(w_title) && lower(j)) {
                c.role = {i + 1, j + 1};
                std::size_t e = j + 1;
                while (e < ntok() && e - j < 6 && t(e).word() && (np_word_x(tc(e), true) || tc(e).is(w_of | w_det))) ++e;
                while (e > j + 1 && tc(e - 1).is(w_of | w_det)) --e;
                c.role.e = e;
                c.role_lex = tc(j).lex;
                c.role_cls = tc(j).cls;
                if (is_head_of_state(j)) c.role_cls |= w_head_of_state;
                return;
            }
        }
    }

    [[nodiscard]] bool key_is(std::size_t i, std::string_view lower_word) const {
        return tc(i).lex >= 0 && lex_.key(tc(i).lex) == lower_word;
    }
    /// `key_is` of token i with any of `words`: its key fetched once for the whole list (the
    /// chains of `key_is` calls on one token in the indirect rules cost 2.5M instructions per
    /// pass over BBC).
    template <std::size_t... N>
    [[nodiscard]] bool key_in(std::size_t i, const char (&... words)[N]) const {
        const token& x = tc(i);
        if (x.lex < 0) return false;
        const std::string_view k = lex_.key(x.lex);
        return ((k == std::string_view(words, N - 1)) || ...);
    }

    /// "head of state" / "глава государства" starting at token i.
    [[nodiscard]] bool is_head_of_state(std::size_t i) const {
        const token& x = tc(i);
        if (x.is(w_head_of_state)) return true;
        if (x.lex < 0) return false;
        // (Its key fetched once for the five `key_is` tests: 0.3M instructions per pass over BBC.)
        const std::string_view k = lex_.key(x.lex);
        if (k == "head" && i + 2 < ntok() && tc(i + 1).is(w_of) && key_is(i + 2, "state")) return true;
        if ((k == "глава" || k == "главы" || k == "главе" || k == "главой") && i + 1 < ntok() && key_is(i + 1, "государства"))
            return true;
        return false;
    }

    // ------------------------------------------------------------------ cues and noun phrases
    struct cue_match {
        std::size_t len = 0;
        phrase_role role = phrase_role::speaker_before;
        bool phrase = false;
    };

    /// A cue starting at token i (ending before hi): a phrase, a user pattern or a verb form.
    [[nodiscard]] bool cue_at(std::size_t i, std::size_t hi, cue_match& m) const {
        const token& x = tc(i);
        if (!x.word()) return false;
        if (x.is(w_phrase)) {
            const lex_entry& en = lex_.entry(x.lex);
            for (std::uint32_t k = 0; k < en.phrase_count; ++k) {
                const phrase& ph = e_.phrases()[e_.phrase_index()[en.phrase_first + k]];
                if (i + ph.words.size() > hi) continue;
                bool ok = true;
                for (std::size_t w = 1; w < ph.words.size() && ok; ++w) ok = tc(i + w).lex == ph.words[w];
                if (ok) {
                    m = {ph.words.size(), ph.role, true};
                    return true;
                }
            }
        }
        if (!pattern_end_.empty() && pattern_end_[i] > i && pattern_end_[i] <= hi) {
            m = {pattern_end_[i] - i, phrase_role::speaker_before, true};
            return true;
        }
        if (x.is(w_cue)) {
            m = {1, phrase_role::speaker_before, false};
            return true;
        }
        return false;
    }

    /// Skips adverbs and auxiliaries leftwards from c; sets `passive` when a form of "be" was skipped.
    /// (A "be" before an -ing form is the progressive, not the passive: the caller checks the form.)
    [[nodiscard]] std::size_t skip_aux_back(std::size_t c, std::size_t lo, bool& passive) const {
        std::size_t j = c;
        while (j > lo && c - j < 5) {
            const token& x = tc(j - 1);
            if (!x.word() || x.is(w_pron | w_given | w_det)) break;
            // Also time words: "Gowdy earlier Thursday said".
            if (x.is(w_adv | w_aux | w_be) || adverb_ly(x) ||
                (x.is(w_time) && !x.is(w_conj | w_prep) && j - 1 > lo && t(j - 2).word())) {
                if (x.is(w_be)) passive = true;
                --j;
                continue;
            }
            break;
        }
        return j;
    }

    [[nodiscard]] std::size_t skip_aux_fwd(std::size_t j, std::size_t hi, bool& passive) const {
        const std::size_t start = j;
        while (j < hi && j - start < 5) {
            const token& x = tc(j);
            if (!x.word() || x.is(w_pron | w_given | w_det)) break;
            if (x.is(w_adv | w_aux | w_be) || adverb_ly(x)) {
                if (x.is(w_be)) passive = true;
                ++j;
                continue;
            }
            break;
        }
        return j;
    }

    /// The noun phrase that ends just before `end` (walking left, not below `lo`).
    [[nodiscard]] tspan np_core_before(std::size_t end, std::size_t lo) const {
        std::size_t b = end;
        int count = 0;
        while (b > lo && count < 14) {
            const std::size_t i = b - 1;
            const token& x = tc(i);
            if ((x.shape & s_possessive) != 0) {
                if (b == end) break;
                --b;
                continue;
            }
            if (!x.word()) {
                if (x.cp == '.' && i > lo &&
                    (((tc(i - 1).is(w_honorific) || initial(i - 1)) && b < end && name_tok(b)) ||
                     (abbrev_dot(i) && dotted(i - 1)))) {
                    --b;
                    continue;
                }
                break;
            }
            if (x.is(w_of) && !name_tok(i)) {
                if (b == end) break;
                --b;
                ++count;
                continue;
            }
            if (x.is(w_det) && !name_tok(i)) {
                --b;
                ++count;
                if (b > lo && tc(b - 1).is(w_of)) continue;
                break;
            }
            if (x.is(w_particle) && b < end && name_tok(b) && i > lo && name_tok(i - 1)) {
                --b;
                continue;
            }
            if (!np_word(i)) break;
            --b;
            ++count;
        }
        while (b < end && (tc(b).is(w_of) || !t(b).word())) ++b;
        bool content = false;
        for (std::size_t i = b; i < end; ++i) {
            if (t(i).word() && !tc(i).is(w_det | w_of)) content = true;
        }
        if (!content) return {};
        return {b, end};
    }

    /// The "(" of the parenthesis that ")" at token k closes, within 12 tokens of its sentence,
    /// or npos: "Rep. Gregory W. Meeks (D-N.Y.), chairman …".
    [[nodiscard]] std::size_t paren_open(std::size_t k) const {
        if (!punct(k, ')')) return npos;
        const std::size_t sb = d_.sent_tok[t(k).sent].b;
        for (std::size_t m = k; m-- > sb && k - m <= 12;) {
            if (punct(m, '(')) return m;
            if (!t(m).word() && (final_punct(m) || punct(m, ')') || punct(m, ','))) break;
        }
        return npos;
    }
    /// `end`, or the "(" before it when a parenthesis ends just before `end`.
    [[nodiscard]] std::size_t before_paren(std::size_t end) const {
        if (end == 0) return end;
        const std::size_t open = paren_open(end - 1);
        return open == npos ? end : open;
    }

    /// "Charlie King, a prominent New York Democrat": when the lowercase description `np` (its
    /// first word: "a", "the", "president") follows a comma after a person's name, that name.
    /// Empty otherwise.
    [[nodiscard]] tspan described_name(tspan np, std::size_t lo) const {
        if (np.empty() || np.b <= lo + 1 || !punct(np.b - 1, ',') || !lower(np.b)) return {};
        const tspan name = np_core_before(np.b - 1, lo);
        if (name.empty() || classify(name) != np_class::person) return {};
        return name;
    }

    /// The subject of a cue at token c: pronoun, relative pronoun, a noun phrase, or the noun
    /// phrase before an apposition ("X, the minister of …, said"). `appos` receives the apposition.
    [[nodiscard]] tspan np_before(std::size_t c, std::size_t lo, tspan* appos, bool* passive_out) const {
        bool passive = false;
        const std::size_t e = skip_aux_back(c, lo, passive);
        if (passive_out != nullptr) *passive_out = passive;
        if (e <= lo) return {};
        const token& x = tc(e - 1);
        if (x.word() && x.is(w_pron) && !x.is(w_det)) return {e - 1, e};
        if (x.word() && x.is(w_rel)) return {e - 1, e};
        if (x.word() && x.is(w_conj) && lower(e - 1) && key_in(e - 1, "and", "but")) {
            return coordinated_subject(e - 1, lo);  // "… furrowed his brow and said"
        }
        // The first dash of a run ("--") has the space before it.
        std::size_t run = e - 1;
        while (run > lo && dash(run) && dash(run - 1) && (t(run).shape & s_space_before) == 0) --run;
        if (dash(e - 1) && (t(run).shape & s_space_before) != 0) {
            // "Deborah Reynolds - Santilli's girlfriend … - told": the subject stands before the
            // opening dash of an apposition (a dash run like "--" counts as one).
            std::size_t k = e - 1;
            while (k > lo && dash(k - 1)) --k;
            for (std::size_t m = k; m-- > lo && k - m < 40;) {
                if (!t(m).word() && (final_punct(m) || qmark(m) || punct(m, ':'))) break;
                if (!dash(m) || (t(m).shape & s_space_before) == 0) continue;
                std::size_t open = m;
                while (open > lo && dash(open - 1)) --open;
                const tspan np = np_core_before(open, lo);
                if (!np.empty() && strong(np)) {
                    // "John Dickey, the chief executive of Ora Media -- the company that … --
                    // said": a description between commas before the dashes describes the name.
                    const tspan named = described_name(np, lo);
                    if (!named.empty()) {
                        if (appos != nullptr) *appos = {named.e + 1, k};
                        return named;
                    }
                    if (appos != nullptr) *appos = {m + 1, k};
                    return np;
                }
                break;
            }
            return {};
        }
        if (!x.word() && (x.cp == ',' || x.cp == ')')) {
            // "X, the minister of …, said" / "X, facing …, a swing state, said" / "The head of
            // the PAC, Mike Murphy, praised": the subject is the first person among the
            // comma-separated parts, else the part that opens the clause.
            const char32_t open = x.cp == ',' ? U',' : U'(';
            const std::size_t k = e - 1;
            const std::size_t lim = k > lo + 40 ? k - 40 : lo;
            // The part right before the verb may itself be the name ("…, Mike Murphy, praised").
            if (open == ',') {
                const tspan inner = np_core_before(before_paren(k), lo);
                if (!inner.empty() && inner.b > lo && punct(inner.b - 1, ',') && classify(inner) == np_class::person &&
                    described_name(inner, lo).empty()) {
                    return inner;
                }
            }
            int commas = 0;
            tspan first;
            for (std::size_t m = k; m-- > lim;) {
                if (open == ',' && m < k) {
                    const std::size_t po = paren_open(m);
                    if (po != npos) {
                        m = po;  // a parenthesis inside a part ("Meeks (D-N.Y.), chairman …")
                        continue;
                    }
                }
                if (!t(m).word() && (final_punct(m) || qmark(m) || t(m).cp == ':' || (open == '(' && t(m).cp == ','))) break;
                if (punct(m, open)) {
                    // An age between commas ("Jillian Chase, 27, a Tinder user in New York, said").
                    if (open == ',' && m >= lo + 2 && (t(m - 1).shape & s_digit) != 0 && punct(m - 2, ',')) {
                        m -= 1;
                        continue;
                    }
                    const tspan np = np_core_before(before_paren(m), lo);
                    if (np.empty() || classify(np) == np_class::none) break;
                    const np_class cls = classify(np);
                    if (first.empty()) first = np;
                    if (cls == np_class::person || cls == np_class::pronoun || np.b == lo || open == '(' || ++commas >= 3 ||
                        !punct(np.b - 1, ',')) {
                        const tspan pick = (cls == np_class::person || cls == np_class::pronoun || np.b == lo ||
                                            !punct(np.b - 1, ','))
                                               ? np
                                               : first;
                        if (appos != nullptr) *appos = {pick.e + 1, k};
                        return pick;
                    }
                    m = np.b;  // the next comma to the left ends the part before this one
                }
            }
            return {};
        }
        tspan np = np_core_before(e, lo);
        const tspan share = share_before(e, lo, np);
        if (!share.empty()) return share;
        // "Trump at the time said", "Beck, who has in the past described": a noun phrase after a
        // preposition is an adjunct; the subject stands before it.
        for (int hop = 0; hop < 2 && !np.empty() && np.b > lo && tc(np.b - 1).is(w_prep) && !tc(np.b - 1).is(w_of); ++hop) {
            // "… shortly after Trump said": a subordinator before a person is that clause's
            // subject, no adjunct.
            if (tc(np.b - 1).is(w_conj) && strong(np)) break;
            // "In a meeting with the editorial board of the Washington Post Trump said": a name
            // run on from the adjunct's outlet or organisation is the subject.
            if (t(np.e - 1).chunk >= 0) {
                const chunk& ch = d_.chunks[static_cast<std::size_t>(t(np.e - 1).chunk)];
                if (ch.kind == entity_kind::person && ch.name.e == np.e && ch.name.b > std::max(ch.all.b, np.b) &&
                    tc(ch.name.b - 1).is(w_media | w_org)) {
                    return ch.name;
                }
            }
            bool pass = false;
            const std::size_t e2 = skip_aux_back(np.b - 1, lo, pass);
            if (e2 <= lo) return {};
            const token& y = tc(e2 - 1);
            if (y.word() && (y.is(w_pron) && !y.is(w_det))) return {e2 - 1, e2};
            if (y.word() && y.is(w_rel)) return {e2 - 1, e2};
            if (!y.word() && y.cp == ',') return {};
            np = np_core_before(e2, lo);
        }
        return np;
    }

    /// "Sanders’ campaign manager": an apostrophe glued to a word in "s" and followed, on the
    /// same line, by a spaced word is a plural possessive, no quotation mark; its token gets
    /// `s_possessive` (one that closes a quotation is unmarked when quotations are put onto the
    /// tokens). Finds the apostrophes in bytes [b, e) with memchr, not by visiting every token:
    /// they are rare, and the token loop of `setup` is hot.
    void mark_plural_possessives(std::size_t b, std::size_t e) {
        const std::string_view text = d_.text;
        const auto mark = [&](std::size_t at) {  // `at`: the apostrophe's first byte
            if (at == b || (text[at - 1] != 's' && text[at - 1] != 'S')) return;
            const std::size_t i = first_token_at(at);
            if (i == 0 || i + 1 >= ntok() || d_.tok[i].begin != at || d_.tok[i].word()) return;
            token& x = d_.tok[i];
            const token& nx = d_.tok[i + 1];
            if ((x.shape & (s_space_before | s_possessive)) == 0 && d_.tok[i - 1].word() && nx.word() &&
                (nx.shape & s_space_before) != 0 && (nx.shape & s_break_before) == 0) {
                x.shape |= s_possessive;
            }
        };
        const char* const base = text.data();
        for (const char c : {'\'', '\x99'}) {  // "'", and the last byte of "’" (E2 80 99)
            std::size_t at = b;
            while (at < e) {
                const void* hit = std::memchr(base + at, c, e - at);
                if (hit == nullptr) break;
                const auto k = static_cast<std::size_t>(static_cast<const char*>(hit) - base);
                if (c == '\'') {
                    mark(k);
                } else if (k >= b + 2 && static_cast<unsigned char>(text[k - 1]) == 0x80 &&
                           static_cast<unsigned char>(text[k - 2]) == 0xE2) {
                    mark(k - 2);
                }
                at = k + 1;
            }
        }
    }

    /// A share of those polled that ends at `e`, with the approximating words before it: "About 9
    /// percent", "42%", "Two in three", "nearly nine out of 10", "all but two", "about half of
    /// Democratic primary voters". `np` is `np_core_before(e, lo)`. Empty when there is none, or
    /// when nothing in it would stop `np_core_before` ("Nine percent" is a noun phrase as it is).
    /// The cheap tests come first: this runs for every subject looked up before a cue.
    [[nodiscard]] tspan share_before(std::size_t e, std::size_t lo, tspan np) const {
        if (e <= lo + 1) return {};
        std::size_t b = npos;
        if (punct(e - 1, '%') && (t(e - 2).shape & s_digit) != 0) {
            b = e - 2;  // "42%"
        } else if (e >= lo + 3 && t(e - 2).word()) {
            if (key_is(e - 2, "in") && number_word(e - 3) && number_word(e - 1)) {
                b = e - 3;  // "Two in three"
            } else if (e >= lo + 4 && key_is(e - 2, "of") && key_is(e - 3, "out") && number_word(e - 4) &&
                       number_word(e - 1)) {
                b = e - 4;  // "nine out of 10"
            } else if (key_is(e - 2, "but") && key_is(e - 3, "all") && number_word(e - 1)) {
                b = e - 3;  // "all but two"
            }
        }
        if (b == npos) {
            // "half of Democratic primary voters", "9 percent": a share or a number heads the
            // noun phrase; it needs an approximating word before it to be of interest here.
            if (np.empty() || np.b <= lo || !(tc(np.b - 1).is(w_approx) || key_is(np.b - 1, "than"))) return {};
            // A number heads it alone or as a percentage, not as a count ("About 12 reports").
            const bool number_head = number_word(np.b) && (np.size() == 1 || key_is(np.e - 1, "percent"));
            if (!(number_head || tc(np.b).is(w_share))) return {};
            b = np.b;
        }
        // "about", "nearly", "more than", "fewer than"
        if (b > lo && t(b - 1).word() && tc(b - 1).is(w_approx)) {
            --b;
        } else if (b > lo + 1 && key_is(b - 1, "than") && t(b - 2).word() && tc(b - 2).is(w_approx)) {
            b -= 2;
        }
        // "McAuliffe has said about 20 people have indicated …": the subject of a reported clause.
        if (b > lo && t(b - 1).word() && tc(b - 1).is(w_cue)) return {};
        return {b, e};
    }

    /// The subject of the first of two coordinated verbs ("he looked … and said"): the nearest
    /// pronoun or name before `conj` that is directly followed by a lowercase verb-like word.
    [[nodiscard]] tspan coordinated_subject(std::size_t conj, std::size_t lo) const {
        const std::size_t lim = conj > lo + 30 ? conj - 30 : lo;
        for (std::size_t k = conj; k-- > lim;) {
            if (final_punct(k) || punct(k, ':') || punct(k, ';')) break;
            if (in_quote(k) || !t(k).word() || k + 1 >= conj) continue;
            const std::size_t v = k + 1;
            if (!lower(v) || tc(v).is(w_prep | w_of | w_conj | w_det | w_that | w_pron | w_rel)) continue;
            if (tc(k).is(w_pron) && !tc(k).is(w_det) && !key_is(k, "it") && !key_is(k, "you") && !key_is(k, "me") &&
                !key_is(k, "him") && !key_is(k, "them") && !key_is(k, "us")) {
                return {k, k + 1};
            }
            const std::int32_t c = t(k).chunk;
            if (c >= 0) {
                const chunk& ch = d_.chunks[static_cast<std::size_t>(c)];
                if (!ch.name.empty() && ch.name.e == k + 1) {
                    // "Trump joked that Brooklyn was his answer, but said": the subject of a
                    // reported clause is no subject of the sentence's verbs.
                    const tspan np = np_core_before(k + 1, lo);
                    if (!np.empty() && np.b > lim && tc(np.b - 1).is(w_that) && lower(np.b - 1)) continue;
                    return np;
                }
            }
            // "The relatives watched the videos … and said": the noun phrase that opens the
            // sentence, before a past-tense verb.
            const std::size_t sb = std::max(lo, d_.sent_tok[t(k).sent].b);
            if (tc(v).is(w_verb | w_cue) || ends_ed(v)) {
                const tspan np = np_core_before(k + 1, sb);
                if (!np.empty() && (np.b == sb || (np.b > sb && punct(np.b - 1, ','))) && np.e == k + 1 &&
                    (strong(np) || (np.b == sb && tc(np.b).is(w_det) && classify(np) == np_class::other))) {
                    return np;
                }
            }
        }
        return {};
    }

    /// A person's name ends right before token c ("Hillary Clinton Calls …").
    [[nodiscard]] bool person_before(std::size_t c) const noexcept {
        if (c == 0 || t(c - 1).chunk < 0) return false;
        const chunk& ch = d_.chunks[static_cast<std::size_t>(t(c - 1).chunk)];
        return !ch.name.empty() && ch.name.e == c && ch.kind == entity_kind::person;
    }

    /// A number: digits ("27", "1,200") or an English number word, hyphenated or not
    /// ("Twenty-seven", "dozen", "hundreds").
    [[nodiscard]] bool number_word(std::size_t i) const {
        if (!t(i).word()) return false;
        if ((t(i).shape & s_digit) != 0) return true;
        static constexpr std::string_view numbers[] = {
            "one",    "two",     "three",    "four",     "five",    "six",      "seven",  "eight",   "nine",
            "ten",    "eleven",  "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty", "thirty",  "forty",    "fifty",   "sixty",    "seventy", "eighty",  "ninety",
            "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen",  "dozens"};
        std::string_view w = word_text(i);
        if (w.size() > 20) return false;
        while (!w.empty()) {
            const std::size_t dash_at = w.find('-');
            const std::string_view part = w.substr(0, dash_at);
            bool known = false;
            for (const std::string_view n : numbers) {
                if (part.size() != n.size()) continue;
                bool same = true;
                for (std::size_t k = 0; k < n.size() && same; ++k) same = (part[k] | 0x20) == n[k];
                known = known || same;
            }
            if (!known) return false;
            if (dash_at == std::string_view::npos) break;
            w.remove_prefix(dash_at + 1);
        }
        return true;
    }

    /// A lowercase word of four or more letters ending in "ed" ("watched"): a past form, mostly.
    [[nodiscard]] bool ends_ed(std::size_t i) const noexcept {
        const std::string_view w = word_text(i);
        return w.size() >= 4 && w.substr(w.size() - 2) == "ed" && lower(i);
    }
    /// A lowercase word of five or more letters ending in "ing" ("ducking"): a participle or
    /// gerund, mostly.
    [[nodiscard]] bool ends_ing(std::size_t i) const noexcept {
        const std::string_view w = word_text(i);
        return w.size() > 4 && w.substr(w.size() - 3) == "ing" && lower(i);
    }

    /// The noun phrase starting at token k (before `hi`), or an empty span. With `nouny_head`, a
    /// noun form of a reporting verb after a determiner or a modifier is its head ("according to
    /// the report", "a new poll"): the phrase names a source, not an addressee.
    [[nodiscard]] tspan np_after(std::size_t k, std::size_t hi, bool nouny_head = false) const {
        if (k >= hi || !t(k).word()) return {};
        if (tc(k).is(w_pron) && !tc(k).is(w_det)) return {k, k + 1};
        std::size_t i = k;
        int count = 0;
        while (i < hi && count < 14) {
            const token& x = tc(i);
            if ((x.shape & s_possessive) != 0) {
                if (i == k) break;
                ++i;
                continue;
            }
            if (!x.word()) {
                if (x.cp == '.' && i > k && (tc(i - 1).is(w_honorific) || initial(i - 1)) && i + 1 < hi &&
                    name_tok(i + 1)) {
                    ++i;
                    continue;
                }
                // "9/11 widow Terry Strada", "24/7 coverage": a slash glued between two numbers.
                if (x.cp == '/' && i > k && i + 1 < hi && (x.shape & s_space_before) == 0 &&
                    (tc(i - 1).shape & s_digit) != 0 && (tc(i + 1).shape & (s_digit | s_space_before)) == s_digit) {
                    ++i;
                    continue;
                }
                break;
            }
            if (x.is(w_of) && !name_tok(i)) {
                if (i == k || i + 1 >= hi || !t(i + 1).word()) break;
                ++i;
                ++count;
                continue;
            }
            if (x.is(w_det) && !name_tok(i)) {
                // "the most recent data", "all the delegates": determiners in a row.
                if (i > k && !tc(i - 1).is(w_of | w_det)) break;
                ++i;
                ++count;
                continue;
            }
            if (x.is(w_particle) && i > k && name_tok(i - 1) && i + 1 < hi && name_tok(i + 1)) {
                ++i;
                continue;
            }
            if (nouny_head && i > k && x.is(w_cue_nouny) && x.is(w_form_base | w_form_s) && lower(i) &&
                (tc(i - 1).is(w_det) || np_word(i - 1, false))) {
                ++i;
                ++count;
                continue;
            }
            if (!np_word(i, false)) break;
            ++i;
            ++count;
        }
        std::size_t e = i;
        while (e > k && (tc(e - 1).is(w_of | w_det) || !t(e - 1).word())) --e;
        bool content = false;
        for (std::size_t j = k; j < e; ++j) {
            if (t(j).word() && !tc(j).is(w_det | w_of)) content = true;
        }
        // "told her that …": a pronoun that is also a possessive ("her") is the whole phrase
        // when no noun follows it.
        if (!content) return tc(k).is(w_pron) ? tspan{k, k + 1} : tspan{};
        return {k, e};
    }

    /// The source named after "according to" (at token k, before `hi`): a noun phrase whose
    /// head may be a report noun, after an adjective that is no noun-phrase word elsewhere ("early
    /// results of the exit poll", "last week's survey"). Empty when there is none.
    [[nodiscard]] tspan source_after(std::size_t k, std::size_t hi) const {
        const tspan np = np_after(k, hi, true);
        if (!np.empty() || k + 1 >= hi || !t(k).word() || !lower(k) || tc(k).is(w_prep | w_conj | w_that)) return np;
        if (!(adverb_ly(tc(k)) || tc(k).is(w_time))) return np;
        const tspan rest = np_after(k + 1, hi, true);
        return rest.empty() || !lower(k + 1) ? rest : tspan{k, rest.e};
    }

    /// A lowercase phrase from token k that only describes what came before it and runs to the
    /// end of the sentence: a participle phrase ("taking a step toward …") or a noun phrase with a
    /// determiner or a title ("an analyst at Pivotal Research Group", "director of the Survey
    /// Center, which …"), its prepositional phrases and a relative clause.
    [[nodiscard]] bool description_to_end(std::size_t k, std::size_t hi) const {
        if (k >= hi || !t(k).word() || !lower(k) || in_quote(k)) return false;
        if (ends_ing(k) && !tc(k).is(w_cue)) return true;
        if (!tc(k).is(w_det | w_title | w_nominal) || tc(k).is(w_pron)) return false;
        tspan np = np_after(k, hi);
        for (int n = 0; n < 4 && !np.empty(); ++n) {
            const std::size_t p = np.e;
            if (p >= hi || final_punct(p)) return true;
            if (t(p).word() && tc(p).is(w_rel)) return true;
            if (punct(p, ',') && p + 1 < hi && t(p + 1).word() && tc(p + 1).is(w_rel)) return true;
            if (!t(p).word() || !tc(p).is(w_prep | w_of) || tc(p).is(w_conj)) return false;
            np = np_after(p + 1, hi);
        }
        return false;
    }

    /// The person chunk whose name lies in `np`, or -1.
    [[nodiscard]] std::int32_t person_chunk(tspan np) const {
        std::int32_t found = -1;
        for (std::size_t i = np.b; i < np.e; ++i) {
            const std::int32_t c = t(i).chunk;
            if (c < 0) continue;
            const chunk& ch = d_.chunks[static_cast<std::size_t>(c)];
            if (!ch.name.empty() && ch.name.b >= np.b && ch.name.b < np.e) found = c;
        }
        return found;
    }

    /// End of the head part of a noun phrase (before "of").
    [[nodiscard]] std::size_t head_end(tspan np) const {
        for (std::size_t i = np.b + 1; i < np.e; ++i) {
            if (tc(i).is(w_of) && !name_tok(i)) return i;
        }
        return np.e;
    }

    [[nodiscard]] np_class classify(tspan np) const {
        if (np.empty()) return np_class::none;
        if (np.size() == 1 && tc(np.b).is(w_pron) && !tc(np.b).is(w_det)) return np_class::pronoun;
        if (np.size() == 1 && tc(np.b).is(w_rel)) return np_class::relative;
        if (person_chunk(np) >= 0) return np_class::person;
        const std::size_t he = head_end(np);
        std::size_t last = he;
        while (last > np.b && !t(last - 1).word()) --last;
        if (last == np.b) return np_class::other;
        const token& h = tc(last - 1);
        // "the 46-year-old", "the 70-year-olds": a person by age.
        const std::string_view hw = word_text(last - 1);
        if (hw.ends_with("-year-old")) return np_class::nominal;
        if (hw.ends_with("-year-olds")) return np_class::group;
        // "758 pledged delegates"; not a share of those polled ("42%", "four in 10").
        if (h.cp >= '0' && h.cp <= '9' &&
            !(np.size() >= 2 && (punct(np.e - 1, '%') || (np.size() >= 3 && key_in(np.e - 2, "in", "of"))))) {
            return np_class::none;
        }
        if (h.is(w_nominal | w_title) && !h.is(w_org)) {
            if (h.is(w_plural)) return np_class::group;
            return np_class::nominal;
        }
        for (std::size_t i = np.b; i < he; ++i) {
            if (tc(i).is(w_org | w_media) && !tc(i).is(w_nominal)) return np_class::org;
        }
        if (h.is(w_nominal | w_title)) return h.is(w_plural) ? np_class::group : np_class::nominal;
        // "a source close to the campaign": a person noun before a lowercase modifier.
        for (std::size_t i = np.b; i + 1 < last; ++i) {
            if (tc(i).is(w_nominal) && !tc(i).is(w_org) && lower(i + 1) && !name_tok(i + 1)) {
                return tc(i).is(w_plural) ? np_class::group : np_class::nominal;
            }
        }
        for (std::size_t i = np.b; i < he; ++i) {
            const std::int32_t c = t(i).chunk;
            if (c >= 0 && d_.chunks[static_cast<std::size_t>(c)].kind == entity_kind::organization) return np_class::org;
        }
        if (h.is(w_org) && h.is(w_plural)) return np_class::group;
        for (std::size_t i = np.b; i < np.e; ++i) {
            if (name_tok(i)) return np_class::org;
        }
        return np_class::other;
    }

    /// A speaker-like noun phrase: a name, pronoun, person noun or organisation.
    [[nodiscard]] bool strong(tspan np) const {
        const np_class c = classify(np);
        return c == np_class::person || c == np_class::pronoun || c == np_class::org || c == np_class::nominal ||
               c == np_class::group || c == np_class::relative;
    }

    /// Adjuncts after a cue: time words, "on Tuesday", "in a statement", adverbs; "to reporters"
    /// sets the addressee.
    [[nodiscard]] std::size_t skip_adjuncts(std::size_t a, std::size_t hi, tspan& addressee) const {
        const std::size_t start = a;
        while (a < hi && a - start < 12) {
            const token& x = tc(a);
            if (!x.word()) break;
            if (x.is(w_time) && !x.is(w_conj)) {
                ++a;
                continue;
            }
            if (x.is(w_adv) || adverb_ly(x)) {
                ++a;
                continue;
            }
            cue_match m;
            if (x.is(w_phrase) && cue_at(a, hi, m) && m.role == phrase_role::adjunct) {
                a += m.len;
                // "in an interview with X"
                if (a < hi && key_is(a - 1, "with")) {
                    const tspan np = np_after(a, hi);
                    if (!np.empty()) a = np.e;
                }
                continue;
            }
            if (x.is(w_prep) && a + 1 < hi) {
                std::size_t b = a + 1;
                if (tc(b).is(w_det) && b + 1 < hi) ++b;
                if (tc(b).is(w_time)) {
                    // "during a Friday evening rally": time words before a report noun.
                    std::size_t r = b + 1;
                    while (r < hi && r - b < 3 && t(r).word() && tc(r).is(w_time)) ++r;
                    a = r < hi && t(r).word() && tc(r).is(w_report) ? r + 1 : b + 1;
                    continue;
                }
                if (key_is(a, "to") && tc(b).is(w_addressee)) {
                    addressee = {a + 1, b + 1};
                    a = b + 1;
                    continue;
                }
                if (tc(b).is(w_report)) {  // "at a rally", "in a statement"
                    a = b + 1;
                    continue;
                }
            }
            if (x.is(w_addressee) && e_.russian()) {  // "заявил журналистам"
                addressee = {a, a + 1};
                ++a;
                continue;
            }
            break;
        }
        return a;
    }

    /// "said — on Twitter, as it happens — that …", "tells reporters outside a polling place
    /// that …": when an adjunct (a preposition, conjunction, dash or comma) follows the cue,
    /// the complementiser a few words later starts the reported clause.
    [[nodiscard]] std::size_t that_after_adjunct(std::size_t a, std::size_t hi) const {
        if (a >= hi || tc(a).is(w_that)) return a;
        if (!(dash(a) || punct(a, ',') || punct(a, '(') || (t(a).word() && tc(a).is(w_prep | w_conj)))) return a;
        // An adjunct set off by punctuation ends with punctuation ("said, in a statement, that
        // …"): in "…, Graham said, since most of them accept that …" the "that" is the
        // adjunct's own.
        const bool set_off = !t(a).word();
        for (std::size_t k = a + 1; k < hi && k - a < 16; ++k) {
            if (final_punct(k) || qmark(k) || punct(k, ':')) break;
            if (t(k).word() && tc(k).is(w_cue)) break;
            if (t(k).word() && tc(k).is(w_that)) {
                if (set_off && !(punct(k - 1, ',') || punct(k - 1, ')') || dash(k - 1))) break;
                return k;
            }
        }
        return a;
    }

    /// "said after the convention he would …", "said at a rally in Ohio they had …": up to two
    /// prepositional phrases after the cue, then a subject pronoun and its verb, start the
    /// reported clause at the pronoun (no "that"). `a` otherwise.
    [[nodiscard]] std::size_t subject_after_adjunct(std::size_t a, std::size_t hi) const {
        std::size_t p = a;
        for (int n = 0; n < 2; ++n) {
            if (p >= hi || !t(p).word() || !tc(p).is(w_prep) || tc(p).is(w_of)) return a;
            const tspan np = np_after(p + 1, hi);
            if (np.empty() || np.size() > 8) return a;
            p = np.e;
            if (p + 1 < hi && t(p).word() && lower(p + 1) && tc(p + 1).is(w_aux | w_be | w_verb | w_cue) &&
                (key_in(p, "he", "she", "they", "we") || word_text(p) == "I")) {
                return p;
            }
        }
        return a;
    }

    /// Number of words in [b, e) before the first comma or sentence punctuation (up to 16).
    [[nodiscard]] std::size_t clause_words(std::size_t b, std::size_t e) const {
        std::size_t n = 0;
        e = std::min(e, b + 256);
        for (std::size_t i = b; i < e && n < 16 && !punct(i, ',') && !final_punct(i); ++i) n += t(i).word() ? 1U : 0U;
        return n;
    }

    /// Whether [b, e) holds at least k words among its first 256 tokens (the bound keeps the work
    /// per cue constant). Counting stops at k: the callers ask for 1 to 4, and a walk that stops
    /// there is shorter and ends more regularly (a full count's loop exit mispredicted ~36K times
    /// per pass over BBC).
    [[nodiscard]] bool has_words(std::size_t b, std::size_t e, std::size_t k) const {
        std::size_t n = 0;
        e = std::min(e, b + 256);
        for (std::size_t i = b; i < e && n < k; ++i) n += t(i).word() ? 1U : 0U;
        return n >= k;
    }

    /// The start of the clause ending at `end` in the sentence starting at sb: skips a dateline
    /// ("MINSK, 23 November (BelTA) – ").
    [[nodiscard]] std::size_t clause_start(std::size_t sb, std::size_t end) const {
        const std::size_t lim = std::min(end, sb + 16);
        for (std::size_t i = sb + 1; i < lim; ++i) {
            if (dash(i) && (t(i).shape & s_space_before) != 0 && i > sb &&
                (punct(i - 1, ')') || (t(i - 1).shape & (s_allcaps | s_digit)) != 0)) {
                return i + 1;
            }
        }
        return sb;
    }

    /// A content span from tokens [b, e), without trailing punctuation.
    [[nodiscard]] text_span content_of(std::size_t b, std::size_t e) const {
        for (int k = 0; k < 64 && e > b && !t(e - 1).word() && !qmark(e - 1) && !punct(e - 1, ')') && !punct(e - 1, ']'); ++k) --e;
        for (int k = 0; k < 64 && b < e && !t(b).word() && !qmark(b) && !punct(b, '(') && !punct(b, '['); ++k) ++b;
        if (e <= b) return {};
        return {t(b).begin, t(e - 1).end()};
    }

    // ------------------------------------------------------------------ direct quotations
    void direct_pass() {
        for (std::size_t qi = 0; qi < d_.qs.size(); ++qi) {
            auto& q = d_.qs[qi];
            if (!q.top || !q.speech || q.otok.empty()) continue;
            frame f;
            f.quote = q.orig;
            f.content = q.content;
            f.kind = quote_kind::direct;
            f.sentence = t(q.otok.b).sent;
            // "…," X said: a quotation ending with a comma is attributed by what follows it.
            const bool comma_end = ends_with_comma(q.content);
            bool found = (comma_end && tail_of(qi, f)) || head_of(qi, f, true) || colon_line(qi, f) ||
                         (!comma_end && tail_of(qi, f)) || head_of(qi, f, false);
            if (!found) continue;
            lead_in(qi, f);
            for (std::size_t i = f.cue.b; i < f.cue.e; ++i) d_.tok[i].shape |= s_used;
            q.frame = static_cast<std::int32_t>(d_.frames.size());
            d_.frames.push_back(f);
        }
    }

    // ------------------------------------------------------------------ transcripts
    /// Transcript turns: in a text whose paragraphs open with speaker labels of two speakers or
    /// more (after an opening quotation mark when the transcript is quoted) and a colon
    /// ("PENCE: Well, look, …", "Matthews: Well, speculation is bad."), the rest of each such
    /// paragraph is the labelled speaker's words. Inside a quotation the turn is direct speech
    /// (that quotation's); else indirect, or mixed with quoted words in it, as for any report
    /// without quotation marks of its own. One label alone is a headline's ("Lukashenko: CSTO
    /// remains …"), which `headline` reads.
    void turn_pass() {
        std::vector<tspan>& turns = s_.turns;
        for (const tspan pr : d_.para_tok) {
            std::size_t k = pr.b;
            if (k < pr.e && qmark(k)) ++k;
            // A colon among the first five tokens, before any lexicon lookup (most paragraphs
            // have none).
            bool colon = false;
            for (std::size_t c = k + 1; c < pr.e && c - k <= 4 && !colon; ++c) colon = punct(c, ':');
            if (!colon) continue;
            std::size_t j = k;
            while (j < pr.e && j - k < 4 && name_tok(j) && !tc(j).is(w_place | w_media | w_org | w_roleword | w_title)) ++j;
            if (j == k || j + 1 >= pr.e || !punct(j, ':') || (t(j + 1).shape & s_break_before) != 0) continue;
            if (!has_words(j + 1, pr.e, 3)) continue;
            turns.push_back({k, j});
        }
        if (turns.empty()) return;
        bool transcript = false;
        const std::uint32_t first = word_hash(turns.front().e - 1);
        for (const tspan lb : turns) transcript = transcript || word_hash(lb.e - 1) != first;
        if (!transcript) return;
        const std::size_t first_turn = d_.frames.size();
        for (const tspan lb : turns) {
            const std::size_t colon = lb.e;
            const tspan pr = d_.para_tok[para(colon)];
            std::size_t end = pr.e;
            if (end > colon + 1 && qmark(end - 1) && !in_quote(end - 1)) --end;  // a stray closing mark
            frame f;
            f.type = frame_type::direct_colon;
            f.kind = quote_kind::indirect;
            f.cue = {colon, colon + 1};
            f.mention = lb;
            f.content = content_of(colon + 1, end);
            f.sentence = t(colon).sent;
            if (f.content.empty()) continue;
            if (in_quote(colon)) {
                auto& q = d_.qs[quote_of(colon)];
                if (q.frame >= 0 || !q.speech) continue;  // already attributed as a whole
                f.kind = quote_kind::direct;
                f.quote = q.orig;
                f.content = {f.content.begin, std::min(f.content.end, q.content.end)};
                if (f.content.empty()) continue;
            }
            d_.tok[colon].shape |= s_used;
            d_.frames.push_back(f);
        }
        // A quotation that holds turns is said by their speakers, not by one of its own.
        for (std::size_t fi = first_turn; fi < d_.frames.size(); ++fi) {
            const frame& f = d_.frames[fi];
            if (f.kind != quote_kind::direct) continue;
            auto& q = d_.qs[quote_of(f.cue.b)];  // the colon is in that quotation
            if (q.frame < 0) q.frame = static_cast<std::int32_t>(fi);
        }
    }

    /// A quotation that opens in lowercase continues the words before it in its sentence, which
    /// are then part of the report (mixed speech): "Both parties “saw Burma as …,” said X" and
    /// "So when Patriot signaled …, Mr. Barrett said, “we were floored.”".
    void lead_in(std::size_t qi, frame& f) {
        const auto& q = d_.qs[qi];
        if (q.content.empty() || !unicode::is_lower(utf8::decode(d_.text, q.content.begin).value)) return;
        const tspan st = d_.sent_tok[t(q.otok.b).sent];
        if (q.otok.b <= st.b + 1 || q.otok.b - st.b > 60) return;
        std::size_t end = q.otok.b;  // the lead-in ends before the quote, or before the speaker
        if (f.type == frame_type::direct_tail) {
            if (!t(end - 1).word()) return;  // "Both political parties “saw …"
        } else if (f.type == frame_type::direct_head && !f.mention.empty() && f.mention.b < f.cue.b) {
            end = f.mention.b;  // "CLAUSE, Mr. Barrett said, “we …"
            if (end <= st.b + 1 || !punct(end - 1, ',')) return;
            --end;
        } else {
            return;
        }
        const std::size_t b = clause_start(st.b, end);
        for (std::size_t i = b; i < end; ++i) {
            if (in_quote(i) || (t(i).shape & s_used) != 0 || punct(i, ':') || punct(i, ';')) return;
        }
        if (!has_words(b, end, f.type == frame_type::direct_tail ? 2U : 4U)) return;
        if (f.type == frame_type::direct_tail && between_has_cue(b, end, 60)) return;
        f.content = {t(b).begin, q.content.end};
        f.kind = quote_kind::mixed;
    }

    /// The top-level quote before / after `qi` in the same paragraph, as a token bound.
    [[nodiscard]] std::size_t prev_quote_end(std::size_t qi) const {
        for (std::size_t k = qi; k-- > 0;) {
            if (d_.qs[k].top && !d_.qs[k].otok.empty()) return d_.qs[k].otok.e;
        }
        return 0;
    }
    [[nodiscard]] std::size_t next_quote_begin(std::size_t qi) const {
        for (std::size_t k = qi + 1; k < d_.qs.size(); ++k) {
            if (d_.qs[k].top && !d_.qs[k].otok.empty()) return d_.qs[k].otok.b;
        }
        return ntok();
    }

    /// "X said: “…”", "X said, “…”", "X said “…”", "X said that “…”" (colon_only: only the first).
    bool head_of(std::size_t qi, frame& f, bool colon_only) {
        const auto& q = d_.qs[qi];
        const std::size_t hi = q.otok.b;
        if (hi == 0) return false;
        const std::size_t pg = para(hi);
        std::size_t lo = std::max(d_.para_tok[pg].b, prev_quote_end(qi));
        if (hi > lo + 40) lo = hi - 40;
        if (hi <= lo) return false;
        std::size_t j = hi - 1;
        char32_t sep = 0;
        if (punct(j, ':') || punct(j, ',')) {
            sep = t(j).cp;
            if (j == lo) return false;
        } else if (dash(j)) {
            sep = '-';
            if (j == lo) return false;
        } else {
            ++j;  // no separator: j is one past the last head token
        }
        if (colon_only && sep != ':') return false;
        if (!colon_only && sep == ':') return false;
        if (!head_window(lo, j, sep, f, frame_type::direct_head)) return false;
        // "Said Dorothy Poynter, who grew up with Ali, “…”": a relative clause about the speaker
        // after an inverted cue is no reported clause.
        if (sep == ',' && !f.mention.empty() && f.mention.b >= f.cue.e && f.mention.e + 1 < j && punct(f.mention.e, ',') &&
            t(f.mention.e + 1).word() && tc(f.mention.e + 1).is(w_rel)) {
            return true;
        }
        // "She said the turmoil was not the fault of banks, “not by a long shot.”", "X said via
        // email that, “…” against …": the quotation ends a reported clause; the indirect pass
        // builds it as mixed speech.
        return !(sep == ',' && clause_between(f.cue.e, j));
    }

    /// The words [a, j) between a cue and a quotation are (the start of) a reported clause:
    /// "that" after the addressee and adjuncts, or four words or more that do not open with a
    /// preposition or conjunction.
    [[nodiscard]] bool clause_between(std::size_t a, std::size_t j) const {
        if (a >= j || a == 0) return false;
        tspan ad;
        if (tc(a - 1).is(w_cue_tell) && t(a).word() && !tc(a).is(w_that | w_prep | w_conj)) {
            const tspan np = np_after(a, j);
            if (!np.empty()) a = np.e;
        }
        a = skip_adjuncts(a, j, ad);
        a = that_after_adjunct(a, j);
        if (a >= j || !t(a).word()) return false;
        if (tc(a).is(w_that)) return true;
        if (tc(a).is(w_prep | w_conj | w_of | w_time)) return false;
        return has_words(a, j, 4);
    }

    /// The cue and speaker in tokens [lo, j) before a quotation; `sep` is what separates them
    /// from it (':' ',' '-' or 0).
    bool head_window(std::size_t lo, std::size_t j, char32_t sep, frame& f, frame_type type) {
        const std::size_t maxback = sep == ':' ? 40 : 16;
        std::size_t c = npos;
        cue_match m;
        for (std::size_t k = j; k-- > lo && j - k <= maxback;) {
            // A cue already used by the quotation before may be shared: "“…,” he said, “…”".
            if (final_punct(k) || qmark(k) || in_quote(k)) break;
            cue_match mm;
            if (cue_at(k, j, mm) && mm.role != phrase_role::adjunct) {
                if (!mm.phrase && (t(k).shape & s_cap) != 0 && !sent_start(k)) continue;
                // "continued with an appeal to voters:": a noun form is no cue.
                if (!mm.phrase && sep == ':' && noun_reading(k, lo)) continue;
                c = k;
                m = mm;
                // "He went on to say, “…”": the last word of a phrase cue is a cue itself; the
                // phrase that ends with it is the cue.
                for (std::size_t b = k; !mm.phrase && b-- > lo && k - b <= 4;) {
                    if (final_punct(b) || qmark(b)) break;
                    cue_match pm;
                    if (cue_at(b, j, pm) && pm.phrase && pm.role == phrase_role::speaker_before && b + pm.len == k + mm.len) {
                        c = b;
                        m = pm;
                        break;
                    }
                }
                break;
            }
        }
        if (c == npos) {
            // "Lukashenko:" / "The minister:" / "… surprise Republican pollster Daron Shaw:"
            // introducing the words.
            if (sep != ':') return false;
            // "Rep. Trey Gowdy (R-S.C.):": a short parenthesis between the words and the colon.
            std::size_t je = j;
            if (je > lo && punct(je - 1, ')')) {
                for (std::size_t k = je - 1; k-- > lo && je - k <= 8;) {
                    if (punct(k, '(')) {
                        je = k;
                        break;
                    }
                }
            }
            tspan np = je - lo <= 6 ? np_after(lo, je) : tspan{};
            if (np.empty() || np.e != je) np = np_core_before(je, lo);
            if (np.empty() || np.e != je) return false;
            const np_class cls = classify(np);
            // "More from the Des Moines Register:", "From Pew Research:": "from" names the source
            // of the words, at the end of any line.
            const bool from = np.b > lo && t(np.b - 1).word() && key_is(np.b - 1, "from") &&
                              (cls == np_class::person || cls == np_class::nominal || cls == np_class::org || cls == np_class::other);
            if (!from && cls != np_class::person && !(je - lo <= 6 && (cls == np_class::nominal || cls == np_class::org))) return false;
            // In a longer line ("Gillibrand on Hillary Releasing Her Speech Transcripts:") the
            // words before the colon must name someone for sure.
            if (je - lo > 6 && !from) {
                const std::int32_t pc = person_chunk(np);
                if (pc < 0 || !d_.chunks[static_cast<std::size_t>(pc)].evidence) return false;
            }
            f.mention = np;
            f.cue = {j, j + 1};
            f.type = type;
            f.confidence = 0.6F;
            return true;
        }
        const std::size_t ce = c + m.len;
        if (sep == 0) {
            // "X said “…”" or "X said that “…”"
            if (!(ce == j || (ce + 1 == j && tc(ce).is(w_that)))) return false;
        }
        if (m.role == phrase_role::speaker_after || m.role == phrase_role::previous_content) {
            const tspan np = np_after(ce, j);
            if (np.empty()) return false;
            f.mention = np;
        } else {
            tspan appos;
            bool passive = false;
            tspan np = np_before(c, lo, &appos, &passive);
            // "interjected to say:", "went so far as to say:", "had this to say:": an infinitive
            // cue; the speaker is the subject of the verb before it.
            if (np.empty() && !m.phrase && sep == ':' && tc(c).is(w_form_base) && c > lo + 1 && key_is(c - 1, "to")) {
                for (std::size_t v = c - 1; v-- > lo && c - v <= 5;) {
                    if (!t(v).word() || in_quote(v)) break;
                    if (lower(v) && (tc(v).is(w_form_past | w_verb | w_aux) || ends_ed(v)) && !tc(v).is(w_be)) {
                        np = np_before(v, lo, &appos, &passive);
                        break;
                    }
                }
            }
            if (passive && !m.phrase) return false;
            if (!np.empty()) {
                f.mention = np;
                if ((tc(c).is(w_cue_tell) || m.phrase) && ce < j) {
                    const tspan ad = np_after(ce, j);
                    if (!ad.empty() && ad.e == j && tc(c).is(w_cue_tell)) f.addressee = ad;
                }
            } else {
                // Inverted: "said X:" / "said X," (a finite form, not "to say")
                if (m.phrase || !tc(c).is(w_form_past | w_form_s) || (c > lo && key_is(c - 1, "to"))) return false;
                std::size_t a = ce;
                tspan ignored;
                a = skip_adjuncts(a, j, ignored);
                np = np_after(a, j);
                if (np.empty() || !strong(np)) return false;
                f.mention = np;
            }
            if (sep == ',' && tc(c).is(w_form_ing)) return false;
        }
        if (tc(c).is(w_cue_nouny) && !m.phrase && !strong(f.mention)) return false;
        f.cue = {c, ce};
        f.type = type;
        return true;
    }

    /// A quote opening its paragraph after a paragraph that ends with a colon.
    bool colon_line(std::size_t qi, frame& f) {
        const auto& q = d_.qs[qi];
        const std::size_t pg = para(q.otok.b);
        if (q.otok.b != d_.para_tok[pg].b || pg == 0) return false;
        const tspan prev = d_.para_tok[pg - 1];
        if (prev.empty() || !punct(prev.e - 1, ':')) return false;
        // Only when the previous paragraph is not itself inside a quotation.
        if (in_quote(prev.e - 1)) return false;
        std::size_t lo = d_.sent_tok[t(prev.e - 1).sent].b;
        lo = std::max(lo, prev.b);
        if (prev.e - 1 > lo + 40) lo = prev.e - 41;
        return head_window(lo, prev.e - 1, ':', f, frame_type::direct_colon);
    }

    /// "“…,” X said." / "“…,” said X." / "“…,” X, the minister of …, said" / "“…” X told reporters".
    bool tail_of(std::size_t qi, frame& f) {
        const auto& q = d_.qs[qi];
        std::size_t i = q.otok.e;
        if (i >= ntok() || !same_para(i, q.otok.e - 1)) return false;
        std::size_t hi = std::min({d_.para_tok[para(i)].e, next_quote_begin(qi), i + 40});
        while (i < hi && !t(i).word() && (punct(i, ',') || dash(i) || punct(i, ')'))) ++i;
        if (i >= hi) return false;
        hi = std::min(hi, d_.sent_tok[t(i).sent].e);
        const bool ended = quote_ends_sentence(q.content);
        cue_match m;
        // Inverted: the cue first.
        if (cue_at(i, hi, m) && m.role != phrase_role::adjunct && !tc(i).is(w_form_ing) &&
            ((t(i).shape & s_cap) == 0 || m.phrase)) {
            const std::size_t ce = i + m.len;
            const tspan np = np_after(ce, hi);
            // A speaker-like phrase, or any noun phrase with a determiner that ends the clause
            // ("“…,” said the designer." — after a quotation, "said the N" names who said it).
            const auto determined = [&] {
                const std::size_t after = np.e;
                return tc(np.b).is(w_det) && lower(np.b) && !tc(np.b).is(w_pron) && classify(np) == np_class::other &&
                       (after >= hi || final_punct(after) || punct(after, ','));
            };
            if (!np.empty() && (strong(np) || determined())) {
                if (ended && clause_words(np.e, hi) > 6) return false;
                f.cue = {i, ce};
                f.mention = np;
                f.type = frame_type::direct_tail;
                return true;
            }
            return false;
        }
        // The subject first.
        const tspan np = np_after(i, hi);
        if (np.empty()) return false;
        std::size_t j = np.e;
        // "Jason Chaffetz (R-Utah) said": a short parenthesis after the name.
        if (j < hi && punct(j, '(')) {
            std::size_t k = j + 1;
            while (k < hi && k - j < 10 && !punct(k, ')') && !final_punct(k) && !qmark(k)) ++k;
            if (k < hi && punct(k, ')')) j = k + 1;
        }
        // "X, the minister of …, said", "Harry Bond, 30, of Raleigh, N.C., who …, said": skip up to
        // four comma groups to the verb.
        for (int group = 0; group < 4 && j < hi && punct(j, ','); ++group) {
            bool found = false;
            cue_match probe;
            bool pass = false;
            const std::size_t v = skip_aux_fwd(j + 1, hi, pass);
            if (v < hi && cue_at(v, hi, probe)) {  // "…, who …, said": the verb after the last comma
                j = j + 1;
                break;
            }
            for (std::size_t k = j + 1; k < hi && k - j < 30; ++k) {
                // A period right before a comma ends an abbreviation ("R-Ky.,", "N.C.,").
                if ((final_punct(k) && !(punct(k, '.') && k + 1 < hi && punct(k + 1, ','))) || qmark(k)) break;
                if (punct(k, ',')) {
                    j = k + 1;
                    found = true;
                    break;
                }
            }
            if (!found) break;
            pass = false;
            const std::size_t w = skip_aux_fwd(j, hi, pass);
            if (w < hi && cue_at(w, hi, probe)) break;  // the verb after this group
            if (j < hi && !punct(j, ',')) {
                // Not yet the verb: another group must follow.
                std::size_t k = j;
                while (k < hi && k - j < 30 && !punct(k, ',') && !final_punct(k) && !qmark(k)) ++k;
                if (k >= hi || !punct(k, ',')) break;
                j = k;
            }
        }
        bool passive = false;
        j = skip_aux_fwd(j, hi, passive);
        if (j >= hi || passive || !cue_at(j, hi, m) || m.role == phrase_role::adjunct ||
            m.role == phrase_role::speaker_after || tc(j).is(w_form_ing)) {
            return false;
        }
        const np_class cls = classify(np);
        if (cls == np_class::none) return false;
        if (tc(j).is(w_cue_nouny) && !m.phrase && !strong(np)) return false;
        const std::size_t ce = j + m.len;
        tspan ad;
        std::size_t a = ce;
        if (tc(j).is(w_cue_tell) && a < hi && t(a).word() && !tc(a).is(w_that | w_prep | w_conj)) {
            ad = np_after(a, hi);
            if (!ad.empty()) a = ad.e;
        }
        a = skip_adjuncts(a, hi, ad);
        if (ended) {
            // "“….” He adds, “…”": after a finished sentence the cue introduces the next quotation.
            if (a < ntok() && (punct(a, ',') || punct(a, ':')) && a + 1 == next_quote_begin(qi)) return false;
            // Counted to the sentence end, over any quotation: "“….” X said it would be
            // “improper” …" is a new report.
            if (clause_words(a, d_.sent_tok[t(j).sent].e) > 4) return false;
        }
        f.cue = {j, ce};
        f.mention = np;
        f.addressee = ad;
        f.type = frame_type::direct_tail;
        return true;
    }

    [[nodiscard]] bool ends_with_comma(text_span content) const {
        std::string_view c = view_of(d_.text, content);
        while (!c.empty() && (c.back() == ' ' || c.back() == '"' || c.back() == '\'')) c.remove_suffix(1);
        return !c.empty() && c.back() == ',';
    }

    [[nodiscard]] bool quote_ends_sentence(text_span content) const {
        std::string_view c = view_of(d_.text, content);
        while (!c.empty() && (c.back() == ' ' || c.back() == '"' || c.back() == '\'')) c.remove_suffix(1);
        if (c.empty()) return false;
        const utf8::codepoint cp = utf8::decode_before(c, c.size());
        return cp.value == '.' || cp.value == '!' || cp.value == '?' || cp.value == 0x2026;
    }

    // ------------------------------------------------------------------ indirect speech
    void indirect_pass() {
        std::vector<frame>& local = s_.local;
        std::vector<std::size_t>& cand = s_.cand;
        local.reserve(8);
        cand.reserve(64);
        std::size_t ai = 0;
        for (std::size_t s = 0; s < d_.sent_tok.size(); ++s) {
            const tspan st = d_.sent_tok[s];
            local.clear();
            if (headline(s, local)) {
                commit(local);
                continue;
            }
            // A sentence without a cue anchor (or a pattern match) has no candidate cue: most
            // sentences, which skip the rest (~1M instructions per pass over BBC).
            while (ai < anchor_tok_.size() && anchor_tok_[ai] < st.b) ++ai;
            if (pattern_end_.empty() && (ai == anchor_tok_.size() || anchor_tok_[ai] >= st.e)) continue;
            // A reported clause may end inside a quotation that runs past the sentence end
            // ("Cruz added that he was the only one “fighting …. I'll tell you …”"): the
            // clause then runs to the quotation's end.
            tspan clause = st;
            if (clause.e > clause.b && in_quote(clause.e - 1)) {
                const auto& q = d_.qs[quote_of(clause.e - 1)];
                if (q.otok.e > clause.e && q.otok.e - clause.e < 400 && q.para_last == para(clause.b)) {
                    clause.e = q.otok.e;
                }
            }
            // Candidate cues: the anchors of this sentence and, for an anchor that stands inside
            // a phrase, the words before it where such a phrase would start ("drew attention
            // to": two words before "attention"), and user pattern matches. (A fixed window of
            // seven words before every anchor cost a lookup for each of them: a fifth of
            // this pass.)
            cand.clear();
            // Whether `cand` is in order, kept as it grows (no walk of `std::is_sorted` over it,
            // whose varying length mispredicted its exit ~80K times per pass over BBC).
            bool sorted = true;
            std::size_t last = 0;
            const auto add = [&](std::size_t i) {
                sorted &= i >= last;
                last = i;
                cand.push_back(i);
            };
            // Noun-like anchors turned down below, kept for the next anchor that is taken: one
            // at most seven words before it is a candidate after all ("Democrats accused Trump
            // of suggesting …", "the pledged delegates said").
            std::array<std::size_t, 8> held{};
            std::size_t nheld = 0;
            std::size_t k = ai;
            for (; k < anchor_tok_.size() && anchor_tok_[k] < st.e; ++k) {
                const std::size_t a = anchor_tok_[k];
                if (!tc(a).is(w_anchor)) continue;  // a prefilter false positive
                // A noun-like form ("reports", "claims") is worth a look only after a name, a
                // pronoun or a person noun, or before "that".
                if (tc(a).is(w_cue_nouny) && !tc(a).is(w_phrase)) {
                    const bool that = a + 1 < st.e && tc(a + 1).is(w_that);
                    // The subject may stand before adverbs ("Politico recently reported").
                    bool be = false;
                    const std::size_t sa = skip_aux_back(a, st.b, be);
                    const bool subject = sa > st.b && t(sa - 1).word() &&
                                         (name_tok(sa - 1) || tc(sa - 1).is(w_pron | w_nominal | w_org | w_media | w_title));
                    // A phrase may start a few words before it ("As reported by").
                    bool phrase = false;
                    for (std::size_t p = a; p > st.b && a - p < 3 && !phrase; --p) phrase = t(p - 1).word() && tc(p - 1).is(w_phrase);
                    // "… who only specified “Christian” as …": a quoted fragment right after it.
                    const bool quoted = a + 1 < st.e && qmark(a + 1);
                    // "CLAUSE, noted NBC's Dante Chinni.": inverted, a speaker after it.
                    const bool inverted_next = a > st.b && punct(a - 1, ',') && a + 1 < st.e && t(a + 1).word() &&
                                               (name_tok(a + 1) || tc(a + 1).is(w_det | w_nominal | w_media | w_org | w_title));
                    if (!that && !subject && !quoted && !inverted_next && !phrase) {
                        if (nheld == held.size()) {
                            std::copy(held.begin() + 1, held.end(), held.begin());
                            --nheld;
                        }
                        held[nheld++] = a;
                        continue;
                    }
                }
                for (std::size_t h = 0; h < nheld; ++h) {
                    if (a - held[h] <= 7) add(held[h]);
                }
                nheld = 0;
                const std::size_t back = lex_.entry(tc(a).lex).phrase_back;
                const std::size_t first = a > st.b + back ? a - back : st.b;
                sorted &= first >= last;  // (the run is in order: only its first word may be out of order)
                for (std::size_t i = first; i <= a; ++i) cand.push_back(i);
                last = a;
            }
            // The next sentence's anchors start here (sentences are in text order, without
            // overlaps): the skip loop above then has nothing to skip, instead of a loop whose
            // length varies with each sentence (84K mispredicted exits per pass over BBC).
            ai = k;
            if (!pattern_end_.empty()) {
                for (std::size_t i = st.b; i < st.e; ++i) {
                    if (pattern_end_[i] != 0) add(i);
                }
            }
            // In text order, once each (a phrase's start may come before a held anchor).
            if (!sorted) std::sort(cand.begin(), cand.end());
            std::size_t next = 0;  // first token a new cue may start at
            std::size_t prev = npos;
            for (std::size_t ci = 0; ci < cand.size(); ++ci) {
                const std::size_t i = cand[ci];
                // Taken before (a duplicate), inside a cue already found, not a word, in a
                // quotation or already used: one combined test, one branch (the shape first: such
                // a word needs no lookup).
                const bool dup = i == prev;
                prev = i;
                if ((i < next) | dup | ((t(i).shape & (s_word | s_in_quote | s_used)) != s_word)) continue;
                const token& x = tc(i);
                if (!x.is(w_cue | w_phrase) && (pattern_end_.empty() || pattern_end_[i] == 0)) continue;
                frame f;
                std::size_t len = 0;
                if (indirect_frame(i, clause, local, f, len)) {
                    f.sentence = s;
                    local.push_back(f);
                }
                next = i + std::max<std::size_t>(len, 1);
            }
            if (local.empty()) continue;
            resolve_conflicts(local);
            nested_depth(local);
            commit(local);
        }
        absorb_quotes();
    }

    void commit(std::vector<frame>& local) {
        for (auto& f : local) {
            if (f.dropped || f.content.empty()) continue;
            for (std::size_t i = f.cue.b; i < f.cue.e; ++i) d_.tok[i].shape |= s_used;
            d_.frames.push_back(f);
        }
        local.clear();
    }

    /// "Lukashenko: CSTO remains integral part of …" — a paragraph that opens with a known
    /// person's name and a colon.
    bool headline(std::size_t s, std::vector<frame>& local) {
        const tspan st = d_.sent_tok[s];
        if (st.b != d_.para_tok[para(st.b)].b || st.size() < 5) return false;
        std::size_t k = st.b;
        while (k < st.e && k - st.b < 4 && name_tok(k)) ++k;
        if (k == st.b || k >= st.e || !punct(k, ':') || in_quote(k) || (t(k).shape & s_used) != 0) return false;
        if (!has_words(k + 1, st.e, 3) || in_quote(k + 1)) return false;
        // A person the text names in full, or a source that is no person: "Poll: …", "Insiders:
        // …", "NY Post: …".
        const bool source = tc(k - 1).is(w_media | w_org | w_nominal) || key_in(k - 1, "poll", "survey", "report", "study");
        if (!source) {
            const std::int32_t c = t(k - 1).chunk;
            if (c < 0) return false;
            const chunk& ch = d_.chunks[static_cast<std::size_t>(c)];
            if (ch.name.empty() || !has_full_person(ch.surname)) return false;
        }
        frame f;
        f.type = frame_type::indirect_headline;
        f.kind = quote_kind::indirect;
        f.cue = {k, k + 1};
        f.mention = {st.b, k};
        f.content = content_of(k + 1, st.e);
        f.sentence = s;
        local.push_back(f);
        return true;
    }

    /// "Asked if he was ever bullied, Trump said no.", "… when asked whether he would run",
    /// "Asked by Starnes about the attack, …": the question put to someone, its asker named only
    /// after "by". 1: `f` holds it; -1: "asked" here is no such question (no other reading
    /// either); 0: not this construction.
    int question_frame(std::size_t c, tspan st, std::size_t hi, frame& f) const {
        const bool opens = c == st.b || (c > st.b && t(c - 1).word() && key_in(c - 1, "when", "after", "once"));
        if (!opens) return 0;
        std::size_t a = c + 1;
        tspan asker;
        for (int n = 0; a < hi && n < 6 && t(a).word(); ++n) {
            const token& x = tc(a);
            if (key_is(a, "by") && asker.empty()) {
                asker = np_after(a + 1, hi);
                if (asker.empty()) return -1;
                a = asker.e;
                continue;
            }
            if (x.is(w_time) || x.is(w_adv) || adverb_ly(x)) {
                ++a;
                continue;
            }
            if (x.is(w_prep) && !key_is(a, "about") && !key_is(a, "to")) {
                const tspan np = np_after(a + 1, hi);
                if (np.empty()) break;
                a = np.e;
                continue;
            }
            break;
        }
        if (a >= hi || !t(a).word()) return -1;
        std::size_t from = a;
        if (key_is(a, "about")) {
            f.cue.e = a + 1;
            from = a + 1;
        } else if (!(tc(a).is(w_rel) || key_in(a, "if", "whether", "what", "why", "how", "where", "when"))) {
            return -1;
        }
        // The question runs to the comma that ends the adjunct (one inside a quotation closes
        // with it: "Asked whether Clinton “has the integrity …,” 75 percent …").
        std::size_t to = from;
        for (; to < hi && to - from < 80; ++to) {
            if (final_punct(to) || punct(to, ':') || punct(to, ';')) break;
            if (punct(to, ',') && !in_quote(to)) break;
            if (qmark(to) && to > from && punct(to - 1, ',') && in_quote(to - 1)) {
                ++to;
                break;
            }
        }
        if (!has_words(from, to, 2)) return -1;
        f.type = frame_type::indirect_question;
        f.mention = asker;
        f.content = content_of(from, to);
        return 1;
    }

    /// A reported clause at cue c. A characterising verb ("likened", "hailed") reports speech
    /// only when its clause quotes the speaker's words.
    bool indirect_frame(std::size_t c, tspan st, const std::vector<frame>& local, frame& f, std::size_t& len) {
        if (!clause_frame(c, st, local, f, len)) return false;
        if (f.cue.size() != 1 || !tc(c).is(w_cue_fragment)) return true;
        return holds_quote(f.content);
    }

    /// A top-level quotation lies (mostly) inside `span`; looks at no more than 8 quotations.
    [[nodiscard]] bool holds_quote(text_span span) const {
        const std::size_t from = span.begin > 8 ? span.begin - 8 : 0;
        auto it = std::lower_bound(d_.qs.begin(), d_.qs.end(), from,
                                   [](const doc_state::qinfo& q, std::size_t off) { return q.outer.begin < off; });
        for (int n = 0; n < 8 && it != d_.qs.end() && it->outer.begin < span.end; ++n, ++it) {
            if (it->top && !it->content.empty() && it->content.overlap(span) * 2 >= it->content.size()) return true;
        }
        return false;
    }

    bool clause_frame(std::size_t c, tspan st, const std::vector<frame>& local, frame& f, std::size_t& len) {
        cue_match m;
        if (!cue_at(c, st.e, m)) return false;
        len = m.len;
        const token& x = tc(c);
        if (m.role == phrase_role::adjunct) return false;
        if (!m.phrase) {
            if (x.is(w_cue_quote)) return false;
            // In a Title Case headline a capitalised verb form may be the cue ("Trump Says …"),
            // but not one that is also a noun or part of a name ("Washington Post", "State").
            if ((x.shape & s_cap) != 0 && c != st.b &&
                (!title_case(x.sent) || x.is(w_org | w_media | w_title | w_place | w_given | w_roleword) ||
                 (x.is(w_cue_nouny) && !person_before(c)))) {
                return false;
            }
        } else if ((x.shape & s_cap) != 0 && c != st.b && !(c > st.b && (punct(c - 1, ',') || dash(c - 1)))) {
            return false;
        }
        // A reported clause is at most max_clause tokens on either side of its cue.
        const std::size_t sb = std::max(st.b, c > max_clause ? c - max_clause : 0);
        const std::size_t hi = std::min(st.e, c + max_clause);
        const std::size_t ce = c + m.len;
        f.kind = quote_kind::indirect;
        f.cue = {c, ce};
        if (!m.phrase && key_is(c, "asked")) {
            const int q = question_frame(c, st, hi, f);
            if (q != 0) return q > 0;
        }

        if (m.role == phrase_role::speaker_after) {
            const tspan sp = source_after(ce, hi);
            if (sp.empty()) return false;
            f.mention = sp;
            f.type = frame_type::indirect_source;
            std::size_t a = sp.e;
            // "CLAUSE, according to X." / "CLAUSE, BelTA learned from X."
            std::size_t k = c;
            tspan subj = np_before(c, sb, nullptr, nullptr);
            if (!subj.empty() && subj.e == c) k = subj.b;
            // The clause ends at a comma, a dash or both ("… flat out wrong — according to X.").
            std::size_t cut = npos;
            if (k > sb && dash(k - 1)) cut = --k;
            if (k > sb && punct(k - 1, ',')) cut = k - 1;
            if (cut != npos && cut > sb && !in_quote(cut)) {
                tspan ignored;
                const std::size_t after = skip_adjuncts(a, hi, ignored);
                // "CLAUSE, according to the organizer Alliance to Reclaim Our Schools.": what
                // follows X without a comma or "that" still names X.
                // "…, according to Andrew McCarthy, who prosecuted …": a relative clause about X.
                const bool relative = after + 1 < hi && punct(after, ',') && t(after + 1).word() && tc(after + 1).is(w_rel);
                // "…, according to the tally, but his pathway is narrow.": a conjunction starts
                // no reported clause.
                const bool conjunction = after + 1 < hi && punct(after, ',') && t(after + 1).word() && lower(after + 1) &&
                                         tc(after + 1).is(w_conj) && !tc(after + 1).is(w_that);
                // "…, according to Brian Wieser, an analyst at Pivotal Research.", "…, according to
                // the Labor Department, taking a step …": X's description or a participle phrase.
                const bool described = after + 1 < hi && punct(after, ',') && description_to_end(after + 1, hi);
                if (after >= hi || final_punct(after) || !has_words(after, hi, 1) || relative || conjunction || described ||
                    !(punct(after, ',') || punct(after, ':') || tc(after).is(w_that))) {
                    const std::size_t cs = clause_start(sb, cut);
                    if (has_words(cs, cut, 3)) {
                        f.content = content_of(cs, cut);
                        return true;
                    }
                }
            }
            // "According to a statement from the campaign, CLAUSE", "According to a complaint
            // filed by the SEC and …, CLAUSE": at the start of a sentence the source's description
            // runs to the first comma.
            const bool opening = c == st.b || (c == st.b + 1 && lower(st.b) && tc(st.b).is(w_conj | w_adv));
            if (opening && a < hi && t(a).word() && !tc(a).is(w_that)) {
                for (std::size_t k2 = a; k2 < hi && k2 - a < 24; ++k2) {
                    if (final_punct(k2) || qmark(k2) || in_quote(k2) || punct(k2, ':')) break;
                    if (punct(k2, ',')) {
                        if (has_words(k2 + 1, hi, 3)) a = k2;
                        break;
                    }
                }
            }
            if (a < hi && punct(a, ',')) ++a;
            if (a < hi && tc(a).is(w_that)) ++a;
            if (a < hi && has_words(a, hi, 2) && (c == sb || punct(c - 1, ',') || a > sp.e)) {
                f.content = content_of(a, hi);
                return true;
            }
            return false;
        }
        if (m.role == phrase_role::previous_content) {
            const tspan sp = np_after(ce, hi);
            const std::size_t s = t(c).sent;
            if (sp.empty() || s == 0) return false;
            const tspan prev = d_.sent_tok[s - 1];
            if (prev.e != d_.sent_tok[s].b) return false;  // not adjacent: text was skipped between
            if (!same_para(prev.b, c) && !(para(c) == para(prev.b) + 1)) return false;
            if (!has_words(prev.b, prev.e, 3)) return false;
            f.mention = sp;
            f.type = frame_type::indirect_prev;
            f.content = content_of(prev.b, prev.e);
            return true;
        }

        // A verb (or a phrase) with its speaker before it. A participle after a form of "be"
        // is the progressive ("is telling a veterans group that …"): a finite verb.
        bool progressive = false;
        if (ing_cue(c, m)) static_cast<void>(skip_aux_back(c, sb, progressive));
        // "It is worth noting that …": the writer's aside, nobody's report.
        if (ing_cue(c, m) && c > sb && t(c - 1).word() && word_text(c - 1) == "worth") return false;
        if (ing_cue(c, m) && !progressive) {
            // "…, adding that CLAUSE", "… began by saying CLAUSE", "… despite admitting that
            // CLAUSE": the speaker is the main clause's.
            const bool after_prep = c > sb && lower(c - 1) && key_in(c - 1, "by", "after", "while", "despite", "before", "when");
            // "… a series of tweets saying that CLAUSE": a participle with its complementiser.
            const bool that_next = ce < hi && tc(ce).is(w_that);
            const bool comma = c > sb && punct(c - 1, ',');
            // "…, with 30 percent of voters saying they …", "with Trump calling for a ban …": the
            // noun phrase after "with" (a poll's share, a person) is the speaker.
            const tspan share = np_core_before(c, sb);
            if (!share.empty() && share.e == c && share.b > sb && key_is(share.b - 1, "with") &&
                (number_word(share.b) || strong(share))) {
                tspan ignored;
                std::size_t a = skip_adjuncts(ce, hi, ignored);
                // "with Trump saying during the debate last week, “…” when …": no clause of its own
                // after the adjuncts ("with one of her ads asking, “…”" reports the quotation).
                if (a > ce && a + 1 < hi && punct(a, ',') && qmark(a + 1)) return false;
                if (a < hi && tc(a).is(w_that)) ++a;
                if (!has_words(a, hi, 2)) return false;
                f.mention = share;
                f.type = frame_type::indirect_ing;
                f.content = content_of(a, clause_end(a, hi));
                return true;
            }
            if (!comma && !after_prep && !that_next) return false;
            for (std::size_t k = local.size(), n = 0; k-- > 0 && n < 50; ++n) {
                if (!local[k].mention.empty()) {
                    f.mention = local[k].mention;
                    break;
                }
            }
            if (f.mention.empty()) f.mention = quote_speaker_before(c);
            if (f.mention.empty()) {
                tspan subj = comma ? main_subject(sb, c) : name_part(main_subject(sb, c, true));
                if (subj.empty() && !comma) subj = main_subject(sb, c);
                if (subj.empty()) return false;
                f.mention = subj;
            }
            f.type = frame_type::indirect_ing;
            std::size_t a = ce;
            tspan ad;
            if (x.is(w_cue_tell) && a < hi && t(a).word() && !tc(a).is(w_that | w_prep | w_conj)) {
                ad = np_after(a, hi);
                if (!ad.empty()) a = ad.e;
            }
            a = skip_adjuncts(a, hi, ad);
            f.addressee = ad;
            if (a < hi && punct(a, ',') && a + 1 < hi && tc(a + 1).is(w_that)) ++a;
            if (a < hi && tc(a).is(w_that)) ++a;
            if (!has_words(a, hi, 2)) return false;
            f.content = content_of(a, hi);
            return true;
        }

        // "CLAUSE, said one GOP source in the room.": a speaker after the cue that ends the
        // sentence makes the words before the comma the report, whatever noun phrase they end with.
        if (!m.phrase && inverted(c, ce, sb, hi, true, f)) return true;
        tspan appos;
        bool passive = false;
        tspan sp = np_before(c, sb, &appos, &passive);
        if (passive && !m.phrase && !x.is(w_form_ing)) return false;  // "was told"; not "is telling"
        // "Donald Trump’s claim that CLAUSE": a noun-like cue after a possessive names its owner.
        if (sp.empty() && !m.phrase && x.is(w_cue_nouny) && c > sb + 1 && (t(c - 1).shape & s_possessive) != 0 &&
            ce < hi && tc(ce).is(w_that)) {
            const tspan owner = np_core_before(c - 1, sb);
            if (!owner.empty() && strong(owner)) sp = name_part(owner);
        }
        if (sp.empty()) return !m.phrase && inverted(c, ce, sb, hi, false, f);
        const np_class cls = classify(sp);
        const bool that_follows = ce < hi && tc(ce).is(w_that);
        if (!m.phrase && x.is(w_cue_nouny) && cls == np_class::other && !that_follows) return false;
        if (cls == np_class::none) return false;
        // A noun form of a cue ("report", "states", "claims"): without a clause after it ("the
        // official notes that …") it is a noun in some places.
        if (!m.phrase && x.is(w_cue_nouny) && x.is(w_form_base | w_form_s)) {
            // "the state's primary", "Oklahoma state Rep. …", "swing states whose votes …",
            // "Rust Belt states that have suffered …": a noun before a possessive, a title or a
            // relative clause ("that" right before its verb).
            if (ce < hi) {
                const token& nx = tc(ce);
                // ("question who is steering …" and "estimates Mr. Kamprad's fortune" are verbs.)
                const bool relative = nx.word() && key_in(ce, "whose", "which", "where");
                const bool title = nx.word() && (nx.is(w_title | w_roleword) || (nx.is(w_honorific) && x.is(w_form_base)));
                if ((nx.shape & s_possessive) != 0 || relative || title) return false;
                if (that_follows && ce + 1 < hi && lower(ce + 1) && tc(ce + 1).is(w_aux | w_be | w_verb)) return false;
            }
            // "seizing upon a New York Times report that CLAUSE": after a determiner and a name
            // it is the noun, and the name its source.
            if (that_follows && lower(c) && ce + 1 < hi && c > st.b + 1 && t(c - 1).chunk >= 0) {
                const chunk& ch = d_.chunks[static_cast<std::size_t>(t(c - 1).chunk)];
                if (ch.all.e == c && ch.all.b > st.b && tc(ch.all.b - 1).is(w_det) && lower(ch.all.b - 1) &&
                    has_words(ce + 1, hi, 3)) {
                    f.mention = ch.all;
                    f.type = frame_type::indirect_after;
                    f.content = content_of(ce + 1, clause_end(ce + 1, hi));
                    return true;
                }
            }
            if (!that_follows) {
                // "Twenty-seven states led by …", "12 reports": after a number, a plural noun.
                if (c > st.b && number_word(c - 1)) return false;
                // "member states", "insurance claims": after a lowercase noun, a compound noun.
                if (sp.size() >= 2 && sp.e == c && lower(c - 1) && !tc(c - 1).is(w_pron)) return false;
            }
        }
        f.mention = sp;
        std::size_t a = ce;
        tspan ad;
        const auto complement_word = [&](std::size_t k) {
            return k + 1 < hi && t(k).word() && key_in(k, "of", "for", "to") &&
                   (t(k + 1).word() || qmark(k + 1));
        };
        const bool accuse = !m.phrase && x.is(w_cue_object);
        if (!m.phrase && x.is(w_cue_tell) && a < hi && t(a).word() && !tc(a).is(w_that | w_prep | w_conj)) {
            // "accused Clinton of ducking", "warned voters of rising costs": an object ends
            // before the last "of" that a gerund follows, or any lowercase word after a cue whose
            // object is part of the report ("accused him of sexism"); "told the head of
            // communications that" keeps its "of".
            const auto object_at = [&](std::size_t b) {
                tspan o = np_after(b, hi);
                for (std::size_t k = o.e; k > o.b + 1; --k) {
                    const std::size_t of = k - 1;
                    if (of + 1 >= o.e || !key_is(of, "of") || !lower(of + 1)) continue;
                    if (accuse || ends_ing(of + 1)) {
                        o.e = of;
                        break;
                    }
                }
                return o;
            };
            ad = object_at(a);
            // "accused the media and the Clinton campaign of distorting …": coordinated objects.
            if (!ad.empty() && ad.e + 1 < hi && key_is(ad.e, "and")) {
                const tspan more = object_at(ad.e + 1);
                if (!more.empty() && complement_word(more.e)) ad.e = more.e;
            }
            if (!ad.empty()) a = ad.e;
        }
        const bool has_object = !ad.empty();
        a = skip_adjuncts(a, hi, ad);
        f.addressee = ad;
        // "accused Clinton’s campaign of being “duped”", "urged voters to …": the complement
        // after the object is the report, one word or more ("accused Clinton of ducking").
        const bool complement = has_object && complement_word(a);
        if (complement) ++a;
        // An accusation is about its object: "accused him of sexism" reports "him of sexism"
        // (as "criticized Clinton for …" does), and the accused is no addressee.
        const std::size_t from = complement && accuse ? ad.b : npos;
        if (from != npos) f.addressee = {};
        // "Clinton pledged to push for …", "he vowed to “take our fight” to …": a commitment
        // reports the infinitive phrase, "to" included.
        // Not after a relative pronoun or a word that is no subject ("which together vowed"), nor
        // in a relative clause without "that" ("the target it pledged to reach").
        const bool reduced_relative = cls == np_class::pronoun && sp.b > st.b && np_word(sp.b - 1);
        if (!m.phrase && !has_object && x.is(w_cue_commit) && cls != np_class::relative && cls != np_class::other &&
            !reduced_relative && a + 1 < hi && key_is(a, "to") && !tc(a + 1).is(w_det | w_pron) &&
            (lower(a + 1) || (qmark(a + 1) && a + 2 < hi && lower(a + 2)))) {
            f.type = frame_type::indirect_after;
            f.content = content_of(a, clause_end(a, hi));
            return true;
        }
        if (a < hi && punct(a, ',') && a + 1 < hi && tc(a + 1).is(w_that)) ++a;
        a = that_after_adjunct(a, hi);
        a = subject_after_adjunct(a, hi);
        const bool that = a < hi && tc(a).is(w_that);
        if (that) ++a;
        // "said that, “Of course …”", "said that, if elected, he would …"
        if (that && a + 1 < hi && punct(a, ',') && (qmark(a + 1) || t(a + 1).word())) ++a;
        // A preposition or an adverbial conjunction ("as he opened …") after the cue is an
        // adjunct; "if", "when", "because", "whether" … open the reported clause itself.
        const bool opens_clause = a < hi && t(a).word() && key_in(a, "if", "when", "because", "whether", "how", "why", "although", "unless");
        // "said about 20 people have …": an approximating word before a number opens the clause.
        const bool approx = a + 1 < hi && t(a).word() && (t(a + 1).shape & s_digit) != 0 && key_in(a, "about", "around", "over", "nearly", "almost");
        // "said about half of …"
        const bool approx_part = a + 1 < hi && t(a).word() && key_is(a, "about") && t(a + 1).word() &&
                                 (word_text(a + 1) == "half" || key_in(a + 1, "a", "one"));
        const bool at_end = a >= hi || final_punct(a) || punct(a, ',') || punct(a, ')') ||
                            (!that && !opens_clause && !approx && !approx_part && t(a).word() && tc(a).is(w_conj | w_prep | w_of) &&
                             !tc(a).is(w_that) && !(m.phrase && tc(a).is(w_prep)));
        if (at_end) {
            // "CLAUSE, X said." / "…, X said as he opened …"
            std::size_t k = sp.b;
            // The report after the comma that follows the cue, when it has `need` words or more.
            const auto after_comma = [&](frame_type type, std::size_t need) {
                if (a + 1 >= hi || !punct(a, ',') || !t(a + 1).word() || in_quote(a + 1)) return false;
                const std::size_t e = clause_end(a + 1, hi);
                if (!has_words(a + 1, e, need)) return false;
                f.type = type;
                f.content = content_of(a + 1, e);
                return true;
            };
            // "Marco Rubio says, win or lose in Tuesday's primary, he's staying": nothing before
            // the subject, the words after the comma are the report.
            if (k == sb && a + 1 < hi && !tc(a + 1).is(w_cue) && after_comma(frame_type::indirect_after, 4)) return true;
            if (k > sb && key_is(k - 1, "as")) {
                // "As The Hill reported, CLAUSE" / "…, as Western Journalism reported, CLAUSE".
                const std::size_t as = k - 1;
                if ((as == sb || punct(as - 1, ',')) && after_comma(frame_type::indirect_source, 3)) return true;
                if (as > sb && punct(as - 1, ',')) k = as;  // "CLAUSE, as X said."
            }
            if (k > sb && dash(k - 1)) --k;
            if (!(k > sb && (punct(k - 1, ',') || (qmark(k - 1) && in_quote(k - 1))))) return false;
            if (qmark(k - 1)) return false;  // a direct quotation's tail: not indirect speech
            const std::size_t cs = clause_start(sb, k - 1);
            if (interrupted(cs, k - 1, a, hi, f)) return true;
            if (!has_words(cs, k - 1, 3)) return false;
            f.type = frame_type::indirect_before;
            f.content = content_of(cs, k - 1);
            return true;
        }
        if (punct(a, ':')) ++a;
        const std::size_t need = complement ? 1 : (!m.phrase && x.is(w_cue_nouny)) ? 3 : 2;
        if (!has_words(a, hi, need)) return false;
        f.type = frame_type::indirect_after;
        std::size_t e = clause_end(a, hi);
        // "After campaign aides insisted that CLAUSE, he went on …": a report inside a
        // subordinate clause that opens the sentence ends at that clause's comma.
        if (sp.b > st.b && sp.b - st.b <= 2 && t(st.b).word() && tc(st.b).is(w_conj) && !tc(st.b).is(w_that) &&
            !key_is(st.b, "and") && !key_is(st.b, "but") && !key_is(st.b, "or")) {
            for (std::size_t k = a; k < e; ++k) {
                if (punct(k, ',') && !in_quote(k) && has_words(a, k, 2) && k + 1 < e && t(k + 1).word()) {
                    e = k;
                    break;
                }
            }
        }
        f.content = content_of(from != npos ? from : a, e);
        return true;
    }

    /// "The museum, Mr. Obama said, would make visitors face …": the clause that starts at cs
    /// and stops at the comma `sep` before the speaker goes on after the comma at token a that
    /// follows the cue. The record spans both pieces, with ", Mr. Obama said," as its
    /// interruption. Not when the second piece is coordinated ("…, he said, but wages fell") or
    /// has a cue of its own in its first words ("…, he said, adding that …", "…, he said, she
    /// said …").
    bool interrupted(std::size_t cs, std::size_t sep, std::size_t a, std::size_t hi, frame& f) const {
        if (a + 1 >= hi || !punct(a, ',') || in_quote(a + 1) || !t(a + 1).word() || !has_words(cs, sep, 1)) return false;
        const std::size_t b = a + 1;
        if (tc(b).is(w_cue) || (tc(b).is(w_conj) && !key_is(b, "because") && !key_is(b, "if") && !key_is(b, "since"))) return false;
        const std::size_t e = clause_end(b, hi);
        if (!has_words(b, e, 2)) return false;
        // "…, he said, she said …": a cue of its own near the start begins another report.
        for (std::size_t k = b; k < e && k - b < 4; ++k) {
            if (t(k).word() && tc(k).is(w_cue) && !tc(k).is(w_cue_nouny)) return false;
        }
        const text_span first = content_of(cs, sep);
        const text_span rest = content_of(b, e);
        if (first.empty() || rest.empty()) return false;
        f.type = frame_type::indirect_before;
        f.content = {first.begin, rest.end};
        f.gap = {t(sep).begin, t(a).end()};
        return true;
    }

    /// Where a reported clause starting at token a ends (at most hi): at a semicolon or before
    /// ", although", ", though", ", whereas" or ", but", outside quotations. What follows goes
    /// on in the writer's voice ("… was not intentional; they only learned on Friday …"), as
    /// PolNeAR annotates it: each of the four raised its F1.
    [[nodiscard]] std::size_t clause_end(std::size_t a, std::size_t hi) const {
        for (std::size_t k = a; k < hi && k - a < max_clause; ++k) {
            if (punct(k, ';') && !in_quote(k) && has_words(a, k, 2)) return k;
            if (punct(k, ',') && k + 1 < hi && !in_quote(k) && t(k + 1).word() && lower(k + 1) &&
                key_in(k + 1, "although", "though", "whereas", "but") && has_words(a, k, 3)) {
                return k;
            }
        }
        return hi;
    }

    /// "CLAUSE, said X." / "CLAUSE, — сообщил X.": a past or -s form right after a comma (and a
    /// dash) with a strong speaker after it; sets `f`'s mention, type and content. `strict`: the
    /// speaker (with a place: "in the room") ends the sentence; else a comma may follow it.
    bool inverted(std::size_t c, std::size_t ce, std::size_t sb, std::size_t hi, bool strict, frame& f) const {
        std::size_t k = c;
        if (k > sb && dash(k - 1)) --k;
        if (!(k > sb && punct(k - 1, ','))) return false;
        if (!tc(c).is(w_form_past | w_form_s)) return false;
        const tspan np = np_after(ce, hi);
        if (np.empty() || !strong(np)) return false;
        tspan ignored;
        std::size_t after = skip_adjuncts(np.e, hi, ignored);
        if (strict) {
            if (after < hi && t(after).word() && tc(after).is(w_prep) && !tc(after).is(w_of | w_that)) {
                const tspan place = np_after(after + 1, hi);
                if (!place.empty()) after = place.e;
            }
            if (after < hi && !final_punct(after)) return false;
        } else if (after < hi && !final_punct(after) && has_words(after, hi, 1) && !punct(after, ',')) {
            return false;
        }
        const std::size_t cs = clause_start(sb, k - 1);
        if (!has_words(cs, k - 1, 3)) return false;
        f.mention = np;
        f.type = frame_type::indirect_before;
        f.content = content_of(cs, k - 1);
        return true;
    }

    /// The speaker of an attributed top-level quotation earlier in the sentence of token c
    /// ("“…,” the mayor said, adding that …"); looks back over at most 8 quotations.
    [[nodiscard]] tspan quote_speaker_before(std::size_t c) const {
        const std::uint32_t s = t(c).sent;
        auto it = std::lower_bound(d_.qs.begin(), d_.qs.end(), t(c).begin,
                                   [](const doc_state::qinfo& q, std::size_t off) { return q.outer.begin < off; });
        for (int n = 0; n < 8 && it != d_.qs.begin(); ++n) {
            --it;
            if (it->otok.empty() || it->otok.e > c) continue;
            if (t(it->otok.b).sent != s && t(it->otok.e - 1).sent != s) break;
            if (!it->top || it->frame < 0) continue;
            const frame& g = d_.frames[static_cast<std::size_t>(it->frame)];
            if (!g.mention.empty()) return g.mention;
        }
        return {};
    }

    /// The person's name run inside a noun phrase that a walk over unknown words made too long
    /// ("Politifact checked Donald Trump" → "Donald Trump"); `np` itself when it names no person.
    [[nodiscard]] tspan name_part(tspan np) const {
        const std::int32_t pc = person_chunk(np);
        if (pc < 0) return np;
        const chunk& ch = d_.chunks[static_cast<std::size_t>(pc)];
        const tspan r{std::max(np.b, ch.all.b), std::min(np.e, ch.all.e)};
        return r.empty() ? np : r;
    }

    /// A present participle cue ("adding", "pointing out").
    [[nodiscard]] bool ing_cue(std::size_t c, const cue_match& m) const {
        if (!m.phrase) return tc(c).is(w_form_ing);
        return !e_.russian() && ends_ing(c);
    }

    /// The first noun phrase of a sentence, after a leading adverbial up to a comma.
    /// `first`: the sentence's first noun phrase only ("Obama responded to a Gold Star mother by
    /// saying …": the participle after a preposition belongs to the main verb).
    [[nodiscard]] tspan main_subject(std::size_t sb, std::size_t c, bool first = false) const {
        // The nearest subject of a finite verb before the participle ("Trump went after Bush,
        // calling him …"), else the sentence's first noun phrase.
        if (c > sb && !first) {
            const tspan near = coordinated_subject(c - 1, sb);
            if (!near.empty()) return near;
        }
        std::size_t k = sb;
        for (std::size_t i = sb; i < c && i - sb < 10; ++i) {
            if (punct(i, ',')) {
                if (!name_tok(sb) || tc(sb).is(w_prep | w_conj)) k = i + 1;
                break;
            }
        }
        const tspan np = np_after(k, c);
        if (np.empty() || !strong(np)) return {};
        return np;
    }

    void resolve_conflicts(std::vector<frame>& local) {
        // Frames are in cue order and a clause spans at most max_clause tokens, so only nearby
        // frames can overlap: compare each with its neighbours (linear in long sentences).
        constexpr std::size_t window = 12;
        for (std::size_t a = 0; a < local.size(); ++a) {
            const std::size_t lo = a > window ? a - window : 0;
            const std::size_t hi = std::min(local.size(), a + window + 1);
            for (std::size_t b = lo; b < hi; ++b) {
                if (a == b || local[a].dropped || local[b].dropped) continue;
                frame& fa = local[a];
                frame& fb = local[b];
                const std::size_t cue_a = t(fa.cue.b).begin;
                // A content-before frame whose clause holds another frame's cue ("…, X told the
                // media, BelTA informs") is the outer report: drop it.
                if ((fb.type == frame_type::indirect_before || fb.type == frame_type::indirect_source) &&
                    fb.content.contains(cue_a) && t(fb.cue.b).begin > fa.content.begin) {
                    fb.dropped = true;
                    continue;
                }
                // "X said CLAUSE, adding that …" / "…, according to Y": end the clause before it.
                if (fb.type == frame_type::indirect_after && t(fb.cue.b).begin < cue_a && fb.content.contains(cue_a) &&
                    (fa.type == frame_type::indirect_ing || fa.type == frame_type::indirect_source ||
                     fa.type == frame_type::indirect_before)) {
                    std::size_t k = fa.cue.b;
                    if (fa.type == frame_type::indirect_before) k = fa.mention.b;
                    while (k > fb.cue.e && !punct(k - 1, ',')) --k;
                    if (k > fb.cue.e + 1) {
                        const text_span cut{fb.content.begin, t(k - 1).begin};
                        const std::size_t first = first_token_at(fb.content.begin);
                        fb.content = content_of(first, k - 1);
                        if (fb.content.empty()) fb.content = cut;
                    }
                }
                // "Cruz said CLAUSE, and Trump vowed …": the second speaker's clause is not the first's.
                if (fb.type == frame_type::indirect_after && fa.type == frame_type::indirect_after && !fa.mention.empty() &&
                    t(fb.cue.b).begin < cue_a && fb.content.contains(t(fa.mention.b).begin) && fa.mention.b >= 2) {
                    std::size_t k = fa.mention.b;
                    if (tc(k - 1).is(w_conj) && key_in(k - 1, "and", "but")) --k;
                    if (k > fb.cue.e + 1 && (punct(k - 1, ',') || punct(k - 1, ';'))) {
                        const std::size_t first = first_token_at(fb.content.begin);
                        const text_span cut = content_of(first, k - 1);
                        if (!cut.empty()) fb.content = cut;
                    }
                }
                // "Obama praised Clinton and said CLAUSE": the second verb's "and" ends the first
                // verb's clause.
                if (fb.type == frame_type::indirect_after && t(fb.cue.b).begin < cue_a && fb.content.contains(cue_a)) {
                    bool be = false;
                    const std::size_t k = skip_aux_back(fa.cue.b, fb.cue.e, be);
                    if (k > fb.cue.e + 1 && t(k - 1).word() && key_in(k - 1, "and", "but")) {
                        const text_span cut = content_of(first_token_at(fb.content.begin), k - 1);
                        if (!cut.empty()) fb.content = cut;
                    }
                }
                if (fa.content == fb.content && a < b) fb.dropped = true;
                // A frame nested in another's clause whose subject is no speaker ("…told MSNBC
                // that Friday's announcement suggested …") is part of the reported words.
                if (fb.type == frame_type::indirect_after && fa.content.contains(t(fb.cue.b).begin) &&
                    t(fa.cue.b).begin < t(fb.cue.b).begin && !fb.mention.empty() && classify(fb.mention) == np_class::other) {
                    fb.dropped = true;
                }
            }
        }
    }

    /// Drops the frames whose cue lies inside the clauses of max_nesting kept frames before it
    /// (`local` is in cue order). Looks back over the last 16 kept frames only: linear in long
    /// sentences, and a frame that many siblings back has a clause of its own far behind.
    void nested_depth(std::vector<frame>& local) const {
        constexpr std::size_t window = 16;
        std::array<std::size_t, window> kept{};  // ring of the last kept frames' indices
        std::size_t nkept = 0;
        for (std::size_t a = 0; a < local.size(); ++a) {
            frame& f = local[a];
            if (f.dropped || f.content.empty()) continue;
            const std::size_t cue = t(f.cue.b).begin;
            std::size_t depth = 0;
            for (std::size_t k = 0; k < std::min(nkept, window); ++k) {
                // Nested either way: the cue inside a kept clause ("A said that B said …"), or
                // a kept cue inside this clause ("…, B said, A said.").
                const frame& g = local[kept[(nkept - 1 - k) % window]];
                if (g.content.contains(cue) || f.content.contains(t(g.cue.b).begin)) ++depth;
            }
            if (depth >= max_nesting) {
                f.dropped = true;
                continue;
            }
            kept[nkept % window] = a;
            ++nkept;
        }
    }

    /// Quotes inside an indirect clause make it mixed speech; they get no record of their own.
    void absorb_quotes() {
        for (std::size_t fi = 0; fi < d_.frames.size(); ++fi) {
            frame& f = d_.frames[fi];
            if (f.kind != quote_kind::indirect) continue;
            const auto it = std::lower_bound(d_.qs.begin(), d_.qs.end(), f.content.begin,
                                             [](const doc_state::qinfo& q, std::size_t off) { return q.outer.begin < off; });
            for (auto k = static_cast<std::size_t>(it - d_.qs.begin()); k < d_.qs.size(); ++k) {
                auto& q = d_.qs[k];
                if (q.outer.begin >= f.content.end) break;
                if (!q.top) continue;
                if (q.content.overlap(f.content) * 2 < q.content.size()) continue;
                if (!q.speech) {
                    // A lowercase quoted fragment inside the reported clause ("said the military
                    // is “depleted”") is the speaker's wording: mixed speech. A title or name
                    // ("the conference “Eurasian Security: …”") is not. The term keeps its record.
                    if (q.content.overlap(f.content) == q.content.size() && !q.content.empty() &&
                        unicode::is_lower(utf8::decode(d_.text, q.content.begin).value)) {
                        f.kind = quote_kind::mixed;
                        if (f.quote < 0) f.quote = q.orig;
                    }
                    continue;
                }
                if (q.frame >= 0) continue;
                q.frame = static_cast<std::int32_t>(fi);
                if (f.quote < 0) f.quote = q.orig;
                f.kind = quote_kind::mixed;
            }
        }
    }

    // ------------------------------------------------------------------ continuations
    void continuation_pass() {
        // Indirect and mixed frames by cue position: a quotation may also continue one of them
        // ("… by saying he would help. “I'm going to support him.”").
        std::vector<std::pair<std::size_t, std::size_t>> reported;  // (cue token, frame)
        for (std::size_t fi = 0; fi < d_.frames.size(); ++fi) {
            const frame& f = d_.frames[fi];
            if ((f.kind == quote_kind::indirect || f.kind == quote_kind::mixed) && !f.mention.empty() && !f.cue.empty()) {
                reported.emplace_back(f.cue.b, fi);
            }
        }
        std::sort(reported.begin(), reported.end());
        std::int32_t last = -1;  // index into qs of the previous top-level speech quote
        for (std::size_t qi = 0; qi < d_.qs.size(); ++qi) {
            auto& q = d_.qs[qi];
            if (!q.top || !q.speech || q.otok.empty()) continue;
            const std::int32_t prev = last;
            last = static_cast<std::int32_t>(qi);
            if (q.frame >= 0) continue;
            frame f;
            f.quote = q.orig;
            f.content = q.content;
            f.kind = quote_kind::direct;
            f.sentence = t(q.otok.b).sent;
            const bool opens_para = q.otok.b == d_.para_tok[q.para_first].b;
            // "“…,” said grieving widows across the country.": a reporting verb right after the quotation
            // gives it a speaker of its own, which the tail rules could not read; it continues
            // no one.
            if (inverted_cue_after(q.otok.e)) {
                f.type = frame_type::unattributed;
                q.frame = static_cast<std::int32_t>(d_.frames.size());
                d_.frames.push_back(f);
                continue;
            }
            // Candidate 1: the quotation before, attributed, in this paragraph or the one before
            // (or two before, over a paragraph of narrative without reporting cues).
            std::int32_t from = -1;
            std::size_t from_end = 0;
            float conf = 0;
            if (prev >= 0) {
                const auto& pq = d_.qs[static_cast<std::size_t>(prev)];
                if (pq.frame >= 0) {
                    const frame& pf = d_.frames[static_cast<std::size_t>(pq.frame)];
                    const bool has = !pf.mention.empty() || pf.inherit >= 0;
                    const bool same = pq.para_last == q.para_first && !between_has_cue(pq.otok.e, q.otok.b, 60);
                    const bool next_para = q.para_first == pq.para_last + 1 && opens_para;
                    const bool over_one = q.para_first == pq.para_last + 2 && opens_para &&
                                          !between_has_cue(pq.otok.e, q.otok.b, 150);
                    if (has && (same || next_para || over_one)) {
                        from = pq.frame;
                        from_end = pq.otok.e;
                        conf = same ? 0.75F : next_para ? 0.65F : 0.5F;
                    }
                }
            }
            // Candidate 2: the latest reported-speech frame before the quotation, in its paragraph
            // (or the one before when the quotation opens its paragraph), with no cue between.
            const auto it = std::lower_bound(reported.begin(), reported.end(), std::make_pair(q.otok.b, std::size_t{0}));
            if (it != reported.begin()) {
                const auto& [cue, fi] = *(it - 1);
                const frame& rf = d_.frames[fi];
                const std::size_t cue_para = para(cue);
                const bool near = cue_para == q.para_first || (opens_para && cue_para + 1 == q.para_first);
                // ("“…,” Obama said, according to a pool report. “…”": a report of the quotation
                // before, which its speaker continues.)
                const bool outer = from >= 0 && rf.content.begin <= d_.qs[static_cast<std::size_t>(prev)].outer.begin &&
                                   rf.content.end >= d_.qs[static_cast<std::size_t>(prev)].outer.end;
                if (near && cue >= from_end && !outer && !between_has_cue(rf.cue.e, q.otok.b, 80)) {
                    from = static_cast<std::int32_t>(fi);
                    conf = cue_para == q.para_first ? 0.7F : 0.6F;
                }
            }
            if (from >= 0) {
                f.type = frame_type::continuation;
                f.inherit = from;
                f.confidence = conf;
                q.frame = static_cast<std::int32_t>(d_.frames.size());
                d_.frames.push_back(f);
                continue;
            }
            if (next_sentence(qi, f)) {
                for (std::size_t i = f.cue.b; i < f.cue.e; ++i) d_.tok[i].shape |= s_used;
                q.frame = static_cast<std::int32_t>(d_.frames.size());
                d_.frames.push_back(f);
                continue;
            }
            f.type = frame_type::unattributed;
            q.frame = static_cast<std::int32_t>(d_.frames.size());
            d_.frames.push_back(f);
        }
    }

    /// A quotation interrupted by its own cue and speaker is one quotation: "“I would,” Melanie
    /// said to the TV. “I would, Donald.”" (the second piece opens the next sentence and
    /// continues the first) and "“If he thinks …,” the narrator says, “what does …?”" (the second
    /// piece shares the first one's cue). The first piece ends with a comma and is attributed by
    /// the words after it; nothing else stands between the pieces, in one paragraph.
    void join_pass() {
        for (std::size_t a = 0; a < d_.qs.size(); ++a) {
            const auto& qa = d_.qs[a];
            if (!qa.top || !qa.speech || qa.otok.empty() || qa.frame < 0) continue;
            const auto fa = static_cast<std::size_t>(qa.frame);
            if (d_.frames[fa].type != frame_type::direct_tail || d_.frames[fa].dropped || !ends_with_comma(qa.content)) continue;
            std::size_t b = a + 1;
            while (b < d_.qs.size() && !(d_.qs[b].top && !d_.qs[b].otok.empty())) ++b;
            if (b >= d_.qs.size()) continue;
            const auto& qb = d_.qs[b];
            if (!qb.speech || qb.frame < 0 || qb.para_first != qa.para_last) continue;
            frame& f2 = d_.frames[static_cast<std::size_t>(qb.frame)];
            if (f2.dropped || f2.kind != quote_kind::direct) continue;
            const frame& f1 = d_.frames[fa];
            const std::size_t cue_sent = t(f1.cue.b).sent;
            const std::size_t b_sent = t(qb.otok.b).sent;
            bool join = false;
            if (f2.type == frame_type::continuation && f2.inherit == static_cast<std::int32_t>(fa)) {
                // The cue's sentence ends right before the second piece opens the next one.
                join = b_sent == cue_sent + 1 && sent_start(qb.otok.b) && qb.otok.b > 0 && final_punct(qb.otok.b - 1);
            } else if (f2.type == frame_type::direct_head && f2.cue.b == f1.cue.b && f2.cue.e == f1.cue.e) {
                join = true;
            }
            if (!join) continue;
            // No other report between the pieces (the shared cue is marked used).
            if (between_has_cue(qa.otok.e, qb.otok.b, 60)) continue;
            // One record for both pieces: the first one's frame reaches to the end of the second.
            d_.frames[fa].content.end = qb.content.end;
            d_.frames[fa].gap = {qa.content.end, qb.content.begin};
            f2.dropped = true;
        }
    }

    /// A lowercase reporting verb in the past or -s form at token i, after an optional comma, in
    /// the sentence and paragraph of token i - 1 ("…,” said …", "…” says …").
    [[nodiscard]] bool inverted_cue_after(std::size_t i) const {
        if (i == 0 || i >= ntok()) return false;
        const std::size_t prev = i - 1;
        if (punct(i, ',')) ++i;
        if (i >= ntok() || t(i).sent != t(prev).sent || !lower(i) || (t(i).shape & s_used) != 0) return false;
        cue_match m;
        return tc(i).is(w_form_past | w_form_s) && cue_at(i, d_.sent_tok[t(i).sent].e, m) && m.role != phrase_role::adjunct;
    }

    /// A one-word cue form at token i (past token b) that reads as a noun, never as a verb: a
    /// capitalised word inside its sentence ("the Washington Post", "Secretary of State"), or a
    /// noun form after a determiner, a possessive, a number or a preposition other than "to"
    /// ("a question", "his remarks", "a dozen states", "to cheers" — a base form after "to" is
    /// an infinitive: "to report"), maybe with modifiers between ("an early morning tweet"), or
    /// an -s form after a participle ("prompting loud, sustained cheers").
    [[nodiscard]] bool noun_reading(std::size_t i, std::size_t b) const {
        const token& x = tc(i);
        if ((x.shape & (s_cap | s_allcaps)) != 0) return !sent_start(i);
        if (!x.is(w_cue_nouny) || !x.is(w_form_base | w_form_s) || i <= b) return false;
        std::size_t p = i - 1;
        // "prompting loud, sustained cheers", "in an early morning tweet": up to three modifiers
        // (time words, "-ed" and "-ly" words, a word of a comma list) stand between the noun and
        // what marks it.
        for (int k = 0; k < 3 && p > b; ++k) {
            const bool modifier = t(p).word() && lower(p) && !tc(p).is(w_cue | w_verb | w_det | w_prep | w_pron | w_conj | w_aux) &&
                                  (tc(p).is(w_time) || ends_ed(p) || adverb_ly(tc(p)) || (k > 0 && punct(p + 1, ',')));
            if (!modifier && !(k > 0 && punct(p, ','))) break;
            --p;
        }
        if ((t(p).shape & s_possessive) != 0 || number_word(p)) return true;
        if (!t(p).word() || !lower(p)) return false;
        if (x.is(w_form_s) && ends_ing(p) && !tc(p).is(w_cue)) return true;  // "prompting cheers"
        // "in the conference call", "during a phone call": a base form right after a determiner
        // and a singular common noun heads a compound (a verb there would agree with a plural
        // or collective subject: "the critics claim", "the people claim", "the staff say").
        // Names may stand between ("a White House pool report").
        if (p == i - 1 && x.is(w_form_base) && p > b && compound_modifier(p)) {
            std::size_t d = p - 1;
            while (d > b && p - d < 4 && name_tok(d) && !sent_start(d)) --d;
            if (t(d).word() && tc(d).is(w_det) && !tc(d).is(w_pron | w_that)) return true;
        }
        if (tc(p).is(w_det) && !tc(p).is(w_pron | w_that)) return true;
        if (tc(p).is(w_prep | w_of)) return !key_is(p, "to") || x.is(w_form_s);
        return false;
    }

    /// A `c` among the (at most `n`) tokens before token i, from token b on, with only words
    /// between ("…, half joking": the comma two tokens back).
    [[nodiscard]] bool punct_before_within(std::size_t i, std::size_t b, char32_t c, std::size_t n) const noexcept {
        for (std::size_t k = i; k > b && i - k < n; --k) {
            if (punct(k - 1, c)) return true;
            if (!t(k - 1).word()) return false;
        }
        return false;
    }

    /// A lowercase singular common noun that may modify the noun after it ("conference",
    /// "phone"): no function word, verb, cue or person noun, no plural in -s, not collective.
    [[nodiscard]] bool compound_modifier(std::size_t p) const {
        if (!lower(p)) return false;
        const token& m = tc(p);
        if (m.lex < 0) {
            const std::string_view w = word_text(p);
            return w.size() >= 3 && (w.back() != 's' || w.ends_with("ss")) && !ends_ed(p) && !ends_ing(p) && !adverb_ly(m);
        }
        constexpr word_class not_modifier = w_cue | w_verb | w_det | w_prep | w_of | w_pron | w_conj | w_aux | w_be | w_that |
                                            w_rel | w_stop | w_adv | w_time | w_nominal | w_plural | w_org | w_media |
                                            w_addressee | w_approx | w_share;
        return !m.is(not_modifier);
    }

    /// A reporting cue of its own between tokens b and e (more than `limit` tokens count as one):
    /// not a cue already used, not one inside a quotation, not a passive ("was first reported").
    [[nodiscard]] bool between_has_cue(std::size_t b, std::size_t e, std::size_t limit) const {
        if (e > b + limit) return true;
        std::size_t used_sent = npos;  // the sentence of the last cue already used
        for (std::size_t i = b; i < e; ++i) {
            if ((t(i).shape & s_used) != 0) used_sent = t(i).sent;
            cue_match m;
            if ((t(i).shape & (s_used | s_in_quote)) != 0 || !t(i).word() || !cue_at(i, e, m) || m.role == phrase_role::adjunct) continue;
            if (!m.phrase && tc(i).is(w_cue_fragment)) continue;  // "likened": not a report by itself
            // In the sentence of the used cue: a participle after a comma has that cue's speaker
            // as its subject ("said Robin Maynard, half joking.", "she said, adding that …",
            // "McCain said, asked about …"), and "according to X" after a comma names the
            // source of that report ("“…,” Obama said, according to a pool report.").
            if (t(i).sent == used_sent) {
                if (!m.phrase && tc(i).is(w_form_ing) && punct_before_within(i, b, ',', 3)) continue;
                const bool after_comma = i > b && punct(i - 1, ',');
                if (!m.phrase && tc(i).is(w_form_past) && after_comma) continue;
                if (m.phrase && m.role == phrase_role::speaker_after && after_comma) continue;
            }
            // "hundreds of screaming supporters", "a whispering campaign": an -ing form between a
            // determiner or "of" and a lowercase word modifies a noun.
            if (!m.phrase && tc(i).is(w_form_ing) && i > b && t(i - 1).word() && tc(i - 1).is(w_of | w_det) &&
                !tc(i - 1).is(w_pron | w_that) && i + 1 < e && lower(i + 1) &&
                !tc(i + 1).is(w_det | w_prep | w_of | w_that | w_pron | w_conj | w_rel)) {
                continue;
            }
            if (!m.phrase && noun_reading(i, b)) continue;
            if (!m.phrase && tc(i).is(w_form_past)) {
                bool passive = false;
                static_cast<void>(skip_aux_back(i, b, passive));
                if (passive) continue;
            }
            return true;
        }
        return false;
    }

    /// "“…” Vladimir Makei said this at the briefing.": the sentence after the quote names its speaker.
    bool next_sentence(std::size_t qi, frame& f) {
        const auto& q = d_.qs[qi];
        std::size_t i = q.otok.e;
        if (i >= ntok() || !same_para(i, q.otok.e - 1)) return false;
        // Skip to the start of the next sentence.
        const std::size_t s = t(i).sent;
        if (d_.sent_tok[s].b != i) {
            i = d_.sent_tok[s].e;
            if (i >= ntok() || !same_para(i, q.otok.e - 1)) return false;
        }
        const tspan st = d_.sent_tok[t(i).sent];
        const std::size_t hi = std::min(st.e, next_quote_begin(qi));
        const tspan np = np_after(i, hi);
        if (np.empty()) return false;
        const np_class cls = classify(np);
        if (cls != np_class::person && cls != np_class::pronoun && cls != np_class::nominal) return false;
        bool passive = false;
        const std::size_t j = skip_aux_fwd(np.e, hi, passive);
        cue_match m;
        if (passive || j >= hi || !cue_at(j, hi, m) || m.role != phrase_role::speaker_before || tc(j).is(w_form_ing))
            return false;
        std::size_t a = j + m.len;
        if (a < hi && key_in(a, "this", "so", "it")) ++a;
        tspan ad;
        a = skip_adjuncts(a, hi, ad);
        if (clause_words(a, hi) > 8) return false;
        f.addressee = ad;
        f.cue = {j, j + m.len};
        f.mention = np;
        f.type = frame_type::next_sentence;
        return true;
    }

    // ------------------------------------------------------------------ terms
    void term_frames() {
        for (const auto& q : d_.qs) {
            if (q.speech) continue;
            frame f;
            f.kind = quote_kind::term;
            f.type = frame_type::term;
            f.content = q.content;
            f.quote = q.orig;
            d_.frames.push_back(f);
        }
    }

    // ------------------------------------------------------------------ coreference
    /// What the document says about one surname, gathered in one pass over the chunks.

    void build_surname_index() {
        if (d_.by_surname_built) return;
        d_.by_surname_built = true;
        surnames_.reserve(d_.chunks.size());
        for (std::size_t ci = 0; ci < d_.chunks.size(); ++ci) {
            const chunk& c = d_.chunks[ci];
            if (c.name.empty()) continue;
            std::int32_t& slot = surname_index_.at_or_insert(c.surname, static_cast<std::int32_t>(surnames_.size()));
            if (static_cast<std::size_t>(slot) == surnames_.size()) surnames_.emplace_back();
            surname_info& in = surnames_[static_cast<std::size_t>(slot)];
            if (in.first_full == UINT32_MAX && c.name.size() >= 2) in.first_full = static_cast<std::uint32_t>(ci);
            if (in.gender == 0) in.gender = c.gender;
            if (c.name.size() >= 2 && c.evidence) in.full_person = true;
            if (!c.role.empty() && in.nroles < 4) in.roles[in.nroles++] = static_cast<std::uint32_t>(ci);
        }
    }

    [[nodiscard]] surname_info* info_of(std::uint32_t surname) {
        build_surname_index();
        const std::int32_t* slot = surname_index_.find(surname);
        return slot == nullptr ? nullptr : &surnames_[static_cast<std::size_t>(*slot)];
    }

    [[nodiscard]] bool has_full_person(std::uint32_t surname) {
        const surname_info* in = info_of(surname);
        return in != nullptr && in->full_person;
    }

    [[nodiscard]] static bool given_ok(std::uint32_t a, std::uint32_t b) noexcept { return a == 0 || b == 0 || a == b; }

    /// The cluster of a person chunk: people are the same when the surnames match and the given
    /// names (when both are written) agree on their first letters. The canonical name is the
    /// first mention written in full.
    std::int32_t person_cluster(std::size_t ci) {
        const chunk& c = d_.chunks[ci];
        surname_info* in = info_of(c.surname);  // every person chunk has an entry
        std::uint32_t given = c.given;
        for (std::int32_t k = in != nullptr ? in->first_cluster : -1; k >= 0;
             k = d_.clusters[static_cast<std::size_t>(k)].next_same) {
            if (given_ok(d_.clusters[static_cast<std::size_t>(k)].given, given)) return k;
        }
        cluster cl;
        cl.kind = entity_kind::person;
        cl.surname = c.surname;
        cl.name = span_of(c.name);
        cl.gender = c.gender;
        if (in != nullptr) {
            if (in->first_full != UINT32_MAX) {
                const chunk& f = d_.chunks[in->first_full];
                if (given_ok(f.given, given)) {
                    cl.name = span_of(f.name);
                    if (given == 0) given = f.given;
                }
            }
            for (std::uint8_t r = 0; r < in->nroles; ++r) {
                const chunk& o = d_.chunks[in->roles[r]];
                if (given_ok(o.given, given)) {
                    cl.role = span_of(o.role);
                    break;
                }
            }
            if (cl.gender == 0) cl.gender = in->gender;
        }
        cl.given = given;
        const auto id = static_cast<std::int32_t>(d_.clusters.size());
        if (in != nullptr) {
            cl.next_same = in->first_cluster;
            in->first_cluster = id;
        }
        d_.clusters.push_back(cl);
        return id;
    }

    /// The cluster of the organisation `np` names (one per name in the text); with `kind`
    /// `other`, of the group or person a noun phrase describes ("a young woman").
    std::int32_t org_cluster(tspan np, entity_kind kind = entity_kind::organization) {
        std::size_t b = np.b;
        if (kind == entity_kind::organization && tc(b).is(w_det) && b + 1 < np.e && name_tok(b + 1)) ++b;  // "The New York Post" → "New York Post"
        std::uint64_t h = 0xCBF29CE484222325ULL ^ (kind == entity_kind::organization ? 0 : 0x9E3779B97F4A7C15ULL);
        for (std::size_t i = b; i < np.e; ++i) {
            if (!t(i).word() || tc(i).is(w_det)) continue;
            h = (h ^ word_hash(i)) * 0x100000001B3ULL;
        }
        if (const std::int32_t* known = org_index_.find(h)) return *known;
        cluster cl;
        cl.kind = kind;
        cl.org_key = h;
        cl.name = span_of({b, np.e});
        d_.clusters.push_back(cl);
        const auto id = static_cast<std::int32_t>(d_.clusters.size() - 1);
        org_index_.at_or_insert(h, id);
        return id;
    }

    /// A resolved speaker mention: later pronouns and nominals may refer back to it.

    [[nodiscard]] bool spoke(std::uint32_t surname) {
        const surname_info* in = info_of(surname);
        return in != nullptr && in->spoke;
    }

    /// Gender of a person chunk, also from other mentions of the same surname.
    [[nodiscard]] std::uint8_t gender_of(const chunk& c) {
        if (c.gender != 0) return c.gender;
        const surname_info* in = info_of(c.surname);
        return in == nullptr ? 0 : in->gender;
    }

    /// Does a person (any mention of the surname) hold the role a nominal names?
    [[nodiscard]] bool role_ok(const chunk& c, std::int32_t head_lex, bool head_of_state, bool generic) {
        if (generic) return c.evidence || !c.role.empty();
        const surname_info* in = info_of(c.surname);
        if (in == nullptr) return false;
        for (std::uint8_t r = 0; r < in->nroles; ++r) {
            const chunk& o = d_.chunks[in->roles[r]];
            if (!given_ok(o.given, c.given)) continue;
            if (head_lex >= 0 && o.role_lex == head_lex) return true;
            for (std::size_t i = o.role.b; i < o.role.e && i - o.role.b < 8 && head_lex >= 0; ++i) {
                if (tc(i).lex == head_lex) return true;
            }
            if (head_of_state && (o.role_cls & w_head_of_state) != 0) return true;
            if (head_lex >= 0 && o.role_lex >= 0 && stem_equal(head_lex, o.role_lex)) return true;
        }
        return false;
    }

    /// Two lexicon words with the same first five letters (Russian case forms: министр / министра).
    [[nodiscard]] bool stem_equal(std::int32_t a, std::int32_t b) const {
        if (!e_.russian()) return false;
        const std::string_view ka = lex_.key(a);
        const std::string_view kb = lex_.key(b);
        const std::size_t n = std::min<std::size_t>(10, std::min(ka.size(), kb.size()));
        return n >= 8 && ka.substr(0, n) == kb.substr(0, n);
    }

    /// The most recent person before token `pos` that fits `want` (gender 1 male, 2 female, 0 any),
    /// or that has the role named by a nominal. Looks back over a bounded number of mentions.
    std::int32_t antecedent(std::size_t pos, std::uint8_t want, bool nominal, std::int32_t head_lex, bool hos,
                            bool generic, const std::vector<event>& events) {
        const auto it = std::lower_bound(d_.chunks.begin(), d_.chunks.end(), pos,
                                         [](const chunk& c, std::size_t p) { return c.all.b < p; });
        std::size_t ci = static_cast<std::size_t>(it - d_.chunks.begin());
        std::size_t looked = 0;
        std::size_t best_pos = 0;
        std::int32_t best = -1;
        while (ci-- > 0 && looked < 150) {
            ++looked;
            const chunk& c = d_.chunks[ci];
            if (c.name.empty() || in_quote(c.name.b)) continue;  // names inside quotations are not antecedents
            if (!nominal && !c.evidence && !spoke(c.surname)) continue;
            const std::uint8_t g = gender_of(c);
            if (want != 0 && g != 0 && g != want) continue;
            if (nominal && !role_ok(c, head_lex, hos, generic)) continue;
            best_pos = c.name.b + 1;
            best = person_cluster(ci);
            break;
        }
        // A later resolved mention (a pronoun that was itself resolved) wins.
        if (!nominal) {
            for (std::size_t k = events.size(), n = 0; k-- > 0 && n < 64; ++n) {
                const event& ev = events[k];
                if (ev.pos >= pos) continue;
                if (ev.pos + 1 <= best_pos) break;
                const cluster& cl = d_.clusters[static_cast<std::size_t>(ev.cluster)];
                if (cl.kind != entity_kind::person) continue;
                if (want != 0 && cl.gender != 0 && cl.gender != want) continue;
                best = ev.cluster;
                break;
            }
        }
        return best;
    }

    /// The head word of a nominal mention ("senator" in "the independent Vermont senator").
    [[nodiscard]] std::size_t nominal_head(tspan m) const {
        std::size_t h = head_end(m);
        while (h > m.b && !t(h - 1).word()) --h;
        return h - 1;
    }

    /// Resolves one mention; `factor` receives the confidence factor.
    std::int32_t resolve(tspan m, std::vector<event>& events, float& factor) {
        factor = 0.75F;
        switch (classify(m)) {
            case np_class::person: {
                factor = 1.0F;
                return person_cluster(static_cast<std::size_t>(person_chunk(m)));
            }
            case np_class::org:
                factor = 0.95F;
                return org_cluster(m);
            case np_class::pronoun: {
                const token& x = tc(m.b);
                factor = 0.6F;
                if (x.is(w_plural | w_neuter) || !x.is(w_male | w_female)) {
                    if (x.is(w_neuter)) {
                        // "it": the most recent organisation in this or the previous sentence.
                        for (std::size_t k = events.size(), n = 0; k-- > 0 && n < 16; ++n) {
                            const cluster& cl = d_.clusters[static_cast<std::size_t>(events[k].cluster)];
                            if (t(events[k].pos).sent + 1 < t(m.b).sent) break;
                            if (cl.kind == entity_kind::organization) {
                                factor = 0.8F;
                                return events[k].cluster;
                            }
                        }
                    }
                    return -1;
                }
                const std::uint8_t want = x.is(w_female) ? 2 : 1;
                const std::int32_t cl = antecedent(m.b, want, false, -1, false, false, events);
                if (cl >= 0) factor = 0.85F;
                return cl;
            }
            case np_class::relative: {
                const std::size_t sb = d_.sent_tok[t(m.b).sent].b;
                std::size_t k = m.b;
                if (k > sb && punct(k - 1, ',')) --k;
                const tspan ante = np_core_before(k, sb);
                if (ante.empty()) return -1;
                const np_class c = classify(ante);
                if (c == np_class::person) {
                    factor = 0.85F;
                    return person_cluster(static_cast<std::size_t>(person_chunk(ante)));
                }
                if (c == np_class::org) return org_cluster(ante);
                // "the independent Vermont senator, who …": the person the noun phrase refers to,
                // when its head is a title ("the star journalist" or "the majority leader" could
                // be anyone the text named before).
                const std::size_t ah = c == np_class::nominal ? nominal_head(ante) : npos;
                if (ah != npos && tc(ah).is(w_title) && !key_is(ah, "leader")) {
                    float f2 = 0;
                    const std::int32_t cl = resolve(ante, events, f2);
                    if (cl >= 0 && f2 >= 0.9F) {
                        factor = 0.85F;
                        return cl;
                    }
                }
                // "a young woman who suggested …": the pronoun alone names no one; the speaker is
                // its antecedent, as the text describes it.
                return org_cluster(ante, entity_kind::other);
            }
            case np_class::nominal: {
                // "King said" after "Congressman Pete King", "Bishop said" after "Rep. Rob Bishop": a
                // lone capitalised title word inside its sentence is the surname of a person the
                // text names in full.
                if (m.size() == 1 && (t(m.b).shape & s_cap) != 0 && !sent_start(m.b) && !tc(m.b).is(w_honorific)) {
                    const surname_info* in = info_of(key_of(m.b, true));
                    if (in != nullptr && in->full_person && in->first_full != UINT32_MAX) {
                        factor = 0.9F;
                        return person_cluster(in->first_full);
                    }
                }
                // "a source", "an official", "one aide": someone new, not an earlier person.
                if (tc(m.b).is(w_det) && key_in(m.b, "a", "an", "one", "another", "some")) {
                    factor = 0.8F;
                    return -1;
                }
                const std::size_t h = nominal_head(m);
                bool hos = is_head_of_state(h);
                const token& head = tc(h);
                if (head.is(w_head_of_state)) hos = true;
                const bool generic = !head.is(w_title) || key_is(h, "leader");
                std::uint8_t want = 0;
                if (head.is(w_male)) want = 1;
                if (head.is(w_female)) want = 2;
                const std::int32_t cl = antecedent(m.b, want, true, head.lex, hos, generic, events);
                if (cl >= 0) {
                    factor = 0.9F;
                    return cl;
                }
                // No one with that role: the most recent person who spoke.
                for (std::size_t k = events.size(), n = 0; k-- > 0 && n < 16; ++n) {
                    const cluster& c = d_.clusters[static_cast<std::size_t>(events[k].cluster)];
                    if (c.kind == entity_kind::person) {
                        factor = 0.6F;
                        return events[k].cluster;
                    }
                }
                factor = 0.5F;
                return -1;
            }
            case np_class::group:
            case np_class::other:
            case np_class::none:
                return -1;
        }
        return -1;
    }

    void resolve_all() {
        std::vector<std::size_t>& order = s_.order;
        order.clear();
        order.reserve(d_.frames.size());
        for (std::size_t i = 0; i < d_.frames.size(); ++i) {
            if (!d_.frames[i].mention.empty()) order.push_back(i);
        }
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return d_.frames[a].mention.b < d_.frames[b].mention.b; });
        std::vector<event>& events = s_.events;
        events.clear();
        events.reserve(order.size());
        d_.clusters.reserve(order.size() + 8);
        std::size_t prev_mention_b = npos;
        std::int32_t prev_cluster = -1;
        float prev_factor = 0;
        for (const std::size_t fi : order) {
            frame& f = d_.frames[fi];
            float factor = 0;
            if (f.mention.b == prev_mention_b) {
                f.cluster = prev_cluster;
                factor = prev_factor;
            } else {
                f.cluster = resolve(f.mention, events, factor);
                prev_mention_b = f.mention.b;
                prev_cluster = f.cluster;
                prev_factor = factor;
                if (f.cluster >= 0) {
                    events.push_back({f.mention.b, f.cluster});
                    const cluster& cl = d_.clusters[static_cast<std::size_t>(f.cluster)];
                    if (cl.kind == entity_kind::person) {
                        if (surname_info* in = info_of(cl.surname)) in->spoke = true;
                    }
                }
            }
            f.confidence = base_confidence(f) * factor;
        }
        // Continuations take the speaker of the quote they continue (frames were made in order).
        for (auto& f : d_.frames) {
            if (f.inherit < 0) continue;
            const frame& src = d_.frames[static_cast<std::size_t>(f.inherit)];
            f.cluster = src.cluster;
            f.mention = src.mention;
            f.confidence = std::min(f.confidence, src.confidence);
        }
        for (auto& f : d_.frames) {
            if (f.type == frame_type::unattributed) f.confidence = 0.1F;
            if (f.type == frame_type::term) f.confidence = 0;
        }
    }

    [[nodiscard]] static float base_confidence(const frame& f) {
        switch (f.type) {
            case frame_type::direct_tail: return 0.95F;
            case frame_type::direct_head: return f.confidence > 0 ? f.confidence : 0.95F;
            case frame_type::direct_colon: return 0.9F;
            case frame_type::continuation: return f.confidence;
            case frame_type::next_sentence: return 0.7F;
            case frame_type::unattributed: return 0.1F;
            case frame_type::indirect_after: return 0.8F;
            case frame_type::indirect_before: return 0.8F;
            case frame_type::indirect_source: return 0.85F;
            case frame_type::indirect_ing: return 0.7F;
            case frame_type::indirect_prev: return 0.75F;
            case frame_type::indirect_headline: return 0.6F;
            case frame_type::indirect_question: return 0.6F;
            case frame_type::term: return 0;
        }
        return 0.5F;
    }

    // ------------------------------------------------------------------ output
    /// Appends the records to `out` (see `run_into`).
    void output(attribution& out, const output_growth* growth) {
        std::vector<std::size_t>& order = s_.order;
        order.clear();
        order.reserve(d_.frames.size());
        if (growth == nullptr) out.entities.reserve(out.entities.size() + d_.clusters.size());
        for (std::size_t i = 0; i < d_.frames.size(); ++i) {
            if (!d_.frames[i].dropped && !d_.frames[i].content.empty()) order.push_back(i);
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return d_.frames[a].content.begin < d_.frames[b].content.begin;
        });
        const std::size_t need = out.quotations.size() + order.size();
        out.quotations.reserve(growth != nullptr ? grown_capacity(out.quotations.capacity(), need, *growth) : need);
        for (const std::size_t fi : order) {
            frame& f = d_.frames[fi];
            quotation q;
            q.content = f.content;
            q.kind = f.kind;
            q.quote = f.quote;
            if (!f.gap.empty()) q.interruption = f.gap;
            if (f.kind != quote_kind::term) {
                if (!f.cue.empty()) q.cue = span_of(f.cue);
                if (!f.mention.empty()) q.mention = span_of(f.mention);
                if (!f.addressee.empty()) q.addressee = span_of(f.addressee);
                if (f.cluster >= 0) {
                    cluster& cl = d_.clusters[static_cast<std::size_t>(f.cluster)];
                    if (cl.out < 0) {
                        cl.out = static_cast<std::int32_t>(out.entities.size());
                        out.entities.push_back({cl.name, cl.role, cl.kind});
                    }
                    q.speaker = cl.out;
                }
                q.confidence = std::clamp(f.confidence, 0.0F, 1.0F);
            }
            out.quotations.push_back(q);
        }
    }

    const engine& e_;
    const lexicon& lex_;
    scratch& s_;
    text_span range_;  ///< The part of the text attributed.
    // The scratch buffers under their working names.
    doc_state& d_;
    std::vector<std::uint32_t>& pattern_end_;
    std::vector<text_span>& units_;
    std::vector<std::size_t>& anchor_tok_;
    std::vector<std::uint32_t, no_init_allocator<std::uint32_t>>& caps_;
    std::vector<surname_info>& surnames_;
    flat_map<std::uint32_t>& surname_index_;
    flat_map<std::uint64_t>& org_index_;
};

/// Texts longer than this many bytes are attributed in consecutive windows of at most this
/// size (see `engine::run`), so that the working memory is bounded whatever the text. 1 MiB
/// keeps a window's tokens, chunks and frames (some 10 bytes per byte of text) within the
/// last-level cache: with 4 MiB windows (~40 MB of them) a long text took 1.5 times the time per
/// MB of a 2 MB one (extraction of a one-line text: 12.8 against 8.6 ms per MB); with 1 MiB the
/// two are the same. Far above any news article.
inline constexpr std::size_t max_window = std::size_t{1} << 20U;

/// Where the window starting at `begin` ends (`begin + max_window < text.size()`): after the last
/// sentence that ends in its second half, else at the last white space of its last 256 bytes,
/// else at the last code point boundary; never inside a quotation that starts in the window
/// unless that quotation is longer than a window.
[[nodiscard]] inline std::size_t window_end(std::string_view text, std::size_t begin, std::span<const text_span> sentences,
                                            std::span<const text_span> quoted) noexcept {
    const std::size_t limit = begin + max_window;
    std::size_t end = 0;
    // `sentences` is sorted by end: the last one ending at or before the limit.
    auto it = std::upper_bound(sentences.begin(), sentences.end(), limit,
                               [](std::size_t off, text_span sp) { return off < sp.end; });
    if (it != sentences.begin() && std::prev(it)->end > begin + max_window / 2) end = std::prev(it)->end;
    if (end == 0) {
        end = limit;
        for (std::size_t k = limit; k > limit - 256; --k) {
            if (tok_detail::ascii_class[static_cast<unsigned char>(text[k - 1])] & tok_detail::c_space) {
                end = k;
                break;
            }
        }
        while (end > begin + 1 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
    }
    // `quoted` is sorted by begin, without overlaps: the quotation holding `end`, if any.
    auto q = std::upper_bound(quoted.begin(), quoted.end(), end, [](std::size_t off, text_span sp) { return off < sp.begin; });
    if (q != quoted.begin()) {
        const text_span held = *std::prev(q);
        if (held.begin < end && end < held.end) {
            if (held.begin > begin + max_window / 4) end = held.begin;
            else if (held.end <= begin + 2 * max_window) end = held.end;
        }
    }
    return end;
}

inline attribution engine::run(std::string_view text, std::span<const text_span> sentences,
                               std::span<const quote> quotes, std::vector<text_span>* paragraphs,
                               scratch* work) const {
    if (paragraphs != nullptr) paragraphs->clear();
    if (text.empty()) return {};
    // Buffers of its own only for a call without a workspace (building and destroying an unused
    // one cost ~75 instructions per call, 2% of extracting "Hello.").
    std::optional<scratch> local;
    scratch& s = work != nullptr ? *work : local.emplace();
    if (text.size() <= max_window) {
        runner r(*this, text, s);
        return r.run(sentences, quotes, paragraphs);
    }
    // A huge text: window by window, each in the same buffers (coreference and continuations do
    // not cross windows; a news article is far below the size). Quotation records keep their
    // order (windows follow each other); speaker indices move past the earlier windows' entities.
    // Each window is given only its own sentences and quotations (found by binary search in
    // copies sorted once), so the whole run stays linear in their numbers.
    std::vector<text_span> by_begin;
    by_begin.reserve(sentences.size());
    for (const text_span sp : sentences) {
        if (sp.begin < sp.end && sp.end <= text.size()) by_begin.push_back(sp);
    }
    // (The splitter's and the detector's output is already in order: the checks make the sorts
    // free for it.)
    const auto begin_less = [](text_span a, text_span b) { return a.begin < b.begin; };
    const auto end_less = [](text_span a, text_span b) { return a.end < b.end; };
    if (!std::is_sorted(by_begin.begin(), by_begin.end(), begin_less)) std::sort(by_begin.begin(), by_begin.end(), begin_less);
    std::vector<text_span> by_end = by_begin;
    if (!std::is_sorted(by_end.begin(), by_end.end(), end_less)) std::sort(by_end.begin(), by_end.end(), end_less);
    std::vector<std::size_t> quote_order;
    quote_order.reserve(quotes.size());
    for (std::size_t qi = 0; qi < quotes.size(); ++qi) quote_order.push_back(qi);
    const auto quote_less = [&](std::size_t a, std::size_t b) { return quotes[a].outer.begin < quotes[b].outer.begin; };
    if (!std::is_sorted(quote_order.begin(), quote_order.end(), quote_less)) {
        std::stable_sort(quote_order.begin(), quote_order.end(), quote_less);
    }
    std::vector<text_span> quoted;  // the outermost quotations
    quoted.reserve(quotes.size());
    for (const quote& q : quotes) {
        if (q.outer.begin < q.outer.end && q.outer.end <= text.size()) quoted.push_back(q.outer);
    }
    const auto outer_less = [](text_span a, text_span b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; };
    if (!std::is_sorted(quoted.begin(), quoted.end(), outer_less)) std::sort(quoted.begin(), quoted.end(), outer_less);
    std::size_t kept = 0;
    for (const text_span q : quoted) {
        if (kept == 0 || q.begin >= quoted[kept - 1].end) quoted[kept++] = q;
    }
    quoted.resize(kept);
    // Each window appends its records to the one result as they come, the vector grown from the
    // density so far (see `grown_capacity`): no per-window results joined at the end (that held
    // the records twice and copied each once: on quotes nested 10,000 deep, 1 GB of records at
    // 200 MB, and twice that in fresh pages to fault in), and no doubling that would copy and
    // re-touch the vector at every step.
    attribution out;
    for (std::size_t begin = 0; begin < text.size();) {
        const std::size_t end = begin + max_window >= text.size() ? text.size() : window_end(text, begin, by_end, quoted);
        // Sentences that start in the window, and the one before if it reaches into it.
        auto sb = std::lower_bound(by_begin.begin(), by_begin.end(), begin,
                                   [](text_span sp, std::size_t off) { return sp.begin < off; });
        if (sb != by_begin.begin() && std::prev(sb)->end > begin) --sb;
        const auto se = std::lower_bound(sb, by_begin.end(), end, [](text_span sp, std::size_t off) { return sp.begin < off; });
        const auto qb = std::lower_bound(quote_order.begin(), quote_order.end(), begin,
                                         [&](std::size_t qi, std::size_t off) { return quotes[qi].outer.begin < off; });
        const auto qe = std::lower_bound(qb, quote_order.end(), end,
                                         [&](std::size_t qi, std::size_t off) { return quotes[qi].outer.begin < off; });
        const std::span<const std::size_t> ids(qb, qe);
        const output_growth growth{end, text.size(), static_cast<std::size_t>(quote_order.end() - qe)};
        runner r(*this, text, s);
        r.run_into(out, &growth, std::span<const text_span>(sb, se), quotes, nullptr, {begin, end}, &ids);
        begin = end;
    }
    if (paragraphs != nullptr) for_each_paragraph(text, [&](text_span pg) { paragraphs->push_back(pg); });
    return out;
}

}  // namespace detail::attr

WHOSAID_END_NAMESPACE
