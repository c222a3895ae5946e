#include "platforms/alexa/cert_url.h"

#include <cctype>
#include <vector>

namespace chariot::platforms::alexa {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Resolves "." and ".." segments like a POSIX path; a ".." above the root stays at the root,
// as RFC 3986 section 5.2.4 removes it.
std::string NormalizePath(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 1;  // path begins with '/'
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (segment != "." && !segment.empty()) {
      segments.push_back(segment);
    } else if (segment.empty() && end == path.size()) {
      segments.push_back(segment);  // keep a trailing slash
    }
    start = end + 1;
  }
  std::string out;
  for (std::string_view segment : segments) {
    out += '/';
    out += segment;
  }
  return out.empty() ? "/" : out;
}

}  // namespace

Result<CertUrl> CheckCertUrl(std::string_view url) {
  if (url.empty()) return Status::InvalidArgument("The certificate URL is missing.");
  if (url.size() > 2048) return Status::InvalidArgument("The certificate URL is too long.");
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '%') {
      return Status::InvalidArgument(
          "The certificate URL holds a character that is not allowed (space, control, "
          "backslash, percent escape or non-ASCII).");
    }
  }
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || Lower(url.substr(0, scheme_end)) != "https") {
    return Status::InvalidArgument("The certificate URL does not use https.");
  }
  std::string_view rest = url.substr(scheme_end + 3);
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return Status::InvalidArgument("The certificate URL has a query or a fragment.");
  }
  size_t path_start = rest.find('/');
  std::string_view authority = rest.substr(0, path_start);
  std::string_view path = path_start == std::string_view::npos ? "" : rest.substr(path_start);
  if (authority.find('@') != std::string_view::npos) {
    return Status::InvalidArgument("The certificate URL carries user information.");
  }
  std::string_view host = authority;
  size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    if (authority.substr(colon + 1) != "443") {
      return Status::InvalidArgument("The certificate URL names a port other than 443.");
    }
  }
  if (Lower(host) != "s3.amazonaws.com") {
    return Status::InvalidArgument("The certificate URL's host is not s3.amazonaws.com.");
  }
  if (path.empty()) return Status::InvalidArgument("The certificate URL has no path.");
  std::string normalized = NormalizePath(path);
  if (normalized.rfind("/echo.api/", 0) != 0) {
    return Status::InvalidArgument("The certificate URL's path does not start with /echo.api/.");
  }
  return CertUrl{"s3.amazonaws.com", normalized};
}

}  // namespace chariot::platforms::alexa
