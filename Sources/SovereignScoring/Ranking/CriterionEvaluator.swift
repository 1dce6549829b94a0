import SovereignCSF
import SovereignCatalog

/// The raw value of a criterion for one offering: a number in [0, 1] (higher is better), how it
/// was computed, and the sources of the facts used. Definitions: ``CriterionKind/summary`` and
/// `docs/ranking.md`. Every fact earns three-valued credit (``Credit``): known bad 0, unknown 0.5,
/// known good 1, so an unknown never earns the favourable answer and a known bad fact never
/// scores like an unknown. `worst` and `best` are the raw value if every unknown fact behind it
/// were bad / good; they equal `raw` when nothing is unknown.
public struct CriterionValue: Sendable, Hashable {
  public var raw: Double
  public var explanation: String
  public var sources: [Source]
  public var worst: Double
  public var best: Double
  /// The unknown facts behind the value (see ``Credit/unknowns``): `worst + Σ gain` over the terms
  /// whose facts hold is the value once the facts are resolved.
  public var unknowns: [UnknownTerm] = []

  public init(raw: Double, explanation: String, sources: [Source], worst: Double? = nil, best: Double? = nil) {
    self.raw = raw
    self.explanation = explanation
    self.sources = sources
    self.worst = worst ?? raw
    self.best = best ?? raw
  }

  init(_ credit: Credit, explanation: String, sources: [Source]) {
    self.init(raw: credit.value, explanation: explanation, sources: sources, worst: credit.worst, best: credit.best)
    unknowns = credit.unknowns
  }
}

/// Computes ``CriterionValue``s from catalog facts and the exposure engine.
struct CriterionEvaluator {
  let catalog: Catalog
  let exposure: any ExposureAssessing
  let today: CalendarDate
  /// The EU Cloud Sovereignty Framework assessment of each offering, by id (filled only when the
  /// requirements have a CSF gate or criterion).
  var csf: [String: CSFAssessment] = [:]

  /// Capabilities with an open standard interface, used as the portability proxy of `openness`.
  static let portableCapabilities = [
    "kubernetes", "object-storage", "managed-postgresql", "managed-mysql", "private-cloud-openstack",
  ]

  func value(_ kind: CriterionKind, for offering: Offering, requirements: Requirements) -> CriterionValue {
    switch kind {
    case .sovereignty: sovereignty(offering)
    case .certifications: certifications(offering)
    case .capabilities: capabilities(offering, wanted: requirements.niceToHave)
    case .openness: openness(offering)
    case .csfScore: csfScore(offering, settings: requirements.effectiveCSF)
    }
  }

  /// Extraterritorial laws of non-EU jurisdictions in the catalog.
  var foreignLaws: [Law] {
    catalog.laws.filter { law in law.extraterritorial && !law.jurisdiction.allSatisfy { catalog.isEU($0) } }
  }

  static func credit(_ verdict: ReachVerdict, fact: String) -> Credit {
    switch verdict {
    case .notExposed: .good
    case .exposed: .bad
    case .unknown: .unknown(fact)
    }
  }

  static func credit(_ verdict: GateVerdict, fact: String) -> Credit {
    switch verdict {
    case .pass: .good
    case .fail: .bad
    case .unknown: .unknown(fact)
    }
  }

  static func words(_ credit: Credit) -> String {
    credit.isKnown ? NumberFormat.short(credit.value, digits: 3) : "unknown \(NumberFormat.short(credit.value, digits: 3))"
  }

  /// Mean of: the laws (each not exposed 1, unknown 0.5, exposed 0); the 19.6 check (pass 1,
  /// unknown 0.5, fail 0); the contracting entity's seat and its headquarters in the EU (each EU 1,
  /// unknown 0.5, outside 0). An EU seat shields nothing once a foreign law reaches the offering
  /// (e.g. Microsoft Ireland, controlled from the US): seat and headquarters then count 0, and
  /// their worst value is 0 while a law's verdict is unknown.
  func sovereignty(_ offering: Offering) -> CriterionValue {
    var parts: [Credit] = []
    var words: [String] = []
    var sources: [Source] = []
    let laws = foreignLaws
    var reached: [String] = []
    var unknown: [String] = []
    if !laws.isEmpty {
      let findings = laws.map { exposure.exposure(of: offering, to: $0) }
      let credits = zip(laws, findings).map { Self.credit($0.1.verdict, fact: "law:" + $0.0.id) }
      let clear = findings.filter { $0.verdict == .notExposed }.count
      reached = zip(laws, findings).filter { $0.1.verdict == .exposed }.map(\.0.id)
      unknown = zip(laws, findings).filter { $0.1.verdict == .unknown }.map(\.0.id)
      let lawCredit = Credit.mean(credits)
      parts.append(lawCredit)
      words.append(
        "\(clear)/\(laws.count) foreign laws known not to reach it"
          + (reached.isEmpty ? "" : "; reached by \(reached.joined(separator: ", "))")
          + (unknown.isEmpty ? "" : "; unknown for \(unknown.joined(separator: ", "))")
          + " (\(Self.words(lawCredit)))")
      sources += findings.flatMap(\.sources)
    }
    let check = exposure.secNumCloud196(of: offering)
    parts.append(Self.credit(check.verdict, fact: "secnumcloud_19_6"))
    words.append("19.6 check \(check.verdict.rawValue)")
    sources += check.sources
    let entity = catalog.entities[offering.contractingEntity]
    let seat = entity?.seat.value
    let headquarters = entity?.headquarters.value
    for (country, fact) in [(seat, "seat"), (headquarters, "headquarters")] {
      var credit = country.map { catalog.isEU($0) ? Credit.good : Credit.bad } ?? .unknown(fact)
      if !reached.isEmpty {
        credit = .bad
      } else if !unknown.isEmpty && credit.best > 0 {
        // Worth something only if every unknown law turns out not to reach the offering.
        let facts = (country == nil ? [fact] : []) + unknown.map { "law:" + $0 }
        credit = Credit(value: credit.value, worst: 0, best: credit.best, unknowns: [UnknownTerm(facts: facts, gain: credit.best)])
      }
      parts.append(credit)
    }
    words.append(
      "seat \(seat ?? "unknown"), headquarters \(headquarters ?? "unknown") (\(offering.contractingEntity))"
        + (reached.isEmpty ? "" : ", counted 0: an EU seat shields nothing once a foreign law reaches the offering"))
    sources += entity?.provenance.sources ?? []
    return CriterionValue(Credit.mean(parts), explanation: words.joined(separator: "; "), sources: sources.uniqueCitations())
  }

  /// Mean of: HDS (activities certified / 6; not certified or expired 0; no record or status
  /// unknown 0.5 [0, 1]; activities unknown 0.5 [1/6, 1]); SecNumCloud (qualified 1, in progress
  /// 0.5, none or expired 0, unknown or not known to be current 0.5 [0, 1]); other schemes recorded
  /// as certified and current, min(count, 4) / 4.
  func certifications(_ offering: Offering) -> CriterionValue {
    let certs = offering.certifications
    var sources: [Source] = []
    var hdsPart = Credit.unknown("hds")
    var hdsWords = "HDS: none recorded (unknown)"
    if let hds = certs.hds {
      sources += hds.provenance.sources
      let current = CertificateCurrency.hds(hds, on: today, rules: catalog.rules)
      switch hds.status {
      case .certified where current.isCurrent:
        if let activities = hds.activities.value {
          hdsPart = .known(Double(Set(activities).count) / 6)
          hdsWords = "HDS activities \(Set(activities).count)/6"
        } else {
          hdsPart = Credit(value: Credit.unknownValue, worst: 1.0 / 6, best: 1, unknowns: [UnknownTerm(facts: ["hds"], gain: 5.0 / 6)])
          hdsWords = "HDS certified, activities unknown (0.5)"
        }
      case .certified where current.state == .expired:
        hdsPart = .bad
        hdsWords = "HDS certificate expired (valid until \(hds.validUntil.value.map { "\($0)" } ?? "?"); not held)"
      case .certified:
        hdsWords = "HDS certified, not known to be current (unknown)"
      case .notCertified:
        hdsPart = .bad
        hdsWords = "HDS not-certified"
      case .unknown:
        hdsWords = "HDS unknown"
      }
    }
    var sncPart = Credit.unknown("secnumcloud")
    var sncWords = "SecNumCloud: none recorded (unknown)"
    if let snc = certs.secNumCloud {
      sources += snc.provenance.sources
      let state = snc.status == .qualified ? CertificateCurrency.secNumCloud(snc, on: today, rules: catalog.rules).state : nil
      switch snc.status {
      case .qualified: sncPart = state == .expired ? .bad : state == .notKnownCurrent ? .unknown("secnumcloud") : .good
      case .inProgress: sncPart = .known(0.5)
      case .none: sncPart = .bad
      case .unknown: sncPart = .unknown("secnumcloud")
      }
      let standingWords = state == .expired ? " (expired; not held)" : state == .notKnownCurrent ? ", not known to be current (unknown)" : ""
      sncWords = "SecNumCloud \(snc.status.rawValue)\(standingWords)"
    }
    let others = Set(
      certs.others.filter { $0.status == .certified && CertificateValidity.isCurrent(until: $0.validUntil.value, on: today) }
        .map(\.scheme))
    sources += certs.others.flatMap(\.provenance.sources)
    let othersPart = Credit.known(Double(min(others.count, 4)) / 4)
    let othersWords = "other schemes \(others.count) (\(others.sorted().joined(separator: ", ")))"
    return CriterionValue(
      Credit.mean([hdsPart, sncPart, othersPart]),
      explanation: [hdsWords, sncWords, othersWords].joined(separator: "; "), sources: sources.uniqueCitations())
  }

  /// Mean over the nice-to-have capabilities: listed 1; not listed 0.5 [0, 1] (the catalog lists
  /// capabilities known to be offered, so one not listed is not known either way).
  func capabilities(_ offering: Offering, wanted: [String]) -> CriterionValue {
    let sources = offering.capabilities.provenance.sources
    guard !wanted.isEmpty else {
      return CriterionValue(raw: 1, explanation: "no nice_to_have capabilities requested", sources: [])
    }
    let have = wanted.filter(offering.capabilities.list.contains)
    let missing = wanted.filter { !offering.capabilities.list.contains($0) }
    return CriterionValue(
      Credit.mean(wanted.map { offering.capabilities.list.contains($0) ? .good : .unknown("capability:" + $0) }),
      explanation: "\(have.count)/\(wanted.count) nice-to-have listed"
        + (have.isEmpty ? "" : ": \(have.joined(separator: ", "))")
        + (missing.isEmpty ? "" : "; not listed (unknown): \(missing.joined(separator: ", "))"),
      sources: sources)
  }

  /// Mean of: open-source stack (yes 1, no 0, unknown 0.5); portability (lists a capability with
  /// an open standard interface 1, none listed 0.5 [0, 1]).
  func openness(_ offering: Offering) -> CriterionValue {
    let stack = offering.openSourceStack.value
    let portable = Self.portableCapabilities.filter(offering.capabilities.list.contains)
    let stackCredit: Credit = stack == .yes ? .good : stack == .no ? .bad : .unknown("open_source_stack")
    return CriterionValue(
      Credit.mean([stackCredit, portable.isEmpty ? .unknown("portability") : .good]),
      explanation: "open-source stack \(stack.rawValue); portable interfaces: "
        + (portable.isEmpty ? "none listed (unknown)" : portable.joined(separator: ", ")),
      sources: (offering.openSourceStack.provenance.sources + offering.capabilities.provenance.sources).uniqueCitations())
  }

  /// The Sovereignty Score / 100 on the answers the facts decide: an undecided answer counts the
  /// middle of its possible points (the score's interval midpoint, since the score is linear in
  /// each answer's points), with the score's lowest and highest possible values as bounds. Each
  /// undecided answer is one unknown fact (`csf:<criterion>`) for SMAA: when it resolves
  /// favourably its best answer counts instead of its worst (gain: weight × point range / divisor).
  func csfScore(_ offering: Offering, settings: CSFSettings) -> CriterionValue {
    guard let assessment = csf[offering.id] else {
      return CriterionValue(
        Credit.unknown, explanation: "EU Cloud Sovereignty Framework data not available (unknown)", sources: [])
    }
    let score = assessment.result.score
    let criteria = assessment.result.objectives.flatMap(\.criteria)
    let range =
      score.value.map { NumberFormat.short($0, digits: 2) + " %" }
      ?? "\(NumberFormat.short(score.low, digits: 2))-\(NumberFormat.short(score.high, digits: 2)) %"
    var unknowns: [UnknownTerm] = []
    for objective in assessment.result.objectives {
      for criterion in objective.criteria where criterion.points.high > criterion.points.low {
        let gain = objective.weight * (criterion.points.high - criterion.points.low) / objective.divisorValue / 100
        unknowns.append(UnknownTerm(facts: ["csf:\(criterion.criterion.id)"], gain: gain))
      }
    }
    return CriterionValue(
      Credit(value: (score.low + score.high) / 2 / 100, worst: score.low / 100, best: score.high / 100, unknowns: unknowns),
      explanation: "CSF Sovereignty Score \(range) (profile \(settings.profile), \(settings.divisor.rawValue) divisor); "
        + "\(assessment.result.decidedCount)/\(criteria.count) answers decided by catalog facts, the others counted at the middle of their possible points",
      sources: criteria.flatMap(CSFAssessment.sources).uniqueCitations())
  }
}
