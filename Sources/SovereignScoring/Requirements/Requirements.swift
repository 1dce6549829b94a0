import SovereignCatalog

/// What a project needs from a hosting offering: the contents of a requirements file
/// (see `docs/ranking.md` and `schema/requirements.schema.json`), built in code or read by
/// ``RequirementsReader``.
public struct Requirements: Sendable, Hashable, Codable {
  /// A title for reports.
  public var name: String?
  /// What kind of data will be hosted; `health` implies an HDS gate.
  public var dataKind: DataKind?
  /// Where data may be stored: ISO country codes and/or the groups `EU`, `EEA`. Empty: anywhere.
  public var residency: [String]
  /// Hard constraints.
  public var gates: Gates
  /// What to do with a gate whose fact is unknown.
  public var unknownPolicy: UnknownPolicy
  /// The weakest evidence a gate's deciding fact may rest on: a verdict whose weakest deciding
  /// fact is below it counts as `unknown` (then the unknown policy applies).
  public var evidence: EvidenceGrade
  /// Soft criteria and their weights as given (any non-negative numbers, normalised to sum 1).
  public var criteria: [CriterionWeight]
  /// Capabilities that feed the `capabilities` criterion.
  public var niceToHave: [String]
  /// Aggregation method.
  public var method: MCDAMethod
  /// The CSF weight profile and divisor for the `csf_score` criterion (nil: the defaults,
  /// profile `2026` and the nominal divisor).
  public var csf: CSFSettings?
  /// How `rank --robustness` varies the ranking; nil: the defaults (``RobustnessSettings``).
  public var robustness: RobustnessSettings? = nil

  /// The default weights when `criteria` is omitted: sovereignty 40, certifications 25,
  /// capabilities 20, openness 15.
  /// The default minimum evidence grade: `provider`. A press article or a third party's
  /// compilation is a lead, not a proof a DPO can put in a file; the provider's own certificate
  /// page, contract or requirement-31 page commits the provider, and official lists, regulators,
  /// registries, laws and courts are stronger still (see docs/ranking.md).
  public static let defaultEvidence = EvidenceGrade.provider

  public static let defaultCriteria: [CriterionWeight] = [
    CriterionWeight(.sovereignty, 40), CriterionWeight(.certifications, 25),
    CriterionWeight(.capabilities, 20), CriterionWeight(.openness, 15),
  ]

  public init(
    name: String? = nil, dataKind: DataKind? = nil, residency: [String] = [], gates: Gates = Gates(),
    unknownPolicy: UnknownPolicy = .conservative, evidence: EvidenceGrade = Requirements.defaultEvidence,
    criteria: [CriterionWeight] = Requirements.defaultCriteria, niceToHave: [String] = [], method: MCDAMethod = .topsis,
    csf: CSFSettings? = nil
  ) {
    self.name = name
    self.dataKind = dataKind
    self.residency = residency
    self.gates = gates
    self.unknownPolicy = unknownPolicy
    self.evidence = evidence
    self.criteria = criteria
    self.niceToHave = niceToHave
    self.method = method
    self.csf = csf
  }

  /// True when a gate or criterion needs the EU Cloud Sovereignty Framework.
  public var usesCSF: Bool {
    !(gates.csfMinSeal ?? [:]).isEmpty || gates.csfMinSealOverall != nil || criteria.contains { $0.criterion == .csfScore }
  }

  /// The CSF settings in force: those given, else the defaults.
  public var effectiveCSF: CSFSettings { csf ?? CSFSettings() }

  enum CodingKeys: String, CodingKey {
    case name
    case dataKind = "data_kind"
    case residency, gates
    case unknownPolicy = "unknown"
    case evidence
    case criteria
    case niceToHave = "nice_to_have"
    case method
    case csf
    case robustness
  }

  /// Every key is written, absent values as `null`, so the JSON layout is stable.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(dataKind, forKey: .dataKind)
    try container.encode(residency, forKey: .residency)
    try container.encode(gates, forKey: .gates)
    try container.encode(unknownPolicy, forKey: .unknownPolicy)
    try container.encode(evidence, forKey: .evidence)
    try container.encode(criteria, forKey: .criteria)
    try container.encode(niceToHave, forKey: .niceToHave)
    try container.encode(method, forKey: .method)
    try container.encode(csf, forKey: .csf)
    try container.encodeIfPresent(robustness, forKey: .robustness)
  }

  /// The HDS activities the HDS gate requires: those given, or all six (1-6) when the data is
  /// health data and none were given; nil when there is no HDS gate.
  public var effectiveHDSActivities: [Int]? {
    if let given = gates.hdsActivities { return given }
    if dataKind == .health { return Array(1...6) }
    return nil
  }

  /// Kind of data hosted.
  public enum DataKind: String, Sendable, Hashable, Codable, CaseIterable {
    case health, personal, sensitive
    case `public`
  }

  /// Policy for a gate whose deciding fact is unknown.
  public enum UnknownPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// The gate fails.
    case strict
    /// The offering is excluded, and the verdict is reported as unknown (not as a failure).
    case conservative
    /// The gate passes, with a visible warning.
    case tolerant
  }

  /// Minimum SecNumCloud status.
  public enum SecNumCloudRequirement: String, Sendable, Hashable, Codable, CaseIterable {
    /// Qualified by ANSSI.
    case qualified
    /// Qualified or in the qualification process (milestone J0-J3).
    case inProgress = "in-progress"
    /// No requirement (same as omitting the key; written for explicitness).
    case any
  }

  /// The hard constraints. Every gate is optional.
  public struct Gates: Sendable, Hashable, Codable {
    /// HDS activities (1-6) the certificate must cover.
    public var hdsActivities: [Int]?
    /// Minimum HDS referential version (`1.1` or `2.0`).
    public var hdsReferential: String?
    /// Minimum SecNumCloud status.
    public var secNumCloud: SecNumCloudRequirement?
    /// Law ids (catalog `laws/`) that must not reach the offering.
    public var immuneTo: [String]
    /// The offering must pass the SecNumCloud 3.2 § 19.6 ownership check.
    public var secNumCloud196: Bool
    /// The offering must be one of these service types.
    public var serviceTypes: [Offering.ServiceType]
    /// The offering must offer all these capabilities.
    public var capabilities: [String]
    /// Minimum CSF SEAL (0-4) per objective id (`SOV-1` … `SOV-8`).
    public var csfMinSeal: [String: Int]?
    /// Minimum overall CSF SEAL (the lowest objective SEAL).
    public var csfMinSealOverall: Int?

    public init(
      hdsActivities: [Int]? = nil, hdsReferential: String? = nil, secNumCloud: SecNumCloudRequirement? = nil,
      immuneTo: [String] = [], secNumCloud196: Bool = false, serviceTypes: [Offering.ServiceType] = [],
      capabilities: [String] = [], csfMinSeal: [String: Int]? = nil, csfMinSealOverall: Int? = nil
    ) {
      self.hdsActivities = hdsActivities
      self.hdsReferential = hdsReferential
      self.secNumCloud = secNumCloud
      self.immuneTo = immuneTo
      self.secNumCloud196 = secNumCloud196
      self.serviceTypes = serviceTypes
      self.capabilities = capabilities
      self.csfMinSeal = csfMinSeal
      self.csfMinSealOverall = csfMinSealOverall
    }

    enum CodingKeys: String, CodingKey {
      case hdsActivities = "hds_activities"
      case hdsReferential = "hds_referential"
      case secNumCloud = "secnumcloud"
      case immuneTo = "immune_to"
      case secNumCloud196 = "secnumcloud_19_6"
      case serviceTypes = "service_types"
      case capabilities
      case csfMinSeal = "csf_min_seal"
      case csfMinSealOverall = "csf_min_seal_overall"
    }

    /// Every key is written, absent values as `null`.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(hdsActivities, forKey: .hdsActivities)
      try container.encode(hdsReferential, forKey: .hdsReferential)
      try container.encode(secNumCloud, forKey: .secNumCloud)
      try container.encode(immuneTo, forKey: .immuneTo)
      try container.encode(secNumCloud196, forKey: .secNumCloud196)
      try container.encode(serviceTypes, forKey: .serviceTypes)
      try container.encode(capabilities, forKey: .capabilities)
      try container.encode(csfMinSeal, forKey: .csfMinSeal)
      try container.encode(csfMinSealOverall, forKey: .csfMinSealOverall)
    }
  }
}

/// A criterion and its weight as given.
public struct CriterionWeight: Sendable, Hashable, Codable {
  public var criterion: CriterionKind
  public var weight: Double

  public init(_ criterion: CriterionKind, _ weight: Double) {
    self.criterion = criterion
    self.weight = weight
  }
}
