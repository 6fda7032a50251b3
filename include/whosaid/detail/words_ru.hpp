// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Russian closed-class words for the attributor (pronouns, prepositions, conjunctions,
/// auxiliaries, adverbs, time words). Data only.

#include "whosaid/config.hpp"
#include "whosaid/detail/attribution_types.hpp"

WHOSAID_BEGIN_NAMESPACE

namespace detail::attr::ru {

// clang-format off
inline constexpr word_row function_words[] = {
    {"он", w_pron | w_male}, {"его", w_pron | w_male | w_det}, {"ему", w_pron | w_male},
    {"им", w_pron | w_male}, {"нем", w_pron | w_male}, {"нём", w_pron | w_male},
    {"него", w_pron | w_male}, {"нему", w_pron | w_male}, {"ним", w_pron | w_male},
    {"она", w_pron | w_female}, {"ее", w_pron | w_female | w_det}, {"её", w_pron | w_female | w_det},
    {"ей", w_pron | w_female}, {"ней", w_pron | w_female}, {"нее", w_pron | w_female},
    {"неё", w_pron | w_female}, {"ею", w_pron | w_female},
    {"оно", w_pron | w_neuter}, {"они", w_pron | w_plural}, {"их", w_pron | w_plural | w_det},
    {"них", w_pron | w_plural}, {"ими", w_pron | w_plural}, {"мы", w_pron | w_plural},
    {"нас", w_pron | w_plural}, {"я", w_pron}, {"меня", w_pron}, {"вы", w_pron}, {"ты", w_pron},
    {"который", w_rel}, {"которая", w_rel}, {"которое", w_rel}, {"которые", w_rel},
    {"кто", w_rel}, {"что", w_that}, {"чтобы", w_conj}, {"это", w_stop}, {"этот", w_det},
    {"эта", w_det}, {"эти", w_det}, {"этого", w_det}, {"этой", w_det}, {"свой", w_det},
    {"своем", w_det}, {"своём", w_det}, {"своей", w_det}, {"своих", w_det},
    {"был", w_aux}, {"была", w_aux}, {"было", w_aux}, {"были", w_aux}, {"будет", w_aux},
    {"будут", w_aux}, {"является", w_aux}, {"есть", w_aux},
    {"также", w_adv}, {"тоже", w_adv}, {"уже", w_adv}, {"еще", w_adv}, {"ещё", w_adv},
    {"вновь", w_adv}, {"снова", w_adv}, {"ранее", w_adv | w_time}, {"позже", w_adv | w_time},
    {"затем", w_adv}, {"потом", w_adv}, {"не", w_adv}, {"лишь", w_adv}, {"только", w_adv},
    {"однако", w_adv}, {"впрочем", w_adv}, {"тогда", w_adv}, {"неоднократно", w_adv},
    {"публично", w_adv}, {"прямо", w_adv}, {"недавно", w_adv | w_time}, {"особо", w_adv},
    {"в", w_prep}, {"во", w_prep}, {"на", w_prep}, {"с", w_prep}, {"со", w_prep}, {"к", w_prep},
    {"ко", w_prep}, {"по", w_prep}, {"о", w_prep}, {"об", w_prep}, {"обо", w_prep}, {"от", w_prep},
    {"из", w_prep}, {"у", w_prep}, {"за", w_prep}, {"для", w_prep}, {"при", w_prep},
    {"про", w_prep}, {"без", w_prep}, {"до", w_prep}, {"после", w_prep}, {"перед", w_prep},
    {"через", w_prep}, {"над", w_prep}, {"под", w_prep}, {"между", w_prep}, {"среди", w_prep},
    {"около", w_prep}, {"против", w_prep},
    {"и", w_conj}, {"а", w_conj}, {"но", w_conj}, {"или", w_conj}, {"либо", w_conj},
    {"если", w_conj}, {"когда", w_conj}, {"как", w_conj}, {"потому", w_conj},
    {"поскольку", w_conj}, {"хотя", w_conj}, {"пока", w_conj}, {"ли", w_conj}, {"где", w_conj},
    {"сегодня", w_time}, {"вчера", w_time}, {"завтра", w_time}, {"понедельник", w_time},
    {"вторник", w_time}, {"среду", w_time}, {"среда", w_time}, {"четверг", w_time},
    {"пятницу", w_time}, {"пятница", w_time}, {"субботу", w_time}, {"суббота", w_time},
    {"воскресенье", w_time}, {"января", w_time}, {"февраля", w_time}, {"марта", w_time},
    {"апреля", w_time}, {"мая", w_time}, {"июня", w_time}, {"июля", w_time}, {"августа", w_time},
    {"сентября", w_time}, {"октября", w_time}, {"ноября", w_time}, {"декабря", w_time},
    {"году", w_time}, {"года", w_time}, {"год", w_time},
    {"журналистам", w_addressee}, {"корреспонденту", w_addressee}, {"репортерам", w_addressee},
    {"репортёрам", w_addressee}, {"агентству", w_addressee}, {"изданию", w_addressee},
    {"заявлении", w_report}, {"интервью", w_report}, {"выступлении", w_report},
    {"брифинге", w_report}, {"пресс-конференции", w_report}, {"эфире", w_report},
    {"словам", w_known}, {"этом", w_known}, {"мнение", w_known}, {"внимание", w_known},
};
// clang-format on

}  // namespace detail::attr::ru

WHOSAID_END_NAMESPACE
