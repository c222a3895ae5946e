#include "nlu/phrase_matcher.h"

#include <algorithm>

namespace chariot::nlu {

PhraseMatcher::PhraseMatcher() : nodes_(1) {}

void PhraseMatcher::Add(const std::vector<std::string>& words, int value) {
  if (words.empty()) return;
  int node = 0;
  for (const std::string& word : words) {
    auto& children = nodes_[node].children;
    auto it = std::lower_bound(children.begin(), children.end(), word,
                               [](const auto& a, const std::string& w) { return a.first < w; });
    if (it != children.end() && it->first == word) {
      node = it->second;
      continue;
    }
    int created = static_cast<int>(nodes_.size());
    children.insert(it, {word, created});
    nodes_.emplace_back();
    node = created;
  }
  auto& values = nodes_[node].values;
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

int PhraseMatcher::Child(int node, const std::string& word) const {
  const auto& children = nodes_[node].children;
  auto it = std::lower_bound(children.begin(), children.end(), word,
                             [](const auto& a, const std::string& w) { return a.first < w; });
  return (it != children.end() && it->first == word) ? it->second : -1;
}

void PhraseMatcher::MatchAt(const std::vector<Token>& tokens, size_t begin,
                            std::vector<PhraseHit>& hits) const {
  int node = 0;
  for (size_t i = begin; i < tokens.size(); ++i) {
    node = Child(node, tokens[i].word);
    if (node < 0) return;
    for (int value : nodes_[node].values) hits.push_back({value, i + 1});
  }
}

bool PhraseMatcher::LongestAt(const std::vector<Token>& tokens, size_t begin,
                              PhraseHit& hit) const {
  int node = 0;
  bool found = false;
  for (size_t i = begin; i < tokens.size(); ++i) {
    node = Child(node, tokens[i].word);
    if (node < 0) break;
    if (!nodes_[node].values.empty()) {
      hit = {nodes_[node].values.front(), i + 1};
      found = true;
    }
  }
  return found;
}

}  // namespace chariot::nlu
