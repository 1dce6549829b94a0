/// A catalog fact a user may assume for a what-if (`--assume ID.FACT=VALUE`): the facts that
/// decide the CLOUD Act (and other non-EU law) gates, the SecNumCloud gates and the HDS gate.
public enum AssumableFact: String, Sendable, Hashable, Codable, CaseIterable {
  // Legal entity facts (`<entity-id>.<fact>`).
  /// `owners_complete`: the entity's listed holders are all its holders (yes, no, unknown).
  case ownersComplete = "owners_complete"
  /// `seat`: the country of the registered seat (ISO alpha-2, or unknown).
  case seat
  /// `headquarters`: the country of the central administration (ISO alpha-2, or unknown).
  case headquarters

  // Offering facts (`<offering-id>.<fact>`).
  /// `access_countries`: the countries the data can be accessed from (HDS 2.0 req. 29-31).
  case accessCountries = "access_countries"
  /// `non_eea_access`: access is possible from outside the EEA (HDS 2.0 req. 29).
  case nonEEAAccess = "non_eea_access"
  /// `eea_only_storage`: health data stored only in the EEA (HDS 2.0 req. 28).
  case eeaOnlyStorage = "eea_only_storage"
  /// `regions`: the countries where the offering stores data.
  case regions
  /// `hds_status`: certified, not-certified, unknown.
  case hdsStatus = "hds_status"
  /// `hds_activities`: the HDS activities (1-6) certified.
  case hdsActivities = "hds_activities"
  /// `hds_referential`: 1.1 or 2.0.
  case hdsReferential = "hds_referential"
  /// `hds_valid_until`: the end date of the HDS certificate.
  case hdsValidUntil = "hds_valid_until"
  /// `secnumcloud_status`: qualified, in-progress, none, unknown.
  case secNumCloudStatus = "secnumcloud_status"
  /// `secnumcloud_referential`: 3.1 or 3.2.
  case secNumCloudReferential = "secnumcloud_referential"
  /// `secnumcloud_valid_until`: the end date of the SecNumCloud qualification.
  case secNumCloudValidUntil = "secnumcloud_valid_until"

  /// What the fact is about.
  public enum Subject: String, Sendable, Hashable, Codable {
    case entity, offering
  }

  public var subject: Subject {
    switch self {
    case .ownersComplete, .seat, .headquarters: return .entity
    default: return .offering
    }
  }

  /// The facts of one kind of subject, in declaration order.
  public static func facts(of subject: Subject) -> [AssumableFact] { allCases.filter { $0.subject == subject } }

  /// The values accepted, in words (for `--help`, docs and error messages).
  public var acceptedValues: String {
    switch self {
    case .ownersComplete, .nonEEAAccess, .eeaOnlyStorage: return "yes, no or unknown"
    case .seat, .headquarters: return "a country code of the catalog (ISO alpha-2, e.g. FR) or unknown"
    case .accessCountries: return "country codes separated by commas (e.g. FR or FR,DE), none, or unknown"
    case .regions: return "country codes separated by commas (e.g. FR or FR,DE) or unknown"
    case .hdsStatus: return "certified, not-certified or unknown"
    case .hdsActivities: return "activity numbers 1-6 separated by commas (e.g. 1,2,3,4,5,6) or unknown"
    case .hdsReferential: return "1.1, 2.0 or unknown"
    case .hdsValidUntil, .secNumCloudValidUntil: return "a date YYYY-MM-DD or unknown"
    case .secNumCloudStatus: return "qualified, in-progress, none or unknown"
    case .secNumCloudReferential: return "3.1, 3.2 or unknown"
    }
  }

  /// What it decides, in words (docs and `--help`).
  public var decides: String {
    switch self {
    case .ownersComplete: return "control (CLOUD Act and other non-EU laws reaching by control; SecNumCloud 19.6)"
    case .seat, .headquarters: return "reach by seat or headquarters (non-EU laws; SecNumCloud 19.6)"
    case .accessCountries, .nonEEAAccess: return "reach by access (non-EU laws); HDS 2.0 transparency"
    case .eeaOnlyStorage: return "HDS 2.0 transparency (req. 28)"
    case .regions: return "the residency gate; laws reaching data stored in their country"
    case .hdsStatus, .hdsActivities, .hdsReferential, .hdsValidUntil: return "the hds gate"
    case .secNumCloudStatus, .secNumCloudReferential, .secNumCloudValidUntil:
      return "the secnumcloud gate; a current SecNumCloud 3.2 qualification settles control and access doubts"
    }
  }
}
