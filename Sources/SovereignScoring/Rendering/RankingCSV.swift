import SovereignCatalog

/// The CSV export of a ranking (RFC 4180: CRLF, quoting, UTF-8; formula-like text cells
/// neutralised with a leading apostrophe by ``CSVWriter``).
///
/// Header `rank,provider_id,provider_name,offering_id,offering_name,score,eligible,reasons`; one
/// row per offering, eligible ones first in rank order; `rank` and `score` empty for excluded
/// offerings; `eligible` `true`/`false`; `reasons` the failed or unknown gates, joined by `; `.
/// Then (added columns, at the end): `as_of` the evaluation date, `standing` (`proven`,
/// `unverified`, `excluded-by-fact`, `excluded-by-unknown`), `score_worst` and `score_best` (the
/// bounds; empty when excluded), `flags` (expired / expiring certificates, stale sources, `; `).
/// Then one column per gate the requirements set, in the gates' order, named by
/// ``gateColumn(_:)`` (`residency`, `hds`, `secnumcloud`, `cloud_act`, `fisa_702`, `secnumcloud_19_6`,
/// `service_types`, `capabilities`), each cell `pass`, `fail` or `unknown`.
///
/// A `reasons` cell longer than ``Options/reasonsLimit`` characters is cut and ends with
/// ``truncationMark``; the full text is in `--format json` (`offerings[].gates[].detail`).
public enum RankingCSV {
  public static let header = [
    "rank", "provider_id", "provider_name", "offering_id", "offering_name", "score", "eligible", "reasons",
    "as_of", "standing", "score_worst", "score_best", "flags",
  ]

  /// Ends a `reasons` cell that was cut.
  public static let truncationMark = " … [cut; full text in --format json]"

  /// How the CSV is written.
  public struct Options: Sendable, Hashable {
    /// The field separator: `,` by default, `;` for a spreadsheet in a French (or German ...) locale.
    public var delimiter: Character
    /// Start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8.
    public var byteOrderMark: Bool
    /// The most characters a `reasons` cell keeps (nil: no limit).
    public var reasonsLimit: Int?
    /// Write numbers with a decimal comma (`0,5346`), as a spreadsheet in a French locale reads them.
    public var decimalComma: Bool

    /// The default `reasons` limit.
    public static let defaultReasonsLimit = 500

    public init(
      delimiter: Character = ",", byteOrderMark: Bool = false, reasonsLimit: Int? = defaultReasonsLimit, decimalComma: Bool = false
    ) {
      self.delimiter = delimiter
      self.byteOrderMark = byteOrderMark
      self.reasonsLimit = reasonsLimit
      self.decimalComma = decimalComma && delimiter != ","
    }

    /// What Excel in a French locale opens in columns, with numbers it reads as numbers: `;`, a
    /// byte order mark and decimal commas.
    public static let excel = Options(delimiter: ";", byteOrderMark: true, decimalComma: true)

    /// `text` (a number written with a point) as this CSV writes numbers.
    func number(_ text: String) -> String { decimalComma ? String(text.map { $0 == "." ? "," : $0 }) : text }
  }

  /// The column name of a gate: the gate id with `immune_to:` and the law id's two-letter
  /// jurisdiction prefix dropped, and every character other than a letter, digit or `_` written
  /// `_` (`immune_to:us-cloud-act` → `cloud_act`, as the issue that asked for these columns names
  /// it; `immune_to:us-fisa-702` → `fisa_702`).
  public static func gateColumn(_ gate: String) -> String {
    var name = gate
    if gate.hasPrefix("immune_to:") {
      name = String(gate.dropFirst("immune_to:".count))
      let parts = name.split(separator: "-", maxSplits: 1)
      if parts.count == 2, parts[0].count == 2, parts[0].allSatisfy(\.isLetter) { name = String(parts[1]) }
    }
    return String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
  }

  /// The gate ids of a ranking, in the order the gates are evaluated.
  static func gates(of ranking: Ranking) -> [String] {
    var seen: [String] = []
    for offering in ranking.offerings {
      for gate in offering.gates where !seen.contains(gate.gate) { seen.append(gate.gate) }
    }
    return seen
  }

  /// `reasons` cut to `limit` characters (the mark included) when longer.
  static func cap(_ text: String, limit: Int?) -> String {
    guard let limit, text.count > limit else { return text }
    return String(text.prefix(max(0, limit - truncationMark.count))) + truncationMark
  }

  public static func render(_ ranking: Ranking, options: Options = Options()) -> String {
    var writer = CSVWriter(delimiter: options.delimiter)
    let gates = gates(of: ranking)
    writer.write((header + gates.map(gateColumn)).map(CSVWriter.Cell.text))
    // Each row depends on its offering alone (its reasons are most of the text): written on all
    // cores for a ranking of some size, then put together in order.
    let offerings = ranking.offerings
    let rows = InterleavedMap.map(offerings.count, workers: InterleavedMap.workers(forItems: offerings.count)) { k -> String in
      let offering = offerings[k]
      var row = CSVWriter(delimiter: options.delimiter)
      let verdicts = gates.map { id in offering.gates.first { $0.gate == id }?.verdict.rawValue ?? "" }
      row.write(
        [
          .number(offering.rank.map(String.init) ?? ""),
          .text(offering.providerID),
          .text(offering.providerName),
          .text(offering.offeringID),
          .text(offering.offeringName),
          .number(options.number(offering.score.map(NumberFormat.full) ?? "")),
          .text(offering.eligible ? "true" : "false"),
          .text(cap(offering.reasons.joined(separator: "; "), limit: options.reasonsLimit)),
          .text("\(ranking.date)"),
          .text(offering.standing.rawValue),
          .number(options.number(offering.bounds.map { NumberFormat.full($0.worst) } ?? "")),
          .number(options.number(offering.bounds.map { NumberFormat.full($0.best) } ?? "")),
          .text(offering.flags.joined(separator: "; ")),
        ] + verdicts.map(CSVWriter.Cell.text))
      return row.output
    }
    return (options.byteOrderMark ? "\u{FEFF}" : "") + writer.output + rows.joined()
  }
}
