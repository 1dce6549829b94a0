import ArgumentParser
import Foundation
import Sovereign

/// `sovereign rank FILE`: applies the requirements' gates to every offering, scores and ranks the
/// eligible ones, explains everything. Exit 0 when at least one offering passes, 1 when none does
/// (the report is still printed, with the nearest misses), 64/65/66/74 as documented.
struct RankCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rank",
    abstract: "Rank the catalog's offerings against a requirements file (gates, criteria, TOPSIS or weighted sum).",
    discussion: """
      The requirements file format is documented in docs/ranking.md and schema/requirements.schema.json; \
      examples are in examples/. Exit codes: 0 at least one offering passes the gates; 1 none does (the report \
      is still printed, with the nearest misses); 64 usage error; 65 invalid requirements or catalog; \
      66 file or catalog not found; 69 --format pdf without Chromium installed; 74 the output could not be written. \
      --format html writes one self-contained decision report (docs/report.md); --format pdf prints it with \
      headless Chromium.
      """
  )

  /// Output formats of `rank`.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown, html, pdf
  }

  /// `--lang` values: the language of the report's fixed text (Markdown, HTML, PDF).
  enum Language: String, ExpressibleByArgument, CaseIterable {
    case en, fr
    var language: ReportLanguage { self == .fr ? .fr : .en }
  }

  /// `--method` values.
  enum Method: String, ExpressibleByArgument, CaseIterable {
    case topsis
    case weightedSum = "weighted-sum"

    var method: MCDAMethod { self == .topsis ? .topsis : .weightedSum }
  }

  @Argument(help: ArgumentHelp("The requirements file (YAML).", valueName: "FILE"))
  var file: String

  @Option(help: "Output format: table, csv, json, markdown, html or pdf (pdf needs headless Chromium and --output).")
  var format: Format = .table

  @Option(help: ArgumentHelp("Write the output to this file (atomically) instead of standard output.", valueName: "PATH"))
  var output: String?

  @Flag(help: "Show every gate verdict and every criterion's raw value, normalised value, weight and contribution (table); a section for every eligible offering and every failing gate of excluded ones (markdown, html, pdf). JSON always has it all; refused with csv.")
  var explain = false

  @Option(help: ArgumentHelp("Markdown, HTML and PDF: a detailed section for each of the first N eligible offerings.", valueName: "N"))
  var top: Int = DecisionReport.defaultTop

  @Option(help: "Markdown, HTML and PDF: language of the report's fixed text, en or fr (catalog facts stay as sourced).")
  var lang: Language = .en

  @Option(help: "Aggregation method, overriding the file's `method`: topsis or weighted-sum.")
  var method: Method?

  @Option(help: ArgumentHelp("Flag sources older than this many days as stale.", valueName: "DAYS"))
  var maxFactAge: Int = Ranker.defaultMaximumFactAgeDays

  @Option(help: ArgumentHelp("List this many nearest misses (excluded offerings closest to passing, with the facts to find), even when some offerings pass. Default: 5, only when none passes.", valueName: "N"))
  var misses: Int?

  /// `--order` values.
  enum Order: String, ExpressibleByArgument, CaseIterable {
    case standing, score
    var order: RankingOrder { self == .score ? .score : .standing }
  }

  @Option(help: "Table and Markdown order: standing (proven offerings first, then unverified ones, each ranked) or score (one list).")
  var order: Order = .standing

  @OptionGroup var asOfOptions: AsOfOptions

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var snapshotOptions: SnapshotOptions

  func validate() throws {
    guard maxFactAge >= 0 else { throw ValidationError("--max-fact-age must be zero or more days") }
    guard (misses ?? 0) >= 0 else { throw ValidationError("--misses must be zero or more") }
    guard top >= 0 else { throw ValidationError("--top must be zero or more") }
    if explain && format == .csv {
      throw ValidationError("--explain does not apply to --format csv (one row per offering); use --format json, markdown or html for every gate's evidence")
    }
    if format == .pdf && output == nil { throw ValidationError("--format pdf needs --output FILE (a PDF is not written to the terminal)") }
  }

  func run() throws {
    let (catalog, snapshotNotes) = snapshotOptions.overlay(try catalogOptions.load())
    let requirements = try readRequirements(catalog: catalog)
    var ranking: Ranking
    do {
      ranking = try Ranker(catalog: catalog, today: asOfOptions.date, maximumFactAgeDays: maxFactAge)
        .rank(requirements, method: method?.method, misses: misses)
    } catch {
      Terminal.error("\(file): error: \(error)")
      throw ExitCode(ExitStatus.invalidData)
    }
    // Facts taken from lists fetched by `sovereign refresh` are flagged on their offerings
    // (JSON, Markdown, --explain) and summed up under the table.
    for index in ranking.offerings.indices {
      for note in snapshotNotes[ranking.offerings[index].offeringID] ?? [] {
        ranking.offerings[index].flags.append("from a fetched list: " + note)
      }
    }
    let text: String
    let report = { DecisionReport(
      ranking: ranking, language: lang.language, top: top, explain: explain,
      provenance: reportProvenance(),
      robustness: nil  // Hook: `--robustness` (issue 13) passes its SMAAResult here for the rank-acceptability chart.
    ) }
    switch format {
    case .table:
      text = RankingTable.render(ranking, explain: explain, order: order.order)
        + SnapshotOptions.describe(snapshotNotes, offerings: ranking.eligible.map(\.offeringID))
    case .csv: text = RankingCSV.render(ranking)
    case .json: text = try RankingJSON.render(ranking)
    case .markdown: text = RankingMarkdown.render(report(), order: order.order)
    case .html: text = DecisionReportHTML.render(report())
    case .pdf:
      do {
        try writePDF(ChromiumPDF.render(html: DecisionReportHTML.render(report())))
      } catch let failure as ChromiumPDF.Failure {
        Terminal.error(failure.description)
        throw ExitCode(ExitStatus.remoteUnavailable)
      }
      text = ""
    }
    if format == .pdf {
      // Written above.
    } else if let output {
      do {
        // `.atomic` writes a temporary file beside the target and renames it: nothing half-written.
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        Terminal.error("cannot write \(output): \(OutputProblem.reason(for: output, error: error))")
        throw ExitCode(ExitStatus.outputError)
      }
    } else {
      Terminal.write(text)
    }
    if ranking.eligible.isEmpty {
      Terminal.warning(
        "no offering passes the gates"
          + (ranking.nearestMisses.isEmpty ? "" : "; nearest misses: " + ranking.nearestMisses.joined(separator: ", ")))
      throw ExitCode(ExitStatus.noEligibleOffering)
    }
  }

  /// Writes the PDF to `--output` atomically (74 when it cannot).
  func writePDF(_ data: Data) throws {
    guard let output else { return }
    do {
      try data.write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
      Terminal.error("cannot write \(output): \(OutputProblem.reason(for: output, error: error))")
      throw ExitCode(ExitStatus.outputError)
    }
  }

  /// The report's footer facts: tool version, catalog fingerprint, the fetched lists laid over it.
  func reportProvenance() -> DecisionReport.Provenance {
    let files: [CatalogFile]?
    if let directory = catalogOptions.catalog {
      files = try? CatalogLoader.files(in: URL(fileURLWithPath: directory))
    } else {
      files = Catalog.bundledFiles
    }
    return DecisionReport.Provenance(
      catalogFingerprint: files.map(CatalogFingerprint.sha256(of:)), fetchedLists: snapshotOptions.listsUsed())
  }

  /// Reads and checks the requirements file: 66 when it is missing or unreadable, 65 when invalid.
  func readRequirements(catalog: Catalog) throws -> Requirements {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
      Terminal.error("\(file): requirements file not found")
      throw ExitCode(ExitStatus.inputNotFound)
    }
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: file) else {
      Terminal.error("\(file): cannot read the requirements file" + (isDirectory.boolValue ? " (it is a directory)" : ""))
      throw ExitCode(ExitStatus.inputNotFound)
    }
    do {
      return try RequirementsReader.read(data: data, file: file, vocabulary: RequirementsVocabulary(catalog: catalog))
    } catch {
      Terminal.error(error.description)
      throw ExitCode(ExitStatus.invalidData)
    }
  }
}
