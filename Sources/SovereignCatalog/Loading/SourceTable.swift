/// The `sources:` map of one file, and the resolution of `source:` references against it.
struct SourceTable {
  private(set) var sources: [String: Source] = [:]
  private(set) var used: Set<String> = []
  /// Sources declared with an error (already reported): citing them is not a second error.
  private(set) var invalid: Set<String> = []
  let document: YAMLDocument

  /// Reads a `sources:` map (`id: {url, title, as_of, kind}`).
  init(_ value: YAMLValue?, document: YAMLDocument) {
    self.document = document
    guard let value, let entries = value.freeMapping("sources") else { return }
    for entry in entries {
      guard Identifier.isValid(entry.key) else {
        document.report(
          Diagnostic(
            "source id `\(entry.key)` is not a valid id", at: entry.keyLocation,
            hint: "use lower-case letters, digits and hyphens, e.g. `ans-hds-list`"))
        continue
      }
      guard let fields = entry.value.mapping("source `\(entry.key)`", keys: ["url", "title", "as_of", "kind"]) else {
        invalid.insert(entry.key)
        continue
      }
      let url = fields.required("url", hint: "the public web address of the document")?.url("`url` of source `\(entry.key)`")
      let title = fields.optional("title")?.string("`title` of source `\(entry.key)`")
      let asOf = fields.required("as_of", hint: "the date the source states, YYYY-MM-DD")?.date(
        "`as_of` of source `\(entry.key)`")
      let kind = fields.required(
        "kind",
        hint: "say what the document is: one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))"
      )?.word("`kind` of source `\(entry.key)`", allowed: SourceKind.allCases.map(\.rawValue)).flatMap(SourceKind.init(rawValue:))
      if let url, let asOf, let kind {
        sources[entry.key] = Source(id: entry.key, url: url, title: title, asOf: asOf, kind: kind)
      } else {
        invalid.insert(entry.key)
      }
    }
  }

  /// Resolves the `source` key of `block` (an id or a list of ids).
  mutating func provenance(of block: YAMLMapping) -> Provenance {
    guard let value = block.optional("source"), let items = value.scalarOrList("`source` of \(block.what)") else {
      return Provenance()
    }
    var resolved: [Source] = []
    for item in items {
      guard let id = item.string("a source id") else { continue }
      if let source = sources[id] {
        used.insert(id)
        if !resolved.contains(source) { resolved.append(source) }
      } else if invalid.contains(id) {
        continue
      } else {
        item.report(
          "source `\(id)` is not declared in this file's `sources:`",
          hint: Suggestions.hint(for: id, in: sources.keys) ?? "add it under `sources:` with its url, title and as_of")
      }
    }
    return Provenance(resolved)
  }

  /// Records an error when `block` states facts (`statesFacts`) but names no source.
  func requireSource(_ provenance: Provenance, for block: YAMLMapping, statesFacts: Bool) {
    guard statesFacts, provenance.isEmpty, !block.has("source") else { return }
    // (A block citing only sources already reported as invalid is not reported again.)
    block.owner.report(
      "\(block.what) states facts but names no source",
      hint: "add `source: <id>` naming an entry of `sources:`, or write the facts as `unknown`")
  }
}
