import SovereignCatalog
import SovereignScoring
import Testing

// The library example of docs/ranking.md (and the README), compiled and run as is. An
// application writes `import Sovereign` instead of the two module imports above.

func libraryExample() throws -> Ranking {
  let catalog = try Catalog.bundled()

  // Requirements from YAML (the same strict reader as `sovereign rank`) ...
  let yaml = """
    name: Health data warehouse
    data: { kind: health }
    residency: [FR]
    nice_to_have: [kubernetes, gpu]
    """
  let requirements = try RequirementsReader.read(
    text: yaml, file: "requirements.yaml", vocabulary: RequirementsVocabulary(catalog: catalog))

  // ... or built in code.
  var inCode = Requirements(name: "Health data warehouse", dataKind: .health, residency: ["FR"])
  inCode.niceToHave = ["kubernetes", "gpu"]
  inCode.method = .weightedSum

  let ranking = try Ranker(catalog: catalog).rank(requirements)
  for offering in ranking.eligible {
    print(offering.rank ?? 0, offering.offeringID, offering.score ?? 0)
    for criterion in offering.criteria {
      print("  ", criterion.criterion, criterion.raw, criterion.normalized, criterion.weight)
    }
  }
  for offering in ranking.excluded {
    print(offering.offeringID, "excluded:", offering.reasons.joined(separator: "; "))
  }
  let csv = RankingCSV.render(ranking)  // also RankingJSON, RankingMarkdown, RankingTable
  print(csv.count, "bytes of CSV")
  _ = try Ranker(catalog: catalog).rank(inCode)
  return ranking
}

@Suite struct LibraryExampleTests {
  @Test func theDocumentedExampleRuns() throws {
    let ranking = try libraryExample()
    #expect(ranking.requirements.gates.hdsActivities == [1, 2, 3, 4, 5, 6])
    #expect(ranking.offerings.count == (try Catalog.bundled()).offerings.count)
  }
}
