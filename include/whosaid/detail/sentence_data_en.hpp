// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// English sentence-splitting profile: abbreviations by kind, common sentence starters,
/// prepositions, and the words that follow a clock time. All words are lower case; an
/// abbreviation is written without its final period ("e.g" stands for "e.g."). Single
/// capital letters ("E." in "Jonas E. Smith") and dotted initialisms ("U.S.", "J.C.") need no
/// entry: the splitter recognises them by shape.

#include "whosaid/config.hpp"
#include "whosaid/detail/sentence_profile.hpp"

WHOSAID_BEGIN_NAMESPACE

namespace detail {

/// Prepositive titles and connectives: never the end of a sentence.
inline constexpr auto en_titles = word_list(
    "adm", "amb", "atty", "brig", "capt", "cdr", "cf", "cmdr", "col", "cpl", "det", "dr", "e.g", "fr", "gen",
    "gov", "hon", "i.e", "insp", "lt", "maj", "messrs", "mmes", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt",
    "rep", "rev", "revd", "rt", "sen", "sgt", "supt", "v", "viz", "vs");

/// Abbreviations that come before a number ("p. 55", "No. 5", "Jan. 20", "N°. 1026").
inline constexpr auto en_before_number = word_list(
    "apr", "apt", "art", "arts", "aug", "bldg", "c", "ca", "ch", "chap", "dec", "eq", "eqs", "ex", "feb", "fig",
    "figs", "hwy", "jan", "jul", "jun", "mar", "n°", "no", "nos", "nov", "nr", "oct", "op", "p", "para", "paras",
    "pp", "pt", "rm", "rte", "sec", "sect", "sep", "sept", "ste", "tel", "vol", "vols", "№");

/// Abbreviations that may end a sentence (decided by the next word).
inline constexpr auto en_ambiguous = word_list(
    "al", "ariz", "assn", "assoc", "ave", "avg", "b.a", "b.sc", "blvd", "calif", "colo", "conn", "co", "corp",
    "dept", "div", "esq", "est", "etc", "fla", "ft", "gal", "govt", "hr", "hrs", "inc", "intl", "jr", "kan",
    "kans", "lb", "lbs", "llc", "ltd", "m.a", "m.d", "m.sc", "max", "med", "mfg", "mgr", "min", "mins", "minn",
    "misc", "mont", "mos", "natl", "neb", "nev", "okla", "oz", "ph.d", "plc", "qt", "rd", "ref", "sq", "sr", "st",
    "tenn", "univ", "wis", "wk", "wyo", "yr", "yrs");

/// Clock-time suffixes.
inline constexpr auto en_time = word_list("a.m", "p.m");

inline constexpr auto en_abbreviations = make_abbreviation_table(en_titles, en_before_number, en_ambiguous, en_time);
static_assert(is_strictly_sorted(en_abbreviations), "English abbreviations: a word is listed twice");

/// Words that commonly begin an English sentence (lower case; apostrophes as U+0027).
inline constexpr auto en_starters = word_list(
    "a", "according", "after", "all", "also", "although", "an", "and", "another", "any", "are", "as", "at",
    "because", "before", "both", "but", "by", "can", "can't", "could", "despite", "did", "didn't", "do", "does",
    "doesn't", "don't", "dr", "during", "each", "earlier", "even", "every", "few", "finally", "first", "for", "former",
    "from", "further", "furthermore", "had", "has", "have", "he", "he's", "her", "here", "his", "how", "however",
    "i", "i'd", "i'll", "i'm", "i've", "if", "in", "instead", "is", "isn't", "it", "it's", "its", "just", "last",
    "later", "let", "let's", "many", "may", "meanwhile", "might", "more", "moreover", "most", "mr", "mrs", "ms",
    "much", "must", "my", "neither", "nevertheless", "next", "no", "nor", "not", "now", "of", "often", "on",
    "once", "one", "only", "or", "other", "our", "over", "perhaps", "please", "prof", "several", "she", "she's",
    "should", "since", "so", "some", "still", "such", "that", "that's", "the", "their", "then", "there",
    "there's", "therefore", "these", "they", "they're", "this", "those", "though", "thus", "to", "today",
    "tomorrow", "under", "unlike", "until", "was", "we", "we're", "were", "what", "what's", "when", "where",
    "whether", "which", "while", "who", "why", "will", "with", "without", "would", "yes", "yesterday", "yet",
    "you", "your");
static_assert(is_strictly_sorted(en_starters), "English starters: a word is listed twice");

/// Prepositions: a sentence does not consist of a short prepositional phrase alone
/// ("At 5 a.m." is not a sentence, so "At 5 a.m. Mr. Smith went" has no boundary).
inline constexpr auto en_prepositions = word_list(
    "about", "after", "around", "at", "before", "between", "by", "during", "for", "from", "in", "near", "on",
    "since", "till", "to", "until");
static_assert(is_strictly_sorted(en_prepositions), "English prepositions: a word is listed twice");

/// Capitalised words that follow a clock time inside a sentence ("at 6 p.m. Friday").
inline constexpr auto en_time_followers = word_list(
    "april", "august", "bst", "cdt", "central", "cest", "cet", "cst", "ct", "december", "eastern", "edt", "est",
    "et", "february", "fri", "friday", "gmt", "january", "july", "june", "local", "march", "may", "mdt", "mon",
    "monday", "moscow", "mountain", "msk", "mst", "mt", "november", "october", "pacific", "pdt", "pst", "pt",
    "sat", "saturday", "september", "sun", "sunday", "thu", "thur", "thurs", "thursday", "tue", "tues",
    "tuesday", "utc", "wed", "wednesday");
static_assert(is_strictly_sorted(en_time_followers), "English time followers: a word is listed twice");

/// One-letter words that are not initials: "you and I. Did ..." ends a sentence.
inline constexpr auto en_pronoun_letters = word_list("i");

/// The English profile.
inline constexpr sentence_profile en_sentence_profile{
    en_abbreviations, en_starters, en_prepositions, en_time_followers, en_pronoun_letters,
    longest_word(en_abbreviations), make_abbreviation_filter(en_abbreviations)};

}  // namespace detail

WHOSAID_END_NAMESPACE
