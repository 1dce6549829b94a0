import Foundation

/// The JSON export of a ranking: pretty-printed, keys sorted (stable diffs), numbers at full
/// precision. Fields are documented in `docs/ranking.md`; `schema_version` changes only with an
/// incompatible layout change.
public enum RankingJSON {
  public static func render(_ ranking: Ranking) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(ranking), as: UTF8.self) + "\n"
  }
}
