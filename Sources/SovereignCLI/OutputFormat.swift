import ArgumentParser

/// Output formats of the catalog commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv
}
