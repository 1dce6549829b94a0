import SovereignCatalog
import Testing

@testable import SovereignScoring

@Suite struct RequirementsReaderTests {
  let vocabulary = RequirementsVocabulary(catalog: RankingFixture.catalog)

  func read(_ text: String) throws(DiagnosticList) -> Requirements {
    try RequirementsReader.read(text: text, file: "req.yaml", vocabulary: vocabulary)
  }

  /// The problems reading `text` reports, as `line:column: message | hint`.
  func problems(_ text: String) -> [String] {
    do {
      _ = try read(text)
      return []
    } catch {
      return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" + ($0.hint.map { " | \($0)" } ?? "") }
    }
  }

  @Test func readsTheContractExample() throws {
    let requirements = try read(
      """
      name: Health data warehouse (pseudonymised research data)
      data:
        kind: health            # health | personal | sensitive | public
      residency: [FR, EU]
      gates:
        hds_activities: [1, 2, 3, 4, 5, 6]
        hds_referential: "2.0"
        secnumcloud: qualified
        immune_to: [us-cloud-act, us-fisa-702]
        secnumcloud_19_6: true
        service_types: [iaas, caas]
        capabilities: [kubernetes, object-storage, managed-postgresql]
      unknown: conservative
      criteria:
        sovereignty: 40
        certifications: 25
        capabilities: 20
        openness: 15
      nice_to_have: [gpu, managed-mysql]
      method: topsis
      """)
    #expect(requirements.name == "Health data warehouse (pseudonymised research data)")
    #expect(requirements.dataKind == .health)
    #expect(requirements.residency == ["FR", "EU"])
    #expect(requirements.gates.hdsActivities == [1, 2, 3, 4, 5, 6])
    #expect(requirements.gates.hdsReferential == "2.0")
    #expect(requirements.gates.secNumCloud == .qualified)
    #expect(requirements.gates.immuneTo == ["us-cloud-act", "us-fisa-702"])
    #expect(requirements.gates.secNumCloud196)
    #expect(requirements.gates.serviceTypes == [.iaas, .caas])
    #expect(requirements.gates.capabilities == ["kubernetes", "object-storage", "managed-postgresql"])
    #expect(requirements.unknownPolicy == .conservative)
    #expect(requirements.criteria == [
      CriterionWeight(.sovereignty, 40), CriterionWeight(.certifications, 25),
      CriterionWeight(.capabilities, 20), CriterionWeight(.openness, 15),
    ])
    #expect(requirements.niceToHave == ["gpu", "managed-mysql"])
    #expect(requirements.method == .topsis)
  }

  @Test func everyKeyIsOptional() throws {
    let requirements = try read("name: minimal\n")
    #expect(requirements == Requirements(name: "minimal"))
    #expect(requirements.effectiveHDSActivities == nil)
    #expect(try read("data: {kind: health}\n").effectiveHDSActivities == [1, 2, 3, 4, 5, 6])
    #expect(try read("data: {kind: health}\ngates: {hds_activities: [1, 2]}\n").effectiveHDSActivities == [1, 2])
  }

  @Test func malformedYAML() {
    let found = problems("name: x\ngates:\n  immune_to: [us-cloud-act\n")
    #expect(found.count == 1)
    #expect(found.first?.contains("invalid YAML") == true)
  }

  @Test func unknownKeyWithDidYouMean() {
    #expect(problems("name: x\ncriterias:\n  sovereignty: 1\n") == [
      "2:1: unknown key `criterias` in the requirements file | did you mean `criteria`?"
    ])
    #expect(problems("gates:\n  imune_to: [us-cloud-act]\n") == [
      "2:3: unknown key `imune_to` in `gates` | did you mean `immune_to`?"
    ])
  }

  @Test func wrongTypes() {
    #expect(problems("residency: FR\n") == ["1:12: `residency` must be a list (`[a, b]` or `- a` lines), found `FR`"])
    #expect(problems("gates:\n  secnumcloud_19_6: maybe\n") == [
      "2:21: `gates.secnumcloud_19_6` must be yes or no (true or false), found `maybe`"
    ])
    #expect(problems("gates:\n  hds_activities: [1, 7]\n") == ["2:23: an HDS activity must be between 1 and 6, found 7"])
    #expect(problems("criteria:\n  openness: lots\n") == ["2:13: the weight of `openness` must be a number, found `lots`"])
    #expect(problems("method: topsys\n") == ["1:9: `method` must be one of topsis, weighted-sum, found `topsys` | did you mean `topsis`?"])
  }

  @Test func unknownIds() {
    #expect(problems("gates:\n  immune_to: [us-cloud-akt]\n") == [
      "2:15: unknown law `us-cloud-akt` in `gates.immune_to` | did you mean `us-cloud-act`?"
    ])
    #expect(problems("nice_to_have: [kubernetis]\n") == [
      "1:16: unknown capability `kubernetis` in `nice_to_have` | did you mean `kubernetes`?"
    ])
    #expect(problems("residency: [FX]\n") == [
      "1:13: unknown country or group `FX` in `residency` | did you mean `FR`?"
    ])
  }

  @Test func impossibleWeights() {
    #expect(problems("criteria:\n  sovereignty: 0\n  openness: 0\n") == [
      "2:3: `criteria` gives no criterion a positive weight | give at least one of sovereignty, certifications, capabilities, openness, csf_score a positive weight"
    ])
    #expect(problems("criteria:\n  sovereignty: -5\n") .first == "2:16: the weight of `sovereignty` must be between 0 and 1000000, found -5")
  }

  @Test func allProblemsAreReportedTogether() {
    let found = problems("metod: topsis\nresidency: [FX]\ngates:\n  immune_to: [nope]\n")
    #expect(found.count == 3)
    #expect(found.map { $0.prefix(4) } == ["1:1:", "2:13", "4:15"])
  }
}
