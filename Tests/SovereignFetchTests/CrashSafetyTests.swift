import Foundation
import SovereignTestSupport
import Testing

@testable import SovereignFetch

/// Kills `sovereign refresh` with SIGKILL at many points of a snapshot write (issue 6) and checks
/// after each kill that the store opens, passes its checksums, and holds the old or the new
/// snapshot whole.
@Suite(.serialized) struct CrashSafetyTests {
  func run(_ executable: URL, url: String, home: URL, killAfter: Double?) throws -> Int32? {
    let process = Process()
    process.executableURL = executable
    process.arguments = ["refresh", "hds", "--url", url, "--format", "json"]
    var environment = ProcessInfo.processInfo.environment
    environment["SOVEREIGN_HOME"] = home.path
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    if let killAfter {
      usleep(UInt32(killAfter * 1_000_000))
      kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
    return process.terminationReason == .exit ? process.terminationStatus : nil
  }

  @Test func killedRefreshLeavesTheOldOrTheNewSnapshotWhole() throws {
    let executable = try SovereignRun.binary
    let served = try ServedFiles()
    defer { served.stop() }
    let (files, home, server) = (served.files, served.home, served.server)
    // Two large lists served alternately, so every run writes a new snapshot.
    try files.write("a.html", Array(Fixtures.largeHDSList(hosts: 800, variant: 1).utf8))
    try files.write("b.html", Array(Fixtures.largeHDSList(hosts: 800, variant: 2).utf8))
    let url = server.url("/alternate/a.html,b.html")
    let counts = Set([800])  // variant 2 drops one host and adds one
    let store = SnapshotStore(root: home.url)

    // Three full runs, timed; the fastest sets the length over which the kill points are spread
    // (the first run of a process is often the slowest, and a loaded machine only lengthens runs,
    // so the fastest keeps most kill points inside a run).
    var durations: [TimeInterval] = []
    for _ in 0..<3 {
      let started = Date()
      #expect(try run(executable, url: url, home: home.url, killAfter: nil) == 0)
      durations.append(Date().timeIntervalSince(started))
    }
    let duration = durations.min() ?? 0
    #expect(store.snapshotIDs(of: "hds").count == 3)

    var killedDuringRun = 0
    let runs = 50
    for index in 0..<runs {
      let before = store.snapshotIDs(of: "hds")
      let delay = duration * Double(index) / Double(runs)
      let status = try run(executable, url: url, home: home.url, killAfter: delay)
      if status == nil { killedDuringRun += 1 }
      #expect(store.verify().isEmpty, "run \(index): \(store.verify())")
      let after = store.snapshotIDs(of: "hds")
      #expect(after.count == before.count || after.count == before.count + 1, "run \(index)")
      let latest = try #require(try store.latest(source: "hds"))
      #expect(counts.contains(latest.entries.count))
      #expect(latest.metadata.entryCount == latest.entries.count)
      #expect(SHA256.hex(try store.raw(source: "hds", id: latest.id)) == latest.metadata.sha256)
    }
    #expect(killedDuringRun >= runs / 2, "most runs should be killed before they finish")
  }
}
