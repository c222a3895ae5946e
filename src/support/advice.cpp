#include "support/advice.h"

namespace chariot::support {

Result<std::vector<AdvicePiece>> RenderAdvice(const Knowledge& knowledge, const std::string& key,
                                              const std::string& locale,
                                              const AdviceVariables& variables) {
  const AdviceBlock* block = knowledge.Advice(key);
  if (block == nullptr) return Status::InvalidArgument("no advice named " + key);
  auto sentences = block->sentences.find(locale);
  if (sentences == block->sentences.end()) sentences = block->sentences.find(kLocaleFrench);
  if (sentences == block->sentences.end()) return std::vector<AdvicePiece>{};

  std::vector<AdvicePiece> pieces;
  auto add_text = [&](std::string text) {
    if (text.empty()) return;
    if (!pieces.empty() && pieces.back().kind == AdvicePiece::kText) {
      pieces.back().text += text;
    } else {
      pieces.push_back({AdvicePiece::kText, std::move(text)});
    }
  };
  for (const std::string& sentence : sentences->second) {
    if (!pieces.empty() && pieces.back().kind == AdvicePiece::kText) pieces.back().text += ' ';
    size_t at = 0;
    while (at < sentence.size()) {
      size_t open = sentence.find('{', at);
      if (open == std::string::npos) {
        add_text(sentence.substr(at));
        break;
      }
      size_t close = sentence.find('}', open);
      if (close == std::string::npos) return Status::InvalidArgument(key + ": unclosed {");
      add_text(sentence.substr(at, open - at));
      std::string name = sentence.substr(open + 1, close - open - 1);
      std::string number;
      if (name.rfind("number:", 0) == 0) {
        auto it = knowledge.numbers.find(name.substr(7));
        if (it == knowledge.numbers.end())
          return Status::InvalidArgument(key + ": unknown " + name);
        number = it->second.display;
      } else if (name == "outage_line") {
        if (!variables.outage_line) return Status::InvalidArgument(key + " needs the outage line");
        number = *variables.outage_line;
      } else if (name == "outage_prefix") {
        number = knowledge.enedis_prefix;
      } else {
        return Status::InvalidArgument(key + ": unknown placeholder " + name);
      }
      // Trailing space of the text before a number is the Speech's job, not ours.
      if (!pieces.empty() && pieces.back().kind == AdvicePiece::kText) {
        while (!pieces.back().text.empty() && pieces.back().text.back() == ' ')
          pieces.back().text.pop_back();
      }
      pieces.push_back({AdvicePiece::kTelephone, number});
      at = close + 1;
    }
  }
  for (auto& piece : pieces) {
    while (!piece.text.empty() && piece.text.front() == ' ') piece.text.erase(0, 1);
    while (!piece.text.empty() && piece.text.back() == ' ') piece.text.pop_back();
  }
  return pieces;
}

std::string AdviceText(const std::vector<AdvicePiece>& pieces) {
  std::string out;
  for (const auto& piece : pieces) {
    if (piece.text.empty()) continue;
    bool glue = piece.kind == AdvicePiece::kText && (piece.text[0] == '.' || piece.text[0] == ',');
    if (!out.empty() && !glue) out += ' ';
    out += piece.text;
  }
  return out;
}

}  // namespace chariot::support
