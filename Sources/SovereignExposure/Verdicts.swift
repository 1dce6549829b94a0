/// Whether a law reaches an offering.
public enum ExposureVerdict: String, Sendable, Hashable, Codable, CaseIterable {
  /// A sourced path of facts brings the offering within the law's reach.
  case exposed
  /// Every fact needed was found and none brings the offering within reach.
  case notExposed = "not-exposed"
  /// A fact needed to decide is missing (named in ``LawExposure/missingFacts``). Never read as "not exposed".
  case unknown
}

/// The outcome of one check (e.g. a SecNumCloud 19.6 sub-criterion).
public enum CheckVerdict: String, Sendable, Hashable, Codable, CaseIterable {
  case pass, fail, unknown

  /// `fail` if any fails, else `unknown` if any is unknown, else `pass` (an empty list passes).
  public static func combine(_ verdicts: some Sequence<CheckVerdict>) -> CheckVerdict {
    var result = CheckVerdict.pass
    for verdict in verdicts {
      if verdict == .fail { return .fail }
      if verdict == .unknown { result = .unknown }
    }
    return result
  }
}
