/// The soft criteria a requirements file can weight. Each is a documented function of catalog
/// facts giving a raw value in [0, 1] per offering (see ``CriterionEvaluator`` and `docs/ranking.md`).
public enum CriterionKind: String, Sendable, Hashable, Codable, CaseIterable {
  case sovereignty, certifications, capabilities, openness
  /// The EU Cloud Sovereignty Framework's Sovereignty Score (docs/csf.md).
  case csfScore = "csf_score"

  /// All criteria are benefits: a higher raw value is better.
  public var direction: CriterionDirection { .benefit }

  /// One line on what the raw value measures.
  public var summary: String {
    switch self {
    case .sovereignty:
      "mean of: the catalog's extraterritorial non-EU laws (each not exposed 1, unknown 0.5, exposed 0); SecNumCloud 19.6 ownership check (pass 1, unknown 0.5, fail 0); contracting entity's seat in the EU; its headquarters in the EU (each EU 1, unknown 0.5, outside 0; both 0 when a foreign law reaches the offering)"
    case .certifications:
      "mean of: HDS activities certified out of 6 (not certified or expired 0, unknown 0.5); SecNumCloud (qualified 1, in progress 0.5, unknown 0.5, none or expired 0); other schemes certified (up to 4)"
    case .capabilities:
      "mean over the nice_to_have capabilities: listed 1, not listed 0.5 (not known either way); 1 when nice_to_have is empty"
    case .openness:
      "mean of: open-source stack (yes 1, unknown 0.5, no 0); portability (lists a capability with an open standard interface 1, none listed 0.5: kubernetes, object-storage, managed-postgresql, managed-mysql, private-cloud-openstack)"
    case .csfScore:
      "EU Cloud Sovereignty Framework Sovereignty Score / 100 with the `csf` profile and divisor, from the answers catalog facts decide (docs/csf.md); an undecided answer counts the middle of its possible points, bounds with its worst / best answer"
    }
  }
}
