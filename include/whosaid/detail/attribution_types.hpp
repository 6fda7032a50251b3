// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Row types and word-class bits shared by the per-language attribution tables
/// (cues_*.hpp, names_*.hpp, words_*.hpp). Data only: no code paths depend on a language.

#include "whosaid/config.hpp"

#include <cstdint>
#include <string_view>

WHOSAID_BEGIN_NAMESPACE

namespace detail::attr {

/// Word classes, as bits: one word may have several ("her" is a female pronoun and a
/// determiner; "says" is a cue form). Looked up case-insensitively.
using word_class = std::uint64_t;

inline constexpr word_class w_cue = 1ULL << 0;          ///< A form of a reporting verb.
inline constexpr word_class w_cue_tell = 1ULL << 1;     ///< Its first object is the addressee ("told X that").
inline constexpr word_class w_cue_nouny = 1ULL << 2;    ///< This form is also a common noun or adjective ("claims").
inline constexpr word_class w_cue_quote = 1ULL << 3;    ///< Only attributes a direct quotation ("continued", "laughed").
inline constexpr word_class w_form_ing = 1ULL << 4;     ///< Present participle ("saying", "говоря").
inline constexpr word_class w_form_base = 1ULL << 5;    ///< Base or plural present form ("say", "говорят").
inline constexpr word_class w_form_s = 1ULL << 6;       ///< Third person singular present ("says", "говорит").
inline constexpr word_class w_form_past = 1ULL << 7;    ///< Past tense or participle ("said", "сказал").
inline constexpr word_class w_phrase = 1ULL << 8;       ///< Begins at least one multi-word cue phrase.
inline constexpr word_class w_det = 1ULL << 9;          ///< Article, possessive or quantifier ("the", "his", "many").
inline constexpr word_class w_pron = 1ULL << 10;        ///< Personal pronoun ("he", "him", "они").
inline constexpr word_class w_male = 1ULL << 11;        ///< Masculine (pronoun, title or given name).
inline constexpr word_class w_female = 1ULL << 12;      ///< Feminine.
inline constexpr word_class w_plural = 1ULL << 13;      ///< Plural ("they", "officials").
inline constexpr word_class w_neuter = 1ULL << 14;      ///< Neuter ("it").
inline constexpr word_class w_rel = 1ULL << 15;         ///< Relative pronoun ("who", "which", "который").
inline constexpr word_class w_that = 1ULL << 16;        ///< The complementiser ("that", "что").
inline constexpr word_class w_aux = 1ULL << 17;         ///< Auxiliary or modal ("has", "would").
inline constexpr word_class w_adv = 1ULL << 18;         ///< Adverb that may stand between a subject and its verb.
inline constexpr word_class w_prep = 1ULL << 19;        ///< Preposition (ends a noun phrase).
inline constexpr word_class w_of = 1ULL << 20;          ///< "of": links the parts of one noun phrase.
inline constexpr word_class w_conj = 1ULL << 21;        ///< Conjunction or subordinator.
inline constexpr word_class w_time = 1ULL << 22;        ///< Day, month or time word ("Tuesday", "yesterday").
inline constexpr word_class w_title = 1ULL << 23;       ///< Role title ("President", "Minister").
inline constexpr word_class w_honorific = 1ULL << 24;   ///< Honorific ("Mr", "Mrs", "Dr").
inline constexpr word_class w_nominal = 1ULL << 25;     ///< Person noun usable as a speaker ("official").
inline constexpr word_class w_org = 1ULL << 26;         ///< Head of an organisation's name ("Ministry", "Post").
inline constexpr word_class w_given = 1ULL << 27;       ///< Given name ("Sergei", "Hillary").
inline constexpr word_class w_particle = 1ULL << 28;    ///< Lowercase particle inside a name ("de", "van").
inline constexpr word_class w_report = 1ULL << 29;      ///< Report noun in an adjunct ("statement", "interview").
inline constexpr word_class w_stop = 1ULL << 30;        ///< Never part of a subject noun phrase ("there", "not").
inline constexpr word_class w_media = 1ULL << 31;       ///< A news agency or outlet by name ("Reuters", "BelTA").
inline constexpr word_class w_verb = 1ULL << 32;        ///< A common non-reporting verb form (ends a noun phrase).
inline constexpr word_class w_addressee = 1ULL << 33;   ///< Typical addressee ("reporters", "journalists").
inline constexpr word_class w_place = 1ULL << 34;       ///< Country or city name: never a person.
inline constexpr word_class w_passive_by = 1ULL << 35;  ///< "by" (agent after a passive cue).
inline constexpr word_class w_head_of_state = 1ULL << 36;  ///< Nominal that denotes a president ("head of state").
inline constexpr word_class w_known = 1ULL << 37;       ///< Any other word a table mentions (phrase words).
inline constexpr word_class w_roleword = 1ULL << 38;    ///< Part of titles and organisation names, never of a person name ("Affairs").
inline constexpr word_class w_be = 1ULL << 39;          ///< A form of "be" (passive cues: "was told").
inline constexpr word_class w_anchor = 1ULL << 40;      ///< A cue word the prefilter looks for (verbs, phrase heads).
inline constexpr word_class w_cue_fragment = 1ULL << 41;  ///< A cue only when its clause holds a quoted fragment ("likened").
inline constexpr word_class w_noun_ly = 1ULL << 42;     ///< Ends in "-ly" but is a noun or adjective, no adverb ("tally", "family").
inline constexpr word_class w_cue_commit = 1ULL << 43;  ///< Reports a commitment as "to" + verb phrase ("vowed to fight on").
inline constexpr word_class w_cue_object = 1ULL << 44;  ///< Its object is part of the report ("accused Clinton of ducking").
inline constexpr word_class w_approx = 1ULL << 45;      ///< Approximates a number before it ("about", "nearly", "more" than).
inline constexpr word_class w_share = 1ULL << 46;       ///< A share of a group ("half", "thirds", "majority").

/// Verb classes of a row in a reporting-verb table.
inline constexpr std::uint8_t verb_tell = 1;    ///< The first object is the addressee.
inline constexpr std::uint8_t verb_nouny = 2;   ///< The base and -s forms are also common nouns.
inline constexpr std::uint8_t verb_quote = 4;   ///< Only a cue next to a direct quotation.
inline constexpr std::uint8_t verb_pastadj = 8; ///< The past form is also a common adjective ("alleged").
inline constexpr std::uint8_t verb_fragment = 16; ///< Reports speech only through a quoted fragment in its clause ("hailed X as “…”").
inline constexpr std::uint8_t verb_commit = 32; ///< Also reports a commitment as "to" + verb phrase ("pledged to oppose …").
inline constexpr std::uint8_t verb_object = 64; ///< The object and its "of" complement are the report ("accused X of Y").

/// One English-style reporting verb in all its forms. Empty strings are skipped; a form may
/// repeat (said / said).
struct verb_row {
    std::string_view base;        ///< "say"
    std::string_view s;           ///< "says"
    std::string_view past;        ///< "said"
    std::string_view participle;  ///< "said"
    std::string_view ing;         ///< "saying"
    std::uint8_t cls = 0;         ///< verb_* bits.
};

/// One Russian reporting verb: past forms by gender and number, present forms.
struct verb_row_ru {
    std::string_view masc;    ///< "сказал"
    std::string_view fem;     ///< "сказала"
    std::string_view neut;    ///< "сказало"
    std::string_view plural;  ///< "сказали"
    std::string_view pres3;   ///< "говорит" (may be empty)
    std::string_view pres3pl; ///< "говорят" (may be empty)
    std::uint8_t cls = 0;     ///< verb_* bits.
};

/// Where a multi-word cue finds its speaker.
enum class phrase_role : std::uint8_t {
    speaker_before,    ///< "X drew attention to CLAUSE": the subject before the phrase.
    speaker_after,     ///< "according to X", "learned from X": the noun phrase after it.
    previous_content,  ///< "This opinion was expressed by X": speaker after, content is the previous sentence.
    adjunct,           ///< "in a statement": not a cue by itself, skipped after a cue.
};

/// A multi-word cue: lowercase words separated by single spaces.
struct phrase_row {
    std::string_view words;                         ///< "according to"
    phrase_role role = phrase_role::speaker_before; ///< Where the speaker is.
};

/// A word and its classes.
struct word_row {
    std::string_view word;  ///< Lowercase.
    word_class cls = 0;     ///< w_* bits.
};

/// An inflected word: a lowercase stem, the index of its ending paradigm in the language's
/// paradigm table, and its classes. Every stem + ending is added to the lexicon.
struct stem_row {
    std::string_view stem;     ///< "министр"
    std::uint8_t paradigm = 0; ///< Index into the language's paradigms.
    word_class cls = 0;        ///< w_* bits.
};

}  // namespace detail::attr

WHOSAID_END_NAMESPACE
