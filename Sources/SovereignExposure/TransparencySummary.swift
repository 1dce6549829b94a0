import SovereignCatalogCore

/// What the offering's host publishes under the HDS 2.0 referential, requirements 28 to 31
/// (storage in the EEA, access from outside the EEA, third-country-law risk, transfer mapping),
/// as recorded in the catalog.
public struct TransparencySummary: Sendable, Hashable, Codable {
  /// False when the catalog records nothing (every field is then unknown).
  public var published: Bool
  /// Req. 28: health data stored only in the EEA.
  public var eeaOnlyStorage: TriState
  /// Req. 29: access possible from outside the EEA, by the host or a subcontractor.
  public var nonEEAAccess: TriState
  /// Countries from which access is possible (declared by the host, plus those of subprocessors).
  public var accessCountries: Known<[String]>
  /// Req. 30: the host declares a risk of access imposed by a third country's law.
  public var thirdCountryLawRisk: TriState
  /// Req. 31: the published transfer mapping.
  public var transferMappingURL: Known<String>
  /// Regions of the offering located outside the EEA (from its `regions`), if any are known.
  public var regionsOutsideEEA: [String]
  /// Plain-language remarks (inconsistencies, missing publication).
  public var remarks: [String]
  public var sources: [Source]

  public init(
    published: Bool, eeaOnlyStorage: TriState, nonEEAAccess: TriState, accessCountries: Known<[String]>,
    thirdCountryLawRisk: TriState, transferMappingURL: Known<String>, regionsOutsideEEA: [String], remarks: [String],
    sources: [Source]
  ) {
    self.published = published
    self.eeaOnlyStorage = eeaOnlyStorage
    self.nonEEAAccess = nonEEAAccess
    self.accessCountries = accessCountries
    self.thirdCountryLawRisk = thirdCountryLawRisk
    self.transferMappingURL = transferMappingURL
    self.regionsOutsideEEA = regionsOutsideEEA
    self.remarks = remarks
    self.sources = sources
  }

  enum CodingKeys: String, CodingKey {
    case published
    case eeaOnlyStorage = "eea_only_storage"
    case nonEEAAccess = "non_eea_access"
    case accessCountries = "access_countries"
    case thirdCountryLawRisk = "third_country_law_risk"
    case transferMappingURL = "transfer_mapping_url"
    case regionsOutsideEEA = "regions_outside_eea"
    case remarks, sources
  }
}
