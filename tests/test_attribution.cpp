// SPDX-License-Identifier: MIT
// speaker_attributor: every attribution pattern, coreference, options, invalid input, threads and
// pathological input. Sentences and quotes are built here by hand (a small pairing of “…”, "…",
// «…» and dash paragraphs), so these tests depend on no other engine.
#include "test_support.hpp"

#include <whosaid/attribution.hpp>
#include <whosaid/extractor.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

// Each suite file in its own namespace: the suites are compiled together (tests/meson.build).
namespace test_attribution {

using whosaid::quote_kind;
using whosaid::text_span;

namespace {

// Code point at byte i (ASCII and the few marks the tests use).
std::size_t mark_len(std::string_view t, std::size_t i) {
    const auto b = static_cast<unsigned char>(t[i]);
    return b < 0x80 ? 1 : (b < 0xE0 ? 2 : 3);
}

bool is_open(std::string_view m) { return m == "“" || m == "«" || m == "‘"; }
bool is_close(std::string_view m) { return m == "”" || m == "»" || m == "’"; }

// Quotes of a test text: “…”, «…», ‘…’ and "…" pairs inside a paragraph, top level and one
// nested level; a paragraph opening with "– " is a dash quote. Quotes whose content is listed
// in `terms` are terms.
std::vector<whosaid::quote> quotes_in(std::string_view t, std::vector<std::string_view> terms = {}) {
    std::vector<whosaid::quote> out;
    std::vector<std::size_t> open;  // indices into out
    bool straight_open = false;
    std::size_t straight_at = 0;
    std::size_t para_start = 0;
    for (std::size_t i = 0; i < t.size();) {
        const std::size_t n = mark_len(t, i);
        const std::string_view m = t.substr(i, n);
        if (m == "\n") {
            open.clear();
            straight_open = false;
            para_start = i + 1;
        } else if ((m == "–" || m == "—") && i == para_start && i + n < t.size() && t[i + n] == ' ') {
            std::size_t e = t.find('\n', i);
            if (e == std::string_view::npos) e = t.size();
            whosaid::quote q;
            q.outer = {i, e};
            q.content = {i + n + 1, e};
            q.style = whosaid::quote_style::dash;
            out.push_back(q);
            i = e;
            continue;
        } else if (is_open(m)) {
            whosaid::quote q;
            q.outer.begin = i;
            q.content.begin = i + n;
            q.parent = open.empty() ? -1 : static_cast<std::int32_t>(open.back());
            open.push_back(out.size());
            out.push_back(q);
        } else if (is_close(m) && !open.empty() && !(m == "’" && i + n < t.size() && t[i + n] != ' ' && t[i + n] != ',' &&
                                                       t[i + n] != '.' && t[i + n] != '\n')) {
            whosaid::quote& q = out[open.back()];
            q.content.end = i;
            q.outer.end = i + n;
            open.pop_back();
        } else if (m == "\"") {
            if (!straight_open) {
                straight_open = true;
                straight_at = out.size();
                whosaid::quote q;
                q.outer.begin = i;
                q.content.begin = i + 1;
                q.style = whosaid::quote_style::straight_double;
                out.push_back(q);
            } else {
                straight_open = false;
                out[straight_at].content.end = i;
                out[straight_at].outer.end = i + 1;
            }
        }
        i += n;
    }
    std::vector<whosaid::quote> done;
    for (auto q : out) {
        if (q.outer.end == 0) continue;
        for (const auto term : terms) {
            if (whosaid::view_of(t, q.content) == term) q.role = whosaid::quote_role::term;
        }
        done.push_back(q);
    }
    return done;
}

// Sentences of a test text: split after . ! ? (and a closing mark) before a space and an
// uppercase letter or an opening mark, and at line breaks.
std::vector<text_span> sentences_in(std::string_view t) {
    std::vector<text_span> out;
    std::size_t b = 0;
    const auto push = [&](std::size_t e) {
        while (b < e && (t[b] == ' ' || t[b] == '\n')) ++b;
        std::size_t ee = e;
        while (ee > b && (t[ee - 1] == ' ' || t[ee - 1] == '\n')) --ee;
        if (ee > b) out.push_back({b, ee});
        b = e;
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\n') {
            push(i);
            continue;
        }
        if (t[i] != '.' && t[i] != '!' && t[i] != '?') continue;
        std::size_t j = i + 1;
        while (j < t.size() && (t[j] == '"' || static_cast<unsigned char>(t[j]) >= 0x80) && j < i + 4) {
            if (t.compare(j, 3, "”") == 0 || t.compare(j, 2, "»") == 0) j += mark_len(t, j);
            else if (t[j] == '"') ++j;
            else break;
        }
        if (j + 1 < t.size() && t[j] == ' ' && ((t[j + 1] >= 'A' && t[j + 1] <= 'Z') || t.compare(j + 1, 3, "“") == 0 || t[j + 1] == '"')) {
            push(j);
        }
    }
    push(t.size());
    return out;
}

struct run_result {
    std::string text;
    whosaid::attribution a;

    [[nodiscard]] std::string_view view(const std::optional<text_span>& s) const {
        return s ? whosaid::view_of(text, *s) : std::string_view{};
    }
    [[nodiscard]] std::string_view speaker(const whosaid::quotation& q) const { return a.speaker_name(text, q); }
    /// The quotation whose content starts with `prefix`.
    [[nodiscard]] const whosaid::quotation& at(std::string_view prefix) const {
        for (const auto& q : a.quotations) {
            if (whosaid::view_of(text, q.content).substr(0, prefix.size()) == prefix) return q;
        }
        FAIL("no quotation starting with \"" << prefix << "\"");
        return a.quotations.front();
    }
    [[nodiscard]] bool has(std::string_view prefix) const {
        for (const auto& q : a.quotations) {
            if (whosaid::view_of(text, q.content).substr(0, prefix.size()) == prefix) return true;
        }
        return false;
    }
};

run_result attribute(std::string text, const whosaid::speaker_attributor& at, std::vector<std::string_view> terms = {}) {
    run_result r{std::move(text), {}};
    const auto sentences = sentences_in(r.text);
    const auto quotes = quotes_in(r.text, std::move(terms));
    auto res = at.attribute(r.text, sentences, quotes);
    REQUIRE(res.has_value());
    r.a = std::move(*res);
    return r;
}

run_result attribute(std::string text, std::vector<std::string_view> terms = {}) {
    static_cast<void>(0);
    const whosaid::speaker_attributor at;
    return attribute(std::move(text), at, std::move(terms));
}

}  // namespace

TEST_CASE("attribution: quotation records are small trivially copyable values", "[attribution]") {
    STATIC_REQUIRE(std::is_trivially_copyable_v<whosaid::quotation>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<whosaid::entity>);
    CHECK(whosaid::to_string(quote_kind::mixed) == "mixed");
    CHECK(whosaid::to_string(whosaid::entity_kind::organization) == "organization");
}

TEST_CASE("attribution: \"…,\" X said.", "[attribution]") {
    const auto r = attribute("“We will win,” Sergei Aleinik said.");
    REQUIRE(r.a.quotations.size() == 1);
    const auto& q = r.a.quotations[0];
    CHECK(q.kind == quote_kind::direct);
    CHECK(whosaid::view_of(r.text, q.content) == "We will win,");
    CHECK(r.view(q.cue) == "said");
    CHECK(r.view(q.mention) == "Sergei Aleinik");
    CHECK(r.speaker(q) == "Sergei Aleinik");
    CHECK(q.quote == 0);
    CHECK(q.confidence >= 0.9F);
    REQUIRE(r.a.entities.size() == 1);
    CHECK(r.a.entities[0].kind == whosaid::entity_kind::person);
}

TEST_CASE("attribution: \"…,\" said X (inverted)", "[attribution]") {
    const auto r = attribute("\"The market will decide,\" said Maria Lopez, an economist.");
    const auto& q = r.at("The market");
    CHECK(r.view(q.cue) == "said");
    CHECK(r.view(q.mention) == "Maria Lopez");
    CHECK(r.speaker(q) == "Maria Lopez");
}

TEST_CASE("attribution: X said: \"…\"", "[attribution]") {
    const auto r = attribute("Vladimir Makei said: “There is smooth interaction.”");
    const auto& q = r.at("There is");
    CHECK(r.view(q.cue) == "said");
    CHECK(r.view(q.mention) == "Vladimir Makei");
}

TEST_CASE("attribution: the speaker of a head before a colon, past nouns and infinitives", "[attribution]") {
    const std::pair<std::string_view, std::string_view> cases[] = {
        // "appeal" is a noun here: the cue is "continued".
        {"Marco Rubio continued with an appeal to voters: “To every parent who dreams, I say this.”", "Marco Rubio"},
        // The cue is an infinitive after the speaker's verb.
        {"The Slate technology columnist David Auerbach went so far as to say: “Twitter as we know it is over.”", "David Auerbach"},
        {"Martin O'Malley, who signed sweeping gun laws as governor, interjected to say: “They have both been inconsistent.”",
         "Martin O'Malley"},
        {"The Brookings Institution had this to say about the proposal: “Families from the top half would receive more.”",
         "Brookings Institution"},
        // No cue verb: "from X:" names the source of the words, whatever the line before it.
        {"Signs of momentum shifts were there all along - More from the Des Moines Register: “Data collected by our firm helps confirm it.”",
         "Des Moines Register"},
        {"It is not enough to get the sample to look representative. From Pew Research: “Numerous vendors condition their samples.”",
         "Pew Research"},
        // A party and state label between the name and the colon.
        {"Clinton's claim is her camp's calculation.\n\nRep. Trey Gowdy (R-S.C.): “I have not heard anyone other than you cite that figure.”",
         "Trey Gowdy"},
    };
    for (const auto& [text, name] : cases) {
        INFO(text);
        const auto r = attribute(std::string(text));
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(r.speaker(r.a.quotations[0]) == name);
    }
}

TEST_CASE("attribution: an inverted head with a relative clause about the speaker (\"Said X, who …, “…”\")", "[attribution]") {
    const auto r = attribute("Said Dorothy Poynter, who grew up with Ali in the neighborhood, “We were all so proud of him.”");
    REQUIRE(r.a.quotations.size() == 1);
    CHECK(r.view(r.a.quotations[0].cue) == "Said");
    CHECK(r.speaker(r.a.quotations[0]) == "Dorothy Poynter");
}

TEST_CASE("attribution: a colon line followed by a dash paragraph", "[attribution]") {
    const auto r = attribute("President Alexander Lukashenko met the guest.\n\nThe President concluded:\n\n– Therefore, it is a difficult period.");
    const auto& q = r.at("Therefore");
    CHECK(q.kind == quote_kind::direct);
    CHECK(r.view(q.cue) == "concluded");
    CHECK(r.view(q.mention) == "The President");
    CHECK(r.speaker(q) == "Alexander Lukashenko");
}

TEST_CASE("attribution: the sandwich \"…,\" he said, \"…\" is one quotation", "[attribution]") {
    const auto r = attribute("Mr. John Carter spoke first. “We are ready,” he said, “and we will go.”");
    REQUIRE(r.a.quotations.size() == 1);
    const auto& q = r.a.quotations[0];
    CHECK(q.kind == quote_kind::direct);
    CHECK(whosaid::view_of(r.text, q.content) == "We are ready,” he said, “and we will go.");
    REQUIRE(q.interruption.has_value());
    CHECK(r.view(q.interruption) == "” he said, “");
    CHECK(q.content.begin < q.interruption->begin);
    CHECK(q.interruption->end < q.content.end);
    CHECK(r.view(q.mention) == "he");
    CHECK(r.view(q.cue) == "said");
    CHECK(r.speaker(q) == "John Carter");
    CHECK(q.quote == 0);
}

TEST_CASE("attribution: \"…,\" X said. \"…\" is one quotation interrupted by its cue", "[attribution]") {
    // The second piece opens the next sentence and has no cue of its own (PolNeAR annotates
    // such a quotation as one attribution in two segments).
    const auto r = attribute("“I would,” Anna Berg said to the TV. “I would, Donald.”");
    REQUIRE(r.a.quotations.size() == 1);
    const auto& q = r.a.quotations[0];
    CHECK(q.kind == quote_kind::direct);
    CHECK(whosaid::view_of(r.text, q.content) == "I would,” Anna Berg said to the TV. “I would, Donald.");
    CHECK(r.view(q.interruption) == "” Anna Berg said to the TV. “");
    CHECK(r.view(q.cue) == "said");
    CHECK(r.speaker(q) == "Anna Berg");
    CHECK(q.quote == 0);

    // Straight quotes, an inverted cue with a long apposition.
    const auto r2 = attribute("\"Tom is a real visionary,\" said Robert McAtee, one of several coal industry veterans who "
                              "have come to work with Clarke. \"He stepped in when no one else would.\"");
    REQUIRE(r2.a.quotations.size() == 1);
    CHECK(r2.view(r2.a.quotations[0].interruption) ==
          "\" said Robert McAtee, one of several coal industry veterans who have come to work with Clarke. \"");
    CHECK(r2.speaker(r2.a.quotations[0]) == "Robert McAtee");
}

TEST_CASE("attribution: a quotation with a lead-in, interrupted, stays mixed and keeps its lead-in", "[attribution]") {
    const auto r = attribute("Both parties “saw Burma as a test case,” said John Carter. “It was a test.”");
    REQUIRE(r.a.quotations.size() == 1);
    const auto& q = r.a.quotations[0];
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "Both parties “saw Burma as a test case,” said John Carter. “It was a test.");
    CHECK(r.view(q.interruption) == "” said John Carter. “");
}

TEST_CASE("attribution: pieces are not joined across paragraphs, after a finished sentence or over a cue", "[attribution]") {
    // A new paragraph starts a new quotation (the sample corpus annotates these separately).
    const auto r1 = attribute("“We are ready,” John Carter said.\n“We will go.”");
    REQUIRE(r1.a.quotations.size() == 2);
    for (const auto& q : r1.a.quotations) CHECK_FALSE(q.interruption.has_value());
    CHECK(r1.speaker(r1.at("We will go")) == "John Carter");
    // The first piece ends its sentence: two quotations.
    const auto r2 = attribute("“We are ready.” John Carter said it twice. “We will go.”");
    for (const auto& q : r2.a.quotations) CHECK_FALSE(q.interruption.has_value());
    // The second piece has a cue of its own.
    const auto r3 = attribute("“We are ready,” John Carter said. “We will go,” he added.");
    REQUIRE(r3.a.quotations.size() == 2);
    for (const auto& q : r3.a.quotations) CHECK_FALSE(q.interruption.has_value());
    // Another report stands between the pieces.
    const auto r4 = attribute("“We are ready,” John Carter said. Anna Berg told reporters the plan was dead. “We will go.”");
    for (const auto& q : r4.a.quotations) CHECK_FALSE(q.interruption.has_value());
}

TEST_CASE("attribution: X, the minister of …, said", "[attribution]") {
    const auto r = attribute("“Prices will fall,” Anna Berg, the minister of finance, said.");
    const auto& q = r.at("Prices");
    CHECK(r.view(q.mention) == "Anna Berg");
    CHECK(r.view(q.cue) == "said");
    REQUIRE(q.speaker >= 0);
    const auto& e = r.a.entities[static_cast<std::size_t>(q.speaker)];
    REQUIRE(e.role.has_value());
    CHECK(whosaid::view_of(r.text, *e.role) == "the minister of finance");
}

TEST_CASE("attribution: X told reporters gives the addressee", "[attribution]") {
    const auto r = attribute("“We are leaving,” Tom Ford told reporters on Monday.");
    const auto& q = r.at("We are leaving");
    CHECK(r.view(q.cue) == "told");
    CHECK(r.view(q.mention) == "Tom Ford");
    CHECK(r.view(q.addressee) == "reporters");
}

TEST_CASE("attribution: the addressee of a colon line", "[attribution]") {
    const auto r = attribute("Alexander Lukashenko asked Imangali Tasmaganbetov:\n\n– I would like to hear your position.");
    const auto& q = r.at("I would like");
    CHECK(r.view(q.cue) == "asked");
    CHECK(r.view(q.mention) == "Alexander Lukashenko");
    CHECK(r.view(q.addressee) == "Imangali Tasmaganbetov");
}

TEST_CASE("attribution: a quote alone in a paragraph continues the previous speaker", "[attribution]") {
    const auto r = attribute("“We have done a lot,” said Sergei Aleinik.\n\n“There is still much to be done.”");
    const auto& q = r.at("There is still");
    CHECK(r.speaker(q) == "Sergei Aleinik");
    CHECK_FALSE(q.cue.has_value());
    CHECK(q.confidence < r.at("We have done").confidence);
    SECTION("over a paragraph of narrative without reporting cues, with less confidence") {
        const auto r2 = attribute("“We have done a lot,” said Sergei Aleinik.\n\nPrices rose sharply in May.\n\n“Nobody knows.”");
        CHECK(r2.speaker(r2.at("Nobody knows")) == "Sergei Aleinik");
        CHECK(r2.at("Nobody knows").confidence < q.confidence);
    }
    SECTION("but a paragraph with its own reported speech takes over") {
        const auto r2 = attribute("“We have done a lot,” said Sergei Aleinik.\n\nThe ministry announced new plans.\n\n“Nobody knows.”");
        CHECK(r2.speaker(r2.at("Nobody knows")) == "The ministry");
    }
    SECTION("and a quotation far from any speaker stays unattributed") {
        const auto r2 = attribute("“We have done a lot,” said Sergei Aleinik.\n\nPrices rose.\n\nRents rose.\n\n“Nobody knows.”");
        CHECK(r2.at("Nobody knows").speaker == -1);
    }
}

TEST_CASE("attribution: a quote after its speaker's sentence continues it over nouns that look like cues", "[attribution]") {
    // "states", "question", "cheers", "Post" are cue forms read as nouns here, so they are no
    // report of their own between the two pieces.
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"“Ted Cruz is not my favorite,” Graham told CBS News on Tuesday, when a dozen states held contests. “But we may rally.”",
         "Graham"},
        {"“Of course it is not appropriate,” Cruz said in response to a question from a reporter. “What a bizarre world.”",
         "Cruz"},
        {"“We are going to win,” Sanders said to cheers at a rally in Anaheim. “And we will march on.”", "Sanders"},
        {"“I like Paul,” Trump told the Washington Post on Monday. “We need very strong leadership.”", "Trump"},
        {"“It is her mission,” Clinton continued, prompting loud, sustained cheers. “You know, like the mothers.”", "Clinton"},
        {"“She is bad,” Donald Trump wrote in an early morning tweet on Monday. “Her mind is shot — resign!”", "Donald Trump"},
        // A noun compound: a base form after a determiner and a singular noun is no verb.
        {"“Only legislation can stop them,” Lew said in the conference call. “There is only so much Treasury can do.”", "Lew"},
        {"“We will see,” Kasich said during a phone call with donors. “It is early.”", "Kasich"},
        // A participle in the speaker's own sentence tells how they spoke: no other report.
        {"“I'm more skilled with my hands,” said Robin Maynard, half joking. He holds two degrees. “But I like working with my hands.”",
         "Robin Maynard"},
        // Nor do a relative clause about the speaker, a passive participle right after the
        // comma, or an -ing form that modifies a noun.
        {"“The matrix is like nothing else,” said Tom Jones, who spoke on the condition of anonymity. “I've never seen it.”",
         "Tom Jones"},
        {"“It's been seven years,” John McCain said, asked about the vagueness in an interview. “Why should I be surprised?”",
         "John McCain"},
        {"“Folks, let's go,” Trump tells hundreds of screaming supporters at a victory party. “And let's make America great again.”",
         "Trump"},
        // "according to" after the comma of the speaker's sentence names the report's source.
        {"“They don't care about politics,” Obama said of the families, according to a White House pool report. “Neither do I.”",
         "Obama"},
    };
    for (const auto& [text, name] : cases) {
        INFO(text);
        const auto r = attribute(std::string(text));
        // The second piece: its own record or joined to the first (one record for both).
        const auto& last = r.a.quotations.back();
        const std::size_t open = text.rfind("“") + std::string_view("“").size();
        CHECK(whosaid::view_of(r.text, last.content).ends_with(text.substr(open, text.rfind("”") - open)));
        CHECK(r.speaker(last) == name);
    }
    SECTION("an adverb is no speaker of the clause in between") {
        const auto r = attribute(
            "“We were attacked downtown,” Clinton said, with a passion that almost suggested that the question was out "
            "of line. “I did spend a lot of time helping them rebuild.”");
        REQUIRE(r.a.quotations.size() >= 2);
        for (const auto& q : r.a.quotations) CHECK(r.speaker(q) != "almost");
    }
    SECTION("a quotation with a reporting verb of its own right after it continues no one") {
        const auto r = attribute(
            "The veto angered families of victims, many of whom say the claims are unfounded.\n\n“They are 100 percent wrong,” said grieving widows across the country.");
        const auto& q = r.at("They are 100");
        CHECK(r.speaker(q) != "whom");
        CHECK_FALSE(q.mention.has_value());
    }
    SECTION("a verb in between is still another report") {
        const auto r = attribute("“We will win,” Sanders said on Monday. Clinton states her case daily. “Nobody knows.”");
        CHECK(r.at("Nobody knows").speaker != r.at("We will win").speaker);
        // A base form after a plural or collective subject is a verb, not a compound noun.
        for (const char* between : {"The critics claim otherwise.", "The people claim otherwise.", "The company claims otherwise."}) {
            INFO(between);
            const auto r2 = attribute(std::string("“We will win,” Sanders said on Monday. ") + between + " “Nobody knows.”");
            CHECK(r2.at("Nobody knows").speaker != r2.at("We will win").speaker);
        }
    }
}

TEST_CASE("attribution: a plural possessive's bare apostrophe is no quotation mark", "[attribution]") {
    for (const std::string_view text : {std::string_view("“We are on pace,” Jeff Weaver, Sanders’ campaign manager, said."),
                                        std::string_view("“We are on pace,” Jeff Weaver, Sanders' campaign manager, said.")}) {
        INFO(text);
        const auto r = attribute(std::string(text));
        CHECK(r.view(r.at("We are on pace").mention) == "Jeff Weaver");
        CHECK(r.view(r.at("We are on pace").cue) == "said");
    }
    SECTION("but the same mark closing a quotation closes it") {
        const auto r = attribute("‘We want more jobs’ he said.");
        CHECK(r.view(r.at("We want more jobs").cue) == "said");
    }
}

TEST_CASE("attribution: \"…,\" said the N: any noun phrase with a determiner names the speaker", "[attribution]") {
    const auto r = attribute("“Donald is an amazing leader,” said the former model. “He will work for you,” said the 46-year-old.");
    CHECK(r.view(r.at("Donald is").mention) == "the former model");
    CHECK(r.view(r.at("He will work").mention) == "the 46-year-old");
    SECTION("not when the phrase runs on into a clause") {
        const auto r2 = attribute("“We lost,” said the morning papers were wrong about it.");
        CHECK_FALSE(r2.at("We lost").mention.has_value());
    }
    SECTION("a slash between numbers stays inside the phrase") {
        const auto r3 = attribute("“They are wrong,” said 9/11 widow Terry Strada.");
        CHECK(r3.speaker(r3.at("They are wrong")) == "Terry Strada");
    }
}

TEST_CASE("attribution: the quote before a sentence naming its speaker", "[attribution]") {
    const auto r = attribute("“We will win.” Mary Smith said this to her supporters at a rally in Ohio on Monday night.");
    const auto& q = r.at("We will win");
    CHECK(r.view(q.mention) == "Mary Smith");
    CHECK(r.view(q.cue) == "said");
}

TEST_CASE("attribution: indirect speech, X said (that) CLAUSE", "[attribution]") {
    const auto r = attribute("Vladimir Makei recalled that in due time there were discussions about the conflicts.");
    const auto& q = r.at("in due time");
    CHECK(q.kind == quote_kind::indirect);
    CHECK(whosaid::view_of(r.text, q.content) == "in due time there were discussions about the conflicts");
    CHECK(r.view(q.cue) == "recalled");
    CHECK(r.speaker(q) == "Vladimir Makei");
    CHECK(q.quote == -1);
    SECTION("without that") {
        const auto r2 = attribute("Ryan said Obama has never respected the right to bear arms.");
        CHECK(whosaid::view_of(r2.text, r2.at("Obama has").content) == "Obama has never respected the right to bear arms");
        CHECK(r2.view(r2.at("Obama has").mention) == "Ryan");
    }
}

TEST_CASE("attribution: the caller's sentences and the line breaks bound a reported clause", "[attribution]") {
    // The attributor cuts its tokens into sentences at the caller's sentences (and the text
    // between them) and at line breaks, in one loop that tests the next sentence's start by
    // offset: a clause must stop at every such cut, and only there.
    const whosaid::speaker_attributor at;
    const auto run = [&](const std::string& text, const std::vector<text_span>& sentences) {
        auto res = at.attribute(text, sentences, std::vector<whosaid::quote>{});
        REQUIRE(res.has_value());
        return run_result{text, std::move(*res)};
    };
    const std::string one = "Anna Berg said the plan was dead.";
    const std::size_t cut = one.find(" the plan");
    SECTION("one sentence: the clause after the cue") {
        const auto r = run(one, {{0, one.size()}});
        REQUIRE(r.has("the plan was dead"));
        CHECK(r.speaker(r.at("the plan was dead")) == "Anna Berg");
    }
    SECTION("a sentence cut after the cue, or inside it, leaves it no clause") {
        CHECK_FALSE(run(one, {{0, cut}, {cut + 1, one.size()}}).has("the plan"));
        // A cut inside a word ("sa|id"): the token belongs to the sentence it begins in.
        const std::size_t mid = one.find("id the");
        CHECK_FALSE(run(one, {{0, mid}, {mid, one.size()}}).has("the plan"));
        // The text after the caller's sentences (or before them) is a sentence of its own.
        CHECK_FALSE(run(one, {{0, cut}}).has("the plan"));
        CHECK_FALSE(run(one, {{cut + 1, one.size()}}).has("the plan"));
    }
    SECTION("a line break inside a caller's sentence cuts it") {
        std::string broken = one;
        broken[cut] = '\n';
        CHECK_FALSE(run(broken, {{0, broken.size()}}).has("the plan"));
    }
    SECTION("units without tokens between sentences (no-break spaces only)") {
        const std::string text = one + "\xC2\xA0\xC2\xA0 \xC2\xA0" + "John Carter said the deal was off.";
        const std::size_t second = text.find("John");
        for (const auto& sentences : {std::vector<text_span>{{0, one.size()}, {second, text.size()}},
                                      std::vector<text_span>{{0, one.size()}, {one.size(), second}, {second, text.size()}}}) {
            const auto r = run(text, sentences);
            REQUIRE(r.has("the plan was dead"));
            REQUIRE(r.has("the deal was off"));
            CHECK(r.speaker(r.at("the plan was dead")) == "Anna Berg");
            CHECK(r.speaker(r.at("the deal was off")) == "John Carter");
        }
    }
}

TEST_CASE("attribution: a share of those polled reports what it said", "[attribution]") {
    const auto r = attribute(
        "In the poll, nearly three in five said the economy was the top issue. About 42% say the country is on the "
        "wrong track. About half of Democratic primary voters said they want a nominee who will continue the policies.");
    CHECK(r.view(r.at("the economy").mention) == "nearly three in five");
    CHECK(r.view(r.at("the country").mention) == "About 42%");
    CHECK(r.view(r.at("they want").mention) == "About half of Democratic primary voters");
    CHECK(r.at("the economy").kind == quote_kind::indirect);
    SECTION("a number after a reporting verb is the reported clause's subject, not a share") {
        const auto r2 = attribute("McAuliffe has said about 20 people have indicated interest in the job.");
        CHECK(r2.view(r2.at("about 20 people").mention) == "McAuliffe");
    }
    SECTION("a count of things is still no speaker") {
        const auto r3 = attribute("The campaign has 758 pledged delegates, officials said.");
        for (const auto& q : r3.a.quotations) CHECK(r3.view(q.mention) != "758 pledged delegates");
    }
}

TEST_CASE("attribution: indirect speech, CLAUSE, X said.", "[attribution]") {
    const auto r = attribute("The countries should deal together with common threats, the minister summarized.");
    const auto& q = r.at("The countries");
    CHECK(q.kind == quote_kind::indirect);
    CHECK(whosaid::view_of(r.text, q.content) == "The countries should deal together with common threats");
    CHECK(r.view(q.cue) == "summarized");
    CHECK(r.view(q.mention) == "the minister");
}

TEST_CASE("attribution: indirect speech, According to X, CLAUSE", "[attribution]") {
    const auto r = attribute("According to Sergei Aleinik, the year 2023 has been complicated.");
    const auto& q = r.at("the year");
    CHECK(q.kind == quote_kind::indirect);
    CHECK(r.view(q.cue) == "According to");
    CHECK(r.view(q.mention) == "Sergei Aleinik");
    SECTION("and CLAUSE, according to X.") {
        const auto r2 = attribute("The plant will close next year, according to the company.");
        const auto& q2 = r2.at("The plant");
        CHECK(whosaid::view_of(r2.text, q2.content) == "The plant will close next year");
        CHECK(r2.view(q2.mention) == "the company");
    }
}

TEST_CASE("attribution: indirect speech, X told Y that CLAUSE", "[attribution]") {
    const auto r = attribute("Tom Ford told the committee that the budget was too small.");
    const auto& q = r.at("the budget");
    CHECK(r.view(q.cue) == "told");
    CHECK(r.view(q.mention) == "Tom Ford");
    CHECK(r.view(q.addressee) == "the committee");
}

TEST_CASE("attribution: X told her that CLAUSE: an object pronoun that is also a determiner is the addressee", "[attribution]") {
    // "her" is both a pronoun and a possessive: before "that" it is the whole object.
    for (const std::string_view pron : {"her", "him", "them"}) {
        INFO(pron);
        const auto r = attribute("Bob Jones told " + std::string(pron) + " that the budget was too small.");
        REQUIRE(r.has("the budget"));
        const auto& q = r.at("the budget");
        CHECK(whosaid::view_of(r.text, q.content) == "the budget was too small");
        CHECK(r.view(q.addressee) == pron);
        CHECK(r.speaker(q) == "Bob Jones");
    }
    // Still a noun phrase when a noun follows.
    const auto r = attribute("Bob Jones told her colleagues that the budget was too small.");
    CHECK(r.view(r.at("the budget").addressee) == "her colleagues");
}

TEST_CASE("attribution: reported clauses nest three deep; deeper cues report nothing of their own", "[attribution]") {
    const auto r3 = attribute("Ann Smith said that Bob Jones told her that Carl Wu claimed that the budget was too small.");
    REQUIRE(r3.a.quotations.size() == 3);
    CHECK(r3.speaker(r3.at("Bob Jones told")) == "Ann Smith");
    CHECK(r3.speaker(r3.at("Carl Wu claimed")) == "Bob Jones");
    CHECK(r3.speaker(r3.at("the budget")) == "Carl Wu");
    // A fourth level lies inside three reported clauses already: its words are theirs.
    const auto r4 =
        attribute("Ann Smith said that Bob Jones told her that Carl Wu claimed that Dan Li stated that the budget was too small.");
    REQUIRE(r4.a.quotations.size() == 3);
    CHECK_FALSE(r4.has("the budget"));
    CHECK(r4.speaker(r4.at("Carl Wu claimed")) == "Bob Jones");
    CHECK(r4.speaker(r4.at("Dan Li stated")) == "Carl Wu");
    // Sibling clauses are no nesting: each keeps its record.
    const auto rs = attribute("Ann Smith said that the budget was small, Bob Jones said that it was large, "
                              "Carl Wu said that it was fine and Dan Li said that it was late.");
    CHECK(rs.a.quotations.size() == 4);
}

TEST_CASE("attribution: X said CLAUSE with abbreviation dots and a party label in the subject", "[attribution]") {
    // PolNeAR misses: a dot that ends an abbreviation inside the sentence ended the subject's
    // noun phrase, as if it ended a sentence.
    SECTION("a party label in parentheses") {
        const auto r = attribute("However, Rep. Stephen Lynch (D-Mass.) said the law does not require witnesses to appear.");
        REQUIRE(r.has("the law"));
        const auto& q = r.at("the law");
        CHECK(whosaid::view_of(r.text, q.content) == "the law does not require witnesses to appear");
        CHECK(r.speaker(q) == "Stephen Lynch");
    }
    SECTION("an apposition holding U.S.") {
        const auto r = attribute("Derek Mitchell, who served as U.S. ambassador to Burma until this year, said Clinton reached out to McConnell.");
        REQUIRE(r.has("Clinton reached"));
        CHECK(r.speaker(r.at("Clinton reached")) == "Derek Mitchell");
    }
    SECTION("a dotted acronym right before the cue") {
        const auto r = attribute("The S.E.C. said it would increase oversight as well.");
        REQUIRE(r.has("it would"));
        CHECK(r.view(r.at("it would").mention) == "The S.E.C.");
    }
    SECTION("a sentence-final abbreviation still ends the clause") {
        const auto r = attribute("Tom Ford said the budget went to the U.S.\nIt was too small.");
        REQUIRE(r.has("the budget"));
        CHECK(whosaid::view_of(r.text, r.at("the budget").content) == "the budget went to the U.S");
    }
}

TEST_CASE("attribution: X said about 20 CLAUSE: an approximating word before a number opens the clause", "[attribution]") {
    const auto r = attribute("McAuliffe has said about 20 people have indicated an interest in the seat.");
    REQUIRE(r.has("about 20"));
    CHECK(whosaid::view_of(r.text, r.at("about 20").content) == "about 20 people have indicated an interest in the seat");
    CHECK(r.speaker(r.at("about 20")) == "McAuliffe");
    // A preposition of time before a number is still an adjunct.
    const auto r2 = attribute("Tom Ford said on 12 September that the budget was too small.");
    CHECK(r2.has("the budget"));
}

TEST_CASE("attribution: more PolNeAR shapes of X said CLAUSE", "[attribution]") {
    SECTION("said that, ADJUNCT, CLAUSE") {
        const auto r = attribute("He said that, if elected, he would leave such decisions to military leaders.");
        REQUIRE(r.has("if elected"));
        CHECK(r.view(r.at("if elected").mention) == "He");
    }
    SECTION("a party label with inner dots") {
        const auto r = attribute("Rep. Trey Gowdy (R-S.C.) said the claim smacked of hypocrisy.");
        REQUIRE(r.has("the claim"));
        CHECK(r.speaker(r.at("the claim")) == "Trey Gowdy");
    }
    SECTION("a party label, then an apposition; an initial inside the name") {
        // The real splitter: the test one would cut after "Rep." and "W.".
        const std::string text =
            "Rep. Gregory W. Meeks (D-N.Y.), chairman of the Congressional Black Caucus PAC, said members will help him raise cash.";
        const auto doc = whosaid::extractor().extract(text);
        REQUIRE(doc.has_value());
        REQUIRE(doc->quotations.size() == 1);
        const auto& q = doc->quotations.front();
        CHECK(whosaid::view_of(text, q.content) == "members will help him raise cash");
        CHECK(doc->speaker_name(text, q) == "Gregory W. Meeks");
    }
    SECTION("CLAUSE, said X in a place.") {
        const auto r = attribute("The meeting did not go well with Republicans, and it deteriorated from there, said one GOP source in the room.");
        REQUIRE(r.a.quotations.size() == 1);
        const auto& q = r.a.quotations.front();
        CHECK(r.view(q.mention) == "one GOP source");
        CHECK(whosaid::view_of(r.text, q.content).substr(0, 11) == "The meeting");
    }
    SECTION("CLAUSE, noted X's Y.") {
        const auto r = attribute("However debates in and of themselves are not likely to alter the campaign, noted NBC's Dante Chinni.");
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(r.speaker(r.a.quotations.front()) == "Dante Chinni");
        CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) ==
              "However debates in and of themselves are not likely to alter the campaign");
    }
    SECTION("CLAUSE — according to X.") {
        const auto r = attribute("More than half of his advice is unsubstantiated — or flat out wrong — according to the top British medical journal.");
        REQUIRE(r.has("More than half"));
        CHECK(r.view(r.at("More than half").mention) == "the top British medical journal");
    }
}

TEST_CASE("attribution: a reported clause ends at a semicolon and before a contrasting clause", "[attribution]") {
    // The words after "; ", ", although" or ", but" are the writer's (PolNeAR annotates them so).
    const auto r1 = attribute("Republicans said the timing of the news was not intentional; they only learned of it on Friday.");
    CHECK(whosaid::view_of(r1.text, r1.at("the timing").content) == "the timing of the news was not intentional");
    const auto r2 = attribute("He claimed that paying no income taxes was smart, although he again refused to release his returns.");
    CHECK(whosaid::view_of(r2.text, r2.at("paying").content) == "paying no income taxes was smart");
    const auto r3 = attribute("Tom Ford said the plan would cut emissions, but many corporations pay far less.");
    CHECK(whosaid::view_of(r3.text, r3.at("the plan").content) == "the plan would cut emissions");
    // Inside a quotation the marks are the speaker's own.
    const auto r4 = attribute("Tom Ford said the plan was “good; very good, but late” and left.");
    CHECK(whosaid::view_of(r4.text, r4.at("the plan").content) == "the plan was “good; very good, but late” and left");
}

TEST_CASE("attribution: a reported clause interrupted by its cue and speaker is one record", "[attribution]") {
    // "CLAUSE-START, X said, CLAUSE-END": PolNeAR annotates the whole sentence as the report.
    const auto r = attribute("The museum, Tom Ford said, would make visitors face uncomfortable truths.");
    REQUIRE(r.a.quotations.size() == 1);
    const auto& q = r.a.quotations.front();
    CHECK(q.kind == quote_kind::indirect);
    CHECK(whosaid::view_of(r.text, q.content) == "The museum, Tom Ford said, would make visitors face uncomfortable truths");
    CHECK(r.view(q.interruption) == ", Tom Ford said,");
    CHECK(r.view(q.cue) == "said");
    CHECK(r.speaker(q) == "Tom Ford");
    const auto r2 = attribute("In particular, he said, the foundation had the free use of the golf courses.");
    REQUIRE(r2.has("In particular"));
    CHECK(r2.view(r2.at("In particular").interruption) == ", he said,");
    // A coordinated clause after the cue is not the rest of the report; nor is a participle cue.
    const auto r3 = attribute("Prices rose, he said, but wages fell.");
    CHECK_FALSE(r3.has("Prices rose"));
    const auto r4 = attribute("Prices rose sharply last year, he said, adding that wages fell.");
    REQUIRE(r4.has("Prices rose"));
    CHECK(whosaid::view_of(r4.text, r4.at("Prices rose").content) == "Prices rose sharply last year");
    CHECK_FALSE(r4.at("Prices rose").interruption.has_value());
}

TEST_CASE("attribution: as X reported, CLAUSE; CLAUSE, X recently reported; according to X, who …", "[attribution]") {
    SECTION("As X reported, CLAUSE") {
        const auto r = attribute("As The Hill reported, Donald Trump was also accused of breaking debate rules.");
        REQUIRE(r.has("Donald Trump was"));
        CHECK(r.view(r.at("Donald Trump was").mention) == "The Hill");
        CHECK(r.view(r.at("Donald Trump was").cue) == "reported");
    }
    SECTION("…, as X reported, CLAUSE") {
        const auto r = attribute("Just a few weeks ago, as Western Journalism reported, Thor and Beck were discussing a plan.");
        REQUIRE(r.has("Thor and Beck"));
        CHECK(r.view(r.at("Thor and Beck").mention) == "Western Journalism");
    }
    SECTION("CLAUSE, as X said.") {
        const auto r = attribute("The plan was bound to fail from the start, as Tom Ford said.");
        REQUIRE(r.has("The plan"));
        CHECK(whosaid::view_of(r.text, r.at("The plan").content) == "The plan was bound to fail from the start");
    }
    SECTION("As reported by X, CLAUSE") {
        const auto r = attribute("As reported by Western Journalism, investigators found over 2,200 emails on the server.");
        REQUIRE(r.has("investigators"));
        CHECK(r.view(r.at("investigators").mention) == "Western Journalism");
    }
    SECTION("CLAUSE, X recently reported.") {
        const auto r = attribute("Corey Lewandowski sought to restore the deal after he was fired, Politico recently reported.");
        REQUIRE(r.has("Corey Lewandowski"));
        CHECK(r.view(r.at("Corey Lewandowski").mention) == "Politico");
    }
    SECTION("CLAUSE, according to X, who …") {
        const auto r = attribute("Clinton broke the law, regardless of intent, according to Andrew McCarthy, who prosecuted terrorism cases.");
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "Clinton broke the law, regardless of intent");
        CHECK(r.speaker(r.a.quotations.front()) == "Andrew McCarthy");
    }
}

TEST_CASE("attribution: nouns ending in -ly are no adverbs in a source (\"a CNN tally\", \"a family friend\")", "[attribution]") {
    // "-ly" marked "tally" an adverb: the source stopped at "a CNN" and "tally, …" became the report.
    SECTION("CLAUSE, according to a CNN tally.") {
        const auto r = attribute("Trump has won 758 pledged delegates, according to a CNN tally.");
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "Trump has won 758 pledged delegates");
        CHECK(r.view(r.a.quotations.front().mention) == "a CNN tally");
    }
    SECTION("According to a family friend, CLAUSE") {
        const auto r = attribute("According to a family friend, the couple had separated in May.");
        REQUIRE(r.has("the couple"));
        CHECK(r.view(r.at("the couple").mention) == "a family friend");
    }
    SECTION("an adverb still ends the subject") {
        const auto r = attribute("The senator reportedly said that the bill was dead.");
        REQUIRE(r.has("the bill"));
        CHECK(r.view(r.at("the bill").mention) == "The senator");
    }
}

TEST_CASE("attribution: \"CLAUSE, according to X, but …\" reports the clause before the source", "[attribution]") {
    // A conjunction after the source's comma starts no reported clause: what "according to X"
    // reports is the clause before it.
    const auto r = attribute("Trump has won 758 pledged delegates, according to the count, but his pathway is narrow.");
    REQUIRE(r.a.quotations.size() == 1);
    CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "Trump has won 758 pledged delegates");
    CHECK(r.view(r.a.quotations.front().mention) == "the count");
}

TEST_CASE("attribution: \"according to\" a source after an adjective, or followed by its description", "[attribution]") {
    SECTION("an adjective that is no noun-phrase word elsewhere opens the source") {
        const auto r = attribute("Late Sunday, Clinton won the primary in Puerto Rico, according to early returns.");
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "Late Sunday, Clinton won the primary in Puerto Rico");
        CHECK(r.view(r.a.quotations.front().mention) == "early returns");
        const auto r2 = attribute("According to early results of the exit poll, Clinton led in both states.");
        REQUIRE(r2.has("Clinton led"));
        CHECK(r2.view(r2.at("Clinton led").mention) == "early results of the exit poll");
    }
    SECTION("CLAUSE, according to X, a description of X.") {
        const auto r = attribute("The channel made $1.6 billion in operating profit in 2015, according to Brian Wieser, an analyst at Pivotal Research Group.");
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "The channel made $1.6 billion in operating profit in 2015");
        CHECK(r.speaker(r.a.quotations.front()) == "Brian Wieser");
    }
    SECTION("CLAUSE, according to X, PARTICIPLE …") {
        const auto r = attribute("Verizon has struck a work agreement with the unions, according to the Labor Department, taking a step toward ending the strike.");
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "Verizon has struck a work agreement with the unions");
    }
    SECTION("a clause after the source's comma is still the report") {
        const auto r = attribute("Late on Monday, according to the officials, the plan was dropped.");
        REQUIRE(r.has("the plan"));
        CHECK(r.view(r.at("the plan").mention) == "the officials");
    }
}

TEST_CASE("attribution: sources named by a report, data or a statement after \"according to\"", "[attribution]") {
    SECTION("a noun form of a reporting verb heads the source") {
        const auto r = attribute("Hackers accessed the computer of Sheila Bair, according to the congressional report.");
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(r.view(r.a.quotations.front().mention) == "the congressional report");
        const auto r2 = attribute("According to the report, hackers accessed the computer.");
        REQUIRE(r2.has("hackers accessed"));
        CHECK(r2.view(r2.at("hackers accessed").mention) == "the report");
    }
    SECTION("determiners in a row") {
        const auto r = attribute("In 2014, Ferguson had 115 instances of violent crime, according to the most recent data available.");
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "In 2014, Ferguson had 115 instances of violent crime");
        CHECK(r.view(r.a.quotations.front().mention) == "the most recent data available");
    }
    SECTION("at the start of a sentence the source runs to the first comma") {
        const auto r = attribute("According to a statement from the campaign, Trump will visit Ohio next week.");
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "Trump will visit Ohio next week");
        CHECK(r.view(r.a.quotations.front().mention) == "a statement");
    }
}

TEST_CASE("attribution: X said during a Friday evening rally in Michigan that CLAUSE", "[attribution]") {
    // Time words before the report noun of an adjunct: the clause starts at "that", not at "rally".
    const auto r = attribute("Trump said during a Friday evening rally in Michigan that Clinton once backed the deal.");
    REQUIRE(r.a.quotations.size() == 1);
    CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "Clinton once backed the deal");
}

TEST_CASE("attribution: a relative pronoun names its antecedent, never itself, as the speaker", "[attribution]") {
    // "who" refers to "a young woman": neither a person the text names nor an organisation.
    // The mention stays the pronoun (what the text says), the speaker is its antecedent.
    const auto r = attribute("Marc Morial told a young woman who suggested that some people may not vote at all.");
    REQUIRE(r.has("some people may not vote"));
    const auto& q = r.at("some people may not vote");
    CHECK(r.view(q.mention) == "who");
    CHECK(r.speaker(q) == "a young woman");
    REQUIRE(q.speaker >= 0);
    CHECK(r.a.entities[static_cast<std::size_t>(q.speaker)].kind == whosaid::entity_kind::other);
    // A nominal antecedent headed by a title is the person who holds it; one that could be
    // anybody named before stays a description.
    const std::pair<std::string_view, std::string_view> nominals[] = {
        {"the independent Vermont senator", "Bernie Sanders"},
        {"the star journalist", "the star journalist"},
    };
    for (const auto& [antecedent, speaker] : nominals) {
        const auto r3 = attribute("Senator Bernie Sanders spoke in Iowa on Monday. Voters cheered " + std::string(antecedent) +
                                  ", who said the system is rigged.");
        REQUIRE(r3.has("the system is rigged"));
        CHECK(r3.speaker(r3.at("the system is rigged")) == speaker);
    }
    // An antecedent that is a named person is the speaker, the mention stays the pronoun.
    const auto r2 = attribute("Derek Mitchell, who served in Burma, said the talks went well. Officials thanked Derek Mitchell, who said the visit was useful.");
    REQUIRE(r2.has("the visit was useful"));
    CHECK(r2.speaker(r2.at("the visit was useful")) == "Derek Mitchell");
    CHECK(r2.view(r2.at("the visit was useful").mention) == "who");
}

TEST_CASE("attribution: \"The relatives watched … and said CLAUSE\": the sentence's opening noun phrase", "[attribution]") {
    const auto r = attribute("The relatives watched the videos on Thursday and said they came away with more questions than answers.");
    REQUIRE(r.has("they came away"));
    CHECK(r.view(r.at("they came away").mention) == "The relatives");
    // Not an object before the verb: "the videos" is no subject of "said".
    const auto r2 = attribute("The videos were released and said nothing new.");
    CHECK_FALSE(r2.has("nothing"));
}

TEST_CASE("attribution: an adjunct set off by commas closes with a comma before \"that\"", "[attribution]") {
    // "…, Graham said, since most of them accept that …": the "that" belongs to the adjunct; the
    // report is the clause before the speaker, going on after "since".
    const auto r = attribute("Trump's stance has hurt him with young voters, Graham said, since most of them accept "
                             "that the climate is changing.");
    REQUIRE(r.has("Trump's stance"));
    const auto& q = r.at("Trump's stance");
    CHECK(r.view(q.mention) == "Graham");
    CHECK(whosaid::view_of(r.text, q.content) ==
          "Trump's stance has hurt him with young voters, Graham said, since most of them accept that the climate is changing");
    CHECK_FALSE(r.has("the climate is changing"));
    // A comma-closed adjunct still reaches its "that".
    const auto r2 = attribute("The mayor said, in a statement on Monday, that the budget was balanced.");
    REQUIRE(r2.has("the budget was balanced"));
    CHECK(r2.view(r2.at("the budget was balanced").mention) == "The mayor");
}

TEST_CASE("attribution: a commitment reports its infinitive (\"vowed to\", \"pledged to\", \"agreed to\")", "[attribution]") {
    SECTION("X pledged / vowed / promised / agreed to VP") {
        const auto r = attribute("Clinton pledged to push for a constitutional amendment. Donald Trump vowed to bring back "
                                 "lost mining jobs. Mr. Clarke's company agreed to clean up the mines.");
        REQUIRE(r.has("to push for"));
        CHECK(whosaid::view_of(r.text, r.at("to push for").content) == "to push for a constitutional amendment");
        CHECK(r.view(r.at("to push for").cue) == "pledged");
        CHECK(r.view(r.at("to push for").mention) == "Clinton");
        REQUIRE(r.has("to bring back"));
        CHECK(r.view(r.at("to bring back").mention) == "Donald Trump");
        REQUIRE(r.has("to clean up"));
        CHECK(r.at("to clean up").kind == quote_kind::indirect);
    }
    SECTION("a quoted fragment makes it mixed") {
        const auto r = attribute("He vowed to “take our fight” to the states that have not voted.");
        REQUIRE(r.has("to “take our fight”"));
        CHECK(r.at("to “take our fight”").kind == quote_kind::mixed);
    }
    SECTION("not a commitment: a relative clause, an adverb for a subject, a pronoun after a noun, an object") {
        CHECK_FALSE(attribute("He is a birther who has repeatedly pledged to ban all Muslims from entering.").has("to ban"));
        CHECK_FALSE(attribute("The two countries, which together vowed to stave off the worst effects, met.").has("to stave"));
        CHECK_FALSE(attribute("It is the main tool to meet the target it pledged to reach at the talks.").has("to reach"));
        CHECK_FALSE(attribute("Clinton pledged to the voters of Ohio.").has("to the voters"));
    }
}

TEST_CASE("attribution: \"accused X of Y\" reports the accusation, object included", "[attribution]") {
    SECTION("a one-word charge") {
        const auto r = attribute("Sanders accused Clinton of ducking.");
        REQUIRE(r.has("Clinton of ducking"));
        const auto& q = r.at("Clinton of ducking");
        CHECK(whosaid::view_of(r.text, q.content) == "Clinton of ducking");
        CHECK(r.view(q.mention) == "Sanders");
        CHECK_FALSE(q.addressee.has_value());
    }
    SECTION("the object ends before \"of\" and a gerund; coordinated objects") {
        const auto r = attribute("Bernie Sanders accused Hillary Clinton of being influenced by special interest groups.");
        REQUIRE(r.has("Hillary Clinton of being"));
        const auto r2 = attribute("In the news conference, he accused the media and the Clinton campaign of distorting her message.");
        REQUIRE(r2.has("the media and the Clinton campaign of distorting"));
        CHECK_FALSE(r2.has("In the news conference"));
    }
    SECTION("\"warned voters of …ing\": the warning after the object, which is the addressee") {
        const auto r = attribute("The governor warned voters of rising costs ahead.");
        REQUIRE(r.has("rising costs"));
        CHECK(r.view(r.at("rising costs").addressee) == "voters");
    }
}

TEST_CASE("attribution: the indirect pass's candidates: phrases around their anchor, noun-like forms before a cue", "[attribution]") {
    SECTION("a phrase found through a word after its first (\"attention\" in \"drew attention to\")") {
        const auto r = attribute("The minister drew attention to the fact that prices had risen.");
        REQUIRE(r.has("prices had risen"));
        CHECK(r.view(r.at("prices had risen").cue) == "drew attention to the fact");
        CHECK(r.view(r.at("prices had risen").mention) == "The minister");
        const auto r2 = attribute("Asked about the deal, she went on to say it was dead.");
        REQUIRE(r2.has("it was dead"));
        CHECK(r2.view(r2.at("it was dead").cue) == "went on to say");
    }
    SECTION("a noun-like form with no subject before it is still a cue a few words before another") {
        // "accused" alone is turned down (an adverb and a dash stand between it and its
        // subject); "suggesting" four words on makes it a candidate again.
        const auto r = attribute("Democrats -- including Clinton -- quickly accused Trump of suggesting violence against the nominee.");
        REQUIRE(r.has("Trump of suggesting violence"));
        CHECK(r.view(r.at("Trump of suggesting violence").cue) == "accused");
        CHECK(r.view(r.at("Trump of suggesting violence").mention) == "Democrats");
    }
}

TEST_CASE("attribution: \"Asked whether …, X said\": the question is reported speech, its asker named after \"by\"", "[attribution]") {
    SECTION("Asked if CLAUSE, …") {
        const auto r = attribute("Asked if he was ever bullied, the Republican candidate said no.");
        REQUIRE(r.has("if he was ever bullied"));
        const auto& q = r.at("if he was ever bullied");
        CHECK(whosaid::view_of(r.text, q.content) == "if he was ever bullied");
        CHECK(q.kind == quote_kind::indirect);
        CHECK(r.view(q.cue) == "Asked");
        CHECK_FALSE(q.mention.has_value());
    }
    SECTION("adjuncts before the question, the asker after by") {
        const auto r = attribute("Asked on Fox News who leads the party in his view, he said Ryan.");
        REQUIRE(r.has("who leads"));
        CHECK(whosaid::view_of(r.text, r.at("who leads").content) == "who leads the party in his view");
        const auto r2 = attribute("Asked by Starnes if the situation was as grave as Benghazi, Carson said that it was.");
        REQUIRE(r2.has("if the situation"));
        CHECK(r2.view(r2.at("if the situation").mention) == "Starnes");
    }
    SECTION("… when asked whether CLAUSE") {
        const auto r = attribute("Sanders said he would wait when asked whether he would fundraise for other candidates.");
        REQUIRE(r.has("whether he would"));
        CHECK(whosaid::view_of(r.text, r.at("whether he would").content) == "whether he would fundraise for other candidates");
    }
    SECTION("not a question: X asked Y to …") {
        const auto r = attribute("The committee asked the Justice Department to investigate the matter.");
        CHECK_FALSE(r.has("whether"));
        CHECK_FALSE(r.has("if"));
    }
}

TEST_CASE("attribution: a Title Case headline \"X Says CLAUSE\"", "[attribution]") {
    const auto r = attribute("Trump Says He Never Pledged To Kill Family Members Of Terrorists.\n\nDonald Trump said on Sunday that he never made such a pledge.");
    REQUIRE(r.has("He Never Pledged"));
    const auto& q = r.at("He Never Pledged");
    CHECK(whosaid::view_of(r.text, q.content) == "He Never Pledged To Kill Family Members Of Terrorists");
    CHECK(r.view(q.cue) == "Says");
    CHECK(r.speaker(q) == "Donald Trump");
    // A sentence full of names is no headline: a capitalised "State" is no cue there.
    const auto r2 = attribute("Iowa State University's Dianne Bystrom agreed with the plan.");
    CHECK(r2.a.quotations.empty());
    // A cue form that is also a noun needs a person before it; one that is part of a name never counts.
    const auto r3 = attribute("Hillary Clinton Calls ISIS Violence Against Yazidis Genocide.");
    REQUIRE(r3.has("ISIS Violence"));
    CHECK(r3.view(r3.at("ISIS Violence").cue) == "Calls");
    CHECK(attribute("Washington Post Hit Piece Exploits Trump Supporter Who Was in a Hospital.").a.quotations.empty());
    CHECK(attribute("Battleground State Florida Is Nearly Three Percent Polish American.").a.quotations.empty());
}

TEST_CASE("attribution: a noun form of a cue after a number is a plural noun (\"Twenty-seven states led by …\")", "[attribution]") {
    CHECK(attribute("Twenty-seven states led by West Virginia are challenging the rules in court.").a.quotations.empty());
    CHECK(attribute("About 12 reports describe the plan as doomed.").a.quotations.empty());
    // "that" after it still makes it a verb, and a determiner is no number.
    const auto r = attribute("Many states say the plan would fail.");
    REQUIRE(r.has("the plan"));
}

TEST_CASE("attribution: a noun form of a cue before a possessive, a title or a relative clause is a noun", "[attribution]") {
    CHECK_FALSE(attribute("Andrew Rice, a former Oklahoma state senator who ran in 2008, endorsed Clinton.").has("senator who"));
    CHECK_FALSE(attribute("Named in the email are Wisconsin state Rep. David Bowen and others.").has("Rep. David"));
    CHECK_FALSE(attribute("Cruz spoke at the close of the state's Republican primary day.").has("'s Republican"));
    CHECK_FALSE(attribute("Voters went to the polls in Rust Belt states that have suffered from the loss of jobs.").has("have suffered"));
    CHECK_FALSE(attribute("Do not confuse people in swing states whose votes actually count.").has("whose votes"));
    // Still verbs: "that" with a clause, a wh-complement, an object with an honorific.
    const auto r = attribute("The report states that the agency failed.");
    REQUIRE(r.has("the agency failed"));
    // (The test splitter ends a sentence after "Mr.": the British spelling keeps one sentence.)
    const auto r2 = attribute("Bloomberg estimates Mr Kamprad's fortune at about $42 billion.");
    CHECK(r2.has("Mr Kamprad's fortune"));
}

TEST_CASE("attribution: transcript turns \"LABEL: words\" are the labelled speaker's", "[attribution]") {
    SECTION("a transcript of two speakers") {
        const auto r = attribute("Partial transcript as follows:\n\nTAPPER: Do you think he has campaigned as a healer?\n\n"
                                 "FALLIN: I think he is trying to campaign as a racial healer.\n");
        REQUIRE(r.has("Do you think"));
        CHECK(whosaid::view_of(r.text, r.at("Do you think").content) == "Do you think he has campaigned as a healer");
        CHECK(r.view(r.at("Do you think").mention) == "TAPPER");
        CHECK(r.view(r.at("Do you think").cue) == ":");
        REQUIRE(r.has("I think he"));
        CHECK(r.view(r.at("I think he").mention) == "FALLIN");
    }
    SECTION("a quoted transcript: each turn is direct speech, not the one quotation of nobody") {
        // The real detector: a quotation that runs over paragraphs, each opening with a mark.
        const std::string text = "He read it out:\n\n“WALLACE: If I may, sir, will she be there?\n\n“PENCE: She will not be attending the debate.”";
        const auto doc = whosaid::extractor().extract(text);
        REQUIRE(doc.has_value());
        REQUIRE(doc->quotations.size() == 2);
        const auto& a = doc->quotations[0];
        const auto& b = doc->quotations[1];
        CHECK(whosaid::view_of(text, a.content).substr(0, 8) == "If I may");
        CHECK(a.kind == quote_kind::direct);
        CHECK(whosaid::view_of(text, *a.mention) == "WALLACE");
        CHECK(whosaid::view_of(text, b.content).substr(0, 12) == "She will not");
        CHECK(whosaid::view_of(text, *b.mention) == "PENCE");
    }
    SECTION("one label is a headline's: only the surname of a person named in full, its sentence") {
        const auto r = attribute("Donald Trump spoke on Monday.\n\nTrump: I had no idea about the server at all. It was news.\n");
        REQUIRE(r.has("I had no idea"));
        CHECK(whosaid::view_of(r.text, r.at("I had no idea").content) == "I had no idea about the server at all");
        CHECK(r.speaker(r.at("I had no idea")) == "Donald Trump");
        const auto r2 = attribute("UPDATE: The vote was moved to Friday afternoon.\n\nThe senators left early.\n");
        CHECK(r2.a.quotations.empty());
    }
}

TEST_CASE("attribution: a headline labelled by a source that is no person (\"Poll: …\", \"NY Post: …\")", "[attribution]") {
    const auto r = attribute("Poll: Trump and Clinton hold narrow leads in Pennsylvania.\n\nThree weeks ahead of the vote, the race is close.\n");
    REQUIRE(r.has("Trump and Clinton"));
    CHECK(r.view(r.at("Trump and Clinton").mention) == "Poll");
    CHECK(r.view(r.at("Trump and Clinton").cue) == ":");
    const auto r2 = attribute("Insiders: Trump will rebound in New Hampshire.\n\nDonald Trump is poised for a comeback.\n");
    REQUIRE(r2.has("Trump will rebound"));
    CHECK(r2.view(r2.at("Trump will rebound").mention) == "Insiders");
    // Any other word is no source.
    const auto r3 = attribute("Analysis: Trump and Clinton hold narrow leads in Pennsylvania.\n\nThe race is close.\n");
    CHECK_FALSE(r3.has("Trump and Clinton"));
}

TEST_CASE("attribution: subjects after a subordinator, between double dashes; clauses after a prepositional phrase", "[attribution]") {
    SECTION("… shortly after X said CLAUSE") {
        const auto r = attribute("The caucus met, shortly after Trump said he finally believes Obama was born here.");
        REQUIRE(r.has("he finally"));
        CHECK(r.view(r.at("he finally").mention) == "Trump");
    }
    SECTION("X -- an apposition -- said CLAUSE") {
        const auto r = attribute("Kall -- co-editor of a book analyzing the debates -- said the candidate was prepared.");
        REQUIRE(r.has("the candidate"));
        CHECK(r.view(r.at("the candidate").mention) == "Kall");
    }
    SECTION("X said after the convention he would …") {
        const auto r = attribute("Trump said after the convention he would not accept the endorsement.");
        REQUIRE(r.a.quotations.size() == 1);
        CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "he would not accept the endorsement");
        const auto r2 = attribute("Trump said at a rally in Ohio they had won.");
        REQUIRE(r2.has("they had won"));
    }
}

TEST_CASE("attribution: a report in a subordinate clause that opens the sentence ends at its comma", "[attribution]") {
    const auto r = attribute("After campaign aides insisted in June that Obama would not be pigeonholed, he went on.");
    REQUIRE(r.a.quotations.size() == 1);
    CHECK(whosaid::view_of(r.text, r.a.quotations.front().content) == "Obama would not be pigeonholed");
    CHECK(r.view(r.a.quotations.front().mention) == "campaign aides");
    const auto r2 = attribute("When Trump said he would win, the crowd cheered.");
    REQUIRE(r2.a.quotations.size() == 1);
    CHECK(whosaid::view_of(r2.text, r2.a.quotations.front().content) == "he would win");
}

TEST_CASE("attribution: dotted initials inside a name (\"G.K. Butterfield\"); \"Miss Universe\" is no person", "[attribution]") {
    // The real splitter: the test one would cut after "Rep." and "G.K.".
    const std::string text = "“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.";
    const auto doc = whosaid::extractor().extract(text);
    REQUIRE(doc.has_value());
    REQUIRE(doc->quotations.size() == 1);
    CHECK(doc->speaker_name(text, doc->quotations.front()) == "G.K. Butterfield");
    const auto r = attribute("Alicia Machado, a former Miss Universe, spoke on Friday. She said Trump had insulted her.");
    REQUIRE(r.has("Trump had"));
    CHECK(r.speaker(r.at("Trump had")) == "Alicia Machado");
}

TEST_CASE("attribution: \"NAME, a DESCRIPTION, said\": the name speaks, not the description", "[attribution]") {
    SECTION("a description between commas") {
        const auto r = attribute("Michael Mulgrew, president of the United Federation of Teachers, said the schools were ready.");
        REQUIRE(r.has("the schools"));
        CHECK(r.view(r.at("the schools").mention) == "Michael Mulgrew");
        // The name between the commas still speaks when the part before it is no person.
        const auto r2 = attribute("The head of the PAC, Mike Murphy, said the ads would run.");
        REQUIRE(r2.has("the ads"));
        CHECK(r2.view(r2.at("the ads").mention) == "Mike Murphy");
    }
    SECTION("a description, then an aside between dashes") {
        const auto r = attribute("John Dickey, the chief executive of Ora Media -- the company that owns the programming -- "
                                 "said the show was popular.");
        REQUIRE(r.has("the show"));
        CHECK(r.view(r.at("the show").mention) == "John Dickey");
    }
    SECTION("a title word after a given name is a surname") {
        const auto r = attribute("Charlie King, a prominent New York Democrat, said the plan was bad.\n\n"
                                 "Mr. King added that it would fail.");
        REQUIRE(r.has("the plan"));
        CHECK(r.view(r.at("the plan").mention) == "Charlie King");
        REQUIRE(r.has("it would fail"));
        CHECK(r.speaker(r.at("it would fail")) == "Charlie King");
    }
}

TEST_CASE("attribution: a name run on from an adjunct's outlet is the subject", "[attribution]") {
    // No comma after the adjunct: "Washington Post Trump" is one capitalised run.
    const auto r = attribute("In a March 2016 meeting with the editorial board of the Washington Post Trump said that "
                             "NATO may need to shrink.");
    REQUIRE(r.has("NATO may need"));
    CHECK(r.view(r.at("NATO may need").mention) == "Trump");
    // An adjunct without such a name still gives way to the subject before it.
    const auto r2 = attribute("Trump at the time said that NATO was obsolete.");
    REQUIRE(r2.has("NATO was obsolete"));
    CHECK(r2.view(r2.at("NATO was obsolete").mention) == "Trump");
}

TEST_CASE("attribution: \"…, with 30 percent of voters saying CLAUSE\": the poll's share speaks", "[attribution]") {
    const auto r = attribute("Trump has slightly improved his standing, with 30 percent of voters saying they have a positive view of him.");
    REQUIRE(r.has("they have"));
    CHECK(r.view(r.at("they have").mention) == "30 percent of voters");
    CHECK(r.view(r.at("they have").cue) == "saying");
}

TEST_CASE("attribution: \"…, with Trump calling for a ban …\": a person after \"with\" speaks", "[attribution]") {
    const auto r = attribute("The debate turned to immigration, with Trump calling for a ban on Muslims entering the country.");
    REQUIRE(r.has("a ban on Muslims"));
    CHECK(r.view(r.at("a ban on Muslims").mention) == "Trump");
    CHECK(r.view(r.at("a ban on Muslims").cue) == "calling for");
    // Adjuncts, then a quotation: no clause of the participle's own.
    const auto r2 = attribute("The remark drew fire, with Trump saying during the debate last week, “That makes me smart,” "
                              "when Clinton blasted him.");
    CHECK_FALSE(r2.has("during the debate"));
}

TEST_CASE("attribution: \"a New York Times report that CLAUSE\": the name before the noun is the source", "[attribution]") {
    const auto r = attribute("Hillary Clinton is seizing upon a New York Times report that Donald Trump had a net loss in 1995.");
    REQUIRE(r.has("Donald Trump had"));
    const auto& q = r.at("Donald Trump had");
    CHECK(r.view(q.mention) == "New York Times");
    CHECK(r.view(q.cue) == "report");
}

TEST_CASE("attribution: a lone name before an -ed verb is a subject, not a modifier", "[attribution]") {
    // "Obama positioned …": an unknown lowercase word after a lone name made it a modifier
    // ("Trump campaign"), and the name was no person, so "… and said" found no subject.
    const auto r = attribute("Obama positioned Clinton at the top and said his former secretary would finish the job.");
    REQUIRE(r.has("his former"));
    CHECK(r.speaker(r.at("his former")) == "Obama");
    // Still a modifier before a noun.
    const auto r2 = attribute("The Trump campaign said the rally would go ahead.");
    REQUIRE(r2.has("the rally"));
    CHECK(r2.view(r2.at("the rally").mention) == "The Trump campaign");
}

TEST_CASE("attribution: time words between the subject and the cue; \"said about half of …\"", "[attribution]") {
    const auto r = attribute("Gowdy earlier Thursday said the committee has conducted 75 witness interviews.");
    REQUIRE(r.has("the committee"));
    CHECK(r.view(r.at("the committee").mention) == "Gowdy");
    const auto r2 = attribute("The budget office said about half of the adjustment reflected revenue losses.");
    REQUIRE(r2.has("about half"));
    CHECK(r2.view(r2.at("about half").mention) == "The budget office");
}

TEST_CASE("attribution: an age and an apposition between the subject and its cue", "[attribution]") {
    const auto r = attribute("Jillian Chase, 27, a Tinder user in New York, said the election would come up with her matches.");
    REQUIRE(r.has("the election"));
    CHECK(r.speaker(r.at("the election")) == "Jillian Chase");
    const auto r2 = attribute("Marley Anderson, 21, said she turned out at her first caucus on Saturday.");
    REQUIRE(r2.has("she turned"));
    CHECK(r2.speaker(r2.at("she turned")) == "Marley Anderson");
}

TEST_CASE("attribution: a clause ends before a coordinated cue of the same subject", "[attribution]") {
    const auto r = attribute("Obama praised Clinton and said she would finish the job.");
    REQUIRE(r.has("she would"));
    CHECK(r.speaker(r.at("she would")) == "Obama");
    REQUIRE(r.has("Clinton"));
    CHECK(whosaid::view_of(r.text, r.at("Clinton").content) == "Clinton");
}

TEST_CASE("attribution: a phrase cue ending in a cue word introduces the quote (\"went on to say, “…”\")", "[attribution]") {
    const auto r = attribute("He went on to say, “She once threw a Bible at an agent.”");
    CHECK(r.view(r.at("She once").cue) == "went on to say");
    CHECK(r.view(r.at("She once").mention) == "He");
    SECTION("the subject of a reported clause is not the subject of a coordinated cue") {
        const auto r2 = attribute(
            "Trump joked that Brooklyn was his answer, but said, “There are places in America that are dangerous.”");
        CHECK(r2.speaker(r2.at("There are places")) == "Trump");
    }
}

TEST_CASE("attribution: an apposition between dashes; X says, ADJUNCT, CLAUSE", "[attribution]") {
    const auto r = attribute("Deborah Reynolds - the girlfriend of Santilli and co-host on his channel - told The Washington Post that his views turned extreme.");
    REQUIRE(r.has("his views"));
    CHECK(r.speaker(r.at("his views")) == "Deborah Reynolds");
    const auto r2 = attribute("Joyce Smith — who is listed as an attorney in Illinois — told The Huffington Post he is not planning an appeal.");
    REQUIRE(r2.has("he is not"));
    CHECK(r2.speaker(r2.at("he is not")) == "Joyce Smith");
    const auto r3 = attribute("Republican presidential candidate Marco Rubio says, win or lose in the crucial Florida primary, he is staying in the race.");
    REQUIRE(r3.has("win or lose"));
    CHECK(r3.speaker(r3.at("win or lose")) == "Marco Rubio");
}

TEST_CASE("attribution: \"it is worth noting that\" reports nobody's words", "[attribution]") {
    const auto r = attribute("It is worth noting that the tax bill is a good example of money kept offshore.");
    CHECK(r.a.quotations.empty());
    // A participle cue after a comma still reports its subject's words.
    const auto r2 = attribute("Tom Ford spoke on Monday, noting that the tax bill was too small.");
    CHECK(r2.has("the tax bill"));
}

TEST_CASE("attribution: BelTA learned from X", "[attribution]") {
    const auto r = attribute("Belarus has accomplished the priorities of its presidency, BelTA learned from Belarusian Minister of Foreign Affairs Sergei Aleinik.");
    const auto& q = r.at("Belarus has");
    CHECK(q.kind == quote_kind::indirect);
    CHECK(whosaid::view_of(r.text, q.content) == "Belarus has accomplished the priorities of its presidency");
    CHECK(r.view(q.cue) == "learned from");
    CHECK(r.view(q.mention) == "Belarusian Minister of Foreign Affairs Sergei Aleinik");
    REQUIRE(q.speaker >= 0);
    const auto& e = r.a.entities[static_cast<std::size_t>(q.speaker)];
    CHECK(whosaid::view_of(r.text, e.name) == "Sergei Aleinik");
    REQUIRE(e.role.has_value());
    CHECK(whosaid::view_of(r.text, *e.role) == "Minister of Foreign Affairs");
}

TEST_CASE("attribution: a clause with a quoted fragment is mixed speech", "[attribution]") {
    const auto r = attribute("Alice Brown said the plan was “dead on arrival” and should be dropped.");
    REQUIRE(r.a.quotations.size() == 1);
    const auto& q = r.a.quotations[0];
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "the plan was “dead on arrival” and should be dropped");
    CHECK(q.quote == 0);
    CHECK(r.speaker(q) == "Alice Brown");
}

TEST_CASE("attribution: a quotation in a clause after a cue and its addressee is mixed speech", "[attribution]") {
    // The quotation ends a reported clause: not "X said, “…”".
    const auto r = attribute("Maria Lopez also said the turmoil was not the fault of banks, \"not by a long shot.\"");
    REQUIRE(r.a.quotations.size() == 1);
    const auto& q = r.a.quotations[0];
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "the turmoil was not the fault of banks, \"not by a long shot.\"");
    CHECK(r.speaker(q) == "Maria Lopez");
    // "said via email that, “…” against …": the clause runs on after the quotation.
    const auto r2 = attribute("Spokeswoman Jessica Ditto said via email that, “Of course he will defend himself” against the attacks.");
    REQUIRE(r2.a.quotations.size() == 1);
    CHECK(r2.a.quotations[0].kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r2.text, r2.a.quotations[0].content) == "“Of course he will defend himself” against the attacks");
    CHECK(r2.speaker(r2.a.quotations[0]) == "Jessica Ditto");
    // A head with only adjuncts stays direct.
    const auto r3 = attribute("Maria Lopez said on Tuesday, “We will win.”");
    CHECK(r3.at("We will win").kind == quote_kind::direct);
}

TEST_CASE("attribution: a lowercase quoted term makes an indirect clause mixed, a title does not", "[attribution]") {
    const auto r = attribute("Alice Brown said the army is “depleted” and needs money.", {"depleted"});
    const auto& q = r.at("the army");
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "the army is “depleted” and needs money");
    CHECK(r.at("depleted").kind == quote_kind::term);
    const auto r2 = attribute("Alice Brown said the conference “Eurasian Security” was a success.", {"Eurasian Security"});
    CHECK(r2.at("the conference").kind == quote_kind::indirect);
}

TEST_CASE("attribution: -ing clauses find the speaker of an earlier quotation in the sentence", "[attribution]") {
    // The indirect frame of the first paragraph comes after the direct frames: the speaker of
    // "adding" is the quotation's, found through the quotations of its sentence.
    const auto r = attribute("The mayor also said that it was too early.\n"
                             "“We see no link to terrorism,” the mayor said, adding that it would take “more hours” before details emerge.");
    const auto& q = r.at("it would take");
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "it would take “more hours” before details emerge");
    CHECK(r.view(q.mention) == "the mayor");
}

TEST_CASE("attribution: -ing clauses after a preposition, with \"that\", and the progressive", "[attribution]") {
    const auto r = attribute("Howard Dean then appeared on MSNBC and began by saying he would “never” diagnose anyone.");
    const auto& q = r.at("he would");
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "he would “never” diagnose anyone");
    CHECK(r.view(q.mention) == "Howard Dean");
    // The sentence's subject, not the nearest name before the participle.
    const auto r2 = attribute("Barack Obama responded to a Gold Star mother by saying the issue was “manufactured” by critics.");
    CHECK(r2.view(r2.at("the issue").mention) == "Barack Obama");
    const auto r3 = attribute("Donald Trump unleashed a series of tweets early Friday saying that Clinton had shown “bad judgment” again.");
    const auto& q3 = r3.at("Clinton had");
    CHECK(whosaid::view_of(r3.text, q3.content) == "Clinton had shown “bad judgment” again");
    CHECK(r3.view(q3.mention) == "Donald Trump");
    const auto r4 = attribute("Donald Trump is telling a veterans group that the military is “depleted” and weak.");
    const auto& q4 = r4.at("the military");
    CHECK(q4.kind == quote_kind::mixed);
    CHECK(r4.view(q4.cue) == "telling");
    CHECK(r4.view(q4.mention) == "Donald Trump");
    CHECK(r4.view(q4.addressee) == "a veterans group");
}

TEST_CASE("attribution: a possessive before a noun-like cue names its owner", "[attribution]") {
    const auto r = attribute("Politifact checked Donald Trump’s claim that there have been “thousands of shootings” in Chicago.");
    const auto& q = r.at("there have been");
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "there have been “thousands of shootings” in Chicago");
    CHECK(r.view(q.cue) == "claim");
    CHECK(r.view(q.mention) == "Donald Trump");
}

TEST_CASE("attribution: characterising verbs report speech only with a quoted fragment", "[attribution]") {
    const auto r = attribute("At a rally, Donald Trump likened the refugees to a “vicious snake” in a song.");
    const auto& q = r.at("the refugees");
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "the refugees to a “vicious snake” in a song");
    CHECK(r.view(q.cue) == "likened");
    CHECK(r.speaker(q) == "Donald Trump");
    CHECK(attribute("At a rally, Donald Trump likened the refugees to a snake in a song.").a.quotations.empty());
    // "called on X to …" is a cue phrase.
    const auto r2 = attribute("Adam Schiff called on the administration to “call out Russia” on the hacking.");
    const auto& q2 = r2.at("the administration");
    CHECK(q2.kind == quote_kind::mixed);
    CHECK(r2.view(q2.cue) == "called on");
    CHECK(r2.speaker(q2) == "Adam Schiff");
}

TEST_CASE("attribution: the complement after a cue's object is the report", "[attribution]") {
    const auto r = attribute("Adam Schiff urged the administration to “call out Russia” on the hacking.");
    const auto& q = r.at("“call out Russia”");
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "“call out Russia” on the hacking");
    CHECK(r.view(q.addressee) == "the administration");
    CHECK(r.speaker(q) == "Adam Schiff");
}

TEST_CASE("attribution: a noun-like cue right before a quoted fragment", "[attribution]") {
    const auto r = attribute("Twenty others who only specified “Christian” as their religion were admitted.", {"Christian"});
    const auto& q = r.at("“Christian”");
    CHECK(q.kind == quote_kind::indirect);  // a capitalised term: not the speaker's wording
    CHECK(whosaid::view_of(r.text, q.content) == "“Christian” as their religion were admitted");
    CHECK(r.view(q.cue) == "specified");
    CHECK(r.view(q.mention) == "who");
}

TEST_CASE("attribution: a reported clause runs to the end of a quotation with nested ones", "[attribution]") {
    // The sentence ends inside the quotation, after a nested one: the clause is found through the
    // nested quotation's top-level ancestor (quote_of; walking back over the nested quotations
    // made a long quotation full of them quadratic, see whosaid-pathological's long-quote).
    const auto r = attribute("Cruz added that he was the only one “fighting for ‘real’ change. I will tell you, nobody else is ‘doing’ it.”");
    const auto& q = r.at("he was");
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) ==
          "he was the only one “fighting for ‘real’ change. I will tell you, nobody else is ‘doing’ it.”");
    CHECK(r.view(q.cue) == "added");
    CHECK(r.speaker(q) == "Cruz");
}

TEST_CASE("attribution: \"CLAUSE, according to X\" when X's description runs to the end", "[attribution]") {
    const auto r = attribute("More than 100,000 people took part in a “walk-in” at 2,000 schools, according to the organizer Alliance to Reclaim Our Schools.");
    const auto& q = r.at("More than");
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "More than 100,000 people took part in a “walk-in” at 2,000 schools");
    CHECK(r.view(q.cue) == "according to");
}

TEST_CASE("attribution: a parenthesis after the speaker of a tail", "[attribution]") {
    const auto r = attribute("“Immunity deals are not a requirement,” Chairman Jason Chaffetz (R-Utah) said in a statement.");
    const auto& q = r.at("Immunity");
    CHECK(q.kind == quote_kind::direct);
    CHECK(r.view(q.mention) == "Chairman Jason Chaffetz");
    // A finished quotation is no tail of the next report, also when that report holds a quote.
    const auto r2 = attribute("Jennifer Roberts said she wants the video released but said “the question is the timing.” "
                              "Governor Pat McCrory (R) said it would be “improper” for him to speak on the release now.");
    CHECK(r2.view(r2.at("the question").mention) != "Governor Pat McCrory");
    CHECK(r2.view(r2.at("it would be").mention) == "Governor Pat McCrory");
}

TEST_CASE("attribution: words before a lowercase quotation are part of the report", "[attribution]") {
    const auto r = attribute("Both political parties “saw Burma as a country under pressure from China,” said Victor Cha, a former official.");
    const auto& q = r.at("Both");
    CHECK(q.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r.text, q.content) == "Both political parties “saw Burma as a country under pressure from China,");
    CHECK(r.speaker(q) == "Victor Cha");
    const auto r2 = attribute("So when Patriot signaled last summer that it would make a deal, Kevin Barrett said, “we were floored.”");
    const auto& q2 = r2.at("So when");
    CHECK(q2.kind == quote_kind::mixed);
    CHECK(whosaid::view_of(r2.text, q2.content) == "So when Patriot signaled last summer that it would make a deal, Kevin Barrett said, “we were floored.");
    CHECK(r2.speaker(q2) == "Kevin Barrett");
    // A quotation opening in uppercase stays direct.
    const auto r3 = attribute("Both political parties “Saw Burma as a country under pressure,” said Victor Cha.");
    CHECK(r3.at("Saw Burma").kind == quote_kind::direct);
}

TEST_CASE("attribution: -ing clauses continue the main clause's speaker", "[attribution]") {
    const auto r = attribute("“We feel great,” Marco Rubio said, adding that he would not make predictions.");
    const auto& q = r.at("he would not");
    CHECK(q.kind == quote_kind::indirect);
    CHECK(r.view(q.cue) == "adding");
    CHECK(r.speaker(q) == "Marco Rubio");
}

TEST_CASE("attribution: pronouns resolve to the most recent person of their gender", "[attribution]") {
    const auto r = attribute(
        "Mrs. Helen Clark met Mr. Peter Stone on Tuesday. She said the talks went well. “It was good,” he added.\n\n"
        "According to him, more talks are planned.");
    CHECK(r.speaker(r.at("the talks went")) == "Helen Clark");
    CHECK(r.speaker(r.at("It was good")) == "Peter Stone");
    CHECK(r.view(r.at("more talks").mention) == "him");
    CHECK(r.speaker(r.at("more talks")) == "Peter Stone");
}

TEST_CASE("attribution: nominals resolve by role", "[attribution]") {
    const auto r = attribute(
        "Belarusian President Aleksandr Lukashenko met Foreign Minister Sergei Aleinik.\n\n"
        "“We are ready,” the president said.\n\n“We agree,” the minister said.\n\n"
        "“Work continues,” the head of state said.\n\n“Indeed,” the official added.");
    CHECK(r.speaker(r.at("We are ready")) == "Aleksandr Lukashenko");
    CHECK(r.speaker(r.at("We agree")) == "Sergei Aleinik");
    CHECK(r.speaker(r.at("Work continues")) == "Aleksandr Lukashenko");
    CHECK(r.view(r.at("Indeed").mention) == "the official");
    CHECK(r.at("Indeed").speaker >= 0);
}

TEST_CASE("attribution: a surname resolves to the full name, also written later", "[attribution]") {
    const auto r = attribute("Lukashenko: CSTO remains part of the security architecture\n\n"
                             "The meeting opened, Belarusian President Aleksandr Lukashenko said.\n\n"
                             "“We did a lot,” Lukashenko said.");
    const auto& head = r.at("CSTO remains");
    CHECK(r.view(head.mention) == "Lukashenko");
    CHECK(r.speaker(head) == "Aleksandr Lukashenko");
    CHECK(r.speaker(r.at("We did a lot")) == "Aleksandr Lukashenko");
    CHECK(r.at("We did a lot").speaker == head.speaker);
    CHECK(r.a.entities.size() == 1);
    SECTION("Aleksandr and Alexander are one person; Hillary and Bill Clinton are two") {
        const auto r2 = attribute("Alexander Lukashenko spoke. “Yes,” Aleksandr Lukashenko said.\n\n"
                                  "Hillary Clinton said the vote was fair. Bill Clinton said the vote was unfair.");
        CHECK(r2.speaker(r2.at("Yes")) == "Alexander Lukashenko");
        CHECK(r2.at("the vote was fair").speaker != r2.at("the vote was unfair").speaker);
    }
}

TEST_CASE("attribution: a surname that is also a title word resolves to the person named in full", "[attribution]") {
    const auto r = attribute("New York Congressman Pete King spoke to reporters. President Obama was in Paris.\n\n"
                             "“He made it clear,” King said.\n\n"
                             "Rep. Rob Bishop is the chairman. “We will not move,” Bishop said.");
    CHECK(r.speaker(r.at("He made it clear")) == "Pete King");
    CHECK(r.speaker(r.at("We will not move")) == "Rob Bishop");
    SECTION("but the title alone, with no such person, is still a role") {
        const auto r2 = attribute("King Abdullah met the envoy. “We agree,” the King said.");
        CHECK(r2.speaker(r2.at("We agree")) == "Abdullah");
    }
}

TEST_CASE("attribution: organisations as speakers", "[attribution]") {
    const auto r = attribute(
        "Sergei Aleinik took part in the meeting, BelTA learned from the press service of the Belarusian Ministry of Foreign Affairs.\n\n"
        "BelTA reported earlier that the presidency embraced a motto.\n\n"
        "The New York Post reports that the team avoided the hospital.");
    const auto& a = r.at("Sergei Aleinik took part");
    CHECK(r.view(a.mention) == "the press service of the Belarusian Ministry of Foreign Affairs");
    REQUIRE(a.speaker >= 0);
    CHECK(r.a.entities[static_cast<std::size_t>(a.speaker)].kind == whosaid::entity_kind::organization);
    const auto& b = r.at("the presidency");
    CHECK(r.speaker(b) == "BelTA");
    CHECK(r.a.entities[static_cast<std::size_t>(b.speaker)].kind == whosaid::entity_kind::organization);
    const auto& c = r.at("the team");
    CHECK(r.speaker(c) == "New York Post");
}

TEST_CASE("attribution: terms never get a speaker", "[attribution]") {
    const auto r = attribute("The presidency embraced the motto “Through solidarity towards peace”, Aleinik said.",
                             {"Through solidarity towards peace"});
    const auto& t = r.at("Through solidarity");
    CHECK(t.kind == quote_kind::term);
    CHECK(t.speaker == -1);
    CHECK_FALSE(t.mention.has_value());
    CHECK_FALSE(t.cue.has_value());
    CHECK(t.confidence == 0.0F);
    const auto& s = r.at("The presidency");
    CHECK(s.kind == quote_kind::indirect);  // a term inside keeps the clause indirect
}

TEST_CASE("attribution: a quote with no speaker anywhere", "[attribution]") {
    const auto r = attribute("The weather was cold.\n\n“Nobody expected this.”");
    const auto& q = r.at("Nobody");
    CHECK(q.speaker == -1);
    CHECK_FALSE(q.mention.has_value());
    CHECK(q.confidence <= 0.15F);
    CHECK(q.confidence > 0.0F);
}

TEST_CASE("attribution: user-added verbs, phrases, titles and patterns", "[attribution]") {
    const std::string text = "Anna Berg harrumphed that taxes were too high. The plan failed, quoth the Ombudsman Karl Lind.";
    SECTION("without them nothing is found") {
        const auto r = attribute(text);
        CHECK_FALSE(r.has("taxes were"));
    }
    SECTION("extra verbs") {
        const whosaid::speaker_attributor at{{.extra_verbs = {"harrumphed", "Quoth"}}};
        const auto r = attribute(text, at);
        CHECK(r.view(r.at("taxes were").cue) == "harrumphed");
        CHECK(r.view(r.at("The plan failed").cue) == "quoth");
    }
    SECTION("extra titles make a role") {
        const whosaid::speaker_attributor at{{.extra_verbs = {"quoth"}, .extra_titles = {"ombudsman"}}};
        const auto r = attribute(text, at);
        const auto& q = r.at("The plan failed");
        REQUIRE(q.speaker >= 0);
        CHECK(r.speaker(q) == "Karl Lind");
        REQUIRE(r.a.entities[static_cast<std::size_t>(q.speaker)].role.has_value());
        CHECK(whosaid::view_of(r.text, *r.a.entities[static_cast<std::size_t>(q.speaker)].role) == "Ombudsman");
    }
    SECTION("extra phrases, speaker before and after") {
        const whosaid::speaker_attributor at{{.extra_phrases = {"went on record with"},
                                              .extra_source_phrases = {"as quoted by"}}};
        const auto r = attribute("Anna Berg went on record with the claim that taxes were high. "
                                 "Taxes will rise, as quoted by Karl Lind.", at);
        CHECK(r.view(r.at("the claim").cue) == "went on record with");
        CHECK(r.view(r.at("the claim").mention) == "Anna Berg");
        CHECK(r.view(r.at("Taxes will").mention) == "Karl Lind");
    }
    SECTION("extra cue patterns (RE2)") {
        const whosaid::speaker_attributor at{{.extra_cue_patterns = {R"(\bharrumph(?:ed|s)\b)"}}};
        const auto r = attribute(text, at);
        CHECK(r.view(r.at("taxes were").cue) == "harrumphed");
        CHECK(r.view(r.at("taxes were").mention) == "Anna Berg");
    }
}

TEST_CASE("attribution: unusable user cues throw config_error", "[attribution]") {
    using whosaid::attribution_options;
    CHECK_THROWS_AS(whosaid::speaker_attributor(attribution_options{.extra_cue_patterns = {"(unclosed"}}), whosaid::config_error);
    CHECK_THROWS_WITH(whosaid::speaker_attributor(attribution_options{.extra_cue_patterns = {"ok", "a**"}}),
                      Catch::Contains("extra_cue_patterns[1]"));
    CHECK_THROWS_AS(whosaid::speaker_attributor(attribution_options{.extra_verbs = {""}}), whosaid::config_error);
    CHECK_THROWS_AS(whosaid::speaker_attributor(attribution_options{.extra_verbs = {"two words"}}), whosaid::config_error);
    CHECK_THROWS_AS(whosaid::speaker_attributor(attribution_options{.extra_titles = {"bad\xFF"}}), whosaid::config_error);
    CHECK_THROWS_AS(whosaid::speaker_attributor(attribution_options{.extra_phrases = {"single"}}), whosaid::config_error);
    CHECK_THROWS_AS(whosaid::speaker_attributor(attribution_options{.extra_phrases = {"two  spaces"}}), whosaid::config_error);
    CHECK_NOTHROW(whosaid::speaker_attributor(attribution_options{.extra_verbs = {"O'Brien-ed"}}));
    // The phrases that start with one word are counted in 16 bits: more is an error, not a
    // silently truncated index.
    std::vector<std::string> many;
    for (int k = 0; k < 65'536; ++k) many.push_back("zq w" + std::to_string(k));
    CHECK_THROWS_WITH(whosaid::speaker_attributor(attribution_options{.extra_phrases = many}), Catch::Contains("\"zq\""));
    many.pop_back();
    CHECK_NOTHROW(whosaid::speaker_attributor(attribution_options{.extra_phrases = many}));
}

TEST_CASE("attribution: indirect speech can be turned off", "[attribution]") {
    const whosaid::speaker_attributor at{{.indirect = false}};
    const auto r = attribute("Ryan said Obama has never respected the law. “Yes,” he said.", at);
    REQUIRE(r.a.quotations.size() == 1);
    CHECK(r.a.quotations[0].kind == quote_kind::direct);
}

TEST_CASE("attribution: invalid UTF-8 under both policies", "[attribution]") {
    const std::string text = "“We will win,” Anna Berg said \xFF today.";
    const auto quotes = quotes_in(text);
    SECTION("reject returns the offset of the first bad byte") {
        const whosaid::speaker_attributor at;
        const auto r = at.attribute(text, {}, quotes);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == whosaid::errc::invalid_utf8);
        CHECK(r.error().offset == text.find('\xFF'));
    }
    SECTION("replace reads the bad byte as U+FFFD in place") {
        const whosaid::speaker_attributor at{{.on_invalid = whosaid::invalid_utf8::replace}};
        const auto r = at.attribute(text, {}, quotes);
        REQUIRE(r.has_value());
        REQUIRE(r->quotations.size() == 1);
        CHECK(whosaid::view_of(text, *r->quotations[0].mention) == "Anna Berg");
        for (const auto& q : r->quotations) CHECK(q.content.end <= text.size());
    }
    SECTION("bad bytes everywhere never produce a span splitting a sequence") {
        std::string junk = "\xE2\x80 “\xC3 said\xF0\x9F\x98”, \xE2 told \x80\x80 that \xFF“";
        for (int i = 0; i < 5; ++i) junk += junk;
        const whosaid::speaker_attributor at{{.on_invalid = whosaid::invalid_utf8::replace}};
        const auto r = at.attribute(junk, sentences_in(junk), quotes_in(junk));
        REQUIRE(r.has_value());
        for (const auto& q : r->quotations) {
            CHECK(q.content.end <= junk.size());
            CHECK(q.content.begin <= q.content.end);
        }
    }
}

TEST_CASE("attribution: empty text and spans outside the text", "[attribution]") {
    const whosaid::speaker_attributor at;
    const auto r = at.attribute("", {}, {});
    REQUIRE(r.has_value());
    CHECK(r->quotations.empty());
    CHECK(r->entities.empty());
    // Sentences and quotes that do not fit the text are ignored, not trusted.
    const std::string text = "Short text, he said.";
    whosaid::quote bad;
    bad.outer = {5, 500};
    bad.content = {6, 499};
    const std::vector<text_span> sentences{{0, 900}, {30, 10}};
    const auto r2 = at.attribute(text, sentences, std::vector<whosaid::quote>{bad});
    REQUIRE(r2.has_value());
    for (const auto& q : r2->quotations) CHECK(q.content.end <= text.size());
}

TEST_CASE("attribution: Russian profile", "[attribution]") {
    const whosaid::speaker_attributor at{{.lang = whosaid::language::ru}};
    const auto r = attribute(
        "Министр иностранных дел Сергей Алейник провел встречу.\n\n"
        "«Мы готовы к диалогу», — сказал Алейник.\n\n"
        "По словам министра, переговоры прошли успешно.\n\n"
        "Он заявил, что ситуация стабильна.",
        at);
    const auto& a = r.at("Мы готовы");
    CHECK(r.view(a.cue) == "сказал");
    CHECK(r.view(a.mention) == "Алейник");
    CHECK(r.speaker(a) == "Сергей Алейник");
    const auto& b = r.at("переговоры");
    CHECK(b.kind == quote_kind::indirect);
    CHECK(r.view(b.cue) == "По словам");
    CHECK(r.speaker(b) == "Сергей Алейник");
    const auto& c = r.at("ситуация");
    CHECK(r.view(c.cue) == "заявил");
    CHECK(r.speaker(c) == "Сергей Алейник");
}

TEST_CASE("attribution: results are the same from many threads", "[attribution]") {
    const whosaid::speaker_attributor at;
    std::string text;
    for (int i = 0; i < 40; ++i) {
        text += "“We are ready,” Sergei Aleinik said. The minister added that talks would continue. "
                "According to him, the plan works.\n\n";
    }
    const auto sentences = sentences_in(text);
    const auto quotes = quotes_in(text);
    const auto expected = at.attribute(text, sentences, quotes).value();
    std::vector<whosaid::attribution> got(4);
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < got.size(); ++k) {
        threads.emplace_back([&, k] {
            for (int rep = 0; rep < 5; ++rep) got[k] = at.attribute(text, sentences, quotes).value();
        });
    }
    for (auto& th : threads) th.join();
    for (const auto& g : got) {
        REQUIRE(g.quotations.size() == expected.quotations.size());
        for (std::size_t i = 0; i < g.quotations.size(); ++i) {
            CHECK(g.quotations[i].content == expected.quotations[i].content);
            CHECK(g.quotations[i].speaker == expected.quotations[i].speaker);
            CHECK(g.quotations[i].mention == expected.quotations[i].mention);
        }
        CHECK(g.entities.size() == expected.entities.size());
    }
}

namespace {

/// Tokenizes `text[b, end)` with the fast path (lazy lookups, as the attributor runs it) and
/// with the code point loop alone, and checks that they give the same tokens: offsets, lengths,
/// shapes (and so paragraph breaks), first code points and lexicon entries.
void check_fast_path_tokens(const std::string& source, std::size_t b, const whosaid::detail::attr::engine& eng) {
    using namespace whosaid::detail::attr;
    // In a heap block of exactly its size, so that a read past the end of the text (a lazy
    // lookup loads 8 bytes past a word) fails under AddressSanitizer.
    const std::unique_ptr<char[]> bytes(new char[std::max<std::size_t>(source.size(), 1)]);
    std::memcpy(bytes.get(), source.data(), source.size());
    const std::string_view text(bytes.get(), source.size());
    std::vector<token> fast;
    std::vector<token> slow;
    tokenize(text, b, text.size(), s_break_before, eng.lex(), fast, true, true, &eng.anchors());
    tokenize(text, b, text.size(), s_break_before, eng.lex(), slow, false, false, &eng.anchors());
    REQUIRE(fast.size() == slow.size());
    // The reservation bound holds.
    CHECK(token_bound(text, b, text.size()) >= slow.size());
    for (std::size_t i = 0; i < fast.size(); ++i) {
        const token& f = fast[i];
        const token& s = slow[i];
        INFO("token " << i << " at " << s.begin);
        // A word left for a lazy lookup, the text's last words too (`lookup_word` copies a
        // word with fewer than 8 bytes after it).
        if (f.lex == lex_pending) tok_detail::lookup_word(text, eng.lex(), f);
        CHECK(f.begin == s.begin);
        CHECK(f.length == s.length);
        // s_maybe_cue is a prefilter on the fast path (it may say yes for a word that is
        // no cue), an exact lookup on the slow one: it must never miss an exact hit.
        CHECK((f.shape & ~s_maybe_cue) == (s.shape & ~s_maybe_cue));
        if ((s.shape & s_maybe_cue) != 0) CHECK((f.shape & s_maybe_cue) != 0);
        CHECK(f.cp == s.cp);
        CHECK(f.lex == s.lex);
        CHECK(f.cls == s.cls);
        // The runner's `punct(i, c)` compares only `cp`: a word's first code point is a
        // word character, never a punctuation mark (nor U+FFFD, which bad bytes become).
        if (s.word()) CHECK(whosaid::unicode::is_word(s.cp));
        if (!s.word()) CHECK(!whosaid::unicode::is_word(s.cp));
    }
}

}  // namespace

TEST_CASE("attribution: the tokenizer's ASCII fast path agrees with its code point loop", "[attribution]") {
    // Internal: the 64-byte bit-mask path and the scalar path must give identical tokens
    // (offsets, lengths, shapes and so paragraph breaks, lexicon entries) on any input.
    using namespace whosaid::detail::attr;
    const engine eng(whosaid::attribution_options{});
    // ASCII pieces first (even rounds use only those, so whole 64-byte blocks take the fast path).
    const char* pieces[] = {"a",    "b",      "S",    "s",     "'",    "-",   ".",   "U",    ".",      "S",
                            ".",    " ",      "  ",   "\n",    "\r\n", "\t",  ",",   "\"",   "x",      "Y",
                            "1",    "ly",     "said", "The",   "'s ",  "s'",  "a.b.", "--",  "o'",     "-x",
                            "U.S.A.", "didn't", "McCain", "BelTA", "3rd",  "b2B", "LY",  "fully", "\v",   "\f",
                            "told", "According", "’s",  "“",    "é",      "Ж",   "\xFF"};
    constexpr std::size_t ascii_pieces = 42;
    whosaid_test::lcg next{12345};
    for (int round = 0; round < 400; ++round) {
        std::string text;
        const std::size_t len = next() % 600;
        const std::size_t choices = round % 2 == 0 ? ascii_pieces : sizeof(pieces) / sizeof(*pieces);
        for (std::size_t k = 0; k < len; ++k) text += pieces[next() % choices];
        INFO("round " << round);
        check_fast_path_tokens(text, next() % (text.size() + 1), eng);
    }
}

TEST_CASE("attribution: the tokenizer's block rules hold at every offset", "[attribution]") {
    // Internal: the fast path finds a word's odd bytes (uppercase after the first, digits) and a
    // line break in the white space before a token by carries through runs of bits; a run with
    // several of them, or one ending at a block's edge, must give what the code point loop does.
    using namespace whosaid::detail::attr;
    const engine eng(whosaid::attribution_options{});
    const std::string unit = "He said iPhone4S and b2B2B were McDONALDs' 3rd US2 A1. \n\n \r\n  Told\n\n\nX ";
    std::string text;
    while (text.size() < 300) text += unit;
    for (std::size_t b = 0; b < 70; ++b) {
        INFO("start " << b);
        check_fast_path_tokens(text, b, eng);
    }
}

TEST_CASE("attribution: the per-text index map forgets everything on clear", "[attribution]") {
    // Internal: `flat_map::clear` is O(1) (a new generation); a cleared map must find none of
    // its old keys, take them again with fresh values, and grow past the old slots correctly.
    using whosaid::detail::attr::flat_map;
    flat_map<std::uint64_t> m;
    for (std::uint64_t round = 0; round < 5; ++round) {
        INFO("round " << round);
        const std::uint64_t n = 10 + 100 * round;  // grows in later rounds
        const auto value = [&](std::uint64_t k) { return static_cast<std::int32_t>(k + round); };
        for (std::uint64_t k = 0; k < n; ++k) CHECK(m.at_or_insert(k * 7919, value(k)) == value(k));
        for (std::uint64_t k = 0; k < n; ++k) {
            const std::int32_t* v = m.find(k * 7919);
            REQUIRE(v != nullptr);
            CHECK(*v == value(k));
            CHECK(m.at_or_insert(k * 7919, -1) == value(k));  // present: not replaced
        }
        CHECK(m.find(n * 7919) == nullptr);
        m.clear();
        for (std::uint64_t k = 0; k < n; ++k) CHECK(m.find(k * 7919) == nullptr);
    }
}

TEST_CASE("attribution: the tokenizer stays within an exact reservation", "[attribution]") {
    // Internal: a caller that reserves `token_bound` tokens (the attributor, for a long text)
    // gets no reallocation, whatever the last blocks hold. Regression: the fast path wanted room
    // for 64 tokens per block, so a text whose last blocks held few tokens after a body of one
    // token per byte doubled its vector (80 MB of tokens for 1 MB of quotation marks).
    using namespace whosaid::detail::attr;
    const engine eng(whosaid::attribution_options{});
    for (const std::size_t body : {std::size_t{100}, std::size_t{4096}, std::size_t{100000}}) {
        for (std::size_t tail = 0; tail < 140; tail += 7) {
            std::string text(body, '"');
            text += ' ';
            for (std::size_t k = 0; k < tail; k += 7) text += "hello, ";
            std::vector<token> out;
            const std::size_t bound = token_bound(text, 0, text.size());
            out.reserve(bound);
            const std::size_t reserved = out.capacity();
            tokenize(text, 0, text.size(), s_space_before | s_break_before, eng.lex(), out, true, true, &eng.anchors());
            INFO("body " << body << " tail " << tail);
            CHECK(out.size() <= bound);
            CHECK(out.capacity() == reserved);
        }
    }
}

TEST_CASE("attribution: short texts take the fast path's tail and agree with the code point loop", "[attribution]") {
    // Internal: the last bytes of a text (fewer than 72) are copied to a padded buffer and take
    // the bit-mask path, their words left for a lookup that reads the text itself (which must
    // not read past its end); every prefix of a sentence, so that each
    // rule meets the end of the text at each byte, gives the code point loop's tokens.
    using namespace whosaid::detail::attr;
    const engine eng(whosaid::attribution_options{});
    const std::string sentence =
        "Mr. O'Brien's U.S. aides--said: \"It's fine,\" (reportedly) told McCain's BelTA 3rd-year staff.\nDone";
    for (std::size_t len = 0; len <= sentence.size(); ++len) {
        INFO("prefix of " << len << " bytes");
        check_fast_path_tokens(sentence.substr(0, len), 0, eng);
    }
}

TEST_CASE("attribution: the fast path keeps a possessive with its word at every block offset", "[attribution]") {
    // Internal: a word and its "'s" that end near byte 61 of a 64-byte block (where the block's
    // own tokens stop) or straddle it, and a line break before the word: the fast path gives
    // the code point loop's tokens, space and break flags included.
    using namespace whosaid::detail::attr;
    const engine eng(whosaid::attribution_options{});
    for (std::size_t pad = 40; pad < 72; ++pad) {
        for (const char* word : {"Clinton", "Al", "x", "said"}) {
            for (const char* gap : {" ", "\n", " \n  "}) {
                std::string text(pad, 'a');
                for (std::size_t k = 7; k < pad; k += 8) text[k] = ' ';
                text += gap;
                text += word;
                text += "'s campaign, said the reporters at the White House on Tuesday afternoon.";
                INFO("pad " << pad << " word " << word);
                check_fast_path_tokens(text, 0, eng);
            }
        }
    }
}

TEST_CASE("attribution: the key of a given name's first letters is hash_bytes of them", "[attribution]") {
    // Internal: `given_key` hashes the three lowercase bytes of an ASCII given name in
    // registers (`hash_three`) instead of with `hash_bytes`; the keys must stay the same
    // (any byte, not only letters: "O'Neil", "Jo-Ann").
    using namespace whosaid::detail::attr;
    const std::string bytes = "aleksAZz019'-.~ \x7f";
    for (const char a : bytes) {
        for (const char b : bytes) {
            for (const char c : bytes) {
                const std::string s{a, b, c};
                const std::uint64_t v = static_cast<std::uint64_t>(static_cast<unsigned char>(a)) |
                                        static_cast<std::uint64_t>(static_cast<unsigned char>(b)) << 8U |
                                        static_cast<std::uint64_t>(static_cast<unsigned char>(c)) << 16U;
                INFO(s);
                CHECK(hash_three(v) == hash_bytes(s));
            }
        }
    }
    // (Through the attributor: "Aleksandr and Alexander are one person" above.)
}

TEST_CASE("attribution: pathological input stays bounded", "[attribution]") {
    const whosaid::speaker_attributor at;
    SECTION("10,000 quotes in one paragraph") {
        std::string text;
        for (int i = 0; i < 10000; ++i) text += "“Yes,” he said. ";
        const auto quotes = quotes_in(text);
        REQUIRE(quotes.size() == 10000);
        const auto r = at.attribute(text, sentences_in(text), quotes);
        REQUIRE(r.has_value());
        CHECK(r->quotations.size() == 10000);
    }
    SECTION("a 1 MB sentence of reporting verbs and names") {
        std::string text;
        while (text.size() < (1U << 20U)) text += "John Smith said, Mary Jones told, according to the minister, ";
        const std::vector<text_span> one{{0, text.size()}};
        const auto r = at.attribute(text, one, {});
        REQUIRE(r.has_value());
        for (const auto& q : r->quotations) CHECK(q.content.end <= text.size());
    }
    SECTION("a 1 MB quote and 20,000 unpaired marks") {
        std::string text = "He said: “" + std::string(1U << 20U, 'a') + "”";
        REQUIRE(at.attribute(text, {}, quotes_in(text)).has_value());
        const std::string marks(20000, '"');
        REQUIRE(at.attribute(marks, {}, {}).has_value());
    }
}

}  // namespace test_attribution
