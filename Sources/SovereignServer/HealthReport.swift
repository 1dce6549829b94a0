import Foundation
import Sovereign

/// `GET /api/v1/health`: the server is up, and which catalog it serves.
struct HealthReport: Encodable {
  struct CatalogState: Encodable {
    var origin: String
    var fingerprint: String
    var loadedAt: String
    var providers: Int
    var offerings: Int
    /// Offerings with facts from lists stored by `sovereign refresh`.
    var offeringsWithFetchedFacts: Int

    enum CodingKeys: String, CodingKey {
      case origin, fingerprint, providers, offerings
      case loadedAt = "loaded_at"
      case offeringsWithFetchedFacts = "offerings_with_fetched_facts"
    }
  }

  var status = "ok"
  var version = SovereignVersion.current
  var offline: Bool
  var catalog: CatalogState

  init(served: ServedCatalog, offline: Bool) {
    self.offline = offline
    let formatter = ISO8601DateFormatter()
    catalog = CatalogState(
      origin: served.origin, fingerprint: served.fingerprint, loadedAt: formatter.string(from: served.loadedAt),
      providers: served.catalog.providers.count, offerings: served.catalog.offerings.count,
      offeringsWithFetchedFacts: served.notes.count)
  }
}
