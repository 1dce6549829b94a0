/// A public document a fact comes from.
public struct Source: Sendable, Hashable, Codable {
  /// The id used in its file (`source: <id>`), unique within that file.
  public var id: String
  /// Where to read it.
  public var url: String
  /// A human title (publisher and page), when given.
  public var title: String?
  /// The date the fact was true according to this source.
  public var asOf: CalendarDate
  /// What kind of document it is (official list, regulator, registry, law, court, provider, secondary).
  public var kind: SourceKind

  public init(id: String, url: String, title: String? = nil, asOf: CalendarDate, kind: SourceKind) {
    self.id = id
    self.url = url
    self.title = title
    self.asOf = asOf
    self.kind = kind
  }

  /// The evidence grade of the facts this source supports.
  public var grade: EvidenceGrade { kind.grade }

  enum CodingKeys: String, CodingKey {
    case id, url, title, kind
    case asOf = "as_of"
  }
}

/// The sources behind one block of facts. Empty only for blocks whose facts are all unknown.
public struct Provenance: Sendable, Hashable, Codable {
  public var sources: [Source]

  public init(_ sources: [Source] = []) {
    self.sources = sources
  }

  /// The oldest as-of date among the sources (the fact is at least this old), if any.
  public var asOf: CalendarDate? {
    sources.map(\.asOf).min()
  }

  /// The newest as-of date among the sources (the latest date the fact is known true), if any.
  public var newestAsOf: CalendarDate? {
    sources.map(\.asOf).max()
  }

  public var isEmpty: Bool { sources.isEmpty }

  /// The grade of the strongest source of the block, if any: a fact stated by an official list
  /// and repeated by the press rests on the official list.
  public var grade: EvidenceGrade? {
    strongest?.grade
  }

  /// The kind of the strongest source of the block (the first of the strongest), if any: what
  /// the block's facts rest on, e.g. `registry`.
  public var strongestKind: SourceKind? {
    strongest?.kind
  }

  /// The kind and grade of the first source of the strongest grade, in one pass (the exposure
  /// engine asks for it for every fact it reads).
  private var strongest: (kind: SourceKind, grade: EvidenceGrade)? {
    var best: (kind: SourceKind, grade: EvidenceGrade)?
    for index in sources.indices {
      let kind = sources[index].kind
      let grade = kind.grade
      if best.map({ grade > $0.grade }) ?? true { best = (kind, grade) }
    }
    return best
  }
}

extension Source {
  /// What makes two citations the same document: the id and the URL (title, date and kind aside).
  public struct Citation: Hashable, Sendable {
    public let id: String
    public let url: String
  }

  /// The id and URL of this source.
  public var citation: Citation { Citation(id: id, url: url) }
}

extension Sequence<Source> {
  /// The sources in order, each citation (id and URL) once: the first occurrence is kept.
  public func uniqueCitations() -> [Source] {
    // The lists are a verdict's or an offering's sources: tens of entries, a handful distinct.
    // Comparing each with the distinct ones kept costs less than hashing every URL; past
    // `linearLimit` distinct sources a set keeps the work linear.
    let linearLimit = 32
    var unique: [Source] = []
    var seen = Set<Source.Citation>()
    for source in self {
      if unique.count < linearLimit {
        if !unique.contains(where: { $0.id == source.id && $0.url == source.url }) {
          unique.append(source)
          if unique.count == linearLimit { seen = Set(unique.map(\.citation)) }
        }
      } else if seen.insert(source.citation).inserted {
        unique.append(source)
      }
    }
    return unique
  }
}
