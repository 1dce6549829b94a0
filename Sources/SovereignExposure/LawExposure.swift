import SovereignCatalog

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

  public init(
    lawID: String, lawName: String, citation: String, verdict: ExposureVerdict, rule: Law.ReachRule? = nil,
    path: DecisivePath? = nil, detail: String, missingFacts: [String] = [], sources: [Source] = []
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
  }

  enum CodingKeys: String, CodingKey {
    case lawID = "law"
    case lawName = "law_name"
    case citation, verdict, rule, path, detail
    case missingFacts = "missing_facts"
    case sources
  }
}
