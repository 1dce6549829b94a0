import ArgumentParser
import Sovereign

/// The `sovereign` command: a thin shell over the Sovereign library.
@main
struct SovereignCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sovereign",
    abstract: "Which hosting offers can legally and technically take your sensitive European data: ranked, explained, sourced.",
    discussion: """
      Exit codes: 0 success; 1 no offering passes the gates (rank); 64 usage error; 65 invalid input data; \
      66 input file not found; 69 remote source unavailable; 74 I/O error writing output; 75 another \
      refresh is running on the same store.
      """,
    version: SovereignVersion.current,
    subcommands: [
      ValidateCommand.self,
      ProvidersCommand.self,
      ShowCommand.self,
      ExposureCommand.self,
      CompareCommand.self,
      CoverageCommand.self,
      RankCommand.self,
      MCDACommand.self,
      CSFCommand.self,
      RefreshCommand.self,
      DiffCommand.self,
      ServeCommand.self,
    ]
  )
}
