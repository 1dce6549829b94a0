/// Reads one `data/rules/<id>.yaml` file (a ``DerivationRule``).
struct RuleFileReader {
  let document: YAMLDocument
  let expectedID: String

  static let keys = ["id", "kind", "statement", "referential", "since", "validity_years", "source", "sources", "notes"]

  func read() -> DerivationRule? {
    guard let root = document.root?.mapping("the rule file", keys: Self.keys) else { return nil }
    var sources = SourceTable(root.required("sources", hint: "cite the text the rule rests on"), document: document)
    let id = root.required("id")?.identifier("rule `id`")
    if let id, id != expectedID {
      root["id"]?.report("rule id `\(id)` does not match the file name `\(expectedID).yaml`")
    }
    let kind = root.required("kind")?.word("rule `kind`", allowed: DerivationRule.Kind.allCases.map(\.rawValue))
      .flatMap(DerivationRule.Kind.init(rawValue:))
    let statement = root.required("statement", hint: "say the rule in one or two plain sentences")?.string("rule `statement`")
    let referential = root.required("referential")?.string("rule `referential`")
    let since = root.required("since", hint: "the date from which the rule holds, YYYY-MM-DD")?.date("rule `since`")
    let validity = root.optional("validity_years")?.integer("rule `validity_years`", in: 1...20)
    if kind == .secNumCloudReferential, !root.has("validity_years") {
      root.owner.report(
        "a `secnumcloud-referential` rule is missing the key `validity_years`", hint: "how many years a qualification lasts")
    }
    _ = root.optional("notes")?.string("rule `notes`")
    let provenance = sources.provenance(of: root)
    sources.requireSource(provenance, for: root, statesFacts: true)
    guard let id, let kind, let statement, let referential, let since else { return nil }
    return DerivationRule(
      id: id, kind: kind, statement: statement, referential: referential, since: since, validityYears: validity,
      provenance: provenance, file: document.file)
  }
}
