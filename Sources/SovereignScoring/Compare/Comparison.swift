import SovereignCatalog

/// Offerings side by side, one row per fact, for `sovereign compare` and `POST /api/v1/compare`:
/// HDS and SecNumCloud facts, each non-EU law's verdict with its grade, the SecNumCloud 3.2
/// § 19.6 sub-criteria, residency, access countries, subprocessors, capabilities. Each cell has
/// its value, its evidence grade where one applies, and its sources; a row says whether its
/// cells differ and whether one rests on an assumption (`--assume`).
///
/// Built by ``ComparisonBuilder`` from the catalog and the exposure engine (no rule is computed
/// here). The JSON layout (`schema_version` 1) is documented in `docs/compare.md`.
public struct Comparison: Sendable, Hashable, Encodable {
  /// Version of the JSON layout; bumped on any incompatible change.
  public static let schemaVersion = 1

  /// The day facts are judged at (certificate validity, SecNumCloud currency).
  public var date: CalendarDate
  /// The offerings compared, in the order asked (a provider id gives its offerings in file order).
  public var columns: [Column]
  /// The facts, section by section.
  public var rows: [Row]
  /// The what-if values the comparison rests on (`--assume`); empty when none.
  public var assumptions: [Assumption]

  public init(date: CalendarDate, columns: [Column], rows: [Row], assumptions: [Assumption] = []) {
    self.date = date
    self.columns = columns
    self.rows = rows
    self.assumptions = assumptions
  }

  /// The rows whose cells differ.
  public var differences: [Row] { rows.filter(\.differs) }

  /// One offering compared.
  public struct Column: Sendable, Hashable, Encodable {
    public var offeringID: String
    public var offeringName: String
    public var providerID: String
    public var providerName: String

    public init(offeringID: String, offeringName: String, providerID: String, providerName: String) {
      self.offeringID = offeringID
      self.offeringName = offeringName
      self.providerID = providerID
      self.providerName = providerName
    }

    enum CodingKeys: String, CodingKey {
      case offeringID = "offering_id"
      case offeringName = "offering_name"
      case providerID = "provider_id"
      case providerName = "provider_name"
    }
  }

  /// A group of rows.
  public enum Section: String, Sendable, Hashable, Codable, CaseIterable {
    case provider, hds, secnumcloud, laws
    case secNumCloud196 = "secnumcloud_19_6"
    case residency, access, subprocessors, capabilities

    /// The heading shown above the section.
    public var title: String {
      switch self {
      case .provider: "Provider"
      case .hds: "HDS certification"
      case .secnumcloud: "SecNumCloud qualification"
      case .laws: "Non-EU laws"
      case .secNumCloud196: "SecNumCloud 3.2 § 19.6 eligibility (estimate)"
      case .residency: "Residency"
      case .access: "Access (HDS 2.0 requirements 28-31)"
      case .subprocessors: "Subprocessors"
      case .capabilities: "Capabilities"
      }
    }
  }

  /// One fact for every offering.
  public struct Row: Sendable, Hashable, Encodable {
    /// Stable key, e.g. `hds.activities`, `law.us-cloud-act`, `secnumcloud_19_6.19.6-b-individual`, `capability.kubernetes`.
    public var key: String
    public var section: Section
    /// The fact in words, e.g. `HDS activities`.
    public var label: String
    /// One cell per column, in column order.
    public var cells: [Cell]

    public init(key: String, section: Section, label: String, cells: [Cell]) {
      self.key = key
      self.section = section
      self.label = label
      self.cells = cells
    }

    /// True when the cells do not all say the same (value and grade).
    public var differs: Bool {
      guard let first = cells.first else { return false }
      return cells.contains { $0.value != first.value || $0.grade != first.grade }
    }

    /// True when a cell rests on an assumption.
    public var assumed: Bool { cells.contains { $0.assumed } }

    enum CodingKeys: String, CodingKey {
      case key, section, label, cells, differs, assumed
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(key, forKey: .key)
      try c.encode(section, forKey: .section)
      try c.encode(label, forKey: .label)
      try c.encode(cells, forKey: .cells)
      try c.encode(differs, forKey: .differs)
      try c.encode(assumed, forKey: .assumed)
    }
  }

  /// One offering's value for one fact.
  public struct Cell: Sendable, Hashable, Encodable {
    /// The value in words (`unknown` when nothing is cited), e.g. `certified`, `1,2,3,4,5,6`, `exposed`.
    public var value: String
    /// For verdicts: the kind of source the weakest deciding fact rests on; for facts: the kind of
    /// the strongest source of the fact's block. Nil when the value is unknown or derived from nothing.
    public var evidence: SourceKind?
    /// The sources of the fact or verdict.
    public var sources: [Source]
    /// A short explanation (a verdict's reasoning, a missing fact), when there is one.
    public var detail: String?

    public init(value: String, evidence: SourceKind? = nil, sources: [Source] = [], detail: String? = nil) {
      self.value = value
      self.evidence = evidence
      self.sources = sources
      self.detail = detail
    }

    /// The grade of ``evidence``.
    public var grade: EvidenceGrade? { evidence?.grade }

    /// True when the value rests on an assumption (`--assume`), not on evidence.
    public var assumed: Bool { evidence == .assumption || sources.restsOnAssumption }

    /// `value (grade)`, e.g. `not-exposed (provider)`; the value alone when there is no grade.
    public var gradedValue: String { value + (grade.map { " (\($0.rawValue))" } ?? "") }

    enum CodingKeys: String, CodingKey {
      case value, grade, sources, detail, assumed
      case evidence = "evidence_kind"
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(value, forKey: .value)
      try c.encode(evidence, forKey: .evidence)
      try c.encode(grade, forKey: .grade)
      try c.encode(sources, forKey: .sources)
      try c.encode(detail, forKey: .detail)
      try c.encode(assumed, forKey: .assumed)
    }
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case date, columns, rows, assumptions
    case differences = "differing_rows"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(Self.schemaVersion, forKey: .schemaVersion)
    try c.encode(date, forKey: .date)
    try c.encode(columns, forKey: .columns)
    try c.encode(rows, forKey: .rows)
    try c.encode(differences.map(\.key), forKey: .differences)
    try c.encode(assumptions, forKey: .assumptions)
  }
}
