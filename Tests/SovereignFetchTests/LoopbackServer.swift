import Foundation

/// The fixture HTTP server (Fixtures/server.py) on 127.0.0.1, one per test.
///
/// It prints its port, unblocks SIGTERM, and exits when its stdin closes; `stop()` closes stdin
/// and falls back to SIGKILL (Foundation children on Linux start with SIGTERM blocked).
final class LoopbackServer {
  let process = Process()
  let input = Pipe()
  let port: Int
  /// The directory served at /file/NAME.
  let directory: URL

  init(serving directory: URL) throws {
    self.directory = directory
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-u", Fixtures.directory.appending(path: "server.py").path, directory.path]
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    var line = Data()
    while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
      line += byte
    }
    guard let port = Int(String(decoding: line, as: UTF8.self)) else {
      kill(process.processIdentifier, SIGKILL)
      throw NSError(domain: "LoopbackServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "the fixture server did not start"])
    }
    self.port = port
  }

  func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  func stop() {
    try? input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(2)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  deinit { if process.isRunning { stop() } }
}

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let url: URL
  init() {
    url = FileManager.default.temporaryDirectory.appending(path: "sovereign-fetch-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  func remove() { try? FileManager.default.removeItem(at: url) }
  func write(_ name: String, _ bytes: [UInt8]) throws {
    // Replace atomically so the server never serves half a file.
    try Data(bytes).write(to: url.appending(path: name), options: .atomic)
  }
}

/// A directory of files served on 127.0.0.1 (at /file/NAME) and an empty `SOVEREIGN_HOME`,
/// the setup of every refresh test; `stop()` stops the server and removes both directories.
final class ServedFiles {
  let files = TemporaryDirectory()
  let home = TemporaryDirectory()
  let server: LoopbackServer

  init() throws {
    do {
      server = try LoopbackServer(serving: files.url)
    } catch {
      files.remove()
      home.remove()
      throw error
    }
  }

  func stop() {
    server.stop()
    files.remove()
    home.remove()
  }
}
