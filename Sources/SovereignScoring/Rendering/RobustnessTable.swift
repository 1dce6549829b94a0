import SovereignCatalog

/// The terminal and Markdown renderings of `rank --robustness` and `rank --sweep`: the top
/// offerings with a bar for their first-rank acceptability, and each criterion's sweep.
public enum RobustnessTable {
  /// Offerings listed in tables (the JSON lists every one).
  public static let shown = 10

  /// A bar of `width` cells for a share in [0, 1], in eighths of a cell (`█████▍`).
  public static func bar(_ share: Double, width: Int = 12) -> String {
    let eighths = Int((min(max(share, 0), 1) * Double(width * 8)).rounded())
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
    let text = String(repeating: "█", count: eighths / 8) + partial
    return text + String(repeating: " ", count: width - text.count)
  }

  /// One line on what varied.
  public static func headline(_ report: RobustnessReport) -> String {
    let weights: String =
      switch report.weights {
      case .uniform: "weights uniform on the simplex"
      case .fixed: "weights fixed"
      case .spread(let s): "weights ±\(NumberFormat.short(s * 100, digits: 1)) % around the given ones, renormalised"
      case .order(let order): "weights ordered " + order.map(\.rawValue).joined(separator: " ≥ ")
      }
    let facts = report.unknownFacts.map { "each unknown fact holds with p = \(NumberFormat.short($0, digits: 2))" }
      ?? "unknown facts as the ranking treats them (not varied)"
    return "SMAA-2 (\(report.method.rawValue)): \(report.scenarios) scenarios, seed \(report.seed); \(weights); \(facts)"
  }

  static func central(_ weights: [String: Double]?, criteria: [String]) -> String {
    guard let weights else { return "-" }
    return criteria.map { "\($0.prefix(4)) \(NumberFormat.short(weights[$0] ?? 0, digits: 2))" }.joined(separator: ", ")
  }

  static func rows(_ report: RobustnessReport) -> [[String]] {
    report.offerings.prefix(shown).map { o in
      [
        o.offeringID, bar(o.firstRankAcceptability) + " " + NumberFormat.short(o.firstRankAcceptability),
        NumberFormat.short(o.rankAcceptability.count > 1 ? o.rankAcceptability[1] : 0),
        NumberFormat.short(o.rankAcceptability.count > 2 ? o.rankAcceptability[2] : 0),
        NumberFormat.short(o.eligibility), NumberFormat.short(o.holisticAcceptability),
        o.confidenceFactor.map { NumberFormat.short($0, digits: 3) } ?? "-", o.baselineRank.map(String.init) ?? "excluded",
        central(o.centralWeights, criteria: report.criteria),
      ]
    }
  }

  static let headers = ["offering", "first-rank acceptability b1", "b2", "b3", "P(eligible)", "holistic", "confidence", "baseline rank", "central weights"]

  /// The terminal table.
  public static func render(_ report: RobustnessReport) -> String {
    var out = "\nRobustness. " + headline(report) + "\n"
    guard !report.offerings.isEmpty else { return out + "No offering can pass the gates in any scenario.\n" }
    out += "choice entropy \(NumberFormat.short(report.choiceEntropy, digits: 3)) bits, ranking entropy "
      + "\(NumberFormat.short(report.rankingEntropy, digits: 3)) bits (\(report.distinctRankings) distinct rankings)\n"
    out += TextTable(headers: headers, rows: rows(report)).render()
    if report.offerings.count > shown { out += "(\(report.offerings.count - shown) more offerings: --format json lists every one)\n" }
    let ids = report.pairwise.offeringIDs
    if ids.count > 1 {
      out += "pairwise winning index (share of scenarios in which the row ranks strictly better than the column):\n"
      let numbered = ids.indices.map { "\($0 + 1)" }
      out += TextTable(
        headers: ["", "offering"] + numbered,
        rows: ids.indices.map { a in
          ["\(a + 1)", ids[a]] + ids.indices.map { b in a == b ? "-" : NumberFormat.short(report.pairwise.winningIndex[a][b], digits: 2) }
        }
      ).render()
    }
    return out
  }

  /// The Markdown section.
  public static func markdown(_ report: RobustnessReport) -> String {
    var out = "## Robustness\n\n" + RankingMarkdown.escape(headline(report)) + ".\n\n"
    guard !report.offerings.isEmpty else { return out + "No offering can pass the gates in any scenario.\n\n" }
    out += "Choice entropy \(NumberFormat.short(report.choiceEntropy, digits: 3)) bits, ranking entropy "
      + "\(NumberFormat.short(report.rankingEntropy, digits: 3)) bits (\(report.distinctRankings) distinct rankings).\n\n"
    out += "| " + headers.joined(separator: " | ") + " |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n"
    for row in rows(report) {
      out += "| " + RankingMarkdown.escape(row[0]) + " | `" + row[1] + "` | " + row[2...].map(RankingMarkdown.escape).joined(separator: " | ") + " |\n"
    }
    let ids = report.pairwise.offeringIDs
    if ids.count > 1 {
      out += "\nPairwise winning index (row ranks strictly better than column):\n\n"
      out += "| | " + ids.map(RankingMarkdown.escape).joined(separator: " | ") + " |\n|---|" + String(repeating: "---:|", count: ids.count) + "\n"
      for a in ids.indices {
        out += "| " + RankingMarkdown.escape(ids[a]) + " | "
          + ids.indices.map { b in a == b ? "–" : NumberFormat.short(report.pairwise.winningIndex[a][b], digits: 2) }.joined(separator: " | ") + " |\n"
      }
    }
    return out + "\n"
  }

  static func sweepRows(_ sweeps: [WeightSweepResult]) -> [[String]] {
    func flip(_ f: WeightFlip?) -> String {
      guard let f else { return "-" }
      return f.takers.joined(separator: " = ") + " (tie at \(NumberFormat.short(f.at, digits: 6)): " + f.tied.joined(separator: ", ") + ")"
    }
    return sweeps.map { s in
      [
        s.criterion, NumberFormat.short(s.weight), "[\(NumberFormat.short(s.lower, digits: 6)), \(NumberFormat.short(s.upper, digits: 6))]",
        flip(s.below), flip(s.above),
      ]
    }
  }

  static let sweepHeaders = ["criterion", "weight", "winner stays first for weight in", "below: takes over", "above: takes over"]

  static func sweepHeadline(_ sweeps: [WeightSweepResult]) -> String {
    guard let first = sweeps.first else { return "" }
    return "Weight sweeps: one weight set to t, the others rescaled in proportion; winner \(first.winner)"
      + (first.baselineWinners.count > 1 ? " (tied first with \(first.baselineWinners.filter { $0 != first.winner }.joined(separator: ", ")))" : "")
      + (first.exact ? "; flip points exact (weighted sum)" : "; flip points by bisection to 1e-9 (TOPSIS)")
  }

  /// The terminal table of sweeps.
  public static func render(sweeps: [WeightSweepResult]) -> String {
    guard !sweeps.isEmpty else { return "\nWeight sweeps: no offering passes the gates.\n" }
    return "\n" + sweepHeadline(sweeps) + "\n" + TextTable(headers: sweepHeaders, rows: sweepRows(sweeps)).render()
  }

  /// The Markdown section of sweeps.
  public static func markdown(sweeps: [WeightSweepResult]) -> String {
    var out = "## Weight sweeps\n\n"
    guard !sweeps.isEmpty else { return out + "No offering passes the gates.\n\n" }
    out += RankingMarkdown.escape(sweepHeadline(sweeps)) + ".\n\n| " + sweepHeaders.joined(separator: " | ") + " |\n|---|---:|---|---|---|\n"
    for row in sweepRows(sweeps) { out += "| " + row.map(RankingMarkdown.escape).joined(separator: " | ") + " |\n" }
    return out + "\n"
  }
}
