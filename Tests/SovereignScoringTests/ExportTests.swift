import Foundation
import SovereignCatalog
import Testing

@testable import SovereignScoring

@Suite struct ExportTests {
  let ranking = try! RankingFixture.ranker.rank(RankingFixture.health)

  @Test func csvRoundTripsAndFollowsTheContract() throws {
    let csv = RankingCSV.render(ranking)
    #expect(csv.hasSuffix("\r\n"))
    let rows = try #require(CSVReader.parse(csv), "not RFC 4180")
    // The first eight columns are the original contract; the others were added at the end.
    #expect(
      Array(rows[0].prefix(13)) == [
        "rank", "provider_id", "provider_name", "offering_id", "offering_name", "score", "eligible", "reasons",
        "as_of", "standing", "score_worst", "score_best", "flags",
      ])
    // Then one column per gate, each cell the gate's verdict.
    let gates = ranking.offerings[0].gates.map(\.gate)
    #expect(Array(rows[0].dropFirst(13)) == gates.map(RankingCSV.gateColumn))
    #expect(rows.count == 1 + ranking.offerings.count)
    #expect(rows.dropFirst().allSatisfy { $0.count == 13 + gates.count })
    #expect(rows[1].dropFirst(13) == ArraySlice(ranking.offerings[0].gates.map(\.verdict.rawValue)))
    #expect(rows.dropFirst().allSatisfy { $0[8] == "2026-11-22" })
    #expect(rows[1][9] == "proven" && Double(rows[1][10]) == ranking.offerings[0].bounds?.worst)
    #expect(rows.dropFirst().map { $0[3] } == ranking.offerings.map(\.offeringID))
    // Eligible first, in rank order, with the full-precision score.
    #expect(rows[1][0] == "1")
    #expect(Double(rows[1][5]) == ranking.offerings[0].score)
    #expect(rows[1][6] == "true")
    // Excluded: empty rank and score, reasons listed.
    let gamma = try #require(rows.first { $0[3] == "gamma-cloud" })
    #expect(gamma[0] == "" && gamma[5] == "" && gamma[6] == "false")
    #expect(gamma[7].contains("immune_to:us-cloud-act: fail ("))
    #expect(gamma[9] == "excluded-by-fact" && gamma[10] == "" && gamma[11] == "")
    // A provider name a spreadsheet would run as a formula is neutralised (and quoted: it has commas/quotes).
    let evil = try #require(rows.first { $0[3] == "evil-host" })
    #expect(evil[2] == "'=HYPERLINK(\"http://x\",\"y\")")
  }

  @Test func csvOptionsSetTheDelimiterTheMarkAndTheReasonsCap() throws {
    let excel = RankingCSV.render(ranking, options: .excel)
    #expect(excel.hasPrefix("\u{FEFF}rank;provider_id;"))
    let lines = excel.dropFirst().split(separator: "\r\n")
    #expect(lines.count == 1 + ranking.offerings.count)
    // Numbers with a decimal comma, as a French spreadsheet reads them: the first row's score.
    let plain = try #require(CSVReader.parse(RankingCSV.render(ranking)))
    let score = plain[1][5]
    let comma = score.replacingOccurrences(of: ".", with: ",")
    #expect(score.contains(".") && (lines[1].contains(";" + comma + ";") || lines[1].contains(";\"" + comma + "\";")))
    // `;` without --excel keeps the point.
    #expect(RankingCSV.render(ranking, options: RankingCSV.Options(delimiter: ";")).contains(";" + score + ";"))
    let capped = RankingCSV.render(ranking, options: RankingCSV.Options(reasonsLimit: 60))
    let cappedRows = try #require(CSVReader.parse(capped))
    let gamma = try #require(cappedRows.first { $0[3] == "gamma-cloud" })
    #expect(gamma[7].count == 60 && gamma[7].hasSuffix(RankingCSV.truncationMark))
    #expect(RankingCSV.gateColumn("immune_to:us-cloud-act") == "cloud_act")
    #expect(RankingCSV.gateColumn("secnumcloud_19_6") == "secnumcloud_19_6")
  }

  @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
  func formulaLikeTextIsNeutralised(_ text: String) throws {
    var modified = ranking
    modified.offerings[0].providerName = text
    let rows = try #require(CSVReader.parse(RankingCSV.render(modified)))
    #expect(rows[1][2] == "'" + text)
  }

  @Test func csvKeepsUTF8() throws {
    var modified = ranking
    modified.offerings[0].offeringName = "Hébergement « santé », Île-de-France"
    let rows = try #require(CSVReader.parse(RankingCSV.render(modified)))
    #expect(rows[1][4] == "Hébergement « santé », Île-de-France")
  }

  @Test func jsonHasTheDocumentedFields() throws {
    let text = try RankingJSON.render(ranking)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "schema_version", "date", "requirements", "method", "normalization", "criteria", "offerings", "nearest_misses",
        "summary", "misses", "notes",
      ])
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary == ["proven": 3, "unverified": 0, "excluded_by_fact": 2, "excluded_by_unknown": 1])
    #expect(object["schema_version"] as? Int == 1)
    #expect(object["method"] as? String == "topsis")
    let criteria = try #require(object["criteria"] as? [[String: Any]])
    #expect(criteria.map { $0["name"] as? String } == ["sovereignty", "certifications", "capabilities", "openness"])
    #expect(Set(criteria[0].keys) == ["name", "weight", "given_weight", "direction", "definition"])
    let offerings = try #require(object["offerings"] as? [[String: Any]])
    #expect(
      Set(offerings[0].keys)
        == [
          "rank", "provider_id", "provider_name", "offering_id", "offering_name", "score", "eligible", "gates", "criteria",
          "distances", "flags", "standing", "bounds", "not_separable_from", "conflicts",
        ])
    let bounds = try #require(offerings[0]["bounds"] as? [String: Double])
    #expect(Set(bounds.keys) == ["worst", "best"])
    let gate = try #require((offerings[0]["gates"] as? [[String: Any]])?.first)
    #expect(
      Set(gate.keys) == ["gate", "verdict", "grade", "evidence_kind", "detail", "sources", "warning", "fact_verdict", "missing_facts"])
    #expect(gate["grade"] as? String == "provider" && gate["evidence_kind"] as? String == "provider")
    let criterion = try #require((offerings[0]["criteria"] as? [[String: Any]])?.first)
    #expect(
      Set(criterion.keys)
        == [
          "criterion", "raw", "normalized", "weight", "weighted", "contribution", "ideal_term", "anti_ideal_term", "explanation",
          "sources", "raw_worst", "raw_best",
        ])
    let excluded = try #require(offerings.first { $0["offering_id"] as? String == "gamma-cloud" })
    #expect(excluded["rank"] is NSNull && excluded["score"] is NSNull && excluded["bounds"] is NSNull)
    #expect(excluded["standing"] as? String == "excluded-by-fact")
    let requirements = try #require(object["requirements"] as? [String: Any])
    // `robustness` is written only when the requirements carry robustness settings (read from a file).
    #expect(
      Set(requirements.keys).subtracting(["robustness"])
        == ["name", "data_kind", "residency", "gates", "unknown", "evidence", "criteria", "nice_to_have", "method", "csf"])
    let gates = try #require(requirements["gates"] as? [String: Any])
    #expect(Set(gates.keys) == Set(RequirementsReader.gateKeys))
    #expect(gates["hds_activities"] as? [Int] == [1, 2, 3, 4, 5, 6])
    #expect(gates["hds_referential"] is NSNull)
    // Stable: rendering twice gives the same bytes.
    #expect(try RankingJSON.render(ranking) == text)
  }

  @Test func markdownReportHasItsSections() {
    let md = RankingMarkdown.render(ranking)
    #expect(md.hasPrefix("# Health warehouse\n"))
    for section in ["## Requirements", "## Ranking", "## Shortlisted offerings", "## Excluded offerings, by reason", "## Sources"] {
      #expect(md.contains(section))
    }
    #expect(md.contains("| 1 | Alpha | alpha-iaas offering |"))
    #expect(md.contains("### `immune_to:us-cloud-act`: fail ("))
    #expect(md.contains("| Gamma | gamma-cloud offering | `immune_to:us-cloud-act` | fail (provider evidence) |"))
    #expect(md.contains("<https://example.org/gamma-inc-legal>"))
    #expect(md.contains("\\=HYPERLINK") == false && md.contains("=HYPERLINK(\"http://x\",\"y\")"))
  }

  @Test func tableListsRankingThenExclusions() {
    let table = RankingTable.render(ranking)
    let lines = table.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("1     Alpha") })
    #expect(table.contains("Excluded (3):"))
    #expect(table.contains("    immune_to:us-cloud-act fail (provider evidence): gamma-inc has its seat in US"))
    #expect(!table.contains("Explanations:"))
    let explained = RankingTable.render(ranking, explain: true)
    #expect(explained.contains("D+ "))
    #expect(explained.contains("(v-ideal)²"))
    let wsm = RankingTable.render(try! RankingFixture.ranker.rank(RankingFixture.health, method: .weightedSum), explain: true)
    #expect(wsm.contains("contribution "))
    #expect(wsm.contains("score = sum of the contributions"))
  }
}

@Suite struct TolerantWarningTests {
  @Test func tolerantPassesAreVisibleInTableAndMarkdown() throws {
    var requirements = RankingFixture.health
    requirements.unknownPolicy = .tolerant
    let ranking = try RankingFixture.ranker.rank(requirements)
    let table = RankingTable.render(ranking)
    #expect(table.contains("unverified (tolerant policy)"))
    #expect(table.contains("residency, hds, immune_to:us-cloud-act, immune_to:us-fisa-702"))
    #expect(table.contains("warning: the gates listed as unverified"))
    let md = RankingMarkdown.render(ranking)
    #expect(md.contains("**Warning:** unverified gates"))
    // Without tolerated unknowns there is no such column.
    #expect(!RankingTable.render(try RankingFixture.ranker.rank(RankingFixture.health)).contains("unverified (tolerant policy)"))
  }
}
