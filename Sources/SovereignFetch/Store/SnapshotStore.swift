import Foundation

/// Dated snapshots of the certification lists, under `$SOVEREIGN_HOME` (default
/// `$XDG_DATA_HOME/sovereign`, else `~/.local/share/sovereign`).
///
/// Layout: `snapshots/<source>/<id>/` holds `raw` (the bytes downloaded), `entries.json` (the
/// parsed rows), `metadata.json` and `manifest.json` (SHA-256 of the three others). A snapshot
/// is first written into `snapshots/<source>/.partial-<id>/`, every file is fsynced, the
/// manifest is written last, then the directory is renamed to `<id>` and its parent fsynced.
/// A killed refresh therefore leaves the new snapshot either complete or absent (a leftover
/// `.partial-*` directory is ignored and removed by the next write). Readers verify checksums.
/// Writers hold an exclusive lock on `snapshots/.lock`; a `sovereign refresh` run also holds
/// ``RefreshLock`` for its whole length, so two runs never work on the same store at once. A write
/// that fails (full disk, read-only store) removes its partial directory and leaves every previous
/// snapshot as it was.
public struct SnapshotStore: Sendable {
  public let root: URL

  public init(root: URL) {
    self.root = root
  }

  /// `$SOVEREIGN_HOME`, else `$XDG_DATA_HOME/sovereign`, else `~/.local/share/sovereign`.
  public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    if let home = environment["SOVEREIGN_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
    if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return URL(fileURLWithPath: data).appending(path: "sovereign") }
    let user = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
    return user.appending(path: ".local/share/sovereign")
  }

  static let files = ["raw", "entries.json", "metadata.json"]

  struct Manifest: Codable {
    var format: Int
    var sha256: [String: String]
  }

  func directory(of source: String) -> URL {
    // Source ids may contain one `/` (hds-transfer-mapping/<provider>): keep it as a sub-directory.
    root.appending(path: "snapshots").appending(path: source)
  }

  // MARK: - Writing

  /// Stores a snapshot atomically and returns it.
  /// - Parameter now: the snapshot's time (its id derives from it).
  @discardableResult
  public func write(raw: [UInt8], entries: [CertificationRecord], metadata: SnapshotMetadata) throws(StoreError) -> Snapshot {
    let directory = directory(of: metadata.source)
    try FileSystem.makeDirectory(directory)
    let lock = try FileSystem.lock(root.appending(path: "snapshots/.lock"))
    defer { FileSystem.unlock(lock) }
    // Leftovers of killed writers (we hold the lock, so none is in progress).
    if let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
      for name in names where name.hasPrefix(".partial-") { try? FileManager.default.removeItem(at: directory.appending(path: name)) }
    }
    var id = Self.id(for: metadata.fetchedAt)
    var suffix = 2
    while FileManager.default.fileExists(atPath: directory.appending(path: id).path) {
      id = Self.id(for: metadata.fetchedAt) + "-\(suffix)"
      suffix += 1
    }
    let partial = directory.appending(path: ".partial-" + id)
    do throws(StoreError) {
      try FileSystem.makeDirectory(partial)
      try writeFiles(raw: raw, entries: entries, metadata: metadata, into: partial)
      try FileSystem.rename(partial, to: directory.appending(path: id))
    } catch {
      // A full disk or a read-only store: the previous snapshots are untouched; the partial
      // directory goes (the next write would remove it anyway).
      try? FileManager.default.removeItem(at: partial)
      throw error
    }
    try FileSystem.syncDirectory(directory)
    return Snapshot(id: id, metadata: metadata, entries: entries)
  }

  /// Writes a snapshot's files into `partial`, each fsynced, the manifest last.
  private func writeFiles(raw: [UInt8], entries: [CertificationRecord], metadata: SnapshotMetadata, into partial: URL) throws(StoreError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let contents: [String: [UInt8]]
    do {
      contents = [
        "raw": raw,
        "entries.json": Array(try encoder.encode(entries)),
        "metadata.json": Array(try encoder.encode(metadata)),
      ]
    } catch {
      throw .cannotWrite(path: partial.path, detail: "could not encode the snapshot: \(error)")
    }
    var manifest = Manifest(format: 1, sha256: [:])
    for name in Self.files {
      let bytes = contents[name]!
      try FileSystem.writeDurably(bytes, to: partial.appending(path: name))
      manifest.sha256[name] = SHA256.hex(bytes)
    }
    let manifestBytes: [UInt8]
    do { manifestBytes = Array(try encoder.encode(manifest)) } catch { throw .cannotWrite(path: partial.path, detail: "\(error)") }
    try FileSystem.writeDurably(manifestBytes, to: partial.appending(path: "manifest.json"))
    try FileSystem.syncDirectory(partial)
  }

  /// `2026-05-10T12:00:00.123Z` becomes `20260510T120000.123Z` (sorts by time, safe as a file name).
  static func id(for fetchedAt: String) -> String {
    String(fetchedAt.filter { $0 != "-" && $0 != ":" })
  }

  // MARK: - Reading

  /// Ids of the complete snapshots of `source`, oldest first (partial directories are ignored).
  public func snapshotIDs(of source: String) -> [String] {
    let directory = directory(of: source)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
    return names.filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: directory.appending(path: $0 + "/manifest.json").path) }
      .sorted()
  }

  /// Loads one snapshot, verifying every checksum (raw bytes too when `verifyRaw`).
  public func load(source: String, id: String, verifyRaw: Bool = false) throws(StoreError) -> Snapshot {
    let directory = directory(of: source).appending(path: id)
    let manifestBytes = try FileSystem.read(directory.appending(path: "manifest.json"))
    guard let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(manifestBytes)) else {
      throw .corrupt(path: directory.path, detail: "manifest.json is not readable")
    }
    var contents: [String: [UInt8]] = [:]
    for name in Self.files where name != "raw" || verifyRaw {
      let bytes = try FileSystem.read(directory.appending(path: name))
      guard manifest.sha256[name] == SHA256.hex(bytes) else {
        throw .corrupt(path: directory.path, detail: "\(name) does not match its checksum")
      }
      contents[name] = bytes
    }
    let decoder = JSONDecoder()
    guard let metadata = try? decoder.decode(SnapshotMetadata.self, from: Data(contents["metadata.json"]!)),
      let entries = try? decoder.decode([CertificationRecord].self, from: Data(contents["entries.json"]!))
    else { throw .corrupt(path: directory.path, detail: "metadata.json or entries.json cannot be decoded") }
    return Snapshot(id: id, metadata: metadata, entries: entries)
  }

  /// The raw bytes of a snapshot, checked against the manifest.
  public func raw(source: String, id: String) throws(StoreError) -> [UInt8] {
    let directory = directory(of: source).appending(path: id)
    let bytes = try FileSystem.read(directory.appending(path: "raw"))
    let manifestBytes = try FileSystem.read(directory.appending(path: "manifest.json"))
    guard let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(manifestBytes)), manifest.sha256["raw"] == SHA256.hex(bytes) else {
      throw .corrupt(path: directory.path, detail: "raw does not match its checksum")
    }
    return bytes
  }

  /// The newest snapshot of `source` that passes its checksums, if any.
  public func latest(source: String) throws(StoreError) -> Snapshot? {
    guard let id = snapshotIDs(of: source).last else { return nil }
    return try load(source: source, id: id)
  }

  /// Sources with at least one snapshot (including `hds-transfer-mapping/<provider>`).
  public func sources() -> [String] {
    let base = root.appending(path: "snapshots")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.path) else { return [] }
    var result: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      if !snapshotIDs(of: name).isEmpty { result.append(name) }
      if let inner = try? FileManager.default.contentsOfDirectory(atPath: base.appending(path: name).path) {
        for child in inner.sorted() where !child.hasPrefix(".") && !snapshotIDs(of: name + "/" + child).isEmpty {
          result.append(name + "/" + child)
        }
      }
    }
    return result
  }

  /// Checks every snapshot of every source, raw bytes included; returns the problems found.
  public func verify() -> [StoreError] {
    var problems: [StoreError] = []
    for source in sources() {
      for id in snapshotIDs(of: source) {
        do { _ = try load(source: source, id: id, verifyRaw: true) } catch { problems.append(error) }
      }
    }
    return problems
  }
}
