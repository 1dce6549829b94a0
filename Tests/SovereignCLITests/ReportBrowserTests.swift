import Foundation
import SovereignTestSupport
import Testing

/// The HTML decision report in a real browser: each example's report is rendered by
/// `sovereign rank --format html`, loaded by headless Chromium (DOM dump and screenshot), and the
/// browser's own log is checked for requests. Skipped only when Chromium is not installed
/// (scripts/bootstrap installs Debian's `chromium`; CI runs it).
@Suite(.serialized) struct ReportBrowserTests {
  static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The requirements files of examples/ (csf-answers.yaml is `sovereign csf` input, not requirements).
  static var examples: [URL] {
    let directory = root.appending(path: "examples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appending(path: $0) }.filter { url in
      let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
      return text.split(separator: "\n").contains { $0.hasPrefix("gates:") || $0.hasPrefix("criteria:") }
    }
  }

  /// Runs headless Chromium on `page` with `arguments`; stdout and stderr (the verbose log).
  /// Every host name resolves to nothing but 127.0.0.1, so no request leaves the machine.
  static func browse(_ page: URL, _ arguments: [String], profile: URL) throws -> (stdout: String, log: String) {
    let result = try CLIRunner.run(
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--user-data-dir=" + profile.path, "--enable-logging=stderr", "--v=1",
      ] + arguments + [page.absoluteString],
      executable: URL(fileURLWithPath: chromium!))
    return (result.stdout, result.stderr)
  }

  /// Every http(s) URL written in `text`.
  static func urls(in text: String) -> Set<String> {
    let regex = try! NSRegularExpression(pattern: #"https?://[^\s"'<>()\\]+"#)
    let range = NSRange(text.startIndex..., in: text)
    return Set(regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } })
  }

  /// Text as a DOM serialiser writes it.
  static func serialized(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{A0}", with: "&nbsp;")
  }

  @Test("the check for requests sees one: a page with an external image is logged requesting it")
  func requestDetectionWorks() throws {
    try #require(Self.chromium != nil, "chromium is not installed (scripts/bootstrap installs Debian's chromium)")
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let page = directory.appending(path: "canary.html")
    try Data(#"<html><body><img src="http://127.0.0.1:9/canary.png"><a href="https://example.org/linked">x</a></body></html>"#.utf8).write(to: page)
    let (_, log) = try Self.browse(page, ["--dump-dom"], profile: directory.appending(path: "profile"))
    #expect(log.contains("http://127.0.0.1:9/canary.png"))
    #expect(!log.contains("https://example.org/linked"))  // a link is not a request
  }

  @Test(
    "each example's HTML report in headless Chromium: top offering, a passing gate's evidence, an SVG chart, no request",
    .enabled(if: ReportBrowserTests.chromium != nil, "chromium is not installed (scripts/bootstrap installs Debian's chromium)"),
    arguments: ReportBrowserTests.examples)
  func reportInBrowser(example: URL) throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let page = directory.appending(path: "report.html")
    let common = ["--offline", "--as-of", "2026-12-01"]

    // What the report must show, read from the JSON output (not from the HTML renderer): the top
    // offering, and the first passing gate of the eligible offerings in rank order (a top offering
    // may pass every gate only because unknowns are tolerated); --top makes its section part of the report.
    let json = try CLIRunner.run(["rank", example.path, "--format", "json"] + common)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let eligible = try #require(object["offerings"] as? [[String: Any]]).filter { $0["eligible"] as? Bool == true }
    let top = String(max(5, (eligible.firstIndex { ($0["gates"] as? [[String: Any]] ?? []).contains { $0["verdict"] as? String == "pass" } } ?? 0) + 1))
    let rendered = try CLIRunner.run(["rank", example.path, "--format", "html", "--top", top, "--output", page.path] + common)
    #expect(rendered.status == 0 || rendered.status == 1, "\(rendered.stderr)")
    let html = try String(contentsOf: page, encoding: .utf8)
    let (dom, log) = try Self.browse(page, ["--dump-dom"], profile: directory.appending(path: "profile"))
    #expect(dom.contains("<svg") || eligible.isEmpty, "\(example.lastPathComponent): no chart")

    if let topName = eligible.first?["offering_name"] as? String {
      let position = try #require(eligible.firstIndex { ($0["gates"] as? [[String: Any]] ?? []).contains { $0["verdict"] as? String == "pass" } })
      let passing = try #require((eligible[position]["gates"] as? [[String: Any]])?.first { $0["verdict"] as? String == "pass" })
      let passingDetail = try #require(passing["detail"] as? String)
      #expect(dom.contains(Self.serialized(topName)), "\(example.lastPathComponent): top offering \(topName) not in the DOM")
      #expect(dom.contains(Self.serialized(passingDetail)), "\(example.lastPathComponent): evidence of \(passing["gate"] ?? "") missing")
      #expect(dom.contains("<svg") && dom.contains("<rect"), "\(example.lastPathComponent): no chart")
    } else {
      // Nothing passes: the report says so and names the nearest misses (from the JSON).
      let misses = try #require(object["nearest_misses"] as? [String])
      #expect(!misses.isEmpty && misses.allSatisfy { dom.contains($0) }, "\(example.lastPathComponent): nearest misses not in the DOM")
    }

    // No resource is written with an external address (links to sources are <a href>, never fetched) ...
    let resource = try NSRegularExpression(pattern: #"<(?!a[\s>])[a-zA-Z]+[^>]*\s(src|href|srcset|data)\s*=\s*"[^"]*https?:"#)
    #expect(resource.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)) == nil)
    #expect(!html.contains("url(http") && !html.contains("@import") && !html.contains("<script"))
    #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:""#))
    // ... and Chromium's log shows no request for any address the page contains.
    let requested = Self.urls(in: log).filter { logged in Self.urls(in: html).contains { $0.hasPrefix(logged) || logged.hasPrefix($0) } }
    #expect(requested.isEmpty, "\(example.lastPathComponent): the page requested \(requested.sorted())")

    let screenshot = directory.appending(path: "report.png")
    _ = try Self.browse(page, ["--screenshot=" + screenshot.path, "--window-size=1280,2000"], profile: directory.appending(path: "profile"))
    let png = try Data(contentsOf: screenshot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(png.count > 20_000, "a 1280×2000 screenshot of the report is more than a blank page")
    if let keep = ProcessInfo.processInfo.environment["SOVEREIGN_SCREENSHOTS"] {
      try? FileManager.default.copyItem(at: screenshot, to: URL(fileURLWithPath: keep).appending(path: example.deletingPathExtension().lastPathComponent + ".png"))
    }
  }
}
