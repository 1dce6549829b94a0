import Foundation
import Sovereign

/// The catalog a running server answers from, loaded and validated once and then shared
/// read-only by every request until a reload replaces it whole (see ``CatalogHolder``).
public struct ServedCatalog: Sendable {
  /// The catalog as loaded (what `sovereign providers` lists).
  public let base: Catalog
  /// The catalog with the newest lists stored by `sovereign refresh` laid over it (what `show`,
  /// `exposure`, `rank` and `coverage` use), or ``base`` when offline.
  public let catalog: Catalog
  /// Per offering id: which facts came from which stored list.
  public let notes: [String: [String]]
  /// Where the catalog came from: `bundled` or the directory's path.
  public let origin: String
  /// SHA-256 of the catalog files as loaded (relative path and contents, in path order).
  public let fingerprint: String
  /// When it was loaded.
  public let loadedAt: Date
  /// The words a requirements document may use (countries, capabilities, laws) in this catalog.
  public let vocabulary: RequirementsVocabulary
  let exposures: ExposureCache
  /// Rankings already rendered from this catalog, for identical requests.
  let rankings = RankingCache()

  init(base: Catalog, catalog: Catalog, notes: [String: [String]], origin: String, fingerprint: String, loadedAt: Date) {
    self.base = base
    self.catalog = catalog
    self.notes = notes
    self.origin = origin
    self.fingerprint = fingerprint
    self.loadedAt = loadedAt
    vocabulary = RequirementsVocabulary(catalog: catalog)
    exposures = ExposureCache(catalog: catalog)
  }

  /// A ranker over ``catalog`` judging facts at `day`, with the exposure of every offering
  /// assessed once per day and catalog (as `Ranker(catalog:today:)` does on each CLI run).
  func ranker(at day: CalendarDate, maximumFactAgeDays: Int) -> Ranker {
    Ranker(catalog: catalog, exposure: exposures.exposure(at: day), today: day, maximumFactAgeDays: maximumFactAgeDays)
  }
}

/// The exposure engine's results for one catalog, per day judged at; a few days are kept (a
/// request may ask for any `as_of`, so the cache is bounded).
final class ExposureCache: @unchecked Sendable {
  private let catalog: Catalog
  private let lock = NSLock()
  private var byDay: [CalendarDate: EngineExposure] = [:]
  static let capacity = 8

  init(catalog: Catalog) { self.catalog = catalog }

  func exposure(at day: CalendarDate) -> EngineExposure {
    if let cached = lock.withLock({ byDay[day] }) { return cached }
    let computed = EngineExposure(catalog: catalog, asOf: day)
    lock.withLock {
      if byDay.count >= Self.capacity { byDay.removeAll() }
      byDay[day] = computed
    }
    return computed
  }
}
