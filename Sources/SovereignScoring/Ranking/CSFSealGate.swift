import SovereignCSF
import SovereignCatalog

/// The `csf_min_seal` and `csf_min_seal_overall` gates: the SEAL the EU Cloud Sovereignty
/// Framework gives an objective (the lowest SEAL of its answers) or the offering (the lowest
/// objective SEAL) must reach a minimum.
///
/// The catalog's facts decide some answers and narrow others (``CSFAssessment``), so a SEAL is a
/// range: it passes when even its lowest possible value reaches the minimum, fails when even its
/// highest does not (the answers that cap it are the evidence), and is unknown otherwise. Where
/// the facts leave it open, a SEAL the provider claims in its published self-assessment decides,
/// at the grade of that publication (its own reading, shown as such).
struct CSFSealGate {
  /// At most this many open criteria are listed as missing facts.
  static let listedOpenCriteria = 8

  /// `objective` nil: the overall SEAL.
  static func evaluate(
    _ offering: Offering, objective: String?, minimum: Int, assessment: CSFAssessment?
  ) -> Evidence<GateVerdict> {
    guard let assessment else {
      return Evidence(
        .unknown, "the EU Cloud Sovereignty Framework data (data/csf/) is not available to this ranking",
        missingFacts: [])
    }
    let criteria: [CSFResult.CriterionResult]
    let range: CSFSealRange
    let label: String
    let claimed: Int?
    if let objective {
      guard let result = assessment.result.objectives.first(where: { $0.objective.id == objective }) else {
        return Evidence(.unknown, "the CSF framework has no objective \(objective)")
      }
      criteria = result.criteria
      range = result.seal
      label = "\(objective) \(result.objective.name)"
      claimed = assessment.selfAssessment?.seals[objective]
    } else {
      criteria = assessment.result.objectives.flatMap(\.criteria)
      range = assessment.result.seal
      label = "overall"
      claimed = assessment.selfAssessment?.overallSeal
    }
    let possible = range.value.map { "SEAL \($0)" } ?? "SEAL \(range.low)-\(range.high) possible"
    let ids = Set(criteria.map(\.criterion.id))
    let weak = assessment.belowMinimum.filter(ids.contains)
    let dropped =
      weak.isEmpty ? "" : " (answers derived from evidence below the required grade count only as ceilings: \(weak.joined(separator: ", ")))"

    if range.low >= minimum {
      // The deciding answers are those the facts had to narrow: a criterion none of whose
      // answers is below the minimum passes by the framework itself (its source decides).
      let narrowed = criteria.filter { ($0.criterion.answers.map(\.seal).min() ?? 0) < minimum }
      let sources = narrowed.isEmpty ? [assessment.frameworkSource] : narrowed.flatMap(CSFAssessment.sources).uniqueCitations()
      return Evidence(
        .pass, "CSF \(label): \(possible), required \(minimum) or more; " + criteria.map(CSFAssessment.describe).joined(separator: "; "),
        sources: sources, evidence: SourceKind.weakest(sources.map(\.kind)))
    }
    if range.high < minimum {
      let capping = criteria.filter { $0.seal.high < minimum }
      let sources = capping.flatMap(CSFAssessment.sources).uniqueCitations()
      return Evidence(
        .fail,
        "CSF \(label): SEAL at most \(range.high), below the required \(minimum): "
          + capping.map(CSFAssessment.describe).joined(separator: "; "),
        sources: sources, evidence: SourceKind.weakest(sources.map(\.kind)))
    }
    if let claimed, let publication = assessment.selfAssessment?.source {
      let words =
        "CSF \(label): the provider's published self-assessment claims SEAL \(claimed) (its own reading, not derived from the catalog's facts, which leave \(possible))"
      return claimed >= minimum
        ? Evidence(.pass, words + "; required \(minimum) or more", sources: [publication], evidence: publication.kind)
        : Evidence(.fail, words + ", below the required \(minimum)", sources: [publication], evidence: publication.kind)
    }
    let open = criteria.filter { $0.seal.low < minimum }
    var missing = open.prefix(listedOpenCriteria).map { criterion in
      "the answer to \(criterion.criterion.id) (\(criterion.criterion.title)) for \(offering.name) [\(offering.id)]: SEAL \(criterion.seal.low)-\(criterion.seal.high) possible"
    }
    if open.count > listedOpenCriteria {
      missing.append("and \(open.count - listedOpenCriteria) more CSF answers (run `sovereign csf \(offering.id)`)")
    }
    return Evidence(
      .unknown,
      "CSF \(label): \(possible), required \(minimum) or more; \(open.count) of \(criteria.count) answers could still be below it" + dropped,
      sources: criteria.flatMap(CSFAssessment.sources).uniqueCitations(), missingFacts: missing)
  }
}
