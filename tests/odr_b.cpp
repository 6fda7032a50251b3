// SPDX-License-Identifier: MIT
// See odr_a.cpp.
#include <whosaid/whosaid.hpp>

int odr_b_value();
int odr_b_value() { return static_cast<int>(whosaid::utf8::find_invalid("b\xFF")); }
