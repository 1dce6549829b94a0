import ArgumentParser

/// Output formats of the catalog commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv
}

/// Output formats of the commands that print one detailed document (`show`, `exposure`): nested
/// facts do not fit CSV rows; `providers --format csv` and `rank --format csv` give the tables.
enum DetailFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}
