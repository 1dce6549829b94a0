/// A hosting provider: its legal entities, its offerings, and the sources of its facts.
public struct Provider: Sendable, Hashable, Codable {
  /// Stable kebab-case id, equal to its file name (`data/providers/<id>.yaml`).
  public var id: String
  public var name: String
  public var website: String
  public var summary: String?
  /// The sources cited in the provider's file.
  public var sources: [Source]
  /// Ids of the entities the file declares.
  public var entities: [String]
  public var offerings: [Offering]
  /// The file it was loaded from, relative to the catalog directory.
  public var file: String

  public init(
    id: String, name: String, website: String, summary: String? = nil, sources: [Source] = [], entities: [String] = [],
    offerings: [Offering] = [], file: String = ""
  ) {
    self.id = id
    self.name = name
    self.website = website
    self.summary = summary
    self.sources = sources
    self.entities = entities
    self.offerings = offerings
    self.file = file
  }
}
