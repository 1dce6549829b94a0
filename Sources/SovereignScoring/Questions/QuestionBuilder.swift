import Foundation
import SovereignCatalog

extension QuestionList {
  /// The questions for the first `shortlist` eligible offerings (rank order) whose gates are
  /// unknown on the facts, and for the `misses` nearest misses (``NearMiss``).
  public init(ranking: Ranking, catalog: Catalog, shortlist: Int = 5, misses: Int = 5) {
    var asked: [(offering: RankedOffering, standing: String, facts: [NearMiss.FactToKnow])] = []
    for offering in ranking.eligible.prefix(max(0, shortlist)) {
      let facts = NearMiss.merged(offering.gates.filter { $0.factVerdict == .unknown }.flatMap(NearMiss.facts(for:)))
      if !facts.isEmpty { asked.append((offering, "shortlisted", facts)) }
    }
    for miss in NearMiss.select(from: ranking.excluded, limit: misses) {
      guard let offering = ranking.offerings.first(where: { $0.offeringID == miss.offeringID }), !miss.toKnow.isEmpty else { continue }
      asked.append((offering, "near-miss", miss.toKnow))
    }
    var providers: [ProviderQuestions] = []
    for (offering, standing, facts) in asked {
      var index = providers.firstIndex { $0.providerID == offering.providerID }
      if index == nil {
        providers.append(
          ProviderQuestions(
            providerID: offering.providerID, providerName: offering.providerName,
            website: catalog.provider(id: offering.providerID)?.website ?? "", questions: []))
        index = providers.count - 1
      }
      for fact in facts {
        let gates = fact.gate.components(separatedBy: ", ")
        if let q = providers[index!].questions.firstIndex(where: { $0.fact == fact.fact }) {
          var question = providers[index!].questions[q]
          for gate in gates where !question.decides.contains(gate) { question.decides.append(gate) }
          if !question.offerings.contains(offering.offeringID) { question.offerings.append(offering.offeringID) }
          if !question.standing.contains(standing) { question.standing.append(standing) }
          providers[index!].questions[q] = question
        } else {
          providers[index!].questions.append(
            Question(
              question: Self.ask(fact.fact), fact: fact.fact, decides: gates, offerings: [offering.offeringID], standing: [standing],
              usuallyPublishedIn: fact.usuallyPublishedIn))
        }
      }
    }
    self.init(date: ranking.date, providers: providers, assumptions: ranking.assumptions)
  }

  /// A missing fact as a question to the provider.
  static func ask(_ fact: String) -> String {
    if fact.hasPrefix("the owners of "), let range = fact.range(of: " are not known to be complete") {
      let who = fact[fact.index(fact.startIndex, offsetBy: "the owners of ".count)..<range.lowerBound]
      return "Who holds the capital and voting rights of \(who)? Please give every holder with its percentages (the complete list)."
    }
    if let floor = fact.range(of: "evidence the requirements ask for (`evidence: "),
      let start = fact[floor.upperBound...].range(of: "`): ")
    {
      // Known only from weaker sources than the requirements accept: ask for the document.
      return "Please point to a published document of yours (or an official one) that establishes this: "
        + fact[start.upperBound...].trimmingCharacters(in: .whitespaces)
    }
    if fact.hasPrefix("whether ") { return "Please confirm " + fact + "." }
    if fact.hasPrefix("where ") { return "Please state " + fact + "." }
    if fact.hasPrefix("the ") { return "Please state " + fact + "." }
    return "Please state: " + fact + "."
  }
}
