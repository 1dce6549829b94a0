import Foundation
import SovereignCatalog
import SovereignExposure

/// The terminal rendering of a ranking: rank, provider, offering, score; then excluded offerings
/// with the gate that excluded each and its evidence. With `explain`, every gate verdict and every
/// criterion's raw value, normalised value, weight and contribution (TOPSIS: distances).
public enum RankingTable {
  public static func render(_ ranking: Ranking, explain: Bool = false, order: RankingOrder = .standing) -> String {
    var out = ""
    if let name = ranking.requirements.name { out += name + "\n" }
    let weights = ranking.criteria.map { "\($0.name) \(NumberFormat.short($0.weight, digits: 3))" }
    out += "method: \(ranking.method.rawValue), \(ranking.method.normalizationName); weights: \(weights.joined(separator: ", "))\n"
    out += "as of \(ranking.date): \(ranking.summary.headline)\n"
    out += AssumptionLegend.lines(ranking.assumptions).map { $0 + "\n" }.joined() + "\n"
    let eligible = ranking.eligible
    if eligible.isEmpty {
      out += "No offering passes the gates.\n"
    } else {
      let groups: [(String?, [RankedOffering])] =
        order == .score
        ? [(nil, eligible)]
        : [
          ("Proven (every gate passes on facts): \(ranking.proven.count)", ranking.proven),
          ("Unverified (pass only because unknown facts are tolerated): \(ranking.unverified.count)", ranking.unverified),
        ]
      for (title, members) in groups where !members.isEmpty {
        if let title { out += title + "\n" }
        let tolerated = members.contains { $0.gates.contains { $0.warning != nil } }
        let rows = members.map { offering in
          var row = [
            "\(order == .score ? offering.rank ?? 0 : RankingOrder.groupRank(offering, in: members))", offering.providerName,
            "\(offering.offeringName) (\(offering.offeringID))" + AssumptionLegend.suffix(offering.assumed),
            offering.score.map { NumberFormat.short($0) } ?? "", Self.bounds(offering), Self.separability(offering),
          ]
          if tolerated { row.append(Self.unverified(offering)) }
          return row
        }
        let headers =
          ["rank", "provider", "offering", "score", "bounds [worst, best]", "not separable from"]
          + (tolerated ? ["unverified (tolerant policy)"] : [])
        out += TextTable(headers: headers, rows: rows).render() + "\n"
      }
      if eligible.contains(where: { $0.gates.contains { $0.warning != nil } }) {
        out += "warning: the gates listed as unverified passed only because the `tolerant` policy lets unknown facts pass; check them before relying on the ranking (--explain shows why each is unknown).\n"
      }
      if eligible.contains(where: { !$0.notSeparableFrom.isEmpty }) {
        out += "note: offerings whose score bounds overlap cannot be told apart by the facts (\"not separable from\": how many others overlap; --format json lists them).\n"
      }
    }
    for note in ranking.notes {
      out += "note: \(note)\n"
      for offering in eligible {
        let values = offering.criteria.map { "\($0.criterion) \(NumberFormat.full($0.raw))" + ($0.rawWorst == $0.rawBest ? "" : " [\(NumberFormat.full($0.rawWorst)), \(NumberFormat.full($0.rawBest))]") }
        out += "  \(offering.offeringID): raw \(values.joined(separator: ", "))\n"
      }
    }
    let certificates = ranking.offerings.filter { $0.flags.contains { $0.hasPrefix("expiring:") || $0.hasPrefix("expired:") } }
    if !certificates.isEmpty {
      out += "\nCertificates expired or expiring within 90 days of \(ranking.date):\n"
      for offering in certificates {
        for flag in offering.flags where flag.hasPrefix("expiring:") || flag.hasPrefix("expired:") {
          out += "- \(offering.offeringID): \(flag)\n"
        }
      }
    }
    let conflicted = ranking.offerings.filter { !$0.conflicts.isEmpty }
    if !conflicted.isEmpty {
      out += "\nConflicts between sourced facts and SecNumCloud qualifications (rule: \(AttestationConflict.rule)):\n"
      for offering in conflicted {
        for conflict in offering.conflicts {
          out += "- \(offering.offeringID), \(conflict.subject):\n"
          out += "    fact: \(conflict.fact)\(sourceSuffix(conflict.factSources))\n"
          out += "    attestation: \(conflict.attestation)\(sourceSuffix(conflict.attestationSources))\n"
          out += "    decision: \(conflict.decision)\n"
        }
      }
    }
    if !ranking.misses.isEmpty {
      out += "\nNearest misses: \(ranking.nearestMisses.joined(separator: ", "))\n"
      for miss in ranking.misses {
        out += "- \(miss.offeringID) (\(miss.providerName)): \(miss.failed.count) failed\(miss.failed.isEmpty ? "" : " (" + miss.failed.joined(separator: ", ") + ")"), \(miss.unknown.count) unknown\(miss.unknown.isEmpty ? "" : " (" + miss.unknown.joined(separator: ", ") + ")")\n"
        for fact in miss.toKnow {
          out += "    to know (\(fact.gate)): \(fact.fact); usually published in \(fact.usuallyPublishedIn)\n"
        }
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
            out += "    \(gate.gate) unknown\(AssumptionLegend.suffix(gate.assumed)): \(brief(gate.detail))\n"
          } else {
            out += "    \(gate.gate) \(gate.gradedVerdict)\(AssumptionLegend.suffix(gate.assumed)): \(gate.detail)\(sourceSuffix(gate.sources))\n"
          }
        }
      }
    }
    if explain {
      out += "\nExplanations:\n"
      for offering in ranking.offerings {
        out += "\n\(offering.rank.map { "#\($0) " } ?? "")\(offering.offeringID) (\(offering.providerName))"
        out += offering.score.map { " score \(NumberFormat.full($0))" } ?? " excluded"
        out += " (\(offering.standing.rawValue))"
        if let bounds = offering.bounds { out += ", bounds [\(NumberFormat.full(bounds.worst)), \(NumberFormat.full(bounds.best))]" }
        if !offering.notSeparableFrom.isEmpty { out += ", not separable from \(offering.notSeparableFrom.joined(separator: ", "))" }
        out += "\n"
        for gate in offering.gates {
          out += "  gate \(gate.gate): \(gate.gradedVerdict)\(AssumptionLegend.suffix(gate.assumed)): \(gate.detail)\(sourceSuffix(gate.sources))\n"
          if let warning = gate.warning { out += "    warning: \(warning)\n" }
        }
        for criterion in offering.criteria {
          var line = "  \(criterion.criterion): raw \(NumberFormat.full(criterion.raw))"
          if criterion.rawWorst != criterion.rawBest {
            line += " [\(NumberFormat.full(criterion.rawWorst)), \(NumberFormat.full(criterion.rawBest))]"
          }
          line += ", normalised \(NumberFormat.full(criterion.normalized)), weight \(NumberFormat.full(criterion.weight))"
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

  /// `[0.2500, 0.7500]`, or empty when excluded.
  static func bounds(_ offering: RankedOffering) -> String {
    offering.bounds.map { "[\(NumberFormat.short($0.worst)), \(NumberFormat.short($0.best))]" } ?? ""
  }

  /// How many ranked offerings this one cannot be told apart from by the facts.
  static func separability(_ offering: RankedOffering) -> String {
    offering.notSeparableFrom.isEmpty ? "-" : "\(offering.notSeparableFrom.count) other\(offering.notSeparableFrom.count == 1 ? "" : "s")"
  }

  /// The gates an offering passed only under the tolerant policy, comma-separated.
  static func unverified(_ offering: RankedOffering) -> String {
    offering.gates.filter { $0.warning != nil }.map(\.gate).joined(separator: ", ")
  }

  static func sourceSuffix(_ sources: [Source]) -> String {
    sources.isEmpty ? "" : " [" + sources.map(\.url).joined(separator: ", ") + "]"
  }
}
