import SovereignCSF
import SovereignCatalog

/// Reads a requirements file strictly: unknown keys, wrong types, unknown law ids, capabilities
/// or countries and impossible weights are reported as `file:line:column` diagnostics with a
/// did-you-mean hint where one is close. All problems of the file are reported together.
public enum RequirementsReader {
  /// Keys accepted at the top level (kept in sync with the JSON Schema by a test).
  public static let topLevelKeys = [
    "name", "data", "residency", "gates", "unknown", "evidence", "criteria", "nice_to_have", "method", "csf",
    "robustness",
  ]
  /// Keys accepted under `data`.
  public static let dataKeys = ["kind"]
  /// Keys accepted under `gates`.
  public static let gateKeys = [
    "hds_activities", "hds_referential", "secnumcloud", "immune_to", "secnumcloud_19_6", "service_types", "capabilities",
    "csf_min_seal", "csf_min_seal_overall",
  ]
  /// Keys accepted under `csf`.
  public static let csfKeys = ["profile", "divisor"]
  /// SEALs of the EU Cloud Sovereignty Framework.
  public static let csfSeals = 0...4
  /// Keys accepted under `robustness`.
  public static let robustnessKeys = ["weights", "unknown_facts"]
  /// Keys accepted under `robustness.weights` (exactly one), besides the words `uniform` and `fixed`.
  public static let robustnessWeightKeys = ["spread", "order"]
  /// Words accepted as `robustness.weights`.
  public static let robustnessWeightWords = ["uniform", "fixed"]
  /// Keys accepted under `robustness.unknown_facts`, besides `true` and `false`.
  public static let unknownFactKeys = ["p"]
  /// Keys accepted under `criteria`.
  public static let criterionKeys = CriterionKind.allCases.map(\.rawValue)
  /// HDS referential versions, oldest first.
  public static let hdsReferentials = ["1.1", "2.0"]
  /// Largest weight accepted (weights are relative; this only catches typos).
  public static let maximumWeight = 1_000_000.0

  /// Parses `text` (the contents of `file`) against `vocabulary`.
  public static func read(text: String, file: String, vocabulary: RequirementsVocabulary) throws(DiagnosticList)
    -> Requirements
  {
    let document = YAMLDocument(text: text, file: file)
    let requirements = document.root.flatMap { read(root: $0, vocabulary: vocabulary) }
    guard document.isClean, let requirements else {
      throw DiagnosticList(document.diagnostics)
    }
    return requirements
  }

  /// Parses raw bytes (must be UTF-8).
  public static func read(data: some Collection<UInt8>, file: String, vocabulary: RequirementsVocabulary)
    throws(DiagnosticList) -> Requirements
  {
    let document = YAMLDocument(data: data, file: file)
    let requirements = document.root.flatMap { read(root: $0, vocabulary: vocabulary) }
    guard document.isClean, let requirements else {
      throw DiagnosticList(document.diagnostics)
    }
    return requirements
  }

  static func read(root: YAMLValue, vocabulary: RequirementsVocabulary) -> Requirements? {
    guard let top = root.mapping("the requirements file", keys: topLevelKeys) else { return nil }
    var result = Requirements()
    result.name = top.optional("name")?.string("`name`")
    if let data = top.optional("data")?.mapping("`data`", keys: dataKeys),
      let kind = data.optional("kind")?.word("`data.kind`", allowed: Requirements.DataKind.allCases.map(\.rawValue))
    {
      result.dataKind = Requirements.DataKind(rawValue: kind)
    }
    if let list = top.optional("residency")?.list("`residency`") {
      let allowed = vocabulary.countries.sorted() + RequirementsVocabulary.groups
      result.residency = list.compactMap { item in
        guard let code = item.string("a `residency` entry") else { return nil }
        guard allowed.contains(code) else {
          item.report(
            "unknown country or group `\(code)` in `residency`",
            hint: Suggestions.hint(for: code, in: allowed) ?? "use ISO 3166-1 alpha-2 codes (FR, DE ...) or EU, EEA")
          return nil
        }
        return code
      }
    }
    if let gates = top.optional("gates")?.mapping("`gates`", keys: gateKeys) {
      result.gates = readGates(gates, vocabulary: vocabulary)
    }
    if let policy = top.optional("unknown")?.word(
      "`unknown`", allowed: Requirements.UnknownPolicy.allCases.map(\.rawValue))
    {
      result.unknownPolicy = Requirements.UnknownPolicy(rawValue: policy) ?? .conservative
    }
    if let grade = top.optional("evidence")?.word(
      "`evidence`", allowed: EvidenceGrade.allCases.map(\.rawValue))
    {
      result.evidence = EvidenceGrade(rawValue: grade) ?? Requirements.defaultEvidence
    }
    if let value = top.optional("criteria") {
      result.criteria = readCriteria(value) ?? result.criteria
    }
    if let list = top.optional("nice_to_have")?.list("`nice_to_have`") {
      result.niceToHave = capabilities(list, key: "nice_to_have", vocabulary: vocabulary)
    }
    if let method = top.optional("method")?.word("`method`", allowed: MCDAMethod.allCases.map(\.rawValue)) {
      result.method = MCDAMethod(rawValue: method) ?? .topsis
    }
    if let csf = top.optional("csf")?.mapping("`csf`", keys: csfKeys) {
      var settings = CSFSettings()
      // A profile id may look like a number (`2026`): it is read as the text written.
      if let id = csf.optional("profile")?.word("`csf.profile`", allowed: vocabulary.csfProfiles) {
        settings.profile = id
      }
      if let divisor = csf.optional("divisor")?.word("`csf.divisor`", allowed: CSFDivisor.allCases.map(\.rawValue)) {
        settings.divisor = CSFDivisor(rawValue: divisor) ?? .nominal
      }
      result.csf = settings
    }
    // Left nil (the defaults: uniform weights) when the file gives neither weights nor `robustness`.
    if top.has("criteria") || top.optional("robustness") != nil {
      var robustness = RobustnessSettings(weights: top.has("criteria") ? .spread(RobustnessSettings.defaultSpread) : .uniform)
      if let mapping = top.optional("robustness")?.mapping("`robustness`", keys: robustnessKeys) {
        readRobustness(mapping, criteria: result.criteria.map(\.criterion), into: &robustness)
      }
      result.robustness = robustness
    }
    return result
  }

  static func readRobustness(_ mapping: YAMLMapping, criteria: [CriterionKind], into settings: inout RobustnessSettings) {
    if let value = mapping.optional("weights") {
      if value.scalarText != nil {
        if let word = value.word("`robustness.weights`", allowed: robustnessWeightWords) {
          settings.weights = word == "fixed" ? .fixed : .uniform
        }
      } else if case let before = value.document.diagnostics.count,
        let weights = value.mapping("`robustness.weights`", keys: robustnessWeightKeys)
      {
        let given = robustnessWeightKeys.filter(weights.has)
        // An unknown key is reported by `mapping` already (with its did-you-mean).
        if given.count > 1 || (given.isEmpty && value.document.diagnostics.count == before) {
          value.report(
            "`robustness.weights` takes exactly one of `spread` and `order`",
            hint: "e.g. `weights: { spread: 0.25 }` or `weights: { order: [sovereignty, certifications] }`")
        } else if let spread = weights.optional("spread")?.number("`robustness.weights.spread`", in: 0...1) {
          settings.weights = .spread(spread)
        } else if let item = weights.optional("order"), let list = item.list("`robustness.weights.order`") {
          let names = criteria.map(\.rawValue)
          var order: [CriterionKind] = []
          for entry in list {
            guard let name = entry.word("a criterion of `robustness.weights.order`", allowed: names),
              let kind = CriterionKind(rawValue: name)
            else { continue }
            if order.contains(kind) {
              entry.report("`\(name)` appears twice in `robustness.weights.order`", hint: "list each criterion once")
            } else {
              order.append(kind)
            }
          }
          let missing = criteria.filter { !order.contains($0) }
          if !missing.isEmpty && order.count + missing.count == criteria.count && list.count == order.count {
            item.report(
              "`robustness.weights.order` does not list " + missing.map { "`\($0.rawValue)`" }.joined(separator: ", "),
              hint: "list every weighted criterion once, most important first: " + names.joined(separator: ", "))
          } else if missing.isEmpty {
            settings.weights = .order(order)
          }
        }
      }
    }
    if let value = mapping.optional("unknown_facts") {
      if value.scalarText != nil {
        if let on = value.bool("`robustness.unknown_facts`") {
          settings.unknownFacts = on ? RobustnessSettings.defaultProbability : nil
        }
      } else if let facts = value.mapping("`robustness.unknown_facts`", keys: unknownFactKeys) {
        settings.unknownFacts = facts.optional("p")?.number("`robustness.unknown_facts.p`", in: 0...1)
          ?? RobustnessSettings.defaultProbability
      }
    }
  }

  static func readGates(_ gates: YAMLMapping, vocabulary: RequirementsVocabulary) -> Requirements.Gates {
    var result = Requirements.Gates()
    if let list = gates.optional("hds_activities")?.list("`gates.hds_activities`") {
      let activities = list.compactMap { $0.integer("an HDS activity", in: 1...6) }
      result.hdsActivities = Array(Set(activities)).sorted()
      if list.isEmpty {
        gates.optional("hds_activities")?.report(
          "`gates.hds_activities` is empty", hint: "list the activities you need, e.g. [1, 2, 3, 4, 5, 6]")
      }
    }
    result.hdsReferential = gates.optional("hds_referential")?.word("`gates.hds_referential`", allowed: hdsReferentials)
    if let status = gates.optional("secnumcloud")?.word(
      "`gates.secnumcloud`", allowed: Requirements.SecNumCloudRequirement.allCases.map(\.rawValue))
    {
      result.secNumCloud = Requirements.SecNumCloudRequirement(rawValue: status)
    }
    if let list = gates.optional("immune_to")?.list("`gates.immune_to`") {
      let laws = vocabulary.laws.sorted()
      result.immuneTo = list.compactMap { item in
        guard let id = item.string("a law id") else { return nil }
        guard vocabulary.laws.contains(id) else {
          item.report(
            "unknown law `\(id)` in `gates.immune_to`",
            hint: Suggestions.hint(for: id, in: laws)
              ?? (laws.isEmpty ? "the catalog has no laws" : "known laws: " + laws.joined(separator: ", ")))
          return nil
        }
        return id
      }
    }
    result.secNumCloud196 = gates.optional("secnumcloud_19_6")?.bool("`gates.secnumcloud_19_6`") ?? false
    if let list = gates.optional("service_types")?.list("`gates.service_types`") {
      let allowed = Offering.ServiceType.allCases.map(\.rawValue)
      result.serviceTypes = list.compactMap { $0.word("a service type", allowed: allowed) }
        .compactMap(Offering.ServiceType.init(rawValue:))
    }
    if let list = gates.optional("capabilities")?.list("`gates.capabilities`") {
      result.capabilities = capabilities(list, key: "gates.capabilities", vocabulary: vocabulary)
    }
    if let seals = gates.optional("csf_min_seal")?.mapping("`gates.csf_min_seal`", keys: vocabulary.csfObjectives) {
      var minimum: [String: Int] = [:]
      for objective in vocabulary.csfObjectives {
        guard let seal = seals.optional(objective)?.integer("the minimum SEAL of \(objective)", in: csfSeals) else { continue }
        minimum[objective] = seal
      }
      if minimum.isEmpty, gates.optional("csf_min_seal")?.freeMapping("`gates.csf_min_seal`")?.isEmpty == true {
        gates.optional("csf_min_seal")?.report(
          "`gates.csf_min_seal` names no objective", hint: "map objective ids to SEALs, e.g. { SOV-2: 3, SOV-3: 2 }")
      }
      result.csfMinSeal = minimum
    }
    result.csfMinSealOverall = gates.optional("csf_min_seal_overall")?.integer("`gates.csf_min_seal_overall`", in: csfSeals)
    return result
  }

  static func capabilities(_ list: [YAMLValue], key: String, vocabulary: RequirementsVocabulary) -> [String] {
    let known = vocabulary.capabilities.sorted()
    return list.compactMap { item in
      guard let id = item.string("a capability") else { return nil }
      guard vocabulary.capabilities.contains(id) else {
        item.report(
          "unknown capability `\(id)` in `\(key)`",
          hint: Suggestions.hint(for: id, in: known) ?? "see data/vocabularies/capabilities.yaml for the known ids")
        return nil
      }
      return id
    }
  }

  static func readCriteria(_ value: YAMLValue) -> [CriterionWeight]? {
    guard let mapping = value.mapping("`criteria`", keys: criterionKeys) else { return nil }
    var weights: [CriterionWeight] = []
    var unreadable = false
    for kind in CriterionKind.allCases {
      guard let entry = mapping.optional(kind.rawValue) else { continue }
      guard let weight = entry.number("the weight of `\(kind.rawValue)`", in: 0...maximumWeight) else {
        unreadable = true
        continue
      }
      weights.append(CriterionWeight(kind, weight))
    }
    if unreadable { return nil }
    if weights.isEmpty || weights.allSatisfy({ $0.weight == 0 }) {
      value.report(
        "`criteria` gives no criterion a positive weight",
        hint: "give at least one of " + CriterionKind.allCases.map(\.rawValue).joined(separator: ", ") + " a positive weight")
      return nil
    }
    return weights
  }
}
