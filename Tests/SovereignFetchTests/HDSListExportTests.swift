import Foundation
import SovereignCatalog
import SovereignTestSupport
import Testing

@testable import SovereignFetch

/// The `hds` source reads a CSV or JSON export of the ANS list (docs/hds-list-export.md) as well
/// as the page, chosen by content; a bad export is refused at its line and column.
@Suite struct HDSListExportTests {
  static let csv = """
    host,certification_body,certificate,activities,referential,certified_on,valid_until\r
    Example Health Host SAS,Example Certification Body,HDS-0001,1 à 6,v2.0,12/09/2025,11/09/2028\r
    "Example Infra, Hosting SA",Another Body,HDS-0002,"1, 2",,2024-01-15,2027-01-14\r

    """

  static let json = """
    [
      {"host": "Example Health Host SAS", "certification_body": "Example Certification Body", "certificate": "HDS-0001",
       "activities": [1, 2, 3, 4, 5, 6], "referential": "v2.0", "certified_on": "12/09/2025", "valid_until": "11/09/2028"},
      {"host": "Example Infra, Hosting SA", "certification_body": "Another Body", "certificate": "HDS-0002",
       "activities": "1, 2", "referential": null, "certified_on": "2024-01-15", "valid_until": "2027-01-14"}
    ]
    """

  static func expectTheTwoHosts(_ records: [CertificationRecord]) {
    #expect(records.count == 2)
    #expect(records.map(\.holder) == ["Example Health Host SAS", "Example Infra, Hosting SA"])
    #expect(records[0].body == "Example Certification Body")
    #expect(records[0].identifier == "HDS-0001")
    #expect(records[0].activities == [1, 2, 3, 4, 5, 6])
    #expect(records[0].referential == "2.0")
    #expect(records[0].validFrom == CalendarDate(year: 2025, month: 9, day: 12))
    #expect(records[0].validUntil == CalendarDate(year: 2028, month: 9, day: 11))
    #expect(records[1].activities == [1, 2])
    #expect(records[1].referential == nil)
    #expect(records[1].validUntil == CalendarDate(year: 2027, month: 1, day: 14))
  }

  @Test func csvAndJSONExportsGiveTheSameRows() throws {
    let fromCSV = try HDSListDocument.parse(text: Self.csv, fileName: "export.csv")
    let fromJSON = try HDSListDocument.parse(text: Self.json, fileName: "export.json")
    Self.expectTheTwoHosts(fromCSV)
    #expect(fromJSON.map(\.holder) == fromCSV.map(\.holder))
    #expect(fromJSON.map(\.activities) == fromCSV.map(\.activities))
    #expect(fromJSON.map(\.validFrom) == fromCSV.map(\.validFrom))
  }

  @Test("semicolons, a byte-order mark, LF line ends and the ANS page's French labels are read too")
  func frenchSpreadsheetExport() throws {
    let text = "\u{FEFF}Hébergeur;Organisme certificateur;N° de certificat;Activités;Date de fin de validité\n"
      + "Example Health Host SAS;Example Certification Body;HDS-0001;1 à 6;11/09/2028\n"
      + "\"Example Infra, Hosting SA\";Another Body;HDS-0002;1, 2;2027-01-14\n"
    let records = try HDSListDocument.parse(text: text)
    #expect(records.map(\.holder) == ["Example Health Host SAS", "Example Infra, Hosting SA"])
    #expect(records[1].activities == [1, 2])
    #expect(records[1].identifier == "HDS-0002")
  }

  @Test func formatIsChosenByContentAndHints() {
    #expect(HDSListDocument.format(of: "<html>") == .html)
    #expect(HDSListDocument.format(of: "  [ {} ]") == .json)
    #expect(HDSListDocument.format(of: "host,activities") == .csv)
    #expect(HDSListDocument.format(of: "host", mediaType: "application/json") == .json)
    #expect(HDSListDocument.format(of: "[", fileName: "list.CSV") == .csv)
  }

  /// (document, file name, expected message start "file:line:column: ...").
  @Test(arguments: [
    ("host,activities,valid_until\nA,1-6,31/02/2027\n", "x.csv", "x.csv:2:7: `valid_until` `31/02/2027` is not a date"),
    ("host,activities,valid_until\nA,1-6,2027-01-01\n\"B,1-6,2027-01-01\n", "x.csv", "x.csv:3:1: this quoted field is never closed"),
    ("host,activities,valid_until\nA,1-6\n", "x.csv", "x.csv:2:3: this row has 2 fields where the header has 3"),
    ("host,activities,valid_until,address\n", "x.csv", "x.csv:1:29: unknown column `address`"),
    ("host,valid_until\nA,2027-01-01\n", "x.csv", "x.csv:1:1: the header has no `activities` column"),
    ("host,activities,valid_until\n,1-6,2027-01-01\n", "x.csv", "x.csv:2:1: `host` is empty"),
    ("host,activities,valid_until\nA,three,2027-01-01\n", "x.csv", "x.csv:2:3: `activities` `three` does not say which"),
    ("host,activities,valid_until\nA \"B\",1-6,2027-01-01\n", "x.csv", "x.csv:2:3: a quote inside an unquoted field"),
    ("host,activities,valid_until\n", "x.csv", "x.csv:1:1: no row after the header"),
    ("<html><table></table></html>", "x.csv", "x.csv:1:1: this is an HTML page, not a CSV export"),
    ("[\n  {\"host\": \"A\", \"activities\": \"1-6\", \"valid_until\": \"2027-01-01\"},\n  {\"host\": \"B\", \"activities\": \"1-6\", \"valid_until\": \"soon\"}\n]", "x.json",
     "x.json:3:3: entry 2: `valid_until` `soon` is not a date"),
    ("[\n  {\"host\": \"A\", \"activities\": 6, \"valid_until\": \"2027-01-01\"}\n]", "x.json", "x.json:2:3: entry 1: `activities` must be a string or an array of numbers"),
    ("{\"host\": \"A\"}", "x.json", "x.json:1:1: expected an array of objects"),
  ])
  func badExportsAreRefusedWithTheirPosition(document: String, file: String, expected: String) {
    do {
      _ = try HDSListDocument.parse(text: document, fileName: file)
      Issue.record("accepted: \(document)")
    } catch {
      #expect(error.description.hasPrefix(expected), "\(error.description)")
      #expect(error.description.hasSuffix("(format: docs/hds-list-export.md)"))
    }
  }

  @Test func jsonSyntaxErrorsSayWhere() {
    do {
      _ = try HDSListDocument.parse(text: "[\n  {\"host\": \"A\",, }\n]", fileName: "x.json")
      Issue.record("accepted")
    } catch {
      #expect(error.description.hasPrefix("x.json:"))
      #expect(error.description.contains("not valid JSON"))
      #expect(!error.description.hasPrefix("x.json:1:1:"), "\(error.description)")  // Foundation gives the line
    }
  }

  @Test("the function the hds source parses bytes with reads an export, by file name or by content")
  func refresherParsesExports() throws {
    let noPDF: ([UInt8]) throws(ParseError) -> String = { (_: [UInt8]) throws(ParseError) -> String in "" }
    let csv = try Refresher.parse(Array(Self.csv.utf8), charset: nil, parser: .hdsList, fileName: "export.csv", extractPDF: noPDF)
    Self.expectTheTwoHosts(csv)
    let json = try Refresher.parse(Array(Self.json.utf8), charset: nil, parser: .hdsList, extractPDF: noPDF)
    #expect(json.count == 2)
    let page = try Refresher.parse(Fixtures.bytes("hds-list.html"), charset: nil, parser: .hdsList, extractPDF: noPDF)
    #expect(page.count == 8)
  }
}

/// End to end: `sovereign refresh hds --url` on a loopback server serving a CSV export.
@Suite(.serialized) struct HDSListExportRefreshTests {
  @Test func refreshStoresACSVExportAndRefusesABadOne() throws {
    let served = try ServedFiles()
    defer { served.stop() }
    let (files, home, server) = (served.files, served.home, served.server)
    try files.write("export.csv", Array(HDSListExportTests.csv.utf8))
    try files.write("bad.csv", Array("host,activities,valid_until\nA,1-6,31/02/2027\n".utf8))
    let environment = ["SOVEREIGN_HOME": home.url.path]
    let first = try SovereignRun.run(["refresh", "hds", "--url", server.url("/file/export.csv")], environment: environment)
    #expect(first.status == 0, "\(first.stdout) \(first.stderr)")
    #expect(first.stdout.contains("hds: updated, 2 entries"))
    let bad = try SovereignRun.run(["refresh", "hds", "--url", server.url("/file/bad.csv")], environment: environment)
    #expect(bad.status == 65)
    #expect(bad.stdout.contains(":2:7: `valid_until` `31/02/2027` is not a date"))
    #expect(try SnapshotStore(root: home.url).latest(source: "hds")?.entries.count == 2)
  }
}
