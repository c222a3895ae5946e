// Matching the customer's words against the phrase lists of data/support (triage signals, "ça
// marche" / "toujours pas").
//
// Both sides are folded the same way: lower case, French accents removed, typographic apostrophes
// made straight, every other non-letter a space. A phrase matches when its words appear in a row
// on word boundaries ("prise" matches "près de la prise", not "surprise").
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chariot::support {

// "Ça SENT le Gaz !" -> " ca sent le gaz " (padded with one space on each side).
std::string FoldForMatching(std::string_view text);

// True when one of the phrases (written folded, without padding) appears in folded_text.
bool ContainsAnyPhrase(const std::string& folded_text, const std::vector<std::string>& phrases);

}  // namespace chariot::support
