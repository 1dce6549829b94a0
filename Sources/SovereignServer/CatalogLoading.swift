import Foundation
import Sovereign

/// Why the catalog could not be (re)loaded: the same messages as the CLI's (file:line:column).
public struct CatalogLoadFailure: Error, Sendable, CustomStringConvertible {
  public var description: String
  /// True when the catalog is missing or unreadable (exit 66), false when it is invalid (65).
  public var isMissing: Bool
}

/// Loads and validates the catalog a server serves: the bundled one or a directory, with the
/// newest lists stored by `sovereign refresh` laid over it unless offline (as the CLI does).
struct CatalogLoading: Sendable {
  var directory: URL?
  var offline: Bool
  /// Receives a line for each stored snapshot that could not be used.
  var warn: @Sendable (String) -> Void

  func load() throws(CatalogLoadFailure) -> ServedCatalog {
    let files: [CatalogFile]
    let base: Catalog
    do {
      files = try directory.map { try CatalogLoader.files(in: $0) } ?? Catalog.bundledFiles
      base = try CatalogLoader.load(files: files)
    } catch let error as CatalogLoadError {
      switch error {
      case .notFound, .notADirectory, .unreadable: throw CatalogLoadFailure(description: error.description, isMissing: true)
      case .invalid: throw CatalogLoadFailure(description: error.description, isMissing: false)
      }
    } catch let error as DiagnosticList {
      throw CatalogLoadFailure(
        description: error.description + "\n\(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s") in the catalog",
        isMissing: false)
    } catch {
      throw CatalogLoadFailure(description: "\(error)", isMissing: false)
    }
    let (catalog, notes) = overlay(base)
    return ServedCatalog(
      base: base, catalog: catalog, notes: notes, origin: directory?.path ?? "bundled",
      fingerprint: Self.fingerprint(files), loadedAt: Date())
  }

  /// The newest stored list facts laid over `catalog` (as `--offline` absent in the CLI).
  private func overlay(_ catalog: Catalog) -> (Catalog, [String: [String]]) {
    guard !offline else { return (catalog, [:]) }
    let store = SnapshotStore(root: SnapshotStore.defaultRoot())
    guard !store.sources().isEmpty else { return (catalog, [:]) }
    let sources: SourceList
    do {
      sources = try SourceList.bundled()
    } catch {
      warn("the bundled list of sources is invalid, stored lists are not used: \(error)")
      return (catalog, [:])
    }
    let (overlaid, problems) = SnapshotOverlay.applyLatest(to: catalog, store: store, sources: sources)
    for problem in problems { warn("a stored snapshot is damaged and was not used: \(problem)") }
    return (overlaid.catalog, overlaid.notes)
  }

  /// SHA-256 over each file's relative path and contents, in path order.
  static func fingerprint(_ files: [CatalogFile]) -> String {
    var bytes: [UInt8] = []
    for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
      bytes += Array(file.relativePath.utf8) + [0] + Array(String(file.contents.count).utf8) + [0] + file.contents
    }
    return SHA256.hex(bytes)
  }
}

/// The served catalog, replaced whole on reload; requests take the current one and keep it for
/// their whole duration.
public final class CatalogHolder: @unchecked Sendable {
  private let lock = NSLock()
  private var served: ServedCatalog

  init(_ served: ServedCatalog) { self.served = served }

  /// The catalog requests should use now.
  public var current: ServedCatalog { lock.withLock { served } }

  func replace(with new: ServedCatalog) { lock.withLock { served = new } }
}
