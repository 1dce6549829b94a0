import ArgumentParser
import Foundation
import Sovereign

/// `--offline`: shared by the commands that lay the newest `sovereign refresh` snapshots over the
/// catalog (`show`, `exposure`, `rank`).
struct SnapshotOptions: ParsableArguments {
  @Flag(help: "Use only the catalog's own facts, not the lists stored by `sovereign refresh`.")
  var offline = false

  /// The catalog with the newest stored list facts laid over it (unless `--offline`), and, per
  /// offering id, which facts came from which list and when.
  func overlay(_ catalog: Catalog) -> (catalog: Catalog, notes: [String: [String]]) {
    storedOverlay(catalog) ?? (catalog, [:])
  }

  /// ``overlay(_:)``, or nil when no stored list was laid over `catalog` (--offline, an empty
  /// store): `catalog` is then unchanged.
  func storedOverlay(_ catalog: Catalog) -> (catalog: Catalog, notes: [String: [String]])? {
    guard !offline else { return nil }
    let store = SnapshotStore(root: SnapshotStore.defaultRoot())
    guard !store.sources().isEmpty else { return nil }
    let sources: SourceList
    do {
      sources = try SourceList.bundled()
    } catch {
      Terminal.warning("the bundled list of sources is invalid, stored lists are not used: \(error)")
      return nil
    }
    let (overlaid, problems) = SnapshotOverlay.applyLatest(to: catalog, store: store, sources: sources)
    for problem in problems {
      Terminal.warning("a stored snapshot is damaged and was not used: \(problem)")
    }
    return (overlaid.catalog, overlaid.notes)
  }

  /// The stored lists whose facts ``overlay(_:)`` lays over the catalog, with their retrieval dates.
  func listsUsed() -> [DecisionReport.FetchedList] {
    guard !offline else { return [] }
    let store = SnapshotStore(root: SnapshotStore.defaultRoot())
    return store.sources().compactMap { source in
      guard let snapshot = try? store.latest(source: source) else { return nil }
      return DecisionReport.FetchedList(source: source, url: snapshot.metadata.url, retrievedAt: snapshot.metadata.fetchedAt)
    }
  }

  /// The lines that tell the reader which facts come from stored lists.
  static func describe(_ notes: [String: [String]], offerings: [String]? = nil) -> String {
    let ids = (offerings ?? Array(notes.keys)).filter { notes[$0] != nil }.sorted()
    guard !ids.isEmpty else { return "" }
    var lines = ["", "Facts from lists fetched by `sovereign refresh` (use --offline to ignore them):"]
    for id in ids {
      for note in notes[id] ?? [] { lines.append("  \(id): \(note)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
