import SovereignCatalog

/// The requirements' `evidence` key applied to a gate: a `pass` whose weakest deciding fact rests
/// on a grade below the minimum (or on no source at all) counts as `unknown`, and says why; the
/// unknown policy then applies as to any unknown fact.
///
/// Only the favourable verdict needs the minimum. A `fail` on weaker evidence stays `fail` (shown
/// with its grade): a lead that the offering is reached by a law or lacks a certificate must never
/// let it through as an unknown would under the `tolerant` policy.
///
/// A pass resting on a user's assumption (`--assume`, source kind `assumption`) is let through:
/// the user asked what the verdict would be if that fact were so. It stays marked as assumed
/// (its evidence kind is `assumption`), never as evidence.
struct EvidenceFloor {
  let minimum: EvidenceGrade

  func apply(_ evidence: Evidence<GateVerdict>) -> Evidence<GateVerdict> {
    guard evidence.verdict == .pass, minimum > .secondary else { return evidence }
    let kind = evidence.evidence
    if let kind, kind.grade >= minimum || kind == .assumption { return evidence }
    let basis = kind.map { "\($0.rawValue) evidence (\($0.grade.rawValue) grade)" } ?? "no cited source"
    return Evidence(
      .unknown,
      "would pass on \(basis), below the \(minimum.rawValue) evidence the requirements ask for "
        + "(`evidence: \(minimum.rawValue)`): " + evidence.detail,
      sources: evidence.sources)
  }
}
