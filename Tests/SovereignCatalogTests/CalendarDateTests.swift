import Testing

@testable import SovereignCatalogCore
import SovereignCatalog

@Suite("Calendar dates")
struct CalendarDateTests {
  @Test("ISO and French forms parse to the same day; impossible days are refused")
  func parsing() {
    #expect(CalendarDate(iso: "2026-05-16") == CalendarDate(french: "16/05/2026"))
    #expect(CalendarDate(iso: "2026-02-29") == nil)
    #expect(CalendarDate(iso: "2024-02-29") != nil)
    #expect(CalendarDate(iso: "2026-5-16") == nil)
    #expect(CalendarDate(french: "31/04/2026") == nil)
  }

  @Test("day arithmetic round-trips and counts days across years")
  func arithmetic() throws {
    let start = try #require(CalendarDate(iso: "2024-05-16"))
    let end = try #require(CalendarDate(iso: "2026-05-16"))
    #expect(start.days(until: end) == 730)
    #expect(start.adding(days: 730) == end)
    #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
  }
}
