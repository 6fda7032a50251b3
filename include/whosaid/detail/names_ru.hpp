// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Russian name data: case-ending paradigms, titles and person nouns, organisation heads,
/// news agencies, given names with gender, and the endings stripped to compare surnames
/// across cases ("Алейника" = "Алейник"). Data only.

#include "whosaid/config.hpp"
#include "whosaid/detail/attribution_types.hpp"

#include <span>
#include <string_view>

WHOSAID_BEGIN_NAMESPACE

namespace detail::attr::ru {

// clang-format off
inline constexpr std::string_view endings_indeclinable[] = {""};
/// Masculine nouns on a hard consonant: министр, министра, министру, министром, министре, …
inline constexpr std::string_view endings_m_hard[] = {"", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "и"};
/// Masculine nouns on -ь: руководител|ь, я, ю, ем, е, и, ей, ям, ями, ях.
inline constexpr std::string_view endings_m_soft[] = {"ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях"};
/// Masculine names on -й / -ий: Серге|й, я, ю, ем, е; Дмитри|й, я, ю, ем, и.
inline constexpr std::string_view endings_m_j[] = {"й", "я", "ю", "ем", "е", "и"};
/// Nouns on -а: глав|а, ы, и, е, у, ой, ою.
inline constexpr std::string_view endings_f_a[] = {"а", "ы", "и", "е", "у", "ой", "ою"};
/// Nouns on -я: Мари|я, и, ю, ей, е.
inline constexpr std::string_view endings_f_ya[] = {"я", "и", "ю", "ей", "е", "ею"};

/// The paradigm table; stem_row::paradigm indexes it.
inline constexpr std::span<const std::string_view> paradigms[] = {
    endings_indeclinable, endings_m_hard, endings_m_soft, endings_m_j, endings_f_a, endings_f_ya,
};
inline constexpr std::uint8_t p_none = 0, p_m_hard = 1, p_m_soft = 2, p_m_j = 3, p_f_a = 4, p_f_ya = 5;

/// Endings removed (longest first) before comparing two surnames or names.
inline constexpr std::string_view surname_endings[] = {
    "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ым", "им", "ом", "ем", "ую", "юю",
    "ая", "яя", "ий", "ый", "а", "я", "у", "ю", "е", "ы", "и",
};

inline constexpr stem_row inflected[] = {
    {"президент", p_m_hard, w_title | w_nominal | w_head_of_state},
    {"министр", p_m_hard, w_title | w_nominal},
    {"премьер-министр", p_m_hard, w_title | w_nominal},
    {"премьер", p_m_hard, w_title | w_nominal},
    {"глав", p_f_a, w_title | w_nominal},
    {"председател", p_m_soft, w_title | w_nominal},
    {"руководител", p_m_soft, w_title | w_nominal},
    {"представител", p_m_soft, w_title | w_nominal},
    {"заместител", p_m_soft, w_title | w_nominal},
    {"секретар", p_m_soft, w_title | w_nominal},
    {"пресс-секретар", p_m_soft, w_title | w_nominal},
    {"генсек", p_m_hard, w_title | w_nominal},
    {"губернатор", p_m_hard, w_title | w_nominal},
    {"мэр", p_m_hard, w_title | w_nominal},
    {"посол", p_none, w_title | w_nominal},
    {"посл", p_m_hard, w_title | w_nominal},
    {"депутат", p_m_hard, w_title | w_nominal},
    {"сенатор", p_m_hard, w_title | w_nominal},
    {"директор", p_m_hard, w_title | w_nominal},
    {"спикер", p_m_hard, w_title | w_nominal},
    {"советник", p_m_hard, w_title | w_nominal},
    {"помощник", p_m_hard, w_title | w_nominal},
    {"лидер", p_m_hard, w_title | w_nominal},
    {"начальник", p_m_hard, w_title | w_nominal},
    {"командующ", p_none, w_title},
    {"генерал", p_m_hard, w_title | w_nominal},
    {"эксперт", p_m_hard, w_nominal},
    {"аналитик", p_m_hard, w_nominal},
    {"политолог", p_m_hard, w_nominal},
    {"экономист", p_m_hard, w_nominal},
    {"чиновник", p_m_hard, w_nominal},
    {"источник", p_m_hard, w_nominal},
    {"собеседник", p_m_hard, w_nominal},
    {"дипломат", p_m_hard, w_nominal},
    {"журналист", p_m_hard, w_nominal},
    {"пресс-служб", p_f_a, w_org},
    {"министерств", p_none, w_org},
    {"министерство", p_none, w_org},
    {"министерства", p_none, w_org},
    {"министерству", p_none, w_org},
    {"министерстве", p_none, w_org},
    {"ведомств", p_none, w_org},
    {"ведомство", p_none, w_org},
    {"ведомства", p_none, w_org},
    {"правительств", p_none, w_org},
    {"правительство", p_none, w_org},
    {"правительства", p_none, w_org},
    {"агентств", p_none, w_org},
    {"агентство", p_none, w_org},
    {"агентства", p_none, w_org},
    {"комитет", p_m_hard, w_org},
    {"совет", p_m_hard, w_org},
    {"служб", p_f_a, w_org},
    {"администраци", p_f_ya, w_org},
    {"партия", p_none, w_org},
    {"парти", p_f_ya, w_org},
    {"компани", p_f_ya, w_org},
    {"мид", p_none, w_org},
    {"кремл", p_m_soft, w_org},
    {"дума", p_none, w_org},
    {"дум", p_f_a, w_org},
    {"суд", p_m_hard, w_org},
    {"штаб", p_m_hard, w_org},
    {"иностранных", p_none, w_roleword},
    {"дел", p_none, w_roleword},
    {"обороны", p_none, w_roleword},
    {"безопасности", p_none, w_roleword},
    {"государства", p_none, w_roleword},
    {"государственной", p_none, w_roleword},
    {"федерации", p_none, w_roleword},
    // Given names.
    {"александр", p_m_hard, w_given | w_male}, {"владимир", p_m_hard, w_given | w_male},
    {"михаил", p_m_hard, w_given | w_male}, {"иван", p_m_hard, w_given | w_male},
    {"игор", p_m_soft, w_given | w_male}, {"олег", p_m_hard, w_given | w_male},
    {"павел", p_none, w_given | w_male}, {"павл", p_m_hard, w_given | w_male},
    {"петр", p_m_hard, w_given | w_male}, {"пётр", p_none, w_given | w_male},
    {"антон", p_m_hard, w_given | w_male}, {"максим", p_m_hard, w_given | w_male},
    {"денис", p_m_hard, w_given | w_male}, {"артем", p_m_hard, w_given | w_male},
    {"артём", p_m_hard, w_given | w_male}, {"борис", p_m_hard, w_given | w_male},
    {"леонид", p_m_hard, w_given | w_male}, {"нурсултан", p_m_hard, w_given | w_male},
    {"роман", p_m_hard, w_given | w_male}, {"константин", p_m_hard, w_given | w_male},
    {"кирилл", p_m_hard, w_given | w_male}, {"станислав", p_m_hard, w_given | w_male},
    {"вячеслав", p_m_hard, w_given | w_male}, {"руслан", p_m_hard, w_given | w_male},
    {"рамзан", p_m_hard, w_given | w_male}, {"тимур", p_m_hard, w_given | w_male},
    {"эдуард", p_m_hard, w_given | w_male}, {"вадим", p_m_hard, w_given | w_male},
    {"глеб", p_m_hard, w_given | w_male}, {"виктор", p_m_hard, w_given | w_male},
    {"федор", p_m_hard, w_given | w_male}, {"фёдор", p_m_hard, w_given | w_male},
    {"валентин", p_m_hard, w_given | w_male}, {"семен", p_m_hard, w_given | w_male},
    {"семён", p_m_hard, w_given | w_male}, {"имангали", p_none, w_given | w_male},
    {"ильхам", p_m_hard, w_given | w_male}, {"никол", p_m_hard, w_given | w_male},
    {"садыр", p_m_hard, w_given | w_male}, {"эмомали", p_none, w_given | w_male},
    {"касым-жомарт", p_m_hard, w_given | w_male}, {"рустам", p_m_hard, w_given | w_male},
    {"серге", p_m_j, w_given | w_male}, {"андре", p_m_j, w_given | w_male},
    {"алексе", p_m_j, w_given | w_male}, {"никола", p_m_j, w_given | w_male}, {"дмитри", p_m_j, w_given | w_male},
    {"юри", p_m_j, w_given | w_male}, {"валери", p_m_j, w_given | w_male},
    {"геннади", p_m_j, w_given | w_male}, {"анатоли", p_m_j, w_given | w_male},
    {"евгени", p_m_j, w_given | w_male}, {"григори", p_m_j, w_given | w_male},
    {"васили", p_m_j, w_given | w_male}, {"витали", p_m_j, w_given | w_male},
    {"георги", p_m_j, w_given | w_male}, {"аркади", p_m_j, w_given | w_male},
    {"иль", p_f_ya, w_given | w_male},
    {"анн", p_f_a, w_given | w_female}, {"елен", p_f_a, w_given | w_female},
    {"ольг", p_f_a, w_given | w_female}, {"ирин", p_f_a, w_given | w_female},
    {"светлан", p_f_a, w_given | w_female}, {"екатерин", p_f_a, w_given | w_female},
    {"валентин", p_f_a, w_given | w_female}, {"галин", p_f_a, w_given | w_female},
    {"марин", p_f_a, w_given | w_female}, {"надежд", p_f_a, w_given | w_female},
    {"вер", p_f_a, w_given | w_female}, {"алл", p_f_a, w_given | w_female},
    {"тамар", p_f_a, w_given | w_female}, {"ларис", p_f_a, w_given | w_female},
    {"оксан", p_f_a, w_given | w_female}, {"полин", p_f_a, w_given | w_female},
    {"вероник", p_f_a, w_given | w_female}, {"кристин", p_f_a, w_given | w_female},
    {"алин", p_f_a, w_given | w_female}, {"маргарит", p_f_a, w_given | w_female},
    {"нин", p_f_a, w_given | w_female}, {"людмил", p_f_a, w_given | w_female},
    {"мари", p_f_ya, w_given | w_female}, {"натали", p_f_ya, w_given | w_female},
    {"наталь", p_f_ya, w_given | w_female}, {"татьян", p_f_a, w_given | w_female},
    {"юли", p_f_ya, w_given | w_female}, {"дарь", p_f_ya, w_given | w_female},
    {"ксени", p_f_ya, w_given | w_female}, {"евгени", p_f_ya, w_given | w_female},
    {"анастаси", p_f_ya, w_given | w_female}, {"виктори", p_f_ya, w_given | w_female},
    {"елизавет", p_f_a, w_given | w_female}, {"софь", p_f_ya, w_given | w_female},
};

inline constexpr word_row name_words[] = {
    {"белта", w_media}, {"тасс", w_media}, {"риа", w_media}, {"интерфакс", w_media},
    {"новости", w_media}, {"рбк", w_media}, {"коммерсант", w_media}, {"коммерсантъ", w_media},
    {"известия", w_media}, {"ведомости", w_media}, {"спутник", w_media}, {"regnum", w_media},
    {"беларусь", w_place}, {"беларуси", w_place}, {"россия", w_place}, {"россии", w_place},
    {"москва", w_place}, {"москвы", w_place}, {"минск", w_place}, {"минска", w_place},
    {"казахстан", w_place}, {"казахстана", w_place}, {"украина", w_place}, {"украины", w_place},
    {"сша", w_place}, {"рф", w_place}, {"одкб", w_org}, {"снг", w_org}, {"нато", w_org},
    {"оон", w_org}, {"ес", w_org}, {"фсб", w_org}, {"мвд", w_org},
};
// clang-format on

}  // namespace detail::attr::ru

WHOSAID_END_NAMESPACE
