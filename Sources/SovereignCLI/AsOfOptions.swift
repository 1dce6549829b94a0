import ArgumentParser
import Sovereign

/// `--as-of DATE`: the day facts are judged against (certificate validity, staleness, derivations).
/// Shared by `rank`, `show` and `exposure` (and any command that judges facts at a date).
struct AsOfOptions: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "Judge facts as of this day (YYYY-MM-DD): certificate validity, staleness, derivations. Default: today.",
      valueName: "DATE"))
  var asOfText: String?

  func validate() throws {
    if let asOfText, CalendarDate(iso: asOfText) == nil {
      throw ValidationError("--as-of expects a date as YYYY-MM-DD, e.g. 2026-11-29; got `\(asOfText)`")
    }
  }

  /// The chosen day, or today.
  var date: CalendarDate { asOfText.flatMap(CalendarDate.init(iso:)) ?? .today() }
}
