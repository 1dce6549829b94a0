/// The soft criteria a requirements file can weight. Each is a documented function of catalog
/// facts giving a raw value in [0, 1] per offering (see ``CriterionEvaluator`` and `docs/ranking.md`).
public enum CriterionKind: String, Sendable, Hashable, Codable, CaseIterable {
  case sovereignty, certifications, capabilities, openness

  /// All criteria are benefits: a higher raw value is better.
  public var direction: CriterionDirection { .benefit }

  /// One line on what the raw value measures.
  public var summary: String {
    switch self {
    case .sovereignty:
      "mean of: share of the catalog's extraterritorial non-EU laws known not to reach the offering; SecNumCloud 19.6 ownership check passed; contracting entity's seat in the EU; its headquarters in the EU"
    case .certifications:
      "mean of: HDS activities certified (out of 6, valid certificate); SecNumCloud (qualified 1, in progress 0.5); other schemes certified (up to 4)"
    case .capabilities:
      "share of the nice_to_have capabilities the offering lists (1 when nice_to_have is empty)"
    case .openness:
      "mean of: open-source stack (yes 1, no or unknown 0); portability (lists a capability with an open standard interface: kubernetes, object-storage, managed-postgresql, managed-mysql, private-cloud-openstack)"
    }
  }
}
