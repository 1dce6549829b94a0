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

  @Argument(help: ArgumentHelp("The requirements file (YAML), or - to read it from standard input.", valueName: "FILE"), completion: .file(extensions: ["yaml", "yml"]))
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

  @Option(help: ArgumentHelp("Run SMAA-2 over N scenarios varying the weights and the unknown facts as the file's `robustness:` says (docs/robustness.md).", valueName: "N"))
  var robustness: Int?

  @Option(help: ArgumentHelp("Seed of the --robustness scenarios (same seed, same output).", valueName: "S"))
  var seed: UInt64 = 1

  @Option(
    defaultAsFlag: "all", parsing: .next,
    help: ArgumentHelp("Sweep each criterion's weight (or only CRITERION's): the exact interval over which the winner stays first, and who takes over beyond.", valueName: "CRITERION"))
  var sweep: String? = nil

  @Flag(help: "Print, instead of the ranking, the missing facts of the shortlisted offerings and the nearest misses as questions to send to each provider (table, markdown or json).")
  var questions = false

  @OptionGroup var asOfOptions: AsOfOptions
  @OptionGroup var assumptionOptions: AssumptionOptions

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var snapshotOptions: SnapshotOptions
  @OptionGroup var layout: TableLayoutOptions
  @OptionGroup var csvOptions: CSVOptions

  func validate() throws {
    try csvOptions.check(isCSV: format == .csv)
    guard maxFactAge >= 0 else { throw ValidationError("--max-fact-age must be zero or more days") }
    guard (misses ?? 0) >= 0 else { throw ValidationError("--misses must be zero or more") }
    if let robustness, robustness < 1 || robustness > SMAAError.maximumScenarios {
      throw ValidationError("--robustness must be between 1 and \(SMAAError.maximumScenarios) scenarios")
    }
    if format == .csv && (robustness != nil || sweep != nil) {
      throw ValidationError("--robustness and --sweep add to the table, JSON and Markdown formats; CSV keeps its columns (use --format json)")
    }
    if questions && format == .csv { throw ValidationError("--questions prints table, markdown or json, not csv") }
    guard top >= 0 else { throw ValidationError("--top must be zero or more") }
    if explain && format == .csv {
      throw ValidationError("--explain does not apply to --format csv (one row per offering); use --format json, markdown or html for every gate's evidence")
    }
    if format == .pdf && output == nil { throw ValidationError("--format pdf needs --output FILE (a PDF is not written to the terminal)") }
  }

  func run() throws {
    let read = try catalogOptions.load()
    let overlaid = snapshotOptions.storedOverlay(read)
    let (loaded, snapshotNotes) = overlaid ?? (read, [:])
    let catalog = try assumptionOptions.apply(to: loaded, on: asOfOptions.date)
    // The exposure `SovereignCommand` started computing while the arguments were parsed, when
    // the catalog is the bundled one as decoded; else computed here (from the assessments the
    // build made, for the bundled catalog as decoded on another day: `--as-of`).
    let asIs = catalogOptions.catalog == nil && overlaid == nil && assumptionOptions.assume.isEmpty
    if !asIs { EngineExposure.abandonPrefetch() }
    let requirements = try readRequirements(catalog: catalog)
    // (Joined after reading the requirements, which the other thread's work overlaps.)
    let prefetched = asIs ? EngineExposure.bundled(asOf: asOfOptions.date) : nil
    // The CSF data of `--catalog DIR` when the requirements use the framework; else the bundled one.
    // (Only when they do: the bundled CSF data is a YAML parse most rankings do not need.)
    let csf = !requirements.usesCSF ? nil : catalogOptions.catalog != nil ? try catalogOptions.loadCSF() : CSFData.bundled
    var ranking: Ranking
    let ranker = Ranker(
      catalog: catalog,
      exposure: prefetched
        ?? EngineExposure(catalog: catalog, asOf: asOfOptions.date, madeAhead: asIs ? EngineExposure.madeAtBuildTime : []),
      today: asOfOptions.date,
      maximumFactAgeDays: maxFactAge, csf: csf)
    do {
      ranking = try ranker.rank(requirements, method: method?.method, misses: misses)
    } catch {
      Terminal.error("\(file): error: \(error)")
      throw ExitCode(ExitStatus.invalidData)
    }
    try addRobustness(to: &ranking, ranker: ranker)
    // Facts taken from lists fetched by `sovereign refresh` are flagged on their offerings
    // (JSON, Markdown, --explain) and summed up under the table.
    ranking.flagFetchedFacts(snapshotNotes)
    let text: String
    let report = {
      DecisionReport(
        ranking: ranking, language: lang.language, top: top, explain: explain, provenance: reportProvenance(),
        robustness: ranking.robustness)
    }
    if questions {
      let list = QuestionList(ranking: ranking, catalog: catalog, misses: misses ?? Ranker.defaultMisses)
      switch format {
      case .table, .csv, .html, .pdf: text = QuestionListRendering.table(list)
      case .json: text = try JSONOutput.encode(list)
      case .markdown: text = QuestionListRendering.markdown(list)
      }
    } else {
      switch format {
      case .table:
        let width = output == nil ? layout.width : nil
        text = RankingTable.render(ranking, explain: explain, order: order.order, width: width)
          + SnapshotOptions.describe(snapshotNotes, offerings: ranking.eligible.map(\.offeringID))
          + (ranking.robustness.map(RobustnessTable.render) ?? "") + (ranking.sweeps.map { RobustnessTable.render(sweeps: $0) } ?? "")
      case .csv: text = RankingCSV.render(ranking, options: csvOptions.options)
      case .json: text = try RankingJSON.render(ranking)
      case .markdown:
        text = RankingMarkdown.render(report(), order: order.order)
          + (ranking.sweeps.map { "\n" + RobustnessTable.markdown(sweeps: $0) } ?? "")
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
      Terminal.note(
        "wrote \(output): \(format.rawValue), \(ranking.offerings.count) offerings (\(ranking.eligible.count) eligible), "
          + "\(text.utf8.count) bytes")
    } else {
      // Only the table is coloured: CSV, JSON and Markdown stay plain for the programs reading them.
      format == .table ? Terminal.writeReport(text) : Terminal.write(text)
    }
    if ranking.eligible.isEmpty {
      Terminal.warning(
        "no offering passes the gates"
          + (ranking.nearestMisses.isEmpty ? "" : "; nearest misses: " + ranking.nearestMisses.joined(separator: ", ")))
    }
    // Everything is written: exit without freeing the ranking and the exposure assessments.
    ProcessEnd.exit(
      ranking.eligible.isEmpty ? ExitStatus.noEligibleOffering : ExitStatus.success, keeping: ranking, ranker, catalog, requirements,
      text)
  }

  /// `--robustness` and `--sweep`: 64 for a criterion the file does not weight.
  func addRobustness(to ranking: inout Ranking, ranker: Ranker) throws {
    do {
      if let sweep {
        let criterion = sweep == "all" ? nil : sweep
        guard let sweeps = try ranker.sweeps(of: ranking, criterion: criterion) else {
          let names = ranking.criteria.map(\.name)
          Terminal.error(
            "--sweep: `\(sweep)` is not a criterion of \(file)"
              + (Suggestions.hint(for: sweep, in: names).map { " (\($0))" } ?? "") + "; its criteria: " + names.joined(separator: ", "))
          throw ExitCode(ExitStatus.usage)
        }
        ranking.sweeps = sweeps
      }
      if let robustness {
        ranking.robustness = try ranker.robustness(of: ranking, scenarios: robustness, seed: seed)
      }
    } catch let error as SMAAError {
      Terminal.error("\(file): error: \(error)")
      throw ExitCode(ExitStatus.invalidData)
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
    if file == "-" {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      do {
        return try RequirementsReader.read(data: data, file: "<stdin>", vocabulary: RequirementsVocabulary(catalog: catalog))
      } catch {
        Terminal.error(error.description)
        throw ExitCode(ExitStatus.invalidData)
      }
    }
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
