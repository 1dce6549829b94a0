import SovereignCatalog

/// Reads the framework, weight profiles and self-assessments in `data/csf/` strictly, with
/// file:line:column diagnostics, like the rest of the catalog.
public enum CSFDataReader {
  /// The framework file, relative to the catalog directory.
  public static let frameworkPath = "csf/framework.yaml"
  /// Where the shipped profiles live, relative to the catalog directory.
  public static let profilesDirectory = "csf/profiles/"
  /// Where published self-assessments live, relative to the catalog directory.
  public static let assessmentsDirectory = "csf/assessments/"

  /// Everything under `csf/` of a catalog's files (the bundled ones or a `--catalog DIR`).
  public static func read(files: [CatalogFile]) throws(DiagnosticList) -> CSFData {
    var diagnostics: [Diagnostic] = []
    var framework: CSFFramework?
    var profiles: [CSFProfile] = []
    var assessments: [CSFSelfAssessment] = []
    for file in files where file.relativePath.hasPrefix("csf/") {
      let document = YAMLDocument(data: file.contents, file: file.displayPath)
      if file.relativePath == frameworkPath {
        framework = document.root.flatMap(readFramework)
      } else if file.relativePath.hasPrefix(profilesDirectory) {
        if let profile = document.root.flatMap(readProfile) { profiles.append(profile) }
      } else if file.relativePath.hasPrefix(assessmentsDirectory) {
        if let assessment = document.root.flatMap(readAssessment) { assessments.append(assessment) }
      } else {
        document.report(
          Diagnostic(
            "unexpected file `\(file.relativePath)` under csf/", at: SourceLocation(file: file.displayPath),
            hint: "csf/ holds framework.yaml, profiles/ and assessments/"))
      }
      diagnostics += document.diagnostics
    }
    guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
    guard let framework else {
      throw DiagnosticList([Diagnostic("the catalog has no CSF framework file", at: SourceLocation(file: frameworkPath))])
    }
    // Cross-checks: a profile or self-assessment naming an unknown objective is an error.
    let objectiveIDs = framework.objectives.map(\.id)
    for profile in profiles {
      for id in profile.weights.keys where !objectiveIDs.contains(id) {
        diagnostics.append(
          Diagnostic(
            "profile `\(profile.id)` weighs unknown objective `\(id)`", at: SourceLocation(file: profilesDirectory),
            hint: Suggestions.hint(for: id, in: objectiveIDs)))
      }
    }
    guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
    return CSFData(framework: framework, profiles: profiles.sorted { $0.id < $1.id }, assessments: assessments)
  }

  /// Reads a user's own profile file (`--profile PATH`) against `framework`.
  public static func readProfile(data: some Collection<UInt8>, file: String, framework: CSFFramework)
    throws(DiagnosticList) -> CSFProfile
  {
    let document = YAMLDocument(data: data, file: file)
    let profile = document.root.flatMap(readProfile)
    if let profile {
      let ids = framework.objectives.map(\.id)
      for id in ids where profile.weights[id] == nil {
        document.report(
          Diagnostic("profile `\(profile.id)` gives no weight to `\(id)`", at: SourceLocation(file: file, line: 1, column: 1),
            hint: "give every objective SOV-1 … SOV-8 a weight (0 is allowed)"))
      }
    }
    guard document.isClean, let profile else { throw DiagnosticList(document.diagnostics) }
    return profile
  }

  // MARK: - Files

  static func readFramework(_ root: YAMLValue) -> CSFFramework? {
    guard let top = root.mapping("the CSF framework file", keys: ["source", "objectives"]) else { return nil }
    let source = top.required("source").flatMap { readSource($0, id: "csf-framework") }
    var objectives: [CSFFramework.Objective] = []
    for item in top.required("objectives")?.list("`objectives`") ?? [] {
      guard let fields = item.mapping("an objective", keys: ["id", "name", "criteria"]),
        let id = fields.required("id")?.string("objective `id`"),
        let name = fields.required("name")?.string("objective `name`")
      else { continue }
      var criteria: [CSFFramework.Criterion] = []
      for entry in fields.required("criteria")?.list("`criteria` of \(id)") ?? [] {
        guard let c = entry.mapping("a criterion of \(id)", keys: ["id", "title", "answers"]),
          let cid = c.required("id")?.string("criterion `id`"),
          let title = c.required("title")?.string("criterion `title`")
        else { continue }
        var answers: [CSFFramework.Answer] = []
        for a in c.required("answers")?.list("`answers` of \(cid)") ?? [] {
          guard let f = a.mapping("an answer of \(cid)", keys: ["points", "seal", "label"]),
            let points = f.required("points")?.number("`points`", in: 0...100_000),
            let seal = f.required("seal")?.integer("`seal`", in: 0...4),
            let label = f.required("label")?.string("`label`")
          else { continue }
          answers.append(.init(label: label, points: points, seal: seal))
        }
        if answers.isEmpty { c.owner.report("criterion `\(cid)` has no answers") }
        criteria.append(.init(id: cid, objectiveID: id, title: title, answers: answers))
      }
      objectives.append(.init(id: id, name: name, criteria: criteria))
    }
    guard let source else { return nil }
    return CSFFramework(objectives: objectives, source: source)
  }

  static func readProfile(_ root: YAMLValue) -> CSFProfile? {
    guard let top = root.mapping("a CSF profile", keys: ["id", "name", "source", "weights"]),
      let id = top.required("id")?.string("profile `id`"),
      let name = top.required("name")?.string("profile `name`")
    else { return nil }
    let source = top.optional("source").flatMap { readSource($0, id: "csf-profile-\(id)") }
    var weights: [String: Double] = [:]
    for entry in top.required("weights")?.freeMapping("`weights`") ?? [] {
      if let weight = entry.value.number("weight of `\(entry.key)`", in: 0...100) { weights[entry.key] = weight }
    }
    return CSFProfile(id: id, name: name, weights: weights, source: source)
  }

  static func readAssessment(_ root: YAMLValue) -> CSFSelfAssessment? {
    guard let top = root.mapping("a CSF self-assessment", keys: ["provider", "source", "seals", "notes"]),
      let provider = top.required("provider")?.identifier("`provider`"),
      let source = top.required("source").flatMap({ readSource($0, id: "csf-self-assessment-\(provider)") })
    else { return nil }
    var seals: [String: Int] = [:]
    for entry in top.required("seals")?.freeMapping("`seals`") ?? [] {
      if let seal = entry.value.integer("SEAL of `\(entry.key)`", in: 0...4) { seals[entry.key] = seal }
    }
    return CSFSelfAssessment(providerID: provider, seals: seals, source: source, notes: top.optional("notes")?.string("`notes`"))
  }

  static func readSource(_ value: YAMLValue, id: String) -> Source? {
    guard let fields = value.mapping("`source`", keys: ["url", "title", "as_of", "kind"]) else { return nil }
    let url = fields.required("url")?.url("`url`")
    let title = fields.optional("title")?.string("`title`")
    let asOf = fields.required("as_of")?.date("`as_of`")
    let kind = fields.required("kind")?.word("`kind`", allowed: SourceKind.allCases.map(\.rawValue)).flatMap(SourceKind.init(rawValue:))
    guard let url, let asOf, let kind else { return nil }
    return Source(id: id, url: url, title: title, asOf: asOf, kind: kind)
  }
}

/// The CSF part of a catalog: the framework, the shipped profiles, published self-assessments.
public struct CSFData: Sendable, Hashable {
  public var framework: CSFFramework
  public var profiles: [CSFProfile]
  public var assessments: [CSFSelfAssessment]

  /// The shipped profile with this id (`2026`, `v1.2.1`).
  public func profile(id: String) -> CSFProfile? { profiles.first { $0.id == id } }

  /// The default profile: the Commission's current calculator weights (`2026`).
  public static let defaultProfileID = "2026"
}

extension CSFData {
  /// The CSF data shipped with the bundled catalog (`data/csf/`), read once; nil only if the
  /// shipped files were invalid, which the test suite prevents.
  public static let bundled: CSFData? = try? CSFDataReader.read(files: Catalog.bundledFiles)
}
