import Foundation

/// Runs the built `sovereign` with a time limit: a child still running after `limit` seconds is
/// killed with SIGKILL (SIGTERM may be blocked in children of Foundation.Process on Linux) and
/// reported as timed out, so a hang fails its test instead of blocking the suite.
struct BoundedRun {
  var status: Int32
  var stdout: String
  var stderr: String
  /// True when the child exited by itself (not killed by a signal, e.g. a trap).
  var exitedNormally: Bool
  var timedOut: Bool

  static func run(_ arguments: [String], limit: TimeInterval = 60) throws -> BoundedRun {
    let process = Process()
    process.executableURL = try CLIRunner.binary
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
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
    return BoundedRun(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), exitedNormally: process.terminationReason == .exit,
      timedOut: timedOut)
  }
}
