#include "nlu/grammar.h"

#include <algorithm>
#include <limits>

namespace chariot::nlu {
namespace {

constexpr size_t kMaxFreeTextWords = 8;
constexpr float kInfinity = std::numeric_limits<float>::infinity();

// Costs of the fuzzy alignment. Unknown words are cheaper to skip than words the grammar knows
// (those usually belong to another intent); short words (articles, "de") cheaper still.
constexpr float kTypoCost = 0.5f;
constexpr float kSkipSlotCost = 0.8f;
constexpr float kFreeTextUnknownWord = 0.02f;
constexpr float kFreeTextShortKnownWord = 0.25f;  // "de", "la", "à": inside "pommes de terre"
constexpr float kFreeTextKnownWord = 0.4f;
// In fuzzy mode a known word is dearer in free text than left out, so that the words around a
// product ("c'est quoi le prix de") are skipped rather than swallowed into it.
constexpr float kFuzzyFreeTextKnownWord = 1.1f;
constexpr float kSlotBonus = -0.01f;

float InsertionCost(const Token& token) {
  if (token.word.size() <= 2) return 0.5f;
  return token.id >= 0 ? 1.0f : 0.8f;
}

enum class Step : uint8_t { kNone, kEmpty, kWord, kTypo, kSlot, kInsert, kDelete, kSkipSlot };

struct Scratch {
  std::vector<float> cost;
  std::vector<int32_t> previous;
  std::vector<Step> step;
  std::vector<int32_t> info;  // slot index in the template
  std::vector<int32_t> span;  // span index for typed slots
  std::vector<uint8_t> row_active;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

int Vocabulary::Intern(const std::string& word) {
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  int id = static_cast<int>(words_.size());
  words_.push_back(word);
  ids_.emplace(word, id);
  return id;
}

int Vocabulary::Find(const std::string& word) const {
  auto it = ids_.find(word);
  return it == ids_.end() ? -1 : it->second;
}

void Vocabulary::BuildTypoIndex() {
  deletions_.clear();
  for (size_t id = 0; id < words_.size(); ++id) {
    const std::string& word = words_[id];
    if (word.size() < 4) continue;
    for (size_t k = 0; k < word.size(); ++k) {
      std::string deleted = word.substr(0, k) + word.substr(k + 1);
      auto& ids = deletions_[deleted];
      if (std::find(ids.begin(), ids.end(), static_cast<int>(id)) == ids.end())
        ids.push_back(static_cast<int>(id));
    }
  }
}

int Vocabulary::FindNear(const std::string& word) const {
  if (word.size() < 4 || word.size() > 24) return -1;
  // One letter missing from a known word: the word itself is a deletion of it.
  auto it = deletions_.find(word);
  if (it != deletions_.end() && !it->second.empty()) return it->second.front();
  std::string deleted;
  for (size_t k = 0; k < word.size(); ++k) {
    deleted.assign(word, 0, k);
    deleted.append(word, k + 1, std::string::npos);
    // One letter too many.
    int id = Find(deleted);
    if (id >= 0 && words_[id].size() >= 4) return id;
    // One letter wrong, or two swapped: both lose a letter to the same string.
    auto near = deletions_.find(deleted);
    if (near == deletions_.end()) continue;
    for (int candidate : near->second) {
      const std::string& known = words_[candidate];
      if (known.size() != word.size()) continue;
      int differences = 0;
      for (size_t c = 0; c < word.size(); ++c) differences += known[c] != word[c];
      bool swapped = differences == 2 && k + 1 < word.size() && known[k] == word[k + 1] &&
                     known[k + 1] == word[k];
      if (differences == 1 || swapped) return candidate;
    }
  }
  return -1;
}

namespace {

struct Builder {
  CompiledTemplate& compiled;
  const std::vector<std::pair<std::string, SlotRef>>& slot_refs;
  Vocabulary& vocabulary;
  Language language;
  std::string error;

  int NewState() {
    compiled.out.emplace_back();
    return static_cast<int>(compiled.out.size()) - 1;
  }
  void AddEdge(int from, CompiledTemplate::Edge::Kind kind, int label, int to, float skip = 1.0f) {
    compiled.out[from].push_back({kind, label, to, skip});
  }

  int Build(const TemplateNode& node, int from) {
    using Kind = CompiledTemplate::Edge::Kind;
    switch (node.kind) {
      case TemplateNode::Kind::kWord: {
        int current = from;
        for (const std::string& word : FoldWords(node.text, language)) {
          if (IsFiller(word, language)) continue;  // the parser drops it from utterances too
          int next = NewState();
          float skip = word.size() <= 2 ? 0.5f : 1.0f;
          AddEdge(current, Kind::kWord, vocabulary.Intern(word), next, skip);
          current = next;
        }
        return current;
      }
      case TemplateNode::Kind::kSlot: {
        int index = -1;
        for (size_t k = 0; k < compiled.slots.size(); ++k)
          if (slot_refs[k].first == node.text) index = static_cast<int>(k);
        if (index < 0) {
          for (size_t k = 0; k < slot_refs.size(); ++k)
            if (slot_refs[k].first == node.text) index = static_cast<int>(k);
        }
        if (index < 0) {
          error = "unknown slot {" + node.text + "}";
          return from;
        }
        int next = NewState();
        AddEdge(from, Kind::kSlot, index, next);
        return next;
      }
      case TemplateNode::Kind::kSequence: {
        int current = from;
        for (const TemplateNode& child : node.children) current = Build(child, current);
        return current;
      }
      case TemplateNode::Kind::kAlternative:
      case TemplateNode::Kind::kOptional: {
        std::vector<int> ends;
        for (const TemplateNode& child : node.children) ends.push_back(Build(child, from));
        int end = NewState();
        for (int e : ends) AddEdge(e, Kind::kEmpty, 0, end);
        if (node.kind == TemplateNode::Kind::kOptional) AddEdge(from, Kind::kEmpty, 0, end);
        return end;
      }
    }
    return from;
  }
};

}  // namespace

void Grammar::Add(int intent, const std::string& source, const TemplateNode& node,
                  const std::vector<std::pair<std::string, SlotRef>>& slot_refs,
                  Vocabulary& vocabulary, Language language) {
  CompiledTemplate compiled;
  compiled.intent = intent;
  compiled.source = source;
  for (const auto& [name, ref] : slot_refs) compiled.slots.push_back(ref);
  Builder builder{compiled, slot_refs, vocabulary, language, {}};
  int start = builder.NewState();
  int end = builder.Build(node, start);
  if (end != static_cast<int>(compiled.out.size()) - 1 || end == start) {
    int accept = builder.NewState();
    builder.AddEdge(end, CompiledTemplate::Edge::Kind::kEmpty, 0, accept);
  }
  // What can be read first: follow empty edges from the start.
  std::vector<int> first_words;
  bool first_slot = false;
  std::vector<bool> seen(compiled.out.size(), false);
  std::vector<int> stack = {0};
  while (!stack.empty()) {
    int s = stack.back();
    stack.pop_back();
    if (seen[s]) continue;
    seen[s] = true;
    for (const auto& edge : compiled.out[s]) {
      if (edge.kind == CompiledTemplate::Edge::Kind::kEmpty) stack.push_back(edge.to);
      if (edge.kind == CompiledTemplate::Edge::Kind::kWord) first_words.push_back(edge.label);
      if (edge.kind == CompiledTemplate::Edge::Kind::kSlot) first_slot = true;
    }
  }
  std::sort(first_words.begin(), first_words.end());
  first_words.erase(std::unique(first_words.begin(), first_words.end()), first_words.end());
  templates_.push_back(std::move(compiled));
  first_words_.push_back(std::move(first_words));
  first_slot_.push_back(first_slot);
}

bool Grammar::CanStartWith(size_t t, const std::vector<Token>& tokens, const std::vector<Span>&,
                           const std::vector<std::vector<int>>&) const {
  if (tokens.empty()) return false;
  if (first_slot_[t]) return true;
  return std::binary_search(first_words_[t].begin(), first_words_[t].end(), tokens[0].id);
}

Alignment Grammar::Align(size_t t, const std::vector<Token>& tokens, const std::vector<Span>& spans,
                         const std::vector<std::vector<int>>& spans_at,
                         const AlignOptions& options) const {
  using Kind = CompiledTemplate::Edge::Kind;
  const CompiledTemplate& g = templates_[t];
  const size_t n = tokens.size();
  const size_t states = g.out.size();
  const size_t cells = (n + 1) * states;
  Scratch& scratch = ThreadScratch();
  scratch.cost.assign(cells, kInfinity);
  if (scratch.previous.size() < cells) {
    scratch.previous.resize(cells);
    scratch.step.resize(cells);
    scratch.info.resize(cells);
    scratch.span.resize(cells);
  }
  const float bound = static_cast<float>(options.bound);
  auto relax = [&](size_t i, size_t s, float value, int32_t from, Step step, int32_t info,
                   int32_t span) {
    size_t cell = i * states + s;
    if (value < scratch.cost[cell] && value <= bound) {
      scratch.row_active[i] = 1;
      scratch.cost[cell] = value;
      scratch.previous[cell] = from;
      scratch.step[cell] = step;
      scratch.info[cell] = info;
      scratch.span[cell] = span;
    }
  };
  // Rows (words read) that hold at least one reachable state; exact alignments die after a
  // few words, and their later rows are skipped without a scan.
  scratch.row_active.assign(n + 1, 0);
  scratch.row_active[0] = 1;
  scratch.cost[0] = 0;
  scratch.step[0] = Step::kNone;
  for (size_t i = 0; i <= n; ++i) {
    if (!scratch.row_active[i]) continue;
    for (size_t s = 0; s < states; ++s) {
      const int32_t cell = static_cast<int32_t>(i * states + s);
      const float c = scratch.cost[cell];
      if (c == kInfinity) continue;
      if (options.fuzzy && i < n)
        relax(i + 1, s, c + InsertionCost(tokens[i]), cell, Step::kInsert, 0, -1);
      for (const auto& edge : g.out[s]) {
        switch (edge.kind) {
          case Kind::kEmpty:
            relax(i, edge.to, c, cell, Step::kEmpty, 0, -1);
            break;
          case Kind::kWord:
            if (i < n) {
              if (tokens[i].id == edge.label) {
                relax(i + 1, edge.to, c, cell, Step::kWord, 0, -1);
              } else if (options.fuzzy && tokens[i].fuzzy_id == edge.label) {
                relax(i + 1, edge.to, c + kTypoCost, cell, Step::kTypo, 0, -1);
              }
            }
            if (options.fuzzy) relax(i, edge.to, c + edge.skip_cost, cell, Step::kDelete, 0, -1);
            break;
          case Kind::kSlot: {
            const SlotRef& ref = g.slots[edge.label];
            if (ref.free_text) {
              float added = 0;
              for (size_t j = i; j < n && j < i + kMaxFreeTextWords; ++j) {
                // Free text is what the grammar does not know: words it knows, and dates, cost
                // more, so that "à ma liste" or "demain" is read by the template instead.
                const Token& token = tokens[j];
                if (token.id < 0 && !token.in_date) {
                  added += kFreeTextUnknownWord;
                } else if (token.word.size() <= 3) {
                  added += kFreeTextShortKnownWord;
                } else {
                  added += options.fuzzy ? kFuzzyFreeTextKnownWord : kFreeTextKnownWord;
                }
                if (c + added > bound) break;
                relax(j + 1, edge.to, c + added, cell, Step::kSlot, edge.label, -1);
              }
            } else if (i < n) {
              for (int index : spans_at[i]) {
                if (spans[index].slot_type != ref.slot_type) continue;
                relax(spans[index].end, edge.to, c + kSlotBonus, cell, Step::kSlot, edge.label,
                      index);
              }
            }
            if (options.fuzzy) relax(i, edge.to, c + kSkipSlotCost, cell, Step::kSkipSlot, 0, -1);
            break;
          }
        }
      }
    }
  }
  Alignment result;
  size_t accept = n * states + states - 1;
  if (scratch.cost[accept] == kInfinity) return result;
  result.cost = scratch.cost[accept];
  result.template_index = static_cast<int>(t);
  // Walk back to collect where each slot was read.
  int32_t cell = static_cast<int32_t>(accept);
  int guard = static_cast<int>(cells) + 1;
  while (cell != 0 && guard-- > 0) {
    int32_t from = scratch.previous[cell];
    if (scratch.step[cell] == Step::kSlot) {
      SlotFill fill;
      fill.slot = g.slots[scratch.info[cell]].slot;
      fill.begin = static_cast<uint16_t>(from / static_cast<int32_t>(states));
      fill.end = static_cast<uint16_t>(cell / static_cast<int32_t>(states));
      fill.span = scratch.span[cell];
      result.fills.push_back(fill);
    }
    cell = from;
  }
  std::reverse(result.fills.begin(), result.fills.end());
  return result;
}

}  // namespace chariot::nlu
