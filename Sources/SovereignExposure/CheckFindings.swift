import SovereignCatalogCore

/// What a check has found so far: the verdicts of its tests, the sentences explaining them, the
/// facts that would settle an `unknown` (each named once, in the order found) and the sources cited.
struct CheckFindings: Sendable {
  private(set) var verdicts: [CheckVerdict] = []
  private(set) var details: [String] = []
  private(set) var missingFacts: [String] = []
  private(set) var sources: [Source] = []
  /// The kind each cited block of facts rests on (its strongest source).
  private(set) var kinds: [SourceKind?] = []

  /// `fail` if any test failed, else `unknown` if any is unknown, else `pass`.
  var verdict: CheckVerdict { CheckVerdict.combine(verdicts) }

  /// The sentences, as one paragraph.
  var detail: String { details.joined(separator: " ") }

  mutating func record(_ verdict: CheckVerdict, _ detail: String? = nil) {
    verdicts.append(verdict)
    if let detail { details.append(detail) }
  }

  mutating func explain(_ detail: String) { details.append(detail) }

  mutating func missing(_ fact: String) {
    if !missingFacts.contains(fact) { missingFacts.append(fact) }
  }

  mutating func missing(_ facts: [String]) { facts.forEach { missing($0) } }

  /// Cites one block of facts (the sources of one provenance).
  mutating func cite(_ cited: [Source]) {
    merge(cited, into: &sources)
    kinds.append(Provenance(cited).strongestKind)
  }

  /// Cites the blocks an ownership analysis read, each with its own grade.
  mutating func cite(_ analysis: HoldingsAnalysis) {
    merge(analysis.sources, into: &sources)
    kinds += analysis.kinds
  }

  /// Adds another check's findings (e.g. one providing entity's) to these.
  mutating func absorb(_ other: CheckFindings) {
    verdicts.append(other.verdict)
    details.append(contentsOf: other.details)
    missing(other.missingFacts)
    merge(other.sources, into: &sources)
    kinds += other.kinds
  }

  /// The findings as a 19.6 sub-criterion; missing facts are kept only when the verdict is `unknown`.
  func criterion(id: String, requirement: String) -> SecNumCloudEligibility.Criterion {
    let verdict = verdict
    return SecNumCloudEligibility.Criterion(
      id: id, requirement: requirement, verdict: verdict, detail: detail,
      missingFacts: verdict == .unknown ? missingFacts : [], sources: sources,
      evidence: verdict == .unknown ? nil : SourceKind.weakest(kinds))
  }
}
