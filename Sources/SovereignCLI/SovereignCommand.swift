import ArgumentParser
import Foundation
import Sovereign

/// The `sovereign` command: a thin shell over the Sovereign library.
@main
struct SovereignCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sovereign",
    abstract: "Which hosting offers can legally and technically take your sensitive European data: ranked, explained, sourced.",
    discussion: """
      Exit codes: 0 success; 1 no offering passes the gates (rank); 64 usage error; 65 invalid input data; \
      66 input file not found; 69 remote source unavailable; 73 init: the output file exists (--force \
      replaces it); 74 I/O error writing output; 75 another refresh is running on the same store.
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
      LawsCommand.self,
      CapabilitiesCommand.self,
      InitCommand.self,
      ServeCommand.self,
    ]
  )

  /// Runs the command line; an unknown subcommand gets a did-you-mean (exit 64) before parsing.
  static func main() async {
    let arguments = Array(CommandLine.arguments.dropFirst())
    // A command that runs once grows its heaps in large steps (far fewer system calls); the
    // long-running server keeps glibc's default, which gives freed memory back sooner.
    if arguments.first != "serve" { HeapGrowth.configure() }
    // The commands that read the bundled catalog start decoding it now, on the other core,
    // while the arguments are parsed (the parser's reflection takes a few milliseconds); `rank`
    // then starts assessing the offerings' exposure as of today there (used only if the catalog
    // stays as decoded and the day is today: see RankCommand.run). First of all, before the
    // checks below: they make the Swift runtime look up conformances, which the other core can
    // overlap with decoding.
    if let first = arguments.first, readsBundledCatalog(first), !arguments.contains(where: { $0.hasPrefix("--catalog") }) {
      let changesCatalogOrDay = arguments.contains { $0.hasPrefix("--assume") || $0.hasPrefix("--as-of") }
      if first == "rank" && !changesCatalogOrDay {
        EngineExposure.prefetchBundled(asOf: .today())
      } else {
        Catalog.prefetchBundled()
      }
    }
    let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) {
      let hint = Suggestions.hint(for: first, in: names) ?? "run `sovereign --help` to list the commands"
      Terminal.error("unknown command `\(first)`: \(hint)")
      Foundation.exit(ExitStatus.usage)
    }
    await main(arguments)
  }

  /// Whether the subcommand named `first` reads the bundled catalog (a `switch`, not a
  /// `Set<String>`: a set's first use costs a conformance lookup before the decoding starts).
  static func readsBundledCatalog(_ first: String) -> Bool {
    switch first {
    case "rank", "show", "exposure", "compare", "coverage", "providers", "csf", "laws", "capabilities", "serve": return true
    default: return false
    }
  }
}
