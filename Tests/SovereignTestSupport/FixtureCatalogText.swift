import Foundation

/// The parts of a small valid catalog that several test suites build on: the two vocabularies
/// and the US CLOUD Act law file, as YAML text, and a helper that writes catalog files into a
/// directory. Each suite adds its own provider files.
public enum FixtureCatalogText {
  /// The countries the fixtures may use, with their EU and EEA membership.
  static let knownCountries: [String: (name: String, eu: Bool, eea: Bool)] = [
    "FR": ("France", true, true),
    "DE": ("Germany", true, true),
    "IE": ("Ireland", true, true),
    "NO": ("Norway", false, true),
    "CH": ("Switzerland", false, false),
    "GB": ("United Kingdom", false, false),
    "US": ("United States", false, false),
    "CN": ("China", false, false),
  ]

  /// `vocabularies/countries.yaml` listing `codes`, in that order.
  public static func countries(_ codes: [String]) -> String {
    let lines = codes.map { code in
      guard let country = knownCountries[code] else { fatalError("no fixture country \(code)") }
      return "  \(code): { name: \(country.name), eu: \(country.eu ? "yes" : "no"), eea: \(country.eea ? "yes" : "no") }"
    }
    return (["countries:"] + lines).joined(separator: "\n")
  }

  /// `vocabularies/capabilities.yaml` with three capabilities: vm, kubernetes, object-storage.
  public static let capabilities = """
    capabilities:
      vm: Virtual machines
      kubernetes: Managed Kubernetes
      object-storage: Object storage
    """

  /// `laws/us-cloud-act.yaml`, reaching seat, headquarters and control.
  public static let cloudActLaw = """
    id: us-cloud-act
    name: US CLOUD Act
    jurisdiction: [US]
    citation: 18 U.S.C. § 2713
    summary: Providers under US jurisdiction must disclose data in their possession, custody or control.
    extraterritorial: yes
    reach: [seat, headquarters, control]
    source: law
    sources:
      law:
        url: https://www.govinfo.gov/content/pkg/PLAW-115publ141/html/PLAW-115publ141.htm
        as_of: 2018-03-23
        kind: provider
    """

  /// The head of a provider file with one entity: id, name, website, one `legal` source (kind
  /// provider) and the entity `<id>-sas` seated and headquartered in `seat`, up to its `source:`
  /// line (a suite may add owners after it).
  public static func providerHead(id: String, seat: String, asOf: String = "2026-01-15") -> String {
    """
    id: \(id)
    name: \(id.uppercased())
    website: https://\(id).example.org
    sources:
      legal:
        url: https://\(id).example.org/legal
        as_of: \(asOf)
        kind: provider
    entities:
      - id: \(id)-sas
        name: \(id) SAS
        kind: company
        seat: \(seat)
        headquarters: \(seat)
        source: legal
    """
  }

  /// The start of the `offerings:` block of ``providerHead(id:seat:asOf:)``'s provider: one IaaS
  /// offering `<id>-iaas` contracted by `<id>-sas`, up to its `source:` line.
  public static func oneOfferingHead(id: String) -> String {
    """
    offerings:
      - id: \(id)-iaas
        name: \(id) IaaS
        contracting_entity: \(id)-sas
        service_types: [iaas]
        source: legal
    """
  }

  /// The vocabularies and the law, keyed by their path in a catalog directory.
  public static func baseFiles(countries codes: [String]) -> [String: String] {
    [
      "vocabularies/countries.yaml": countries(codes),
      "vocabularies/capabilities.yaml": capabilities,
      "laws/us-cloud-act.yaml": cloudActLaw,
    ]
  }

  /// Writes `files` (path relative to `root` → contents) under `root`, creating directories.
  public static func write(_ files: [String: String], into root: URL) throws {
    for (path, contents) in files {
      try write(Data(contents.utf8), to: root.appending(path: path))
    }
  }

  /// Writes one file, creating its directory.
  public static func write(_ data: Data, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }
}
