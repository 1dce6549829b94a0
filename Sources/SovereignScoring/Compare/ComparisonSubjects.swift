import SovereignCatalog

/// The ids given to `sovereign compare`, resolved to offerings: an offering id is that offering;
/// a provider id is each of its offerings, in file order. Duplicates are dropped (first kept).
public enum ComparisonSubjects {
  /// An id that names neither an offering nor a provider.
  public struct UnknownID: Error, Sendable, Hashable, CustomStringConvertible {
    public var id: String
    /// `did you mean ...?`, or nil when nothing is close.
    public var hint: String?

    public var description: String {
      "no offering or provider has the id `\(id)`: " + (hint ?? "run `sovereign providers` to list the provider ids and `sovereign show PROVIDER` for its offerings")
    }
  }

  /// The offerings the ids name, in order; throws on the first unknown id.
  public static func resolve(_ ids: [String], in catalog: Catalog) throws(UnknownID) -> [Offering] {
    var result: [Offering] = []
    for id in ids {
      let found: [Offering]
      if let offering = catalog.offering(id: id) {
        found = [offering]
      } else if let provider = catalog.provider(id: id) {
        found = provider.offerings
      } else {
        throw UnknownID(id: id, hint: Suggestions.hint(for: id, in: catalog.offerings.map(\.id) + catalog.providers.map(\.id)))
      }
      for offering in found where !result.contains(where: { $0.id == offering.id }) { result.append(offering) }
    }
    return result
  }
}
