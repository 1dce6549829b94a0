/// A rule that derives a fact the sources do not state from facts they do, read from
/// `data/rules/<id>.yaml` with the sources that justify it.
///
/// The engine applies a rule by its ``Kind`` (the logic is in ``CertificateCurrency``); the file
/// gives its parameters and citations. A derived fact is never written into the catalog as if it
/// had been read: it is reported as "derived: <statement>" beside the fact.
public struct DerivationRule: Sendable, Hashable, Codable {
  /// What the rule derives.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// HDS: from `since`, every certified host must hold a certificate under `referential`. A
    /// certificate known valid on a date after `since` is a `referential` certificate; one known
    /// only from evidence older than `since` is not known to be current after it.
    case hdsReferentialMandatory = "hds-referential-mandatory"
    /// SecNumCloud: qualifications issued since `since` are under `referential` and last
    /// `validity_years`; so a qualification valid on a date at least `validity_years` after
    /// `since` was issued under `referential`, and one qualified on a known date ends
    /// `validity_years` later.
    case secNumCloudReferential = "secnumcloud-referential"
  }

  /// Stable kebab-case id, equal to the file name.
  public var id: String
  public var kind: Kind
  /// The rule in one or two plain sentences, as shown after "derived:".
  public var statement: String
  /// The referential version the rule derives (`2.0`, `3.2`).
  public var referential: String
  /// The date from which the rule holds.
  public var since: CalendarDate
  /// How long a qualification lasts (SecNumCloud), when the rule says.
  public var validityYears: Int?
  /// The sources of the rule (the law or the referential, and readings of it).
  public var provenance: Provenance
  /// The file it was read from, relative to the catalog directory.
  public var file: String

  public init(
    id: String, kind: Kind, statement: String, referential: String, since: CalendarDate, validityYears: Int? = nil,
    provenance: Provenance, file: String = ""
  ) {
    self.id = id
    self.kind = kind
    self.statement = statement
    self.referential = referential
    self.since = since
    self.validityYears = validityYears
    self.provenance = provenance
    self.file = file
  }

  enum CodingKeys: String, CodingKey {
    case id, kind, statement, referential, since
    case validityYears = "validity_years"
    case provenance, file
  }

  /// "derived: <statement> [<id>]", as explanations show it.
  public var citation: String { "derived: \(statement) [rule \(id)]" }
}
