import Foundation
import SovereignTestSupport
import Testing

@Suite("Catalog commands, end to end")
struct CatalogCommandsTests {
  @Test("`validate` accepts the bundled catalog")
  func validateBundled() throws {
    let result = try CLIRunner.run(["validate"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("catalog is valid: "))
  }

  @Test("a binary copied alone to another directory still runs on the bundled catalog")
  func binaryCopiedAlone() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let copy = directory.appending(path: "sovereign")
    try FileManager.default.copyItem(at: try CLIRunner.binary, to: copy)
    let result = try CLIRunner.run(["providers", "--format", "json"], executable: copy, in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    #expect(rows.count >= 30)
  }

  @Test("`providers --format json` lists the required provider ids")
  func requiredProviders() throws {
    let result = try CLIRunner.run(["providers", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    let ids = Set(rows.compactMap { $0["id"] as? String })
    let required = [
      "microsoft-azure", "clever-cloud", "nexedi", "rapid-space", "aws", "google-cloud", "oracle-cloud", "ovhcloud",
      "outscale", "scaleway", "cloud-temple", "s3ns", "bleu", "numspot", "orange-business", "docaposte", "worldline",
      "oodrive", "cegedim-cloud", "ionos", "hetzner", "stackit", "open-telekom-cloud", "infomaniak", "exoscale",
      "upcloud", "aruba-cloud", "scalingo", "alibaba-cloud",
    ]
    #expect(Set(required).subtracting(ids).isEmpty, "missing: \(Set(required).subtracting(ids).sorted())")
    #expect(ids.count >= 30)
  }

  @Test("`providers --format csv` is RFC 4180 with a header row")
  func providersCSV() throws {
    let result = try CLIRunner.run(["providers", "--format", "csv"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("id,name,seat,offerings,hds,secnumcloud,website\r\n"))
  }

  @Test("`show clever-cloud` shows its HDS certificate with its source and date")
  func showCleverCloud() throws {
    let result = try CLIRunner.run(["show", "clever-cloud"])
    #expect(result.status == 0, "\(result.stderr)")
    let hdsLine = try #require(result.stdout.split(separator: "\n").first { $0.contains("HDS: certified") })
    let cited = try #require(hdsLine.split(separator: "[").last?.split(separator: "]").first)
    let sourceID = String(cited.split(separator: ",").first ?? "")
    #expect(result.stdout.contains("[\(sourceID)] "))
    #expect(result.stdout.contains("(as of 20"))
  }

  @Test("`show` with an unknown id exits 64 and suggests the closest ids")
  func showUnknown() throws {
    let result = try CLIRunner.run(["show", "clever-clod"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("did you mean `clever-cloud`?"))
  }

  @Test("`validate --catalog` on a broken catalog exits 65 and lists each error with its position")
  func validateBroken() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var files = FixtureCatalogText.baseFiles(countries: ["FR"])
    files["providers/broken.yaml"] = "id: broken\nname: Broken\nwebsite: https://broken.example\nsorces: {}\n"
    try FixtureCatalogText.write(files, into: directory)
    let result = try CLIRunner.run(["validate", "--catalog", directory.path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("providers/broken.yaml:4:1: error: unknown key `sorces` in the provider file"))
    #expect(result.stderr.contains("hint: did you mean `sources`?"))
    #expect(result.stderr.contains("providers/broken.yaml:1:1: error: the provider file is missing the key `sources`"))
  }

  @Test("`--catalog` pointing nowhere exits 66")
  func catalogNotFound() throws {
    let result = try CLIRunner.run(["providers", "--catalog", "/nonexistent/sovereign-catalog"])
    #expect(result.status == 66)
    #expect(result.stderr.contains("catalog directory not found: /nonexistent/sovereign-catalog"))
  }

  @Test("an unknown option is a usage error (64)")
  func usageError() throws {
    let result = try CLIRunner.run(["providers", "--colour"])
    #expect(result.status == 64)
  }

  @Test("`show` and `exposure` offer only the formats they print: csv is a usage error naming table and json")
  func detailCommandsRefuseCSV() throws {
    for command in [["show", "clever-cloud"], ["exposure", "clever-cloud"]] {
      let help = try CLIRunner.run(command.prefix(1) + ["--help"])
      #expect(help.stdout.contains("values: table, json;"), "\(command[0]) --help")
      let result = try CLIRunner.run(command + ["--format", "csv"])
      #expect(result.status == 64, "\(command[0])")
      #expect(result.stderr.contains("'table'") && result.stderr.contains("'json'"), "\(command[0]): \(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
  }

  @Test("`rank --output` into a missing folder exits 74 with a plain reason and writes nothing")
  func outputIntoMissingFolder() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appending(path: "missing/ranking.csv").path
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let result = try CLIRunner.run(
      ["rank", root.appending(path: "examples/health-data-warehouse.yaml").path, "--format", "csv", "--output", target, "--offline"])
    #expect(result.status == 74)
    #expect(result.stderr.contains("cannot write \(target): the folder \(directory.path)/missing does not exist"))
    #expect(!FileManager.default.fileExists(atPath: target))
  }
}
