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
