import Foundation

/// The one seam through which the rest of SovereignFetch downloads: a struct of closures, so
/// parsers, the store and the refresher are tested with canned answers and no network.
public struct HTTPClient: Sendable {
  /// GETs a URL. Returns a 2xx answer with its body or a 304; every other outcome throws.
  public var get: @Sendable (HTTPRequest) throws(FetchError) -> HTTPResponse

  public init(get: @escaping @Sendable (HTTPRequest) throws(FetchError) -> HTTPResponse) {
    self.get = get
  }

  /// The `User-Agent` sent with every request.
  public static func userAgent(version: String) -> String { "sovereign/\(version)" }

  /// The production client over libcurl, with every safety default (see ``FetchLimits``, ``URLPolicy``):
  /// HTTPS only (loopback http for tests), certificate and host checks always on, at most
  /// `maxRedirects` redirects that keep the scheme, connect/total timeouts and a minimum rate,
  /// a body limit counted after decompression, conditional requests, proxies from the
  /// environment, and retries with exponential backoff on timeouts, lost connections, 5xx and
  /// 429 (honouring `Retry-After` up to a cap).
  ///
  /// - Parameters:
  ///   - limits: safety limits; tests pass short ones.
  ///   - version: sent as `User-Agent: sovereign/<version>`.
  ///   - caBundlePath: an extra CA bundle to trust (tests only); verification is never disabled.
  ///   - sleep: how to wait between attempts (tests may record instead of sleeping).
  public static func libcurl(
    limits: FetchLimits = .standard, version: String, caBundlePath: String? = nil,
    sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
  ) -> HTTPClient {
    let transfer = CurlTransfer(limits: limits, userAgent: userAgent(version: version), caBundlePath: caBundlePath)
    return HTTPClient { (request: HTTPRequest) throws(FetchError) -> HTTPResponse in
      try URLPolicy.check(request.url)
      var attempt = 1
      while true {
        do throws(FetchError) {
          let response = try follow(request, transfer: transfer, limits: limits)
          if (200..<300).contains(response.status) || response.status == 304 { return response }
          let decision = RetryPlan.decide(
            attempt: attempt, status: response.status, retryAfter: response.headers["retry-after"], transient: false,
            limits: limits)
          if response.status == 429 || response.status == 503, let value = response.headers["retry-after"],
            let seconds = RetryPlan.parseRetryAfter(value), seconds > limits.maxRetryAfterSeconds
          {
            throw FetchError.retryAfterTooLong(url: response.url, seconds: seconds, cap: limits.maxRetryAfterSeconds)
          }
          guard case .retry(let wait) = decision else { throw FetchError.httpStatus(url: response.url, status: response.status) }
          sleep(wait)
        } catch {
          guard error.isTransient,
            case .retry(let wait) = RetryPlan.decide(attempt: attempt, status: nil, retryAfter: nil, transient: true, limits: limits)
          else { throw error }
          sleep(wait)
        }
        attempt += 1
      }
    }
  }

  /// Performs `request`, following up to `maxRedirects` redirects each checked by ``URLPolicy``.
  static func follow(_ request: HTTPRequest, transfer: CurlTransfer, limits: FetchLimits) throws(FetchError) -> HTTPResponse {
    var current = request
    var hops = 0
    while true {
      let answer = try transfer.perform(current)
      guard [301, 302, 303, 307, 308].contains(answer.status) else {
        return HTTPResponse(url: current.url, status: answer.status, headers: answer.headers, body: answer.body)
      }
      guard let target = answer.redirectURL, !target.isEmpty else {
        throw .redirectRefused(from: current.url, to: answer.headers["location"] ?? "(none)", reason: "the redirect has no usable Location")
      }
      try URLPolicy.checkRedirect(from: current.url, to: target)
      hops += 1
      guard hops <= limits.maxRedirects else { throw .tooManyRedirects(url: request.url, limit: limits.maxRedirects) }
      // Validators belong to the first URL only when the target is the same document; keep them,
      // servers ignore validators that do not match.
      current.url = target
    }
  }
}
