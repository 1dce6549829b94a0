import ArgumentParser
import Sovereign

/// `--assume ID.FACT=VALUE` (repeatable): what-if values that replace catalog facts. Shared by
/// `rank`, `exposure` and `compare`. Each is checked against the catalog (exit 64 with a
/// did-you-mean or the accepted values); the result marks every line it affects.
struct AssumptionOptions: ParsableArguments {
  @Option(
    name: .customLong("assume"),
    help: ArgumentHelp(
      "What-if: suppose a fact had this value, e.g. clever-cloud-sas.owners_complete=yes or "
        + "clever-cloud-paas-hds.access_countries=FR (repeatable). Entity facts: "
        + AssumableFact.facts(of: .entity).map(\.rawValue).joined(separator: ", ") + ". Offering facts: "
        + AssumableFact.facts(of: .offering).map(\.rawValue).joined(separator: ", ")
        + ". Results resting on an assumption are marked (†; JSON `assumed`); see docs/what-if.md.",
      valueName: "ID.FACT=VALUE"))
  var assume: [String] = []

  /// `catalog` with the assumptions applied (dated `day`), or exit 64 on the first bad one.
  func apply(to catalog: Catalog, on day: CalendarDate) throws -> Catalog {
    guard !assume.isEmpty else { return catalog }
    var parsed: [Assumption] = []
    for text in assume {
      do {
        parsed.append(try Assumption.parse(text, in: catalog))
      } catch {
        Terminal.error(error.description)
        throw ExitCode(ExitStatus.usage)
      }
    }
    return catalog.assuming(parsed, on: day)
  }
}
