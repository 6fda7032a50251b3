// SPDX-License-Identifier: MIT
// IWYU pragma: private, include "whosaid/whosaid.hpp"
#pragma once

/// \file
/// Sentence boundaries: `sentence_splitter` turns UTF-8 text into byte spans of sentences.
///
/// **Rules** (one forward pass; each decision looks at most a few tokens, 64 bytes, around it):
/// - *Paragraphs and lines.* A blank line (or U+2029) always ends a sentence. A line that ends
///   without a stop (headline, dateline, navigation or phone-number line) is a sentence of its
///   own, with one exception for text wrapped like PDF output: the line is joined to the next
///   when the next line starts with a lower-case letter **and** the run of lines starting in
///   lower case from there reaches a stop before a blank line, a line that starts otherwise, or
///   the end. So "This is a sentence\\ncut off in the middle because pdf." is one sentence and
///   "features\\ncontact manager\\nevents, activities" three. After a stop, a line break counts
///   as white space for the rules below (and as a hint of a boundary after an ambiguous
///   abbreviation).
/// - *Stops* are . ! ? … ‼ ⁇ ⁈ ⁉ 。 ！ ？ ． ؟ । ॥, taken in clusters ("?!", "...", ". . . .")
///   together with the closing quotes and brackets right after them (’ ” » ) ] ' "), which
///   belong to the sentence, as do footnote marks ("martyr.[1]", "gap.12") and a closing mark
///   set off by one space ("детище. »"). An apostrophe followed by a letter is not a closing
///   mark ("Jr.'s"). A stop followed by a lower-case word, or by a comma, colon and the like,
///   never ends a sentence ('"This is great." she said', "Yahoo! in", "alone!, he yelled").
/// - *Abbreviations* come from the language profile (detail/sentence_data_<lang>.hpp) plus
///   `sentence_options::extra_abbreviations`. Titles never end a sentence ("Mr.", "Mt.", "e.g.",
///   "vs.", "г.", "ул."), except written in capitals, which makes them acronyms ("with MS.
///   Doctors"). "p.", "No.", "Jan.", "N°." do not end one before a number and are ordinary
///   words otherwise. The others ("Co.", "Inc.", "etc.", "т.д.", user additions) and every
///   dotted initialism ("U.S.", "J.C.", "Ph.D.") end a sentence only before a common sentence
///   starter ("the U.S. How" ends, "the U.S. Government" does not) or a line break.
///   "a.m."/"p.m." end one before any capitalised word but a weekday, month or time zone. A
///   short prepositional phrase is never a sentence by itself ("At 5 a.m. Mr. Smith went").
/// - *Initials*: a single capital letter with a period continues the sentence ("Jonas E.
///   Smith", "А. С. Пушкин", "by J. Smith") unless a sentence starter follows a word ("you and
///   I. Did", "World War I. But") or a number precedes it (a unit: "8 G. Но").
/// - *Numbers, URLs, e-mail addresses*: a period between non-space characters is no stop
///   ("$100.00", "27.10.14", "example.50.com", "Jane.Doe@example.com") except between a word
///   and a capitalised word in a token that is not a URL, address, domain or file name
///   ("world.Today", "1,000.That"; not "Mr.Smith").
/// - *Ellipses*: an ellipsis ("...", "…", "....") before a capitalised word ends the sentence,
///   except a detached spaced one (" . . . ") which marks an omission inside the sentence unless
///   it has a fourth period; in "word. . . . Next" the first period ends the sentence and
///   ". . . Next" opens the next one. "[...]" and "(...)" are never stops.
/// - *Lists*: a sentence never ends at its own leading marker ("1.", "1.)", "1)", "(a)", "a.",
///   "iv)") or bullets (• ‣ ⁃ ◦ ▪ ●); a bullet after white space starts a new sentence; an item
///   that starts with a marker ends where the next marker of the same form and number starts
///   ("1) first 2) second"), or a new list starts ("1." again).
/// - *Quotations* are split inside like any text ("“We stated …. Moreover, we …,” the official
///   said." is two sentences), except that inside «guillemets» a stop followed by a dash does
///   not end the sentence (Russian dialogue quoted: "«…? – спросила мама. – Завтра…»").

#include "whosaid/config.hpp"
#include "whosaid/detail/sentence_data_en.hpp"
#include "whosaid/detail/sentence_data_ru.hpp"
#include "whosaid/detail/sentence_profile.hpp"
#include "whosaid/detail/sentence_scanner.hpp"
#include "whosaid/error.hpp"
#include "whosaid/language.hpp"
#include "whosaid/span.hpp"
#include "whosaid/unicode.hpp"
#include "whosaid/utf8.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

WHOSAID_BEGIN_NAMESPACE

/// Options of a `sentence_splitter`. A plain aggregate: designated initializers work,
/// e.g. `sentence_options{.lang = language::ru}`.
struct sentence_options {
    /// Language profile: abbreviations, sentence starters, prepositions.
    language lang = language::en;
    /// What `split` does with invalid UTF-8: return an error (default) or read each bad byte
    /// as U+FFFD (neither a letter nor white space).
    invalid_utf8 on_invalid = invalid_utf8::reject;
    /// Further abbreviations, written without the final period ("approx", "Bros", "т.к");
    /// matched case-insensitively. They end a sentence only before a common sentence starter.
    /// An empty string, or one longer than 31 bytes, is ignored.
    std::vector<std::string> extra_abbreviations{};
};

namespace detail {

[[nodiscard]] constexpr const sentence_profile& sentence_profile_for(language lang) noexcept {
    switch (lang) {
        case language::en: return en_sentence_profile;
        case language::ru: return ru_sentence_profile;
    }
    return en_sentence_profile;
}

}  // namespace detail

/// Splits UTF-8 text into sentences, as byte spans into the caller's text.
///
/// Immutable after construction: `split` and `for_each_sentence` are `const` and safe to call
/// from many threads at once on one splitter. Copying and moving are cheap (the tables are
/// static; only the extra abbreviations are copied). Linear time in the length of the text;
/// never reads outside it. See the file comment for the rules.
class sentence_splitter {
public:
    /// Builds the splitter for `options` (lower-cases and sorts the extra abbreviations).
    explicit sentence_splitter(sentence_options options = {})
        : profile_(&detail::sentence_profile_for(options.lang)), on_invalid_(options.on_invalid) {
        for (const std::string& word : options.extra_abbreviations) {
            std::string_view w = word;
            if (!w.empty() && w.back() == '.') w.remove_suffix(1);
            if (w.empty()) continue;
            std::string lower;
            unicode::append_lower(w, lower);
            // U+2019 is compared as an apostrophe, as the scanner reads it.
            for (std::size_t at = lower.find("\xE2\x80\x99"); at != std::string::npos; at = lower.find("\xE2\x80\x99", at)) {
                lower.replace(at, 3, 1, '\'');
            }
            if (lower.size() >= 32) continue;
            extra_.push_back(std::move(lower));
        }
        std::sort(extra_.begin(), extra_.end());
        extra_.erase(std::unique(extra_.begin(), extra_.end()), extra_.end());
    }

    /// The sentences of `text` in order, as byte spans trimmed of surrounding white space
    /// (including U+00A0); white space inside a sentence is kept. Spans never overlap, never
    /// cross a blank line and never split a UTF-8 sequence. Empty or all-white-space text gives
    /// an empty vector. Under `invalid_utf8::reject` invalid UTF-8 gives `errc::invalid_utf8`
    /// with the offset of the first bad byte; under `replace` each bad byte is one U+FFFD.
    /// The spans refer to `text`: they stay valid as long as the caller keeps the bytes.
    [[nodiscard]] result<std::vector<text_span>> split(std::string_view text) const {
        std::vector<text_span> out;
        // One allocation for a news article instead of one per doubling (a sentence per ~100
        // bytes is typical); capped, so a long text without stops reserves at most 16 KiB.
        out.reserve(std::min<std::size_t>(text.size() / 96 + 4, 1024));
        const error e = for_each_sentence(text, [&](text_span s) { out.push_back(s); });
        if (e.code != errc::ok) return e;
        return out;
    }

    /// Streaming form of `split` for huge inputs: calls `fn(text_span)` for each sentence in
    /// order, without building a vector. Returns the error (nothing is called then), or an
    /// `error` with code `errc::ok`. `fn` runs on the caller's thread.
    template <class Fn>
    error for_each_sentence(std::string_view text, Fn&& fn) const {
        if (const error e = utf8::check(text, on_invalid_); e.code != errc::ok) return e;
        detail::sentence_scanner<std::remove_reference_t<Fn>> scanner(text, *profile_, extra_, fn);
        scanner.run();
        return {};
    }

private:
    const detail::sentence_profile* profile_;
    invalid_utf8 on_invalid_;
    std::vector<std::string> extra_;  // lower case, sorted, unique
};

WHOSAID_END_NAMESPACE
