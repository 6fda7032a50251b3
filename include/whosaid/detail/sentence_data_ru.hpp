// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Russian sentence-splitting profile: abbreviations by kind (сокращения), common sentence
/// starters and prepositions. Words are lower case; an abbreviation is written without its
/// final period, inner periods kept ("т.е" stands for "т.е."). Initials ("А. С. Пушкин",
/// "Л.Н. Толстой") need no entry: the splitter recognises them by shape.

#include "whosaid/config.hpp"
#include "whosaid/detail/sentence_profile.hpp"

WHOSAID_BEGIN_NAMESPACE

namespace detail {

/// Prepositive words and connectives that never end a sentence: "г. Волгоград", "ул. Ленина",
/// "проф. Семенов", "т.е.", "д."/"с."/"п."/"ст." (деревня/дом, село/страница, посёлок/пункт,
/// станция/статья: before a name or a number), and "г."/"гг." after a year ("1898 г. В 1854 году" is one sentence
/// in the reference suite: the year abbreviation is read as part of the date phrase).
inline constexpr auto ru_titles = word_list(
    "акад", "англ", "г", "ген", "гг", "д", "доц", "им", "лат", "напр", "наб", "нем", "о-в", "обл", "оз", "п", "пер",
    "пгт", "пл", "пос", "пр-т", "проф", "просп", "р", "р-н", "рус", "с", "св", "ст", "т.е", "т.к", "т.н", "т.о", "т.ч",
    "тов", "ул", "франц");

/// Abbreviations before a number: "кв. 234", "т. 2", "рис. 3", "№. 5".
inline constexpr auto ru_before_number = word_list(
    "вып", "гл", "каб", "кв", "корп", "ок", "оф", "пп", "разд", "рис", "стр", "т", "табл", "тел", "ч", "эт", "№");

/// Abbreviations that may end a sentence: "и т.д.", "и др.", "30 долл.", "5 млн.".
inline constexpr auto ru_ambiguous = word_list(
    "в", "вв", "вкл", "гр", "дол", "долл", "др", "ед", "зам", "искл", "км", "коп", "кв.м", "куб.м", "л", "м",
    "макс", "мин", "млн", "млрд", "мм", "н.в", "н.э", "нач", "отд", "пр", "пред", "прим", "ред", "руб", "сек",
    "см", "сокр", "ср", "т.д", "т.п", "трлн", "тыс", "у.е", "шт", "экз");

inline constexpr auto ru_abbreviations = make_abbreviation_table(ru_titles, ru_before_number, ru_ambiguous,
                                                                 std::array<std::string_view, 0>{});
static_assert(is_strictly_sorted(ru_abbreviations), "Russian abbreviations: a word is listed twice");

/// Words that commonly begin a Russian sentence.
inline constexpr auto ru_starters = word_list(
    "а", "бы", "в", "ведь", "во", "вот", "впрочем", "все", "всё", "вчера", "вы", "где", "да", "для", "до", "его",
    "ее", "если", "её", "же", "за", "завтра", "затем", "здесь", "и", "из", "или", "итак", "их", "к", "как",
    "когда", "кроме", "кстати", "кто", "между", "мы", "на", "наш", "не", "недавно", "ни", "но", "о", "об",
    "однако", "он", "она", "они", "оно", "от", "по", "позже", "пока", "после", "потом", "поэтому", "почему",
    "при", "с", "сегодня", "сейчас", "со", "так", "также", "там", "теперь", "тогда", "тот", "ты", "у", "уже",
    "хотя", "что", "чтобы", "это", "эта", "эти", "этот", "я");
static_assert(is_strictly_sorted(ru_starters), "Russian starters: a word is listed twice");

/// Prepositions: a short prepositional phrase alone is not a sentence.
inline constexpr auto ru_prepositions = word_list(
    "в", "во", "до", "за", "из", "к", "на", "над", "о", "об", "около", "от", "перед", "по", "под", "после", "при",
    "с", "со", "у", "через");
static_assert(is_strictly_sorted(ru_prepositions), "Russian prepositions: a word is listed twice");

/// The Russian profile (no clock-time suffixes, no one-letter pronoun written in capitals).
inline constexpr sentence_profile ru_sentence_profile{ru_abbreviations, ru_starters, ru_prepositions, {}, {},
                                                      longest_word(ru_abbreviations),
                                                      make_abbreviation_filter(ru_abbreviations)};

}  // namespace detail

WHOSAID_END_NAMESPACE
