// Per-request bookkeeping shared by the server's hooks: when the request started and its id.
// One request is handled by one thread at a time, so thread-local state is enough.
#pragma once

#include <cstdint>
#include <string>

namespace chariot::http {

struct RequestTrace {
  int64_t started_micros = 0;
  std::string request_id;
};

RequestTrace& CurrentTrace();

}  // namespace chariot::http

namespace chariot::http {
// text as the inside of a JSON string (quotes, backslashes, controls escaped; bad UTF-8 replaced).
std::string EscapeForLog(const std::string& text);
}  // namespace chariot::http
