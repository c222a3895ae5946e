// Validator: the checks that keep intents/ consistent, run by the tests (validator_test.cpp).
//
// Reports, one sentence each: a file that does not load (unknown intent or slot, bad template:
// see LoadIntentModel); an intent without templates or without test sentences in a locale; a
// list slot type without values, or a text slot type without samples, in a locale; a test
// sentence expecting a slot value that is not a code of its type; a prompt key present in one
// locale's intents/<locale>/prompts/*.json and missing from another's.
//
// Thread safety: pure function (reads files).
#pragma once

#include <string>
#include <vector>

namespace chariot::nlu {

// Every problem found in intents_dir; empty when all is well.
std::vector<std::string> ValidateIntents(const std::string& intents_dir);

}  // namespace chariot::nlu
