import Foundation
import SovereignTestSupport
import Testing

/// `sovereign serve` as a child process: it prints where it listens, reloads its catalog on
/// SIGHUP, keeps the old one when the new one is broken, and refuses a broken catalog at start.
@Suite(.serialized) struct ServeProcessTests {
  /// A running `sovereign serve` child and what it printed.
  final class Child: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""

    init(arguments: [String]) throws {
      process.executableURL = try SovereignRun.binary
      process.arguments = ["serve"] + arguments
      let out = Pipe()
      let err = Pipe()
      process.standardOutput = out
      process.standardError = err
      process.standardInput = FileHandle.nullDevice
      out.fileHandleForReading.readabilityHandler = { [weak self] handle in
        let data = handle.availableData
        self?.lock.withLock { self?.stdoutText += String(decoding: data, as: UTF8.self) }
      }
      err.fileHandleForReading.readabilityHandler = { [weak self] handle in
        let data = handle.availableData
        self?.lock.withLock { self?.stderrText += String(decoding: data, as: UTF8.self) }
      }
      try process.run()
    }

    var stdout: String { lock.withLock { stdoutText } }
    var stderr: String { lock.withLock { stderrText } }

    /// Waits up to `seconds` for `condition` on the child's output.
    func wait(seconds: Double = 120, until condition: (Child) -> Bool) async throws -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if condition(self) { return true }
        if !process.isRunning { return condition(self) }
        try await Task.sleep(for: .milliseconds(100))
      }
      return false
    }

    /// The port printed at start (`http://127.0.0.1:PORT/`).
    func port() async throws -> Int {
      _ = try await wait { $0.stdout.contains("/ (catalog") }
      let text = stdout
      guard let range = text.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression) else {
        throw HTTPExchange.Failure(description: "no port printed; stdout: \(text) stderr: \(stderr)")
      }
      return Int(text[range].dropFirst("127.0.0.1:".count).dropLast()) ?? 0
    }

    func stop() {
      if process.isRunning {
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      }
    }
  }

  /// A copy of the repository's data/ in a new temporary directory.
  func catalogCopy() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appending(path: "sovereign-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let copy = directory.appending(path: "data")
    try FileManager.default.copyItem(at: TestServer.repository.appending(path: "data"), to: copy)
    return copy
  }

  func health(_ port: Int) async throws -> [String: Any] {
    let answer = try await HTTPExchange.send(port: port, "GET", "/api/v1/health")
    #expect(answer.status == 200)
    let json = try #require(answer.json as? [String: Any])
    return try #require(json["catalog"] as? [String: Any])
  }

  @Test func sighupWithABrokenCatalogKeepsServingTheOldOne() async throws {
    let catalog = try catalogCopy()
    defer { try? FileManager.default.removeItem(at: catalog.deletingLastPathComponent()) }
    let child = try Child(arguments: ["--port", "0", "--catalog", catalog.path, "--offline"])
    defer { child.stop() }
    let port = try await child.port()
    let before = try await health(port)
    let providersBefore = try await HTTPExchange.send(port: port, "GET", "/api/v1/providers").text
    #expect(providersBefore.contains("\"clever-cloud\""))

    // Break a provider file, then SIGHUP: the reload fails, the log says where, the old catalog stays.
    let file = catalog.appending(path: "providers/clever-cloud.yaml")
    let original = try String(contentsOf: file, encoding: .utf8)
    try (original + "\nthis_key_is_unknown: [\n").write(to: file, atomically: true, encoding: .utf8)
    kill(child.process.processIdentifier, SIGHUP)
    let logged = try await child.wait { $0.stderr.contains("catalog reload failed") }
    #expect(logged, "stderr: \(child.stderr)")
    #expect(child.stderr.contains("clever-cloud.yaml:"))
    #expect(child.process.isRunning)
    let during = try await health(port)
    #expect(during["fingerprint"] as? String == before["fingerprint"] as? String)
    #expect(during["loaded_at"] as? String == before["loaded_at"] as? String)
    #expect(try await HTTPExchange.send(port: port, "GET", "/api/v1/providers").text == providersBefore)

    // A valid change and SIGHUP again: the new catalog is served.
    try original.replacingOccurrences(of: "name: Clever Cloud\n", with: "name: Clever Cloud (reloaded)\n")
      .write(to: file, atomically: true, encoding: .utf8)
    kill(child.process.processIdentifier, SIGHUP)
    #expect(try await child.wait { $0.stderr.contains("catalog reloaded") }, "stderr: \(child.stderr)")
    let after = try await health(port)
    #expect(after["fingerprint"] as? String != before["fingerprint"] as? String)
    #expect(try await HTTPExchange.send(port: port, "GET", "/api/v1/providers/clever-cloud").text.contains("Clever Cloud (reloaded)"))
  }

  @Test func brokenCatalogAtStartExits65WithThePosition() async throws {
    let catalog = try catalogCopy()
    defer { try? FileManager.default.removeItem(at: catalog.deletingLastPathComponent()) }
    let file = catalog.appending(path: "providers/clever-cloud.yaml")
    try (try String(contentsOf: file, encoding: .utf8) + "\nthis_key_is_unknown: 1\n").write(to: file, atomically: true, encoding: .utf8)
    let run = try SovereignRun.run(["serve", "--port", "0", "--catalog", catalog.path], limit: 120)
    #expect(run.status == 65)
    #expect(run.stderr.contains("clever-cloud.yaml:"))
    let missing = try SovereignRun.run(["serve", "--port", "0", "--catalog", "/nonexistent/catalog"], limit: 120)
    #expect(missing.status == 66)
  }

  @Test func exposedHostPrintsTheWarning() async throws {
    let child = try Child(arguments: ["--host", "0.0.0.0", "--port", "0", "--offline"])
    defer { child.stop() }
    #expect(try await child.wait { $0.stderr.contains("no authentication") }, "stderr: \(child.stderr)")
    #expect(child.stderr.contains("reverse proxy"))
  }
}
