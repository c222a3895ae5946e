#include "nlu/template.h"

#include <algorithm>
#include <random>
#include <set>

namespace chariot::nlu {
namespace {

constexpr int kMaxDepth = 24;

bool IsSpecial(char c) {
  return c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '<' ||
         c == '>' || c == '|';
}
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class TemplateParser {
 public:
  TemplateParser(const std::vector<const RuleLookup*>& rules, std::vector<std::string>& active)
      : rules_(rules), active_rules_(active) {}

  // alternatives := sequence ('|' sequence)*  — stops before `close` (or at the end).
  Status ParseAlternatives(std::string_view text, size_t& pos, char close, int depth,
                           std::vector<TemplateNode>& out) {
    if (depth > kMaxDepth) return Status::InvalidArgument("template nested too deeply");
    while (true) {
      TemplateNode sequence;
      Status status = ParseSequence(text, pos, close, depth, sequence);
      if (!status.ok()) return status;
      out.push_back(std::move(sequence));
      if (pos < text.size() && text[pos] == '|') {
        ++pos;
        continue;
      }
      return Status::Ok();
    }
  }

  Status ParseSequence(std::string_view text, size_t& pos, char close, int depth,
                       TemplateNode& sequence) {
    sequence.kind = TemplateNode::Kind::kSequence;
    while (pos < text.size()) {
      char c = text[pos];
      if (IsSpace(c)) {
        ++pos;
        continue;
      }
      if (c == '|') return Status::Ok();
      if (c == close) return Status::Ok();
      if (c == ')' || c == ']')
        return Status::InvalidArgument(std::string("unexpected '") + c + "'");
      if (c == '(' || c == '[') {
        char end = c == '(' ? ')' : ']';
        ++pos;
        TemplateNode group;
        group.kind = c == '(' ? TemplateNode::Kind::kAlternative : TemplateNode::Kind::kOptional;
        Status status = ParseAlternatives(text, pos, end, depth + 1, group.children);
        if (!status.ok()) return status;
        if (pos >= text.size() || text[pos] != end)
          return Status::InvalidArgument(std::string("missing '") + end + "'");
        ++pos;
        sequence.children.push_back(std::move(group));
        continue;
      }
      if (c == '{' || c == '<') {
        char end = c == '{' ? '}' : '>';
        size_t stop = text.find(end, pos + 1);
        if (stop == std::string_view::npos)
          return Status::InvalidArgument(std::string("missing '") + end + "'");
        std::string name(text.substr(pos + 1, stop - pos - 1));
        pos = stop + 1;
        if (name.empty() || name.find_first_of(" ()[]{}<>|") != std::string::npos)
          return Status::InvalidArgument("bad name '" + name + "'");
        if (c == '{') {
          TemplateNode slot;
          slot.kind = TemplateNode::Kind::kSlot;
          slot.text = name;
          sequence.children.push_back(std::move(slot));
          continue;
        }
        Status status = InlineRule(name, depth, sequence);
        if (!status.ok()) return status;
        continue;
      }
      if (c == '}' || c == '>')
        return Status::InvalidArgument(std::string("unexpected '") + c + "'");
      size_t start = pos;
      while (pos < text.size() && !IsSpace(text[pos]) && !IsSpecial(text[pos])) ++pos;
      TemplateNode word;
      word.kind = TemplateNode::Kind::kWord;
      word.text = std::string(text.substr(start, pos - start));
      sequence.children.push_back(std::move(word));
    }
    return Status::Ok();
  }

 private:
  Status InlineRule(const std::string& name, int depth, TemplateNode& sequence) {
    const std::string* body = nullptr;
    for (const RuleLookup* rules : rules_) {
      if (rules == nullptr) continue;
      auto it = rules->find(name);
      if (it != rules->end()) {
        body = &it->second;
        break;
      }
    }
    if (body == nullptr) return Status::InvalidArgument("unknown rule <" + name + ">");
    if (std::find(active_rules_.begin(), active_rules_.end(), name) != active_rules_.end())
      return Status::InvalidArgument("rule <" + name + "> refers to itself");
    active_rules_.push_back(name);
    size_t pos = 0;
    TemplateNode group;
    group.kind = TemplateNode::Kind::kAlternative;
    Status status = ParseAlternatives(*body, pos, '\0', depth + 1, group.children);
    active_rules_.pop_back();
    if (!status.ok()) return Status::InvalidArgument("in rule <" + name + ">: " + status.message());
    if (pos != body->size())
      return Status::InvalidArgument("in rule <" + name + ">: unexpected '" +
                                     std::string(1, (*body)[pos]) + "'");
    sequence.children.push_back(std::move(group));
    return Status::Ok();
  }

  const std::vector<const RuleLookup*>& rules_;
  std::vector<std::string>& active_rules_;
};

void CollectSlots(const TemplateNode& node, std::vector<std::string>& out) {
  if (node.kind == TemplateNode::Kind::kSlot) {
    if (std::find(out.begin(), out.end(), node.text) == out.end()) out.push_back(node.text);
    return;
  }
  for (const TemplateNode& child : node.children) CollectSlots(child, out);
}

struct Expander {
  SlotFiller fill;
  const void* context;
  uint64_t slot_counter = 0;

  void AppendSlot(std::string& sentence, const std::string& name) {
    if (fill != nullptr) {
      AppendWord(sentence, fill(name, slot_counter++, context));
    } else {
      AppendWord(sentence, "{" + name + "}");
    }
  }

  // Every expansion of node appended to each prefix.
  std::vector<std::string> All(const TemplateNode& node, const std::vector<std::string>& prefixes) {
    switch (node.kind) {
      case TemplateNode::Kind::kWord: {
        std::vector<std::string> out = prefixes;
        for (std::string& s : out) AppendWord(s, node.text);
        return out;
      }
      case TemplateNode::Kind::kSlot: {
        std::vector<std::string> out = prefixes;
        for (std::string& s : out) AppendSlot(s, node.text);
        return out;
      }
      case TemplateNode::Kind::kSequence: {
        std::vector<std::string> out = prefixes;
        for (const TemplateNode& child : node.children) out = All(child, out);
        return out;
      }
      case TemplateNode::Kind::kAlternative:
      case TemplateNode::Kind::kOptional: {
        std::vector<std::string> out;
        if (node.kind == TemplateNode::Kind::kOptional) out = prefixes;
        for (const TemplateNode& child : node.children) {
          std::vector<std::string> part = All(child, prefixes);
          out.insert(out.end(), part.begin(), part.end());
        }
        return out;
      }
    }
    return prefixes;
  }

  // One expansion chosen at random, alternatives weighted by how many sentences they hold so
  // that every sentence is about equally likely.
  void Sample(const TemplateNode& node, std::mt19937_64& rng, std::string& out) {
    switch (node.kind) {
      case TemplateNode::Kind::kWord:
        AppendWord(out, node.text);
        return;
      case TemplateNode::Kind::kSlot:
        AppendSlot(out, node.text);
        return;
      case TemplateNode::Kind::kSequence:
        for (const TemplateNode& child : node.children) Sample(child, rng, out);
        return;
      case TemplateNode::Kind::kAlternative:
      case TemplateNode::Kind::kOptional: {
        std::vector<double> weights;
        if (node.kind == TemplateNode::Kind::kOptional) weights.push_back(1.0);
        for (const TemplateNode& child : node.children)
          weights.push_back(static_cast<double>(CountExpansions(child, 1u << 20)));
        std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
        size_t choice = pick(rng);
        if (node.kind == TemplateNode::Kind::kOptional) {
          if (choice == 0) return;
          --choice;
        }
        Sample(node.children[choice], rng, out);
        return;
      }
    }
  }
};

}  // namespace

Result<TemplateNode> ParseTemplate(std::string_view text,
                                   const std::vector<const RuleLookup*>& rules) {
  std::vector<std::string> active;
  TemplateParser parser(rules, active);
  size_t pos = 0;
  TemplateNode root;
  root.kind = TemplateNode::Kind::kAlternative;
  Status status = parser.ParseAlternatives(text, pos, '\0', 0, root.children);
  if (!status.ok()) return status;
  if (pos != text.size())
    return Status::InvalidArgument("unexpected '" + std::string(1, text[pos]) + "'");
  if (root.children.size() == 1) return std::move(root.children[0]);
  return root;
}

std::vector<std::string> TemplateSlots(const TemplateNode& node) {
  std::vector<std::string> out;
  CollectSlots(node, out);
  return out;
}

uint64_t CountExpansions(const TemplateNode& node, uint64_t cap) {
  switch (node.kind) {
    case TemplateNode::Kind::kWord:
    case TemplateNode::Kind::kSlot:
      return 1;
    case TemplateNode::Kind::kSequence: {
      uint64_t total = 1;
      for (const TemplateNode& child : node.children) {
        uint64_t n = CountExpansions(child, cap);
        if (n != 0 && total > cap / n) return cap;
        total *= n;
      }
      return std::min(total, cap);
    }
    case TemplateNode::Kind::kAlternative:
    case TemplateNode::Kind::kOptional: {
      uint64_t total = node.kind == TemplateNode::Kind::kOptional ? 1 : 0;
      for (const TemplateNode& child : node.children) {
        total += CountExpansions(child, cap);
        if (total >= cap) return cap;
      }
      return total;
    }
  }
  return 1;
}

std::vector<std::string> ExpandTemplate(const TemplateNode& node, size_t max_count, uint64_t seed,
                                        SlotFiller fill, const void* context) {
  Expander expander{fill, context};
  if (max_count == 0) return {};
  if (CountExpansions(node, max_count + 1) <= max_count) {
    std::vector<std::string> all = expander.All(node, {std::string()});
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (std::string& s : all)
      if (seen.insert(s).second) out.push_back(std::move(s));
    return out;
  }
  std::mt19937_64 rng(seed);
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (size_t attempt = 0; attempt < max_count * 8 && out.size() < max_count; ++attempt) {
    std::string sentence;
    expander.Sample(node, rng, sentence);
    if (seen.insert(sentence).second) out.push_back(std::move(sentence));
  }
  return out;
}

void AppendWord(std::string& sentence, std::string_view word) {
  if (word.empty()) return;
  bool elided =
      !sentence.empty() &&
      (sentence.back() == '\'' ||
       (sentence.size() >= 3 && sentence.compare(sentence.size() - 3, 3, "\xE2\x80\x99") == 0));
  if (!sentence.empty() && !elided) sentence.push_back(' ');
  sentence.append(word);
}

}  // namespace chariot::nlu
