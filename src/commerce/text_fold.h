// Folding of product words for search: lower case, no accents or ligatures, punctuation to
// spaces, and each word reduced to a crude French/English singular masculine stem so that
// "Yaourts nature", "yaourt natures" and "YAOURT NATURE" meet, as do "entière" and "entier".
//
// Stored in products.search_text at seeding and applied to what the customer says, so both sides
// are folded the same way; no custom FTS5 tokenizer is needed.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chariot::commerce {

// Lower case ASCII letters and digits, words separated by one space, accents removed
// ("Œufs frais" -> "oeufs frais").
std::string FoldAccents(std::string_view text);
// The words of FoldAccents(text), each stemmed, without stop words ("de", "la", "the"...).
std::vector<std::string> SearchWords(std::string_view text);
// SearchWords joined by spaces.
std::string SearchText(std::string_view text);

}  // namespace chariot::commerce
