/// Safety limits of one download. ``standard`` suits the public lists; tests shrink them.
public struct FetchLimits: Sendable, Hashable {
  /// Seconds to establish a connection (TCP + TLS).
  public var connectTimeout: Double
  /// Seconds for a whole attempt, redirects excluded.
  public var totalTimeout: Double
  /// Minimum transfer rate in bytes/s ...
  public var lowSpeedBytesPerSecond: Int
  /// ... tolerated for at most this many seconds (defeats slow-drip servers).
  public var lowSpeedSeconds: Int
  /// Largest body accepted, counted after decompression (defeats endless bodies and gzip bombs).
  public var maxBodyBytes: Int
  /// Redirects followed, never to another scheme.
  public var maxRedirects: Int
  /// Attempts in all for timeouts, lost connections, 5xx and 429.
  public var maxAttempts: Int
  /// First wait between attempts in seconds; doubled each time.
  public var backoffSeconds: Double
  /// Longest `Retry-After` honoured, in seconds; a longer one fails at once.
  public var maxRetryAfterSeconds: Int

  public init(
    connectTimeout: Double = 15, totalTimeout: Double = 120, lowSpeedBytesPerSecond: Int = 100, lowSpeedSeconds: Int = 30,
    maxBodyBytes: Int = 64 * 1024 * 1024, maxRedirects: Int = 5, maxAttempts: Int = 3, backoffSeconds: Double = 2,
    maxRetryAfterSeconds: Int = 60
  ) {
    self.connectTimeout = connectTimeout
    self.totalTimeout = totalTimeout
    self.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
    self.lowSpeedSeconds = lowSpeedSeconds
    self.maxBodyBytes = maxBodyBytes
    self.maxRedirects = maxRedirects
    self.maxAttempts = maxAttempts
    self.backoffSeconds = backoffSeconds
    self.maxRetryAfterSeconds = maxRetryAfterSeconds
  }

  /// Limits for the public lists (the SecNumCloud PDF is a few MB; 64 MB leaves room).
  public static let standard = FetchLimits()
}
