import Foundation
import SovereignCSF
import SovereignCatalog
import Testing

@testable import SovereignScoring

/// `schema/requirements.schema.json` must accept exactly the keys and words the parser accepts.
@Suite struct SchemaSyncTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func schema() throws -> [String: Any] {
    let data = try Data(contentsOf: Self.root.appendingPathComponent("schema/requirements.schema.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func properties(_ object: [String: Any]?) -> [String: [String: Any]] {
    (object?["properties"] as? [String: [String: Any]]) ?? [:]
  }

  @Test func keysMatchTheParser() throws {
    let schema = try schema()
    let top = properties(schema)
    #expect(Set(top.keys) == Set(RequirementsReader.topLevelKeys))
    #expect(Set(properties(top["data"]).keys) == Set(RequirementsReader.dataKeys))
    #expect(Set(properties(top["gates"]).keys) == Set(RequirementsReader.gateKeys))
    #expect(Set(properties(top["criteria"]).keys) == Set(RequirementsReader.criterionKeys))
    let robustness = properties(top["robustness"])
    #expect(Set(robustness.keys) == Set(RequirementsReader.robustnessKeys))
    let weightForms = (robustness["weights"]?["oneOf"] as? [[String: Any]]) ?? []
    #expect(Set(weightForms.flatMap { properties($0).keys }) == Set(RequirementsReader.robustnessWeightKeys))
    #expect(Set(weightForms.flatMap { ($0["enum"] as? [String]) ?? [] }) == Set(RequirementsReader.robustnessWeightWords))
    let factForms = (robustness["unknown_facts"]?["oneOf"] as? [[String: Any]]) ?? []
    #expect(Set(factForms.flatMap { properties($0).keys }) == Set(RequirementsReader.unknownFactKeys))
    for object in [schema, top["data"], top["gates"], top["criteria"], top["robustness"]] {
      #expect(object?["additionalProperties"] as? Bool == false)
    }
  }

  @Test func wordsMatchTheParser() throws {
    let top = properties(try schema())
    func words(_ node: [String: Any]?) -> Set<String> { Set((node?["enum"] as? [String]) ?? []) }
    #expect(words(properties(top["data"])["kind"]) == Set(Requirements.DataKind.allCases.map(\.rawValue)))
    #expect(words(top["unknown"]) == Set(Requirements.UnknownPolicy.allCases.map(\.rawValue)))
    #expect(words(top["method"]) == Set(MCDAMethod.allCases.map(\.rawValue)))
    let gates = properties(top["gates"])
    #expect(words(gates["secnumcloud"]) == Set(Requirements.SecNumCloudRequirement.allCases.map(\.rawValue)))
    #expect(words(gates["hds_referential"]) == Set(RequirementsReader.hdsReferentials))
    #expect(words(gates["service_types"]?["items"] as? [String: Any]) == Set(Offering.ServiceType.allCases.map(\.rawValue)))
    let activities = gates["hds_activities"]?["items"] as? [String: Any]
    #expect(activities?["minimum"] as? Int == 1 && activities?["maximum"] as? Int == 6)
    let weight = properties(top["criteria"])["openness"]
    #expect(weight?["minimum"] as? Double == 0 && weight?["maximum"] as? Double == RequirementsReader.maximumWeight)
  }

  @Test func capabilitiesMatchTheBundledVocabulary() throws {
    let schema = try schema()
    let capability = (schema["definitions"] as? [String: [String: Any]])?["capability"]
    let listed = Set((capability?["enum"] as? [String]) ?? [])
    let file = Self.root.appendingPathComponent("data/vocabularies/capabilities.yaml")
    let document = YAMLDocument(text: try String(contentsOf: file, encoding: .utf8), file: file.path)
    let vocabulary = try #require(document.root?.mapping("capabilities.yaml", keys: ["capabilities"])?["capabilities"]?.freeMapping("capabilities"))
    #expect(vocabulary.count > 10)
    #expect(
      listed == Set(vocabulary.map(\.key)),
      "update definitions.capability in schema/requirements.schema.json to data/vocabularies/capabilities.yaml")
  }

  @Test func csfKeysAndWordsMatchTheParserAndTheBundledFramework() throws {
    let top = properties(try schema())
    func words(_ node: [String: Any]?) -> Set<String> { Set((node?["enum"] as? [String]) ?? []) }
    let csf = properties(top["csf"])
    #expect(Set(csf.keys) == Set(RequirementsReader.csfKeys))
    #expect(words(csf["profile"]) == Set(RequirementsVocabulary.bundledCSFProfiles))
    #expect(words(csf["divisor"]) == Set(CSFDivisor.allCases.map(\.rawValue)))
    #expect(top["csf"]?["additionalProperties"] as? Bool == false)
    let seals = properties(top["gates"])["csf_min_seal"]
    #expect(Set(properties(seals).keys) == Set(RequirementsVocabulary.bundledCSFObjectives))
    #expect(RequirementsVocabulary.bundledCSFObjectives.count == 8)
    for seal in properties(seals).values {
      #expect(seal["minimum"] as? Int == RequirementsReader.csfSeals.lowerBound)
      #expect(seal["maximum"] as? Int == RequirementsReader.csfSeals.upperBound)
    }
  }
}
