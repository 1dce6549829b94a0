import ArgumentParser
import Sovereign

/// `sovereign laws`: the laws of the catalog, the ids `gates.immune_to` takes.
struct LawsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "laws",
    abstract: "List the non-EU laws the catalog knows (the ids of `gates.immune_to`), with citation and reach.",
    discussion: """
      JSON: an array of {id, name, jurisdiction, citation, summary, extraterritorial, reach, sources}.
      """
  )

  @Option(help: "Output format: table or json.")
  var format: DetailFormat = .table

  @OptionGroup var layout: TableLayoutOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    let catalog = try catalogOptions.load()
    switch format {
    case .json: Terminal.write(try JSONOutput.encode(VocabularyListing.laws(catalog)))
    case .table: Terminal.write(VocabularyListing.lawsTable(catalog, width: layout.width))
    }
  }
}
