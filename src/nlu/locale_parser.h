// LocaleParser: the understanding of one locale, built from the IntentModel: vocabulary,
// compiled templates, slot finders (list values, quantities, scores, dates) and the trained
// classifier. Parser (parser.h) holds one per locale.
//
// How one utterance is read (docs/NLU.md):
//   1. normalize; look every word up (and its nearest known word when it is unknown);
//   2. find every span that can fill a slot (list values, quantities, scores, dates/times);
//   3. classify the whole utterance (calibrated probabilities);
//   4. align exactly with every template that can start with the first word; an exact match
//      decides the intent (ties: the cheaper alignment, then the classifier);
//   5. otherwise align fuzzily with the templates of the classifier's best intents and weigh
//      the classifier's probability against the alignment cost; too little -> Fallback;
//   6. fill slots from the alignment, then from spans found elsewhere in the utterance.
//
// Thread safety: built once (Build), then Parse is const and safe from many threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "nlu/classifier.h"
#include "nlu/dates.h"
#include "nlu/grammar.h"
#include "nlu/intents.h"
#include "nlu/parser.h"
#include "nlu/phrase_matcher.h"
#include "nlu/quantities.h"

namespace chariot::nlu {

// What one parse found, for the evaluation and the tests (Parse() gives the Understanding).
struct ParseTrace {
  bool exact = false;
  std::string template_source;
  double alignment_cost = 0;
  double classifier_probability = 0;
};

class LocaleParser {
 public:
  static Result<std::unique_ptr<LocaleParser>> Build(const IntentModel& model,
                                                     const std::string& locale);

  Understanding Parse(std::string_view text, int64_t now_seconds,
                      ParseTrace* trace = nullptr) const;
  const std::string& locale() const { return locale_; }

 private:
  enum class Role { kList, kQuantity, kScore, kWhen, kText };
  struct TypeInfo {
    std::string name;
    Role role = Role::kText;
    PhraseMatcher matcher;           // kList
    std::vector<std::string> codes;  // kList: value index -> code
  };
  struct IntentInfo {
    std::string name;
    std::vector<SlotDef> slots;
    std::vector<int> slot_types;  // per slot
    std::vector<size_t> templates;
    bool has_free_text = false;
  };
  struct Payload {
    double number = 0;
    int code = -1;     // kList: value index
    std::string unit;  // kQuantity
    WhenMatch when;    // kWhen
  };
  struct Analysis;  // per-utterance working state

  LocaleParser() : classifier_(1) {}
  void FindSpans(Analysis& analysis, int64_t now_seconds) const;
  // The slot types recognised somewhere in the utterance, each once (classifier features).
  void SpanTags(const Analysis& analysis, std::vector<const std::string*>& tags) const;
  void LookUpWords(Analysis& analysis) const;
  void FillSlots(const Analysis& analysis, int intent, const Alignment* alignment,
                 Understanding& out) const;
  std::string ProductText(const Analysis& analysis, size_t begin, size_t end) const;
  bool HeuristicProduct(const Analysis& analysis, size_t& begin, size_t& end) const;
  void SetSlotFromPayload(const IntentInfo& intent, size_t slot, const Payload& payload,
                          Understanding& out) const;

  std::string locale_;
  Language language_ = Language::kFrench;
  Vocabulary vocabulary_;
  Grammar grammar_;
  std::vector<TypeInfo> types_;
  std::vector<IntentInfo> intents_;
  int fallback_ = -1;
  int part_of_day_type_ = -1;
  UnitLexicon units_;
  IntentClassifier classifier_;
};

}  // namespace chariot::nlu
