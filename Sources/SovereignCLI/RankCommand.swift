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
      66 file or catalog not found; 74 the output could not be written.
      """
  )

  /// Output formats of `rank`.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
  }

  /// `--method` values.
  enum Method: String, ExpressibleByArgument, CaseIterable {
    case topsis
    case weightedSum = "weighted-sum"

    var method: MCDAMethod { self == .topsis ? .topsis : .weightedSum }
  }

  @Argument(help: ArgumentHelp("The requirements file (YAML).", valueName: "FILE"))
  var file: String

  @Option(help: "Output format: table, csv, json or markdown.")
  var format: Format = .table

  @Option(help: ArgumentHelp("Write the output to this file (atomically) instead of standard output.", valueName: "PATH"))
  var output: String?

  @Flag(help: "Show every gate verdict and every criterion's raw value, normalised value, weight and contribution (table format).")
  var explain = false

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

  @Flag(help: "Print, instead of the ranking, the missing facts of the shortlisted offerings and the nearest misses as questions to send to each provider (table, markdown or json).")
  var questions = false

  @OptionGroup var asOfOptions: AsOfOptions
  @OptionGroup var assumptionOptions: AssumptionOptions

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var snapshotOptions: SnapshotOptions

  func validate() throws {
    guard maxFactAge >= 0 else { throw ValidationError("--max-fact-age must be zero or more days") }
    guard (misses ?? 0) >= 0 else { throw ValidationError("--misses must be zero or more") }
    if questions && format == .csv { throw ValidationError("--questions prints table, markdown or json, not csv") }
  }

  func run() throws {
    let (loaded, snapshotNotes) = snapshotOptions.overlay(try catalogOptions.load())
    let catalog = try assumptionOptions.apply(to: loaded, on: asOfOptions.date)
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
    ranking.flagFetchedFacts(snapshotNotes)
    let text: String
    if questions {
      let list = QuestionList(ranking: ranking, catalog: catalog, misses: misses ?? Ranker.defaultMisses)
      switch format {
      case .table, .csv: text = QuestionListRendering.table(list)
      case .json: text = try JSONOutput.encode(list)
      case .markdown: text = QuestionListRendering.markdown(list)
      }
    } else {
      switch format {
      case .table:
        text = RankingTable.render(ranking, explain: explain, order: order.order)
          + SnapshotOptions.describe(snapshotNotes, offerings: ranking.eligible.map(\.offeringID))
      case .csv: text = RankingCSV.render(ranking)
      case .json: text = try RankingJSON.render(ranking)
      case .markdown: text = RankingMarkdown.render(ranking, order: order.order)
      }
    }
    if let output {
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
