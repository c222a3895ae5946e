// Status and Result<T>: errors as values across layer boundaries.
//
// A Status is either OK or carries one code from a fixed set and a message meant for people
// (never an internal exception text). Library exceptions are caught at the edge of the layer
// that calls the library and converted once into a Status. The HTTP layer maps codes to status
// codes in one place (src/http/errors.cpp).
//
// Thread safety: values; safe to copy between threads.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace chariot {

enum class StatusCode {
  kOk,
  kInvalidArgument,  // the caller sent something malformed or out of range
  kUnauthenticated,  // no or wrong credentials
  kForbidden,        // credentials fine, but not for this resource
  kNotFound,         // the thing named does not exist (for this customer)
  kConflict,         // state does not allow it (slot full, order already cancelled...)
  kTooLarge,         // input over a size or depth limit
  kUnavailable,      // try again later (overload, database locked)
  kInternal,         // our bug; the message is generic, the detail goes to the log only
};

const char* StatusCodeName(StatusCode code);  // "invalid_argument", "not_found", ...

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status Unauthenticated(std::string m) {
    return {StatusCode::kUnauthenticated, std::move(m)};
  }
  static Status Forbidden(std::string m) { return {StatusCode::kForbidden, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Conflict(std::string m) { return {StatusCode::kConflict, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T>: a T on success, a non-OK Status on failure.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T& value() & { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // The failure; Status::Ok() when the result holds a value.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(value_); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace chariot
