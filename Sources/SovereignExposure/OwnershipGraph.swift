import SovereignCatalogCore

/// The catalog's ownership facts read as a graph (holder -> held entity), with the bounds each
/// holding is known within. Pure (holdings analyses are memoised, see ``SharedMemo``); built per engine.
struct OwnershipGraph: Sendable {
  /// What a percentage measures.
  enum Measure: String, Sendable, CaseIterable {
    case capital
    case votes

    var words: String { self == .capital ? "capital" : "voting rights" }
  }

  let catalog: Catalog
  /// Holdings analyses already made on this graph: the SecNumCloud checks and the ownership
  /// report of every offering ask again for the same entities, and each analysis walks the whole
  /// chain above the entity.
  let memo = SharedMemo<HoldingsKey, HoldingsAnalysis>()

  struct HoldingsKey: Hashable, Sendable {
    let entity: String
    let measure: Measure
  }

  /// The holders of `entity` by `measure`, directly or through chains (``HoldingsAnalysis``),
  /// computed once per graph.
  func holdings(of entity: String, measure: Measure) -> HoldingsAnalysis {
    memo.value(for: HoldingsKey(entity: entity, measure: measure)) {
      HoldingsAnalysis(target: entity, measure: measure, graph: self)
    }
  }

  func entity(_ id: String) -> LegalEntity? { catalog.entities[id] }

  func name(_ id: String) -> String { catalog.entities[id]?.name ?? id }

  /// States, persons, families and public floats hold shares but are not held: their owners are not asked for.
  func isTerminal(_ entity: LegalEntity) -> Bool {
    switch entity.kind {
    case .state, .person, .family, .publicFloat: return true
    case .company, .fund, .foundation: return false
    }
  }

  /// True when every holder of the entity is listed: it cannot be held, its file says
  /// `owners_complete: yes`, or the capital of the listed holders is known and adds up to 100 %.
  /// (Rights held by contract by someone who holds no share at all are outside the catalog's facts.)
  func ownersKnownComplete(_ entity: LegalEntity) -> Bool {
    if isTerminal(entity) || entity.ownersComplete == .yes { return true }
    // Every capital share known and summing to 100 % (asked for every entity of every chain of
    // every offering: summed in place, without an array).
    guard !entity.owners.isEmpty else { return false }
    var total = 0.0
    for edge in entity.owners {
      guard let capital = edge.capital.value else { return false }
      total += capital
    }
    return total >= 99.995
  }

  private func value(_ edge: OwnershipEdge, _ measure: Measure) -> Double? {
    measure == .capital ? edge.capital.value : edge.votes.value
  }

  /// The bounds of each listed holding (same order as `entity.owners`).
  ///
  /// A known value is exact. An unknown one is at most 100 % minus what the others surely hold,
  /// and, when the list is complete, at least 100 % minus what the others can hold at most
  /// (so the sole listed owner of a complete list holds 100 %).
  func ranges(of entity: LegalEntity, _ measure: Measure) -> [ShareRange] {
    let raw = entity.owners.map { edge in value(edge, measure).map { ShareRange(exactly: $0) } ?? .anything }
    let complete = ownersKnownComplete(entity)
    return raw.indices.map { index in
      if value(entity.owners[index], measure) != nil { return raw[index] }
      var othersLow = 0.0
      var othersHigh = 0.0
      for other in raw.indices where other != index {
        othersLow += raw[other].low
        othersHigh += raw[other].high
      }
      return ShareRange(low: complete ? 100 - othersHigh : 0, high: 100 - othersLow)
    }
  }

  /// What the unlisted holders hold, or nil when the list of owners is complete.
  func remainder(of entity: LegalEntity, _ measure: Measure) -> ShareRange? {
    guard !ownersKnownComplete(entity) else { return nil }
    var low = 0.0
    var high = 0.0
    for edge in entity.owners {
      let known = value(edge, measure)
      low += known ?? 0
      high += known ?? 100
    }
    return ShareRange(low: 100 - high, high: 100 - low)
  }

  /// The country of central administration. A person, family or state has a country, not
  /// headquarters: its `seat` stands for both when `headquarters` is not given.
  func headquarters(of entity: LegalEntity) -> Known<String> {
    switch entity.kind {
    case .person, .family, .state: return entity.headquarters.isKnown ? entity.headquarters : entity.seat
    default: return entity.headquarters
    }
  }

  /// Where the entity stands for SecNumCloud 19.6: non-EU as soon as its seat or headquarters is outside the EU.
  func region(of entity: LegalEntity) -> OwnershipReport.Region {
    let countries = [entity.seat.value, headquarters(of: entity).value]
    if countries.contains(where: { $0.map { !catalog.isEU($0) } ?? false }) { return .nonEU }
    if countries.allSatisfy({ $0.map(catalog.isEU) ?? false }) { return .eu }
    return .unknown
  }

  /// The country to print after the entity's name: seat, else headquarters.
  func country(of entity: LegalEntity) -> String? {
    entity.seat.value ?? entity.headquarters.value
  }

  /// `Name (FR)`, or `Name (country unknown)`.
  func label(_ id: String) -> String {
    guard let entity = entity(id) else { return id }
    return "\(entity.name) (\(country(of: entity) ?? "country unknown"))"
  }

  /// The holders of `entity` whose own owners are not all known (public float aside), when there
  /// are two or more and together they may hold more than half of its capital or votes: one
  /// unlisted holder of them all would then control it, jointly through them. Nil otherwise (a
  /// single such holder with a controlling share is a possible controller in its own right).
  func openJointHolding(of entity: LegalEntity) -> (holders: [LegalEntity], upTo: Double)? {
    let capital = ranges(of: entity, .capital)
    let votes = ranges(of: entity, .votes)
    var holders: [LegalEntity] = []
    var (capitalHigh, votesHigh) = (0.0, 0.0)
    for (index, edge) in entity.owners.enumerated() {
      guard let owner = self.entity(edge.owner), owner.id != entity.id, owner.kind != .publicFloat,
        !ownersKnownComplete(owner), !holders.contains(where: { $0.id == owner.id })
      else { continue }
      holders.append(owner)
      capitalHigh += capital[index].high
      votesHigh += votes[index].high
    }
    let upTo = min(100, max(capitalHigh, votesHigh))
    return holders.count >= 2 && upTo > 50 ? (holders, upTo) : nil
  }

  /// Why the owners of an entity may hide a holder: the text for a missing fact.
  func incompleteOwnersFact(_ entity: LegalEntity) -> String {
    "the owners of \(entity.name) [\(entity.id)] are not known to be complete (owners_complete: \(entity.ownersComplete))"
  }
}

/// `30%`, `55-70%`: a compact percentage for path labels.
func compactPercent(_ range: ShareRange) -> String {
  func number(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
  }
  return range.isExact ? "\(number(range.low))%" : "\(number(range.low))-\(number(range.high))%"
}

/// Appends sources not yet in the list, keeping order.
func merge(_ sources: [Source], into list: inout [Source]) {
  for source in sources where !list.contains(source) { list.append(source) }
}
