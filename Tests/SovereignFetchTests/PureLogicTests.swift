import Foundation
import SovereignCatalog
import Testing

@testable import SovereignFetch

@Suite struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
  ])
  func nistVectors(input: String, digest: String) {
    #expect(SHA256.hex(Array(input.utf8)) == digest)
  }

  @Test func millionAs() {
    #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}

@Suite struct URLPolicyTests {
  @Test func httpsEverywhereHttpOnlyOnLoopback() throws {
    try URLPolicy.check("https://esante.gouv.fr/x")
    try URLPolicy.check("http://127.0.0.1:8080/x")
    try URLPolicy.check("http://127.5.6.7/x")
    try URLPolicy.check("http://localhost/x")
    try URLPolicy.check("http://[::1]:80/x")
    #expect(throws: FetchError.insecureURL("http://example.com/x")) { try URLPolicy.check("http://example.com/x") }
    #expect(throws: FetchError.insecureURL("http://127.0.0.1.example.com/x")) { try URLPolicy.check("http://127.0.0.1.example.com/x") }
    #expect(throws: FetchError.insecureURL("ftp://127.0.0.1/x")) { try URLPolicy.check("ftp://127.0.0.1/x") }
    #expect(throws: FetchError.self) { try URLPolicy.check("not a url") }
  }

  @Test func redirectsKeepTheSchemeAndStayOnLoopbackForHttp() throws {
    try URLPolicy.checkRedirect(from: "https://a.fr/x", to: "https://b.fr/y")
    #expect(throws: FetchError.self) { try URLPolicy.checkRedirect(from: "https://a.fr/x", to: "http://a.fr/x") }
    #expect(throws: FetchError.self) { try URLPolicy.checkRedirect(from: "http://127.0.0.1/x", to: "https://127.0.0.1/x") }
    #expect(throws: FetchError.self) { try URLPolicy.checkRedirect(from: "http://127.0.0.1/x", to: "http://example.com/x") }
  }
}

@Suite struct RetryPlanTests {
  let limits = FetchLimits(maxAttempts: 3, backoffSeconds: 1)

  @Test func retriesServerErrorsAndTimeoutsWithDoublingBackoff() {
    #expect(RetryPlan.decide(attempt: 1, status: 500, retryAfter: nil, transient: false, limits: limits) == .retry(afterSeconds: 1))
    #expect(RetryPlan.decide(attempt: 2, status: 503, retryAfter: nil, transient: false, limits: limits) == .retry(afterSeconds: 2))
    #expect(RetryPlan.decide(attempt: 3, status: 503, retryAfter: nil, transient: false, limits: limits) == .giveUp)
    #expect(RetryPlan.decide(attempt: 1, status: nil, retryAfter: nil, transient: true, limits: limits) == .retry(afterSeconds: 1))
    #expect(RetryPlan.decide(attempt: 1, status: 429, retryAfter: "7", transient: false, limits: limits) == .retry(afterSeconds: 7))
  }

  @Test func neverRetriesClientErrors() {
    #expect(RetryPlan.decide(attempt: 1, status: 404, retryAfter: nil, transient: false, limits: limits) == .giveUp)
    #expect(RetryPlan.decide(attempt: 1, status: 403, retryAfter: "1", transient: false, limits: limits) == .giveUp)
  }

  @Test func readsRetryAfterDates() {
    let now = Date(timeIntervalSince1970: 1_445_412_470)  // 2015-10-21 07:27:50 GMT
    #expect(RetryPlan.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == 10)
    #expect(RetryPlan.parseRetryAfter("soon") == nil)
  }
}

@Suite struct HeaderParserTests {
  @Test func keepsOnlyTheFinalAnswersHeadersSplitAtTheFirstColon() {
    var parser = HeaderParser()
    parser.consume(line: "HTTP/1.1 301 Moved\r\n")
    parser.consume(line: "Location: https://x/y\r\n")
    parser.consume(line: "HTTP/1.1 200 OK\r\n")
    parser.consume(line: "ETag: \"a:b\"\r\n")
    parser.consume(line: "Content-Type: text/html; charset=utf-8\r\n")
    #expect(parser.headers == ["etag": "\"a:b\"", "content-type": "text/html; charset=utf-8"])
  }
}

@Suite struct SnapshotDiffTests {
  func record(_ holder: String, activities: [Int]? = nil, until: String? = nil) -> CertificationRecord {
    var record = CertificationRecord(holder: holder)
    record.activities = activities
    record.validUntil = until.flatMap { CalendarDate(iso: $0) }
    return record
  }

  @Test func reportsNewWithdrawnChangedExpiredAndExpiring() {
    let today = CalendarDate(year: 2026, month: 5, day: 10)!
    let old = [record("Alpha SAS", activities: [1, 2]), record("Beta SAS"), record("Gamma", until: "2030-01-01")]
    let new = [
      record("ALPHA", activities: [1, 2, 3]), record("Delta SAS", until: "2026-06-01"), record("Gamma", until: "2026-01-01"),
    ]
    let changes = SnapshotDiff.compare(old: old, new: new, today: today)
    #expect(changes.contains(Change(kind: .added, subject: "Delta SAS", new: "until 2026-06-01")))
    #expect(changes.contains(Change(kind: .removed, subject: "Beta SAS")))
    #expect(changes.contains(Change(kind: .changed, subject: "ALPHA", field: "activities", old: "1,2", new: "1,2,3")))
    #expect(changes.contains(Change(kind: .changed, subject: "Gamma", field: "valid until", old: "2030-01-01", new: "2026-01-01")))
    #expect(changes.contains(Change(kind: .expired, subject: "Gamma", new: "2026-01-01")))
    #expect(changes.contains(Change(kind: .expiringSoon, subject: "Delta SAS", new: "2026-06-01")))
    #expect(changes.count == 6)
  }

  @Test func identicalListsHaveNoChanges() {
    let list = [record("Alpha", activities: [1]), record("Beta")]
    #expect(SnapshotDiff.compare(old: list, new: list, today: CalendarDate(year: 2026, month: 1, day: 1)!).isEmpty)
  }
}

@Suite struct SourceListTests {
  @Test func theBundledSourcesFileIsValid() throws {
    let bytes = Array(try Data(contentsOf: Fixtures.directory.appending(path: "../../../data/sources.yaml")))
    let list = try SourceList.parse(bytes, file: "data/sources.yaml")
    #expect(Set(list.sources.map(\.id)) == ["hds", "secnumcloud", "hds-transfer-mapping"])
    #expect(list.source(id: "hds")?.urls.count == 3)
    #expect(list.source(id: "hds-transfer-mapping")?.urlsFromCatalog == true)
    #expect(list.sources.allSatisfy { $0.urls.allSatisfy { $0.hasPrefix("https://") } })
  }

  @Test func mistakesAreReportedWithTheirLine() {
    let yaml = "sources:\n  - id: hds\n    publisher: ANS\n    certifies: x\n    format: xls\n    parser: hds-list\n    content_types: [text/html]\n    urls: [https://example.org/list]\n"
    #expect(throws: DiagnosticList.self) { try SourceList.parse(Array(yaml.utf8), file: "sources.yaml") }
    do { _ = try SourceList.parse(Array(yaml.utf8), file: "sources.yaml") } catch {
      #expect(error.description.contains("sources.yaml:5"))
    }
  }
}

@Suite struct NameFoldingTests {
  @Test(
    "the fast folding agrees with Foundation's case- and diacritic-insensitive folding",
    arguments: [
      "Décision n° 3393", "  ÉCHÉANCE\u{00A0}", "Prestataire", "Société Générale", "ŒUVRE Æther Straße", "Ångström Łódź",
      "Cloud de confiance S3NS", "Fin de validité", "e\u{0301}te\u{0301}", "", "   ", "ÀÉÎÕÜ çñ",
    ])
  func fastFoldMatchesFoundation(_ text: String) {
    #expect(NameNormalizer.fold(text) == NameNormalizer.foundationFold(text))
  }

  @Test func otherScriptsFallBackToFoundation() {
    #expect(NameNormalizer.fold("Ελληνικά İstanbul") == NameNormalizer.foundationFold("Ελληνικά İstanbul"))
  }
}

@Suite struct RefreshFailureMessageTests {
  @Test("several failed addresses: each reason in order, a shared hint said once")
  func unreachableListsEachReasonAndEachHintOnce() {
    let failure = RefreshFailure.unreachable([
      .cannotConnect(url: "https://a.example/list", detail: "Could not resolve host: a.example"),
      .httpStatus(url: "https://b.example/list", status: 404),
      .cannotConnect(url: "https://c.example/list", detail: "Connection refused"),
    ])
    let hint = "check the network or proxy settings (https_proxy, no_proxy)"
    #expect(
      failure.description
        == "none of the 3 addresses of the list answered usably: cannot connect to https://a.example/list (Could not resolve host: a.example); "
        + "then https://b.example/list answered HTTP 404 (the list may have moved); then cannot connect to https://c.example/list "
        + "(Connection refused); " + hint)
  }

  @Test("one failed address: its whole message, hint included")
  func unreachableWithOneAddress() {
    let error = FetchError.cannotConnect(url: "https://a.example/list", detail: "Connection refused")
    #expect(RefreshFailure.unreachable([error]).description == "cannot connect to https://a.example/list (Connection refused); check the network or proxy settings (https_proxy, no_proxy)")
    #expect(error.description == error.reason + "; " + (error.hint ?? ""))
  }
}
