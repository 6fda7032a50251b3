// SPDX-License-Identifier: MIT
// IWYU pragma: begin_exports
#pragma once

/// \file
/// Umbrella header: the whole public API of whosaid. Including a component header instead
/// (`whosaid/utf8.hpp`, `whosaid/sentences.hpp`, …) is fine and compiles less.

#include "whosaid/version.hpp"
#include "whosaid/config.hpp"
#include "whosaid/span.hpp"
#include "whosaid/error.hpp"
#include "whosaid/utf8.hpp"
#include "whosaid/unicode.hpp"
#include "whosaid/language.hpp"
#include "whosaid/paragraphs.hpp"
#include "whosaid/sentences.hpp"
#include "whosaid/quotes.hpp"
#include "whosaid/attribution.hpp"
#include "whosaid/extractor.hpp"
// IWYU pragma: end_exports
