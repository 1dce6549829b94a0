import SovereignCatalog
import SovereignCSF
import Testing

@Suite("EU Cloud Sovereignty Framework: answers files")
struct AnswersReaderTests {
  func read(_ text: String) throws(DiagnosticList) -> CSFAnswers {
    try CSFAnswersReader.read(data: Array(text.utf8), file: "answers.yaml", framework: Shipped.framework)
  }

  @Test("criterion ids map to answer indices; unanswered criteria stay unknown")
  func readsAnswers() throws {
    let answers = try read("SOV-2.2: 4\nSOV-3.4: 3\n")
    #expect(answers.choices["SOV-2.2"]?.possible == [4])
    #expect(answers.choices["SOV-3.4"]?.possible == [3])
    #expect(answers.choices.count == 2)
    let result = CSFCalculator.evaluate(answers, framework: Shipped.framework, profile: Shipped.profile("2026"))
    #expect(result.decidedCount == 2)
  }

  @Test("an unknown criterion id is reported at its line and column with a did-you-mean")
  func unknownCriterion() {
    do {
      _ = try read("SOV-2.2: 4\nSOV-22: 1\n")
      Issue.record("accepted an unknown criterion")
    } catch {
      let d = error.diagnostics.first
      #expect(d?.message == "unknown criterion `SOV-22`")
      #expect(d?.location.line == 2)
      #expect(d?.location.column == 1)
      #expect(d?.hint == "did you mean `SOV-2.2`?")
    }
  }

  @Test("an index outside the criterion's answers is refused with the valid range; all problems together")
  func indexOutOfRange() {
    do {
      _ = try read("SOV-2.1: 3\nSOV-1.1: -1\nSOV-8.4: many\n")
      Issue.record("accepted bad indices")
    } catch {
      let messages = error.diagnostics.map(\.message)
      #expect(messages.contains("the answer to SOV-2.1 must be between 0 and 2, found 3"))
      #expect(messages.contains("the answer to SOV-1.1 must be between 0 and 3, found -1"))
      #expect(messages.contains("the answer to SOV-8.4 must be a whole number, found `many`"))
      #expect(error.diagnostics.map(\.location.line) == [1, 2, 3])
    }
  }

  @Test("anchors and a non-mapping document are refused")
  func hostile() {
    #expect(throws: DiagnosticList.self) { try read("SOV-2.2: &a 4\nSOV-2.3: *a\n") }
    #expect(throws: DiagnosticList.self) { try read("- SOV-2.2\n") }
  }
}
