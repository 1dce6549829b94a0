import SovereignCatalogCore

/// The readable form of exposure results for a terminal (`sovereign exposure`, `sovereign show`):
/// a verdict matrix (one line per offering, one column per law, the laws that matter first), then
/// per offering its verdicts in a few lines (the decisive path when exposed), then every missing
/// fact stated once, numbered, grouped by the entity it concerns; the verdict lines refer to the
/// numbers. ``ExposureReport`` has the full reasoning.
public struct ExposureOverview: Sendable {
  public let results: [OfferingExposure]
  /// Law ids in the order they are shown.
  public let lawOrder: [String]

  /// `priority`: law ids to show first (e.g. a requirements file's `immune_to`); without one,
  /// US laws first (the laws most offerings are reached by), then the others by id.
  public init(results: [OfferingExposure], priority: [String] = []) {
    self.results = results
    var laws: [(id: String, us: Bool)] = []
    for result in results {
      for law in result.laws where !laws.contains(where: { $0.id == law.lawID }) {
        laws.append((law.lawID, law.lawID.hasPrefix("us-")))
      }
    }
    let ids = laws.sorted { ($0.us ? 0 : 1, $0.id) < ($1.us ? 0 : 1, $1.id) }.map(\.id)
    lawOrder = priority.filter(ids.contains) + ids.filter { !priority.contains($0) }
  }

  /// Law ids ordered for display: `priority` first, then US laws, then the others by id.
  public static func order(_ laws: [String], priority: [String] = []) -> [String] {
    let sorted = laws.sorted { ($0.hasPrefix("us-") ? 0 : 1, $0) < ($1.hasPrefix("us-") ? 0 : 1, $1) }
    return priority.filter(laws.contains) + sorted.filter { !priority.contains($0) }
  }

  /// One line per offering: its id, each law's verdict, whether the seat is outside the EU, the
  /// SecNumCloud 19.6 estimate. Fitted to `width` when given.
  public func matrix(width: Int? = nil) -> String {
    let rows = results.map { result in
      [result.offeringID]
        + lawOrder.map { id in result.laws.first { $0.lawID == id }?.verdict.rawValue ?? "" }
        + [result.seat.outsideEU.description, result.secNumCloud196.verdict.rawValue]
    }
    var table = TextTable(headers: ["offering"] + lawOrder + ["non-EU seat", "SNC 19.6"], rows: rows)
    // Law columns narrow first, longest id first, keeping room for `not-exposed`; the offering id last.
    let verdictWidth = ExposureVerdict.notExposed.rawValue.count
    table.shrinkFirst = (1...lawOrder.count).sorted { (-table.headers[$0].count, $0) < (-table.headers[$1].count, $1) }
    let headers = table.headers
    table.minimumWidths = Dictionary(
      uniqueKeysWithValues: (1...(lawOrder.count + 2)).map { ($0, max(verdictWidth, min(headers[$0].count, 12))) })
    return table.render(maxWidth: width)
  }

  /// The line above the matrix.
  public func header(asOf: CalendarDate? = nil) -> String {
    "Verdicts\(asOf.map { " as of \($0)" } ?? "") (laws that matter first; exposed: the law reaches the offering)\n"
  }

  /// The missing facts of every result, each once, in order of first appearance.
  public var missingFacts: [String] {
    var seen: [String] = []
    for result in results {
      let facts = result.laws.flatMap(\.missingFacts) + result.seat.missingFacts
        + result.secNumCloud196.criteria.flatMap(\.missingFacts)
      for fact in facts where !seen.contains(fact) { seen.append(fact) }
    }
    return seen
  }

  /// The entity a missing fact is about: the first `[id]` it names, or nil.
  static func entity(of fact: String) -> String? {
    guard let open = fact.firstIndex(of: "["), let close = fact[open...].firstIndex(of: "]") else { return nil }
    let id = fact[fact.index(after: open)..<close]
    return id.isEmpty || id.contains(" ") ? nil : String(id)
  }

  /// Matrix, per-offering verdicts and the missing facts stated once; wrapped to `width`.
  public func render(width: Int? = nil, asOf: CalendarDate? = nil, withMatrix: Bool = true) -> String {
    let facts = missingFacts
    let number = Dictionary(facts.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
    func refs(_ list: [String]) -> String {
      let numbers = Set(list.compactMap { number[$0] }).sorted()
      return numbers.isEmpty ? "" : " (missing: " + numbers.map { "[\($0)]" }.joined(separator: ", ") + ")"
    }
    var out = withMatrix ? header(asOf: asOf) + matrix(width: width) + "\n" : ""
    for result in results {
      out += "Exposure of \(result.offeringName) [\(result.offeringID)] (reasoning: sovereign exposure \(result.offeringID))\n"
      for id in lawOrder {
        guard let law = result.laws.first(where: { $0.lawID == id }) else { continue }
        out += "  \(law.lawID): \(law.gradedVerdict)\(law.rule.map { " (rule: \($0.rawValue))" } ?? "")"
        out += law.verdict == .unknown ? refs(law.missingFacts) : ""
        out += "\n"
        if law.verdict == .exposed, let path = law.path { out += "    path: \(path)\n" }
      }
      out += "  seat outside the EU: \(result.seat.outsideEU); outside the EEA: \(result.seat.outsideEEA)\(refs(result.seat.missingFacts))\n"
      out += "  SecNumCloud 3.2 § 19.6 eligibility (estimate): \(result.secNumCloud196.verdict.rawValue)"
      out += refs(result.secNumCloud196.criteria.flatMap(\.missingFacts)) + "\n"
      for conflict in result.conflicts {
        out += "  conflict on \(conflict.subject): sourced fact vs SecNumCloud attestation; decided for the fact\n"
      }
      for notice in result.certificates { out += "  \(notice.text)\n" }
    }
    if !facts.isEmpty {
      out += "\nMissing facts (each stated once, by the entity it concerns; the numbers above refer to them):\n"
      var groups: [(String?, [String])] = []
      for fact in facts {
        let key = Self.entity(of: fact)
        if let index = groups.firstIndex(where: { $0.0 == key }) { groups[index].1.append(fact) } else { groups.append((key, [fact])) }
      }
      for (entity, list) in groups {
        out += "  \(entity ?? "other"):\n"
        for fact in list { out += "    [\(number[fact] ?? 0)] \(fact)\n" }
      }
    }
    return width.map { TextWrap.wrap(out, width: $0, continuation: 4) } ?? out
  }
}
