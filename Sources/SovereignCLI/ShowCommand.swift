import ArgumentParser
import Sovereign

/// `sovereign show <provider-id>`: everything known about one provider, with sources.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show everything known about one provider, each fact with its source and as-of date."
  )

  @Argument(help: "The provider id, e.g. clever-cloud (see `sovereign providers`).", completion: IDCompletion.providers)
  var providerID: String

  @Option(help: "Output format: table or json.")
  var format: DetailFormat = .table

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var snapshotOptions: SnapshotOptions
  @OptionGroup var asOfOptions: AsOfOptions
  @OptionGroup var layout: TableLayoutOptions

  func run() throws {
    let (catalog, notes) = snapshotOptions.overlay(try catalogOptions.load())
    guard let provider = catalog.provider(id: providerID) else {
      if let offering = catalog.offering(id: providerID),
        let owner = catalog.providers.first(where: { $0.offerings.contains { $0.id == offering.id } })
      {
        Terminal.error(
          "`\(providerID)` is an offering of the provider `\(owner.id)` (\(owner.name)), not a provider id: "
            + "run `sovereign show \(owner.id)`, or `sovereign exposure \(providerID)` for this offering alone")
        throw ExitCode(ExitStatus.usage)
      }
      let hint = Suggestions.hint(for: providerID, in: catalog.providers.map(\.id)) ?? "run `sovereign providers` to list the ids"
      Terminal.error("unknown provider `\(providerID)`: \(hint)")
      throw ExitCode(ExitStatus.usage)
    }
    let exposure = ExposureEngine(catalog: catalog, asOf: asOfOptions.date).assess(provider: provider)
    switch format {
    case .json:
      let entities = provider.entities.compactMap { catalog.entities[$0] }
      let snapshotNotes = notes.filter { id, _ in provider.offerings.contains { $0.id == id } }
      Terminal.write(
        try JSONOutput.encode(
          ProviderDetail(
            provider: provider, entities: entities, exposure: exposure, snapshotNotes: snapshotNotes, asOf: asOfOptions.date)))
    case .table:
      // Opens with the verdict matrix; the exposure summary after the facts states each missing fact once.
      let overview = ExposureOverview(results: exposure)
      let matrix = exposure.isEmpty ? "" : overview.header(asOf: asOfOptions.date) + overview.matrix(width: layout.width) + "\n"
      let summary = exposure.isEmpty ? "" : "\n" + overview.render(width: layout.width, withMatrix: false)
      Terminal.writeReport(
        matrix + ProviderReport(provider: provider, catalog: catalog).render() + "\nas of \(asOfOptions.date)\n" + summary
          + SnapshotOptions.describe(notes, offerings: provider.offerings.map(\.id)))
    }
  }
}
