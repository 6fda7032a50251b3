// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Speaker attribution: who said each quotation, resolved to a name.
///
/// `speaker_attributor` takes a text, its sentences and the quotations the quote detector found
/// in it, and returns one `quotation` record per passage of reported speech: the direct quotes
/// (with their cue verb, the speaker mention next to them and the entity it denotes), the
/// indirect and mixed speech it finds itself ("X said that …", "According to X, …"), and the
/// terms (titles, scare quotes), which never get a speaker. Mentions are resolved within the
/// document: "the minister", "he" and "Lukashenko" point at the entity first written in full
/// ("Sergei Aleinik", "Aleksandr Lukashenko"). Everything is a byte span into the caller's
/// text; nothing is copied. The method is rules and data tables (reporting verbs and phrases,
/// titles, pronouns, given names), no parser and no model files.

#include "whosaid/config.hpp"
#include "whosaid/error.hpp"
#include "whosaid/language.hpp"
#include "whosaid/quotes.hpp"
#include "whosaid/span.hpp"
#include "whosaid/utf8.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

WHOSAID_BEGIN_NAMESPACE

/// What kind of reported speech a quotation is.
enum class quote_kind : std::uint8_t {
    direct,    ///< The speaker's words in quotation marks (or a dialogue dash).
    indirect,  ///< Reported speech without marks: "X said (that) CLAUSE", "According to X, CLAUSE".
    mixed,     ///< Reported speech that contains a quoted fragment: `X said the plan was "dead"`.
    term,      ///< A quoted title, motto, name or scare quote: not speech, never has a speaker.
};

/// Short, stable name of a kind ("direct", "indirect", "mixed", "term"), for JSON and TSV.
[[nodiscard]] constexpr std::string_view to_string(quote_kind k) noexcept {
    switch (k) {
        case quote_kind::direct: return "direct";
        case quote_kind::indirect: return "indirect";
        case quote_kind::mixed: return "mixed";
        case quote_kind::term: return "term";
    }
    return "unknown";
}

/// What a speaker entity is.
enum class entity_kind : std::uint8_t {
    person,        ///< A person ("Sergei Aleinik").
    organization,  ///< An organisation or outlet ("BelTA", "the press service of the … Ministry").
    other,         ///< A group, a document or someone described, not named ("experts", "the report", "a young woman").
};

/// Short, stable name of an entity kind ("person", "organization", "other").
[[nodiscard]] constexpr std::string_view to_string(entity_kind k) noexcept {
    switch (k) {
        case entity_kind::person: return "person";
        case entity_kind::organization: return "organization";
        case entity_kind::other: return "other";
    }
    return "unknown";
}

/// A speaker of a document: one entry per distinct speaker, in order of first attribution.
/// All spans are byte offsets into the text that was attributed.
struct entity {
    /// The canonical name: the first mention of this entity written in full ("Sergei Aleinik",
    /// also when the first mention was "Aleinik" or "the minister"). For an organisation, its
    /// name as written ("BelTA", "the press service of the Belarusian Ministry of Foreign Affairs").
    text_span name;
    /// The role when the text states one ("Minister of Foreign Affairs" from "Belarusian
    /// Minister of Foreign Affairs Sergei Aleinik", or from an apposition "X, the minister of …,").
    std::optional<text_span> role;
    /// Person, organisation or other.
    entity_kind kind = entity_kind::person;
};

/// One passage of reported speech (or a term) and who said it.
/// All spans are byte offsets into the text that was attributed, end exclusive.
struct quotation {
    /// The words reported, without quotation marks or the leading dash; for indirect and mixed
    /// speech the reported clause ("the year 2023 has been complicated, …"), a commitment's
    /// infinitive ("pledged to push for …": "to push for …") or an accusation with its object
    /// ("accused Clinton of ducking": "Clinton of ducking"). A quotation
    /// interrupted by its own cue and speaker is one record whose content runs from the first
    /// piece's words to the end of the last and so holds the interruption too (see
    /// `interruption`).
    text_span content;
    /// Direct, indirect, mixed or term.
    quote_kind kind = quote_kind::direct;
    /// The reporting cue: a verb ("said", "told"), a phrase ("According to", "drew attention
    /// to", "learned from") or a colon introducing the words. Empty when none was found.
    std::optional<text_span> cue;
    /// The speaker mention nearest the quotation ("the official", "he", "Sergei Aleinik").
    /// Empty when no speaker was found, and for a reported question whose asker the text does
    /// not name ("Asked whether he would run, Trump said …": cue "Asked", content "whether he
    /// would run", no mention; "Asked by Starnes if …" names Starnes).
    std::optional<text_span> mention;
    /// The person addressed when the text says so ("asked Imangali Tasmaganbetov:",
    /// "told reporters").
    std::optional<text_span> addressee;
    /// Index of the speaker in `attribution::entities` (or `document::entities`), -1 when unknown.
    std::int32_t speaker = -1;
    /// How sure the attributor is of the speaker, 0..1 (0 for terms; about 0.1 for a quotation
    /// with no speaker anywhere; 0.9 and above for `"…," X said`).
    float confidence = 0;
    /// Index of the detector's `quote` this record comes from (for mixed speech: the first quote
    /// inside the clause; for an interrupted quotation: its first piece), -1 for indirect speech.
    std::int32_t quote = -1;
    /// For a quotation interrupted by its own cue and speaker, the bytes between its two pieces
    /// of words: `,” Melanie said to the TV. “` in "“I would,” Melanie said to the TV. “I would,
    /// Donald.”" and `,” the narrator says, “` in "“If he thinks …,” the narrator says, “what
    /// does he think of you?”" (the closing mark, the cue and speaker, the opening mark); for
    /// indirect speech `, Mr. Obama said,` in "The museum, Mr. Obama said, would make visitors
    /// face uncomfortable truths." It lies strictly inside `content`: the words reported are
    /// `content` without it, [content.begin, interruption->begin) and [interruption->end,
    /// content.end). Direct pieces are joined when the first ends with a comma and is
    /// attributed by the words after it, and the second, in the same paragraph, either shares
    /// that cue ("…,” X said, “…”) or opens the next sentence with no cue of its own ("…,” X
    /// said. “…”); an indirect clause goes on after the comma that follows its cue, unless what
    /// follows is coordinated ("but …") or opens with a cue of its own ("adding that …"). Empty
    /// for every other record (never set on a term).
    std::optional<text_span> interruption;
};

/// The name of `q`'s speaker as written in `text`: the canonical name of
/// `entities[q.speaker]` when the speaker is known, else the mention ("sources"), else an empty
/// view. `text` must be the text that was attributed and `entities` its entity table; the view
/// points into `text`. A speaker index outside `entities` counts as unknown.
[[nodiscard]] inline std::string_view speaker_name(std::string_view text, const quotation& q,
                                                   std::span<const entity> entities) noexcept {
    if (q.speaker >= 0 && static_cast<std::size_t>(q.speaker) < entities.size()) {
        return view_of(text, entities[static_cast<std::size_t>(q.speaker)].name);
    }
    if (q.mention) return view_of(text, *q.mention);
    return {};
}

/// The attributor's result for one text.
struct attribution {
    /// Quotations in text order (by `content.begin`).
    std::vector<quotation> quotations;
    /// The speakers that quotations refer to, in order of first attribution.
    std::vector<entity> entities;

    /// The speaker's name as written in `text`: the entity's canonical name when the speaker is
    /// known, else the mention ("sources"), else an empty view. `text` must be the attributed text.
    [[nodiscard]] std::string_view speaker_name(std::string_view text, const quotation& q) const noexcept {
        return whosaid::speaker_name(text, q, entities);
    }
};

/// Options of a `speaker_attributor`. A plain aggregate: use designated initializers.
struct attribution_options {
    /// Language profile: reporting verbs, phrases, titles and pronouns of this language.
    language lang = language::en;
    /// What `attribute` does with text that is not valid UTF-8 (see `invalid_utf8`).
    invalid_utf8 on_invalid = invalid_utf8::reject;
    /// More reporting verb forms, each one word, matched case-insensitively ("opined", "quipped").
    /// List every form you want matched. A word that is empty, not valid UTF-8 or contains
    /// white space or punctuation makes the constructor throw `config_error`.
    std::vector<std::string> extra_verbs;
    /// More multi-word cues whose speaker is the subject before them ("went on record saying").
    /// Words separated by single spaces; the same validity rules as `extra_verbs` per word.
    std::vector<std::string> extra_phrases;
    /// More multi-word cues whose speaker follows them ("as quoted by", "in the view of").
    std::vector<std::string> extra_source_phrases;
    /// More titles that introduce a person's name and name a role ("ombudsman", "hetman").
    std::vector<std::string> extra_titles;
    /// RE2 patterns (UTF-8, matched case-sensitively unless they say `(?i)`) that act as cue
    /// phrases with the speaker before them, for cues that are not fixed words. A pattern RE2
    /// rejects makes the constructor throw `config_error` with RE2's message.
    std::vector<std::string> extra_cue_patterns;
    /// Find indirect and mixed speech as well as attributing direct quotations.
    bool indirect = true;
};

namespace detail::attr {
class engine;
struct scratch;
}  // namespace detail::attr

/// Working memory that `speaker_attributor::attribute` and `extractor::extract` can reuse from
/// one call to the next: pass the same workspace to consecutive calls and a stream of texts
/// allocates (almost) nothing after the first ones. Results never refer to it.
///
/// It keeps the memory of the largest text it has served (about 10 to 60 bytes per byte of
/// that text) until `release` or destruction. Not thread-safe: give each thread its own
/// (engines stay shared). Movable, not copyable; a moved-from workspace is empty and usable.
class workspace {
public:
    /// An empty workspace (allocates on first use).
    workspace() noexcept;
    ~workspace();
    workspace(workspace&&) noexcept;
    workspace& operator=(workspace&&) noexcept;
    workspace(const workspace&) = delete;
    workspace& operator=(const workspace&) = delete;

    /// Frees every buffer held; the next call allocates afresh.
    void release() noexcept;

private:
    friend class speaker_attributor;
    [[nodiscard]] detail::attr::scratch& get();
    std::unique_ptr<detail::attr::scratch> s_;
};

/// Attributes quotations to speakers. Built once (the constructor compiles the language tables
/// and any user patterns), then immutable: `attribute` is `const` and safe to call from many
/// threads at once. Movable, not copyable.
class speaker_attributor {
public:
    /// Builds the engine. Throws `config_error` when a user-supplied cue, title or pattern is
    /// unusable (see `attribution_options`).
    explicit speaker_attributor(attribution_options options = {});
    ~speaker_attributor();
    speaker_attributor(speaker_attributor&&) noexcept;
    speaker_attributor& operator=(speaker_attributor&&) noexcept;
    speaker_attributor(const speaker_attributor&) = delete;
    speaker_attributor& operator=(const speaker_attributor&) = delete;

    /// Attributes the `quotes` found in `text`, given its `sentences`, and finds indirect and
    /// mixed speech (unless `options().indirect` is false).
    ///
    /// `sentences` and `quotes` are spans into `text` as the sentence splitter and the quote
    /// detector return them (in text order; spans outside `text` are ignored; with no sentences
    /// each paragraph is treated as one). Every span in the result lies inside `text` and never
    /// splits a valid UTF-8 sequence. Under `invalid_utf8::reject` invalid text yields
    /// `errc::invalid_utf8` with the offset of the first bad byte; under `replace` each bad
    /// byte reads as U+FFFD. Empty text yields an empty result. Linear time in the size of the
    /// text, the number of sentences and the number of quotes (look-around windows are bounded).
    [[nodiscard]] result<attribution> attribute(std::string_view text, std::span<const text_span> sentences,
                                                std::span<const quote> quotes) const;

    /// `attribute` working in `work`'s buffers (see `workspace`): the same result, without the
    /// per-call allocations of the working state. `work` must not be in use by another thread.
    [[nodiscard]] result<attribution> attribute(std::string_view text, std::span<const text_span> sentences,
                                                std::span<const quote> quotes, workspace& work) const;

    /// The options the engine was built with.
    [[nodiscard]] const attribution_options& options() const noexcept;

private:
    friend class extractor;
    [[nodiscard]] attribution attribute_valid(std::string_view text, std::span<const text_span> sentences,
                                              std::span<const quote> quotes,
                                              std::vector<text_span>* paragraphs = nullptr,
                                              workspace* work = nullptr) const;

    std::unique_ptr<const detail::attr::engine> engine_;
};

WHOSAID_END_NAMESPACE

#include "whosaid/detail/attribution_engine.hpp"  // IWYU pragma: keep

WHOSAID_BEGIN_NAMESPACE

inline speaker_attributor::speaker_attributor(attribution_options options)
    : engine_(std::make_unique<const detail::attr::engine>(std::move(options))) {}
inline speaker_attributor::~speaker_attributor() = default;
inline speaker_attributor::speaker_attributor(speaker_attributor&&) noexcept = default;
inline speaker_attributor& speaker_attributor::operator=(speaker_attributor&&) noexcept = default;

inline const attribution_options& speaker_attributor::options() const noexcept { return engine_->options(); }

inline workspace::workspace() noexcept = default;
inline workspace::~workspace() = default;
inline workspace::workspace(workspace&&) noexcept = default;
inline workspace& workspace::operator=(workspace&&) noexcept = default;
inline void workspace::release() noexcept { s_.reset(); }
inline detail::attr::scratch& workspace::get() {
    if (!s_) s_ = std::make_unique<detail::attr::scratch>();
    return *s_;
}

inline result<attribution> speaker_attributor::attribute(std::string_view text, std::span<const text_span> sentences,
                                                         std::span<const quote> quotes) const {
    if (const error e = utf8::check(text, engine_->options().on_invalid); e.code != errc::ok) return e;
    return attribute_valid(text, sentences, quotes);
}

inline result<attribution> speaker_attributor::attribute(std::string_view text, std::span<const text_span> sentences,
                                                         std::span<const quote> quotes, workspace& work) const {
    if (const error e = utf8::check(text, engine_->options().on_invalid); e.code != errc::ok) return e;
    return attribute_valid(text, sentences, quotes, nullptr, &work);
}

inline attribution speaker_attributor::attribute_valid(std::string_view text, std::span<const text_span> sentences,
                                                       std::span<const quote> quotes,
                                                       std::vector<text_span>* paragraphs, workspace* work) const {
    return engine_->run(text, sentences, quotes, paragraphs, work != nullptr ? &work->get() : nullptr);
}

WHOSAID_END_NAMESPACE
