import Foundation
import SovereignTestSupport
import Testing

/// `sovereign rank --format html|pdf|markdown` as a decision report: sections, language, --top,
/// --explain, provenance, PDF through Chromium and its absence.
@Suite("rank report formats, end to end")
struct ReportCommandTests {
  typealias Workspace = RankCommandTests.Workspace
  static let health = RankCommandTests.health + "method: weighted-sum\n"

  @Test("--format html writes one self-contained report with the provenance footer; the fingerprint follows the catalog's bytes")
  func html() throws {
    let workspace = try Workspace(requirements: Self.health)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let target = workspace.root.appending(path: "report.html").path
    let result = try workspace.rank(["--format", "html", "--output", target, "--as-of", "2026-11-20", "--offline"])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: target, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    for section in ["id=\"requirements\"", "id=\"ranking\"", "id=\"charts\"", "id=\"shortlist\"", "id=\"exclusions\"", "id=\"sources\"", "<footer>"] {
      #expect(html.contains(section), "\(section)")
    }
    #expect(html.contains("<td>alpha IaaS</td>"))
    #expect(html.contains("<dt>Evaluation date</dt><dd>2026-11-20</dd>"))
    #expect(html.contains("<dt>Fetched lists used</dt><dd>none (catalog facts only)</dd>"))
    #expect(html.contains("The contributions add up to the score."))
    let fingerprint = { (text: String) -> String? in
      guard let range = text.range(of: #"<code>[0-9a-f]{64}</code>"#, options: .regularExpression) else { return nil }
      return String(text[range].dropFirst(6).dropLast(7))
    }
    let first = try #require(fingerprint(html))
    // Same catalog, same fingerprint; one byte more in one file, another.
    _ = try workspace.rank(["--format", "html", "--output", target, "--offline"])
    #expect(fingerprint(try String(contentsOfFile: target, encoding: .utf8)) == first)
    let alpha = workspace.root.appending(path: "catalog/providers/alpha.yaml").path
    try (String(contentsOfFile: alpha, encoding: .utf8) + "\n").write(toFile: alpha, atomically: true, encoding: .utf8)
    _ = try workspace.rank(["--format", "html", "--output", target, "--offline"])
    let changed = try #require(fingerprint(try String(contentsOfFile: target, encoding: .utf8)))
    #expect(changed != first)
  }

  @Test("when nothing passes (exit 1) the HTML report still has the nearest misses with the facts to find")
  func nothingPasses() throws {
    let workspace = try Workspace(requirements: Self.health + "gates:\n  secnumcloud: qualified\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let result = try workspace.rank(["--format", "html", "--offline"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("<p>No offering passes the gates.</p>"))
    #expect(result.stdout.contains("<section id=\"misses\"><h2>Nearest misses</h2>"))
    #expect(result.stdout.contains("<td>alpha-iaas</td>"))
    #expect(!result.stdout.contains("id=\"charts\""))
  }

  @Test("--lang fr translates the fixed text of HTML and Markdown, never the catalog's facts")
  func french() throws {
    let workspace = try Workspace(requirements: Self.health)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let html = try workspace.rank(["--format", "html", "--lang", "fr", "--offline", "--as-of", "2026-11-20"]).stdout
    #expect(html.contains("<html lang=\"fr\">"))
    #expect(html.contains("<h2>Offres retenues</h2>"))
    #expect(html.contains("✓ conforme"))
    #expect(html.contains("Au 2026-11-20 : 1 prouvée(s)"))
    #expect(html.contains("can store data in FR"))  // the gate's detail stays as derived
    let markdown = try workspace.rank(["--format", "markdown", "--lang", "fr", "--offline"]).stdout
    #expect(markdown.contains("## Exigences"))
    #expect(markdown.contains("## Offres exclues, par motif"))
    #expect(!markdown.contains("## Requirements"))
    let english = try workspace.rank(["--format", "markdown", "--offline"]).stdout
    #expect(english.contains("## Requirements") && !english.contains("conforme"))
  }

  @Test("--top sets the shortlist; --explain shortlists every eligible offering and lists every failing gate; refused with csv (64)")
  func topAndExplain() throws {
    let workspace = try Workspace(requirements: Self.health)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let none = try workspace.rank(["--format", "markdown", "--top", "0", "--offline"]).stdout
    #expect(!none.contains("## Shortlisted offerings"))
    let one = try workspace.rank(["--format", "markdown", "--top", "1", "--offline"]).stdout
    #expect(one.contains("## Shortlisted offerings\n\n### 1. alpha IaaS (ALPHA, `alpha-iaas`)"))
    #expect(one.contains("| `hds` | pass (provider evidence) |"))
    #expect(one.contains("| Total | | | | "))
    let explained = try workspace.rank(["--format", "markdown", "--top", "0", "--explain", "--offline"]).stdout
    #expect(explained.contains("### 1. alpha IaaS"))
    let csv = try workspace.rank(["--format", "csv", "--explain"])
    #expect(csv.status == 64)
    #expect(csv.stderr.contains("--explain does not apply to --format csv"))
    #expect(csv.stdout.isEmpty)
    #expect(try workspace.rank(["--top", "-1"]).status == 64)
  }

  @Test("--format pdf: a PDF through headless Chromium; without Chromium exit 69 and no file; without --output 64")
  func pdf() throws {
    let workspace = try Workspace(requirements: Self.health)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let target = workspace.root.appending(path: "report.pdf").path
    let missing = try workspace.rank(["--format", "pdf", "--output", target, "--offline"].map { $0 }, environment: ["SOVEREIGN_CHROMIUM": "/nonexistent/chromium"])
    #expect(missing.status == 69)
    #expect(missing.stderr.contains("--format pdf needs headless Chromium, which is not installed"))
    #expect(!FileManager.default.fileExists(atPath: target))
    #expect(try workspace.rank(["--format", "pdf", "--offline"]).status == 64)
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else {
      Issue.record("chromium is not installed (scripts/bootstrap installs it): the PDF itself is not checked")
      return
    }
    let made = try workspace.rank(["--format", "pdf", "--output", target, "--offline"])
    #expect(made.status == 0, "\(made.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: target))
    #expect(data.starts(with: Array("%PDF".utf8)))
    #expect(data.count > 5_000)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.root.path).filter { $0.hasPrefix(".") || $0.contains("report.pdf.") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }
}

extension RankCommandTests.Workspace {
  func rank(_ extra: [String], environment: [String: String]) throws -> CLIRunner.Result {
    try CLIRunner.run(["rank", requirements, "--catalog", catalog] + extra, in: root, environment: environment)
  }
}
