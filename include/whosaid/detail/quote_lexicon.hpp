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

/// All word lists of a detector in one hash table: word → flags. Exact words and stems (entries
/// ending in '*') live in two open-addressing tables; a lookup hashes the word once, probing the
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
        build(exact_, exact_slots_);
        build(stems_, stem_slots_);
        stem_lengths_.assign(64, false);
        max_exact_ = 0;
        for (const auto& e : exact_) max_exact_ = std::max(max_exact_, e.word.size());
        for (const auto& e : stems_) {
            if (e.word.size() < stem_lengths_.size()) stem_lengths_[e.word.size()] = true;
        }
    }

    /// The flags of `lower` (already lowercased): those of an exact entry, or-ed with those of
    /// every stem it starts with; 0 when it is on no list. O(size of `lower`); never allocates.
    [[nodiscard]] std::uint8_t lookup(std::string_view lower) const noexcept {
        if (lower.empty()) return 0;
        std::uint8_t flags = 0;
        std::uint64_t h = offset_basis;
        const bool any_stems = !stems_.empty();
        for (std::size_t i = 0; i < lower.size(); ++i) {
            h = (h ^ static_cast<unsigned char>(lower[i])) * prime;
            if (any_stems && i + 1 < stem_lengths_.size() && stem_lengths_[i + 1]) {
                flags |= probe(stems_, stem_slots_, lower.substr(0, i + 1), h);
            }
        }
        if (lower.size() <= max_exact_) flags |= probe(exact_, exact_slots_, lower, h);
        return flags;
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

    [[nodiscard]] static std::uint64_t hash(std::string_view w) noexcept {
        std::uint64_t h = offset_basis;
        for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * prime;
        return h;
    }

    static void build(std::vector<entry>& entries, std::vector<std::uint32_t>& slots) {
        std::sort(entries.begin(), entries.end(), [](const entry& a, const entry& b) { return a.word < b.word; });
        std::vector<entry> merged;
        for (auto& e : entries) {
            if (!merged.empty() && merged.back().word == e.word) merged.back().flags |= e.flags;
            else merged.push_back(std::move(e));
        }
        entries = std::move(merged);
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

    [[nodiscard]] static std::uint8_t probe(const std::vector<entry>& entries, const std::vector<std::uint32_t>& slots,
                                            std::string_view w, std::uint64_t h) noexcept {
        if (slots.empty()) return 0;
        const std::size_t mask = slots.size() - 1;
        for (std::size_t k = static_cast<std::size_t>(h) & mask;; k = (k + 1) & mask) {
            const std::uint32_t i = slots[k];
            if (i == empty_slot) return 0;
            if (entries[i].hash == h && entries[i].word == w) return entries[i].flags;
        }
    }

    static constexpr std::uint32_t empty_slot = 0xFFFFFFFFU;
    std::vector<entry> exact_;
    std::vector<entry> stems_;
    std::vector<std::uint32_t> exact_slots_;
    std::vector<std::uint32_t> stem_slots_;
    std::vector<bool> stem_lengths_;
    std::size_t max_exact_ = 0;
};

}  // namespace detail

WHOSAID_END_NAMESPACE
