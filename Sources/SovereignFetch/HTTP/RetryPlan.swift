import Foundation

/// Whether and how long to wait before another attempt (pure, tested without a network).
enum RetryPlan {
  enum Decision: Equatable {
    case retry(afterSeconds: Double)
    case giveUp
  }

  /// Decision after attempt number `attempt` (1-based) failed with a status or a transient error.
  static func decide(
    attempt: Int, status: Int?, retryAfter: String?, transient: Bool, limits: FetchLimits
  ) -> Decision {
    guard attempt < limits.maxAttempts else { return .giveUp }
    let retryable = transient || status.map { $0 >= 500 || $0 == 429 } ?? false
    guard retryable else { return .giveUp }
    let backoff = limits.backoffSeconds * pow(2, Double(attempt - 1))
    if let seconds = retryAfter.flatMap({ parseRetryAfter($0) }) {
      return .retry(afterSeconds: max(Double(seconds), backoff))
    }
    return .retry(afterSeconds: backoff)
  }

  /// `Retry-After` in seconds: a delta (`120`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`).
  static func parseRetryAfter(_ value: String, now: Date = Date()) -> Int? {
    let text = value.trimmingCharacters(in: .whitespaces)
    if let seconds = Int(text), seconds >= 0 { return seconds }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: text) else { return nil }
    return max(0, Int(date.timeIntervalSince(now).rounded(.up)))
  }
}
