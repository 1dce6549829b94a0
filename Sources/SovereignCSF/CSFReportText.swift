import SovereignCatalog

/// `sovereign csf` as text: a table (terminal) or Markdown, from the same ``CSFReport``.
public enum CSFReportText {
  /// Plain text for a terminal.
  public static func table(_ report: CSFReport) -> String { render(report, markdown: false) }

  /// Markdown for a file.
  public static func markdown(_ report: CSFReport) -> String { render(report, markdown: true) }

  /// A number with up to `digits` decimals, `.` as separator (`86.25`, `100.0756`).
  static func number(_ value: Double, digits: Int = 4) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    var text = "\((value * scale).rounded() / scale)"
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }

  static func interval(_ i: CSFInterval, unit: String = "") -> String {
    if let v = i.value { return number(v) + unit }
    return number(i.low) + unit + " to " + number(i.high) + unit
  }

  static func seal(_ s: CSFSealRange) -> String {
    if let v = s.value { return "SEAL-\(v)" }
    return "SEAL-\(s.low) to SEAL-\(s.high)"
  }

  static func render(_ report: CSFReport, markdown: Bool) -> String {
    let r = report.result
    var out = ""
    let heading = markdown ? "# " : ""
    let sub = markdown ? "## " : ""
    let title: String
    if let offering = report.subject.offering {
      title = "EU Cloud Sovereignty Framework: \(report.subject.offeringName ?? offering) (\(offering))"
    } else {
      title = "EU Cloud Sovereignty Framework: answers of \(report.subject.answersFile ?? "the file")"
    }
    out += heading + title + "\n\n"
    out += "Profile \(r.profile.id) (\(r.profile.name)); divisor: \(r.divisor == .nominal ? "the calculator's nominal 1000 points per objective" : "each objective's real maximum"); evaluated on \(report.asOf).\n"
    out += "Sovereignty Score: \(interval(r.score, unit: " %"))   Overall SEAL: \(seal(r.seal))   Decided criteria: \(r.decidedCount) of \(report.framework.criteria.count)\n"
    if r.score.value == nil {
      out += "Unknown answers leave an interval: the low end takes the worst possible answer of every open criterion, the high end the best.\n"
    }
    out += "\n"
    let headers = ["objective", "weight", "points", "contribution", "SEAL"]
    let rows = r.objectives.map { o in
      ["\(o.objective.id) \(o.objective.name)", number(o.weight) + " %", interval(o.points), interval(o.contribution), seal(o.seal)]
    }
    out += markdown ? markdownTable(headers, rows) : TextTable(headers: headers, rows: rows).render()
    out += "\n" + sub + "Answers that are known or narrowed\n\n"
    var any = false
    for o in r.objectives {
      for c in o.criteria where !(c.choice.origin == .unknown) {
        any = true
        let answers = c.choice.possible.map { "\($0) \"\(c.criterion.answers[$0].label)\"" }.joined(separator: " | ")
        out += (markdown ? "- **" : "- ") + "\(c.criterion.id) \(c.criterion.title)" + (markdown ? "**" : "") + ": \(answers); \(interval(c.points)) points, \(seal(c.seal))\n"
        switch c.choice.origin {
        case .answersFile(let location):
          out += "    from the answers file at \(location)\n"
        case .derived(let rule, let facts, let sources, let grade):
          out += "    derived: \(rule)" + (grade.map { " (\($0.phrase))" } ?? "") + "\n"
          for fact in facts { out += "      fact: \(fact)\n" }
          for source in sources.prefix(6) { out += "      source: \(source.title ?? source.url) <\(source.url)> (\(source.kind.rawValue), \(source.asOf))\n" }
        case .selfAssessment(let source):
          out += "    the provider's self-assessment: \(source.url)\n"
        case .unknown:
          break
        }
      }
    }
    if !any { out += "None: every criterion is unknown.\n" }
    let unknown = r.objectives.flatMap { $0.criteria.filter { $0.choice.origin == .unknown }.map(\.criterion.id) }
    if !unknown.isEmpty {
      out += "\nUnknown (\(unknown.count)): " + unknown.joined(separator: ", ") + "\n"
    }
    if let assessment = report.selfAssessment {
      out += "\n" + sub + "Published self-assessment (SEAL/4 proxy, not the calculator's method)\n\n"
      let seals = report.framework.objectives.map { "\($0.id) \(assessment.seals[$0.id].map(String.init) ?? "?")" }.joined(separator: ", ")
      out += "SEALs claimed: \(seals)\n"
      if let proxy = assessment.proxyScore(profile: r.profile, framework: report.framework) {
        out += "Proxy score with profile \(r.profile.id): \(number(proxy)) %   weakest SEAL: \(assessment.overallSeal.map(String.init) ?? "?")\n"
      }
      out += "Source: \(assessment.source.title ?? assessment.source.url) <\(assessment.source.url)> (\(assessment.source.kind.rawValue), \(assessment.source.asOf))\n"
    }
    out += "\nCalculator: \(report.framework.source.title ?? report.framework.source.url) (\(report.framework.source.asOf)).\n"
    return out
  }

  static func markdownTable(_ headers: [String], _ rows: [[String]]) -> String {
    func escape(_ cell: String) -> String { cell.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
    func line(_ cells: [String]) -> String { "| " + cells.map(escape).joined(separator: " | ") + " |" }
    return ([line(headers), line(headers.map { _ in "---" })] + rows.map(line)).joined(separator: "\n") + "\n"
  }
}
