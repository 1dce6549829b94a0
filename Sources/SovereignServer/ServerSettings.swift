import Foundation

/// How `sovereign serve` runs: where it listens, which catalog it serves, and its limits.
public struct ServerSettings: Sendable {
  /// The address to listen on; loopback by default (the server has no authentication).
  public var host: String
  /// The TCP port; 0 lets the system choose a free one (tests).
  public var port: Int
  /// A catalog directory (the layout of `data/`); nil serves the bundled catalog.
  public var catalogDirectory: URL?
  /// True: the catalog's own facts only, without the lists stored by `sovereign refresh`.
  public var offline: Bool
  /// Longest a request's work may take before the server answers 503 (`time-limit`).
  public var requestTimeLimit: Duration
  /// Largest request body accepted; larger ones are answered 413 (`body-too-large`).
  public var maximumBodyBytes: Int
  /// A connection idle for this long is closed (slow or stalled clients).
  public var idleTimeoutSeconds: Int64

  /// 1 MiB.
  public static let defaultMaximumBodyBytes = 1 << 20

  public init(
    host: String = "127.0.0.1", port: Int = 8080, catalogDirectory: URL? = nil, offline: Bool = false,
    requestTimeLimit: Duration = .seconds(10), maximumBodyBytes: Int = ServerSettings.defaultMaximumBodyBytes,
    idleTimeoutSeconds: Int64 = 30
  ) {
    self.host = host
    self.port = port
    self.catalogDirectory = catalogDirectory
    self.offline = offline
    self.requestTimeLimit = requestTimeLimit
    self.maximumBodyBytes = maximumBodyBytes
    self.idleTimeoutSeconds = idleTimeoutSeconds
  }

  /// True when the server listens on an address other machines can reach.
  public var isExposed: Bool {
    !["127.0.0.1", "::1", "localhost"].contains(host) && !host.hasPrefix("127.")
  }
}
