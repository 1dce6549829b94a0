import ArgumentParser
import Sovereign

/// `sovereign providers`: one row per provider.
struct ProvidersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "providers",
    abstract: "List the providers of the catalog, one row each."
  )

  @Option(help: "Output format: table, json or csv.")
  var format: OutputFormat = .table

  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    let catalog = try catalogOptions.load()
    let rows = catalog.providers.map { ProviderRow($0, catalog: catalog) }
    switch format {
    case .json:
      Terminal.write(try JSONOutput.encode(rows))
    case .csv:
      var csv = CSVWriter()
      csv.write(ProviderRow.headers.map(CSVWriter.Cell.text))
      for row in rows { csv.write(row.cells.map(CSVWriter.Cell.text)) }
      Terminal.write(csv.output)
    case .table:
      Terminal.write(TextTable(headers: ProviderRow.headers, rows: rows.map(\.cells)).render())
    }
  }
}
