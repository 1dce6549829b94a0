import SovereignCatalog

/// How much of what decides a verdict the catalog knows: per offering, each deciding fact known
/// (read from a source), derived (by a rule of `data/rules/`) or unknown, with its grade; totals
/// per fact; sources per kind; sources older than a year; certificates expiring soon. Built by
/// ``CoverageAnalysis``; encodes to the JSON of `sovereign coverage --format json`
/// (top-level `date`, `offerings`, `providers`, `facts`, `sources_by_kind`, ...).
public struct CoverageReport: Sendable, Hashable, Encodable {
  /// The date facts were judged against (currency of certificates, age of sources).
  public var date: CalendarDate
  public var offerings: [OfferingCoverage]
  public var providers: [ProviderCoverage]
  /// Totals per fact id, in ``CoverageFact/allCases`` order (JSON: an object keyed by fact id).
  public var facts: [CoverageFact: FactTotals]
  /// Distinct sources of the catalog (providers, laws, rules), per kind (every kind listed).
  public var sourcesByKind: [SourceKind: Int]
  /// Sources whose as-of date is more than ``staleAfterDays`` before ``date``.
  public var staleSources: [SourceAge]
  /// Certificates and qualifications whose end date (read or derived) is within
  /// ``expiringWithinDays`` days of ``date``.
  public var expiringCertificates: [ExpiringCertificate]
  public var staleAfterDays: Int
  public var expiringWithinDays: Int
  /// The counts the catalog's coverage targets are measured by.
  public var targets: CoverageTargets

  enum CodingKeys: String, CodingKey {
    case date, offerings, providers, facts
    case sourcesByKind = "sources_by_kind"
    case sourcesTotal = "sources_total"
    case staleSources = "stale_sources"
    case expiringCertificates = "expiring_certificates"
    case staleAfterDays = "stale_after_days"
    case expiringWithinDays = "expiring_within_days"
    case totals, targets
  }

  struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(date, forKey: .date)
    try container.encode(offerings, forKey: .offerings)
    try container.encode(providers, forKey: .providers)
    var facts = container.nestedContainer(keyedBy: DynamicKey.self, forKey: .facts)
    for fact in CoverageFact.allCases { try facts.encode(self.facts[fact] ?? FactTotals(), forKey: DynamicKey(fact.rawValue)) }
    var kinds = container.nestedContainer(keyedBy: DynamicKey.self, forKey: .sourcesByKind)
    for kind in SourceKind.allCases { try kinds.encode(sourcesByKind[kind] ?? 0, forKey: DynamicKey(kind.rawValue)) }
    try container.encode(sourcesByKind.values.reduce(0, +), forKey: .sourcesTotal)
    try container.encode(staleSources, forKey: .staleSources)
    try container.encode(expiringCertificates, forKey: .expiringCertificates)
    try container.encode(staleAfterDays, forKey: .staleAfterDays)
    try container.encode(expiringWithinDays, forKey: .expiringWithinDays)
    var totals = container.nestedContainer(keyedBy: DynamicKey.self, forKey: .totals)
    try totals.encode(providers.count, forKey: DynamicKey("providers"))
    try totals.encode(offerings.count, forKey: DynamicKey("offerings"))
    try container.encode(targets, forKey: .targets)
  }
}

/// A fact that decides a verdict, as the coverage report counts it.
public enum CoverageFact: String, Sendable, Hashable, CaseIterable, Encodable {
  case hdsStatus = "hds_status"
  case hdsActivities = "hds_activities"
  case hdsReferential = "hds_referential"
  case hdsValidity = "hds_validity"
  case secNumCloudStatus = "secnumcloud_status"
  case secNumCloudValidity = "secnumcloud_validity"
  case residency
  case capabilities
  case contractingEntitySeat = "contracting_entity_seat"
  case controlDecided = "control_decided"
  case accessCountries = "access_countries"
  case usCloudAct = "us_cloud_act"

  /// A short column label for the table.
  public var label: String {
    switch self {
    case .hdsStatus: "hds"
    case .hdsActivities: "act"
    case .hdsReferential: "ref"
    case .hdsValidity: "hds-valid"
    case .secNumCloudStatus: "snc"
    case .secNumCloudValidity: "snc-valid"
    case .residency: "regions"
    case .capabilities: "caps"
    case .contractingEntitySeat: "seat"
    case .controlDecided: "control"
    case .accessCountries: "access"
    case .usCloudAct: "cloud-act"
    }
  }
}

/// Where one fact of one offering stands.
public enum CoverageState: String, Sendable, Hashable, Encodable {
  /// Read from a cited source.
  case known
  /// Derived by a rule of `data/rules/` from facts read.
  case derived
  /// No source decides it.
  case unknown
  /// Does not apply (e.g. the HDS activities of an offering known not to be certified).
  case notApplicable = "not-applicable"
}

/// One fact of one offering.
public struct FactCoverage: Sendable, Hashable, Encodable {
  public var state: CoverageState
  /// The value as read or derived, in words (e.g. `certified`, `2.0`, `FR`, `not-exposed`).
  public var value: String?
  /// The kind of source the fact rests on (for derived facts: the facts it was derived from).
  public var evidence: SourceKind?
  /// The rule that derived it, when derived.
  public var rule: String?

  public init(_ state: CoverageState, value: String? = nil, evidence: SourceKind? = nil, rule: String? = nil) {
    self.state = state
    self.value = value
    self.evidence = state == .known || state == .derived ? evidence : nil
    self.rule = rule
  }

  /// The fact's grade (`secondary`, `provider`, `official`), nil when unknown or not applicable.
  public var grade: EvidenceGrade? { evidence?.grade }

  enum CodingKeys: String, CodingKey {
    case state, value, grade
    case evidence = "evidence_kind"
    case rule
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(state, forKey: .state)
    try container.encode(value, forKey: .value)
    try container.encode(grade, forKey: .grade)
    try container.encode(evidence, forKey: .evidence)
    try container.encode(rule, forKey: .rule)
  }
}

/// The deciding facts of one offering.
public struct OfferingCoverage: Sendable, Hashable, Encodable {
  public var offeringID: String
  public var providerID: String
  public var name: String
  public var facts: [CoverageFact: FactCoverage]

  enum CodingKeys: String, CodingKey {
    case offeringID = "offering"
    case providerID = "provider"
    case name, facts
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(offeringID, forKey: .offeringID)
    try container.encode(providerID, forKey: .providerID)
    try container.encode(name, forKey: .name)
    var facts = container.nestedContainer(keyedBy: CoverageReport.DynamicKey.self, forKey: .facts)
    for fact in CoverageFact.allCases {
      try facts.encode(self.facts[fact] ?? FactCoverage(.unknown), forKey: CoverageReport.DynamicKey(fact.rawValue))
    }
  }
}

/// One provider: its offerings and the sources its file cites.
public struct ProviderCoverage: Sendable, Hashable, Encodable {
  public var id: String
  public var name: String
  public var offerings: Int
  public var sources: Int
  public var sourcesByKind: [String: Int]

  enum CodingKeys: String, CodingKey {
    case id, name, offerings, sources
    case sourcesByKind = "sources_by_kind"
  }
}

/// Counts for one fact over every offering.
public struct FactTotals: Sendable, Hashable, Encodable {
  public var known = 0
  public var derived = 0
  public var unknown = 0
  public var notApplicable = 0
  /// Known and derived facts per grade.
  public var byGrade: [String: Int] = Dictionary(uniqueKeysWithValues: EvidenceGrade.allCases.map { ($0.rawValue, 0) })

  public init() {}

  mutating func count(_ fact: FactCoverage) {
    switch fact.state {
    case .known: known += 1
    case .derived: derived += 1
    case .unknown: unknown += 1
    case .notApplicable: notApplicable += 1
    }
    if let grade = fact.grade { byGrade[grade.rawValue, default: 0] += 1 }
  }

  enum CodingKeys: String, CodingKey {
    case known, derived, unknown
    case notApplicable = "not_applicable"
    case byGrade = "by_grade"
  }
}

/// A source older than the report's limit.
public struct SourceAge: Sendable, Hashable, Encodable {
  /// The provider file (or `laws/<id>`, `rules/<id>`) that cites it.
  public var citedBy: String
  public var id: String
  public var url: String
  public var kind: SourceKind
  public var asOf: CalendarDate
  public var ageDays: Int

  enum CodingKeys: String, CodingKey {
    case citedBy = "cited_by"
    case id, url, kind
    case asOf = "as_of"
    case ageDays = "age_days"
  }
}

/// A certificate or qualification whose end date falls soon.
public struct ExpiringCertificate: Sendable, Hashable, Encodable {
  public var offeringID: String
  /// `hds` or `secnumcloud`.
  public var scheme: String
  public var validUntil: CalendarDate
  public var daysLeft: Int
  /// The rule that derived the end date, when it was not read.
  public var rule: String?

  enum CodingKeys: String, CodingKey {
    case offeringID = "offering"
    case scheme
    case validUntil = "valid_until"
    case daysLeft = "days_left"
    case rule
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(offeringID, forKey: .offeringID)
    try container.encode(scheme, forKey: .scheme)
    try container.encode(validUntil, forKey: .validUntil)
    try container.encode(daysLeft, forKey: .daysLeft)
    try container.encode(rule, forKey: .rule)
  }
}
