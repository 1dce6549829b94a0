import SovereignCatalog

/// A public list `sovereign refresh` knows how to fetch (from `data/sources.yaml`).
public struct SourceDefinition: Sendable, Hashable {
  /// How the downloaded document is read.
  public enum Parser: String, Sendable, Hashable, CaseIterable {
    case hdsList = "hds-list"
    case secNumCloudCatalogue = "secnumcloud-catalogue"
    case hdsTransferMapping = "hds-transfer-mapping"

    /// The parser's version, stored with each snapshot.
    public var version: Int {
      switch self {
      case .hdsList: return HDSListParser.version
      case .secNumCloudCatalogue: return SecNumCloudCatalogueParser.version
      case .hdsTransferMapping: return TransferMappingParser.version
      }
    }

    /// What kind of source a document read by this parser is: the ANS and ANSSI lists are
    /// official lists; a requirement-31 page is the provider's own statement.
    public var sourceKind: SourceKind {
      switch self {
      case .hdsList, .secNumCloudCatalogue: return .officialList
      case .hdsTransferMapping: return .provider
      }
    }
  }

  public var id: String
  public var publisher: String
  public var certifies: String
  /// `html` or `pdf` (PDF text is extracted with `pdftotext -layout`).
  public var format: String
  public var parser: Parser
  /// Accepted media types of the answer.
  public var contentTypes: [String]
  /// URLs tried in order; empty when they come from the catalog (transfer mappings).
  public var urls: [String]
  /// True when URLs are the catalog's per-offering transfer mapping URLs.
  public var urlsFromCatalog: Bool

  public init(
    id: String, publisher: String, certifies: String, format: String, parser: Parser, contentTypes: [String], urls: [String],
    urlsFromCatalog: Bool = false
  ) {
    self.id = id
    self.publisher = publisher
    self.certifies = certifies
    self.format = format
    self.parser = parser
    self.contentTypes = contentTypes
    self.urls = urls
    self.urlsFromCatalog = urlsFromCatalog
  }
}

/// The sources of `data/sources.yaml`. (Other names of catalog entities and offerings are their
/// `aliases:` in the catalog files.)
public struct SourceList: Sendable {
  public var sources: [SourceDefinition]

  public init(sources: [SourceDefinition]) {
    self.sources = sources
  }

  public func source(id: String) -> SourceDefinition? { sources.first { $0.id == id } }

  /// The list shipped in `data/sources.yaml` (embedded in the binary with the catalog).
  public static func bundled() throws(DiagnosticList) -> SourceList {
    guard let file = Catalog.bundledFiles.first(where: { $0.relativePath == "sources.yaml" }) else {
      throw DiagnosticList([Diagnostic("data/sources.yaml is missing from this build", at: SourceLocation(file: "data/sources.yaml"))])
    }
    return try parse(file.contents, file: file.displayPath)
  }

  /// Reads a sources file strictly; every problem is reported with its line and column.
  public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> SourceList {
    let document = YAMLDocument(data: bytes, file: file)
    var sources: [SourceDefinition] = []
    if let root = document.root, let top = root.mapping("the sources file", keys: ["sources"]) {
      for item in top.required("sources")?.list("sources") ?? [] {
        guard
          let map = item.mapping(
            "a source", keys: ["id", "publisher", "certifies", "format", "parser", "content_types", "urls"])
        else { continue }
        let id = map.required("id")?.identifier("the source id")
        let publisher = map.required("publisher")?.string("publisher")
        let certifies = map.required("certifies")?.string("certifies")
        let format = map.required("format")?.word("format", allowed: ["html", "pdf"])
        let parser = map.required("parser")?.word("parser", allowed: Parser.allCases.map(\.rawValue)).flatMap(Parser.init(rawValue:))
        let types = map.required("content_types")?.list("content_types")?.compactMap { $0.string("a content type") } ?? []
        var urls: [String] = []
        var fromCatalog = false
        if let value = map.required("urls") {
          if value.scalarText == "from-catalog" {
            fromCatalog = true
          } else {
            urls = value.list("urls")?.compactMap { $0.url("a source URL") } ?? []
          }
        }
        if let id, let publisher, let certifies, let format, let parser {
          typealias Parser = SourceDefinition.Parser
          sources.append(
            SourceDefinition(
              id: id, publisher: publisher, certifies: certifies, format: format, parser: parser, contentTypes: types, urls: urls,
              urlsFromCatalog: fromCatalog))
        }
      }
    }
    guard document.isClean else { throw DiagnosticList(document.diagnostics) }
    return SourceList(sources: sources)
  }
}

private typealias Parser = SourceDefinition.Parser
