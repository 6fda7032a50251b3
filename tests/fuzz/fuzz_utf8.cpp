// SPDX-License-Identifier: MIT
// libFuzzer target: the UTF-8 layer and paragraph splitting on arbitrary bytes.
// Invariants: validation agrees with forward decoding; backward decoding agrees with forward
// decoding at every boundary; sanitize() yields valid UTF-8; paragraphs are ordered, trimmed
// spans inside the input.
#include <whosaid/paragraphs.hpp>
#include <whosaid/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace utf8 = whosaid::utf8;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    std::size_t first_bad = utf8::npos;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const utf8::codepoint cp = utf8::decode(text, i);
        if (cp.length < 1 || cp.length > 4 || i + cp.length > text.size()) __builtin_trap();
        if (!cp.valid && first_bad == utf8::npos) first_bad = i;
        const utf8::codepoint back = utf8::decode_before(text, i + cp.length);
        if (back.value != cp.value || back.length != cp.length || back.valid != cp.valid) __builtin_trap();
        i += cp.length;
        ++count;
    }
    if (utf8::find_invalid(text) != first_bad) __builtin_trap();
    if (utf8::codepoint_offset(text, text.size()) != count) __builtin_trap();
    if (!utf8::is_valid(utf8::sanitize(text))) __builtin_trap();

    std::size_t last_end = 0;
    whosaid::for_each_paragraph(text, [&](whosaid::text_span p) {
        if (p.begin < last_end || p.end <= p.begin || p.end > text.size()) __builtin_trap();
        last_end = p.end;
    });
    return 0;
}
