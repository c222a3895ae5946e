// Grammar: the templates of one locale compiled into small graphs, and the aligner that reads an
// utterance against them.
//
// Each template becomes a directed acyclic graph of states numbered in topological order (edges
// only go forward), whose edges read a word, read a slot (a span found by the entity finders,
// or free words for a text slot such as the product), or read nothing. Alignment is a dynamic
// programme over (words read, state): exact mode only follows the graph; fuzzy mode also lets
// the utterance have extra words (insertion), the template lose words (deletion) and a word be
// one typo away, each at a cost, so unseen phrasings still find the nearest template.
//
// Thread safety: built once; Align() is const and keeps its scratch space per thread.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "nlu/template.h"
#include "nlu/text.h"

namespace chariot::nlu {

// A piece of the utterance that can fill a slot: found once per utterance, before alignment.
struct Span {
  int slot_type = -1;  // index of the slot type (Grammar's numbering, see Vocabulary)
  uint16_t begin = 0;
  uint16_t end = 0;
  int payload = -1;  // index into the caller's table of values for this span
};

// Words known to a locale: template words, slot synonyms.
class Vocabulary {
 public:
  int Intern(const std::string& word);      // adds when missing
  int Find(const std::string& word) const;  // -1 when unknown
  const std::string& Word(int id) const { return words_[id]; }
  size_t size() const { return words_.size(); }
  // Prepares the typo index; call after the last Intern.
  void BuildTypoIndex();
  // A known word one edit (insertion, deletion, substitution, transposition) away, or -1.
  int FindNear(const std::string& word) const;

 private:
  std::vector<std::string> words_;
  std::unordered_map<std::string, int> ids_;
  std::unordered_map<std::string, std::vector<int>> deletions_;
};

struct SlotRef {
  int slot = -1;       // index in the intent's slot list
  int slot_type = -1;  // the slot's type index
  bool free_text = false;
};

struct CompiledTemplate {
  struct Edge {
    enum class Kind : uint8_t { kEmpty, kWord, kSlot };
    Kind kind = Kind::kEmpty;
    int label = 0;  // word id, or index into `slots`
    int to = 0;
    float skip_cost = 1.0f;  // fuzzy mode: the cost of leaving this word out
  };
  int intent = -1;
  std::string source;
  std::vector<std::vector<Edge>> out;  // per state; state 0 starts, the last state accepts
  std::vector<SlotRef> slots;
};

// Where a slot was read in an alignment.
struct SlotFill {
  int slot = -1;       // index in the intent's slot list
  uint16_t begin = 0;  // word span
  uint16_t end = 0;
  int span = -1;  // index into the spans given to Align (-1 for free text)
};

struct Alignment {
  double cost = 1e9;
  int template_index = -1;
  std::vector<SlotFill> fills;
};

struct AlignOptions {
  bool fuzzy = false;
  double bound = 0.75;  // alignments costing more are dropped
};

class Grammar {
 public:
  // Compiles node (a parsed template of intent) into the grammar. slot_types maps the
  // template's slot names to (slot index in the intent, slot type index, free text?).
  void Add(int intent, const std::string& source, const TemplateNode& node,
           const std::vector<std::pair<std::string, SlotRef>>& slot_refs, Vocabulary& vocabulary,
           Language language);

  // The best alignment of tokens with template t. spans_at[i] lists the spans starting at word
  // i (indices into spans). known[i] tells whether word i is a vocabulary word.
  Alignment Align(size_t t, const std::vector<Token>& tokens, const std::vector<Span>& spans,
                  const std::vector<std::vector<int>>& spans_at, const AlignOptions& options) const;

  size_t size() const { return templates_.size(); }
  const CompiledTemplate& at(size_t t) const { return templates_[t]; }
  // Could template t read tokens[0] first (exactly)? A cheap filter before exact alignment.
  bool CanStartWith(size_t t, const std::vector<Token>& tokens, const std::vector<Span>& spans,
                    const std::vector<std::vector<int>>& spans_at) const;

 private:
  std::vector<CompiledTemplate> templates_;
  // Per template: word ids that can come first, and whether a slot can come first.
  std::vector<std::vector<int>> first_words_;
  std::vector<bool> first_slot_;
};

}  // namespace chariot::nlu
