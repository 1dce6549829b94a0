import SovereignCatalog
import SovereignExposure

/// Hand-built catalogs for the exposure tests.
enum Fixture {
  static let date = CalendarDate(year: 2026, month: 1, day: 15)!
  static let source = Source(id: "test", url: "https://example.org/registry", title: "Test registry", asOf: date, kind: .registry)
  static let cited = Provenance([source])

  static let countries: [String: Country] = [
    "FR": Country(code: "FR", name: "France", isEU: true, isEEA: true),
    "DE": Country(code: "DE", name: "Germany", isEU: true, isEEA: true),
    "IE": Country(code: "IE", name: "Ireland", isEU: true, isEEA: true),
    "NO": Country(code: "NO", name: "Norway", isEU: false, isEEA: true),
    "CH": Country(code: "CH", name: "Switzerland", isEU: false, isEEA: false),
    "US": Country(code: "US", name: "United States", isEU: false, isEEA: false),
    "CN": Country(code: "CN", name: "China", isEU: false, isEEA: false),
    "GB": Country(code: "GB", name: "United Kingdom", isEU: false, isEEA: false),
  ]

  static let lawSource = Source(id: "law-text", url: "https://www.govinfo.gov/law", title: "Law text", asOf: date, kind: .law)

  static let cloudAct = Law(
    id: "us-cloud-act", name: "US CLOUD Act", jurisdiction: ["US"], citation: "18 U.S.C. § 2713", summary: "test",
    extraterritorial: true, reach: [.seat, .headquarters, .control, .access], provenance: Provenance([lawSource]))

  static let nationalIntelligenceLaw = Law(
    id: "cn-national-intelligence-law", name: "PRC National Intelligence Law", jurisdiction: ["CN"], citation: "art. 7",
    summary: "test", extraterritorial: true, reach: [.seat, .headquarters, .control, .access], provenance: Provenance([lawSource]))

  /// A company (or other holder) whose owners, when given, are the complete list unless said otherwise.
  static func entity(
    _ id: String, _ name: String? = nil, kind: LegalEntity.Kind = .company, seat: String?, headquarters: String? = "same",
    owners: [OwnershipEdge] = [], complete: TriState = .yes
  ) -> LegalEntity {
    LegalEntity(
      id: id, name: name ?? id, kind: kind, seat: Known(seat), headquarters: Known(headquarters == "same" ? seat : headquarters),
      owners: owners, ownersComplete: complete, provenance: cited)
  }

  /// "`owner` holds `capital` % of capital and (unless given) as many voting rights; no veto, no board right."
  static func holds(
    _ owner: String, _ capital: Double?, votes: Double?? = .none, veto: TriState = .no, board: TriState = .no
  ) -> OwnershipEdge {
    let voteValue: Double? = votes ?? capital
    return OwnershipEdge(
      owner: owner, capital: Known(capital), votes: Known(voteValue), veto: veto, boardMajority: board, provenance: cited)
  }

  /// The transparency of an offering that declares access from France only.
  static let frenchAccessOnly = HDSTransparency(
    eeaOnlyStorage: .yes, nonEEAAccess: .no, accessCountries: .known(["FR"]), thirdCountryLawRisk: .no, provenance: cited)

  /// One provider `p` with one offering `offer` signed with `contracting`.
  static func catalog(
    _ entities: [LegalEntity], contracting: String, operators: [String] = [],
    transparency: HDSTransparency? = frenchAccessOnly, subprocessors: [Subprocessor] = [],
    laws: [Law] = [cloudAct, nationalIntelligenceLaw]
  ) -> Catalog {
    let offering = Offering(
      id: "offer", providerID: "p", name: "Test Cloud", contractingEntity: contracting, operators: operators,
      serviceTypes: [.iaas], provenance: cited, regions: Offering.Regions(list: .known([Region(country: "FR")]), provenance: cited),
      hdsTransparency: transparency, subprocessors: subprocessors)
    let provider = Provider(
      id: "p", name: "Provider", website: "https://example.org", sources: [source], entities: entities.map(\.id), offerings: [offering])
    return Catalog(
      providers: [provider], entities: Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0) }), laws: laws,
      countries: countries, capabilities: [:])
  }

  /// Assesses the single offering of a fixture catalog.
  static func assess(_ catalog: Catalog) -> OfferingExposure {
    ExposureEngine(catalog: catalog).assess(offering: catalog.offerings[0])
  }
}

extension OfferingExposure {
  /// The verdict of one 19.6 sub-criterion.
  func criterion(_ id: String) -> SecNumCloudEligibility.Criterion? {
    secNumCloud196.criteria.first { $0.id == id }
  }
}
