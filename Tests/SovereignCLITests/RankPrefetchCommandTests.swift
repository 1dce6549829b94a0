import Foundation
import Sovereign
import SovereignTestSupport
import Testing

/// `sovereign rank` on the bundled catalog starts assessing the offerings' exposure while its
/// arguments are parsed, for today; with `--as-of` it does not, and computes it after parsing.
/// Both must print the same thing for the same day.
@Suite("rank: the exposure started before parsing")
struct RankPrefetchCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test("the prefetched exposure gives the output the exposure computed after parsing gives", arguments: ["health-data-warehouse", "e-health-startup-saas"])
  func prefetchedEqualsComputed(example: String) throws {
    let file = Self.root.appending(path: "examples/\(example).yaml").path
    // --offline: stored `refresh` lists on this machine would change the catalog (and turn the
    // prefetch off); the comparison is about the bundled catalog as decoded.
    var prefetched = try CLIRunner.run(["rank", file, "--format", "json", "--offline"])
    var computed = try CLIRunner.run(["rank", file, "--format", "json", "--offline", "--as-of", CalendarDate.today().description])
    if prefetched.stdout != computed.stdout {
      // The day may have changed between the two runs: once more.
      prefetched = try CLIRunner.run(["rank", file, "--format", "json", "--offline"])
      computed = try CLIRunner.run(["rank", file, "--format", "json", "--offline", "--as-of", CalendarDate.today().description])
    }
    #expect(prefetched.status == computed.status)
    #expect(prefetched.stdout == computed.stdout)
    #expect(prefetched.stdout.contains("\"immune_to:"), "the output holds exposure verdicts")
    #expect(prefetched.stderr == computed.stderr)
  }
}
