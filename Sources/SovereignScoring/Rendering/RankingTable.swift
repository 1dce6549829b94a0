import SovereignCatalog

/// The terminal rendering of a ranking: rank, provider, offering, score; then excluded offerings
/// with the gate that excluded each and its evidence. With `explain`, every gate verdict and every
/// criterion's raw value, normalised value, weight and contribution (TOPSIS: distances).
public enum RankingTable {
  public static func render(_ ranking: Ranking, explain: Bool = false) -> String {
    var out = ""
    if let name = ranking.requirements.name { out += name + "\n" }
    let weights = ranking.criteria.map { "\($0.name) \(NumberFormat.short($0.weight, digits: 3))" }
    out += "method: \(ranking.method.rawValue), \(ranking.method.normalizationName); weights: \(weights.joined(separator: ", "))\n\n"
    let eligible = ranking.eligible
    if eligible.isEmpty {
      out += "No offering passes the gates.\n"
      if !ranking.nearestMisses.isEmpty {
        out += "Nearest misses: \(ranking.nearestMisses.joined(separator: ", "))\n"
      }
    } else {
      let rows = eligible.map {
        ["\($0.rank ?? 0)", $0.providerName, "\($0.offeringName) (\($0.offeringID))", $0.score.map { NumberFormat.short($0) } ?? ""]
      }
      out += TextTable(headers: ["rank", "provider", "offering", "score"], rows: rows).render()
    }
    let excluded = ranking.excluded
    if !excluded.isEmpty {
      out += "\nExcluded (\(excluded.count)):\n"
      for offering in excluded {
        out += "- \(offering.offeringID) (\(offering.providerName)):\n"
        for gate in offering.gates where gate.verdict != .pass {
          out += "    \(gate.gate) \(gate.verdict.rawValue): \(gate.detail)\(sourceSuffix(gate.sources))\n"
        }
      }
    }
    if explain {
      out += "\nExplanations:\n"
      for offering in ranking.offerings {
        out += "\n\(offering.rank.map { "#\($0) " } ?? "")\(offering.offeringID) (\(offering.providerName))"
        out += offering.score.map { " score \(NumberFormat.full($0))" } ?? " excluded"
        out += "\n"
        for gate in offering.gates {
          out += "  gate \(gate.gate): \(gate.verdict.rawValue): \(gate.detail)\(sourceSuffix(gate.sources))\n"
          if let warning = gate.warning { out += "    warning: \(warning)\n" }
        }
        for criterion in offering.criteria {
          var line = "  \(criterion.criterion): raw \(NumberFormat.full(criterion.raw)), normalised \(NumberFormat.full(criterion.normalized)), weight \(NumberFormat.full(criterion.weight))"
          if let contribution = criterion.contribution {
            line += ", contribution \(NumberFormat.full(contribution))"
          } else {
            line += ", weighted \(NumberFormat.full(criterion.weighted))"
            if let ideal = criterion.idealTerm, let anti = criterion.antiIdealTerm {
              line += ", (v-ideal)² \(NumberFormat.full(ideal)), (v-anti-ideal)² \(NumberFormat.full(anti))"
            }
          }
          out += line + "\n    " + criterion.explanation + "\n"
        }
        if let distances = offering.distances {
          out += "  D+ \(NumberFormat.full(distances.toIdeal)), D- \(NumberFormat.full(distances.toAntiIdeal)), score = D-/(D+ + D-)\n"
        } else if offering.score != nil {
          out += "  score = sum of the contributions\n"
        }
        for flag in offering.flags { out += "  flag: \(flag)\n" }
      }
    }
    return out
  }

  static func sourceSuffix(_ sources: [Source]) -> String {
    sources.isEmpty ? "" : " [" + sources.map(\.url).joined(separator: ", ") + "]"
  }
}
