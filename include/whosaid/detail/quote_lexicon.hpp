// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Word lists the quote detector consults around a quotation, per language: the cue words that
/// announce a term (motto, called, conference, программа …), the reporting verbs that announce
/// speech, the function words a cue may reach across ("the decision **of the** CSTO Council
/// "On …""), and the English elisions that look like an opening single quote ('em, 'n', '90s).
///
/// Entries are lowercase UTF-8. An entry ending in '*' is a prefix (a stem: "программ*" matches
/// программа, программы, программой …), so inflected languages stay short lists. A new language
/// is one more `quote_lexicon` value and a case in `quote_lexicon_for`.

#include "whosaid/config.hpp"
#include "whosaid/language.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

WHOSAID_BEGIN_NAMESPACE

namespace detail {

/// The built-in lists of one language.
struct quote_lexicon {
    std::span<const std::string_view> term_cues;     ///< Words before a quotation that make it a term.
    std::span<const std::string_view> speech_cues;   ///< Reporting verbs around a quotation that make it speech.
    std::span<const std::string_view> chain_words;   ///< Function words a term cue reaches across.
    std::span<const std::string_view> determiners;   ///< "the", "a", "this" … right before a term.
    std::span<const std::string_view> elisions;      ///< Words written with a leading apostrophe ('em, 'n').
};

// ---------------------------------------------------------------------------------------------
// English

inline constexpr std::string_view en_term_cues[] = {
    // naming and labelling
    "motto", "mottos", "slogan", "slogans", "formula", "principle", "called", "dubbed", "titled", "entitled",
    "named", "nicknamed", "so-called", "termed", "branded", "labelled", "labeled", "coined", "codenamed",
    "code-named", "known", "word", "words", "phrase", "term", "expression", "catchphrase", "catchword",
    "buzzword", "title", "headline", "heading", "label", "name", "nickname", "hashtag", "sign", "signs",
    "banner", "banners", "placard", "placards", "tagline", "moniker", "brand", "trademark",
    // events, programmes and documents
    "conference", "conferences", "programme", "programmes", "program", "programs", "project", "projects",
    "campaign", "operation", "initiative", "strategy", "concept", "doctrine", "decision", "decisions",
    "resolution", "decree", "law", "bill", "act", "treaty", "agreement", "declaration", "convention",
    "forum", "festival", "exhibition", "contest", "competition", "award", "prize", "summit", "session",
    "roundtable", "round-table", "seminar", "symposium", "congress", "olympiad", "marathon", "tournament",
    // works and media
    "book", "novel", "film", "movie", "documentary", "series", "show", "song", "album", "single", "play",
    "musical", "opera", "newspaper", "magazine", "journal", "channel", "website", "blog", "column",
    "podcast", "app", "game",
    // organisations
    "company", "firm", "party", "movement", "club", "team", "association", "foundation", "fund",
};

inline constexpr std::string_view en_speech_cues[] = {
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "asked", "asks", "noted",
    "notes", "stressed", "stresses", "explained", "explains", "declared", "declares", "stated", "states",
    "wrote", "writes", "replied", "replies", "insisted", "insists", "warned", "warns", "argued", "argues",
    "claimed", "claims", "continued", "continues", "concluded", "recalled", "remarked", "emphasized",
    "emphasised", "emphasizes", "emphasises", "commented", "announced", "admitted", "acknowledged",
    "confirmed", "according", "quoted", "quoting", "quipped", "joked", "tweeted", "posted", "answered",
    "responded", "shouted", "yelled", "cried", "whispered", "thundered", "urged", "predicted", "promised",
    "boasted", "complained", "conceded", "observed", "suggested", "reiterated", "summarized",
    "summarised", "pointed", "believes", "thinks", "feels", "recounted", "described", "testified",
    "vowed", "proclaimed", "maintained",
};

inline constexpr std::string_view en_chain_words[] = {
    "a", "an", "the", "of", "for", "on", "in", "at", "by", "to", "and", "&", "it", "them", "him", "her",
    "this", "its", "his", "their", "our", "my", "your", "as", "first", "new", "annual", "international",
    "national", "special", "draft", "entitled", "under", "slogan", "with",
};

inline constexpr std::string_view en_determiners[] = {
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "so-called", "such", "some",
};

inline constexpr std::string_view en_elisions[] = {
    "em", "n", "til", "till", "tis", "twas", "cause", "cos", "bout", "round", "kay", "cuz", "nuff", "ello",
};

// ---------------------------------------------------------------------------------------------
// Russian (stems end in '*')

inline constexpr std::string_view ru_term_cues[] = {
    "девиз*", "лозунг*", "слоган*", "формул*", "принцип*", "называем*", "назван*", "названи*", "прозвищ*",
    "прозван*", "термин*", "слово", "слова", "словом", "выражени*", "имени", "именем", "бренд*", "марк*",
    "хэштег*", "хештег*", "плакат*", "транспарант*", "надпис*", "заголов*", "рубрик*",
    "конференци*", "программ*", "проект*", "кампани*", "операци*", "стратеги*", "концепци*", "доктрин*",
    "решени*", "постановлени*", "указ*", "закон*", "законопроект*", "договор*", "соглашени*", "декларац*",
    "конвенци*", "форум*", "фестивал*", "выставк*", "конкурс*", "преми*", "саммит*", "сесси*", "семинар*",
    "симпозиум*", "съезд*", "турнир*", "акци*", "марафон*",
    "книг*", "роман*", "фильм*", "сериал*", "песн*", "альбом*", "спектакл*", "газет*", "журнал*",
    "телеканал*", "канал*", "агентств*", "сайт*", "издани*", "радиостанци*",
    "компани*", "партии", "партия", "движени*", "клуб*", "команд*", "фонд*", "ассоциаци*",
};

inline constexpr std::string_view ru_speech_cues[] = {
    "сказал*", "заявил*", "заявля*", "сообщил*", "сообща*", "отметил*", "отмеча*", "добавил*", "добавля*",
    "подчеркнул*", "подчеркива*", "подчёркива*", "пояснил*", "поясня*", "уточнил*", "уточня*", "рассказал*",
    "рассказыва*", "говорит*", "говорил*", "говорят", "считает", "считают", "цитирует", "цитируют",
    "пишет", "пишут", "написал*", "признал*", "призвал*", "ответил*", "спросил*", "заметил*",
    "констатировал*", "резюмировал*", "заключил*", "указал*", "напомнил*", "предупредил*", "обратился",
    "обратилась", "объяснил*", "возразил*", "посетовал*", "признался", "признавался", "словам",
};

inline constexpr std::string_view ru_chain_words[] = {
    "и", "в", "во", "на", "о", "об", "по", "для", "с", "со", "под", "при", "от", "из", "к", "его", "её",
    "ее", "их", "это", "международн*", "ежегодн*", "нов*",
};

inline constexpr std::string_view ru_determiners[] = {
    "этот", "эта", "это", "эти", "этого", "этой", "этим", "так", "такой", "такая", "такое", "такие",
};

/// The built-in lists for `lang`.
[[nodiscard]] constexpr quote_lexicon quote_lexicon_for(language lang) noexcept {
    switch (lang) {
        case language::ru:
            return {ru_term_cues, ru_speech_cues, ru_chain_words, ru_determiners, {}};
        case language::en:
            break;
    }
    return {en_term_cues, en_speech_cues, en_chain_words, en_determiners, en_elisions};
}

/// Which lists a word is on (bit flags of `word_table::lookup`).
enum word_flag : std::uint8_t {
    term_cue = 1U << 0U,     ///< announces a term
    speech_cue = 1U << 1U,   ///< a reporting verb
    chain_word = 1U << 2U,   ///< a function word a term cue reaches across
    determiner = 1U << 3U,   ///< a determiner before a term
    elision = 1U << 4U,      ///< a word written with a leading apostrophe
};

/// All word lists of a detector in one table: word → flags. Exact words are bucketed by a key of
/// (first byte, last byte, length), so a lookup compares the word with the few entries of its
/// bucket (most words meet an empty bucket). Stems (entries ending in '*') live in an
/// open-addressing hash table: when a stem can match (the word is at least as long as the
/// shortest stem starting with its first byte), the lookup hashes the word once, probing the
/// stem table at each stem length along the way. Built once by the engine's constructor,
/// immutable afterwards (lookups are `const` and thread-safe).
class word_table {
public:
    /// Adds `words` (lowercase UTF-8; a trailing '*' marks a stem) with `flags`.
    void add(std::span<const std::string_view> words, std::uint8_t flags) {
        for (std::string_view w : words) add(w, flags);
    }
    /// Adds one entry. Empty entries and a lone '*' are ignored. Call `finish()` afterwards.
    void add(std::string_view w, std::uint8_t flags) {
        if (w.empty() || w == "*") return;
        if (w.back() == '*') stems_.push_back({std::string(w.substr(0, w.size() - 1)), flags});
        else exact_.push_back({std::string(w), flags});
    }
    /// Merges duplicates and builds the hash tables; lookups are valid only after this.
    void finish() {
        merge(exact_);
        build(stems_, stem_slots_);
        stem_lengths_ = 0;
        max_exact_ = 0;
        stem_min_.fill(no_stem);
        // Exact entries by bucket (a counting sort on the key).
        bucket_begin_.assign(buckets + 1, 0);
        for (const auto& e : exact_) {
            max_exact_ = std::max(max_exact_, e.word.size());
            ++bucket_begin_[key_of(e.word) + 1];
        }
        for (std::size_t k = 0; k < buckets; ++k) bucket_begin_[k + 1] += bucket_begin_[k];
        bucket_entries_.assign(exact_.size(), 0);
        std::vector<std::uint32_t> fill(bucket_begin_.begin(), bucket_begin_.end() - 1);
        for (std::size_t i = 0; i < exact_.size(); ++i) bucket_entries_[fill[key_of(exact_[i].word)]++] = static_cast<std::uint32_t>(i);
        for (const auto& e : stems_) {
            if (e.word.size() >= max_stem) continue;  // never probed (see `lookup`)
            stem_lengths_ |= std::uint64_t{1} << e.word.size();
            auto& m = stem_min_[static_cast<unsigned char>(e.word.front())];
            m = std::min(m, static_cast<std::uint8_t>(e.word.size()));
        }
    }

    /// The flags of `lower` (already lowercased): those of an exact entry, or-ed with those of
    /// every stem it starts with; 0 when it is on no list. O(size of `lower`); never allocates.
    [[nodiscard]] std::uint8_t lookup(std::string_view lower) const noexcept {
        return lookup_impl<false>(lower);
    }
    /// Same as `lookup` of the ASCII lowercase form of `ascii`, which must hold only ASCII bytes
    /// (A-Z are folded here, without a copy).
    [[nodiscard]] std::uint8_t lookup_ascii(std::string_view ascii) const noexcept {
        return lookup_impl<true>(ascii);
    }
    /// True when `lower` has any of `flags`.
    [[nodiscard]] bool has(std::string_view lower, std::uint8_t flags) const noexcept { return (lookup(lower) & flags) != 0; }

private:
    struct entry {
        std::string word;
        std::uint8_t flags = 0;
        std::uint64_t hash = 0;
    };
    static constexpr std::uint64_t offset_basis = 14695981039346656037ULL;
    static constexpr std::uint64_t prime = 1099511628211ULL;
    static constexpr std::size_t max_stem = 64;      ///< Stems this long or longer never match.
    static constexpr std::uint8_t no_stem = 0xFF;    ///< `stem_min_` of a byte no stem starts with.
    static constexpr std::size_t buckets = 4096;

    [[nodiscard]] static constexpr unsigned char fold(unsigned char c) noexcept {
        return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32U) : c;
    }
    [[nodiscard]] static constexpr std::size_t bucket_key(unsigned char first, unsigned char last, std::size_t n) noexcept {
        const std::uint32_t x = (std::uint32_t{first} | (std::uint32_t{last} << 8U) |
                                 (static_cast<std::uint32_t>(n & 0xFFFFU) << 16U)) * 0x9E3779B1U;
        return x >> 20U;  // 12 bits: `buckets`
    }
    [[nodiscard]] static std::size_t key_of(std::string_view w) noexcept {
        return bucket_key(static_cast<unsigned char>(w.front()), static_cast<unsigned char>(w.back()), w.size());
    }

    template <bool Fold>
    [[nodiscard]] std::uint8_t lookup_impl(std::string_view w) const noexcept {
        const std::size_t n = w.size();
        if (n == 0) return 0;
        const auto at = [&w](std::size_t i) {
            const auto c = static_cast<unsigned char>(w[i]);
            if constexpr (Fold) return fold(c);
            else return c;
        };
        const unsigned char first = at(0);
        std::uint8_t flags = n >= stem_min_[first] ? stem_flags<Fold>(w) : std::uint8_t{0};
        if (n <= max_exact_) {
            const std::size_t k = bucket_key(first, at(n - 1), n);
            for (std::uint32_t b = bucket_begin_[k]; b < bucket_begin_[k + 1]; ++b) {
                const entry& e = exact_[bucket_entries_[b]];
                if (equal<Fold>(e.word, w)) {
                    flags |= e.flags;
                    break;  // entries are unique
                }
            }
        }
        return flags;
    }

    /// The flags of every stem `w` starts with (folded when `Fold`).
    template <bool Fold>
    [[nodiscard]] std::uint8_t stem_flags(std::string_view w) const noexcept {
        std::uint8_t flags = 0;
        std::uint64_t h = offset_basis;
        for (std::size_t i = 0; i < w.size(); ++i) {
            const auto c = static_cast<unsigned char>(w[i]);
            h = (h ^ (Fold ? fold(c) : c)) * prime;
            if (i + 1 < max_stem && ((stem_lengths_ >> (i + 1)) & 1U) != 0) {
                flags |= probe<Fold>(stems_, stem_slots_, w.substr(0, i + 1), h);
            }
        }
        return flags;
    }

    [[nodiscard]] static std::uint64_t hash(std::string_view w) noexcept {
        std::uint64_t h = offset_basis;
        for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * prime;
        return h;
    }

    /// Sorts `entries` and merges duplicates (their flags or-ed).
    static void merge(std::vector<entry>& entries) {
        std::sort(entries.begin(), entries.end(), [](const entry& a, const entry& b) { return a.word < b.word; });
        std::vector<entry> merged;
        for (auto& e : entries) {
            if (!merged.empty() && merged.back().word == e.word) merged.back().flags |= e.flags;
            else merged.push_back(std::move(e));
        }
        entries = std::move(merged);
    }

    /// `merge`, then the open-addressing table of `entries` by hash.
    static void build(std::vector<entry>& entries, std::vector<std::uint32_t>& slots) {
        merge(entries);
        for (auto& e : entries) e.hash = hash(e.word);
        std::size_t size = 16;
        while (size < entries.size() * 2) size *= 2;
        slots.assign(size, empty_slot);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            std::size_t k = static_cast<std::size_t>(entries[i].hash) & (size - 1);
            while (slots[k] != empty_slot) k = (k + 1) & (size - 1);
            slots[k] = static_cast<std::uint32_t>(i);
        }
    }

    template <bool Fold>
    [[nodiscard]] static std::uint8_t probe(const std::vector<entry>& entries, const std::vector<std::uint32_t>& slots,
                                            std::string_view w, std::uint64_t h) noexcept {
        if (slots.empty()) return 0;
        const std::size_t mask = slots.size() - 1;
        for (std::size_t k = static_cast<std::size_t>(h) & mask;; k = (k + 1) & mask) {
            const std::uint32_t i = slots[k];
            if (i == empty_slot) return 0;
            if (entries[i].hash == h && equal<Fold>(entries[i].word, w)) return entries[i].flags;
        }
    }

    template <bool Fold>
    [[nodiscard]] static bool equal(std::string_view entry_word, std::string_view w) noexcept {
        if constexpr (Fold) {
            if (entry_word.size() != w.size()) return false;
            for (std::size_t i = 0; i < w.size(); ++i) {
                if (static_cast<unsigned char>(entry_word[i]) != fold(static_cast<unsigned char>(w[i]))) return false;
            }
            return true;
        } else {
            return entry_word == w;
        }
    }

    static constexpr std::uint32_t empty_slot = 0xFFFFFFFFU;
    std::vector<entry> exact_;
    std::vector<entry> stems_;
    std::vector<std::uint32_t> stem_slots_;
    std::vector<std::uint32_t> bucket_begin_;    ///< Exact entries of bucket k: bucket_entries_[begin[k], begin[k+1]).
    std::vector<std::uint32_t> bucket_entries_;  ///< Indices into exact_, grouped by bucket.
    std::array<std::uint8_t, 256> stem_min_{};   ///< Shortest stem per first byte (`no_stem`: none).
    std::uint64_t stem_lengths_ = 0;             ///< Bit k: some stem has k bytes.
    std::size_t max_exact_ = 0;
};

}  // namespace detail

WHOSAID_END_NAMESPACE
