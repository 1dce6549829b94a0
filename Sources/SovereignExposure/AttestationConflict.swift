import SovereignCatalogCore

/// A sourced fact that contradicts what a current SecNumCloud qualification attests.
///
/// A qualification attests all of § 19.6 (no non-EU control, no non-EU third-party access) and
/// § 19.2. When a sub-criterion of the 19.6 check *fails on the catalog's own sourced facts*
/// (e.g. Cloud Temple's freelance engineers in Tunisia with access to the data, against § 19.6 c)
/// the two disagree. **Rule** (``AttestationConflict/rule``): the specific sourced fact wins over
/// the general attestation, and a contradicted attestation settles nothing else for that offering:
/// the laws and the 19.6 sub-criteria are judged on the catalog's facts alone (so a doubt it would
/// have settled stays `unknown`). Reason: a wrong "not exposed" is the worst error this tool can
/// make, and a qualification contradicted on one point is not evidence on the others (its scope or
/// the catalog's reading of it may differ from the service described). The qualification itself
/// stays a fact: the `secnumcloud` gate still passes on it.
public struct AttestationConflict: Sendable, Hashable, Codable {
  /// The sub-criterion in dispute, e.g. `19.6-c-third-party-access`.
  public var subject: String
  /// What the sourced fact says.
  public var fact: String
  public var factSources: [Source]
  /// What the qualification attests.
  public var attestation: String
  public var attestationSources: [Source]
  /// How the conflict was decided.
  public var decision: String

  /// The documented rule, printed with every conflict.
  public static let rule =
    "the specific sourced fact wins over the general attestation, and the contradicted attestation settles no other doubt for this offering"

  enum CodingKeys: String, CodingKey {
    case subject, fact
    case factSources = "fact_sources"
    case attestation
    case attestationSources = "attestation_sources"
    case decision
  }

  /// The conflicts between a current qualification and a 19.6 check computed on the catalog's
  /// facts; empty when the offering has no current qualification or no sub-criterion fails.
  static func find(in check: SecNumCloudEligibility, qualificationSources: [Source]) -> [AttestationConflict] {
    check.criteria.filter { $0.verdict == .fail }.map { criterion in
      AttestationConflict(
        subject: criterion.id, fact: criterion.detail, factSources: criterion.sources,
        attestation: "The offering's current SecNumCloud qualification attests § \(criterion.id.split(separator: "-").prefix(2).joined(separator: " ")): \(criterion.requirement)",
        attestationSources: qualificationSources,
        decision: "\(criterion.id) fails on the sourced fact; the qualification is not used as evidence for this offering's laws or other 19.6 sub-criteria (rule: \(rule)).")
    }
  }
}
