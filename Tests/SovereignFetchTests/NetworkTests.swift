import Foundation
import SovereignCatalog
import Testing

@testable import SovereignFetch

/// Short limits so the whole suite runs in seconds.
let testLimits = FetchLimits(
  connectTimeout: 2, totalTimeout: 3, lowSpeedBytesPerSecond: 1000, lowSpeedSeconds: 1, maxBodyBytes: 1024 * 1024,
  maxRedirects: 5, maxAttempts: 3, backoffSeconds: 0.01, maxRetryAfterSeconds: 2)

let hdsSource = SourceDefinition(
  id: "hds", publisher: "ANS", certifies: "HDS", format: "html", parser: .hdsList, contentTypes: ["text/html"], urls: [])

/// One loopback server + store per test.
struct Harness {
  let files = TemporaryDirectory()
  let home = TemporaryDirectory()
  let server: LoopbackServer
  let client = HTTPClient.libcurl(limits: testLimits, version: "test")
  var store: SnapshotStore { SnapshotStore(root: home.url) }
  var refresher: Refresher { Refresher(client: client, store: store) }

  init() throws {
    server = try LoopbackServer(serving: files.url)
    try files.write("hds.html", Fixtures.bytes("hds-list.html"))
  }

  func finish() {
    server.stop()
    files.remove()
    home.remove()
  }

  func refresh(_ path: String) -> RefreshOutcome { refresher.refresh(hdsSource, urls: [server.url(path)], key: "hds") }
}

@Suite(.serialized) struct HTTPClientTests {
  @Test func firstFetchThen304() throws {
    let h = try Harness()
    defer { h.finish() }
    let first = try h.client.get(HTTPRequest(url: h.server.url("/file/hds.html")))
    #expect(first.status == 200)
    #expect(first.body == Fixtures.bytes("hds-list.html"))
    let etag = try #require(first.etag)
    let second = try h.client.get(HTTPRequest(url: h.server.url("/file/hds.html"), ifNoneMatch: etag))
    #expect(second.isNotModified)
    #expect(second.body.isEmpty)
  }

  @Test func sendsTheUserAgent() throws {
    let h = try Harness()
    defer { h.finish() }
    #expect(try h.client.get(HTTPRequest(url: h.server.url("/user-agent"))).body == Array("sovereign/test".utf8))
  }

  @Test func followsARedirect() throws {
    let h = try Harness()
    defer { h.finish() }
    let response = try h.client.get(HTTPRequest(url: h.server.url("/redirect/hds.html")))
    #expect(response.status == 200)
    #expect(response.url == h.server.url("/file/hds.html"))
  }

  @Test func retriesA500ThenSucceeds() throws {
    let h = try Harness()
    defer { h.finish() }
    #expect(try h.client.get(HTTPRequest(url: h.server.url("/flaky/hds.html"))).status == 200)
  }

  @Test func honoursRetryAfterOn429() throws {
    let h = try Harness()
    defer { h.finish() }
    let started = Date()
    #expect(try h.client.get(HTTPRequest(url: h.server.url("/retry-after/hds.html"))).status == 200)
    #expect(Date().timeIntervalSince(started) >= 0.9)  // waited the 1 s asked for
  }

  /// Each hostile route fails with the expected error, within the test limits.
  @Test(arguments: [
    ("/hang", "tooSlow|timedOut"), ("/drip", "tooSlow"), ("/oversize", "bodyTooLarge"), ("/endless", "bodyTooLarge"),
    ("/gzip-bomb", "bodyTooLarge"), ("/loop", "tooManyRedirects"), ("/to-https", "redirectRefused"),
    ("/to-remote-http", "redirectRefused"), ("/to-ftp", "redirectRefused"), ("/truncated", "truncated"),
    ("/truncated-chunked", "truncated"), ("/always-500", "httpStatus"), ("/not-found", "httpStatus"),
    ("/retry-after-long", "retryAfterTooLong"), ("/reset", "connectionLost"),
  ])
  func hostileServerFailsCleanly(path: String, expected: String) throws {
    let h = try Harness()
    defer { h.finish() }
    let started = Date()
    do {
      let response = try h.client.get(HTTPRequest(url: h.server.url(path)))
      Issue.record("\(path) unexpectedly answered \(response.status)")
    } catch {
      let kind = Mirror(reflecting: error).children.first?.label ?? String(describing: error)
      #expect(expected.split(separator: "|").contains { kind == $0 }, "\(path): \(kind): \(error)")
      #expect(!error.description.isEmpty)
    }
    #expect(Date().timeIntervalSince(started) < testLimits.totalTimeout * Double(testLimits.maxAttempts) + 2)
  }

  @Test func refusesAConnectionThatCannotBeMade() {
    let client = HTTPClient.libcurl(limits: testLimits, version: "test")
    #expect(throws: FetchError.self) { try client.get(HTTPRequest(url: "http://127.0.0.1:1/x")) }
    #expect(throws: FetchError.insecureURL("http://example.com/x")) { try client.get(HTTPRequest(url: "http://example.com/x")) }
  }
}

@Suite(.serialized) struct RefresherTests {
  @Test func firstFetchThenNotModifiedThenChangedListWithDiff() throws {
    let h = try Harness()
    defer { h.finish() }
    let first = h.refresh("/file/hds.html")
    #expect(first.status == .updated)
    #expect(first.isFirstSnapshot)
    #expect(first.snapshot?.entryCount == 8)
    #expect(first.snapshot?.sha256 == SHA256.hex(Fixtures.bytes("hds-list.html")))

    let second = h.refresh("/file/hds.html")
    #expect(second.status == .unchanged)
    #expect(h.store.snapshotIDs(of: "hds").count == 1)

    var changed = Fixtures.text("hds-list.html")
    changed = changed.replacingOccurrences(of: "<td>Scaleway SAS</td><td>1, 2, 3 et 4</td>", with: "<td>Scaleway SAS</td><td>1 à 6</td>")
    changed = changed.replacingOccurrences(
      of: "<tr><td>Cloud Temple</td><td>1-6</td><td>v2.0</td><td>LNE</td><td>38001-1</td><td>30/05/2028</td></tr>", with: "")
    try h.files.write("hds.html", Array(changed.utf8))
    let third = h.refresh("/file/hds.html")
    #expect(third.status == .updated)
    #expect(third.changes.contains(Change(kind: .removed, subject: "Cloud Temple", old: "activities 1,2,3,4,5,6, v2.0, 38001-1, until 2028-05-30")))
    #expect(third.changes.contains(Change(kind: .changed, subject: "Scaleway SAS", field: "activities", old: "1,2,3,4", new: "1,2,3,4,5,6")))
    #expect(h.store.snapshotIDs(of: "hds").count == 2)
    #expect(h.store.verify().isEmpty)
  }

  /// Every failure keeps the previous snapshot whole.
  @Test(arguments: [
    "/wrong-type", "/invalid-utf8", "/truncated", "/oversize", "/gzip-bomb", "/drip", "/reset", "/to-remote-http", "/file/changed.html",
  ])
  func failuresKeepThePreviousSnapshot(path: String) throws {
    let h = try Harness()
    defer { h.finish() }
    try h.files.write("changed.html", Array("<html><body><h1>Nouveau site</h1><p>La liste a déménagé.</p></body></html>".utf8))
    let first = h.refresh("/file/hds.html")
    #expect(first.status == .updated)
    let before = try #require(try h.store.latest(source: "hds"))
    let outcome = h.refresh(path)
    #expect(outcome.status == .failed)
    #expect(outcome.failure != nil)
    let after = try #require(try h.store.latest(source: "hds"))
    #expect(after == before)
    #expect(h.store.verify().isEmpty)
  }

  @Test func farFewerRowsIsAFormatChange() throws {
    let h = try Harness()
    defer { h.finish() }
    try h.files.write("big.html", Array(Fixtures.largeHDSList(hosts: 40).utf8))
    try h.files.write("small.html", Array(Fixtures.largeHDSList(hosts: 12).utf8))
    #expect(h.refresh("/file/big.html").status == .updated)
    let outcome = h.refresh("/file/small.html")
    guard case .unparsable(.formatChanged) = outcome.failure else {
      Issue.record("expected a format change, got \(String(describing: outcome.failure))")
      return
    }
    #expect(try h.store.latest(source: "hds")?.entries.count == 40)
  }

  @Test func fallsBackToTheNextURL() throws {
    let h = try Harness()
    defer { h.finish() }
    let outcome = h.refresher.refresh(hdsSource, urls: [h.server.url("/not-found"), h.server.url("/file/hds.html")], key: "hds")
    #expect(outcome.status == .updated)
    #expect(outcome.snapshot?.requestedURL == h.server.url("/file/hds.html"))
  }

  @Test func unreachableSourceIsReported() throws {
    let home = TemporaryDirectory()
    defer { home.remove() }
    let refresher = Refresher(client: .libcurl(limits: testLimits, version: "test"), store: SnapshotStore(root: home.url))
    let outcome = refresher.refresh(hdsSource, urls: ["http://127.0.0.1:1/list"], key: "hds")
    guard case .unreachable(let errors) = outcome.failure else {
      Issue.record("expected unreachable")
      return
    }
    #expect(errors.count == 1)
  }
}
