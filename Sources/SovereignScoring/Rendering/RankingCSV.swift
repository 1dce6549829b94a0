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
public enum RankingCSV {
  public static let header = [
    "rank", "provider_id", "provider_name", "offering_id", "offering_name", "score", "eligible", "reasons",
    "as_of", "standing", "score_worst", "score_best", "flags",
  ]

  public static func render(_ ranking: Ranking) -> String {
    var writer = CSVWriter()
    writer.write(header.map(CSVWriter.Cell.text))
    for offering in ranking.offerings {
      writer.write([
        .number(offering.rank.map(String.init) ?? ""),
        .text(offering.providerID),
        .text(offering.providerName),
        .text(offering.offeringID),
        .text(offering.offeringName),
        .number(offering.score.map(NumberFormat.full) ?? ""),
        .text(offering.eligible ? "true" : "false"),
        .text(offering.reasons.joined(separator: "; ")),
        .text("\(ranking.date)"),
        .text(offering.standing.rawValue),
        .number(offering.bounds.map { NumberFormat.full($0.worst) } ?? ""),
        .number(offering.bounds.map { NumberFormat.full($0.best) } ?? ""),
        .text(offering.flags.joined(separator: "; ")),
      ])
    }
    return writer.output
  }
}
