import Foundation
import Plot
import SovereignCatalog
import SovereignHTML
import SovereignScoring
import Testing

@Suite struct HTMLPageTests {
  @Test func pageIsSelfContainedAndForbidsRequests() {
    let html = HTMLPage(title: "T & <b>", language: "fr", main: [HTMLParts.paragraph("hello")]).render()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<html lang=\"fr\">"))
    #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
    #expect(html.contains("<title>T &amp; &lt;b&gt;</title>"))
    #expect(html.contains("<main><p>hello</p></main>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
  }

  @Test func textFromDataIsEscapedLiterally() {
    let hostile = "<script>alert(1)</script> &lt; &#60; \"q\""
    let html = HTMLPage(title: "x", main: [HTMLParts.paragraph(hostile)]).render()
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt; &amp;#60; \"q\""))
  }

  @Test func attributesAndLinksAreEscapedAndOnlyHTTP() {
    let evil = Source(id: "s", url: "https://x.example/?a=1&b=\"><script>", title: "<T>", asOf: CalendarDate(year: 2026, month: 1, day: 2)!, kind: .registry)
    let js = Source(id: "j", url: "javascript:alert(1)", title: "js", asOf: CalendarDate(year: 2026, month: 1, day: 2)!, kind: .provider)
    let html = HTMLPage(title: "x", main: [HTMLParts.sourceList([evil, js, evil])]).render()
    #expect(html.contains("href=\"https://x.example/?a=1&amp;b=&quot;&gt;&lt;script&gt;\""))
    #expect(!html.contains("javascript:alert(1)\""))
    #expect(html.contains("<span>js</span>"))
    #expect(html.components(separatedBy: "x.example").count == 2)  // listed once
    #expect(html.contains("&lt;T&gt;</a> (registry, as of 2026-01-02)"))
  }

  @Test func badgesCarryAWordAndAColour() {
    let html = HTMLPage(title: "x", main: [HTMLParts.verdictBadge(.fail), HTMLParts.verdictBadge(.pass, label: "conforme"), HTMLParts.gradeLabel(.officialList)]).render()
    #expect(html.contains("<span class=\"badge tone-bad\">✗ fail</span>"))
    #expect(html.contains("<span class=\"badge tone-good\">✓ conforme</span>"))
    #expect(html.contains("<span class=\"grade grade-official\">official-list · official evidence</span>"))
  }

  @Test func tableMarksNumericColumns() {
    let html = HTMLPage(title: "x", main: [HTMLParts.table(headers: ["Name", "Score"], rows: [[.literal("a<b"), .literal("0.5")]], numeric: [1])]).render()
    #expect(html.contains("<th>Name</th><th class=\"num\">Score</th>"))
    #expect(html.contains("<td>a&lt;b</td><td class=\"num\">0.5</td>"))
  }
}
