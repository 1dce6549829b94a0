import Foundation
import SovereignServer
import SovereignTestSupport
import Testing

/// The pages: the form is prefilled from the example, its permalink (GET) reproduces the ranking,
/// and headless Chromium renders it (skipped only when `chromium` is not installed).
@Suite struct PagesTests {
  /// The form's initial values read to the same requirements as examples/health-data-warehouse.yaml.
  @Test func formDefaultsAreTheExample() async throws {
    let port = try await TestServer.port
    let form = try await HTTPExchange.send(port: port, "GET", "/rank")
    #expect(form.status == 200)
    #expect(form.headers["content-type"] == "text/html; charset=utf-8")
    #expect(form.text.contains("Health data warehouse (pseudonymised research data)"))
    #expect(!form.text.contains("<script"))
    let fromForm = try await HTTPExchange.send(port: port, "GET", "/rank?" + Self.exampleQuery + "&run=1")
    let api = try await HTTPExchange.send(port: port, "POST", "/api/v1/rank", body: try TestServer.example("health-data-warehouse.yaml"))
    let ranking = try #require(api.json as? [String: Any])
    let first = try #require((ranking["offerings"] as? [[String: Any]])?.first)
    let name = try #require(first["offering_name"] as? String)
    #expect(fromForm.status == 200)
    #expect(fromForm.text.contains(name.replacingOccurrences(of: "&", with: "&amp;")))
    let summary = try #require(ranking["summary"] as? [String: Any])
    #expect(fromForm.text.contains("\(summary["unverified"] as? Int ?? -1) unverified"))
  }

  @Test func invalidFormShowsTheReadersMessage() async throws {
    let answer = try await HTTPExchange.send(port: TestServer.port, "GET", "/rank?secnumcloud=yes&run=1")
    #expect(answer.status == 200)
    #expect(answer.text.contains("form:"))
    #expect(answer.text.contains("must be one of qualified, in-progress, any"))
  }

  @Test func catalogFiltersAndProviderPage() async throws {
    let port = try await TestServer.port
    let all = try await HTTPExchange.send(port: port, "GET", "/")
    let qualified = try await HTTPExchange.send(port: port, "GET", "/?secnumcloud=qualified")
    #expect(all.status == 200 && qualified.status == 200)
    #expect(qualified.text.contains("/providers/ovhcloud"))
    #expect(!qualified.text.contains("/providers/microsoft-azure\""))
    #expect(all.text.contains("/providers/microsoft-azure\""))
    // Offering-level filters: Azure is reached by the CLOUD Act, so it is listed under `exposed`
    // and not under `not-exposed`; an HDS activity keeps only providers certified for it.
    let exposed = try await HTTPExchange.send(port: port, "GET", "/?law=us-cloud-act&verdict=exposed")
    let clear = try await HTTPExchange.send(port: port, "GET", "/?law=us-cloud-act&verdict=not-exposed")
    #expect(exposed.text.contains("/providers/microsoft-azure\"") && !clear.text.contains("/providers/microsoft-azure\""))
    let activity5 = try await HTTPExchange.send(port: port, "GET", "/?activity=5")
    #expect(activity5.status == 200 && activity5.text.contains("/providers/clever-cloud\""))
    #expect(!activity5.text.contains("/providers/safespring\""))
    let provider = try await HTTPExchange.send(port: port, "GET", "/providers/microsoft-azure")
    #expect(provider.status == 200)
    #expect(provider.text.contains("US CLOUD Act"))
    #expect(provider.text.contains("exposed"))
  }

  /// The report download is the CLI's HTML decision report of the same requirements, as a file.
  @Test func reportDownloadIsTheDecisionReportOfThePermalink() async throws {
    let port = try await TestServer.port
    let report = try await HTTPExchange.send(port: port, "GET", "/report?" + Self.exampleQuery + "&run=1")
    #expect(report.status == 200)
    #expect(report.headers["content-disposition"] == "attachment; filename=\"sovereign-report.html\"")
    #expect(report.text.contains("<svg") && report.text.contains("Content-Security-Policy"))
    let api = try await HTTPExchange.send(port: port, "POST", "/api/v1/rank", body: try TestServer.example("health-data-warehouse.yaml"))
    let ranking = try #require(api.json as? [String: Any])
    let first = try #require((ranking["offerings"] as? [[String: Any]])?.first?["offering_name"] as? String)
    #expect(report.text.contains(first.replacingOccurrences(of: "&", with: "&amp;")))
    let french = try await HTTPExchange.send(port: port, "GET", "/report?" + Self.exampleQuery + "&run=1&lang=fr")
    #expect(french.text.contains("lang=\"fr\""))
    // The ranking page links to its report.
    let page = try await HTTPExchange.send(port: port, "GET", "/rank?" + Self.exampleQuery + "&run=1")
    #expect(page.text.contains("href=\"/report?"))
  }

  /// The compare page is `sovereign compare --format html`'s body: the CLOUD Act row differs
  /// between Azure and a European offering; an unknown id is a 404 with a did-you-mean.
  @Test func comparePageShowsTheDifferences() async throws {
    let port = try await TestServer.port
    let page = try await HTTPExchange.send(port: port, "GET", "/compare?ids=azure+clever-cloud-paas-hds")
    #expect(page.status == 200)
    #expect(page.text.contains("us-cloud-act") && page.text.contains("≠") && page.text.contains("exposed"))
    let unknown = try await HTTPExchange.send(port: port, "GET", "/compare?ids=azur+clever-cloud-paas-hds")
    #expect(unknown.status == 404)
    #expect(unknown.text.contains("azure"))
    let empty = try await HTTPExchange.send(port: port, "GET", "/compare")
    #expect(empty.status == 200 && empty.text.contains("name=\"ids\""))
  }

  /// The example's requirements as the form sends them.
  static var exampleQuery: String {
    let pairs: [(String, String)] = [
      ("name", "Health data warehouse (pseudonymised research data)"), ("kind", "health"), ("residency", "FR"),
      ("hds_referential", "2.0"), ("immune_to", "us-cloud-act"), ("immune_to", "us-fisa-702"), ("service_types", "iaas"),
      ("service_types", "caas"), ("service_types", "paas"), ("capabilities", "object-storage"), ("unknown", "tolerant"),
      ("evidence", "provider"), ("w_sovereignty", "40"), ("w_certifications", "25"), ("w_capabilities", "20"),
      ("w_openness", "15"), ("nice_to_have", "kubernetes"), ("nice_to_have", "managed-postgresql"), ("nice_to_have", "gpu"),
      ("nice_to_have", "data-warehouse"), ("nice_to_have", "kms"), ("method", "topsis"),
    ] + (1...6).map { ("hds_activities", String($0)) }
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return pairs.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $1)" }.joined(separator: "&")
  }

  static var chromium: String? {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  @Test(.enabled(if: PagesTests.chromium != nil, "chromium is not installed"))
  func chromiumRendersTheRankingFromThePermalink() async throws {
    let port = try await TestServer.port
    let chromium = try #require(Self.chromium)
    let form = try SovereignRun.run(
      ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "http://127.0.0.1:\(port)/rank"], executable: URL(fileURLWithPath: chromium),
      limit: 120)
    #expect(form.stdout.contains("<form"))
    #expect(form.stdout.contains("name=\"run\""))
    let permalink = "http://127.0.0.1:\(port)/rank?" + Self.exampleQuery + "&run=1"
    let page = try SovereignRun.run(
      ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", permalink], executable: URL(fileURLWithPath: chromium), limit: 120)
    #expect(page.stdout.contains("class=\"headline\""))
    #expect(page.stdout.contains("unverified (pass only because unknown facts are tolerated)"))
    #expect(page.stdout.contains("bounds [worst, best]"))
    let shot = FileManager.default.temporaryDirectory.appending(path: "sovereign-rank-\(UUID().uuidString).png")
    defer { try? FileManager.default.removeItem(at: shot) }
    _ = try SovereignRun.run(
      ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,900", "--screenshot=\(shot.path)", permalink],
      executable: URL(fileURLWithPath: chromium), limit: 120)
    let png = try Data(contentsOf: shot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(png.count > 10_000)
  }

  /// On a phone-sized window the catalog's table scrolls inside itself instead of pushing the page
  /// sideways, and an id link wraps at its hyphens, never letter by letter. Measured by Chromium on
  /// a copy of the page with a probe script (the page itself allows no script).
  @Test(.enabled(if: PagesTests.chromium != nil, "chromium is not installed"))
  func theCatalogFitsANarrowWindow() async throws {
    let port = try await TestServer.port
    let chromium = try #require(Self.chromium)
    var html = try await HTTPExchange.send(port: port, "GET", "/").text
    let policy = try #require(html.range(of: #"<meta http-equiv="Content-Security-Policy"[^>]*>"#, options: .regularExpression))
    html.removeSubrange(policy)
    let probe = """
      <script>
      const table = document.querySelector("table"), link = table.querySelector("td a");
      document.body.setAttribute("data-probe", [Math.round(window.innerWidth), Math.round(table.getBoundingClientRect().right),
        Math.round(link.getBoundingClientRect().height), Math.round(parseFloat(getComputedStyle(link).lineHeight))].join(" "));
      </script>
      """
    html = html.replacingOccurrences(of: "</body>", with: probe + "</body>")
    let file = FileManager.default.temporaryDirectory.appending(path: "sovereign-narrow-\(UUID().uuidString).html")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(html.utf8).write(to: file)
    let page = try SovereignRun.run(
      ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=390,900", "--dump-dom", file.absoluteString],
      executable: URL(fileURLWithPath: chromium), limit: 120)
    let attribute = try #require(page.stdout.range(of: #"data-probe="[0-9 ]+""#, options: .regularExpression))
    let numbers = page.stdout[attribute].dropFirst("data-probe=\"".count).dropLast().split(separator: " ").compactMap { Int($0) }
    try #require(numbers.count == 4)
    let (window, tableRight, linkHeight, line) = (numbers[0], numbers[1], numbers[2], numbers[3])
    #expect(window <= 640, "the narrow layout applies below 40rem")
    #expect(tableRight <= window, "the table ends inside the window (its columns scroll inside it)")
    #expect(linkHeight <= 2 * line + 2, "the first id (alibaba-cloud) takes at most two lines, not one per letter")
  }
}
