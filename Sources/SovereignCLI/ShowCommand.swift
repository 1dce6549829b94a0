import ArgumentParser
import Sovereign

/// `sovereign show <provider-id>`: everything known about one provider, with sources.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show everything known about one provider, each fact with its source and as-of date."
  )

  @Argument(help: "The provider id, e.g. clever-cloud (see `sovereign providers`).")
  var providerID: String

  @Option(help: "Output format: table or json.")
  var format: OutputFormat = .table

  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if format == .csv { throw ValidationError("`show` prints table or json; use `sovereign providers --format csv` for CSV.") }
  }

  func run() throws {
    let catalog = try catalogOptions.load()
    guard let provider = catalog.provider(id: providerID) else {
      let hint = Suggestions.hint(for: providerID, in: catalog.providers.map(\.id)) ?? "run `sovereign providers` to list the ids"
      Terminal.error("unknown provider `\(providerID)`: \(hint)")
      throw ExitCode(ExitStatus.usage)
    }
    let exposure = ExposureEngine(catalog: catalog).assess(provider: provider)
    switch format {
    case .json:
      let entities = provider.entities.compactMap { catalog.entities[$0] }
      Terminal.write(try JSONOutput.encode(ProviderDetail(provider: provider, entities: entities, exposure: exposure)))
    case .table, .csv:
      let summary = exposure.map { ([""] + ExposureReport.summaryLines($0)).joined(separator: "\n") }
      Terminal.write(ProviderReport(provider: provider, catalog: catalog).render() + summary.joined(separator: "\n") + (summary.isEmpty ? "" : "\n"))
    }
  }
}

/// `show --format json`: the provider with its declared legal entities.
struct ProviderDetail: Encodable {
  var provider: Provider
  var entities: [LegalEntity]
  /// The exposure engine's result for each offering (see `sovereign exposure`).
  var exposure: [OfferingExposure]
}
