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

/// The summary of one provider in `sovereign providers`.
struct ProviderRow: Encodable {
  static let headers = ["id", "name", "seat", "offerings", "hds", "secnumcloud", "website"]

  var id: String
  var name: String
  var seat: String
  var offerings: Int
  /// Best HDS status among its offerings.
  var hds: String
  /// Best SecNumCloud status among its offerings.
  var secnumcloud: String
  var website: String

  init(_ provider: Provider, catalog: Catalog) {
    id = provider.id
    name = provider.name
    offerings = provider.offerings.count
    website = provider.website
    let hdsStatuses = provider.offerings.map { $0.certifications.hds?.status ?? .unknown }
    hds =
      hdsStatuses.contains(.certified) ? "certified" : hdsStatuses.allSatisfy { $0 == .notCertified } ? "not-certified" : "unknown"
    let snc = provider.offerings.map { $0.certifications.secNumCloud?.status ?? .unknown }
    secnumcloud =
      snc.contains(.qualified) ? "qualified" : snc.contains(.inProgress) ? "in-progress" : snc.allSatisfy { $0 == .none } ? "none" : "unknown"
    let seats = Set(provider.offerings.map { catalog.entities[$0.contractingEntity]?.seat.value ?? "unknown" })
    seat = seats.sorted().joined(separator: " ")
  }

  var cells: [String] { [id, name, seat, String(offerings), hds, secnumcloud, website] }
}
