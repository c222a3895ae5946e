// Template grammar: the sentence patterns of intents/<locale>/<Intent>.json.
//
// Syntax (after home-assistant/intents' hassil):
//   words            plain words; accents, apostrophes and hyphens as written ("d'", "fais-moi")
//   (a|b c|d)        one of the alternatives; each alternative is a sequence
//   [a|b]            optional; [x] is (x|) ; alternatives allowed
//   {slot}           a slot of the intent, by its name (filled by a value of the slot's type)
//   <rule>           an expansion rule: the file's own "rules" first, then <locale>/rules.json
// Rules are inlined at parse time (a cycle or an unknown rule is an error).
//
// Thread safety: pure functions over values.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace chariot::nlu {

struct TemplateNode {
  enum class Kind { kSequence, kAlternative, kOptional, kWord, kSlot };
  Kind kind = Kind::kSequence;
  std::string text;                    // kWord: the word as written; kSlot: the slot name
  std::vector<TemplateNode> children;  // kSequence: items; kAlternative/kOptional: sequences
};

// Looks rules up by name; nullptr when unknown.
using RuleLookup = std::map<std::string, std::string>;

// Parses one template. `rules` are tried in order (file rules, then locale rules). Fails with
// InvalidArgument naming the problem (unbalanced bracket, unknown rule, rule cycle, too deep).
Result<TemplateNode> ParseTemplate(std::string_view text,
                                   const std::vector<const RuleLookup*>& rules);

// The slot names a parsed template mentions, each once, in order of first appearance.
std::vector<std::string> TemplateSlots(const TemplateNode& node);

// How many distinct sentences the template can produce (saturates at `cap`).
uint64_t CountExpansions(const TemplateNode& node, uint64_t cap);

// Expands into at most max_count sentences: every one when the template has that few, otherwise
// a deterministic pseudo-random sample (seeded by `seed`) without duplicates. Slots appear as
// "{name}", or, when `fill` is given, as fill(slot name, choice counter).
using SlotFiller = std::string (*)(const std::string& slot, uint64_t counter, const void* context);
std::vector<std::string> ExpandTemplate(const TemplateNode& node, size_t max_count, uint64_t seed,
                                        SlotFiller fill = nullptr, const void* context = nullptr);

// Joins words the way they are written: no space after an elision apostrophe ("d'eau").
void AppendWord(std::string& sentence, std::string_view word);

}  // namespace chariot::nlu
