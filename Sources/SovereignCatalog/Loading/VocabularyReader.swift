/// Reads the shared vocabularies: countries and capabilities.
enum VocabularyReader {
  static func countries(_ document: YAMLDocument) -> [String: Country] {
    guard let root = document.root?.mapping("the countries file", keys: ["countries"]),
      let entries = root.required("countries")?.freeMapping("`countries`")
    else { return [:] }
    var countries: [String: Country] = [:]
    for entry in entries {
      guard entry.key.count == 2, entry.key.uppercased() == entry.key, entry.key.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) })
      else {
        document.report(Diagnostic("`\(entry.key)` is not an ISO 3166-1 alpha-2 code", at: entry.keyLocation, hint: "two upper-case letters, e.g. FR"))
        continue
      }
      guard let fields = entry.value.mapping("country `\(entry.key)`", keys: ["name", "eu", "eea"]) else { continue }
      guard let name = fields.required("name")?.string("`name`"), let eu = fields.required("eu")?.bool("`eu`"),
        let eea = fields.required("eea")?.bool("`eea`")
      else { continue }
      if eu && !eea {
        entry.value.report("country `\(entry.key)` is in the EU but not in the EEA, which is impossible")
      }
      countries[entry.key] = Country(code: entry.key, name: name, isEU: eu, isEEA: eea)
    }
    return countries
  }

  static func capabilities(_ document: YAMLDocument) -> [String: String] {
    guard let root = document.root?.mapping("the capabilities file", keys: ["capabilities"]),
      let entries = root.required("capabilities")?.freeMapping("`capabilities`")
    else { return [:] }
    var capabilities: [String: String] = [:]
    for entry in entries {
      guard Identifier.isValid(entry.key) else {
        document.report(Diagnostic("capability `\(entry.key)` is not a valid id", at: entry.keyLocation))
        continue
      }
      if let description = entry.value.string("description of capability `\(entry.key)`") {
        capabilities[entry.key] = description
      }
    }
    return capabilities
  }
}
