import Testing

@testable import SovereignCatalog

/// Width fitting, wrapping, the colouring decision and alias suggestions (issue 15).
@Suite struct TerminalLayoutTests {
  @Test func widthComesFromColumnsThenTheTerminalThenDefaults() {
    #expect(TerminalWidth.columns(environment: ["COLUMNS": "120"], terminalColumns: 80) == 120)
    #expect(TerminalWidth.columns(environment: [:], terminalColumns: 80) == 80)
    #expect(TerminalWidth.columns(environment: [:], terminalColumns: nil) == 100)
    #expect(TerminalWidth.columns(environment: ["COLUMNS": "abc"], terminalColumns: nil) == 100)
    #expect(TerminalWidth.columns(environment: ["COLUMNS": "0"], terminalColumns: 90) == 90)
    #expect(TerminalWidth.columns(environment: ["COLUMNS": "10"], terminalColumns: nil) == TerminalWidth.minimum)
  }

  @Test func colourOnlyOnATerminalWithoutNoColor() {
    #expect(VerdictColour.enabled(environment: [:], isTerminal: true))
    #expect(!VerdictColour.enabled(environment: [:], isTerminal: false))
    #expect(!VerdictColour.enabled(environment: ["NO_COLOR": "1"], isTerminal: true))
    #expect(VerdictColour.enabled(environment: ["NO_COLOR": ""], isTerminal: true))
    #expect(!VerdictColour.enabled(environment: ["TERM": "dumb"], isTerminal: true))
    let painted = VerdictColour.paint("us-cloud-act: exposed; us-fisa-702: not-exposed; hds unknown; passing")
    #expect(painted.contains("\u{1B}[31mexposed\u{1B}[0m;"))
    #expect(painted.contains("\u{1B}[32mnot-exposed\u{1B}[0m"))
    #expect(painted.contains("\u{1B}[33munknown\u{1B}[0m"))
    #expect(painted.hasSuffix(" passing"), "only whole words")
  }

  @Test func tablesFitAWidthWithEllipses() {
    let table = TextTable(
      headers: ["rank", "offering", "provider"],
      rows: [["1", String(repeating: "o", count: 60), String(repeating: "p", count: 60)]])
    let lines = table.render(maxWidth: 50).split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 50 })
    #expect(lines[2].hasSuffix("…"))
    #expect(table.render().split(separator: "\n")[2].count == 4 + 2 + 60 + 2 + 60)
    var moved = table
    moved.continuedUnderRow = [2]
    let under = moved.render(maxWidth: 50).split(separator: "\n")
    #expect(under.allSatisfy { $0.count <= 50 })
    #expect(under.contains { $0.hasPrefix("    provider: ppp") })
  }

  @Test func wrapKeepsEveryLineWithinTheWidth() {
    let text = "  why: " + Array(repeating: "word", count: 40).joined(separator: " ") + " https://example.org/" + String(repeating: "x", count: 120)
    let wrapped = TextWrap.wrap(text, width: 60)
    #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 60 })
    #expect(wrapped.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("    ") })
    #expect(wrapped.filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
    #expect(TextWrap.wrap("short", width: 60) == "short")
  }

  @Test func aliasesAndPrefixesComeBeforeEditDistance() {
    let capabilities = ["kms", "kubernetes", "managed-postgresql", "managed-mysql", "object-storage"]
    #expect(Suggestions.closest(to: "k8s", in: capabilities) == ["kubernetes"])
    #expect(Suggestions.closest(to: "postgres", in: capabilities) == ["managed-postgresql"])
    #expect(Suggestions.closest(to: "object", in: capabilities) == ["object-storage"])
    #expect(Suggestions.closest(to: "kubernets", in: capabilities) == ["kubernetes"])
    #expect(Suggestions.hint(for: "zzzzzz", in: capabilities) == nil)
  }
}
