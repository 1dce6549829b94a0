import SovereignCatalog

/// The outcome of one gate for one offering.
public enum GateVerdict: String, Sendable, Hashable, Codable, CaseIterable {
  /// The facts show the offering meets the gate.
  case pass
  /// The facts show it does not (or its fact is unknown and the policy is `strict`).
  case fail
  /// The deciding fact is unknown in the catalog.
  case unknown
}

/// A verdict with what decided it, in words, and the sources of the facts used.
///
/// The verdict's conformances are required by the extensions below, not by the type itself (see
/// `Fact`).
public struct Evidence<Verdict> {
  public var verdict: Verdict
  /// One plain sentence: the facts and how they decided the verdict.
  public var detail: String
  public var sources: [Source]
  /// The kind of source the weakest deciding fact rests on (nil when nothing decided the verdict).
  public var evidence: SourceKind?
  /// For `unknown`: the facts that would decide it, in plain words (may be empty).
  public var missingFacts: [String] = []

  public init(_ verdict: Verdict, _ detail: String, sources: [Source] = [], evidence: SourceKind? = nil, missingFacts: [String] = []) {
    self.verdict = verdict
    self.detail = detail
    self.sources = sources
    self.evidence = evidence
    self.missingFacts = missingFacts
  }
}

extension Evidence: Sendable where Verdict: Sendable {}
extension Evidence: Equatable where Verdict: Equatable {}
extension Evidence: Hashable where Verdict: Hashable {}
extension Evidence: Encodable where Verdict: Encodable {}
extension Evidence: Decodable where Verdict: Decodable {}

/// One gate's verdict for one offering, as reported.
public struct GateResult: Sendable, Hashable, Codable {
  /// Gate id: `residency`, `hds`, `secnumcloud`, `immune_to:<law-id>`, `secnumcloud_19_6`,
  /// `service_types` or `capabilities`.
  public var gate: String
  public var verdict: GateVerdict
  public var detail: String
  public var sources: [Source]
  /// Set when the `tolerant` policy let an unknown verdict pass.
  public var warning: String?
  /// For `pass` and `fail`: the kind of source the weakest deciding fact rests on, e.g. `registry`.
  public var evidence: SourceKind?
  /// The verdict on the facts, before the unknown policy (`strict` turns `unknown` into `fail`).
  public var factVerdict: GateVerdict
  /// For a verdict that is unknown on the facts: the facts that would decide it.
  public var missingFacts: [String]

  public init(gate: String, evidence: Evidence<GateVerdict>, warning: String? = nil, factVerdict: GateVerdict? = nil) {
    self.gate = gate
    self.verdict = evidence.verdict
    self.detail = evidence.detail
    self.sources = evidence.sources
    self.warning = warning
    self.evidence = evidence.verdict == .unknown ? nil : evidence.evidence
    self.factVerdict = factVerdict ?? evidence.verdict
    self.missingFacts = evidence.missingFacts
  }

  /// The grade of the weakest deciding fact (`secondary`, `provider`, `official`); nil for `unknown`.
  public var grade: EvidenceGrade? { evidence?.grade }

  /// True when the verdict rests on an assumption (`--assume`): JSON `assumed: true`.
  public var assumed: Bool { evidence == .assumption || sources.restsOnAssumption }

  /// The verdict with its grade, e.g. `pass (registry evidence)`.
  public var gradedVerdict: String {
    verdict.rawValue + (evidence.map { " (\($0.phrase))" } ?? "")
  }

  enum CodingKeys: String, CodingKey {
    case gate, verdict, grade, detail, sources, warning
    case evidence = "evidence_kind"
    case factVerdict = "fact_verdict"
    case missingFacts = "missing_facts"
    case assumed
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    gate = try c.decode(String.self, forKey: .gate)
    verdict = try c.decode(GateVerdict.self, forKey: .verdict)
    detail = try c.decode(String.self, forKey: .detail)
    sources = try c.decode([Source].self, forKey: .sources)
    warning = try c.decodeIfPresent(String.self, forKey: .warning)
    evidence = try c.decodeIfPresent(SourceKind.self, forKey: .evidence)
    factVerdict = try c.decodeIfPresent(GateVerdict.self, forKey: .factVerdict) ?? verdict
    missingFacts = try c.decodeIfPresent([String].self, forKey: .missingFacts) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(gate, forKey: .gate)
    try container.encode(verdict, forKey: .verdict)
    try container.encode(grade, forKey: .grade)
    try container.encode(evidence, forKey: .evidence)
    try container.encode(detail, forKey: .detail)
    try container.encode(sources, forKey: .sources)
    try container.encode(warning, forKey: .warning)
    try container.encode(factVerdict, forKey: .factVerdict)
    try container.encode(missingFacts, forKey: .missingFacts)
    if assumed { try container.encode(true, forKey: .assumed) }
  }
}
