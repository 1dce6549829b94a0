import SovereignCatalog

/// ``QuestionList`` as text for a terminal and as Markdown (a letter-ready list per provider).
public enum QuestionListRendering {
  public static func table(_ list: QuestionList) -> String {
    var out = "Questions to send to the providers (facts the ranking of \(list.date) is missing), \(list.count) in all\n"
    out += AssumptionLegend.lines(list.assumptions).map { $0 + "\n" }.joined()
    if list.providers.isEmpty { return out + "\nNo question: no shortlisted offering or near miss is waiting on a missing fact.\n" }
    for provider in list.providers {
      out += "\n\(provider.providerName) [\(provider.providerID)]\(provider.website.isEmpty ? "" : ", \(provider.website)")\n"
      for (number, q) in provider.questions.enumerated() {
        out += "  \(number + 1). \(q.question)\n"
        out += "     decides: \(q.decides.joined(separator: ", ")) for \(q.offerings.joined(separator: ", ")) (\(q.standing.joined(separator: ", ")))\n"
        out += "     usually published in: \(q.usuallyPublishedIn)\n"
      }
    }
    return out
  }

  public static func markdown(_ list: QuestionList) -> String {
    var out = "# Questions to send to the providers\n\nFacts the ranking of \(list.date) is missing (`sovereign rank --questions`), \(list.count) in all.\n\n"
    let legend = AssumptionLegend.lines(list.assumptions)
    if !legend.isEmpty { out += legend.map { "> " + RankingMarkdown.escape($0) }.joined(separator: "\n>\n") + "\n\n" }
    if list.providers.isEmpty { return out + "No question: no shortlisted offering or near miss is waiting on a missing fact.\n" }
    for provider in list.providers {
      out += "## \(RankingMarkdown.escape(provider.providerName)) (`\(provider.providerID)`)\n\n"
      if !provider.website.isEmpty { out += "Website: <\(provider.website)>\n\n" }
      for (number, q) in provider.questions.enumerated() {
        out += "\(number + 1). \(RankingMarkdown.escape(q.question))  \n"
        out += "   Decides \(q.decides.map { "`\($0)`" }.joined(separator: ", ")) for \(q.offerings.map { "`\($0)`" }.joined(separator: ", ")) "
        out += "(\(q.standing.joined(separator: ", "))); usually published in \(RankingMarkdown.escape(q.usuallyPublishedIn)).\n"
      }
      out += "\n"
    }
    return out
  }
}
