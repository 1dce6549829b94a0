import SovereignCatalog
import Testing

@testable import SovereignScoring

/// The `robustness:` key of a requirements file, read strictly.
@Suite struct RobustnessSettingsReaderTests {
  let vocabulary = RequirementsVocabulary(catalog: RankingFixture.catalog)

  func read(_ text: String) throws(DiagnosticList) -> Requirements {
    try RequirementsReader.read(text: text, file: "req.yaml", vocabulary: vocabulary)
  }

  func problems(_ text: String) -> [String] {
    do {
      _ = try read(text)
      return []
    } catch {
      return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" + ($0.hint.map { " | \($0)" } ?? "") }
    }
  }

  @Test func defaults() throws {
    // No weights and no `robustness:`: nil, the defaults (uniform weights, p = 0.5).
    #expect(try read("name: x\n").robustness == nil)
    #expect(RobustnessSettings() == RobustnessSettings(weights: .uniform, unknownFacts: 0.5))
    #expect(try read("criteria: { sovereignty: 1 }\n").robustness == RobustnessSettings(weights: .spread(0.25), unknownFacts: 0.5))
  }

  @Test func forms() throws {
    #expect(try read("robustness: { weights: { spread: 0.1 } }\n").robustness?.weights == .spread(0.1))
    #expect(try read("robustness: { weights: fixed, unknown_facts: false }\n").robustness == RobustnessSettings(weights: .fixed, unknownFacts: nil))
    #expect(try read("robustness: { unknown_facts: { p: 0.2 } }\n").robustness?.unknownFacts == 0.2)
    #expect(try read("robustness: { unknown_facts: true }\n").robustness?.unknownFacts == 0.5)
    let ordered = try read(
      "criteria: { sovereignty: 4, certifications: 3, openness: 1 }\nrobustness:\n  weights: { order: [certifications, sovereignty, openness] }\n")
    #expect(ordered.robustness?.weights == .order([.certifications, .sovereignty, .openness]))
  }

  @Test func errors() {
    #expect(problems("robustness:\n  weights: { spred: 0.25 }\n") == [
      "2:14: unknown key `spred` in `robustness.weights` | did you mean `spread`?"
    ])
    #expect(problems("robustness: { weight: fixed }\n").first?.hasPrefix("1:15: unknown key `weight` in `robustness` | did you mean `weights`?") == true)
    #expect(problems("robustness: { weights: { spread: 2 } }\n") == ["1:34: `robustness.weights.spread` must be between 0 and 1, found 2"])
    #expect(problems("robustness: { weights: { spread: 0.1, order: [openness] } }\n").first?.contains("exactly one of `spread` and `order`") == true)
    #expect(problems("robustness: { weights: unifrom }\n").first?.contains("did you mean `uniform`?") == true)
    #expect(problems("robustness: { unknown_facts: { p: -1 } }\n") == ["1:35: `robustness.unknown_facts.p` must be between 0 and 1, found -1"])
    #expect(problems("robustness: { unknown_facts: maybe }\n").first?.contains("must be yes or no") == true)
    let criteria = "criteria: { sovereignty: 4, certifications: 3 }\n"
    #expect(problems(criteria + "robustness: { weights: { order: [sovereignty, sovereignty, certifications] } }\n") == [
      "2:47: `sovereignty` appears twice in `robustness.weights.order` | list each criterion once"
    ])
    #expect(problems(criteria + "robustness: { weights: { order: [sovereignty] } }\n") == [
      "2:33: `robustness.weights.order` does not list `certifications` | list every weighted criterion once, most important first: sovereignty, certifications"
    ])
    #expect(problems(criteria + "robustness: { weights: { order: [sovereignty, certificatons] } }\n").first?.contains("did you mean `certifications`?") == true)
    #expect(problems(criteria + "robustness: { weights: { order: [sovereignty, openness] } }\n").first?.contains("must be one of sovereignty, certifications") == true)
  }
}
