import ArgumentParser
import Sovereign

/// `sovereign coverage`: which deciding facts the catalog knows, derives or lacks, with grades.
struct CoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: "Show which deciding facts the catalog knows, derives or lacks for each offering, with their evidence grade.",
    discussion: """
      Per offering: HDS status, activities, referential and validity; SecNumCloud status and validity; \
      residency; capabilities; the contracting entity's seat; whether control is decided; access countries; \
      the US CLOUD Act verdict. Each is known (read from a source), derived (by a rule of data/rules/) or \
      unknown, with the grade of its evidence (official, provider, secondary). Then totals per fact, sources \
      per kind, sources older than a year and certificates ending within 90 days. Like `show`, it uses the \
      lists stored by `sovereign refresh` unless --offline. JSON: top-level date, offerings, providers, facts \
      (per fact: known, derived, unknown, not_applicable, by_grade), sources_by_kind, sources_total, \
      stale_sources, expiring_certificates, totals, targets.
      """
  )

  @Option(help: "Output format: table or json.")
  var format: DetailFormat = .table

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var snapshotOptions: SnapshotOptions

  func run() throws {
    let (catalog, _) = snapshotOptions.overlay(try catalogOptions.load())
    Terminal.write(try Self.output(catalog: catalog, format: format))
  }

  /// The report on `catalog` as of today, rendered.
  static func output(catalog: Catalog, format: DetailFormat) throws -> String {
    let report = CoverageAnalysis(catalog: catalog, date: CalendarDate.today()).report()
    switch format {
    case .json: return try JSONOutput.encode(report)
    case .table: return CoverageTable.render(report)
    }
  }
}
