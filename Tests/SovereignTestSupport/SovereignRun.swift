import Foundation

/// One run of the built `sovereign` executable, as a user would start it: its exit status and
/// output. A child still running after the time limit is killed with SIGKILL (SIGTERM may be
/// blocked in children of Foundation.Process on Linux) and reported as timed out, so a hang
/// fails its test instead of blocking the suite.
public struct SovereignRun: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
  /// True when the child exited by itself (not killed by a signal, e.g. a trap).
  public var exitedNormally: Bool
  public var timedOut: Bool

  public struct NotBuilt: Error, CustomStringConvertible {
    public var description: String
  }

  /// The `sovereign` binary built beside the test bundle (`swift build --build-tests` builds every product).
  public static var binary: URL {
    get throws {
      let testBundle = Bundle.main.bundleURL
      let candidates = [
        testBundle.deletingLastPathComponent().appending(path: "sovereign"),
        testBundle.appending(path: "sovereign"),
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "sovereign"),
      ]
      guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw NotBuilt(description: "the `sovereign` binary was not found beside \(testBundle.path); run `swift build --build-tests` first")
      }
      return found
    }
  }

  /// Runs `executable` (default: the built binary) with `arguments` in `directory`, with
  /// `environment` added to this process's, for at most `limit` seconds.
  public static func run(
    _ arguments: [String], executable: URL? = nil, in directory: URL? = nil, environment: [String: String] = [:],
    limit: TimeInterval = 60
  ) throws -> SovereignRun {
    let process = Process()
    process.executableURL = try executable ?? binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    // Both pipes are read to the end while the child runs, so a large output cannot block it.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      outData = out.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    var timedOut = false
    if finished.wait(timeout: .now() + limit) == .timedOut {
      timedOut = true
      kill(process.processIdentifier, SIGKILL)
      finished.wait()
    }
    group.wait()
    return SovereignRun(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), exitedNormally: process.terminationReason == .exit,
      timedOut: timedOut)
  }
}
