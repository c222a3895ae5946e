#include "nlu/locale_parser.h"

#include <algorithm>
#include <cmath>

#include "nlu/dates.h"
#include "nlu/numbers.h"

namespace chariot::nlu {
namespace {

// How many filled expansions each intent contributes to the classifier's training, and the
// least each intent gets (small intents are repeated so that none is drowned).
constexpr size_t kExpansionsPerIntent = 160;
constexpr size_t kMinimumPerIntent = 60;

constexpr double kExactBound = 0.6;
constexpr double kFuzzyBound = 3.5;
constexpr int kFuzzyCandidates = 3;
constexpr double kCostWeight = 0.9;
constexpr double kMinimumConfidence = 0.35;

bool IsDeterminer(const std::string& word, Language language) {
  static const char* kFrench[] = {"du",    "de",    "des", "le",       "la",     "les",   "l",
                                  "un",    "une",   "d",   "mon",      "ma",     "mes",   "ce",
                                  "cet",   "cette", "ces", "quelques", "encore", "aussi", "plus",
                                  "votre", "vos",   "ton", "tes",      "ta"};
  static const char* kEnglish[] = {"the",  "some",  "a",     "an",   "of",
                                   "my",   "more",  "any",   "your", "this",
                                   "that", "these", "those", "also", "another"};
  if (language == Language::kFrench) {
    for (const char* d : kFrench)
      if (word == d) return true;
  } else {
    for (const char* d : kEnglish)
      if (word == d) return true;
  }
  return false;
}

bool IsTrailingJunk(const std::string& word, Language language) {
  static const char* kFrench[] = {"aussi", "encore", "stp",  "svp", "merci", "et",
                                  "de",    "du",     "des",  "la",  "le",    "les",
                                  "a",     "en",     "pour", "sur", "dans"};
  static const char* kEnglish[] = {"too", "also", "as", "well", "and",    "of",    "the",
                                   "to",  "on",   "in", "for",  "please", "thanks"};
  if (language == Language::kFrench) {
    for (const char* d : kFrench)
      if (word == d) return true;
  } else {
    for (const char* d : kEnglish)
      if (word == d) return true;
  }
  return false;
}

// Free text must hold a word: a single letter or a number alone is not a product.
bool FreeTextHasWord(const std::vector<Token>& tokens, const Alignment& alignment) {
  for (const SlotFill& fill : alignment.fills) {
    if (fill.span >= 0) continue;
    bool word = false;
    for (size_t k = fill.begin; k < fill.end && k < tokens.size(); ++k)
      word = word || (tokens[k].word.size() >= 2 && !IsDigitWord(tokens[k].word));
    if (!word) return false;
  }
  return true;
}

}  // namespace

struct LocaleParser::Analysis {
  NormalizedText text;
  std::vector<Span> spans;
  std::vector<std::vector<int>> spans_at;
  std::vector<Payload> payloads;
  std::vector<uint32_t> features;
  std::vector<const std::string*> tags;
  std::vector<float> probabilities;
};

Result<std::unique_ptr<LocaleParser>> LocaleParser::Build(const IntentModel& model,
                                                          const std::string& locale) {
  const LocaleModel* files = model.FindLocale(locale);
  if (files == nullptr) return Status::InvalidArgument("unknown locale " + locale);
  std::unique_ptr<LocaleParser> parser(new LocaleParser());
  parser->locale_ = locale;
  parser->language_ = LanguageOf(locale);
  const Language language = parser->language_;

  // Slot types and their finders.
  std::map<std::string, int> type_index;
  for (const auto& [name, type] : model.slot_types) {
    TypeInfo info;
    info.name = name;
    switch (type.kind) {
      case SlotKind::kText:
        info.role = Role::kText;
        break;
      case SlotKind::kNumber:
        info.role = (type.max && *type.max <= 10) ? Role::kScore : Role::kQuantity;
        break;
      case SlotKind::kDate:
      case SlotKind::kTime:
        info.role = Role::kWhen;
        break;
      case SlotKind::kList:
        info.role = Role::kList;
        break;
    }
    if (info.role == Role::kList) {
      auto values = files->values.find(name);
      if (values != files->values.end()) {
        for (size_t v = 0; v < values->second.size(); ++v) {
          const SlotValue& value = values->second[v];
          info.codes.push_back(value.id);
          std::vector<std::string> phrases = value.synonyms;
          phrases.push_back(value.name);
          for (const std::string& phrase : phrases) {
            std::vector<std::string> words = FoldWords(phrase, language);
            for (const std::string& w : words) parser->vocabulary_.Intern(w);
            info.matcher.Add(words, static_cast<int>(v));
          }
          if (name == "Unit") parser->units_.Add(value.id, phrases, language);
        }
      }
    }
    if (name == "PartOfDay") parser->part_of_day_type_ = static_cast<int>(parser->types_.size());
    type_index[name] = static_cast<int>(parser->types_.size());
    parser->types_.push_back(std::move(info));
  }

  // Intents and their templates.
  for (const IntentDef& def : model.intents) {
    IntentInfo info;
    info.name = def.name;
    info.slots = def.slots;
    for (const SlotDef& slot : def.slots) {
      info.slot_types.push_back(type_index.at(slot.type));
      if (model.FindSlotType(slot.type)->kind == SlotKind::kText) info.has_free_text = true;
    }
    if (def.name == "Fallback") parser->fallback_ = static_cast<int>(parser->intents_.size());
    parser->intents_.push_back(std::move(info));
  }
  for (size_t i = 0; i < parser->intents_.size(); ++i) {
    IntentInfo& info = parser->intents_[i];
    if (static_cast<int>(i) == parser->fallback_) continue;  // off-topic examples: classifier only
    auto templates = files->templates.find(info.name);
    if (templates == files->templates.end()) continue;
    std::vector<std::pair<std::string, SlotRef>> refs;
    for (size_t s = 0; s < info.slots.size(); ++s) {
      SlotRef ref;
      ref.slot = static_cast<int>(s);
      ref.slot_type = info.slot_types[s];
      ref.free_text = parser->types_[ref.slot_type].role == Role::kText;
      refs.push_back({info.slots[s].name, ref});
    }
    for (size_t t = 0; t < templates->second.parsed.size(); ++t) {
      info.templates.push_back(parser->grammar_.size());
      parser->grammar_.Add(static_cast<int>(i), templates->second.sources[t],
                           templates->second.parsed[t], refs, parser->vocabulary_, language);
    }
  }
  parser->vocabulary_.BuildTypoIndex();

  // The classifier, from filled expansions (train) and the test sentences (held out for the
  // temperature, then trained on too).
  parser->classifier_ = IntentClassifier(static_cast<int>(parser->intents_.size()));
  std::vector<IntentClassifier::Example> train;
  std::vector<IntentClassifier::Example> held_out;
  Analysis analysis;
  auto example = [&](const std::string& sentence, int label,
                     std::vector<IntentClassifier::Example>& out) {
    if (Normalize(sentence, language, analysis.text) != NormalizeResult::kOk) return;
    if (analysis.text.tokens.empty()) return;
    parser->LookUpWords(analysis);
    parser->FindSpans(analysis, kDefaultTestNow);
    parser->SpanTags(analysis, analysis.tags);
    IntentClassifier::Example e;
    e.label = label;
    parser->classifier_.Features(analysis.text.tokens, analysis.tags, e.features);
    out.push_back(std::move(e));
  };
  for (size_t i = 0; i < parser->intents_.size(); ++i) {
    const std::string& name = parser->intents_[i].name;
    std::vector<std::string> sentences =
        ExpandIntentFilled(model, locale, name, kExpansionsPerIntent);
    size_t first = train.size();
    for (const std::string& s : sentences) example(s, static_cast<int>(i), train);
    size_t made = train.size() - first;
    for (size_t k = 0; made > 0 && made + k < kMinimumPerIntent; ++k)
      train.push_back(train[first + k % made]);
    auto tests = files->tests.find(name);
    if (tests != files->tests.end())
      for (const TestSentence& t : tests->second) example(t.text, static_cast<int>(i), held_out);
  }
  parser->classifier_.Train(train, held_out, /*epochs=*/6, /*extra_epochs=*/3,
                            /*seed=*/0xC4A1107ull);
  return parser;
}

void LocaleParser::FindSpans(Analysis& a, int64_t now_seconds) const {
  std::vector<Token>& tokens = a.text.tokens;
  a.spans.clear();
  a.payloads.clear();
  a.spans_at.resize(tokens.size());
  for (auto& list : a.spans_at) list.clear();
  std::vector<PhraseHit> hits;
  auto add = [&a](int type, size_t begin, size_t end, int payload) {
    Span span;
    span.slot_type = type;
    span.begin = static_cast<uint16_t>(begin);
    span.end = static_cast<uint16_t>(end);
    span.payload = payload;
    a.spans_at[begin].push_back(static_cast<int>(a.spans.size()));
    a.spans.push_back(span);
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    bool numbers_done = false;
    std::optional<NumberMatch> number;
    bool when_done = false;
    std::optional<WhenMatch> when;
    int when_payload = -1;
    for (size_t type = 0; type < types_.size(); ++type) {
      const TypeInfo& info = types_[type];
      switch (info.role) {
        case Role::kList:
          hits.clear();
          info.matcher.MatchAt(tokens, i, hits);
          for (const PhraseHit& hit : hits) {
            Payload payload;
            payload.code = hit.value;
            a.payloads.push_back(payload);
            add(static_cast<int>(type), i, hit.end, static_cast<int>(a.payloads.size()) - 1);
          }
          break;
        case Role::kQuantity:
          for (const QuantityMatch& q : ParseQuantities(tokens, i, language_, units_)) {
            Payload payload;
            payload.number = q.value;
            payload.unit = q.unit;
            a.payloads.push_back(std::move(payload));
            add(static_cast<int>(type), i, q.end, static_cast<int>(a.payloads.size()) - 1);
          }
          break;
        case Role::kScore:
          if (!numbers_done) {
            number = ParseNumber(tokens, i, language_);
            numbers_done = true;
          }
          if (number && number->value >= 0 && number->value <= 10 &&
              number->value == std::floor(number->value)) {
            Payload payload;
            payload.number = number->value;
            a.payloads.push_back(payload);
            add(static_cast<int>(type), i, number->end, static_cast<int>(a.payloads.size()) - 1);
          }
          break;
        case Role::kWhen:
          if (!when_done) {
            when = ParseWhen(tokens, i, language_, now_seconds);
            when_done = true;
            if (when) {
              Payload payload;
              payload.when = *when;
              a.payloads.push_back(std::move(payload));
              when_payload = static_cast<int>(a.payloads.size()) - 1;
              for (size_t k = i; k < when->end; ++k) a.text.tokens[k].in_date = true;
              if (part_of_day_type_ >= 0 && !when->part_of_day.empty())
                add(part_of_day_type_, i, when->end, when_payload);
            }
          }
          if (when) add(static_cast<int>(type), i, when->end, when_payload);
          break;
        case Role::kText:
          break;
      }
    }
  }
}

void LocaleParser::LookUpWords(Analysis& a) const {
  for (Token& token : a.text.tokens) {
    token.id = vocabulary_.Find(token.word);
    token.fuzzy_id = token.id < 0 ? vocabulary_.FindNear(token.word) : -1;
    token.in_date = false;
  }
}

void LocaleParser::SpanTags(const Analysis& a, std::vector<const std::string*>& tags) const {
  tags.clear();
  for (const Span& span : a.spans) {
    const std::string* name = &types_[span.slot_type].name;
    if (std::find(tags.begin(), tags.end(), name) == tags.end()) tags.push_back(name);
  }
}

void LocaleParser::SetSlotFromPayload(const IntentInfo& intent, size_t slot, const Payload& payload,
                                      Understanding& out) const {
  const TypeInfo& type = types_[intent.slot_types[slot]];
  const std::string& name = intent.slots[slot].name;
  auto set_if_declared = [&intent, &out](const char* slot_name, const std::string& value) {
    if (value.empty()) return;
    for (const SlotDef& def : intent.slots)
      if (def.name == slot_name && out.slots.count(slot_name) == 0) out.slots[slot_name] = value;
  };
  if (payload.code >= 0 && type.role == Role::kList) {
    out.slots[name] = type.codes[payload.code];
    return;
  }
  switch (type.role) {
    case Role::kQuantity:
      out.slots[name] = FormatNumber(payload.number);
      set_if_declared("unit", payload.unit);
      break;
    case Role::kScore:
      out.slots[name] = FormatNumber(payload.number);
      break;
    case Role::kWhen:
    case Role::kList:  // a part of the day read by the date finder
      set_if_declared("date", payload.when.date);
      set_if_declared("time", payload.when.time);
      set_if_declared("part_of_day", payload.when.part_of_day);
      break;
    case Role::kText:
      break;
  }
}

std::string LocaleParser::ProductText(const Analysis& a, size_t begin, size_t end) const {
  const std::vector<Token>& tokens = a.text.tokens;
  while (begin + 1 < end && IsDeterminer(tokens[begin].word, language_)) ++begin;
  while (end > begin + 1 && IsTrailingJunk(tokens[end - 1].word, language_)) --end;
  if (begin >= end) return "";
  if (end - begin == 1 && IsDeterminer(tokens[begin].word, language_)) return "";
  return a.text.lower.substr(tokens[begin].begin, tokens[end - 1].end - tokens[begin].begin);
}

bool LocaleParser::HeuristicProduct(const Analysis& a, size_t& best_begin, size_t& best_end) const {
  // The longest run of words the grammar does not know (short known words such as "de" may
  // join two unknown ones: "pommes de terre"), outside numbers and units.
  const std::vector<Token>& tokens = a.text.tokens;
  std::vector<bool> covered(tokens.size(), false);
  for (const Span& span : a.spans) {
    const Role role = types_[span.slot_type].role;
    if (role == Role::kQuantity || types_[span.slot_type].name == "Unit")
      for (size_t k = span.begin; k < span.end; ++k) covered[k] = true;
  }
  size_t best_length = 0;
  for (size_t i = 0; i < tokens.size();) {
    if (covered[i] || tokens[i].id >= 0) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < tokens.size() && !covered[j]) {
      if (tokens[j].id < 0) {
        ++j;
        continue;
      }
      if (tokens[j].word.size() <= 3 && j + 1 < tokens.size() && tokens[j + 1].id < 0 &&
          !covered[j + 1]) {
        j += 2;
        continue;
      }
      break;
    }
    if (j - i > best_length) {
      best_length = j - i;
      best_begin = i;
      best_end = j;
    }
    i = j;
  }
  return best_length > 0;
}

void LocaleParser::FillSlots(const Analysis& a, int intent_index, const Alignment* alignment,
                             Understanding& out) const {
  const IntentInfo& intent = intents_[intent_index];
  if (intent.slots.empty()) return;
  std::vector<bool> used(a.text.tokens.size(), false);
  bool product_done = false;
  if (alignment != nullptr) {
    for (const SlotFill& fill : alignment->fills) {
      const TypeInfo& type = types_[intent.slot_types[fill.slot]];
      if (type.role == Role::kText) {
        // A product is made of words the grammar does not know; free text of known words
        // only is a misalignment (reordered phrasing), left to the heuristic below.
        bool any_unknown = false;
        for (size_t k = fill.begin; k < fill.end; ++k)
          any_unknown =
              any_unknown || (a.text.tokens[k].id < 0 && a.text.tokens[k].word.size() > 1);
        if (!any_unknown) continue;
        std::string product = ProductText(a, fill.begin, fill.end);
        if (!product.empty()) out.slots[intent.slots[fill.slot].name] = product;
        product_done = true;
      } else if (fill.span >= 0) {
        SetSlotFromPayload(intent, fill.slot, a.payloads[a.spans[fill.span].payload], out);
      }
      for (size_t k = fill.begin; k < fill.end && k < used.size(); ++k) used[k] = true;
    }
  }
  // Slots the alignment left empty: the first fitting span elsewhere in the utterance.
  for (size_t s = 0; s < intent.slots.size(); ++s) {
    const std::string& name = intent.slots[s].name;
    if (out.slots.count(name) != 0) continue;
    const TypeInfo& type = types_[intent.slot_types[s]];
    // A unit means something only after its number: the quantity span carries it.
    if (type.name == "Unit") continue;
    if (type.role == Role::kText) {
      if (product_done) continue;
      size_t begin = 0, end = 0;
      if (HeuristicProduct(a, begin, end)) {
        std::string product = ProductText(a, begin, end);
        if (!product.empty()) out.slots[name] = product;
      }
      continue;
    }
    // Longest span first, not overlapping what is already read.
    int best = -1;
    for (size_t k = 0; k < a.spans.size(); ++k) {
      const Span& span = a.spans[k];
      if (span.slot_type != intent.slot_types[s]) continue;
      bool overlaps = false;
      for (size_t w = span.begin; w < span.end; ++w) overlaps = overlaps || used[w];
      if (overlaps) continue;
      if (best < 0 || span.begin < a.spans[best].begin ||
          (span.begin == a.spans[best].begin && span.end > a.spans[best].end))
        best = static_cast<int>(k);
    }
    if (best >= 0) {
      SetSlotFromPayload(intent, s, a.payloads[a.spans[best].payload], out);
      for (size_t w = a.spans[best].begin; w < a.spans[best].end; ++w) used[w] = true;
    }
  }
}

Understanding LocaleParser::Parse(std::string_view text, int64_t now_seconds,
                                  ParseTrace* trace) const {
  thread_local Analysis a;
  Understanding out;
  out.intent = "Fallback";
  out.confidence = 0;
  if (Normalize(text, language_, a.text) != NormalizeResult::kOk || a.text.tokens.empty())
    return out;
  std::vector<Token>& tokens = a.text.tokens;
  LookUpWords(a);
  bool any_known = false;
  for (const Token& token : tokens) any_known = any_known || token.id >= 0 || token.fuzzy_id >= 0;
  FindSpans(a, now_seconds);
  SpanTags(a, a.tags);
  any_known = any_known || !a.spans.empty();
  classifier_.Features(tokens, a.tags, a.features);
  classifier_.Predict(a.features, a.probabilities);
  const std::vector<float>& p = a.probabilities;

  // Exact alignment against every template that can start here.
  Alignment best;
  AlignOptions exact;
  exact.fuzzy = false;
  exact.bound = kExactBound;
  for (size_t t = 0; t < grammar_.size(); ++t) {
    if (!grammar_.CanStartWith(t, tokens, a.spans, a.spans_at)) continue;
    Alignment candidate = grammar_.Align(t, tokens, a.spans, a.spans_at, exact);
    if (candidate.template_index < 0) continue;
    if (!FreeTextHasWord(tokens, candidate)) continue;
    bool better = candidate.cost < best.cost - 0.05;
    if (!better && best.template_index >= 0 && candidate.cost < best.cost + 0.05) {
      int ci = grammar_.at(candidate.template_index).intent;
      int bi = grammar_.at(best.template_index).intent;
      better = p[ci] > p[bi] || (ci == bi && candidate.cost < best.cost);
    }
    if (best.template_index < 0 || better) best = std::move(candidate);
  }
  if (best.template_index >= 0) {
    int intent = grammar_.at(best.template_index).intent;
    out.intent = intents_[intent].name;
    out.confidence = 0.9 + 0.1 * p[intent];
    FillSlots(a, intent, &best, out);
    if (trace != nullptr) {
      trace->exact = true;
      trace->template_source = grammar_.at(best.template_index).source;
      trace->alignment_cost = best.cost;
      trace->classifier_probability = p[intent];
    }
    return out;
  }

  // Fuzzy: the classifier's best intents, each weighed by how near its templates come.
  std::vector<int> order(p.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
  std::partial_sort(order.begin(), order.begin() + std::min<size_t>(kFuzzyCandidates, order.size()),
                    order.end(), [&p](int x, int y) { return p[x] > p[y]; });
  AlignOptions fuzzy;
  fuzzy.fuzzy = true;
  fuzzy.bound = kFuzzyBound;
  const double length_scale = std::max(1.0, tokens.size() / 5.0);
  int chosen = -1;
  double chosen_score = -1e300;
  double chosen_cost = 0;
  Alignment chosen_alignment;
  for (int rank = 0; rank < kFuzzyCandidates && rank < static_cast<int>(order.size()); ++rank) {
    int intent = order[rank];
    if (p[intent] < 0.05 && rank > 0) break;
    double cost = kFuzzyBound + 1;
    Alignment alignment;
    if (intent != fallback_) {
      for (size_t t : intents_[intent].templates) {
        Alignment candidate = grammar_.Align(t, tokens, a.spans, a.spans_at, fuzzy);
        if (candidate.template_index >= 0 && candidate.cost < alignment.cost &&
            FreeTextHasWord(tokens, candidate))
          alignment = std::move(candidate);
      }
      if (alignment.template_index >= 0) cost = alignment.cost;
    } else {
      cost = 0;  // off-topic has no templates to come near to
    }
    double normalized = cost / length_scale;
    double score = std::log(std::max(1e-6f, p[intent])) - kCostWeight * normalized;
    if (score > chosen_score) {
      chosen_score = score;
      chosen = intent;
      chosen_cost = normalized;
      chosen_alignment = std::move(alignment);
    }
  }
  double confidence = chosen < 0 ? 0 : p[chosen] * std::exp(-0.35 * chosen_cost);
  if (trace != nullptr) {
    trace->exact = false;
    trace->alignment_cost = chosen_cost;
    trace->classifier_probability = chosen < 0 ? 0 : p[chosen];
    if (chosen_alignment.template_index >= 0)
      trace->template_source = grammar_.at(chosen_alignment.template_index).source;
  }
  if (chosen < 0 || chosen == fallback_ || confidence < kMinimumConfidence || !any_known) {
    out.intent = "Fallback";
    out.confidence =
        fallback_ >= 0 ? std::max<double>(p[fallback_], 1.0 - confidence) : 1.0 - confidence;
    if (!any_known) out.confidence = std::max(out.confidence, 0.9);
    return out;
  }
  out.intent = intents_[chosen].name;
  out.confidence = confidence;
  FillSlots(a, chosen, chosen_alignment.template_index >= 0 ? &chosen_alignment : nullptr, out);
  return out;
}

}  // namespace chariot::nlu
