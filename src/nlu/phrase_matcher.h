// PhraseMatcher: finds known phrases (slot synonyms, units) in normalized words: a trie over
// folded words, built once, read by many threads.
#pragma once

#include <string>
#include <vector>

#include "nlu/text.h"

namespace chariot::nlu {

struct PhraseHit {
  int value = 0;   // what Add() was given
  size_t end = 0;  // one past the phrase's last word
};

class PhraseMatcher {
 public:
  PhraseMatcher();
  // Adds a phrase already folded into words. Empty phrases are ignored.
  void Add(const std::vector<std::string>& words, int value);
  // Every phrase starting at tokens[begin], shortest first. Appends to hits.
  void MatchAt(const std::vector<Token>& tokens, size_t begin, std::vector<PhraseHit>& hits) const;
  // The longest phrase starting at tokens[begin], or false.
  bool LongestAt(const std::vector<Token>& tokens, size_t begin, PhraseHit& hit) const;
  bool empty() const { return nodes_.size() <= 1; }

 private:
  struct Node {
    std::vector<std::pair<std::string, int>> children;  // sorted by word
    std::vector<int> values;
  };
  int Child(int node, const std::string& word) const;
  std::vector<Node> nodes_;
};

}  // namespace chariot::nlu
