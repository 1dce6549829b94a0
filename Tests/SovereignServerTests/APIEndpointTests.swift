import Foundation
import SovereignServer
import SovereignTestSupport
import Testing

/// Each endpoint of the JSON API, and its answers byte for byte against the CLI's `--format json`.
@Suite struct APIEndpointTests {
  @Test func healthSaysWhichCatalogIsServed() async throws {
    let answer = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/health")
    #expect(answer.status == 200)
    #expect(answer.headers["content-type"] == "application/json; charset=utf-8")
    let json = try #require(answer.json as? [String: Any])
    #expect(json["status"] as? String == "ok")
    let catalog = try #require(json["catalog"] as? [String: Any])
    #expect(catalog["origin"] as? String == "bundled")
    #expect((catalog["fingerprint"] as? String)?.count == 64)
    #expect((catalog["providers"] as? Int ?? 0) > 10)
  }

  @Test func providersEqualTheCLI() async throws {
    let answer = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/providers")
    let cli = try SovereignRun.run(["providers", "--format", "json"])
    #expect(cli.status == 0)
    #expect(answer.status == 200)
    #expect(answer.text == cli.stdout)
  }

  @Test(arguments: ["clever-cloud", "microsoft-azure", "ovhcloud"])
  func providerDetailEqualsTheCLI(id: String) async throws {
    let answer = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/providers/\(id)?as_of=\(TestServer.day)")
    let cli = try SovereignRun.run(["show", id, "--format", "json", "--offline", "--as-of", TestServer.day])
    #expect(cli.status == 0)
    #expect(answer.status == 200)
    #expect(answer.text == cli.stdout)
  }

  @Test(arguments: ["clever-cloud-paas-hds", "azure", "ovhcloud-snc-cloud-platform"])
  func exposureEqualsTheCLI(id: String) async throws {
    let answer = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/offerings/\(id)/exposure?as_of=\(TestServer.day)")
    let cli = try SovereignRun.run(["exposure", id, "--format", "json", "--offline", "--as-of", TestServer.day])
    #expect(cli.status == 0)
    #expect(answer.status == 200)
    #expect(answer.text == cli.stdout)
  }

  @Test func coverageEqualsTheCLI() async throws {
    let answer = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/coverage")
    let cli = try SovereignRun.run(["coverage", "--format", "json", "--offline"])
    #expect(cli.status == 0)
    #expect(answer.status == 200)
    #expect(answer.text == cli.stdout)
  }

  @Test(arguments: TestServer.requirementsExamples)
  func rankingEqualsTheCLI(example: String) async throws {
    let body = try TestServer.example(example)
    let answer = try await HTTPExchange.send(
      port: TestServer.port, "POST", "/api/v1/rank?as_of=\(TestServer.day)", headers: ["Content-Type": "application/yaml"], body: body)
    let cli = try SovereignRun.run([
      "rank", TestServer.repository.appending(path: "examples/\(example)").path, "--format", "json", "--offline", "--as-of", TestServer.day,
    ])
    #expect([0, 1].contains(cli.status), "\(cli.stderr)")
    #expect(answer.status == 200)
    #expect(answer.text == cli.stdout)
    // The same request again comes from the cache of rendered rankings: still the same bytes.
    let again = try await HTTPExchange.send(
      port: TestServer.port, "POST", "/api/v1/rank?as_of=\(TestServer.day)", headers: ["Content-Type": "application/yaml"], body: body)
    #expect(again.text == cli.stdout)
  }

  @Test func rankOptionsMatchTheCLIFlags() async throws {
    let body = try TestServer.example("health-data-warehouse.yaml")
    let answer = try await HTTPExchange.send(
      port: TestServer.port, "POST", "/api/v1/rank?as_of=\(TestServer.day)&method=weighted-sum&misses=3&max_fact_age=30", body: body)
    let cli = try SovereignRun.run([
      "rank", TestServer.repository.appending(path: "examples/health-data-warehouse.yaml").path, "--format", "json", "--offline",
      "--as-of", TestServer.day, "--method", "weighted-sum", "--misses", "3", "--max-fact-age", "30",
    ])
    #expect(answer.status == 200)
    #expect(answer.text == cli.stdout)
  }

  @Test func rankAcceptsJSON() async throws {
    let body = Array(#"{"name": "json", "gates": {"secnumcloud": "qualified"}, "criteria": {"sovereignty": 2, "certifications": 1}}"#.utf8)
    let answer = try await HTTPExchange.send(
      port: TestServer.port, "POST", "/api/v1/rank", headers: ["Content-Type": "application/json"], body: body)
    #expect(answer.status == 200, "\(answer.text)")
    let json = try #require(answer.json as? [String: Any])
    #expect((json["offerings"] as? [Any])?.isEmpty == false)
  }

  @Test func unknownIdsAre404WithAHint() async throws {
    let provider = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/providers/clever-clod")
    #expect(provider.status == 404)
    #expect(provider.headers["content-type"] == "application/problem+json")
    #expect(provider.text.contains("clever-cloud"))
    let offering = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/offerings/ovhcloud/exposure")
    #expect(offering.status == 404)
    #expect(offering.text.contains("is a provider, not an offering"))
  }

  @Test func badParametersAre400() async throws {
    let date = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/providers/clever-cloud?as_of=tomorrow")
    #expect(date.status == 400)
    #expect(date.text.contains("YYYY-MM-DD"))
    let unknown = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/providers?format=csv")
    #expect(unknown.status == 400)
    #expect(unknown.text.contains("unknown query parameter `format`"))
    let method = try await HTTPExchange.send(port: TestServer.port, "POST", "/api/v1/rank?method=ahp", body: Array("name: x\n".utf8))
    #expect(method.status == 400)
    #expect(method.text.contains("topsis or weighted-sum"))
  }

  @Test func compareEqualsTheCLI() async throws {
    let answer = try await HTTPExchange.send(
      port: TestServer.port, "POST", "/api/v1/compare?as_of=\(TestServer.day)",
      headers: ["Content-Type": "application/json"], body: Array(#"{"ids": ["clever-cloud-paas-hds", "azure"]}"#.utf8))
    let cli = try SovereignRun.run([
      "compare", "clever-cloud-paas-hds", "azure", "--format", "json", "--offline", "--as-of", TestServer.day,
    ])
    #expect(cli.status == 0)
    #expect(answer.status == 200)
    #expect(answer.text == cli.stdout)
  }

  @Test func compareRefusesBadBodies() async throws {
    let unknownKey = try await HTTPExchange.send(port: TestServer.port, "POST", "/api/v1/compare", body: Array("idz: [a, b]\n".utf8))
    #expect(unknownKey.status == 400)
    #expect(unknownKey.text.contains("body:1:1"))
    let one = try await HTTPExchange.send(port: TestServer.port, "POST", "/api/v1/compare", body: Array("ids: [azure]\n".utf8))
    #expect(one.status == 400)
    #expect(one.text.contains("at least two offerings"))
    let unknownID = try await HTTPExchange.send(port: TestServer.port, "POST", "/api/v1/compare", body: Array("ids: [azure, azur2]\n".utf8))
    #expect(unknownID.status == 404)
    #expect(unknownID.text.contains("azur2"))
  }

  @Test func unknownRoutesAndMethods() async throws {
    let missing = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/refresh")
    #expect(missing.status == 404)
    let json = try #require(missing.json as? [String: Any])
    #expect(json["type"] as? String == "/api/v1/problems/not-found")
    #expect(json["status"] as? Int == 404)
    #expect(json["title"] != nil && json["detail"] != nil)
    let wrongMethod = try await HTTPExchange.send(port: TestServer.port, "DELETE", "/api/v1/providers/clever-cloud")
    #expect(wrongMethod.status == 405)
    #expect(wrongMethod.headers["allow"] == "GET")
  }

  @Test func problemTypesAreDocumentedAtTheirURI() async throws {
    for type in ProblemType.allCases {
      let answer = try await HTTPExchange.send(port: TestServer.port, "GET", type.uri)
      #expect(answer.status == 200)
      #expect(answer.text.contains(type.title))
    }
  }

  @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
    for path in ["/api/v1/health", "/api/v1/nowhere"] {
      let answer = try await HTTPExchange.send(port: TestServer.port, "GET", path)
      let policy = try #require(answer.headers["content-security-policy"])
      #expect(policy.contains("default-src 'none'"))
      #expect(policy.contains("frame-ancestors 'none'"))
      #expect(!policy.contains("script-src"))
      #expect(answer.headers["x-content-type-options"] == "nosniff")
      #expect(answer.headers["referrer-policy"] == "no-referrer")
    }
  }
}
