import SovereignCatalogCore

/// An estimate of eligibility under SecNumCloud 3.2 § 19.6 ("protection against non-EU law"),
/// computed from the catalog's ownership facts.
///
/// It estimates eligibility only: whether an offering *is* qualified comes from ANSSI's
/// catalogue (the offering's `certifications.secnumcloud`), never from this check.
///
/// Reading rules: an entity is non-EU when its seat or headquarters is outside the EU; indirect
/// holdings are products of percentages along chains, summed over chains; a missing percentage
/// or country makes a bound, and a verdict is `pass` only when the upper bound is within the
/// limit. A public float is dispersed: no individual holder (each investor is below disclosure
/// thresholds), but its total counts in the collective 39 % test when its country (that of the
/// investors) is non-EU, and as an upper bound when unknown. Third-party access (19.6 c) is
/// judged from the subprocessors the catalog lists; none listed is `unknown`.
public struct SecNumCloudEligibility: Sendable, Hashable, Codable {
  /// `pass` only when every sub-criterion passes; `fail` when one fails; `unknown` otherwise.
  public var verdict: CheckVerdict
  /// The verdict of the ownership and seat criteria only (19.6 a and b), leaving out third-party
  /// access (19.6 c), which depends on subprocessor facts the catalog often lacks.
  public var structureVerdict: CheckVerdict
  public var criteria: [Criterion]
  /// Reminder that this is an estimate, printed with the result.
  public var note: String

  public static let estimateNote =
    "Estimate of eligibility under SecNumCloud 3.2 § 19.6 from the catalog's facts; only ANSSI's catalogue says whether a service is qualified."

  public init(criteria: [Criterion], note: String = Self.estimateNote) {
    self.verdict = CheckVerdict.combine(criteria.map(\.verdict))
    self.structureVerdict = CheckVerdict.combine(criteria.filter { $0.id.hasPrefix("19.6-a") || $0.id.hasPrefix("19.6-b") }.map(\.verdict))
    self.criteria = criteria
    self.note = note
  }

  /// One sub-criterion of § 19.6.
  enum CodingKeys: String, CodingKey {
    case verdict
    case structureVerdict = "structure_verdict"
    case criteria, note
  }

  public struct Criterion: Sendable, Hashable, Codable {
    /// Stable id: `19.6-a-seat`, `19.6-b-individual`, `19.6-b-collective`, `19.6-b-rights`, `19.6-c-third-party-access`.
    public var id: String
    /// What the referential requires, in plain words.
    public var requirement: String
    public var verdict: CheckVerdict
    /// Why, with the figures.
    public var detail: String
    /// For `unknown`: the missing facts.
    public var missingFacts: [String]
    public var sources: [Source]
    /// For `pass` and `fail`: the kind of source the weakest deciding fact rests on (nil when unknown).
    public var evidence: SourceKind?
    /// Ids of the derivation rules the verdict rests on (e.g. a SecNumCloud 3.2 referential derived).
    public var derived: [String]

    public init(
      id: String, requirement: String, verdict: CheckVerdict, detail: String, missingFacts: [String] = [], sources: [Source] = [],
      evidence: SourceKind? = nil, derived: [String] = []
    ) {
      self.id = id
      self.requirement = requirement
      self.verdict = verdict
      self.detail = detail
      self.missingFacts = missingFacts
      self.sources = sources
      self.evidence = evidence
      self.derived = derived
    }

    /// The grade of the weakest deciding fact (JSON `grade`), nil when the verdict is unknown.
    public var grade: EvidenceGrade? { evidence?.grade }

    /// True when the verdict rests on an assumption (`--assume`): JSON `assumed: true`.
    public var assumed: Bool { evidence == .assumption || sources.restsOnAssumption }

    enum CodingKeys: String, CodingKey {
      case id, requirement, verdict, grade, detail
      case evidence = "evidence_kind"
      case missingFacts = "missing_facts"
      case sources, derived, assumed
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      self.init(
        id: try c.decode(String.self, forKey: .id), requirement: try c.decode(String.self, forKey: .requirement),
        verdict: try c.decode(CheckVerdict.self, forKey: .verdict), detail: try c.decode(String.self, forKey: .detail),
        missingFacts: try c.decode([String].self, forKey: .missingFacts), sources: try c.decode([Source].self, forKey: .sources),
        evidence: try c.decodeIfPresent(SourceKind.self, forKey: .evidence),
        derived: try c.decodeIfPresent([String].self, forKey: .derived) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(requirement, forKey: .requirement)
      try c.encode(verdict, forKey: .verdict)
      try c.encode(grade, forKey: .grade)
      try c.encode(evidence, forKey: .evidence)
      try c.encode(detail, forKey: .detail)
      try c.encode(missingFacts, forKey: .missingFacts)
      try c.encode(sources, forKey: .sources)
      try c.encode(derived, forKey: .derived)
      if assumed { try c.encode(true, forKey: .assumed) }
    }
  }
}
