import ArgumentParser
import Sovereign

/// `sovereign exposure <provider-id | offering-id>`: which non-EU laws reach each offering, and why.
struct ExposureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exposure",
    abstract: "Show which non-EU laws (CLOUD Act, FISA 702, ...) reach an offering, with the path of facts and sources.",
    discussion: """
      For each law of the catalog (data/laws/): exposed, not-exposed or unknown, with the decisive path \
      (e.g. Microsoft Ireland Operations Ltd -> 100% Microsoft Corporation (US) -> us-cloud-act), the rule \
      applied and the sources; unknown names the missing fact. Also: whether the provider's seat is outside \
      the EU/EEA, an estimate of SecNumCloud 3.2 § 19.6 eligibility with its sub-criteria, the HDS 2.0 \
      transparency facts (requirements 28-31) and the ownership chains. A provider id shows every offering.

      Like `show` and `rank`, it uses the newest lists stored by `sovereign refresh` (a SecNumCloud \
      qualification, a transfer mapping) over the catalog's facts and says which; `--offline` uses \
      the catalog alone.
      """
  )

  @Argument(help: "A provider id (all its offerings) or an offering id, e.g. clever-cloud.")
  var id: String

  @Option(help: "Output format: table or json.")
  var format: DetailFormat = .table

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var snapshotOptions: SnapshotOptions
  @OptionGroup var asOfOptions: AsOfOptions
  @OptionGroup var assumptionOptions: AssumptionOptions

  func run() throws {
    let (loaded, notes) = snapshotOptions.overlay(try catalogOptions.load())
    let catalog = try assumptionOptions.apply(to: loaded, on: asOfOptions.date)
    let engine = ExposureEngine(catalog: catalog, asOf: asOfOptions.date)
    let results: [OfferingExposure]
    if let provider = catalog.provider(id: id) {
      results = engine.assess(provider: provider)
    } else if let offering = catalog.offering(id: id) {
      results = [engine.assess(offering: offering)]
    } else {
      let candidates = catalog.providers.map(\.id) + catalog.offerings.map(\.id)
      let hint = Suggestions.hint(for: id, in: candidates) ?? "run `sovereign providers` to list the provider ids"
      Terminal.error("no provider or offering has the id `\(id)`: \(hint)")
      throw ExitCode(ExitStatus.usage)
    }
    switch format {
    case .json:
      Terminal.write(try JSONOutput.encode(results))
    case .table:
      if results.isEmpty {
        Terminal.write("\(id) has no offering in the catalog: nothing to assess.\n")
      } else {
        Terminal.write(ExposureReport(results: results).render() + SnapshotOptions.describe(notes, offerings: results.map(\.offeringID)))
      }
    }
  }
}
