import ArgumentParser
import Foundation
import Sovereign

/// `sovereign compare ID ID [ID...]`: offerings side by side, one row per fact, differences
/// marked, sources per cell. A provider id stands for each of its offerings.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare offerings side by side: HDS, SecNumCloud, each law's verdict, § 19.6, residency, access, subprocessors, capabilities.",
    discussion: """
      Each ID is an offering id or a provider id (a provider id stands for each of its offerings). One row \
      per fact, one column per offering; rows whose values differ are marked ≠; each value shows its evidence \
      grade and cites its sources as [n] (listed below the table). Verdicts come from the exposure engine, as \
      in `sovereign exposure`. With --assume, values resting on an assumption are marked †. Formats: table, \
      markdown, json (documented in docs/compare.md). Exit codes: 0 ok; 64 unknown id (with a did-you-mean), \
      fewer than two offerings, or a bad --assume; 65/66 catalog invalid or missing; 74 output not written.
      """
  )

  /// Output formats of `compare`.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, markdown, json
  }

  @Argument(help: ArgumentHelp("Offering or provider ids, e.g. clever-cloud-paas-hds scaleway.", valueName: "ID"))
  var ids: [String] = []

  @Option(help: "Output format: table, markdown or json.")
  var format: Format = .table

  @Option(help: ArgumentHelp("Write the output to this file (atomically) instead of standard output.", valueName: "PATH"))
  var output: String?

  @OptionGroup var assumptionOptions: AssumptionOptions
  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var snapshotOptions: SnapshotOptions
  @OptionGroup var asOfOptions: AsOfOptions

  func validate() throws {
    guard !ids.isEmpty else { throw ValidationError("give at least two offering ids, or a provider id with several offerings") }
  }

  func run() throws {
    let (loaded, _) = snapshotOptions.overlay(try catalogOptions.load())
    let catalog = try assumptionOptions.apply(to: loaded, on: asOfOptions.date)
    let offerings: [Offering]
    do {
      offerings = try ComparisonSubjects.resolve(ids, in: catalog)
    } catch {
      Terminal.error(error.description)
      throw ExitCode(ExitStatus.usage)
    }
    guard offerings.count >= 2 else {
      Terminal.error(
        "`compare` needs at least two offerings; \(ids.joined(separator: ", ")) name\(ids.count == 1 ? "s" : "") only "
          + (offerings.first.map { "`\($0.id)`" } ?? "none"))
      throw ExitCode(ExitStatus.usage)
    }
    let comparison = ComparisonBuilder(catalog: catalog, date: asOfOptions.date).compare(offerings)
    let text: String
    switch format {
    case .table: text = ComparisonTable.render(comparison)
    case .markdown: text = ComparisonMarkdown.render(comparison)
    case .json: text = try JSONOutput.encode(comparison)
    }
    if let output {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        Terminal.error("cannot write \(output): \(OutputProblem.reason(for: output, error: error))")
        throw ExitCode(ExitStatus.outputError)
      }
    } else {
      Terminal.write(text)
    }
  }
}
