import SovereignCatalog

@testable import SovereignScoring

/// A small in-memory catalog and a stub exposure engine for ranking tests.
enum RankingFixture {
  static let today = CalendarDate(iso: "2026-11-22")!

  static func source(_ id: String, asOf: String = "2026-06-01") -> Source {
    Source(id: id, url: "https://example.org/\(id)", title: "Source \(id)", asOf: CalendarDate(iso: asOf)!, kind: .provider)
  }

  static func entity(_ id: String, seat: String) -> LegalEntity {
    LegalEntity(
      id: id, name: id.uppercased(), kind: .company, seat: .known(seat), headquarters: .known(seat),
      provenance: Provenance([source("\(id)-legal")]))
  }

  static func offering(
    _ id: String, provider: String, entity: String, countries: [String]?, hds: HDSCertification?,
    snc: SecNumCloudQualification? = nil, capabilities: [String] = ["vm"], openSource: TriState = .unknown,
    types: [Offering.ServiceType] = [.iaas], others: [OtherCertification] = []
  ) -> Offering {
    Offering(
      id: id, providerID: provider, name: "\(id) offering", contractingEntity: entity, serviceTypes: types,
      provenance: Provenance([source("\(id)-products")]),
      regions: Offering.Regions(
        list: countries.map { .known($0.map { Region(country: $0) }) } ?? .unknown,
        provenance: countries == nil ? Provenance() : Provenance([source("\(id)-regions")])),
      capabilities: Offering.Capabilities(list: capabilities, provenance: Provenance([source("\(id)-caps")])),
      openSourceStack: Fact(openSource, provenance: Provenance([source("\(id)-oss")])),
      certifications: Certifications(hds: hds, secNumCloud: snc, others: others))
  }

  static func hds(_ activities: [Int]?, referential: String? = "2.0", validUntil: String? = nil) -> HDSCertification {
    HDSCertification(
      status: .certified, activities: Known(activities), referential: Known(referential),
      validUntil: Known(validUntil.flatMap(CalendarDate.init(iso:))), provenance: Provenance([source("ans-hds-list")]))
  }

  static let catalog: Catalog = {
    let entities = [
      entity("alpha-sas", seat: "FR"), entity("beta-gmbh", seat: "DE"), entity("gamma-inc", seat: "US"),
      entity("delta-sas", seat: "FR"), entity("evil-sas", seat: "FR"),
    ]
    let providers = [
      Provider(
        id: "alpha", name: "Alpha", website: "https://alpha.example", entities: ["alpha-sas"],
        offerings: [
          offering(
            "alpha-iaas", provider: "alpha", entity: "alpha-sas", countries: ["FR"], hds: hds([1, 2, 3, 4, 5, 6]),
            snc: SecNumCloudQualification(status: .qualified, provenance: Provenance([source("anssi")])),
            capabilities: ["vm", "kubernetes", "object-storage", "gpu"], openSource: .yes),
          offering(
            "alpha-paas", provider: "alpha", entity: "alpha-sas", countries: ["FR"], hds: hds([1, 2, 3, 4, 5]),
            capabilities: ["managed-postgresql"], types: [.paas]),
        ]),
      Provider(
        id: "beta", name: "Beta", website: "https://beta.example", entities: ["beta-gmbh"],
        offerings: [
          offering(
            "beta-cloud", provider: "beta", entity: "beta-gmbh", countries: ["DE", "FR"], hds: hds([1, 2, 3, 4, 5, 6]),
            capabilities: ["vm", "kubernetes", "managed-mysql"],
            others: [OtherCertification(scheme: "iso-27001", status: .certified, provenance: Provenance([source("iso")]))])
        ]),
      Provider(
        id: "gamma", name: "Gamma", website: "https://gamma.example", entities: ["gamma-inc"],
        offerings: [
          offering(
            "gamma-cloud", provider: "gamma", entity: "gamma-inc", countries: ["FR", "US"], hds: hds([1, 2, 3, 4, 5, 6]),
            capabilities: ["vm", "kubernetes", "gpu", "object-storage"])
        ]),
      Provider(
        id: "delta", name: "Delta", website: "https://delta.example", entities: ["delta-sas"],
        offerings: [offering("delta-iaas", provider: "delta", entity: "delta-sas", countries: nil, hds: nil)]),
      Provider(
        id: "evil", name: "=HYPERLINK(\"http://x\",\"y\")", website: "https://evil.example", entities: ["evil-sas"],
        offerings: [
          offering(
            "evil-host", provider: "evil", entity: "evil-sas", countries: ["FR"], hds: hds([1, 2, 3, 4, 5, 6]),
            capabilities: ["vm"])
        ]),
    ]
    let law = { (id: String, name: String) in
      Law(
        id: id, name: name, jurisdiction: ["US"], citation: "cite", summary: "summary", extraterritorial: true,
        reach: [.seat, .control], provenance: Provenance([source("\(id)-text", asOf: "2018-03-23")]))
    }
    return Catalog(
      providers: providers, entities: Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0) }),
      laws: [law("us-cloud-act", "US CLOUD Act"), law("us-fisa-702", "FISA section 702")],
      countries: [
        "FR": Country(code: "FR", name: "France", isEU: true, isEEA: true),
        "DE": Country(code: "DE", name: "Germany", isEU: true, isEEA: true),
        "NO": Country(code: "NO", name: "Norway", isEU: false, isEEA: true),
        "US": Country(code: "US", name: "United States", isEU: false, isEEA: false),
      ],
      capabilities: Dictionary(
        uniqueKeysWithValues: ["vm", "kubernetes", "object-storage", "gpu", "managed-postgresql", "managed-mysql"].map { ($0, $0) }))
  }()

  /// gamma-cloud is reached by both US laws (US seat); delta is unknown; the others are not reached.
  struct StubExposure: ExposureAssessing {
    func exposure(of offering: Offering, to law: Law) -> Evidence<ReachVerdict> {
      switch offering.id {
      case "gamma-cloud":
        Evidence(.exposed, "gamma-inc has its seat in US, in \(law.name)'s jurisdiction", sources: [RankingFixture.source("gamma-inc-legal")])
      case "delta-iaas": Evidence(.unknown, "ownership of delta-sas unknown")
      default: Evidence(.notExposed, "seat and controllers in the EU", sources: [RankingFixture.source("\(offering.contractingEntity)-legal")])
      }
    }

    func secNumCloud196(of offering: Offering) -> Evidence<GateVerdict> {
      switch offering.id {
      case "gamma-cloud": Evidence(.fail, "controlled from US")
      case "delta-iaas": Evidence(.unknown, "unknown owners")
      default: Evidence(.pass, "EU-controlled", sources: [RankingFixture.source("\(offering.contractingEntity)-legal")])
      }
    }
  }

  static let ranker = Ranker(catalog: catalog, exposure: StubExposure(), today: today)

  static let health = Requirements(
    name: "Health warehouse", dataKind: .health, residency: ["FR"],
    gates: Requirements.Gates(immuneTo: ["us-cloud-act", "us-fisa-702"]),
    niceToHave: ["gpu", "managed-mysql"])
}
