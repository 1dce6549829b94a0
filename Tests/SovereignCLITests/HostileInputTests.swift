import Foundation
import SovereignTestSupport
import Testing

/// The hostile-input corpus (Fixtures/hostile, table in catalog-cases.tsv, described in
/// ROBUSTNESS.md): every bad file gives its documented exit code and a message naming the place,
/// nothing crashes or hangs, and nothing is written.
@Suite("Hostile inputs")
struct HostileInputTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/hostile")

  /// One row of catalog-cases.tsv or requirements-cases.tsv.
  struct HostileCase: Sendable, CustomTestStringConvertible {
    var name: String
    var exit: Int32
    /// `LINE:COLUMN` in providers/<name>.yaml, or empty (any line).
    var position: String
    var fragment: String
    /// Set when the expected behaviour is a known open bug.
    var knownIssue: String
    var testDescription: String { name }
  }

  static let catalogCases = cases(table: "catalog-cases.tsv")
  static let requirementsCases = cases(table: "requirements-cases.tsv")

  static func cases(table: String) -> [HostileCase] {
    guard let text = try? String(contentsOf: fixtures.appending(path: table), encoding: .utf8) else { return [] }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      func column(_ i: Int) -> String { i < columns.count ? columns[i] : "" }
      return HostileCase(
        name: column(0), exit: Int32(column(1)) ?? -1, position: column(2), fragment: column(3), knownIssue: column(4))
    }
  }

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

  @Test("the corpus holds at least 50 hostile files, each with its row in a table")
  func corpusSize() throws {
    let catalogFiles = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.appending(path: "catalog").path)
    let requirementsFiles = try FileManager.default.contentsOfDirectory(
      atPath: Self.fixtures.appending(path: "requirements").path)
    #expect(Self.catalogCases.count + Self.requirementsCases.count >= 50)
    #expect(Set(catalogFiles) == Set(Self.catalogCases.map { $0.name + ".yaml" }), "every file has a row, every row a file")
    #expect(Set(requirementsFiles) == Set(Self.requirementsCases.map { $0.name + ".yaml" }))
  }

  /// Checks a failed run: the expected exit code, nothing on standard output, and an error line
  /// at `testCase.position` of `file` holding `testCase.fragment`.
  static func expectFailure(_ result: BoundedRun, _ testCase: HostileCase, file: String) {
    #expect(!result.timedOut, "killed after the time limit")
    #expect(result.exitedNormally, "terminated by a signal:\n\(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
    let expectations = {
      #expect(result.status == testCase.exit, "stderr:\n\(result.stderr)")
      guard testCase.exit != 0 else { return }
      #expect(result.stdout.isEmpty, "output on failure: \(result.stdout)")
      let place = testCase.position.isEmpty ? "" : "\(file):\(testCase.position): error: "
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

  @Test("`validate --catalog` on a catalog holding one hostile provider file", arguments: catalogCases)
  func catalogCase(_ testCase: HostileCase) throws {
    let directory = try Self.baseCatalog()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.copyItem(
      at: Self.fixtures.appending(path: "catalog/\(testCase.name).yaml"),
      to: directory.appending(path: "providers/\(testCase.name).yaml"))
    let before = Self.listing(directory)
    let result = try BoundedRun.run(["validate", "--catalog", directory.path])

    #expect(Self.listing(directory) == before, "the catalog directory was changed")
    Self.expectFailure(result, testCase, file: "providers/\(testCase.name).yaml")
  }

  @Test("`rank FILE --output PATH` on a hostile requirements file: nothing written", arguments: requirementsCases)
  func requirementsCase(_ testCase: HostileCase) throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appending(path: "ranking.csv")
    let file = Self.fixtures.appending(path: "requirements/\(testCase.name).yaml")
    let result = try BoundedRun.run(["rank", file.path, "--format", "csv", "--output", output.path])
    Self.expectFailure(result, testCase, file: "requirements/\(testCase.name).yaml")
    #expect(Self.listing(directory).isEmpty, "files left in the output directory: \(Self.listing(directory))")
  }

  @Test("`rank` on a missing file or a directory: exit 66, nothing written")
  func requirementsNotAFile() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appending(path: "out.json").path
    let missing = try BoundedRun.run(["rank", directory.appending(path: "missing.yaml").path, "--output", output])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("missing.yaml: requirements file not found"), "\(missing.stderr)")
    let folder = try BoundedRun.run(["rank", Self.fixtures.appending(path: "requirements").path, "--output", output])
    #expect(folder.status == 66)
    #expect(folder.stderr.contains("(it is a directory)"), "\(folder.stderr)")
    #expect(Self.listing(directory).isEmpty)
  }

  @Test("`rank --output` into a missing directory or onto a directory: exit 74, nothing half-written")
  func unwritableOutput() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let requirements = Self.fixtures.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appending(path: "examples/health-data-warehouse.yaml")
    let intoMissing = try BoundedRun.run(
      ["rank", requirements.path, "--format", "csv", "--output", directory.appending(path: "no/such/dir/out.csv").path])
    #expect(intoMissing.status == 74, "\(intoMissing.stderr)")
    #expect(intoMissing.stderr.contains("cannot write"), "\(intoMissing.stderr)")
    let ontoDirectory = try BoundedRun.run(["rank", requirements.path, "--format", "csv", "--output", directory.path])
    #expect(ontoDirectory.status == 74, "\(ontoDirectory.stderr)")
    #expect(Self.listing(directory).isEmpty, "left behind: \(Self.listing(directory))")
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
