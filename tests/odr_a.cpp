// SPDX-License-Identifier: MIT
// With odr_b.cpp: the umbrella header in two translation units of one program. A function
// defined in a header without `inline` makes this test fail to link.
#include <whosaid/whosaid.hpp>

int odr_a_value();
int odr_a_value() { return static_cast<int>(whosaid::utf8::find_invalid("a\xFF")); }
