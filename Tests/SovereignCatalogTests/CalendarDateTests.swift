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

  @Test("adding years keeps the day (29 February to 28 February) and stays within 1900-2200")
  func addingYears() throws {
    let leap = try #require(CalendarDate(iso: "2024-02-29"))
    #expect(leap.adding(years: 3) == CalendarDate(iso: "2027-02-28"))
    #expect(leap.adding(years: 4) == CalendarDate(iso: "2028-02-29"))
    // A qualification of 2199 with a three-year validity, or a rule of absurd length, must not
    // trap: the end date is the last day the type holds, after every date it is compared with.
    let late = try #require(CalendarDate(iso: "2199-06-01"))
    #expect(late.adding(years: 3) == CalendarDate(iso: "2200-12-31"))
    #expect(leap.adding(years: Int.max) == CalendarDate(iso: "2200-12-31"))
    #expect(leap.adding(years: -500) == CalendarDate(iso: "1900-01-01"))
  }
}
