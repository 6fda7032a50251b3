// SPDX-License-Identifier: MIT
// The smallest whosaid program: build the extractor once, run it, print who said what.
// tests/test_packaging.sh builds it against the installed package (CMake find_package, Meson
// with pkg-config, plain pkg-config) and as a Meson subproject, runs it and compares its output
// with expected_output.txt, so packaging cannot break unseen.
#include <whosaid/whosaid.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace {

void print(const char* label, std::string_view s) {
    std::printf("%s%.*s\n", label, static_cast<int>(s.size()), s.data());
}

}  // namespace

int main() {
    // Built once: compiles its tables and patterns; immutable and thread-safe afterwards.
    const whosaid::extractor extractor{whosaid::extractor_options{}};

    constexpr std::string_view text =
        "MINSK, 23 November (BelTA) - Belarusian Minister of Foreign Affairs Sergei Aleinik met the press.\n\n"
        "\"We stated practically complete fulfillment of priorities,\" the minister said.";
    const auto doc = extractor.extract(text);  // result<document>: an error only for invalid UTF-8
    if (!doc) {
        std::fprintf(stderr, "%s\n", doc.error().message().c_str());
        return 1;
    }
    std::printf("whosaid %s: %zu sentences, %zu quotations\n", WHOSAID_VERSION_STRING, doc->sentences.size(),
                doc->quotations.size());
    for (const whosaid::quotation& q : doc->quotations) {
        print("kind: ", whosaid::to_string(q.kind));
        print("speaker: ", doc->speaker_name(text, q));
        if (q.cue) print("cue: ", whosaid::view_of(text, *q.cue));
        print("quote: ", whosaid::view_of(text, q.content));
    }

    // Invalid UTF-8 is an error value, never an exception or a crash.
    const auto bad = extractor.extract("caf\xE9");
    const std::string verdict = bad ? std::string("accepted") : bad.error().message();
    print("invalid input: ", verdict);
    return 0;
}
