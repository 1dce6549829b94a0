import ArgumentParser

/// `--wide`: shared by the commands whose tables are fitted to the terminal's width.
struct TableLayoutOptions: ParsableArguments {
  @Flag(help: "Print everything in full, without fitting the terminal's width (COLUMNS, else the terminal's, else 100).")
  var wide = false

  /// The width to fit, or nil with `--wide`.
  var width: Int? { wide ? nil : Terminal.width }
}
