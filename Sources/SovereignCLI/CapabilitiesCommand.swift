import ArgumentParser
import Sovereign

/// `sovereign capabilities`: the capability vocabulary, the ids `gates.capabilities` and
/// `nice_to_have` take.
struct CapabilitiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "capabilities",
    abstract: "List the capability ids (for `gates.capabilities` and `nice_to_have`), with how many offerings list each.",
    discussion: """
      JSON: an array of {id, description, offerings (how many offerings list it), aliases (words that \
      suggest it in error hints)}.
      """
  )

  @Option(help: "Output format: table or json.")
  var format: DetailFormat = .table

  @OptionGroup var layout: TableLayoutOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    let catalog = try catalogOptions.load()
    switch format {
    case .json: Terminal.write(try JSONOutput.encode(VocabularyListing.capabilities(catalog)))
    case .table: Terminal.write(VocabularyListing.capabilitiesTable(catalog, width: layout.width))
    }
  }
}
