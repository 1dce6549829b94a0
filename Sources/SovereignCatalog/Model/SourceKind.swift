/// What kind of document a source is: how close it stands to the fact it reports.
///
/// A DPO's file is defensible when its deciding facts come from an official list, a regulator, a
/// registry, the law or a court; a provider's own statement is evidence of what it declares; a
/// press article or a third party's compilation is a lead, not a proof.
public enum SourceKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// An official list of certified or qualified services (the ANS list of HDS hosts, the ANSSI catalogue).
  case officialList = "official-list"
  /// A regulator's statement or decision (CNIL, ANSSI, ANS).
  case regulator
  /// A company register, filed accounts, a registration document (URD), a legal notice in BALO.
  case registry
  /// The text of a law or regulation.
  case law
  /// A court decision.
  case court
  /// The provider's own pages, contracts, documentation, certificates, requirement-31 page.
  case provider
  /// Press, third-party compilations and scorecards, copies of documents on third-party hosts.
  case secondary
  /// Not a document: a value the user assumed for a what-if (`--assume FACT=VALUE`). Never read
  /// from a catalog file (not in ``allCases``); graded ``EvidenceGrade/assumed``, below secondary.
  case assumption

  /// The kinds a catalog file may cite, strongest first (``assumption`` is not one of them).
  public static let allCases: [SourceKind] = [.officialList, .regulator, .registry, .law, .court, .provider, .secondary]

  /// The evidence grade this kind of source gives the facts it supports.
  public var grade: EvidenceGrade {
    switch self {
    case .officialList, .regulator, .registry, .law, .court: return .official
    case .provider: return .provider
    case .secondary: return .secondary
    case .assumption: return .assumed
    }
  }
}

/// How strong the evidence for a fact is, weakest first (`assumed < secondary < provider < official`).
public enum EvidenceGrade: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// Not evidence: a what-if value given with `--assume`. Never a requirements file's `evidence:`
  /// value (not in ``allCases``).
  case assumed
  /// Press, third parties, copies: a lead.
  case secondary
  /// The provider's own statement.
  case provider
  /// An official list, a regulator, a registry, the law or a court.
  case official

  /// The grades a requirements file may ask for, weakest first (``assumed`` is not one of them).
  public static let allCases: [EvidenceGrade] = [.secondary, .provider, .official]

  private var rank: Int {
    switch self {
    case .assumed: return -1
    case .secondary: return 0
    case .provider: return 1
    case .official: return 2
    }
  }

  public static func < (lhs: EvidenceGrade, rhs: EvidenceGrade) -> Bool { lhs.rank < rhs.rank }

  /// Words for a reader: "official evidence", "provider evidence", "secondary evidence".
  public var phrase: String { "\(rawValue) evidence" }
}

extension SourceKind {
  /// The kind of the weakest of several deciding facts (each given by the kind its block rests
  /// on); nil when there is none. Among equally weak kinds the first wins.
  public static func weakest(_ kinds: [SourceKind?]) -> SourceKind? {
    var result: SourceKind?
    for case let kind? in kinds where result == nil || kind.grade < result!.grade { result = kind }
    return result
  }

  /// Words for a reader: "registry evidence", "provider evidence".
  public var phrase: String { "\(rawValue) evidence" }
}
