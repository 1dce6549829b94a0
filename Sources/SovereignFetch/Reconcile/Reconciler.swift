import SovereignCatalog

/// Matches list rows to catalog offerings.
///
/// Rule (documented in `sovereign refresh --help`): a row's holder matches a legal entity when
/// their names are equal after ``NameNormalizer`` (case, accents, punctuation and legal forms
/// ignored), or equal to one of the entity's `aliases` (catalog files), or to the name of the
/// provider declaring it. The row then concerns the offerings whose contracting entity or an
/// operator is that entity. A row naming a service (SecNumCloud) is narrowed to the offering whose
/// catalog decision number equals the row's, else whose name or one of its `aliases` equals the
/// service after normalisation, else whose name or alias shares the most words with the
/// service (more than half the words of the shorter name; such a match updates a qualification
/// the catalog records but qualifies no offering), even when the entity has a single offering in
/// the catalog: a qualification covers the named service, and the catalog's one
/// offering may be another. When none or several remain, the row is reported unmatched rather
/// than applied to the wrong offering or to all.
/// Rows that match nothing are reported, never dropped.
public struct Reconciler: Sendable {
  /// One row and the offerings it concerns.
  public struct Match: Sendable, Hashable {
    public var record: CertificationRecord
    public var entityID: String
    public var offeringIDs: [String]
    /// False when the row's service was matched to the offering only by shared words (not by its
    /// decision number, name or an alias): enough to update a qualification the catalog records,
    /// never to make an offering qualified.
    public var serviceMatchedExactly: Bool = true
  }

  /// The outcome of matching a list against the catalog.
  public struct Result: Sendable, Hashable {
    public var matches: [Match] = []
    /// Rows no catalog entity matches (or matching ambiguously): listed for a human to review.
    public var unmatched: [CertificationRecord] = []
  }

  let catalog: Catalog
  /// Normalised name to entity ids.
  let names: [String: Set<String>]

  public init(catalog: Catalog) {
    self.catalog = catalog
    var names: [String: Set<String>] = [:]
    for (id, entity) in catalog.entities {
      names[NameNormalizer.normalize(entity.name), default: []].insert(id)
      for alias in entity.aliases { names[NameNormalizer.normalize(alias), default: []].insert(id) }
    }
    for provider in catalog.providers {
      // The provider's brand name also designates the entities its offerings are contracted with.
      for offering in provider.offerings {
        names[NameNormalizer.normalize(provider.name), default: []].insert(offering.contractingEntity)
      }
    }
    self.names = names
  }

  /// Entity ids whose name or alias matches `holder`.
  public func entities(matching holder: String) -> Set<String> {
    names[NameNormalizer.normalize(holder)] ?? []
  }

  /// Matches every record.
  public func reconcile(_ records: [CertificationRecord]) -> Result {
    var result = Result()
    for record in records {
      let entityIDs = entities(matching: record.holder)
      guard !entityIDs.isEmpty else {
        result.unmatched.append(record)
        continue
      }
      var offerings = catalog.offerings.filter { offering in
        entityIDs.contains(offering.contractingEntity) || !entityIDs.isDisjoint(with: offering.operators)
      }
      var exactly = true
      if let service = record.service, !offerings.isEmpty {
        (offerings, exactly) = narrow(offerings, service: service, decision: record.identifier)
      }
      guard !offerings.isEmpty, record.service == nil || offerings.count == 1 else {
        result.unmatched.append(record)
        continue
      }
      let entity = offerings.first.map { offering in entityIDs.contains(offering.contractingEntity) ? offering.contractingEntity : entityIDs.sorted()[0] }
      result.matches.append(
        Match(record: record, entityID: entity ?? entityIDs.sorted()[0], offeringIDs: offerings.map(\.id), serviceMatchedExactly: exactly))
    }
    return result
  }

  /// Catalog names nearest a row that matched nothing (at most `limit`): entity names and
  /// aliases for its holder, and the offering names of its holder's entities for its service.
  public func closestNames(to record: CertificationRecord, limit: Int = 3) -> [String] {
    let entityIDs = entities(matching: record.holder)
    let wanted: String
    var candidates: [String]
    if !entityIDs.isEmpty, let service = record.service {
      wanted = NameNormalizer.normalize(service)
      candidates = catalog.offerings.filter { entityIDs.contains($0.contractingEntity) || !entityIDs.isDisjoint(with: $0.operators) }
        .flatMap { [$0.name] + $0.aliases }
    } else {
      wanted = NameNormalizer.normalize(record.holder)
      candidates = catalog.entities.values.flatMap { [$0.name] + $0.aliases } + catalog.providers.map(\.name)
    }
    candidates = Array(Set(candidates))
    let scored = candidates.map { name -> (String, Double) in
      let other = NameNormalizer.normalize(name)
      let distance = Double(Suggestions.editDistance(wanted, other)) / Double(max(1, max(wanted.count, other.count)))
      return (name, distance)
    }
    return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
  }

  /// The offerings a service name designates, and whether exactly (decision number, name or
  /// alias) rather than by shared words.
  func narrow(_ offerings: [Offering], service: String, decision: String?) -> (offerings: [Offering], exactly: Bool) {
    if let decision, let exact = offerings.first(where: { $0.certifications.secNumCloud?.decision.value == decision }) {
      return ([exact], true)
    }
    let normalized = NameNormalizer.normalize(service)
    let exact = offerings.filter { offering in
      ([offering.name] + offering.aliases).contains { NameNormalizer.normalize($0) == normalized }
    }
    if !exact.isEmpty { return (exact, true) }
    let wanted = Set(normalized.split(separator: " "))
    // Share of the shorter name's words found in the other; more than half must match.
    let scored = offerings.map { offering -> (Offering, Double) in
      let best = ([offering.name] + offering.aliases).map { name -> Double in
        let words = Set(NameNormalizer.normalize(name).split(separator: " "))
        let smaller = max(1, min(words.count, wanted.count))
        return Double(words.intersection(wanted).count) / Double(smaller)
      }.max() ?? 0
      return (offering, best)
    }
    let best = scored.map(\.1).max() ?? 0
    guard best > 0.5 else { return ([], false) }
    return (scored.filter { $0.1 == best }.map(\.0), false)
  }
}
