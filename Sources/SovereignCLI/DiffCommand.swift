import ArgumentParser
import Foundation
import Sovereign

/// `sovereign diff`: the changes between two stored snapshots of a source.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed in a certification list between two stored snapshots.",
    discussion: """
      DATE is YYYY-MM-DD: the newest snapshot fetched on or before that day (UTC). Without --to, \
      the newest snapshot; without --from, the one before --to. Exit codes: 0 done; 64 bad date; \
      66 fewer than two snapshots match.
      """
  )

  @Argument(help: "Source: hds, secnumcloud, or hds-transfer-mapping/<provider>.")
  var source: String

  @Option(help: ArgumentHelp("Older snapshot: the newest fetched on or before this day.", valueName: "DATE"))
  var from: String?

  @Option(help: ArgumentHelp("Newer snapshot: the newest fetched on or before this day.", valueName: "DATE"))
  var to: String?

  @Option(help: "Output format: table or json.")
  var format: RefreshFormat = .table

  func run() throws {
    let store = SnapshotStore(root: SnapshotStore.defaultRoot())
    let ids = store.snapshotIDs(of: source)
    func newest(onOrBefore text: String?, before limit: Int) throws -> Int? {
      let candidates = ids.indices.filter { $0 < limit }
      guard let text else { return candidates.last }
      guard let date = CalendarDate(iso: text) else {
        Terminal.error("`\(text)` is not a date written YYYY-MM-DD")
        throw ExitCode(ExitStatus.usage)
      }
      let compact = date.description.replacingOccurrences(of: "-", with: "")
      return candidates.last { String(ids[$0].prefix(8)) <= compact }
    }
    guard let newer = try newest(onOrBefore: to, before: ids.count),
      let older = try newest(onOrBefore: from, before: from == nil ? newer : ids.count), older < newer
    else {
      Terminal.error(
        "`\(source)` has \(ids.count) stored snapshot(s) in \(store.root.path); two distinct snapshots are needed "
          + "(run `sovereign refresh \(source)` later, or adjust --from/--to)")
      throw ExitCode(ExitStatus.inputNotFound)
    }
    let old: Snapshot
    let new: Snapshot
    do {
      old = try store.load(source: source, id: ids[older])
      new = try store.load(source: source, id: ids[newer])
    } catch {
      Terminal.error(error.description)
      throw ExitCode(ExitStatus.invalidData)
    }
    let today = new.metadata.fetchDate ?? CalendarDate.today()
    let changes = SnapshotDiff.compare(old: old.entries, new: new.entries, today: today)
    switch format {
    case .json:
      struct Output: Encodable {
        var source: String
        var from: String
        var to: String
        /// The editions the two documents state, when they state one.
        var fromEdition: String?
        var toEdition: String?
        var changes: [Change]

        enum CodingKeys: String, CodingKey {
          case source, from, to, changes
          case fromEdition = "from_edition"
          case toEdition = "to_edition"
        }
      }
      Terminal.write(
        try JSONOutput.encode(
          Output(
            source: source, from: old.metadata.fetchedAt, to: new.metadata.fetchedAt, fromEdition: old.metadata.editionDate,
            toEdition: new.metadata.editionDate, changes: changes)))
    case .table:
      func stamp(_ snapshot: Snapshot) -> String {
        snapshot.metadata.fetchedAt + (snapshot.metadata.editionDate.map { ", edition of \($0)" } ?? "")
          + " (\(snapshot.entries.count) entries)"
      }
      var text = "\(source): \(stamp(old)) -> \(stamp(new))\n"
      let listed = changes.filter { $0.kind != .expired && $0.kind != .expiringSoon }
      if listed.isEmpty { text += "  no change between the two snapshots\n" }
      text += changes.map { "  \($0.description)\n" }.joined()
      Terminal.write(text)
    }
  }
}
