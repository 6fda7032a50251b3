// SPDX-License-Identifier: MIT
#include <whosaid/sentences.hpp>

#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_sentences {

using namespace std::string_view_literals;
using whosaid::text_span;

namespace {

const whosaid::sentence_splitter& english() {
    static const whosaid::sentence_splitter s;
    return s;
}

const whosaid::sentence_splitter& russian() {
    static const whosaid::sentence_splitter s(whosaid::sentence_options{.lang = whosaid::language::ru});
    return s;
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// Properties every result must have: spans in order, inside the text, non-empty, trimmed, not
// splitting a UTF-8 sequence, and identical to what the streaming form reports.
void check_spans(std::string_view text, const std::vector<text_span>& spans, const whosaid::sentence_splitter& sp) {
    std::size_t last_end = 0;
    for (const text_span s : spans) {
        REQUIRE(s.begin < s.end);
        REQUIRE(s.end <= text.size());
        REQUIRE(s.begin >= last_end);
        last_end = s.end;
        CHECK_FALSE(is_ascii_space(text[s.begin]));
        CHECK_FALSE(is_ascii_space(text[s.end - 1]));
        CHECK_FALSE(is_continuation(text[s.begin]));
        if (s.end < text.size()) CHECK_FALSE(is_continuation(text[s.end]));
    }
    std::vector<text_span> streamed;
    const whosaid::error e = sp.for_each_sentence(text, [&](text_span s) { streamed.push_back(s); });
    CHECK(e.code == whosaid::errc::ok);
    CHECK(streamed == spans);
}

std::vector<std::string> sentences(std::string_view text, const whosaid::sentence_splitter& sp = english()) {
    const auto r = sp.split(text);
    REQUIRE(r);
    check_spans(text, *r, sp);
    std::vector<std::string> out;
    for (const text_span s : *r) out.emplace_back(whosaid::view_of(text, s));
    return out;
}

using list = std::vector<std::string>;

}  // namespace

TEST_CASE("sentences: options are a plain aggregate with defaults", "[sentences]") {
    STATIC_REQUIRE(std::is_aggregate_v<whosaid::sentence_options>);
    const whosaid::sentence_options o;
    CHECK(o.lang == whosaid::language::en);
    CHECK(o.on_invalid == whosaid::invalid_utf8::reject);
    CHECK(o.extra_abbreviations.empty());
    const whosaid::sentence_options ru{.lang = whosaid::language::ru, .on_invalid = whosaid::invalid_utf8::replace};
    CHECK(ru.lang == whosaid::language::ru);
}

TEST_CASE("sentences: empty and white-space-only text give no sentence", "[sentences]") {
    CHECK(sentences("").empty());
    CHECK(sentences("   \n\t\r\n  ").empty());
    CHECK(sentences("\xC2\xA0 \xE2\x80\x83\n\n\xE2\x80\xA8").empty());  // NBSP, em space, U+2028
}

TEST_CASE("sentences: exact spans, trimmed, internal white space kept", "[sentences]") {
    const std::string_view text = "  The vote passed.   Critics  objected!\xC2\xA0\n";
    const auto r = english().split(text);
    REQUIRE(r);
    REQUIRE(r->size() == 2);
    CHECK((*r)[0] == text_span{2, 18});
    CHECK((*r)[1] == text_span{21, 39});
    CHECK(whosaid::view_of(text, (*r)[1]) == "Critics  objected!");
    CHECK(sentences("A single sentence without a stop") == list{"A single sentence without a stop"});
}

TEST_CASE("sentences: question marks, exclamation marks and doubled punctuation", "[sentences]") {
    CHECK(sentences("Who called?! Nobody knows. Stop!! Why?? Because.") ==
          list{"Who called?!", "Nobody knows.", "Stop!!", "Why??", "Because."});
    CHECK(sentences("Wait!? Really?!? Yes.") == list{"Wait!?", "Really?!?", "Yes."});
}

TEST_CASE("sentences: a stop before a lower-case word or a comma continues the sentence", "[sentences]") {
    CHECK(sentences("\"We are done.\" he told reporters.") == list{"\"We are done.\" he told reporters."});
    CHECK(sentences("'Run!' she shouted, and we ran.") == list{"'Run!' she shouted, and we ran."});
    CHECK(sentences("He posted it on Yahoo! last week.") == list{"He posted it on Yahoo! last week."});
    CHECK(sentences("Go away!, he said. Then silence.") == list{"Go away!, he said.", "Then silence."});
}

TEST_CASE("sentences: closing quotes and brackets after the stop belong to the sentence", "[sentences]") {
    CHECK(sentences("He said: \"It is over.\" Then he left.") == list{"He said: \"It is over.\"", "Then he left."});
    CHECK(sentences("She wrote \xE2\x80\x9CNo more.\xE2\x80\x9D He agreed.") ==
          list{"She wrote \xE2\x80\x9CNo more.\xE2\x80\x9D", "He agreed."});
    CHECK(sentences("(See the annex.) It helps.") == list{"(See the annex.)", "It helps."});
    CHECK(sentences("\xE2\x80\x98Go home.\xE2\x80\x99 He left.") == list{"\xE2\x80\x98Go home.\xE2\x80\x99", "He left."});
    CHECK(sentences("They voted [for the bill.] Later it failed.") ==
          list{"They voted [for the bill.]", "Later it failed."});
    // A parenthesis closing after a stop, then a lower-case word: still one sentence.
    CHECK(sentences("She studied law (She had worked as a clerk.) in Paris.") ==
          list{"She studied law (She had worked as a clerk.) in Paris."});
    // A possessive after an abbreviation is not a closing quote.
    CHECK(sentences("It is Acme Inc.'s best year.") == list{"It is Acme Inc.'s best year."});
    // A closing mark set off by a space still closes the sentence.
    CHECK(sentences("«Мы готовы. » Он ушёл.", russian()) == list{"«Мы готовы. »", "Он ушёл."});
}

TEST_CASE("sentences: quotations of several sentences are split inside", "[sentences]") {
    CHECK(sentences("\xE2\x80\x9CWe won. We are happy,\xE2\x80\x9D the coach said.") ==
          list{"\xE2\x80\x9CWe won.", "We are happy,\xE2\x80\x9D the coach said."});
    CHECK(sentences("\"Prices rose. Wages did not,\" she said.") ==
          list{"\"Prices rose.", "Wages did not,\" she said."});
}

TEST_CASE("sentences: titles never end a sentence", "[sentences]") {
    CHECK(sentences("Dr. Jones met Gen. Lee and Sen. Ford.") == list{"Dr. Jones met Gen. Lee and Sen. Ford."});
    CHECK(sentences("They climbed Mt. Elbrus. It was cold.") == list{"They climbed Mt. Elbrus.", "It was cold."});
    CHECK(sentences("Bring tools, e.g. Hammers and saws.") == list{"Bring tools, e.g. Hammers and saws."});
    CHECK(sentences("It was Smith vs. Jones in court.") == list{"It was Smith vs. Jones in court."});
}

TEST_CASE("sentences: ambiguous abbreviations end a sentence only before a sentence starter", "[sentences]") {
    CHECK(sentences("They hired Acme Inc. They paid well.") == list{"They hired Acme Inc.", "They paid well."});
    CHECK(sentences("Shares of Acme Inc. Group rose.") == list{"Shares of Acme Inc. Group rose."});
    CHECK(sentences("She moved to the U.K. Then she left.") == list{"She moved to the U.K.", "Then she left."});
    CHECK(sentences("She moved to the U.K. It's cold there.") == list{"She moved to the U.K.", "It's cold there."});
    CHECK(sentences("The U.K. Parliament voted.") == list{"The U.K. Parliament voted."});
    CHECK(sentences("He lived in the U.S. for a decade.") == list{"He lived in the U.S. for a decade."});
    CHECK(sentences("Buy pens, paper, etc. We need them.") == list{"Buy pens, paper, etc.", "We need them."});
    CHECK(sentences("Ask Bob and co. at noon.") == list{"Ask Bob and co. at noon."});
    // A line break after an ambiguous abbreviation counts as a sign of a boundary.
    CHECK(sentences("They hired Acme Inc.\nShares rose.") == list{"They hired Acme Inc.", "Shares rose."});
    // All capitals: an acronym, not a title.
    CHECK(sentences("It helps patients with MS. Doctors agree.") ==
          list{"It helps patients with MS.", "Doctors agree."});
}

TEST_CASE("sentences: clock times", "[sentences]") {
    CHECK(sentences("We met at 9 a.m. Everyone came.") == list{"We met at 9 a.m.", "Everyone came."});
    CHECK(sentences("The vote is at 6 p.m. Friday in Ohio.") == list{"The vote is at 6 p.m. Friday in Ohio."});
    CHECK(sentences("It starts at 8 P.M. GMT sharp.") == list{"It starts at 8 P.M. GMT sharp."});
    // A short prepositional phrase is not a sentence by itself.
    CHECK(sentences("By 7 a.m. Ms. Reed had left. She took the train at 8 A.M. Mr. Reed stayed.") ==
          list{"By 7 a.m. Ms. Reed had left.", "She took the train at 8 A.M.", "Mr. Reed stayed."});
}

TEST_CASE("sentences: numbers, decimals, dates and times", "[sentences]") {
    CHECK(sentences("It cost $4.50 today. It rose 2.5% to 1,000. Fine.") ==
          list{"It cost $4.50 today.", "It rose 2.5% to 1,000.", "Fine."});
    CHECK(sentences("He was born on 12.05.1990 in Minsk.") == list{"He was born on 12.05.1990 in Minsk."});
    CHECK(sentences("Open 9.00-18.30, closed 13.00-14.00 daily.") == list{"Open 9.00-18.30, closed 13.00-14.00 daily."});
    CHECK(sentences("The total was 700. Then it fell.") == list{"The total was 700.", "Then it fell."});
    CHECK(sentences("In 2004. 2005 was better.") == list{"In 2004.", "2005 was better."});
}

TEST_CASE("sentences: abbreviations before a number", "[sentences]") {
    CHECK(sentences("See p. 12 for details.") == list{"See p. 12 for details."});
    CHECK(sentences("He wore No. 7 all season.") == list{"He wore No. 7 all season."});
    CHECK(sentences("It is at N\xC2\xB0. 4.12.8 on the map.") == list{"It is at N°. 4.12.8 on the map."});
    CHECK(sentences("It opened on Feb. 3 in Oslo.") == list{"It opened on Feb. 3 in Oslo."});
    // Not before a number, such a word is an ordinary word.
    CHECK(sentences("She said no. Definitely not.") == list{"She said no.", "Definitely not."});
}

TEST_CASE("sentences: initials", "[sentences]") {
    CHECK(sentences("Mary K. Jones spoke first.") == list{"Mary K. Jones spoke first."});
    CHECK(sentences("It was just her and I. We left early.") == list{"It was just her and I.", "We left early."});
    CHECK(sentences("The book was written by J. Smith in 2001.") == list{"The book was written by J. Smith in 2001."});
    CHECK(sentences("T. S. Eliot wrote it.") == list{"T. S. Eliot wrote it."});
    CHECK(sentences("He served in World War I. But he never spoke of it.") ==
          list{"He served in World War I.", "But he never spoke of it."});
    CHECK(sentences("The pilots felt 9 G. Nobody fainted.") == list{"The pilots felt 9 G.", "Nobody fainted."});
    CHECK(sentences("Ask J.R. Hartley about it.") == list{"Ask J.R. Hartley about it."});
    // A symbol after an initial is no sentence starter (nor is any other word of the text).
    CHECK(sentences("The deal by J. $5 was paid.") == list{"The deal by J. $5 was paid."});
    CHECK(sentences("The deal by J. \xE2\x82\xAC" "5 was paid.") == list{"The deal by J. \xE2\x82\xAC" "5 was paid."});
}

TEST_CASE("sentences: user abbreviations", "[sentences]") {
    const std::string_view text = "It weighs approx. 5 kg. It is heavy.";
    CHECK(sentences(text) == list{"It weighs approx.", "5 kg.", "It is heavy."});
    const whosaid::sentence_splitter sp(whosaid::sentence_options{.extra_abbreviations = {"Approx.", "", "Bros"}});
    CHECK(sentences(text, sp) == list{"It weighs approx. 5 kg.", "It is heavy."});
    CHECK(sentences("He joined Warner Bros. Pictures in May.", sp) == list{"He joined Warner Bros. Pictures in May."});
    CHECK(sentences("He joined Warner Bros. Pictures in May.") ==
          list{"He joined Warner Bros.", "Pictures in May."});
}

TEST_CASE("sentences: URLs and e-mail addresses are never split", "[sentences]") {
    CHECK(sentences("Read https://news.example.org/2024/a.b/c.html. It is new.") ==
          list{"Read https://news.example.org/2024/a.b/c.html.", "It is new."});
    CHECK(sentences("Write to Bob.Smith@Mail.example.com today.") == list{"Write to Bob.Smith@Mail.example.com today."});
    CHECK(sentences("Go to www.Example.com now.") == list{"Go to www.Example.com now."});
    CHECK(sentences("The host was news.50.example.net all along.") == list{"The host was news.50.example.net all along."});
}

TEST_CASE("sentences: no space between sentences", "[sentences]") {
    CHECK(sentences("It rained.Then it stopped.Everyone left.") == list{"It rained.", "Then it stopped.", "Everyone left."});
    CHECK(sentences("They sold 2,000.Then they stopped.") == list{"They sold 2,000.", "Then they stopped."});
    CHECK(sentences("Wow!Amazing stuff.") == list{"Wow!", "Amazing stuff."});
    CHECK(sentences("Mr.Brown came.") == list{"Mr.Brown came."});
}

TEST_CASE("sentences: ellipses", "[sentences]") {
    CHECK(sentences("He paused... Then he spoke.") == list{"He paused...", "Then he spoke."});
    CHECK(sentences("He paused... and went on.") == list{"He paused... and went on."});
    CHECK(sentences("He paused\xE2\x80\xA6 Then he spoke.") == list{"He paused\xE2\x80\xA6", "Then he spoke."});
    CHECK(sentences("Well\xE2\x80\xA6that was odd.") == list{"Well\xE2\x80\xA6that was odd."});
    CHECK(sentences("So it ended.... Nobody cried.") == list{"So it ended....", "Nobody cried."});
    // A detached spaced ellipsis is an omission; with a fourth period it also ends the sentence.
    CHECK(sentences("The law . . . Congress shall enforce.") == list{"The law . . . Congress shall enforce."});
    CHECK(sentences("The law was clear . . . . Nobody objected.") ==
          list{"The law was clear . . . .", "Nobody objected."});
    // "word. . . . Next": a full stop, then an omission opening the next sentence.
    CHECK(sentences("It was over. . . . The rest is lost. . . .") == list{"It was over.", ". . . The rest is lost. . . ."});
    CHECK(sentences("He said [...] that it was over [\xE2\x80\xA6]. Then (...) he left.") ==
          list{"He said [...] that it was over [\xE2\x80\xA6].", "Then (...) he left."});
    CHECK(sentences("\xE2\x80\x9CIt fades away. . . .\xE2\x80\x9D") == list{"\xE2\x80\x9CIt fades away. . . .\xE2\x80\x9D"});
    // ... unless a closing quote follows: then the whole ellipsis closes the quotation.
    CHECK(sentences("\xE2\x80\x9CIt fades. . . .\xE2\x80\x9D Then he left.") ==
          list{"\xE2\x80\x9CIt fades. . . .\xE2\x80\x9D", "Then he left."});
    // A detached ellipsis of three unspaced periods ends the sentence before a capital.
    CHECK(sentences("He said ... Then he left.") == list{"He said ...", "Then he left."});
}

TEST_CASE("sentences: lists", "[sentences]") {
    CHECK(sentences("1) Apples 2) Pears 3) Plums") == list{"1) Apples", "2) Pears", "3) Plums"});
    CHECK(sentences("1.) Red 2.) Blue") == list{"1.) Red", "2.) Blue"});
    CHECK(sentences("1. Red wine 2. Blue cheese") == list{"1. Red wine", "2. Blue cheese"});
    CHECK(sentences("1. Red wine. 2. Blue cheese.") == list{"1. Red wine.", "2. Blue cheese."});
    CHECK(sentences("a. Red wine b. Blue cheese c. Bread") == list{"a. Red wine", "b. Blue cheese", "c. Bread"});
    CHECK(sentences("(a) Red. (b) Blue.") == list{"(a) Red.", "(b) Blue."});
    CHECK(sentences("\xE2\x80\xA2 3. Red \xE2\x80\xA2 4. Blue") == list{"\xE2\x80\xA2 3. Red", "\xE2\x80\xA2 4. Blue"});
    CHECK(sentences("\xE2\x81\x83" "7. Red \xE2\x81\x83" "8. Blue") == list{"\xE2\x81\x83" "7. Red", "\xE2\x81\x83" "8. Blue"});
    CHECK(sentences("\xE2\x80\xA2 \xE2\x80\xA2 Double bullet") == list{"\xE2\x80\xA2 \xE2\x80\xA2 Double bullet"});
    // A marker of another number does not end the item; a new list (1 again) does.
    CHECK(sentences("1) Red 5) Blue 2) Green 1) Gold") == list{"1) Red 5) Blue", "2) Green", "1) Gold"});
    // Numbers that are not list markers.
    CHECK(sentences("Pay 1. above and 2. below.") == list{"Pay 1. above and 2. below."});
    CHECK(sentences("Buy 1)fish 2)salt.") == list{"Buy 1)fish 2)salt."});
}

TEST_CASE("sentences: footnote references stay with their sentence", "[sentences]") {
    CHECK(sentences("It was founded in 1990.[3] It grew fast.") == list{"It was founded in 1990.[3]", "It grew fast."});
    CHECK(sentences("It was illegal.[7][8] Nobody cared.") == list{"It was illegal.[7][8]", "Nobody cared."});
    CHECK(sentences("This is a known gap.12 Take an example.") == list{"This is a known gap.12", "Take an example."});
    CHECK(sentences("It rose 3.5 points.") == list{"It rose 3.5 points."});
}

TEST_CASE("sentences: lines without final punctuation", "[sentences]") {
    CHECK(sentences("Big news today\nThe mayor resigned.") == list{"Big news today", "The mayor resigned."});
    CHECK(sentences("home\nnews today\nsport\n") == list{"home", "news today", "sport"});
    CHECK(sentences("Call us:\n+375 (17) 222-33-44\n+375 (17) 555-66-77") ==
          list{"Call us:", "+375 (17) 222-33-44", "+375 (17) 555-66-77"});
    // Text wrapped like PDF output: joined when the next line starts in lower case and the
    // wrapped sentence reaches a stop.
    CHECK(sentences("The mayor said the\ncity would recover.") == list{"The mayor said the\ncity would recover."});
    CHECK(sentences("It was a long \nand windy \nroad home. Then rain.") ==
          list{"It was a long \nand windy \nroad home.", "Then rain."});
    CHECK(sentences("This line ends with a comma,\nand this one goes on.\nNew line") ==
          list{"This line ends with a comma,\nand this one goes on.", "New line"});
    // No stop before a line that starts otherwise: no join.
    CHECK(sentences("menu\nabout us\nContact.") == list{"menu", "about us", "Contact."});
    // After a stop, a lower-case line continues.
    CHECK(sentences("He works at Yahoo!\nin the sales team.") == list{"He works at Yahoo!\nin the sales team."});
}

TEST_CASE("sentences: a paragraph break always ends a sentence", "[sentences]") {
    CHECK(sentences("The first part\n\ncontinues here.") == list{"The first part", "continues here."});
    CHECK(sentences("Dr.\n\nSmith came.") == list{"Dr.", "Smith came."});
    CHECK(sentences("One line\n \t\nnext one") == list{"One line", "next one"});
    CHECK(sentences("Para one\xE2\x80\xA9para two") == list{"Para one", "para two"});  // U+2029
    CHECK(sentences("Line one\xE2\x80\xA8Line two") == list{"Line one", "Line two"});  // U+2028
}

TEST_CASE("sentences: CRLF line ends", "[sentences]") {
    const std::string_view text = "One.\r\nTwo.\r\n\r\nThree\r\n";
    const auto r = english().split(text);
    REQUIRE(r);
    CHECK(*r == std::vector<text_span>{{0, 4}, {6, 10}, {14, 19}});
    CHECK(sentences("It was a cold\r\nnight in town.\r\n") == list{"It was a cold\r\nnight in town."});
}

TEST_CASE("sentences: the bundled sample corpus", "[sentences]") {
    const auto file = [](const char* name) { return whosaid_test::read_file(whosaid_test::data_dir() / "sample" / name); };
    const auto contains = [](const list& all, std::string_view s) { return std::find(all.begin(), all.end(), s) != all.end(); };

    const std::string a = file("000_f9561514702f5516.txt");
    const list sa = sentences(a);
    CHECK(contains(sa, "Official Website of the Republic of Belarus"));
    CHECK(contains(sa, "| Home | News | Opinions & Interviews"));
    CHECK(contains(sa, "23 Nov 2023"));
    CHECK(contains(sa, "Su Mo Tu We Th Fr Sa"));
    CHECK(contains(sa, "MINSK, 23 November (BelTA) \xE2\x80\x93 Belarus has accomplished the priorities of the country\xE2\x80\x99s "
                       "presidency over the Collective Security Treaty Organization, BelTA learned from Belarusian "
                       "Minister of Foreign Affairs Sergei Aleinik."));
    // Inside the long quotation: split after "presidency.", the quote and its cue end together.
    CHECK(contains(sa, "Moreover, we stated that many of the cooperation avenues suggested by Belarus have a long-term nature."));
    CHECK(contains(sa, "We expressed hope that our priorities will be used by consequent presiding countries, primarily by "
                       "Kazakhstan,\xE2\x80\x9D the official said."));

    const std::string b = file("001_e8c6d68b54b70191.txt");
    const list sb = sentences(b);
    CHECK(contains(sb, "223927, Minsk region,"));
    CHECK(contains(sb, "Kopyl, Lenin square, 6"));
    CHECK(contains(sb, "8.30-17.30, lunch 13.00-14.00"));
    CHECK(std::count(sb.begin(), sb.end(), "+375 (1719) 28-2-60") == 2);
    CHECK(contains(sb, "Telephone \xC2\xABhot line\xC2\xBB:"));
    CHECK(contains(sb, "Lukashenko: CSTO remains integral part of security architecture in Eurasia"));
    CHECK(contains(sb, "Written by"));

    const std::string e = file("004_572c40b2d049dd2d.txt");
    const list se = sentences(e);
    CHECK(contains(se, "Addressing the guest, the Head of State noted:"));
    CHECK(contains(se, "\xE2\x80\x93 You and I are in a crucial period."));
    CHECK(contains(se, "Noticed a mistake?"));
    CHECK(contains(se, "Please select it and press Ctrl+Enter"));
}

TEST_CASE("sentences: Russian guillemets, low quotes and dialogue dashes", "[sentences]") {
    CHECK(sentences("«Ты куда? – спросил отец. – Уже поздно». Сын промолчал.", russian()) ==
          list{"«Ты куда? – спросил отец. – Уже поздно».", "Сын промолчал."});
    CHECK(sentences("Она сказала: „Я устала“. Все ушли.", russian()) == list{"Она сказала: „Я устала“.", "Все ушли."});
    CHECK(sentences("«Привет!» Он ушёл.", russian()) == list{"«Привет!»", "Он ушёл."});
    // Outside guillemets, a dash after a stop starts the next turn.
    CHECK(sentences("– Привет. – Пока.", russian()) == list{"– Привет.", "– Пока."});
    // The guillemet count is per paragraph.
    CHECK(sentences("«Открыто\n\nЗакрыто. – Нет.", russian()) == list{"«Открыто", "Закрыто.", "– Нет."});
}

TEST_CASE("sentences: Russian abbreviations, initials and dates", "[sentences]") {
    CHECK(sentences("Он жил на ул. Садовой, т.е. в центре, и т.д. Потом переехал.", russian()) ==
          list{"Он жил на ул. Садовой, т.е. в центре, и т.д.", "Потом переехал."});
    CHECK(sentences("Цена 5 млн. руб. за дом им. Горького.", russian()) ==
          list{"Цена 5 млн. руб. за дом им. Горького."});
    CHECK(sentences("В 1990-1995 гг. Иван жил здесь.", russian()) == list{"В 1990-1995 гг. Иван жил здесь."});
    CHECK(sentences("Это было в 1905 г. Он уехал в г. Тверь.", russian()) ==
          list{"Это было в 1905 г. Он уехал в г. Тверь."});
    CHECK(sentences("Пришло 3 тыс. Человек не хватало.", russian()) == list{"Пришло 3 тыс. Человек не хватало."});
    CHECK(sentences("Пришло 3 тыс. Они ушли.", russian()) == list{"Пришло 3 тыс.", "Они ушли."});
    CHECK(sentences("А. С. Пушкин родился в Москве. Это известно.", russian()) ==
          list{"А. С. Пушкин родился в Москве.", "Это известно."});
    CHECK(sentences("Пришёл Л.Н.Толстой, сел.", russian()) == list{"Пришёл Л.Н.Толстой, сел."});
    CHECK(sentences("Дата: 27.10.14 и 03.11.14. Конец.", russian()) == list{"Дата: 27.10.14 и 03.11.14.", "Конец."});
    CHECK(sentences("Объём 3 куб.м. Воды мало.", russian()) == list{"Объём 3 куб.м. Воды мало."});
    CHECK(sentences("Объём 3 куб.м. Это много.", russian()) == list{"Объём 3 куб.м.", "Это много."});
}

TEST_CASE("sentences: language profiles differ", "[sentences]") {
    // "г." is an abbreviation in Russian only.
    CHECK(sentences("Это 1905 г. Он уехал.", russian()).size() == 1);
    CHECK(sentences("Это 1905 г. Он уехал.", english()).size() == 2);
}

TEST_CASE("sentences: invalid UTF-8 under reject returns the offset", "[sentences]") {
    const std::string_view text = "Bad \xFF byte. Next.";
    const auto r = english().split(text);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == whosaid::errc::invalid_utf8);
    CHECK(r.error().offset == 4);
    CHECK(r.error().byte == 0xFF);
    std::size_t calls = 0;
    const whosaid::error e = english().for_each_sentence(text, [&](text_span) { ++calls; });
    CHECK(e.code == whosaid::errc::invalid_utf8);
    CHECK(e.offset == 4);
    CHECK(calls == 0);
}

TEST_CASE("sentences: invalid UTF-8 under replace is read as U+FFFD in place", "[sentences]") {
    const whosaid::sentence_splitter sp(whosaid::sentence_options{.on_invalid = whosaid::invalid_utf8::replace});
    // A bad byte is neither white space nor a letter: it is kept inside the span and trimmed
    // nowhere; a truncated sequence before a stop does not hide the stop.
    const std::string_view text = "\xFF" "Bad byte. Next \xE2\x80. Then \xD0\x96\xFE!";
    const auto r = sp.split(text);
    REQUIRE(r);
    check_spans(text, *r, sp);
    CHECK(*r == std::vector<text_span>{{0, 10}, {11, 19}, {20, 29}});
    // Every span boundary is outside any valid multi-byte sequence ("Ж" stays whole).
    CHECK(whosaid::view_of(text, (*r)[2]) == "Then \xD0\x96\xFE!");
    // A lone continuation byte or a bad lead byte never becomes a line break or a stop.
    CHECK(sentences("One \x85 two. Three", sp) == list{"One \x85 two.", "Three"});
    CHECK(sentences("A \xE2 b \xC2. C", sp) == list{"A \xE2 b \xC2.", "C"});
}

TEST_CASE("sentences: NUL bytes are ordinary characters", "[sentences]") {
    const std::string text("One.\0Two. Three\0 four.", 22);
    CHECK(sentences(text) == list{std::string("One.\0Two.", 9), std::string("Three\0 four.", 12)});
    CHECK(sentences(std::string(5, '\0')) == list{std::string(5, '\0')});
}

TEST_CASE("sentences: large and degenerate inputs stay linear", "[sentences]") {
    std::string line(1 << 20, 'a');
    for (std::size_t i = 7; i < line.size(); i += 8) line[i] = ' ';
    const auto r = english().split(line);
    REQUIRE(r);
    CHECK(*r == std::vector<text_span>{{0, line.size() - 1}});  // the final space is trimmed

    const std::string dots(100000, '.');
    const auto d = english().split(dots);
    REQUIRE(d);
    CHECK(*d == std::vector<text_span>{{0, dots.size()}});

    std::string spaced;
    for (int i = 0; i < 50000; ++i) spaced += ". ";
    const auto s = english().split(spaced);
    REQUIRE(s);
    CHECK(*s == std::vector<text_span>{{0, spaced.size() - 1}});

    std::string initials;
    for (int i = 0; i < 20000; ++i) initials += "A. ";
    const auto in = english().split(initials);
    REQUIRE(in);
    CHECK(in->size() == 1);

    std::string lines;
    for (int i = 0; i < 20000; ++i) lines += "word\nword ";
    lines += "end.";
    const auto l = english().split(lines);
    REQUIRE(l);
    CHECK(l->size() == 1);  // every line starts in lower case and the run reaches a stop

    std::string marks;
    for (int i = 0; i < 20000; ++i) marks += "1) x 1. y a) \xE2\x80\xA2 ";
    const auto m = english().split(marks);
    REQUIRE(m);
    check_spans(marks, *m, english());
}

TEST_CASE("sentences: one splitter used from several threads gives identical results", "[sentences]") {
    std::string text;
    for (const char* name : {"000_f9561514702f5516.txt", "001_e8c6d68b54b70191.txt", "002_d0dd5ed9cc1e1f38.txt",
                             "003_3bedfb755d0c1c9a.txt", "004_572c40b2d049dd2d.txt"}) {
        text += whosaid_test::read_file(whosaid_test::data_dir() / "sample" / name);
        text += "\n\n";
    }
    const auto expected = english().split(text);
    REQUIRE(expected);
    REQUIRE(expected->size() > 100);
    std::vector<std::vector<text_span>> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int k = 0; k < 20; ++k) {
                auto r = english().split(text);
                if (r) results[t] = std::move(*r);
            }
        });
    }
    for (auto& th : threads) th.join();
    for (const auto& r : results) CHECK(r == *expected);
}

TEST_CASE("sentences: never reads or reports past the end of a view into a larger buffer", "[sentences]") {
    const std::string buffer = "He met Mr. Smith. Price 3.50 today. It was U.S. Army";
    // The view ends right before a '.' that would make "Mr" an abbreviation.
    const std::string_view v1(buffer.data(), 9);  // "He met Mr"
    const auto r1 = english().split(v1);
    REQUIRE(r1);
    CHECK(*r1 == std::vector<text_span>{{0, 9}});
    // Ends right before the decimal part and right before the period of an initialism.
    const std::string_view v2(buffer.data(), buffer.find("3.50") + 1);
    const auto r2 = english().split(v2);
    REQUIRE(r2);
    for (const text_span s : *r2) CHECK(s.end <= v2.size());
    CHECK(r2->back().end == v2.size());
    const std::string_view v3(buffer.data(), buffer.find("U.S") + 3);
    const auto r3 = english().split(v3);
    REQUIRE(r3);
    CHECK(whosaid::view_of(v3, r3->back()) == "It was U.S");
    // Every prefix of a tricky text: all spans stay inside the prefix.
    const std::string tricky = "\xC2\xABOk. \xE2\x80\xA6\xC2\xBB \xE2\x80\xA2 1.) a.m. B.\n\nJr.'s [...] x.Y";
    const whosaid::sentence_splitter sp(whosaid::sentence_options{.on_invalid = whosaid::invalid_utf8::replace});
    for (std::size_t n = 0; n <= tricky.size(); ++n) {
        const std::string_view v(tricky.data(), n);
        const auto r = sp.split(v);
        REQUIRE(r);
        for (const text_span s : *r) REQUIRE(s.end <= n);
    }
}

TEST_CASE("sentences: language tables are lower case, sorted and without final periods", "[sentences]") {
    for (const whosaid::detail::sentence_profile* p :
         {&whosaid::detail::en_sentence_profile, &whosaid::detail::ru_sentence_profile}) {
        const auto check_word = [](std::string_view w) {
            std::string lower;
            whosaid::unicode::append_lower(w, lower);
            CHECK(lower == w);
            CHECK(whosaid::utf8::is_valid(w));
            CHECK_FALSE(w.empty());
            CHECK(w.back() != '.');
            CHECK(w.size() < 32);
        };
        for (const auto& a : p->abbreviations) check_word(a.word);
        for (const auto* table : {&p->starters, &p->prepositions, &p->time_followers, &p->pronoun_letters}) {
            for (const std::string_view w : *table) check_word(w);
            CHECK(std::is_sorted(table->begin(), table->end()));
        }
    }
}

TEST_CASE("sentences: the abbreviation filter lets every listed abbreviation through", "[sentences]") {
    for (const whosaid::detail::sentence_profile* p :
         {&whosaid::detail::en_sentence_profile, &whosaid::detail::ru_sentence_profile}) {
        std::size_t bits = 0;
        for (const std::uint64_t w : p->abbreviation_bits.bits) bits += static_cast<std::size_t>(std::popcount(w));
        CHECK(bits > 0);
        CHECK(bits <= p->abbreviations.size());
        for (const auto& a : p->abbreviations) {
            CHECK(p->abbreviation_bits.may_hold(a.word.size(), static_cast<unsigned char>(a.word.front()),
                                                static_cast<unsigned char>(a.word.back())));
        }
    }
    // Through the splitter, in any case: the filter keys on the lower-case word.
    CHECK(sentences("They met Prof. Lee and Messrs. Smith. Then they left.") ==
          list{"They met Prof. Lee and Messrs. Smith.", "Then they left."});
    CHECK(sentences("Он живёт на Ул. Ленина. Потом он уехал.", russian()) ==
          list{"Он живёт на Ул. Ленина.", "Потом он уехал."});
}

namespace {

// The scanner with or without its fast paths, on `text` read under the replacement policy.
template <bool FastPaths>
std::vector<text_span> scan(std::string_view text, const whosaid::detail::sentence_profile& profile,
                            const std::vector<std::string>& extra) {
    std::vector<text_span> out;
    auto emit = [&](text_span s) { out.push_back(s); };
    whosaid::detail::sentence_scanner<decltype(emit), FastPaths> scanner(text, profile, extra, emit);
    scanner.run();
    return out;
}

// Texts that take the fast paths to their edges: stops at the start and end of the text and of
// sentences, tokens of 15-17 bytes and longer, tokens with non-ASCII letters, spaces and bad
// bytes, abbreviations, initials, markers, openings, closers, long runs of dots and spaces, and
// the bytes the loose block masks report besides the stops (/ > and control bytes).
std::vector<std::string> tricky_texts() {
    static constexpr std::string_view pieces[] = {
        "The", "the", "Mr.", "mr", "U.S.", "U.S", "p.m.", "a.m.", "Co.", "Inc.", "etc.", "No.", "No", "J.", "I.", "I",
        "i.", "e.g.", "vs.", "St.", "ST.", "MS.", "Jan.", "Friday", "GMT", "At", "In", "It's", "It\u2019s", "Jr.'s",
        "Ph.D.", "i.v.", "8", "G.", "word", "Word", "WORD", "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnop",
        "1.5", "1.", "2)", "(a)", "a.", "iv)", "(iii)", "b)", "3.)", "12", "$1.13bn", "world.Today", "www.x.com",
        "a@b.c", ".", "..", "...", "....", ". . .", ". . . .", "!", "?", "?!", "\u2026", "\u203C", "\u3002", "\uFF01",
        "\u061F", "\u0964", "\"", "'", "`", "\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB", "(", ")", "[",
        "]", "{", "}", "[1]", "[12]", "[...]", "(...)", "[\u2026]", "\u2013", "\u2014", "-", "\u2022", "\u25CF",
        "\u2028", "\u2029", "\u0085", "\u00A0", "\u3000", "\n", "\n\n", "\r\n", "\r", "\v", "\f", "\t", " ", "  ",
        " ", " ", " ", "\u041E\u043D", "\u043E\u043D", "\u0433.", "\u0442.\u0435.", "\u0410.", "\u00C9", "\u00C9.",
        "\u00C9t\u00E9", "\u00E9", "x\u0301", "approx", "Bros", "11 12", ".1", "(1987).1", "\xFF", "\xC2", "\xE2\x80",
        "\xED\xA0\x80", "\x80", std::string_view("\0", 1), "/", ">", "a/b.", "x>y?", "\x01", "#"};
    std::vector<std::string> texts;
    std::uint32_t state = 12345;
    const auto next = [&](std::uint32_t bound) {  // a fixed LCG: the same texts everywhere
        state = state * 1664525U + 1013904223U;
        return (state >> 8) % bound;
    };
    for (int t = 0; t < 1500; ++t) {
        std::string text;
        const std::uint32_t count = next(120);
        for (std::uint32_t k = 0; k < count; ++k) {
            const std::uint32_t r = next(100);
            if (r < 3) text.append(next(80) + 1, '.');
            else if (r < 5) text.append(next(70) + 1, ' ');
            else if (r < 6) text.append(next(40) + 10, 'a');
            else text += pieces[next(std::size(pieces))];
            if (next(2) == 0) text += ' ';
        }
        texts.push_back(std::move(text));
    }
    for (const auto& path : whosaid_test::sample_paths()) texts.push_back(whosaid_test::read_file(path));
    return texts;
}

}  // namespace

TEST_CASE("sentences: the scanner's fast paths agree with its general code", "[sentences]") {
    const std::vector<std::string> none;
    const std::vector<std::string> extra{"approx", "bros", "word", "x", "\u0442.\u043A"};  // lower case, sorted
    for (const std::string& text : tricky_texts()) {
        for (const whosaid::detail::sentence_profile* p :
             {&whosaid::detail::en_sentence_profile, &whosaid::detail::ru_sentence_profile}) {
            for (const auto* x : {&none, &extra}) {
                INFO(text);
                CHECK(scan<true>(text, *p, *x) == scan<false>(text, *p, *x));
            }
        }
    }
}

// The shortcut for ". " before a capitalised word (on_period_space_capital, plain_word_before)
// against the general rules: texts where it fires and texts one byte away from it, where the
// word before the period, the quote or the next word's second byte must send it to the general
// code. Each text is checked against the scanner without fast paths and against the expected
// sentences, with and without extra abbreviations.
TEST_CASE("sentences: the period-space-capital shortcut decides as the general rules", "[sentences]") {
    struct example {
        std::string_view text;
        list expected;
    };
    const example examples[] = {
        // It fires: an ordinary word, a number, a closing bracket or quote before the period.
        {"He left. The rest stayed.", {"He left.", "The rest stayed."}},
        {"It rose 5%. Shares fell.", {"It rose 5%.", "Shares fell."}},
        {"It cost 2004. Then it fell.", {"It cost 2004.", "Then it fell."}},
        {"He left (early). Then he came.", {"He left (early).", "Then he came."}},
        {"He said \"no\". Then he left.", {"He said \"no\".", "Then he left."}},
        {"He left. \"We won,\" he said.", {"He left.", "\"We won,\" he said."}},
        {"He left. A man came.", {"He left.", "A man came."}},
        {"He left. I came.", {"He left.", "I came."}},
        {"He left. Ab", {"He left.", "Ab"}},
        {"averyveryverylongword. Then", {"averyveryverylongword.", "Then"}},
        {"(\"quoted. The end", {"(\"quoted.", "The end"}},
        // It must not decide alone: titles, initials, initialisms, numbers, ellipses.
        {"Mr. Smith went.", {"Mr. Smith went."}},
        {"MR. Smith went.", {"MR.", "Smith went."}},  // capitals: an acronym
        {"Dr. Who came.", {"Dr. Who came."}},
        {"U.S. officials said so.", {"U.S. officials said so."}},
        {"the U.S. How odd.", {"the U.S.", "How odd."}},
        {"e.g. This one.", {"e.g. This one."}},
        {"i.e. This one.", {"i.e. This one."}},
        {"J. Smith came.", {"J. Smith came."}},
        {"by J. Smith today.", {"by J. Smith today."}},
        {"you and I. Did it?", {"you and I.", "Did it?"}},
        {"Bay Co. Ltd went.", {"Bay Co. Ltd went."}},
        {"Bay Co. It closed.", {"Bay Co.", "It closed."}},
        {"At 5 p.m. Friday he came.", {"At 5 p.m. Friday he came."}},
        {"He came at 5 p.m. The rest stayed.", {"He came at 5 p.m.", "The rest stayed."}},
        {"See No. 5 today.", {"See No. 5 today."}},
        {"It was 3.5. Then it fell.", {"It was 3.5.", "Then it fell."}},
        {"He paused... Then he went.", {"He paused...", "Then he went."}},
        {"He paused. . . Then he went.", {"He paused. . .", "Then he went."}},
        // Lower case, a second period, a list marker or an initial after the capital; no space.
        {"He left. the rest stayed.", {"He left. the rest stayed."}},
        {"He left. J. Smith came.", {"He left.", "J. Smith came."}},
        {"He left. A) first B) second", {"He left.", "A) first", "B) second"}},
        {"He left. \"J. Smith came.\"", {"He left.", "\"J. Smith came.\""}},
        {"He left. \" The end", {"He left. \"", "The end"}},  // a closer set off by a space
        {"He left.  Two spaces.", {"He left.", "Two spaces."}},
        {"He left.The end.", {"He left.", "The end."}},
        {"He left. Ä", {"He left.", "Ä"}},
        // The pending sentence starts inside the 16 bytes before the period, or with a space.
        {"A. B. Ca. De", {"A. B. Ca.", "De"}},
        {"\n x. The end", {"x. The end"}},  // "x" is an abbreviation
        {"\n ox. The end", {"ox.", "The end"}},
        {"Ok. Go. Now. Yes.", {"Ok.", "Go.", "Now.", "Yes."}},
        // Non-ASCII before the period: the general code.
        {"Il est allé. Puis", {"Il est allé.", "Puis"}},
        {"Он ушёл. The end", {"Он ушёл.", "The end"}},
        // The text's last period, a paragraph's last period (with or without a closing quote),
        // and a closing quote before a capitalised word; then cases one byte away.
        {"He left.", {"He left."}},
        {"He left.\n\nThe end.", {"He left.", "The end."}},
        {"He said \"no.\"\n\nThe end.", {"He said \"no.\"", "The end."}},
        {"He said \"no.\" The end.", {"He said \"no.\"", "The end."}},
        {"\"Mr.\" Smith came.", {"\"Mr.\"", "Smith came."}},
        {"\"Mr.\"\n\nSmith came.", {"\"Mr.\"", "Smith came."}},
        {"U.S.\n\nThe end", {"U.S.", "The end"}},
        {"He said \"no.\" J. Smith came.", {"He said \"no.\"", "J. Smith came."}},
        {"He said \"no.\" A) first B) second", {"He said \"no.\"", "A) first", "B) second"}},
        {"He said \"no.\" the end.", {"He said \"no.\" the end."}},
        {"He said \"no.\"The end.", {"He said \"no.\"The end."}},
        {"He said \"no.\" \"The end.\"", {"He said \"no.\"", "\"The end.\""}},
        {"He said \"no.\" T", {"He said \"no.\"", "T"}},
        {"He said \"no.\"", {"He said \"no.\""}},
        {"He left.\"", {"He left.\""}},
        {"He left.\n\n1. Item one 2. Item two", {"He left.", "1. Item one", "2. Item two"}},
        {"He left.\n\n\u2022 Item", {"He left.", "\u2022 Item"}},
        {"He left.\n\n Indented", {"He left.", "Indented"}},
        {"He left.\n\n\u00C9t\u00E9", {"He left.", "\u00C9t\u00E9"}},
        {"He left.\n\n", {"He left."}},
        {"He left.\nthe end.", {"He left.\nthe end."}},
        {"(.\n\nX", {"(.", "X"}},
        {"\u00ABHe left.\n\n- he said\u00BB", {"\u00ABHe left.", "- he said\u00BB"}},
        {"\n\n.\n\nX", {".", "X"}},
    };
    const std::vector<std::string> none;
    const std::vector<std::string> extra{"approx", "bros", "left"};  // lower case, sorted
    for (const example& e : examples) {
        INFO(e.text);
        CHECK(sentences(e.text) == e.expected);
        for (const auto* x : {&none, &extra}) {
            CHECK(scan<true>(e.text, whosaid::detail::en_sentence_profile, *x) ==
                  scan<false>(e.text, whosaid::detail::en_sentence_profile, *x));
            CHECK(scan<true>(e.text, whosaid::detail::ru_sentence_profile, *x) ==
                  scan<false>(e.text, whosaid::detail::ru_sentence_profile, *x));
        }
    }
}

}  // namespace test_sentences
