import Testing

import SovereignCatalog

@Suite("Known values as text")
struct KnownDescriptionTests {
  @Test("a known value reads as the value itself, whatever its type; an unknown one as `unknown`")
  func description() throws {
    let day = try #require(CalendarDate(iso: "2026-05-16"))
    #expect(Known.known("FR").description == "FR")
    #expect(Known.known("").description == "")
    #expect(Known.known(day).description == "2026-05-16")
    #expect(Known.known(day).description == String(describing: day))
    #expect(Known.known(42).description == "42")
    #expect(Known.known(24.5).description == "24.5")
    #expect(Known.known(TriState.yes).description == String(describing: TriState.yes))
    #expect(Known<String>.unknown.description == "unknown")
    #expect("seat \(Known.known("US")), headquarters \(Known<String>.unknown)" == "seat US, headquarters unknown")
  }
}
