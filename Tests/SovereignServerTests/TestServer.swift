import Foundation
import SovereignServer
import SovereignTestSupport

/// A server started in the test process on a free loopback port, serving the bundled catalog
/// offline (so answers can be compared with `sovereign ... --offline`). Started once, shared by
/// the suites, stopped when the test process ends.
enum TestServer {
  static let shared = Task<Int, any Error> { try await start(ServerSettings(port: 0, offline: true)) }

  /// The port of the shared server.
  static var port: Int { get async throws { try await shared.value } }

  /// Starts a server with `settings` and returns its port once it listens.
  static func start(_ settings: ServerSettings) async throws -> Int {
    let server = try SovereignServer(settings: settings)
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    Task {
      do {
        try await server.run { port in continuation.yield(port) }
      } catch {
        continuation.finish()
      }
    }
    for await port in ports { return port }
    throw HTTPExchange.Failure(description: "the test server did not start")
  }

  /// The repository's root (for examples/ and data/).
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The contents of `examples/NAME`.
  static func example(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: repository.appending(path: "examples/\(name)")))
  }

  /// The requirements examples shipped in examples/ (every YAML file but the CSF answers).
  static var requirementsExamples: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: repository.appending(path: "examples").path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("csf") }.sorted()
  }

  /// A fixed day for answers compared with the CLI's.
  static let day = "2026-12-01"
}
