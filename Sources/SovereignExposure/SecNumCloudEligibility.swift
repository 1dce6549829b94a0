import SovereignCatalog

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

    public init(id: String, requirement: String, verdict: CheckVerdict, detail: String, missingFacts: [String] = [], sources: [Source] = []) {
      self.id = id
      self.requirement = requirement
      self.verdict = verdict
      self.detail = detail
      self.missingFacts = missingFacts
      self.sources = sources
    }

    enum CodingKeys: String, CodingKey {
      case id, requirement, verdict, detail
      case missingFacts = "missing_facts"
      case sources
    }
  }
}
