import SovereignCatalog

/// The CSV export of a ranking (RFC 4180: CRLF, quoting, UTF-8; formula-like text cells
/// neutralised with a leading apostrophe by ``CSVWriter``).
///
/// Header `rank,provider_id,provider_name,offering_id,offering_name,score,eligible,reasons`; one
/// row per offering, eligible ones first in rank order; `rank` and `score` empty for excluded
/// offerings; `eligible` `true`/`false`; `reasons` the failed or unknown gates, joined by `; `.
public enum RankingCSV {
  public static let header = [
    "rank", "provider_id", "provider_name", "offering_id", "offering_name", "score", "eligible", "reasons",
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
      ])
    }
    return writer.output
  }
}
