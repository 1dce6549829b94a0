/// Applies the requirements' ``Requirements/UnknownPolicy`` to a gate verdict.
///
/// - `strict`: an unknown verdict becomes `fail` (detail says it was unknown).
/// - `conservative`: stays `unknown`; the offering is excluded.
/// - `tolerant`: stays `unknown` with a warning; the offering stays eligible.
enum UnknownPolicyApplication {
  static func apply(_ policy: Requirements.UnknownPolicy, gate: String, evidence: Evidence<GateVerdict>) -> GateResult {
    guard evidence.verdict == .unknown else { return GateResult(gate: gate, evidence: evidence) }
    switch policy {
    case .strict:
      var failed = evidence
      failed.verdict = .fail
      failed.evidence = nil  // failed for want of a fact, not on evidence
      failed.detail = "unknown, so failed under the strict policy: " + evidence.detail
      return GateResult(gate: gate, evidence: failed, factVerdict: .unknown)
    case .conservative:
      return GateResult(gate: gate, evidence: evidence)
    case .tolerant:
      return GateResult(
        gate: gate, evidence: evidence,
        warning: "passed under the tolerant policy although the fact is unknown; check it before relying on it")
    }
  }
}
