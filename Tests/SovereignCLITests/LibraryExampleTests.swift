import Foundation
import Sovereign
import Testing

// The library example of the README (and docs/ranking.md), compiled and run as is, through the
// one product an application depends on. `ReadmeExampleTests` checks the README shows this code.

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

/// The README's library example must be the code above, line for line (indentation aside).
@Suite struct ReadmeExampleTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func swiftBlock(after heading: String, in file: URL) throws -> [String] {
    let text = try String(contentsOf: file, encoding: .utf8)
    let afterHeading = try #require(text.range(of: heading)).upperBound
    let start = try #require(text.range(of: "```swift\n", range: afterHeading..<text.endIndex)).upperBound
    let end = try #require(text.range(of: "```", range: start..<text.endIndex)).lowerBound
    return text[start..<end].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  @Test func theReadmeShowsTheTestedExample() throws {
    let shown = try Self.swiftBlock(after: "## Using the library", in: Self.root.appending(path: "README.md"))
    let tested = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
      .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    var position = 0
    for line in shown where line != "import Sovereign" {
      let found = tested[position...].firstIndex(of: line)
      #expect(found != nil, "README line not in the tested example (or out of order): \(line)")
      position = (found ?? position) + 1
    }
    #expect(shown.count > 10)
  }
}
