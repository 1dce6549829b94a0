import Testing

@testable import SovereignCatalogCore
import SovereignCatalog

@Suite("Did-you-mean suggestions")
struct SuggestionsTests {
  @Test("the closest candidates come first; far words give no hint")
  func closest() {
    #expect(Suggestions.closest(to: "capabilites", in: ["capabilities", "criteria", "gates"]) == ["capabilities"])
    #expect(Suggestions.hint(for: "zzzzzz", in: ["capabilities", "criteria"]) == nil)
    #expect(Suggestions.editDistance("kitten", "sitting") == 3)
  }
}
