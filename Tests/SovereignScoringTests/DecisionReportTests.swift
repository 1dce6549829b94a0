import SovereignCatalog
import SovereignScoring
import Testing

@Suite struct DecisionReportTests {
  @Test func weightedSumPartsAddUpToTheScoreExactly() throws {
    let ranking = try RankingFixture.ranker.rank(RankingFixture.health, method: .weightedSum)
    let report = DecisionReport(ranking: ranking)
    #expect(!report.shortlist.isEmpty)
    for item in report.shortlist {
      #expect(item.breakdown.total == item.offering.score)
      #expect(item.breakdown.rows.map(\.criterion) == ranking.criteria.map(\.name))
    }
  }

  @Test func topsisPartsAddUpToTheSquaredAntiIdealDistance() throws {
    let ranking = try RankingFixture.ranker.rank(RankingFixture.health, method: .topsis)
    for item in DecisionReport(ranking: ranking).shortlist {
      let d = try #require(item.breakdown.distances)
      #expect(abs(item.breakdown.total - d.toAntiIdeal * d.toAntiIdeal) < 1e-12)
      var ideal = 0.0
      for row in item.breakdown.rows { ideal += row.idealTerm ?? 0 }
      #expect(abs(ideal - d.toIdeal * d.toIdeal) < 1e-12)
    }
  }

  @Test func shortlistFollowsTopUnlessExplained() throws {
    let ranking = try RankingFixture.ranker.rank(RankingFixture.health)
    #expect(DecisionReport(ranking: ranking, top: 0).shortlist.isEmpty)
    #expect(DecisionReport(ranking: ranking, top: 1).shortlist.map(\.offering.offeringID) == ranking.eligible.prefix(1).map(\.offeringID))
    #expect(DecisionReport(ranking: ranking, top: 0, explain: true).shortlist.count == ranking.eligible.count)
  }

  @Test func everyExcludedOfferingIsInExactlyOneGroupByItsDecidingGate() throws {
    let ranking = try RankingFixture.ranker.rank(RankingFixture.health)
    let report = DecisionReport(ranking: ranking)
    let grouped = report.exclusions.flatMap { $0.members.map(\.offering.offeringID) }
    #expect(grouped.sorted() == ranking.excluded.map(\.offeringID).sorted())
    for group in report.exclusions {
      for member in group.members {
        #expect(member.result.gate == group.gate && member.result.verdict == group.verdict)
        // A failure decides before an unknown.
        if group.verdict == .unknown { #expect(!member.offering.gates.contains { $0.verdict == .fail }) }
      }
    }
    #expect(Set(report.sources.map(\.url)).count == report.sources.count)
  }

  @Test func frenchTableTranslatesFixedTextOnly() throws {
    let ranking = try RankingFixture.ranker.rank(RankingFixture.health)
    let fr = DecisionReport(ranking: ranking, language: .fr)
    #expect(fr.headline.hasPrefix("Au 2026-11-22 : \(ranking.summary.proven) prouvée(s)"))
    #expect(fr.title == ranking.requirements.name)
    for verdict in GateVerdict.allCases { #expect(ReportStrings.french.word(verdict) != verdict.rawValue) }
    for standing in Standing.allCases { #expect(ReportStrings.french.word(standing) != ReportStrings.english.word(standing)) }
    let md = RankingMarkdown.render(fr)
    #expect(md.contains("## Exigences") && md.contains("## Classement"))
    #expect(md.contains(ranking.eligible[0].offeringName))
  }
}
