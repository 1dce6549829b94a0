import Foundation
import SovereignTestSupport

/// Runs of the built `sovereign` in the CLI tests: ``CLIRunner/run(_:executable:in:environment:)``
/// for ordinary commands, `BoundedRun.run(_:limit:)` (60 s by default) where a hang is the risk.
typealias BoundedRun = SovereignRun

enum CLIRunner {
  typealias Result = SovereignRun

  /// The `sovereign` binary built beside the test bundle.
  static var binary: URL { get throws { try SovereignRun.binary } }

  /// Runs `executable` (default: the built binary) with `arguments` in `directory`.
  static func run(
    _ arguments: [String], executable: URL? = nil, in directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> Result {
    try SovereignRun.run(arguments, executable: executable, in: directory, environment: environment, limit: 600)
  }

  /// A new empty directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "sovereign-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
