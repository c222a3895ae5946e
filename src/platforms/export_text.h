// Helpers shared by the model exports (Alexa interaction model, Dialogflow agent).
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace chariot::platforms {

// A UUID-shaped id derived from text (SHA-256), so an export is the same every time it runs.
std::string StableUuid(std::string_view text);

// Splits "ajoute {quantity} {unit} de {product}" into text and slot pieces; calls
// on_text(text) and on_slot(name) in order.
template <typename OnText, typename OnSlot>
void ForEachPiece(std::string_view sample, OnText on_text, OnSlot on_slot) {
  size_t position = 0;
  while (position < sample.size()) {
    size_t open = sample.find('{', position);
    size_t close = open == std::string_view::npos ? open : sample.find('}', open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      on_text(sample.substr(position));
      return;
    }
    if (open > position) on_text(sample.substr(position, open - position));
    on_slot(sample.substr(open + 1, close - open - 1));
    position = close + 1;
  }
}

}  // namespace chariot::platforms
