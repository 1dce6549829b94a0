import Foundation
import SovereignTestSupport
import Testing

/// Issue 15, terminal and CSV: width fitting, colour, CSV options, error messages, `laws`,
/// `capabilities`, `init`, `rank -`, completions; all through the built binary.
@Suite("terminal output, CSV options and errors, end to end")
struct TerminalOutputTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The requirements files of examples/ (those with the requirements schema line).
  static var requirementExamples: [String] {
    let directory = root.appending(path: "examples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appending(path: $0).path }.filter { path in
      ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").hasPrefix("# yaml-language-server: $schema=../schema/requirements.schema.json")
    }
  }

  static func run(_ arguments: [String], environment: [String: String] = ["COLUMNS": "100"]) throws -> CLIRunner.Result {
    try CLIRunner.run(arguments, environment: environment)
  }

  /// Runs `sovereign ARGUMENTS < input` through /bin/sh.
  static func run(_ arguments: [String], stdin input: String) throws -> CLIRunner.Result {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appending(path: "input.yaml")
    try input.write(to: file, atomically: true, encoding: .utf8)
    let quoted = arguments.map { "'" + $0 + "'" }.joined(separator: " ")
    return try CLIRunner.run(
      ["-c", "\"$0\" \(quoted) < '\(file.path)'", try CLIRunner.binary.path], executable: URL(fileURLWithPath: "/bin/sh"),
      environment: ["COLUMNS": "100"])
  }

  @Test("every line of `rank` on each example fits 100 columns at COLUMNS=100; --wide prints everything")
  func rankFitsTheWidth() throws {
    let examples = Self.requirementExamples
    #expect(examples.count >= 4)
    for example in examples {
      let result = try Self.run(["rank", example, "--offline"])
      #expect(result.status == 0 || result.status == 1, "\(example): \(result.stderr)")
      let long: [String] = result.stdout.split(separator: "\n").map(String.init).filter { $0.count > 100 }
      #expect(long.isEmpty, "\(example): \(long.first ?? "")")
      #expect(!result.stdout.contains("\u{1B}"), "piped output has no colour")
      // Exclusions are counted per reason, not listed.
      if result.stdout.contains("Excluded (") {
        #expect(result.stdout.contains("per reason"))
        #expect(!result.stdout.contains("\n- ") || result.stdout.contains("Certificates") || result.stdout.contains("Nearest"))
      }
      let wide = try Self.run(["rank", example, "--offline", "--wide"])
      #expect(wide.status == result.status)
      if wide.stdout.contains("Excluded (") {
        #expect(!wide.stdout.contains("per reason"), "--wide lists each excluded offering")
      }
      #expect(wide.stdout.split(separator: "\n").contains { $0.count > 100 }, "\(example): --wide is not fitted")
    }
    // A narrower terminal is honoured too.
    let narrow = try Self.run(["rank", Self.requirementExamples[0], "--offline"], environment: ["COLUMNS": "80"])
    #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }

  @Test("`rank --explain` at 100 columns lists every excluded offering, wrapped")
  func explainListsExclusions() throws {
    let example = Self.root.appending(path: "examples/health-data-warehouse.yaml").path
    let result = try Self.run(["rank", example, "--offline", "--explain"])
    #expect(result.stdout.contains("Excluded ("))
    #expect(!result.stdout.contains("per reason"))
    #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
  }

  @Test("colour only on a terminal, never with NO_COLOR or piped")
  func colour() throws {
    let piped = try Self.run(["exposure", "microsoft-azure", "--offline"])
    #expect(piped.status == 0)
    #expect(!piped.stdout.contains("\u{1B}"))
    // A pseudo-terminal through script(1), when the system has it.
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let binary = try CLIRunner.binary.path
    let onTTY = try CLIRunner.run(
      ["-qec", "'\(binary)' exposure microsoft-azure --offline", "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"),
      environment: ["NO_COLOR": "", "TERM": "xterm"])
    #expect(onTTY.stdout.contains("\u{1B}[31mexposed\u{1B}[0m"), "\(onTTY.stdout.prefix(300))")
    let noColour = try CLIRunner.run(
      ["-qec", "'\(binary)' exposure microsoft-azure --offline", "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"),
      environment: ["NO_COLOR": "1", "TERM": "xterm"])
    #expect(noColour.stdout.contains("exposed"))
    #expect(!noColour.stdout.contains("\u{1B}["))
  }

  @Test("CSV: --excel, --delimiter, --bom, per-gate columns after the contracted ones, reasons capped")
  func csvOptions() throws {
    let example = Self.root.appending(path: "examples/health-data-warehouse.yaml").path
    let contracted = "rank,provider_id,provider_name,offering_id,offering_name,score,eligible,reasons,as_of,standing,score_worst,score_best,flags"
    let plain = try Self.run(["rank", example, "--offline", "--format", "csv"])
    #expect(plain.stdout.hasPrefix(contracted + ",residency,hds,cloud_act,fisa_702,service_types,capabilities\r\n"))
    let rows = plain.stdout.split(separator: "\r\n").dropFirst()
    // Gate cells are verdicts; they agree with the JSON.
    let json = try Self.run(["rank", example, "--offline", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let offerings = try #require(object["offerings"] as? [[String: Any]])
    let first = try #require(offerings.first)
    let gates = try #require(first["gates"] as? [[String: Any]])
    let hdsVerdict = try #require(gates.first { $0["gate"] as? String == "hds" }?["verdict"] as? String)
    let firstRow = try #require(rows.first)
    #expect(firstRow.hasPrefix("1,"))
    // The six gate cells close the row and hold no comma: read them from the end.
    let gateCells = firstRow.split(separator: ",", omittingEmptySubsequences: false).suffix(6).map(String.init)
    #expect(gateCells[1] == hdsVerdict)
    #expect(rows.allSatisfy { row in
      row.split(separator: ",", omittingEmptySubsequences: false).suffix(6).allSatisfy { ["pass", "fail", "unknown"].contains($0) }
    })
    // Reasons are capped (the cut says so); the JSON keeps the full text.
    #expect(plain.stdout.contains(" … [cut; full text in --format json]"))
    let excel = try Self.run(["rank", example, "--offline", "--format", "csv", "--excel"])
    #expect(excel.stdout.hasPrefix("\u{FEFF}" + contracted.replacingOccurrences(of: ",", with: ";") + ";residency;hds;"))
    let semicolon = try Self.run(["rank", example, "--offline", "--format", "csv", "--delimiter", ";"])
    #expect(semicolon.stdout.hasPrefix("rank;provider_id;"))
    let bom = try Self.run(["rank", example, "--offline", "--format", "csv", "--bom"])
    #expect(bom.stdout.hasPrefix("\u{FEFF}rank,provider_id,"))
    let bad = try Self.run(["rank", example, "--offline", "--format", "csv", "--delimiter", "ab"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--delimiter must be one ASCII character"))
    let notCSV = try Self.run(["rank", example, "--offline", "--excel"])
    #expect(notCSV.status == 64)
    #expect(notCSV.stderr.contains("apply to --format csv only"))
  }

  @Test("errors: offering id for a provider, aliases and prefixes, subcommand did-you-mean, --output summary")
  func errors() throws {
    let azure = try Self.run(["show", "azure", "--offline"])
    #expect(azure.status == 64)
    #expect(azure.stderr.contains("`azure` is an offering of the provider `microsoft-azure`"))
    #expect(azure.stdout.isEmpty)
    let typo = try Self.run(["rnak", "x.yaml"])
    #expect(typo.status == 64)
    #expect(typo.stderr.contains("unknown command `rnak`: did you mean `rank`?"))
    for (word, suggestion) in [("k8s", "kubernetes"), ("postgres", "managed-postgresql")] {
      let result = try Self.run(
        ["rank", "-", "--offline"], stdin: "name: t\ngates:\n  capabilities: [\(word)]\n")
      #expect(result.status == 65)
      #expect(result.stderr.contains("<stdin>:3:18: error: unknown capability `\(word)`"), "\(result.stderr)")
      #expect(result.stderr.contains("did you mean `\(suggestion)`?"), "\(result.stderr)")
    }
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appending(path: "ranking.csv").path
    let written = try Self.run(
      ["rank", Self.root.appending(path: "examples/health-data-warehouse.yaml").path, "--offline", "--format", "csv", "--output", target])
    #expect(written.status == 0)
    #expect(written.stdout.isEmpty)
    #expect(written.stderr.contains("wrote \(target): csv, "))
    #expect(FileManager.default.fileExists(atPath: target))
  }

  @Test("`rank -` reads the requirements from standard input")
  func rankFromStandardInput() throws {
    let example = try String(contentsOf: Self.root.appending(path: "examples/health-data-warehouse.yaml"), encoding: .utf8)
    let fromFile = try Self.run(["rank", Self.root.appending(path: "examples/health-data-warehouse.yaml").path, "--offline", "--format", "json"])
    let fromInput = try Self.run(["rank", "-", "--offline", "--format", "json"], stdin: example)
    #expect(fromInput.status == fromFile.status)
    #expect(fromInput.stdout == fromFile.stdout)
    let bad = try Self.run(["rank", "-", "--offline"], stdin: "name: x\nresidency: [ZZ]\n")
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("<stdin>:2:"))
  }

  @Test("`laws` and `capabilities` list the vocabularies (table and JSON)")
  func vocabularies() throws {
    let laws = try Self.run(["laws"])
    #expect(laws.status == 0)
    #expect(laws.stdout.contains("us-cloud-act"))
    #expect(laws.stdout.contains("18 U.S.C. § 2713"))
    #expect(laws.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    let lawsJSON = try Self.run(["laws", "--format", "json"])
    let lawList = try #require(try JSONSerialization.jsonObject(with: Data(lawsJSON.stdout.utf8)) as? [[String: Any]])
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appending(path: "data/laws").path)
    #expect(Set(lawList.compactMap { $0["id"] as? String }) == Set(files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }))
    #expect(lawList.allSatisfy { ($0["sources"] as? [Any])?.isEmpty == false })
    let capabilities = try Self.run(["capabilities", "--format", "json"])
    let list = try #require(try JSONSerialization.jsonObject(with: Data(capabilities.stdout.utf8)) as? [[String: Any]])
    let kubernetes = try #require(list.first { $0["id"] as? String == "kubernetes" })
    #expect((kubernetes["aliases"] as? [String])?.contains("k8s") == true)
    #expect((kubernetes["offerings"] as? Int ?? 0) > 0)
    let table = try Self.run(["capabilities"])
    #expect(table.stdout.contains("managed-postgresql"))
    #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
  }

  @Test("`init`: each template ranks; no overwrite without --force; no template off a terminal exits 64")
  func initTemplates() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for template in ["research", "pacs", "saas", "public-sector"] {
      let file = directory.appending(path: "\(template).yaml").path
      let written = try Self.run(["init", "--template", template, "--output", file])
      #expect(written.status == 0, "\(template): \(written.stderr)")
      #expect(written.stderr.contains("wrote \(file)"))
      let text = try String(contentsOfFile: file, encoding: .utf8)
      #expect(text.hasPrefix("# yaml-language-server: $schema="))
      let ranked = try Self.run(["rank", file, "--offline"])
      #expect(ranked.status == 0, "\(template): \(ranked.stderr)")
      #expect(!ranked.stderr.contains("error"))
      // The same text on standard output.
      let printed = try Self.run(["init", "--template", template])
      #expect(printed.stdout == text)
    }
    let existing = directory.appending(path: "research.yaml").path
    let before = try String(contentsOfFile: existing, encoding: .utf8)
    let refused = try Self.run(["init", "--template", "saas", "--output", existing])
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("--force"))
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == before)
    let forced = try Self.run(["init", "--template", "saas", "--output", existing, "--force"])
    #expect(forced.status == 0)
    #expect(try String(contentsOfFile: existing, encoding: .utf8) != before)
    let noTemplate = try Self.run(["init"])
    #expect(noTemplate.status == 64)
    #expect(noTemplate.stderr.contains("--template research, pacs, saas, public-sector"))
  }

  @Test("`init` on a terminal asks questions, checks the answers with hints, and the file ranks")
  func initInteractive() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let answers = directory.appending(path: "answers").path
    try "2\nMy PACS\nFR, DE\nk8s\nobject-storage\n\n".write(toFile: answers, atomically: true, encoding: .utf8)
    let file = directory.appending(path: "pacs.yaml").path
    let binary = try CLIRunner.binary.path
    // The answers go to script(1)'s input, which its pseudo-terminal passes to `init`.
    let asked = try CLIRunner.run(
      ["-c", "/usr/bin/script -qec \"'\(binary)' init --output '\(file)'\" /dev/null < '\(answers)'"],
      executable: URL(fileURLWithPath: "/bin/sh"))
    #expect(asked.stdout.contains("Which template?"), "\(asked.stdout)")
    #expect(asked.stdout.contains("unknown capability `k8s`: did you mean `kubernetes`?"))
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("name: \"My PACS\"\n"))
    #expect(text.contains("residency: [FR, DE]\n"))
    #expect(text.contains("  capabilities: [object-storage]"))
    let ranked = try Self.run(["rank", file, "--offline"])
    #expect(ranked.status == 0, "\(ranked.stderr)")
  }

  @Test("`exposure` and `show` open with a verdict matrix, US laws first, each missing fact once")
  func verdictMatrix() throws {
    let exposure = try Self.run(["exposure", "ovhcloud", "--offline"])
    #expect(exposure.status == 0)
    let lines = exposure.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("Verdicts as of ") == true)
    let header = try #require(lines.dropFirst().first)
    let cloudAct = try #require(header.range(of: "us-cloud-act"))
    let china = try #require(header.range(of: "cn-"))
    #expect(cloudAct.lowerBound < china.lowerBound)
    #expect(lines.count < 400, "\(lines.count) lines")
    // With a requirements file, its immunity gates come first.
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let requirements = directory.appending(path: "uk.yaml").path
    try "name: uk\ngates:\n  immune_to: [uk-investigatory-powers-act]\n".write(toFile: requirements, atomically: true, encoding: .utf8)
    let forUK = try Self.run(["exposure", "ovhcloud", "--offline", "--for", requirements])
    let ukHeader = try #require(forUK.stdout.split(separator: "\n").dropFirst().first)
    #expect(ukHeader.range(of: "uk-")!.lowerBound < ukHeader.range(of: "us-cloud-act")!.lowerBound, "\(ukHeader)")
    // Unwrapped (a very wide terminal): each missing fact is one numbered line, and none twice.
    let unwrapped = try Self.run(["exposure", "ovhcloud", "--offline"], environment: ["COLUMNS": "100000"])
    let numbered = unwrapped.stdout.split(separator: "\n").filter { $0.hasPrefix("    [") }.map { String($0.drop { $0 != "]" }) }
    #expect(numbered.count > 10)
    #expect(Set(numbered).count == numbered.count, "a missing fact is stated twice")
    let json = try Self.run(["exposure", "ovhcloud", "--offline", "--format", "json"])
    let results = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let lawFacts = Set(results.flatMap { ($0["laws"] as? [[String: Any]] ?? []).flatMap { $0["missing_facts"] as? [String] ?? [] } })
    #expect(!lawFacts.isEmpty)
    #expect(lawFacts.allSatisfy { fact in numbered.contains { $0.hasSuffix(fact) } })
    let explained = try Self.run(["exposure", "ovhcloud", "--offline", "--explain"])
    #expect(explained.stdout.contains("HDS 2.0 transparency"))
    #expect(explained.stdout.split(separator: "\n").count > lines.count)
    let show = try Self.run(["show", "ovhcloud", "--offline"])
    #expect(show.stdout.hasPrefix("Verdicts as of "))
    // The fact that the owners of OVH SAS are not known is stated once per wording (it was 16 times).
    let showUnwrapped = try Self.run(["show", "ovhcloud", "--offline"], environment: ["COLUMNS": "100000"])
    let owners = showUnwrapped.stdout.split(separator: "\n").filter { $0.contains("of OVH SAS [ovh-sas] are not known to be complete") }
    #expect(!owners.isEmpty)
    #expect(Set(owners).count == owners.count && owners.count <= 3, "\(owners.count) times")
    #expect(show.stdout.split(separator: "\n").allSatisfy { !$0.contains("and 3 more") })
  }

  @Test("completion scripts complete provider and offering ids")
  func completions() throws {
    for shell in ["bash", "zsh", "fish"] {
      let script = try Self.run(["--generate-completion-script", shell])
      #expect(script.status == 0)
      #expect(script.stdout.contains("---completion"), "\(shell)")
    }
    let ids = try Self.run(["---completion", "exposure", "--", "positional@0", "2", "5", "sovereign", "exposure", "micro"])
    #expect(ids.stdout.split(separator: "\n").contains("microsoft-azure"), "\(ids.stdout) \(ids.stderr)")
    let providers = try Self.run(["---completion", "show", "--", "positional@0", "2", "3", "sovereign", "show", "ovh"])
    #expect(providers.stdout.split(separator: "\n").contains("ovhcloud"))
    #expect(!providers.stdout.contains("ovhcloud-snc-cloud-platform"))
  }
}
