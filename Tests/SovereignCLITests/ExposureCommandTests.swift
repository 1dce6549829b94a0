import Foundation
import SovereignTestSupport
import Testing

@Suite struct ExposureCommandTests {
  @Test("`exposure microsoft-azure` shows us-cloud-act exposed with the path to Microsoft Corporation")
  func azure() throws {
    let result = try CLIRunner.run(["exposure", "microsoft-azure"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("us-cloud-act: exposed"))
    let pathLine = result.stdout.split(separator: "\n").first { $0.contains("path:") && $0.hasSuffix("-> us-cloud-act") }
    #expect(pathLine?.contains("Microsoft Corporation (US)") == true)
    #expect(result.stdout.contains("SecNumCloud 3.2 § 19.6 eligibility (estimate)"))
  }

  @Test("`exposure clever-cloud --format json` gives each law a verdict, explained when unknown")
  func cleverCloudJSON() throws {
    let result = try CLIRunner.run(["exposure", "clever-cloud", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let offerings = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(!offerings.isEmpty)
    for offering in offerings {
      let laws = try #require(offering["laws"] as? [[String: Any]])
      let cloudAct = try #require(laws.first { $0["law"] as? String == "us-cloud-act" })
      let verdict = cloudAct["verdict"] as? String
      #expect(verdict == "not-exposed" || verdict == "unknown")
      if verdict == "unknown" { #expect((cloudAct["missing_facts"] as? [String])?.isEmpty == false) }
      #expect(offering["secnumcloud_19_6"] != nil)
    }
  }

  @Test("`exposure` with an unknown id exits 64 and suggests the closest ids")
  func unknownID() throws {
    let result = try CLIRunner.run(["exposure", "clever-clod"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("`clever-cloud`"))
    #expect(result.stdout.isEmpty)
  }

  @Test("`show` includes the exposure summary")
  func showSummary() throws {
    let result = try CLIRunner.run(["show", "microsoft-azure"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("(reasoning: sovereign exposure "))
    #expect(result.stdout.contains("  us-cloud-act: exposed ("))
  }
}
