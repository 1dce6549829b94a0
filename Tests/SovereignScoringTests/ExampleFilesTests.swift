import Foundation
import SovereignCatalog
import SovereignExposure
import Testing

@testable import SovereignScoring

/// The requirement files of `examples/` read cleanly against the bundled catalog, say whom they
/// serve, and the health warehouse excludes every offering the CLOUD Act reaches, with evidence.
@Suite struct ExampleFilesTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples")

  static let names = [
    "health-data-warehouse.yaml", "e-health-startup-saas.yaml", "ministry-sren-article-31.yaml",
    "european-saas-no-health-data.yaml", "eu-tender-csf.yaml",
  ]

  func read(_ name: String, catalog: Catalog) throws -> Requirements {
    let url = Self.directory.appendingPathComponent(name)
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains("# Whom it serves:"), "\(name) must say whom it serves")
    #expect(text.hasPrefix("# yaml-language-server: $schema=../schema/requirements.schema.json"))
    return try RequirementsReader.read(text: text, file: "examples/" + name, vocabulary: RequirementsVocabulary(catalog: catalog))
  }

  @Test(arguments: names)
  func exampleReadsAndRanks(_ name: String) throws {
    let catalog = try Catalog.bundled()
    let requirements = try read(name, catalog: catalog)
    let ranking = try Ranker(catalog: catalog).rank(requirements)
    #expect(ranking.offerings.count == catalog.offerings.count)
  }

  @Test func healthWarehouseExcludesEveryCloudActExposedOffering() throws {
    let catalog = try Catalog.bundled()
    let ranking = try Ranker(catalog: catalog).rank(try read("health-data-warehouse.yaml", catalog: catalog))
    let engine = ExposureEngine(catalog: catalog)
    let exposed = catalog.offerings.filter { engine.assess(offering: $0).verdict(for: "us-cloud-act") == .exposed }
    #expect(!exposed.isEmpty, "the bundled catalog should show at least one offering reached by the CLOUD Act")
    for offering in exposed {
      let entry = try #require(ranking.offerings.first { $0.offeringID == offering.id })
      #expect(!entry.eligible, "\(offering.id) is reached by the CLOUD Act")
      let gate = try #require(entry.gates.first { $0.gate == "immune_to:us-cloud-act" })
      #expect(gate.verdict == .fail)
      #expect(!gate.sources.isEmpty, "\(offering.id): the exclusion must cite its evidence")
    }
    #expect(!ranking.eligible.isEmpty, "the rest is ranked")
    #expect(ranking.eligible.allSatisfy { $0.gates.allSatisfy { $0.verdict != .fail } })
  }
}
