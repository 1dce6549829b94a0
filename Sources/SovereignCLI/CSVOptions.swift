import ArgumentParser
import Sovereign

/// `--delimiter`, `--bom`, `--excel`: how `rank --format csv` writes its file.
struct CSVOptions: ParsableArguments {
  @Option(help: ArgumentHelp("CSV field separator: one character, e.g. ';' for a spreadsheet in a French locale.", valueName: "CHAR"))
  var delimiter: String = ","

  @Flag(help: "Start the CSV with a UTF-8 byte order mark (Excel then reads accents correctly).")
  var bom = false

  @Flag(help: "CSV for Excel in a French (or other semicolon) locale: --delimiter ';' --bom, and numbers with a decimal comma.")
  var excel = false

  /// Refuses a delimiter that is not exactly one ASCII character other than a quote or a line break,
  /// and the CSV options with another format (`isCSV` false).
  func check(isCSV: Bool) throws {
    if !isCSV && (delimiter != "," || bom || excel) {
      throw ValidationError("--delimiter, --bom and --excel apply to --format csv only")
    }
    guard delimiter.count == 1, let character = delimiter.first, character.isASCII, !"\"\r\n".contains(character) else {
      throw ValidationError("--delimiter must be one ASCII character other than a double quote or a line break, e.g. ';'")
    }
    if excel && delimiter != "," && delimiter != ";" {
      throw ValidationError("--excel sets --delimiter ';'; do not give another delimiter with it")
    }
  }

  var options: RankingCSV.Options {
    RankingCSV.Options(delimiter: excel ? ";" : delimiter.first ?? ",", byteOrderMark: bom || excel, decimalComma: excel)
  }
}
