// IntentClassifier: a multinomial logistic regression over hashed word and character n-grams,
// trained at start from the template expansions and the test sentences of one locale.
//
// Why this model (docs/NLU.md): character 3- and 4-grams survive misspellings, missing accents
// and unseen inflections ("rajoutes", "commandé"); word unigrams and bigrams carry the phrasing.
// A linear model trains in tens of milliseconds on a few thousand sentences, predicts in a few
// microseconds (one row of weights added per feature), and its softmax, rescaled by a
// temperature fitted on held-out sentences, is a usable probability.
//
// Thread safety: Train once; Predict is const and safe from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nlu/text.h"

namespace chariot::nlu {

class IntentClassifier {
 public:
  struct Example {
    std::vector<uint32_t> features;  // from Features()
    int label = 0;
  };

  explicit IntentClassifier(int classes, int hash_bits = 16);

  // The feature buckets of an utterance (duplicates kept: counts matter). `tags` name what the
  // slot finders recognised ("Problem", "Date"...): a tag generalises over every synonym.
  void Features(const std::vector<Token>& tokens, const std::vector<const std::string*>& tags,
                std::vector<uint32_t>& out) const;

  // Trains on train for `epochs` passes (SGD, deterministic shuffle from seed), then fits the
  // softmax temperature on held_out (when not empty), then trains `extra_epochs` more passes on
  // train + held_out.
  void Train(const std::vector<Example>& train, const std::vector<Example>& held_out, int epochs,
             int extra_epochs, uint64_t seed);

  // Calibrated probabilities of every class (size classes()).
  void Predict(const std::vector<uint32_t>& features, std::vector<float>& probabilities) const;

  int classes() const { return classes_; }
  double temperature() const { return temperature_; }

 private:
  void Scores(const std::vector<uint32_t>& features, float* scores) const;
  void Epoch(const std::vector<const Example*>& order, float rate);

  int classes_;
  uint32_t mask_;
  std::vector<float> weights_;  // bucket-major: weights_[bucket * classes_ + class]
  std::vector<float> bias_;
  double temperature_ = 1.0;
};

}  // namespace chariot::nlu
