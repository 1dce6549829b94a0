import Foundation
import SovereignTestSupport
import Testing

@testable import SovereignFetch

/// Issue 10: two refreshes at once, a full disk and a read-only store never damage the store;
/// the previous snapshot is kept, the exit code says why (75 busy, 74 cannot write).
@Suite(.serialized) struct StoreRobustnessTests {
  func sovereign(_ arguments: [String], home: URL, executable: URL? = nil) throws -> SovereignRun {
    try SovereignRun.run(arguments, executable: executable, environment: ["SOVEREIGN_HOME": home.path])
  }

  /// The fixture list, and a second edition of it (one certificate number changed).
  static func serveTwoEditions(in files: TemporaryDirectory) throws {
    let first = Fixtures.text("hds-list.html")
    let second = first.replacingOccurrences(of: "38436-2", with: "38436-3")
    precondition(second != first)
    try files.write("first.html", Array(first.utf8))
    try files.write("second.html", Array(second.utf8))
  }

  static func expectOnlyTheFirstSnapshot(_ store: SnapshotStore) throws {
    #expect(store.verify().isEmpty, "\(store.verify())")
    #expect(store.snapshotIDs(of: "hds").count == 1)
    let latest = try #require(try store.latest(source: "hds"))
    #expect(latest.entries.contains { $0.identifier == "38436-2" })
    let names = (try? FileManager.default.contentsOfDirectory(atPath: store.root.appending(path: "snapshots/hds").path)) ?? []
    #expect(!names.contains { $0.hasPrefix(".partial-") }, "a partial snapshot was left: \(names)")
  }

  @Test("a second refresh while one runs stops at once with 75 and a plain message; the first completes whole")
  func concurrentRefreshes() throws {
    let served = try ServedFiles()
    defer { served.stop() }
    let (files, home, server) = (served.files, served.home, served.server)
    try files.write("hds-list.html", Fixtures.bytes("hds-list.html"))

    // The first run is slow to download (the server waits 3 s), so it holds the store meanwhile.
    nonisolated(unsafe) var first: SovereignRun? = nil
    let done = DispatchSemaphore(value: 0)
    let slowURL = server.url("/slow/hds-list.html")
    let homeURL = home.url
    DispatchQueue.global().async {
      first = try? SovereignRun.run(["refresh", "hds", "--url", slowURL], environment: ["SOVEREIGN_HOME": homeURL.path])
      done.signal()
    }
    let lockFile = home.url.appending(path: "snapshots/.refresh.lock")
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline && ((try? String(contentsOf: lockFile, encoding: .utf8)) ?? "").isEmpty { usleep(20_000) }

    let second = try sovereign(["refresh", "hds", "--url", server.url("/file/hds-list.html")], home: home.url)
    #expect(second.status == 75)
    #expect(second.stderr.contains("another `sovereign refresh` is running on this store (process "))
    #expect(second.stderr.contains("nothing was changed"))

    done.wait()
    let firstRun = try #require(first)
    #expect(firstRun.status == 0)
    #expect(firstRun.stdout.contains("hds: updated, 8 entries"))
    let store = SnapshotStore(root: home.url)
    #expect(store.verify().isEmpty)
    #expect(store.snapshotIDs(of: "hds").count == 1)

    // Once the first run has ended, the store is free again.
    let third = try sovereign(["refresh", "hds", "--url", server.url("/file/hds-list.html")], home: home.url)
    #expect(third.status == 0)
  }

  @Test("the refresh lock is exclusive and released")
  func lockIsExclusive() throws {
    let home = TemporaryDirectory()
    defer { home.remove() }
    let store = SnapshotStore(root: home.url)
    let lock = try RefreshLock.acquire(store)
    #expect {
      _ = try RefreshLock.acquire(store)
    } throws: { error in
      guard case .busy(_, let holder) = error as? StoreError else { return false }
      return holder == String(getpid())
    }
    lock.release()
    try RefreshLock.acquire(store).release()
  }

  @Test("a full disk (file-size limit) fails the write with 74, keeps the previous snapshot whole, leaves no partial snapshot")
  func fullDisk() throws {
    let served = try ServedFiles()
    defer { served.stop() }
    let (files, home, server) = (served.files, served.home, served.server)
    try Self.serveTwoEditions(in: files)
    let first = try sovereign(["refresh", "hds", "--url", server.url("/file/first.html")], home: home.url)
    #expect(first.status == 0)

    // The child shell sets RLIMIT_FSIZE (4 KiB, smaller than the list) and runs the refresh:
    // every write past the limit fails with EFBIG, as on a full disk.
    let binary = try SovereignRun.binary
    let limited = try SovereignRun.run(
      ["-c", "ulimit -f 4 && exec \"$0\" \"$@\"", binary.path, "refresh", "hds", "--url", server.url("/file/second.html")],
      executable: URL(fileURLWithPath: "/bin/sh"), environment: ["SOVEREIGN_HOME": home.url.path])
    #expect(limited.status == 74, "\(limited.stdout) \(limited.stderr)")
    #expect(limited.stdout.contains("hds: FAILED: cannot write"))
    #expect(limited.stdout.contains("File too large"))
    #expect(limited.stdout.contains("the previous snapshot (") && limited.stdout.contains(") is kept"))
    try Self.expectOnlyTheFirstSnapshot(SnapshotStore(root: home.url))
  }

  @Test("a store under a path whose parent is a file cannot be written: 74 and a plain message")
  func storeUnderAFile() throws {
    let home = TemporaryDirectory()
    defer { home.remove() }
    try home.write("file", Array("not a directory".utf8))
    let run = try sovereign(["refresh", "hds", "--url", "http://127.0.0.1:9/never-fetched"], home: home.url.appending(path: "file/store"))
    #expect(run.status == 74)
    #expect(run.stderr.contains("cannot write \(home.url.appending(path: "file").path): a file is in the way (not a directory)"))
  }

  /// Makes `directory` read-only in a way root respects too (the immutable attribute); false when
  /// the file system or the user's capabilities do not allow it.
  static func makeImmutable(_ directory: URL) -> Bool {
    let chattr = ["/usr/bin/chattr", "/bin/chattr"].first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let chattr, let run = try? SovereignRun.run(["+i", directory.path], executable: URL(fileURLWithPath: chattr)), run.status == 0
    else { return false }
    // Check that it holds.
    let probe = directory.appending(path: "probe")
    if FileManager.default.createFile(atPath: probe.path, contents: Data()) {
      try? FileManager.default.removeItem(at: probe)
      return false
    }
    return true
  }

  static func makeMutable(_ directory: URL) {
    let chattr = ["/usr/bin/chattr", "/bin/chattr"].first { FileManager.default.isExecutableFile(atPath: $0) }
    if let chattr { _ = try? SovereignRun.run(["-i", directory.path], executable: URL(fileURLWithPath: chattr)) }
  }

  @Test("a read-only store fails the write with 74 and keeps the previous snapshot whole")
  func readOnlyStore() throws {
    let files = TemporaryDirectory()
    let home = TemporaryDirectory()
    try Self.serveTwoEditions(in: files)
    let server = try LoopbackServer(serving: files.url)
    let directory = home.url.appending(path: "snapshots/hds")
    defer {
      server.stop()
      Self.makeMutable(directory)
      files.remove()
      home.remove()
    }
    let first = try sovereign(["refresh", "hds", "--url", server.url("/file/first.html")], home: home.url)
    #expect(first.status == 0)
    guard Self.makeImmutable(directory) else {
      // Without the immutable attribute (another file system, or no CAP_LINUX_IMMUTABLE), fall
      // back to permissions, which hold for a non-root user.
      try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
      defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
      guard getuid() != 0 else { return }  // root ignores permissions: nothing to test here
      try expectRefusedWrite(home: home, server: server)
      return
    }
    try expectRefusedWrite(home: home, server: server)
  }

  func expectRefusedWrite(home: TemporaryDirectory, server: LoopbackServer) throws {
    let second = try sovereign(["refresh", "hds", "--url", server.url("/file/second.html")], home: home.url)
    #expect(second.status == 74, "\(second.stdout) \(second.stderr)")
    #expect(second.stdout.contains("hds: FAILED: cannot write"))
    #expect(second.stdout.contains(") is kept"))
    try Self.expectOnlyTheFirstSnapshot(SnapshotStore(root: home.url))
  }
}
