import Foundation
import SovereignFetch
import SovereignTestSupport
import Testing

/// Issue 10's end-to-end path on the real ANSSI catalogue of 5 December 2025: `sovereign refresh
/// secnumcloud --file <pdf>` and the same through `--url` on a loopback server store exactly its 16
/// services, match every holder the catalog contains, and report the catalog's differences.
@Suite(.serialized) struct RealCatalogueRefreshTests {
  func sovereign(_ arguments: [String], home: URL) throws -> SovereignRun {
    try SovereignRun.run(arguments, in: RefreshThenRankTests.repositoryRoot, environment: ["SOVEREIGN_HOME": home.path])
  }

  static let pdf = Fixtures.directory.appending(path: RealSecNumCloudCatalogueTests.pdfName)

  /// The stored entries of the newest `secnumcloud` snapshot, as rows.
  func storedRows(home: URL) throws -> [RealSecNumCloudCatalogueTests.Row] {
    let store = SnapshotStore(root: home)
    let snapshot = try #require(try store.latest(source: "secnumcloud"))
    return snapshot.entries.map(RealSecNumCloudCatalogueTests.Row.init)
  }

  func checkReport(_ run: SovereignRun, from origin: String) {
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("secnumcloud: updated, 16 entries"))
    #expect(run.stdout.contains("from \(origin)"))
    // Every holder is in the catalog and matched (names and aliases): nothing is unmatched.
    let unmatched = run.stdout.split(separator: "\n").filter { $0.contains("not in the catalog:") }
    #expect(unmatched.isEmpty, "\(unmatched)")
    // Differences with the catalog: qualifications the catalogue of 5 December does not list.
    #expect(run.stdout.contains("s3ns-premi3ns: the catalog says SecNumCloud qualified, but the catalogue has no matching row"))
    #expect(!run.stdout.contains("cegnumcloud: the catalog says SecNumCloud qualified, but the catalogue has no matching row"))
  }

  @Test func importsTheRealPDFFromAFile() throws {
    let home = TemporaryDirectory()
    defer { home.remove() }
    let run = try sovereign(["refresh", "secnumcloud", "--file", Self.pdf.path], home: home.url)
    checkReport(run, from: "file:anssi-catalogue-2025-12.pdf")
    #expect(try storedRows(home: home.url) == RealSecNumCloudCatalogueTests.december2025)
    let metadata = try #require(try SnapshotStore(root: home.url).latest(source: "secnumcloud")).metadata
    #expect(metadata.fileName == "anssi-catalogue-2025-12.pdf")
    #expect(metadata.sha256 == "cdb6881c92a4b6c153261ec1ca66fa7baf51193bd3764fd82dffd76ecea6fa9a")
    // Imported today, its facts are as of its edition (its cover: "mis à jour le 05/12/2025").
    #expect(metadata.editionDate == "2025-12-05")
    #expect(run.stdout.contains("the document's edition: 2025-12-05"))

    let again = try sovereign(["refresh", "secnumcloud", "--file", Self.pdf.path], home: home.url)
    #expect(again.status == 0)
    #expect(again.stdout.contains("secnumcloud: unchanged"))
  }

  @Test("an older edition never replaces the stored list: exit 65, the newer snapshot kept")
  func anOlderEditionIsRefused() throws {
    let home = TemporaryDirectory()
    defer { home.remove() }
    // The stored snapshot: the same catalogue's text, as an edition of March 2026.
    let text = try PDFText.extract(Fixtures.bytes(RealSecNumCloudCatalogueTests.pdfName), timeout: 60)
    let newer = text.replacingOccurrences(of: "mis à jour le 05/12/2025", with: "mis à jour le 02/03/2026")
    #expect(newer != text)
    try home.write("catalogue-2026-03.txt", Array(newer.utf8))
    let first = try sovereign(["refresh", "secnumcloud", "--file", home.url.appending(path: "catalogue-2026-03.txt").path], home: home.url)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try SnapshotStore(root: home.url).latest(source: "secnumcloud")?.metadata.editionDate == "2026-03-02")

    let older = try sovereign(["refresh", "secnumcloud", "--file", Self.pdf.path, "--format", "json"], home: home.url)
    #expect(older.status == 65)
    #expect(older.stdout.contains("the edition of 2025-12-05, older than the stored snapshot's (2026-03-02)"))
    #expect(try SnapshotStore(root: home.url).latest(source: "secnumcloud")?.metadata.editionDate == "2026-03-02")
  }

  @Test("`diff` names the edition of each snapshot (table and JSON)")
  func diffNamesTheEditions() throws {
    let home = TemporaryDirectory()
    defer { home.remove() }
    #expect(try sovereign(["refresh", "secnumcloud", "--file", Self.pdf.path], home: home.url).status == 0)
    let text = try PDFText.extract(Fixtures.bytes(RealSecNumCloudCatalogueTests.pdfName), timeout: 60)
    try home.write("catalogue-2026-03.txt", Array(text.replacingOccurrences(of: "mis à jour le 05/12/2025", with: "mis à jour le 02/03/2026").utf8))
    #expect(try sovereign(["refresh", "secnumcloud", "--file", home.url.appending(path: "catalogue-2026-03.txt").path], home: home.url).status == 0)

    let table = try sovereign(["diff", "secnumcloud"], home: home.url)
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains(", edition of 2025-12-05 (16 entries) -> "))
    #expect(table.stdout.contains(", edition of 2026-03-02 (16 entries)"))
    #expect(table.stdout.contains("no change between the two snapshots"))
    let json = try sovereign(["diff", "secnumcloud", "--format", "json"], home: home.url)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["from_edition"] as? String == "2025-12-05" && object["to_edition"] as? String == "2026-03-02")
  }

  @Test("a snapshot stored before editions were read is parsed again from the same file and gains its edition")
  func anOlderParserVersionIsParsedAgain() throws {
    let home = TemporaryDirectory()
    defer { home.remove() }
    let bytes = Fixtures.bytes(RealSecNumCloudCatalogueTests.pdfName)
    let first = try sovereign(["refresh", "secnumcloud", "--file", Self.pdf.path], home: home.url)
    #expect(first.status == 0)
    let store = SnapshotStore(root: home.url)
    let current = try #require(try store.latest(source: "secnumcloud"))
    // The same bytes as parser version 2 stored them: no edition date.
    var legacy = current.metadata
    legacy.parserVersion = 2
    legacy.editionDate = nil
    legacy.fetchedAt = "2026-01-01T00:00:00.000Z"
    try FileManager.default.removeItem(at: home.url.appending(path: "snapshots/secnumcloud"))
    _ = try store.write(raw: bytes, entries: current.entries, metadata: legacy)
    #expect(try store.latest(source: "secnumcloud")?.metadata.editionDate == nil)

    let again = try sovereign(["refresh", "secnumcloud", "--file", Self.pdf.path], home: home.url)
    #expect(again.status == 0)
    #expect(again.stdout.contains("secnumcloud: updated, 16 entries"), "\(again.stdout)")
    #expect(try store.latest(source: "secnumcloud")?.metadata.editionDate == "2025-12-05")
  }

  @Test func fetchesTheRealPDFFromALoopbackServer() throws {
    let served = try ServedFiles()
    defer { served.stop() }
    let (files, home, server) = (served.files, served.home, served.server)
    try files.write("anssi-catalogue-2025-12.pdf", Fixtures.bytes(RealSecNumCloudCatalogueTests.pdfName))
    let url = server.url("/file/anssi-catalogue-2025-12.pdf")
    let run = try sovereign(["refresh", "secnumcloud", "--url", url], home: home.url)
    checkReport(run, from: url)
    #expect(try storedRows(home: home.url) == RealSecNumCloudCatalogueTests.december2025)
  }

  @Test func aMissingFileExits66AndAnUnreadableOne65() throws {
    let home = TemporaryDirectory()
    defer { home.remove() }
    let missing = try sovereign(["refresh", "secnumcloud", "--file", home.url.appending(path: "nope.pdf").path], home: home.url)
    #expect(missing.status == 66)
    #expect(missing.stdout.contains("cannot read"))
    try home.write("not-a.pdf", Array("<html>moved</html>".utf8))
    let bad = try sovereign(["refresh", "secnumcloud", "--file", home.url.appending(path: "not-a.pdf").path], home: home.url)
    #expect(bad.status == 65)
    #expect(try SnapshotStore(root: home.url).latest(source: "secnumcloud") == nil)
  }
}
