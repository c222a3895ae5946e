// Speech: builds what Chariot says as plain text and as SSML at once.
//
// Every string given to Say() is escaped for SSML, whether it comes from a prompt, the catalog or
// the customer's own words, so data can never inject markup. Markup is only produced by the
// dedicated methods (Pause, Telephone).
//
// Thread safety: a value; not shared between threads.
#pragma once

#include <string>
#include <string_view>

namespace chariot {

// Escapes & < > " ' for use inside SSML text or attribute values. Invalid UTF-8 bytes and
// control characters (other than tab and newline) are dropped.
std::string EscapeSsml(std::string_view text);

class Speech {
 public:
  // Appends a sentence or fragment; a space separates it from what came before.
  Speech& Say(std::string_view text);
  // A silence of the given milliseconds (clamped to 0..10000).
  Speech& Pause(int milliseconds);
  // A phone number read digit group by digit group ("0 800 47 33 33").
  Speech& Telephone(std::string_view number);
  // Appends another Speech.
  Speech& Append(const Speech& other);
  // Rebuilds a Speech from what Chariot itself rendered earlier (text() and the body of Ssml()
  // without <speak>), for "répète". Never call it with customer or catalog data.
  static Speech Restore(std::string text, std::string ssml_body);
  std::string SsmlBody() const { return ssml_body_; }

  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }
  // "<speak>...</speak>"
  std::string Ssml() const;

 private:
  void Separate();
  std::string text_;
  std::string ssml_body_;
};

}  // namespace chariot
