#include "nlu/classifier.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace chariot::nlu {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t Mix(uint64_t hash, unsigned char byte) { return (hash ^ byte) * kFnvPrime; }

uint64_t HashBytes(uint64_t seed, const char* data, size_t size) {
  uint64_t hash = kFnvOffset ^ seed;
  for (size_t i = 0; i < size; ++i) hash = Mix(hash, static_cast<unsigned char>(data[i]));
  return hash;
}

// Digits say "a number", not which one.
const std::string& Shape(const Token& token) {
  static const std::string kNumber = "#";
  return IsDigitWord(token.word) ? kNumber : token.word;
}

void Softmax(float* scores, int n) {
  float top = *std::max_element(scores, scores + n);
  float total = 0;
  for (int k = 0; k < n; ++k) {
    scores[k] = std::exp(scores[k] - top);
    total += scores[k];
  }
  for (int k = 0; k < n; ++k) scores[k] /= total;
}

}  // namespace

IntentClassifier::IntentClassifier(int classes, int hash_bits)
    : classes_(classes),
      mask_((1u << hash_bits) - 1),
      weights_(static_cast<size_t>(1u << hash_bits) * classes, 0.0f),
      bias_(classes, 0.0f) {}

void IntentClassifier::Features(const std::vector<Token>& tokens,
                                const std::vector<const std::string*>& tags,
                                std::vector<uint32_t>& out) const {
  out.clear();
  for (const std::string* tag : tags)
    for (int copy = 0; copy < 3; ++copy)  // weighed like a few words
      out.push_back(static_cast<uint32_t>(HashBytes(7 + copy, tag->data(), tag->size())) & mask_);
  uint64_t previous = HashBytes(1, "^", 1);
  char padded[40];
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& word = Shape(tokens[i]);
    uint64_t unigram = HashBytes(2, word.data(), word.size());
    out.push_back(static_cast<uint32_t>(unigram) & mask_);
    out.push_back(static_cast<uint32_t>((previous * 31) ^ unigram) & mask_);
    previous = unigram;
    // Character 3- and 4-grams of " word ", for typos and inflections.
    size_t length = std::min<size_t>(word.size(), sizeof padded - 2);
    padded[0] = ' ';
    for (size_t k = 0; k < length; ++k) padded[k + 1] = word[k];
    padded[length + 1] = ' ';
    size_t total = length + 2;
    if (length < 3) continue;  // short words are covered by the unigram
    for (size_t n = 3; n <= 4; ++n)
      for (size_t k = 0; k + n <= total; ++k)
        out.push_back(static_cast<uint32_t>(HashBytes(n, padded + k, n)) & mask_);
  }
  uint64_t end = HashBytes(1, "$", 1);
  out.push_back(static_cast<uint32_t>((previous * 31) ^ end) & mask_);
  if (tokens.size() <= 2) out.push_back(static_cast<uint32_t>(HashBytes(5, "short", 5)) & mask_);
}

void IntentClassifier::Scores(const std::vector<uint32_t>& features, float* scores) const {
  for (int k = 0; k < classes_; ++k) scores[k] = bias_[k];
  if (features.empty()) return;
  const float scale = 1.0f / std::sqrt(static_cast<float>(features.size()));
  for (uint32_t f : features) {
    const float* row = &weights_[static_cast<size_t>(f) * classes_];
    for (int k = 0; k < classes_; ++k) scores[k] += row[k] * scale;
  }
}

void IntentClassifier::Epoch(const std::vector<const Example*>& order, float rate) {
  std::vector<float> p(classes_);
  for (const Example* example : order) {
    Scores(example->features, p.data());
    Softmax(p.data(), classes_);
    p[example->label] -= 1.0f;  // gradient of the cross-entropy
    if (example->features.empty()) continue;
    const float scale = rate / std::sqrt(static_cast<float>(example->features.size()));
    for (int k = 0; k < classes_; ++k) bias_[k] -= rate * 0.1f * p[k];
    for (uint32_t f : example->features) {
      float* row = &weights_[static_cast<size_t>(f) * classes_];
      for (int k = 0; k < classes_; ++k) row[k] -= scale * p[k];
    }
  }
}

void IntentClassifier::Train(const std::vector<Example>& train,
                             const std::vector<Example>& held_out, int epochs, int extra_epochs,
                             uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<const Example*> order;
  for (const Example& e : train) order.push_back(&e);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    Epoch(order, 0.5f / (1.0f + epoch * 0.5f));
  }
  if (!held_out.empty()) {
    // Temperature: the one (on a grid) that minimises the negative log-likelihood of sentences
    // the model has not seen.
    std::vector<std::vector<float>> raw;
    for (const Example& e : held_out) {
      std::vector<float> s(classes_);
      Scores(e.features, s.data());
      raw.push_back(std::move(s));
    }
    double best_loss = 1e300;
    for (double t = 0.3; t <= 4.0; t += 0.1) {
      double loss = 0;
      for (size_t i = 0; i < held_out.size(); ++i) {
        std::vector<float> s = raw[i];
        for (float& v : s) v = static_cast<float>(v / t);
        Softmax(s.data(), classes_);
        loss -= std::log(std::max(1e-9f, s[held_out[i].label]));
      }
      if (loss < best_loss) {
        best_loss = loss;
        temperature_ = t;
      }
    }
    for (const Example& e : held_out) order.push_back(&e);
  }
  for (int epoch = 0; epoch < extra_epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    Epoch(order, 0.2f / (1.0f + epoch));
  }
}

void IntentClassifier::Predict(const std::vector<uint32_t>& features,
                               std::vector<float>& probabilities) const {
  probabilities.resize(classes_);
  Scores(features, probabilities.data());
  const float inverse = static_cast<float>(1.0 / temperature_);
  for (float& v : probabilities) v *= inverse;
  Softmax(probabilities.data(), classes_);
}

}  // namespace chariot::nlu
