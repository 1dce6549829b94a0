import ArgumentParser
import Sovereign

/// `sovereign validate`: checks a catalog strictly and lists every problem.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check the catalog (bundled, or --catalog DIR): exit 0 when clean, 65 with every error listed."
  )

  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    let catalog = try catalogOptions.load()
    let offerings = catalog.offerings.count
    Terminal.write(
      "catalog is valid: \(catalog.providers.count) providers, \(offerings) offerings, \(catalog.entities.count) legal entities, \(catalog.laws.count) laws\n"
    )
  }
}
