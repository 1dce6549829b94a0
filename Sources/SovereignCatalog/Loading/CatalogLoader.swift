import Foundation

/// Builds a ``Catalog`` from its files, checking them strictly.
///
/// All problems of all files are collected and thrown together as a ``DiagnosticList``, each
/// with its file, line and column; the loader never returns a partially valid catalog.
public enum CatalogLoader {
  static let countriesPath = "vocabularies/countries.yaml"
  static let capabilitiesPath = "vocabularies/capabilities.yaml"

  /// Loads a catalog from in-memory files (pure: no I/O).
  public static func load(files: [CatalogFile]) throws(DiagnosticList) -> Catalog {
    var diagnostics: [Diagnostic] = []
    func document(_ file: CatalogFile) -> YAMLDocument {
      YAMLDocument(data: file.contents, file: file.displayPath)
    }
    func collect(_ document: YAMLDocument) { diagnostics += document.diagnostics }

    let byPath = Dictionary(files.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
    var countries: [String: Country] = [:]
    var capabilities: [String: String] = [:]
    for required in [countriesPath, capabilitiesPath] where byPath[required] == nil {
      diagnostics.append(
        Diagnostic(
          "the catalog has no `\(required)`", at: SourceLocation(file: required),
          hint: "a catalog directory holds vocabularies/, laws/ and providers/ (see docs/catalog-format.md)"))
    }
    if let file = byPath[countriesPath] {
      let doc = document(file)
      countries = VocabularyReader.countries(doc)
      collect(doc)
    }
    if let file = byPath[capabilitiesPath] {
      let doc = document(file)
      capabilities = VocabularyReader.capabilities(doc)
      collect(doc)
    }

    var laws: [Law] = []
    var rules: [DerivationRule] = []
    var providers: [Provider] = []
    var entities: [String: LegalEntity] = [:]
    var offeringLocations: [String: SourceLocation] = [:]
    let vocabulary = ProviderFileReader.Vocabulary(countries: countries, capabilities: capabilities)
    for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
      let parts = file.relativePath.split(separator: "/")
      let stem = String(parts.last ?? "").replacingOccurrences(of: ".yaml", with: "").replacingOccurrences(of: ".yml", with: "")
      switch (parts.count, parts.first) {
      case (2, "vocabularies") where [countriesPath, capabilitiesPath].contains(file.relativePath):
        continue
      case (1, _) where file.relativePath == "sources.yaml":
        continue  // the certification lists `sovereign refresh` reads (SovereignFetch's SourceList)
      case (_, "csf"):
        continue  // the EU Cloud Sovereignty Framework (SovereignCSF's CSFDataReader)
      case (2, "laws"):
        let doc = document(file)
        if let law = LawFileReader(document: doc, expectedID: stem, countries: countries).read() { laws.append(law) }
        collect(doc)
      case (2, "rules"):
        let doc = document(file)
        if let rule = RuleFileReader(document: doc, expectedID: stem).read() { rules.append(rule) }
        collect(doc)
      case (2, "providers"):
        let doc = document(file)
        var reader = ProviderFileReader(document: doc, expectedID: stem, vocabulary: vocabulary)
        if let provider = reader.read() {
          providers.append(provider)
          for offering in provider.offerings {
            if let first = offeringLocations[offering.id] {
              diagnostics.append(
                Diagnostic("offering id `\(offering.id)` is already used at \(first)", at: offering.location))
            } else {
              offeringLocations[offering.id] = offering.location
            }
          }
        }
        for entity in reader.entities {
          if let first = entities[entity.id] {
            diagnostics.append(
              Diagnostic(
                "entity `\(entity.id)` is already declared at \(first.location)", at: entity.location,
                hint: "declare each entity once and refer to it by id from other files"))
          } else {
            entities[entity.id] = entity
          }
        }
        collect(doc)
      default:
        diagnostics.append(
          Diagnostic(
            "unexpected file `\(file.relativePath)` in the catalog", at: SourceLocation(file: file.displayPath),
            hint: "provider files go in providers/, laws in laws/, derivation rules in rules/, vocabularies in vocabularies/"))
      }
    }
    diagnostics += crossReferenceProblems(providers: providers, entities: entities)
    if providers.isEmpty && diagnostics.isEmpty {
      diagnostics.append(Diagnostic("the catalog has no provider files", at: SourceLocation(file: "providers/")))
    }
    guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
    return Catalog(
      providers: providers, entities: entities, laws: laws, countries: countries, capabilities: capabilities, rules: rules)
  }

  /// Checks references that cross files: owners, contracting entities, operators, subprocessors.
  static func crossReferenceProblems(providers: [Provider], entities: [String: LegalEntity]) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    func check(_ id: String, _ role: String, at location: SourceLocation) {
      guard entities[id] == nil else { return }
      problems.append(
        Diagnostic(
          "\(role) refers to entity `\(id)`, which no provider file declares", at: location,
          hint: Suggestions.hint(for: id, in: entities.keys) ?? "declare it under `entities:` in the provider file it belongs to"))
    }
    for entity in entities.values {
      for edge in entity.owners {
        check(edge.owner, "an owner of `\(entity.id)`", at: entity.location)
        if edge.owner == entity.id {
          problems.append(Diagnostic("entity `\(entity.id)` is listed as its own owner", at: entity.location))
        }
      }
    }
    for provider in providers {
      for offering in provider.offerings {
        check(offering.contractingEntity, "the contracting entity of `\(offering.id)`", at: offering.location)
        for id in offering.operators { check(id, "an operator of `\(offering.id)`", at: offering.location) }
        for sub in offering.subprocessors { check(sub.entity, "a subprocessor of `\(offering.id)`", at: offering.location) }
      }
    }
    return problems
  }

  /// Loads a catalog directory (the layout of `data/`).
  ///
  /// - Throws: ``CatalogLoadError``: the directory is missing or unreadable, or the data is invalid.
  public static func load(directory: URL) throws(CatalogLoadError) -> Catalog {
    let files = try files(in: directory)
    do {
      return try load(files: files)
    } catch {
      throw .invalid(error)
    }
  }

  /// Every YAML file of a catalog directory, paths relative to it (what `load(directory:)` reads;
  /// other readers of the same directory, such as the CSF framework under `csf/`, use it too).
  public static func files(in directory: URL) throws(CatalogLoadError) -> [CatalogFile] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
      throw .notFound(directory.path)
    }
    guard isDirectory.boolValue else { throw .notADirectory(directory.path) }
    var files: [CatalogFile] = []
    let root = directory.standardizedFileURL.resolvingSymlinksInPath()
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
      throw .unreadable(directory.path, "cannot list the directory")
    }
    for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension) {
      let full = url.standardizedFileURL.resolvingSymlinksInPath().path
      guard full.hasPrefix(root.path + "/") else { continue }
      let relative = String(full.dropFirst(root.path.count + 1))
      guard let data = FileManager.default.contents(atPath: full) else {
        throw .unreadable(full, "cannot read the file")
      }
      let display = directory.path.hasSuffix("/") ? directory.path + relative : directory.path + "/" + relative
      files.append(CatalogFile(relativePath: relative, displayPath: display, contents: Array(data)))
    }
    return files
  }
}

/// Why a catalog could not be loaded.
public enum CatalogLoadError: Error, Sendable, CustomStringConvertible {
  /// The catalog directory does not exist.
  case notFound(String)
  /// The path exists but is not a directory.
  case notADirectory(String)
  /// A file or the directory could not be read.
  case unreadable(String, String)
  /// The data has errors (all of them, with their positions).
  case invalid(DiagnosticList)

  public var description: String {
    switch self {
    case .notFound(let path): return "catalog directory not found: \(path)"
    case .notADirectory(let path): return "not a directory: \(path) (--catalog takes a directory like data/)"
    case .unreadable(let path, let why): return "\(path): \(why)"
    case .invalid(let list):
      return list.description + "\n\(list.diagnostics.count) error\(list.diagnostics.count == 1 ? "" : "s") in the catalog"
    }
  }
}
