/// The certifications and qualifications of one offering.
public struct Certifications: Sendable, Hashable, Codable {
  /// French health-data hosting certification; nil when nothing is known.
  public var hds: HDSCertification?
  /// ANSSI SecNumCloud qualification; nil when nothing is known.
  public var secNumCloud: SecNumCloudQualification?
  /// Other schemes (ISO 27001, BSI C5, ...).
  public var others: [OtherCertification]

  public init(hds: HDSCertification? = nil, secNumCloud: SecNumCloudQualification? = nil, others: [OtherCertification] = []) {
    self.hds = hds
    self.secNumCloud = secNumCloud
    self.others = others
  }

  enum CodingKeys: String, CodingKey {
    case hds
    case secNumCloud = "secnumcloud"
    case others
  }
}

/// Whether an offering holds a certificate.
public enum CertificationStatus: String, Sendable, Hashable, Codable, CaseIterable {
  case certified
  case notCertified = "not-certified"
  case unknown
}

/// HDS (Hébergeur de Données de Santé) certification of an offering.
public struct HDSCertification: Sendable, Hashable, Codable {
  public var status: CertificationStatus
  /// Activities 1-6 of article R.1111-9 of the French public health code.
  public var activities: Known<[Int]>
  /// Referential version: `1.1` (2018) or `2.0` (2024).
  public var referential: Known<String>
  /// Certifying body.
  public var body: Known<String>
  /// Certificate number.
  public var certificate: Known<String>
  public var validUntil: Known<CalendarDate>
  /// Countries covered.
  public var regions: Known<[String]>
  public var provenance: Provenance

  public init(
    status: CertificationStatus, activities: Known<[Int]> = .unknown, referential: Known<String> = .unknown,
    body: Known<String> = .unknown, certificate: Known<String> = .unknown, validUntil: Known<CalendarDate> = .unknown,
    regions: Known<[String]> = .unknown, provenance: Provenance = Provenance()
  ) {
    self.status = status
    self.activities = activities
    self.referential = referential
    self.body = body
    self.certificate = certificate
    self.validUntil = validUntil
    self.regions = regions
    self.provenance = provenance
  }

  enum CodingKeys: String, CodingKey {
    case status, activities, referential, body, certificate
    case validUntil = "valid_until"
    case regions, provenance
  }

  /// The six HDS activities, in plain words.
  public static let activityNames: [Int: String] = [
    1: "physical sites (data centres)",
    2: "hardware infrastructure",
    3: "virtual infrastructure",
    4: "application hosting platform",
    5: "administration and operation of the information system",
    6: "backup of health data",
  ]
}

/// ANSSI SecNumCloud qualification of an offering.
public struct SecNumCloudQualification: Sendable, Hashable, Codable {
  public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
    case qualified
    case inProgress = "in-progress"
    case none
    case unknown
  }

  public var status: Status
  /// J0..J3 when in progress.
  public var milestone: Known<String>
  /// `3.1` or `3.2`.
  public var referential: Known<String>
  public var qualifiedOn: Known<CalendarDate>
  public var validUntil: Known<CalendarDate>
  /// ANSSI decision number.
  public var decision: Known<String>
  /// Service type as qualified.
  public var serviceType: Known<String>
  public var provenance: Provenance

  public init(
    status: Status, milestone: Known<String> = .unknown, referential: Known<String> = .unknown,
    qualifiedOn: Known<CalendarDate> = .unknown, validUntil: Known<CalendarDate> = .unknown,
    decision: Known<String> = .unknown, serviceType: Known<String> = .unknown, provenance: Provenance = Provenance()
  ) {
    self.status = status
    self.milestone = milestone
    self.referential = referential
    self.qualifiedOn = qualifiedOn
    self.validUntil = validUntil
    self.decision = decision
    self.serviceType = serviceType
    self.provenance = provenance
  }

  enum CodingKeys: String, CodingKey {
    case status, milestone, referential
    case qualifiedOn = "qualified_on"
    case validUntil = "valid_until"
    case decision
    case serviceType = "service_type"
    case provenance
  }
}

/// A certification under another scheme (ISO 27001, BSI C5, CSA STAR, Gaia-X, ENS, SOC 2, ...).
public struct OtherCertification: Sendable, Hashable, Codable {
  /// The schemes the catalog knows.
  public static let schemes = [
    "iso-27001", "iso-27017", "iso-27018", "iso-27701", "bsi-c5", "csa-star", "gaia-x", "ens", "soc-2", "cispe", "eucs",
  ]

  public var scheme: String
  public var status: CertificationStatus
  /// E.g. "Type 2", "Level 2", "Label Level 3", "High".
  public var level: Known<String>
  public var validUntil: Known<CalendarDate>
  public var provenance: Provenance

  public init(
    scheme: String, status: CertificationStatus, level: Known<String> = .unknown, validUntil: Known<CalendarDate> = .unknown,
    provenance: Provenance = Provenance()
  ) {
    self.scheme = scheme
    self.status = status
    self.level = level
    self.validUntil = validUntil
    self.provenance = provenance
  }

  enum CodingKeys: String, CodingKey {
    case scheme, status, level
    case validUntil = "valid_until"
    case provenance
  }
}

/// What a host publishes under HDS 2.0 requirements 28-31 (transparency on transfers).
public struct HDSTransparency: Sendable, Hashable, Codable {
  /// Req. 28: health data stored only in the EEA.
  public var eeaOnlyStorage: TriState
  /// Req. 29: access possible from outside the EEA (host or subcontractor).
  public var nonEEAAccess: TriState
  /// Countries from which access is possible.
  public var accessCountries: Known<[String]>
  /// Req. 30: declared risk of access imposed by a third country's law.
  public var thirdCountryLawRisk: TriState
  /// Req. 31: the published transfer mapping.
  public var transferMappingURL: Known<String>
  public var provenance: Provenance

  public init(
    eeaOnlyStorage: TriState = .unknown, nonEEAAccess: TriState = .unknown, accessCountries: Known<[String]> = .unknown,
    thirdCountryLawRisk: TriState = .unknown, transferMappingURL: Known<String> = .unknown, provenance: Provenance = Provenance()
  ) {
    self.eeaOnlyStorage = eeaOnlyStorage
    self.nonEEAAccess = nonEEAAccess
    self.accessCountries = accessCountries
    self.thirdCountryLawRisk = thirdCountryLawRisk
    self.transferMappingURL = transferMappingURL
    self.provenance = provenance
  }

  enum CodingKeys: String, CodingKey {
    case eeaOnlyStorage = "eea_only_storage"
    case nonEEAAccess = "non_eea_access"
    case accessCountries = "access_countries"
    case thirdCountryLawRisk = "third_country_law_risk"
    case transferMappingURL = "transfer_mapping_url"
    case provenance
  }
}
