import SovereignCatalogCore

/// Whether one law reaches one offering, with the reasoning a lawyer can check.
public struct LawExposure: Sendable, Hashable, Codable {
  /// The law's id, e.g. `us-cloud-act`.
  public var lawID: String
  public var lawName: String
  public var citation: String
  public var verdict: ExposureVerdict
  /// The reach rule that decided `exposed` (or that could not be decided for `unknown`).
  public var rule: Law.ReachRule?
  /// The path of facts that decides `exposed` (or the most likely path for `unknown`).
  public var path: DecisivePath?
  /// The reasoning in one or a few plain sentences (for `not-exposed`: what was checked).
  public var detail: String
  /// For `unknown`: each missing fact, in plain words, naming the entity and the catalog field.
  public var missingFacts: [String]
  /// The sources of every fact used, the law's own sources last.
  public var sources: [Source]
  /// For `exposed` and `not-exposed`: the kind of source the weakest deciding fact rests on
  /// (a fact's kind is that of the strongest source of its block). Nil for `unknown`.
  public var evidence: SourceKind?
  /// Ids of the derivation rules the verdict rests on (`data/rules/`), e.g. a SecNumCloud 3.2
  /// referential derived from the qualification's dates.
  public var derived: [String]

  public init(
    lawID: String, lawName: String, citation: String, verdict: ExposureVerdict, rule: Law.ReachRule? = nil,
    path: DecisivePath? = nil, detail: String, missingFacts: [String] = [], sources: [Source] = [],
    evidence: SourceKind? = nil, derived: [String] = []
  ) {
    self.lawID = lawID
    self.lawName = lawName
    self.citation = citation
    self.verdict = verdict
    self.rule = rule
    self.path = path
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

  /// The verdict with its grade, e.g. `not-exposed (provider evidence)`.
  public var gradedVerdict: String {
    verdict.rawValue + (evidence.map { " (\($0.phrase))" } ?? "")
  }

  enum CodingKeys: String, CodingKey {
    case lawID = "law"
    case lawName = "law_name"
    case citation, verdict, grade, rule, path, detail
    case evidence = "evidence_kind"
    case missingFacts = "missing_facts"
    case sources, derived, assumed
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      lawID: try c.decode(String.self, forKey: .lawID), lawName: try c.decode(String.self, forKey: .lawName),
      citation: try c.decode(String.self, forKey: .citation), verdict: try c.decode(ExposureVerdict.self, forKey: .verdict),
      rule: try c.decodeIfPresent(Law.ReachRule.self, forKey: .rule), path: try c.decodeIfPresent(DecisivePath.self, forKey: .path),
      detail: try c.decode(String.self, forKey: .detail), missingFacts: try c.decode([String].self, forKey: .missingFacts),
      sources: try c.decode([Source].self, forKey: .sources), evidence: try c.decodeIfPresent(SourceKind.self, forKey: .evidence),
      derived: try c.decodeIfPresent([String].self, forKey: .derived) ?? [])
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(lawID, forKey: .lawID)
    try c.encode(lawName, forKey: .lawName)
    try c.encode(citation, forKey: .citation)
    try c.encode(verdict, forKey: .verdict)
    try c.encode(grade, forKey: .grade)
    try c.encode(evidence, forKey: .evidence)
    try c.encodeIfPresent(rule, forKey: .rule)
    try c.encodeIfPresent(path, forKey: .path)
    try c.encode(detail, forKey: .detail)
    try c.encode(missingFacts, forKey: .missingFacts)
    try c.encode(sources, forKey: .sources)
    try c.encode(derived, forKey: .derived)
    if assumed { try c.encode(true, forKey: .assumed) }
  }
}
