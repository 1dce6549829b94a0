import Foundation
import SovereignTestSupport

/// A `sovereign serve` child process on a free loopback port, serving the bundled catalog offline
/// (so answers can be compared with `sovereign ... --offline`). Started once, shared by the suites.
///
/// A child, not a server inside the test process: the server's handlers run on Swift's
/// cooperative pool, which the test process shares with every synchronous test of the whole run
/// (CLI runs waiting for their child processes, SMAA runs); on two cores the in-process server
/// could get no thread for a minute. A shell holds the server and kills it when the test process
/// ends (its stdin, a pipe from this process, reaches end of file).
enum TestServer {
  static let shared = Task<Int, any Error> { try await startChild() }

  /// The port of the shared server.
  static var port: Int { get async throws { try await shared.value } }

  /// The write end of the shell's stdin, kept open as long as the test process lives.
  nonisolated(unsafe) static var lifeline: Pipe?

  static func startChild() async throws -> Int {
    let binary = try SovereignRun.binary
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", #""$0" serve --port 0 --offline & server=$!; read _; kill $server; wait $server"#, binary.path]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let printed = Printed()
    output.fileHandleForReading.readabilityHandler = { handle in printed.append(handle.availableData) }
    try process.run()
    lifeline = input
    let deadline = Date().addingTimeInterval(180)
    while Date() < deadline {
      let text = printed.text
      if let range = text.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
        let port = Int(text[range].dropFirst("127.0.0.1:".count).dropLast())
      {
        return port
      }
      if !process.isRunning { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw HTTPExchange.Failure(description: "the test server did not start; it printed: \(printed.text)")
  }

  /// What the child printed so far.
  final class Printed: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()
    func append(_ data: Data) { lock.withLock { bytes.append(data) } }
    var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
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
