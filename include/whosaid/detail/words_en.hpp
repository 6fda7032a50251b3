// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// English closed-class words for the attributor: pronouns, determiners, auxiliaries,
/// prepositions, conjunctions, adverbs, time words, and common verbs that end a noun phrase.
/// Data only.

#include "whosaid/config.hpp"
#include "whosaid/detail/attribution_types.hpp"

WHOSAID_BEGIN_NAMESPACE

namespace detail::attr::en {

// clang-format off
inline constexpr word_row function_words[] = {
    // Personal pronouns.
    {"he", w_pron | w_male}, {"him", w_pron | w_male}, {"she", w_pron | w_female},
    {"her", w_pron | w_female | w_det}, {"his", w_det | w_male}, {"it", w_pron | w_neuter},
    {"they", w_pron | w_plural}, {"them", w_pron | w_plural}, {"we", w_pron | w_plural},
    {"us", w_pron | w_plural}, {"i", w_pron}, {"me", w_pron}, {"you", w_pron},
    {"its", w_det}, {"their", w_det}, {"our", w_det}, {"my", w_det}, {"your", w_det},
    {"himself", w_stop}, {"herself", w_stop}, {"itself", w_stop}, {"themselves", w_stop},
    {"who", w_rel}, {"whom", w_rel | w_stop}, {"which", w_rel}, {"whose", w_rel | w_stop},
    {"what", w_stop}, {"that", w_that},
    // Determiners and quantifiers.
    {"the", w_det}, {"a", w_det}, {"an", w_det}, {"this", w_det}, {"these", w_det},
    {"those", w_det}, {"some", w_det}, {"many", w_det}, {"several", w_det}, {"few", w_det},
    {"another", w_det}, {"each", w_det}, {"every", w_det}, {"both", w_det}, {"all", w_det},
    {"most", w_det}, {"other", w_det}, {"one", w_det}, {"two", w_det}, {"three", w_det},
    {"four", w_det}, {"five", w_det}, {"no", w_det}, {"any", w_det}, {"such", w_det},
    {"more", w_det}, {"top", w_known}, {"senior", w_known}, {"former", w_known},
    // Auxiliaries and modals.
    {"is", w_aux | w_be}, {"are", w_aux | w_be}, {"was", w_aux | w_be}, {"were", w_aux | w_be},
    {"be", w_aux | w_be}, {"been", w_aux | w_be}, {"being", w_aux | w_be}, {"am", w_aux | w_be}, {"has", w_aux}, {"have", w_aux},
    {"had", w_aux}, {"having", w_aux}, {"will", w_aux}, {"would", w_aux}, {"shall", w_aux},
    {"should", w_aux}, {"can", w_aux}, {"could", w_aux}, {"may", w_aux}, {"might", w_aux},
    {"must", w_aux}, {"do", w_aux}, {"does", w_aux}, {"did", w_aux}, {"didn", w_aux},
    {"doesn", w_aux}, {"don", w_aux}, {"won", w_aux}, {"wouldn", w_aux}, {"hasn", w_aux},
    {"haven", w_aux}, {"isn", w_aux}, {"wasn", w_aux}, {"aren", w_aux}, {"can't", w_aux},
    {"didn't", w_aux}, {"doesn't", w_aux}, {"don't", w_aux}, {"won't", w_aux},
    {"wouldn't", w_aux}, {"hasn't", w_aux}, {"haven't", w_aux}, {"isn't", w_aux},
    {"wasn't", w_aux}, {"cannot", w_aux}, {"also", w_adv}, {"not", w_adv}, {"never", w_adv},
    // Adverbs that sit between a subject and its reporting verb.
    {"later", w_adv | w_time}, {"then", w_adv}, {"now", w_adv}, {"again", w_adv},
    {"once", w_adv}, {"already", w_adv}, {"still", w_adv}, {"even", w_adv},
    {"further", w_adv}, {"often", w_adv}, {"earlier", w_adv | w_time}, {"first", w_adv},
    // Words in "-ly" that are nouns or adjectives, not adverbs: they stay inside a noun phrase
    // ("a CNN tally", "a family friend", "elderly voters"). Not "likely", "early", "only": those
    // stand between a subject and its verb as often as in a noun phrase.
    {"family", w_noun_ly}, {"rally", w_noun_ly}, {"tally", w_noun_ly}, {"ally", w_noun_ly},
    {"assembly", w_noun_ly}, {"supply", w_noun_ly}, {"reply", w_noun_ly}, {"anomaly", w_noun_ly},
    {"monopoly", w_noun_ly}, {"bully", w_noun_ly}, {"belly", w_noun_ly}, {"folly", w_noun_ly},
    {"homily", w_noun_ly}, {"daily", w_noun_ly}, {"weekly", w_noun_ly}, {"monthly", w_noun_ly},
    {"quarterly", w_noun_ly}, {"yearly", w_noun_ly}, {"elderly", w_noun_ly}, {"costly", w_noun_ly},
    {"deadly", w_noun_ly}, {"friendly", w_noun_ly}, {"lonely", w_noun_ly}, {"lovely", w_noun_ly},
    {"holy", w_noun_ly}, {"ugly", w_noun_ly}, {"silly", w_noun_ly}, {"timely", w_noun_ly},
    {"orderly", w_noun_ly}, {"scholarly", w_noun_ly}, {"worldly", w_noun_ly}, {"butterfly", w_noun_ly},
    {"just", w_adv}, {"only", w_adv}, {"always", w_adv}, {"soon", w_adv}, {"since", w_adv | w_conj},
    {"nevertheless", w_adv}, {"however", w_adv}, {"too", w_adv}, {"long", w_adv},
    {"almost", w_adv}, {"rather", w_adv}, {"sometimes", w_adv}, {"ever", w_adv}, {"quite", w_adv},
    {"n't", w_adv}, {"reportedly", w_adv}, {"allegedly", w_adv}, {"previously", w_adv},
    {"recently", w_adv | w_time}, {"repeatedly", w_adv}, {"publicly", w_adv}, {"privately", w_adv},
    {"separately", w_adv}, {"finally", w_adv}, {"initially", w_adv}, {"subsequently", w_adv},
    {"ultimately", w_adv}, {"simply", w_adv}, {"clearly", w_adv}, {"quickly", w_adv},
    {"flatly", w_adv}, {"bluntly", w_adv}, {"quietly", w_adv}, {"angrily", w_adv},
    {"frequently", w_adv}, {"similarly", w_adv}, {"likewise", w_adv}, {"tersely", w_adv},
    // Prepositions.
    {"in", w_prep}, {"on", w_prep}, {"at", w_prep}, {"by", w_prep | w_passive_by},
    {"with", w_prep}, {"from", w_prep}, {"to", w_prep}, {"for", w_prep}, {"about", w_prep},
    {"after", w_prep | w_conj}, {"before", w_prep | w_conj}, {"during", w_prep},
    {"until", w_prep | w_conj}, {"into", w_prep}, {"over", w_prep}, {"under", w_prep},
    {"through", w_prep}, {"against", w_prep}, {"between", w_prep}, {"among", w_prep},
    {"without", w_prep}, {"within", w_prep}, {"across", w_prep}, {"behind", w_prep},
    {"beyond", w_prep}, {"near", w_prep}, {"toward", w_prep}, {"towards", w_prep},
    {"upon", w_prep}, {"via", w_prep}, {"per", w_prep}, {"like", w_prep}, {"despite", w_prep},
    {"amid", w_prep}, {"around", w_prep}, {"outside", w_prep}, {"inside", w_prep},
    {"off", w_prep}, {"up", w_prep}, {"down", w_prep}, {"out", w_prep}, {"of", w_of},
    {"regarding", w_prep}, {"concerning", w_prep}, {"following", w_prep}, {"including", w_prep},
    // Conjunctions and subordinators.
    {"and", w_conj}, {"or", w_conj}, {"but", w_conj}, {"nor", w_conj}, {"yet", w_conj | w_adv},
    {"so", w_conj}, {"because", w_conj}, {"although", w_conj}, {"though", w_conj},
    {"while", w_conj}, {"whereas", w_conj}, {"if", w_conj}, {"unless", w_conj},
    {"when", w_conj}, {"whenever", w_conj}, {"where", w_conj}, {"as", w_conj},
    {"than", w_conj}, {"whether", w_conj}, {"how", w_conj}, {"why", w_conj},
    // Words that never belong to a subject noun phrase.
    {"there", w_stop}, {"here", w_stop}, {"very", w_stop}, {"well", w_stop}, {"yes", w_stop},
    {"thus", w_stop}, {"therefore", w_stop}, {"meanwhile", w_stop}, {"instead", w_stop},
    {"moreover", w_stop}, {"furthermore", w_stop}, {"indeed", w_stop}, {"perhaps", w_stop},
    {"maybe", w_stop}, {"according", w_known},
    // Time words: days, months, parts of the day.
    {"monday", w_time}, {"tuesday", w_time}, {"wednesday", w_time}, {"thursday", w_time},
    {"friday", w_time}, {"saturday", w_time}, {"sunday", w_time}, {"today", w_time},
    {"yesterday", w_time}, {"tomorrow", w_time}, {"tonight", w_time}, {"morning", w_time},
    {"afternoon", w_time}, {"evening", w_time}, {"night", w_time}, {"week", w_time},
    {"weekend", w_time}, {"month", w_time}, {"year", w_time}, {"last", w_time},
    {"next", w_time}, {"ago", w_time}, {"january", w_time}, {"february", w_time},
    {"march", w_time}, {"april", w_time}, {"june", w_time}, {"july", w_time},
    {"august", w_time}, {"september", w_time}, {"october", w_time}, {"november", w_time},
    {"december", w_time}, {"jan", w_time}, {"feb", w_time}, {"mar", w_time}, {"apr", w_time},
    {"jun", w_time}, {"jul", w_time}, {"aug", w_time}, {"sep", w_time}, {"sept", w_time},
    {"oct", w_time}, {"nov", w_time}, {"dec", w_time}, {"day", w_time}, {"days", w_time},
    {"weeks", w_time}, {"months", w_time}, {"years", w_time}, {"hours", w_time},
    // Report nouns (adjuncts after a cue: "said in a statement").
    {"statement", w_report}, {"interview", w_report}, {"speech", w_report},
    {"conference", w_report}, {"briefing", w_report}, {"letter", w_report},
    {"email", w_report}, {"tweet", w_report}, {"post", w_report | w_org}, {"release", w_report},
    {"remarks", w_report}, {"comments", w_report}, {"address", w_report},
    {"appearance", w_report}, {"op-ed", w_report}, {"video", w_report}, {"message", w_report},
    {"rally", w_report}, {"debate", w_report}, {"hearing", w_report}, {"meeting", w_report},
    {"session", w_report}, {"event", w_report}, {"broadcast", w_report}, {"podcast", w_report},
    // Shares of those polled and the words that approximate them ("about half of voters said",
    // "nearly three in five said", "more than 40 percent say").
    {"about", w_approx}, {"nearly", w_approx}, {"almost", w_approx}, {"around", w_approx},
    {"over", w_approx}, {"roughly", w_approx}, {"approximately", w_approx}, {"only", w_approx},
    {"just", w_approx}, {"some", w_approx}, {"more", w_approx}, {"fewer", w_approx},
    {"less", w_approx}, {"under", w_approx},
    {"half", w_share}, {"third", w_share}, {"thirds", w_share}, {"quarter", w_share},
    {"quarters", w_share}, {"fifth", w_share}, {"fifths", w_share}, {"majority", w_share},
    {"majorities", w_share}, {"plurality", w_share},
    // Sources that are no person, named in a headline label ("Poll: …").
    {"poll", w_known}, {"survey", w_known}, {"study", w_known},
    // Typical addressees ("told reporters").
    {"reporters", w_addressee}, {"journalists", w_addressee}, {"media", w_addressee},
    {"press", w_addressee | w_org}, {"audience", w_addressee}, {"crowd", w_addressee},
    {"supporters", w_addressee | w_nominal | w_plural}, {"lawmakers", w_addressee | w_nominal | w_plural},
    {"viewers", w_addressee}, {"listeners", w_addressee}, {"correspondent", w_addressee | w_nominal},
    // Common verbs that end a noun phrase (not reporting verbs).
    {"show", w_verb}, {"shows", w_verb}, {"showed", w_verb}, {"shown", w_verb},
    {"found", w_verb}, {"find", w_verb}, {"finds", w_verb}, {"think", w_verb},
    {"thinks", w_verb}, {"thought", w_verb}, {"believe", w_verb}, {"believes", w_verb},
    {"believed", w_verb}, {"want", w_verb}, {"wants", w_verb}, {"wanted", w_verb},
    {"know", w_verb}, {"knows", w_verb}, {"knew", w_verb}, {"see", w_verb}, {"sees", w_verb},
    {"saw", w_verb}, {"seen", w_verb}, {"get", w_verb}, {"gets", w_verb}, {"got", w_verb},
    {"make", w_verb}, {"makes", w_verb}, {"made", w_verb}, {"go", w_verb}, {"goes", w_verb},
    {"went", w_verb}, {"gone", w_verb}, {"take", w_verb}, {"takes", w_verb}, {"took", w_verb},
    {"taken", w_verb}, {"come", w_verb}, {"comes", w_verb}, {"came", w_verb},
    {"give", w_verb}, {"gives", w_verb}, {"gave", w_verb}, {"given", w_verb},
    {"seem", w_verb}, {"seems", w_verb}, {"seemed", w_verb}, {"appear", w_verb},
    {"appears", w_verb}, {"appeared", w_verb}, {"hope", w_verb}, {"hopes", w_verb},
    {"hoped", w_verb}, {"need", w_verb}, {"needs", w_verb}, {"needed", w_verb},
    {"won", w_verb}, {"lost", w_verb}, {"became", w_verb}, {"become", w_verb},
    {"becomes", w_verb}, {"led", w_verb}, {"leads", w_verb}, {"held", w_verb},
    {"holds", w_verb}, {"expected", w_verb}, {"expects", w_verb}, {"plans", w_verb},
    {"planned", w_verb}, {"tried", w_verb}, {"tries", w_verb}, {"looked", w_verb},
    {"looks", w_verb}, {"put", w_verb}, {"puts", w_verb}, {"used", w_verb}, {"uses", w_verb},
    {"worked", w_verb}, {"works", w_verb}, {"decided", w_verb}, {"refused", w_verb},
    {"declined", w_verb}, {"opposed", w_verb}, {"supported", w_verb}, {"supports", w_verb},
    {"received", w_verb}, {"signed", w_verb}, {"visited", w_verb}, {"met", w_verb},
    {"meets", w_verb}, {"took", w_verb}, {"left", w_verb}, {"began", w_verb},
    {"started", w_verb}, {"launched", w_verb}, {"opened", w_verb}, {"joined", w_verb},
    {"ran", w_verb}, {"runs", w_verb}, {"spent", w_verb}, {"paid", w_verb}, {"brought", w_verb},
    {"sent", w_verb}, {"helped", w_verb}, {"kept", w_verb}, {"allowed", w_verb},
    {"includes", w_verb}, {"included", w_verb}, {"remains", w_verb}, {"remained", w_verb},
};
// clang-format on

}  // namespace detail::attr::en

WHOSAID_END_NAMESPACE
