import Foundation
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
      let tolerated = eligible.contains { $0.gates.contains { $0.warning != nil } }
      let rows = eligible.map { offering in
        var row = [
          "\(offering.rank ?? 0)", offering.providerName, "\(offering.offeringName) (\(offering.offeringID))",
          offering.score.map { NumberFormat.short($0) } ?? "",
        ]
        if tolerated { row.append(Self.unverified(offering)) }
        return row
      }
      let headers = ["rank", "provider", "offering", "score"] + (tolerated ? ["unverified (tolerant policy)"] : [])
      out += TextTable(headers: headers, rows: rows).render()
      if tolerated {
        out += "\nwarning: the gates listed as unverified passed only because the `tolerant` policy lets unknown facts pass; check them before relying on the ranking (--explain shows why each is unknown).\n"
      }
    }
    let excluded = ranking.excluded
    if !excluded.isEmpty {
      out += "\nExcluded (\(excluded.count)):\n"
      for offering in excluded {
        out += "- \(offering.offeringID) (\(offering.providerName)):\n"
        for gate in offering.gates where gate.verdict != .pass {
          // A failure shows its whole evidence; an unknown is summed up (--explain has it all).
          if gate.verdict == .unknown && !explain {
            out += "    \(gate.gate) unknown: \(brief(gate.detail))\n"
          } else {
            out += "    \(gate.gate) \(gate.gradedVerdict): \(gate.detail)\(sourceSuffix(gate.sources))\n"
          }
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
          out += "  gate \(gate.gate): \(gate.gradedVerdict): \(gate.detail)\(sourceSuffix(gate.sources))\n"
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

  /// The start of an unknown gate's detail: what cannot be decided, without the list of missing
  /// facts, cut at a sentence end near 200 characters.
  static func brief(_ detail: String) -> String {
    var text = detail
    if let range = text.range(of: " Missing: ") { text = String(text[..<range.lowerBound]) }
    guard text != detail || text.count > 200 else { return detail }
    if text.count > 200 {
      let head = String(text.prefix(200))
      if let end = head.range(of: ". ", options: .backwards) {
        text = String(head[..<end.lowerBound]) + ". …"
      } else {
        text = head + "…"
      }
    }
    return text + " (--explain lists the missing facts)"
  }

  /// The gates an offering passed only under the tolerant policy, comma-separated.
  static func unverified(_ offering: RankedOffering) -> String {
    offering.gates.filter { $0.warning != nil }.map(\.gate).joined(separator: ", ")
  }

  static func sourceSuffix(_ sources: [Source]) -> String {
    sources.isEmpty ? "" : " [" + sources.map(\.url).joined(separator: ", ") + "]"
  }
}
