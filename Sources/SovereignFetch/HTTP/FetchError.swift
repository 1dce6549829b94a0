/// Why a download failed, in words a user can act on.
///
/// Every failure of ``HTTPClient`` is one of these cases; ``description`` is the message shown.
public enum FetchError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The URL cannot be parsed.
  case invalidURL(String)
  /// Only `https://` is allowed (plain `http://` only for loopback test servers).
  case insecureURL(String)
  /// A redirect pointed somewhere the policy forbids (other scheme, plain http off loopback, no target).
  case redirectRefused(from: String, to: String, reason: String)
  /// More than the allowed number of redirects.
  case tooManyRedirects(url: String, limit: Int)
  /// The whole transfer took longer than the limit.
  case timedOut(url: String, seconds: Double)
  /// The server sent data slower than the minimum rate for too long (slow drip).
  case tooSlow(url: String, bytesPerSecond: Int, seconds: Int)
  /// The body (after decompression) exceeded the limit.
  case bodyTooLarge(url: String, limit: Int)
  /// The connection ended before the announced body was complete.
  case truncated(url: String, detail: String)
  /// No connection could be made (refused, unreachable, name not resolved).
  case cannotConnect(url: String, detail: String)
  /// The connection was reset or closed while receiving.
  case connectionLost(url: String, detail: String)
  /// TLS failed: certificate not trusted, wrong host name, handshake error.
  case tls(url: String, detail: String)
  /// The compressed body could not be decoded.
  case badEncoding(url: String, detail: String)
  /// The server answered with an error status (after retries for 5xx and 429).
  case httpStatus(url: String, status: Int)
  /// The server asked to retry later than we are willing to wait.
  case retryAfterTooLong(url: String, seconds: Int, cap: Int)
  /// Any other libcurl failure.
  case transport(url: String, code: Int, detail: String)

  /// The message shown: the reason, then what to do about it when there is a general hint.
  public var description: String {
    hint.map { reason + "; " + $0 } ?? reason
  }

  /// What to do, when it does not depend on the URL (said once for several failed URLs).
  public var hint: String? {
    switch self {
    case .cannotConnect: return "check the network or proxy settings (https_proxy, no_proxy)"
    default: return nil
    }
  }

  /// What went wrong with this URL.
  public var reason: String {
    switch self {
    case .invalidURL(let url):
      return "`\(url)` is not a valid URL"
    case .insecureURL(let url):
      return "refusing `\(url)`: only https:// URLs are fetched (plain http:// is allowed only for 127.0.0.1, ::1 and localhost)"
    case .redirectRefused(let from, let to, let reason):
      return "refusing the redirect from \(from) to \(to): \(reason)"
    case .tooManyRedirects(let url, let limit):
      return "\(url) redirected more than \(limit) times; giving up"
    case .timedOut(let url, let seconds):
      return "\(url) did not answer completely within \(format(seconds)) s"
    case .tooSlow(let url, let rate, let seconds):
      return "\(url) sent less than \(rate) bytes/s for \(seconds) s; giving up"
    case .bodyTooLarge(let url, let limit):
      return "\(url) sent more than \(limit) bytes (after decompression), the limit for a certification list"
    case .truncated(let url, let detail):
      return "the download of \(url) was cut short (\(detail))"
    case .cannotConnect(let url, let detail):
      return "cannot connect to \(url) (\(detail))"
    case .connectionLost(let url, let detail):
      return "the connection to \(url) was lost (\(detail))"
    case .tls(let url, let detail):
      return "secure connection to \(url) failed (\(detail)); the certificate is not trusted or does not match"
    case .badEncoding(let url, let detail):
      return "the compressed response from \(url) could not be decoded (\(detail))"
    case .httpStatus(let url, let status):
      return "\(url) answered HTTP \(status)" + (status == 404 || status == 410 ? " (the list may have moved)" : "")
    case .retryAfterTooLong(let url, let seconds, let cap):
      return "\(url) asked to retry after \(seconds) s, longer than the \(cap) s we wait; try again later"
    case .transport(let url, let code, let detail):
      return "fetching \(url) failed: \(detail) (libcurl code \(code))"
    }
  }

  /// True for failures worth retrying: timeouts and lost connections (5xx/429 are retried by status).
  var isTransient: Bool {
    switch self {
    case .timedOut, .connectionLost: return true
    default: return false
    }
  }

  private func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
