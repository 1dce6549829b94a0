import SovereignCatalog

/// What a decision report says, computed once from a ``Ranking`` and rendered by the Markdown and
/// HTML renderers (and the server) alike: the requirements as read, the headline, the ranking, a
/// section per shortlisted offering (every gate with its evidence, the score's arithmetic, flags),
/// exclusions grouped by reason, optional robustness, and the provenance of the run.
public struct DecisionReport: Sendable {
  /// Where the result comes from: printed in the report's footer.
  public struct Provenance: Sendable, Hashable {
    public var toolVersion: String
    /// SHA-256 of the catalog as loaded (see `CatalogFingerprint`); nil when not computed.
    public var catalogFingerprint: String?
    /// Lists fetched by `sovereign refresh` whose facts were laid over the catalog.
    public var fetchedLists: [FetchedList]

    public init(toolVersion: String = SovereignVersion.current, catalogFingerprint: String? = nil, fetchedLists: [FetchedList] = []) {
      self.toolVersion = toolVersion
      self.catalogFingerprint = catalogFingerprint
      self.fetchedLists = fetchedLists
    }
  }

  /// A stored list used for the run, e.g. `anssi-secnumcloud` retrieved `2026-11-30T08:00:00Z`.
  public struct FetchedList: Sendable, Hashable {
    public var source: String
    public var url: String
    public var retrievedAt: String

    public init(source: String, url: String, retrievedAt: String) {
      self.source = source
      self.url = url
      self.retrievedAt = retrievedAt
    }
  }

  /// One line of the requirements as read: a label and its value.
  public struct Fact: Sendable, Hashable {
    public var label: String
    public var value: String
  }

  /// One criterion in one offering's score.
  public struct BreakdownRow: Sendable, Hashable {
    public var criterion: String
    public var raw: Double
    public var normalized: Double
    public var weight: Double
    /// Weighted sum: the contribution to the score. TOPSIS: the `(v − anti-ideal)²` term of D−².
    public var part: Double
    /// TOPSIS only: the `(v − ideal)²` term of D+².
    public var idealTerm: Double?
    public var explanation: String
  }

  /// The arithmetic of one offering's score, in parts that add up to ``total``.
  public struct Breakdown: Sendable, Hashable {
    public var rows: [BreakdownRow]
    /// Sum of the parts: the score (weighted sum) or D−² (TOPSIS).
    public var total: Double
    /// TOPSIS only: D+ and D−.
    public var distances: TOPSISDistances?
  }

  /// A shortlisted offering's section.
  public struct Shortlisted: Sendable, Hashable {
    public var offering: RankedOffering
    public var breakdown: Breakdown
    /// Flags about certificates (`expired:`, `expiring:`).
    public var expiries: [String]
    /// Other flags (stale facts, facts from fetched lists).
    public var otherFlags: [String]
  }

  /// Excluded offerings sharing their first deciding gate and verdict (failures before unknowns).
  public struct ExclusionGroup: Sendable, Hashable {
    public var gate: String
    public var verdict: GateVerdict
    /// Each offering with its deciding gate's result.
    public var members: [(offering: RankedOffering, result: GateResult)]

    public static func == (a: Self, b: Self) -> Bool {
      a.gate == b.gate && a.verdict == b.verdict && a.members.map(\.offering) == b.members.map(\.offering)
    }
    public func hash(into hasher: inout Hasher) {
      hasher.combine(gate)
      hasher.combine(verdict)
    }
  }

  public var ranking: Ranking
  public var language: ReportLanguage
  /// True: every eligible offering is shortlisted and every failing gate of an excluded offering
  /// is listed (`--explain`).
  public var explain: Bool
  public var provenance: Provenance
  /// SMAA-2 result over the eligible offerings (alternatives are offering ids), when asked for.
  public var robustness: RobustnessReport?

  public var title: String
  public var requirementFacts: [Fact]
  public var headline: String
  public var shortlist: [Shortlisted]
  public var exclusions: [ExclusionGroup]
  /// Every source cited by a gate or a criterion, once, by URL.
  public var sources: [Source]

  /// Default number of shortlisted offerings (`--top`).
  public static let defaultTop = 5

  public init(
    ranking: Ranking, language: ReportLanguage = .en, top: Int = DecisionReport.defaultTop, explain: Bool = false,
    provenance: Provenance = Provenance(), robustness: RobustnessReport? = nil
  ) {
    let s = language.strings
    self.ranking = ranking
    self.language = language
    self.explain = explain
    self.provenance = provenance
    self.robustness = robustness
    title = ranking.requirements.name ?? s.defaultTitle
    requirementFacts = Self.facts(ranking, s)
    headline = s.headline(ranking.date, ranking.summary)
    let chosen = explain ? ranking.eligible : Array(ranking.eligible.prefix(max(0, top)))
    shortlist = chosen.map(Self.shortlisted)
    exclusions = Self.groups(ranking.excluded)
    var seen = Set<String>()
    sources = ranking.offerings.flatMap { o in o.gates.flatMap(\.sources) + o.criteria.flatMap(\.sources) }
      .filter { seen.insert($0.url).inserted }
      .sorted { $0.url < $1.url }
  }

  static func facts(_ ranking: Ranking, _ s: ReportStrings) -> [Fact] {
    let r = ranking.requirements
    var facts: [Fact] = []
    if let kind = r.dataKind { facts.append(Fact(label: s.data, value: kind.rawValue)) }
    if !r.residency.isEmpty { facts.append(Fact(label: s.residency, value: r.residency.joined(separator: ", "))) }
    if let activities = r.gates.hdsActivities {
      var value = activities.map(String.init).joined(separator: ", ")
      if let referential = r.gates.hdsReferential {
        value += ", " + s.referentialOrLater(referential)
      }
      facts.append(Fact(label: s.hdsActivities, value: value))
    }
    if let snc = r.gates.secNumCloud { facts.append(Fact(label: s.secNumCloud, value: snc.rawValue)) }
    if !r.gates.immuneTo.isEmpty { facts.append(Fact(label: s.notReachedBy, value: r.gates.immuneTo.joined(separator: ", "))) }
    if r.gates.secNumCloud196 { facts.append(Fact(label: s.secNumCloud196, value: s.required)) }
    if !r.gates.serviceTypes.isEmpty {
      facts.append(Fact(label: s.serviceTypes, value: r.gates.serviceTypes.map(\.rawValue).joined(separator: ", ")))
    }
    if !r.gates.capabilities.isEmpty { facts.append(Fact(label: s.capabilities, value: r.gates.capabilities.joined(separator: ", "))) }
    if !r.niceToHave.isEmpty { facts.append(Fact(label: s.niceToHave, value: r.niceToHave.joined(separator: ", "))) }
    facts.append(Fact(label: s.unknownFacts, value: r.unknownPolicy.rawValue))
    facts.append(Fact(label: s.minimumEvidence, value: r.evidence.rawValue))
    facts.append(Fact(label: s.method, value: "\(ranking.method.rawValue) (\(ranking.method.normalizationName))"))
    facts.append(Fact(
      label: s.criteria,
      value: ranking.criteria.map { "\($0.name) \(NumberFormat.short($0.weight * 100, digits: 1)) %" }.joined(separator: ", ")))
    return facts
  }

  static func shortlisted(_ o: RankedOffering) -> Shortlisted {
    let rows = o.criteria.map { c in
      BreakdownRow(
        criterion: c.criterion, raw: c.raw, normalized: c.normalized, weight: c.weight,
        part: c.contribution ?? c.antiIdealTerm ?? 0, idealTerm: c.idealTerm, explanation: c.explanation)
    }
    // Summed in criterion order, as the scoring does: the weighted sum's parts give its score exactly.
    var total = 0.0
    for row in rows { total += row.part }
    let isExpiry = { (flag: String) in flag.hasPrefix("expired:") || flag.hasPrefix("expiring:") }
    return Shortlisted(
      offering: o, breakdown: Breakdown(rows: rows, total: total, distances: o.distances),
      expiries: o.flags.filter(isExpiry), otherFlags: o.flags.filter { !isExpiry($0) })
  }

  static func groups(_ excluded: [RankedOffering]) -> [ExclusionGroup] {
    var groups: [ExclusionGroup] = []
    for o in excluded {
      let deciding = o.gates.first { $0.verdict == .fail } ?? o.gates.first { $0.verdict == .unknown }
      guard let deciding else { continue }
      if let index = groups.firstIndex(where: { $0.gate == deciding.gate && $0.verdict == deciding.verdict }) {
        groups[index].members.append((o, deciding))
      } else {
        groups.append(ExclusionGroup(gate: deciding.gate, verdict: deciding.verdict, members: [(o, deciding)]))
      }
    }
    // Largest groups first; failures before unknowns at equal size; then by gate.
    return groups.sorted {
      if $0.members.count != $1.members.count { return $0.members.count > $1.members.count }
      if $0.verdict != $1.verdict { return $0.verdict == .fail }
      return $0.gate < $1.gate
    }
  }
}

