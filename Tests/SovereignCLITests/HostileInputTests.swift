import Foundation
import Testing

/// The hostile-input corpus (Fixtures/hostile, table in catalog-cases.tsv, described in
/// ROBUSTNESS.md): every bad file gives its documented exit code and a message naming the place,
/// nothing crashes or hangs, and nothing is written.
@Suite("Hostile inputs")
struct HostileInputTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/hostile")

  /// One row of catalog-cases.tsv.
  struct CatalogCase: Sendable, CustomTestStringConvertible {
    var name: String
    var exit: Int32
    /// `LINE:COLUMN` in providers/<name>.yaml, or empty (any line).
    var position: String
    var fragment: String
    /// Set when the expected behaviour is a known open bug.
    var knownIssue: String
    var testDescription: String { name }
  }

  static let catalogCases: [CatalogCase] = {
    guard let text = try? String(contentsOf: fixtures.appending(path: "catalog-cases.tsv"), encoding: .utf8) else { return [] }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      func column(_ i: Int) -> String { i < columns.count ? columns[i] : "" }
      return CatalogCase(
        name: column(0), exit: Int32(column(1)) ?? -1, position: column(2), fragment: column(3), knownIssue: column(4))
    }
  }()

  /// A copy of catalog-base/ (a small valid catalog) in a new temporary directory.
  static func baseCatalog() throws -> URL {
    let directory = try CLIRunner.temporaryDirectory()
    for item in try FileManager.default.contentsOfDirectory(atPath: fixtures.appending(path: "catalog-base").path) {
      try FileManager.default.copyItem(
        at: fixtures.appending(path: "catalog-base").appending(path: item), to: directory.appending(path: item))
    }
    return directory
  }

  static func listing(_ directory: URL) -> [String] {
    (FileManager.default.subpaths(atPath: directory.path) ?? []).sorted()
  }

  @Test("the corpus holds at least 50 hostile files")
  func corpusSize() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.appending(path: "catalog").path)
    #expect(Self.catalogCases.count >= 50)
    #expect(Set(files) == Set(Self.catalogCases.map { $0.name + ".yaml" }), "every file has a row, every row a file")
  }

  @Test("`validate --catalog` on a catalog holding one hostile provider file", arguments: catalogCases)
  func catalogCase(_ testCase: CatalogCase) throws {
    let directory = try Self.baseCatalog()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.copyItem(
      at: Self.fixtures.appending(path: "catalog/\(testCase.name).yaml"),
      to: directory.appending(path: "providers/\(testCase.name).yaml"))
    let before = Self.listing(directory)
    let result = try BoundedRun.run(["validate", "--catalog", directory.path])

    #expect(!result.timedOut, "killed after the time limit")
    #expect(result.exitedNormally, "terminated by a signal:\n\(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
    #expect(Self.listing(directory) == before, "the catalog directory was changed")
    let expectations = {
      #expect(result.status == testCase.exit, "stderr:\n\(result.stderr)")
      guard testCase.exit != 0 else { return }
      #expect(result.stdout.isEmpty, "output on failure: \(result.stdout)")
      let place = testCase.position.isEmpty ? "" : "providers/\(testCase.name).yaml:\(testCase.position): error: "
      let matching = result.stderr.split(separator: "\n").filter {
        $0.contains(testCase.fragment) && (place.isEmpty || $0.contains(place))
      }
      #expect(!matching.isEmpty, "no error line with `\(place)` and `\(testCase.fragment)` in:\n\(result.stderr)")
    }
    if testCase.knownIssue.isEmpty {
      expectations()
    } else {
      withKnownIssue(Comment(rawValue: testCase.knownIssue)) { expectations() }
    }
  }

  @Test("a directory where a provider file should be: exit 66, the path named")
  func directoryInsteadOfFile() throws {
    let directory = try Self.baseCatalog()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(
      at: directory.appending(path: "providers/folder-cloud.yaml"), withIntermediateDirectories: false)
    let result = try BoundedRun.run(["validate", "--catalog", directory.path])
    #expect(result.status == 66)
    #expect(result.stderr.contains("providers/folder-cloud.yaml: cannot read the file"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test("a file where the catalog directory should be: exit 66")
  func fileInsteadOfDirectory() throws {
    let directory = try Self.baseCatalog()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appending(path: "laws/us-cloud-act.yaml").path
    let result = try BoundedRun.run(["validate", "--catalog", file])
    #expect(result.status == 66)
    #expect(result.stderr.contains("not a directory: \(file)"), "\(result.stderr)")
  }

  @Test("a missing catalog directory: exit 66")
  func missingDirectory() throws {
    let result = try BoundedRun.run(["validate", "--catalog", "/nonexistent/sovereign-catalog"])
    #expect(result.status == 66)
    #expect(result.stderr.contains("catalog directory not found: /nonexistent/sovereign-catalog"), "\(result.stderr)")
  }

  @Test("a provider file over the 4 MiB limit is refused before parsing")
  func oversizedFile() throws {
    let directory = try Self.baseCatalog()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "id: huge-cloud\nname: " + String(repeating: "x", count: 5 * 1024 * 1024) + "\n"
    try Data(text.utf8).write(to: directory.appending(path: "providers/huge-cloud.yaml"))
    let result = try BoundedRun.run(["validate", "--catalog", directory.path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("providers/huge-cloud.yaml: error: the file is 5242902 bytes, more than the 4194304 accepted"), "\(result.stderr)")
  }

  @Test("a catalog without its vocabularies: exit 65, the missing files named")
  func missingVocabularies() throws {
    let directory = try Self.baseCatalog()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.removeItem(at: directory.appending(path: "vocabularies"))
    let result = try BoundedRun.run(["validate", "--catalog", directory.path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("the catalog has no `vocabularies/countries.yaml`"), "\(result.stderr)")
  }
}
