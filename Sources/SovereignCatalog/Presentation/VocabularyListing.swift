/// The catalog's vocabularies as a user needs them without the repository: the laws a requirements
/// file may name in `gates.immune_to`, and the capabilities it may name in `gates.capabilities`
/// and `nice_to_have` (`sovereign laws`, `sovereign capabilities`).
public enum VocabularyListing {
  /// One law as `sovereign laws --format json` prints it.
  public struct LawEntry: Sendable, Hashable, Encodable {
    public var id: String
    public var name: String
    public var jurisdiction: [String]
    public var citation: String
    public var summary: String
    public var extraterritorial: Bool
    public var reach: [String]
    public var sources: [Source]

    public init(_ law: Law) {
      id = law.id
      name = law.name
      jurisdiction = law.jurisdiction
      citation = law.citation
      summary = law.summary
      extraterritorial = law.extraterritorial
      reach = law.reach.map(\.rawValue)
      sources = law.provenance.sources
    }
  }

  /// One capability as `sovereign capabilities --format json` prints it.
  public struct CapabilityEntry: Sendable, Hashable, Encodable {
    public var id: String
    public var description: String
    /// How many offerings of the catalog list it.
    public var offerings: Int
    /// Words that suggest this id in error hints (``Suggestions/aliases``).
    public var aliases: [String]
  }

  public static func laws(_ catalog: Catalog) -> [LawEntry] { catalog.laws.map(LawEntry.init) }

  public static func capabilities(_ catalog: Catalog) -> [CapabilityEntry] {
    catalog.capabilities.keys.sorted().map { id in
      CapabilityEntry(
        id: id, description: catalog.capabilities[id] ?? "",
        offerings: catalog.providers.flatMap(\.offerings).filter { $0.capabilities.list.contains(id) }.count,
        aliases: Suggestions.aliases.filter { $0.value.contains(id) }.map(\.key).sorted())
    }
  }

  /// The laws as a table (id, name, jurisdiction, what brings an entity within reach), then each
  /// law's citation; fitted to `width` when given.
  public static func lawsTable(_ catalog: Catalog, width: Int? = nil) -> String {
    let entries = laws(catalog)
    var table = TextTable(
      headers: ["id", "name", "jurisdiction", "extraterritorial", "reached through"],
      rows: entries.map { [$0.id, $0.name, $0.jurisdiction.joined(separator: ", "), $0.extraterritorial ? "yes" : "no", $0.reach.joined(separator: ", ")] })
    table.shrinkFirst = [1]
    table.continuedUnderRow = [4]
    var out = table.render(maxWidth: width) + "\n"
    for entry in entries {
      out += "\(entry.id): \(entry.citation)\n"
    }
    out += "\nUse the ids in a requirements file's `gates.immune_to`; `sovereign exposure ID` shows each law's verdict.\n"
    return width.map { TextWrap.wrap(out, width: $0) } ?? out
  }

  /// The capabilities as a table (id, description, offerings listing it, aliases), fitted to `width`.
  public static func capabilitiesTable(_ catalog: Catalog, width: Int? = nil) -> String {
    var table = TextTable(
      headers: ["id", "offerings", "description", "also typed as"],
      rows: capabilities(catalog).map { [$0.id, "\($0.offerings)", $0.description, $0.aliases.joined(separator: ", ")] })
    table.shrinkFirst = [2]
    table.continuedUnderRow = [3]
    let out = table.render(maxWidth: width)
      + "\nUse the ids in a requirements file's `gates.capabilities` and `nice_to_have`.\n"
    return width.map { TextWrap.wrap(out, width: $0) } ?? out
  }
}
