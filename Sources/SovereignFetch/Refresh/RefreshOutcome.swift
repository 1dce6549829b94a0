import SovereignCatalog

/// Why a source could not be refreshed. The previous snapshot is always kept.
public enum RefreshFailure: Error, Sendable, Hashable, CustomStringConvertible {
  /// No URL of the source answered usably (each attempt's error, in order).
  case unreachable([FetchError])
  /// The document was fetched but cannot be read (format changed, bad text, wrong content type).
  case unparsable(ParseError)
  /// The snapshot could not be stored.
  case store(StoreError)
  /// The local copy given with `--file` cannot be read (path, reason).
  case missingFile(path: String, reason: String)
  /// The document is an older edition than the stored snapshot's (its edition date, the stored one's).
  case olderEdition(found: CalendarDate, stored: CalendarDate)

  public var description: String {
    switch self {
    case .unreachable(let errors):
      guard errors.count > 1 else { return errors.first?.description ?? "no URL to fetch" }
      // Each URL's reason in order, then each distinct hint once.
      var hints: [String] = []
      for hint in errors.compactMap(\.hint) where !hints.contains(hint) { hints.append(hint) }
      return "none of the \(errors.count) addresses of the list answered usably: "
        + errors.map(\.reason).joined(separator: "; then ") + hints.map { "; " + $0 }.joined()
    case .unparsable(let error): return error.description
    case .store(let error): return error.description
    case .missingFile(let path, let reason): return "cannot read `\(path)`: \(reason)"
    case .olderEdition(let found, let stored):
      return "the document is the edition of \(found), older than the stored snapshot's (\(stored)): a newer list is never replaced by an older one"
    }
  }
}

/// What refreshing one source did.
public struct RefreshOutcome: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable, Codable {
    /// A new snapshot was stored.
    case updated
    /// The server answered 304, or sent the same bytes: nothing stored.
    case unchanged
    case failed
  }

  /// Store key: the source id (`hds`), or `hds-transfer-mapping/<provider>`.
  public var source: String
  public var status: Status
  /// The newest snapshot after the refresh (new or kept), if any.
  public var snapshot: SnapshotMetadata?
  /// True when this is the source's first snapshot (its rows are not listed as "new").
  public var isFirstSnapshot: Bool = false
  /// Differences with the previous snapshot, then expired / expiring rows.
  public var changes: [Change] = []
  public var failure: RefreshFailure?
}
