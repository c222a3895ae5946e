// ScoreReader: understands the spoken answer to the satisfaction question, in context.
//
// The question is known (its kind gives the scale), so a bare number is a score: "huit", "8",
// "dix sur dix", "je dirais sept", "bof, cinq", "8/10", "I'd say seven", "ten out of ten".
// Two candidates ("entre sept et huit", "sept ou huit", "huit et demi", "7.5") are kBetween: the
// flow asks which. A refusal ("non merci", "je préfère ne pas répondre", "no thanks") is
// kDeclined. Anything else, including a number outside the scale or a denominator that is not
// the scale's ("quatre sur cinq" to an NPS question), is kNotUnderstood: the flow asks again
// with the scale rather than guess.
//
// Works on fr-FR and en-US words at once (customers mix them; the locale only breaks no tie).
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "core/turn.h"
#include "feedback/survey_kind.h"

namespace chariot::feedback {

enum class AnswerKind { kScore, kBetween, kDeclined, kNotUnderstood };

struct ScoreAnswer {
  AnswerKind kind = AnswerKind::kNotUnderstood;
  int score = 0;  // for kScore
  int low = 0;    // for kBetween: low < high, both on the scale
  int high = 0;
};

// Reads free text.
ScoreAnswer ReadScore(std::string_view text, SurveyKind kind);

// Reads a turn: the words when there are any; otherwise (or when the words say nothing) what a
// platform already understood: GiveRating{score}, Yes/No (goal question), No/Cancel/Stop/Done
// (declined).
ScoreAnswer ReadAnswer(std::string_view text, std::string_view intent, const Slots& slots,
                       SurveyKind kind);

// Normalises text for matching: lower case, French accents removed, punctuation to spaces,
// "/" to " sur ", single spaces. Exposed for the follow-up's "nothing to add" check.
std::string NormaliseForMatching(std::string_view text);

}  // namespace chariot::feedback
