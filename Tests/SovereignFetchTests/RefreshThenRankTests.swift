import Foundation
import SovereignTestSupport
import Testing

/// Issue 5's end-to-end path: `sovereign refresh hds --url http://127.0.0.1:PORT/...` stores a
/// snapshot and compares it with the catalog; a second run gets 304 and reports no change; `rank`
/// and `show` then use the fresher facts and say so, unless `--offline`.
@Suite(.serialized) struct RefreshThenRankTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func sovereign(_ arguments: [String], home: URL) throws -> SovereignRun {
    try SovereignRun.run(arguments, in: Self.repositoryRoot, environment: ["SOVEREIGN_HOME": home.path])
  }

  @Test func refreshStoresThenGets304ThenRankUsesTheFresherFacts() throws {
    let served = try ServedFiles()
    defer { served.stop() }
    let (files, home, server) = (served.files, served.home, served.server)
    try files.write("hds-list.html", Fixtures.bytes("hds-list.html"))
    let url = server.url("/file/hds-list.html")

    let first = try sovereign(["refresh", "hds", "--url", url], home: home.url)
    #expect(first.status == 0)
    #expect(first.stdout.contains("hds: updated, 8 entries"))
    #expect(first.stdout.contains("against the catalog:"))

    let second = try sovereign(["refresh", "hds", "--url", url], home: home.url)
    #expect(second.status == 0)
    #expect(second.stdout.contains("hds: unchanged"))
    #expect(second.stdout.contains("no change since the previous snapshot"))

    let ranked = try sovereign(["rank", "examples/health-data-warehouse.yaml", "--format", "json"], home: home.url)
    #expect(ranked.status == 0)
    let scalingo = try #require(Self.offering("scalingo-paas", in: ranked.stdout))
    let flags = scalingo["flags"] as? [String] ?? []
    #expect(flags.contains { $0.hasPrefix("from a fetched list: HDS certification from Agence du Numérique en Santé (ANS)'s list fetched") })

    let offline = try sovereign(["rank", "examples/health-data-warehouse.yaml", "--format", "json", "--offline"], home: home.url)
    let offlineFlags = try #require(Self.offering("scalingo-paas", in: offline.stdout))["flags"] as? [String] ?? []
    #expect(!offlineFlags.contains { $0.hasPrefix("from a fetched list") })

    let shown = try sovereign(["show", "scalingo"], home: home.url)
    #expect(shown.stdout.contains("Facts from lists fetched by `sovereign refresh`"))
    #expect(shown.stdout.contains("certificate 38436-2"))
  }

  @Test("a transfer mapping fetched from the page the catalog gives an offering feeds `exposure`, which says so; --offline ignores it")
  func exposureUsesTheStoredTransferMapping() throws {
    let files = TemporaryDirectory()
    let home = TemporaryDirectory()
    let catalog = TemporaryDirectory()
    defer {
      files.remove()
      home.remove()
      catalog.remove()
    }
    try Self.writeScalewayMapping(into: files)
    let server = try LoopbackServer(serving: files.url)
    defer { server.stop() }
    let pageURL = server.url("/file/mapping.html")

    // The bundled catalog, with that page given as scaleway-cloud's mapping page and no other
    // mapping page (the test must not reach the internet).
    try FileManager.default.removeItem(at: catalog.url)
    try FileManager.default.copyItem(at: Self.repositoryRoot.appending(path: "data"), to: catalog.url)
    let providers = catalog.url.appending(path: "providers")
    for name in try FileManager.default.contentsOfDirectory(atPath: providers.path) {
      let file = providers.appending(path: name)
      let text = try String(contentsOf: file, encoding: .utf8)
      let local = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.contains("transfer_mapping_url: http") ? line.prefix { $0 != "t" } + "transfer_mapping_url: unknown" : line
      }.joined(separator: "\n")
      try local.write(to: file, atomically: true, encoding: .utf8)
    }
    let scaleway = catalog.url.appending(path: "providers/scaleway.yaml")
    let original = try String(contentsOf: scaleway, encoding: .utf8)
    let declared = original.replacingOccurrences(
      of: "    certifications:\n      hds:\n        status: certified\n        # A third-party reading",
      with: "    hds_transparency:\n      transfer_mapping_url: \(pageURL)\n      source: scw-docs-availability\n"
        + "    certifications:\n      hds:\n        status: certified\n        # A third-party reading")
    try #require(declared != original, "the scaleway-cloud offering changed shape; update this test")
    try declared.write(to: scaleway, atomically: true, encoding: .utf8)
    let dir = ["--catalog", catalog.url.path]

    let before = try sovereign(["exposure", "scaleway-cloud"] + dir, home: home.url)
    #expect(before.status == 0)
    #expect(before.stdout.contains("req. 29 access from outside the EEA: unknown"))

    let refreshed = try sovereign(["refresh", "hds-transfer-mapping"] + dir, home: home.url)
    #expect(refreshed.status == 0)

    let after = try sovereign(["exposure", "scaleway-cloud"] + dir, home: home.url)
    #expect(after.status == 0)
    // The page's host answers no, but one of its processors declares access from Canada: the
    // offering's answer combines every actor of the table.
    #expect(after.stdout.contains("req. 29 access from outside the EEA: yes"))
    #expect(after.stdout.contains("Facts from lists fetched by `sovereign refresh`"))
    #expect(after.stdout.contains("scaleway-cloud: HDS transfer mapping (requirements 29-30) from the page fetched"))

    let offline = try sovereign(["exposure", "scaleway-cloud", "--offline"] + dir, home: home.url)
    #expect(offline.stdout.contains("req. 29 access from outside the EEA: unknown"))
    #expect(!offline.stdout.contains("Facts from lists fetched"))
  }

  @Test("a transfer mapping page the catalog does not give an offering changes none of its answers, and says why")
  func undeclaredTransferMappingIsNotApplied() throws {
    let served = try ServedFiles()
    defer { served.stop() }
    let (files, home, server) = (served.files, served.home, served.server)
    try Self.writeScalewayMapping(into: files)

    let refreshed = try sovereign(["refresh", "hds-transfer-mapping", "--url", server.url("/file/mapping.html")], home: home.url)
    #expect(refreshed.status == 0)
    let after = try sovereign(["exposure", "scaleway-cloud"], home: home.url)
    #expect(after.stdout.contains("req. 29 access from outside the EEA: unknown"))
    #expect(after.stdout.contains("does not give it as this offering's mapping page (hds_transparency.transfer_mapping_url): its answers are not applied"))
  }

  /// `mapping.html`: a test page in the layout of the HDS requirement-31 pages whose host row
  /// names Scaleway SAS (access from outside the EEA: no).
  static func writeScalewayMapping(into files: TemporaryDirectory) throws {
    let page = String(decoding: Fixtures.bytes("transfer-mapping.html"), as: UTF8.self)
      .replacingOccurrences(of: "Example Health Cloud SAS", with: "Scaleway SAS")
    try files.write("mapping.html", Array(page.utf8))
  }

  static func offering(_ id: String, in json: String) -> [String: Any]? {
    let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let offerings = object?["offerings"] as? [[String: Any]] ?? []
    return offerings.first { $0["offering_id"] as? String == id }
  }
}
