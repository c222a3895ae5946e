#include "http/metrics.h"

#include <sstream>

namespace chariot::http {

void Metrics::Record(const std::string& route, int status, int64_t micros) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++counts_[{route, status}];
  size_t bucket = 0;
  while (bucket < kBucketsMicros.size() && micros > kBucketsMicros[bucket]) ++bucket;
  ++buckets_[bucket];
  ++observations_;
  sum_seconds_ += static_cast<double>(micros) / 1e6;
}

std::string Metrics::Render() const {
  std::ostringstream out;
  std::lock_guard<std::mutex> lock(mutex_);
  out << "# HELP chariot_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE chariot_http_requests_total counter\n";
  for (const auto& [key, count] : counts_) {
    out << "chariot_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second
        << "\"} " << count << "\n";
  }
  out << "# HELP chariot_http_request_duration_seconds Time from request line to response.\n"
      << "# TYPE chariot_http_request_duration_seconds histogram\n";
  uint64_t cumulative = 0;
  for (size_t i = 0; i < kBucketsMicros.size(); ++i) {
    cumulative += buckets_[i];
    out << "chariot_http_request_duration_seconds_bucket{le=\""
        << static_cast<double>(kBucketsMicros[i]) / 1e6 << "\"} " << cumulative << "\n";
  }
  out << "chariot_http_request_duration_seconds_bucket{le=\"+Inf\"} " << observations_ << "\n"
      << "chariot_http_request_duration_seconds_sum " << sum_seconds_ << "\n"
      << "chariot_http_request_duration_seconds_count " << observations_ << "\n";
  out << "# HELP chariot_pool_queue_depth Connections waiting for a worker.\n"
      << "# TYPE chariot_pool_queue_depth gauge\n"
      << "chariot_pool_queue_depth " << (queue_depth_ ? queue_depth_() : 0) << "\n";
  out << "# HELP chariot_overload_rejections_total Connections answered 503 because the pool was "
         "full.\n"
      << "# TYPE chariot_overload_rejections_total counter\n"
      << "chariot_overload_rejections_total " << shed_.load() << "\n";
  return out.str();
}

std::string RouteLabel(const std::string& path) {
  static const std::string kUsers = "/v1/users/";
  if (path.compare(0, kUsers.size(), kUsers) == 0) {
    size_t end = path.find('/', kUsers.size());
    return kUsers + "{id}" + (end == std::string::npos ? "" : path.substr(end));
  }
  for (const char* known : {"/v1/converse", "/v1/parse", "/alexa", "/dialogflow/es",
                            "/dialogflow/cx", "/twilio/voice", "/healthz", "/readyz", "/metrics"}) {
    if (path == known) return path;
  }
  // Session ids in the call-back route would give every detractor its own metric label.
  static const std::string kCallbacks = "/admin/api/callbacks/";
  if (path.compare(0, kCallbacks.size(), kCallbacks) == 0) return kCallbacks + "{id}/contacted";
  if (path.compare(0, 6, "/admin") == 0) return path.size() > 64 ? "/admin/other" : path;
  return "other";
}

}  // namespace chariot::http
