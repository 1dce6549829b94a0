/// Reads one `data/laws/<id>.yaml` file.
struct LawFileReader {
  let document: YAMLDocument
  let expectedID: String
  let countries: [String: Country]

  static let keys = ["id", "name", "jurisdiction", "citation", "summary", "extraterritorial", "reach", "source", "sources", "notes"]

  func read() -> Law? {
    guard let root = document.root?.mapping("the law file", keys: Self.keys) else { return nil }
    var sources = SourceTable(root.required("sources", hint: "cite the law's text"), document: document)
    let id = root.required("id")?.identifier("law `id`")
    if let id, id != expectedID {
      root["id"]?.report("law id `\(id)` does not match the file name `\(expectedID).yaml`")
    }
    let name = root.required("name")?.string("law `name`")
    let jurisdiction = root.required("jurisdiction")?.scalarOrList("`jurisdiction`")?.compactMap { value -> String? in
      guard let code = value.string("a jurisdiction country") else { return nil }
      guard countries[code] != nil else {
        value.report("unknown country code `\(code)`", hint: Suggestions.hint(for: code, in: countries.keys))
        return nil
      }
      return code
    }
    let citation = root.required("citation")?.string("law `citation`")
    let summary = root.required("summary")?.string("law `summary`")
    let extraterritorial = root.required("extraterritorial")?.bool("law `extraterritorial`")
    let reach = root.required("reach")?.list("law `reach`")?.compactMap {
      $0.word("a reach rule", allowed: Law.ReachRule.allCases.map(\.rawValue)).flatMap(Law.ReachRule.init(rawValue:))
    }
    let provenance = sources.provenance(of: root)
    sources.requireSource(provenance, for: root, statesFacts: true)
    guard let id, let name, let jurisdiction, let citation, let summary, let extraterritorial, let reach else { return nil }
    return Law(
      id: id, name: name, jurisdiction: jurisdiction, citation: citation, summary: summary,
      extraterritorial: extraterritorial, reach: reach, provenance: provenance, file: document.file)
  }
}
