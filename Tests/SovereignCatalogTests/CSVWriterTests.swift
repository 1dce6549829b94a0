import Testing

@testable import SovereignCatalogCore
import SovereignCatalog

@Suite("RFC 4180 CSV writer")
struct CSVWriterTests {
  @Test(
    "fields are quoted when needed, quotes doubled, CRLF between records",
    arguments: [
      ("plain", "plain"),
      ("a,b", "\"a,b\""),
      ("say \"hi\"", "\"say \"\"hi\"\"\""),
      ("two\nlines", "\"two\nlines\""),
      // "\r\n" is a single Character in Swift: it must still be seen as a line break.
      ("crlf\r\ninside", "\"crlf\r\ninside\""),
      // A quote followed by a combining mark is one Character: the quote must still be doubled.
      ("q\"\u{301}x", "\"q\"\"\u{301}x\""),
    ])
  func quoting(_ input: String, _ expected: String) {
    var writer = CSVWriter()
    writer.write([.text(input), .number("1")])
    #expect(writer.output == expected + ",1\r\n")
  }

  @Test("text that a spreadsheet would run as a formula is neutralised; numbers are not")
  func formulas() {
    var writer = CSVWriter()
    writer.write([.text("=HYPERLINK(\"x\")"), .text("+1"), .text("-2"), .text("@SUM(A1)"), .text("\tx"), .number("-0.5")])
    #expect(writer.output == "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),'\tx,-0.5\r\n")
  }
}
