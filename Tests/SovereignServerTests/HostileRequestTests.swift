import Foundation
import SovereignServer
import Testing

/// Bad bodies get a 4xx problem with the reader's message, and the server goes on answering.
@Suite struct HostileRequestTests {
  func rank(_ body: [UInt8], type: String = "application/yaml") async throws -> HTTPExchange {
    try await HTTPExchange.send(port: TestServer.port, "POST", "/api/v1/rank", headers: ["Content-Type": type], body: body)
  }

  func expectStillAnswering() async throws {
    let health = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/health")
    #expect(health.status == 200)
  }

  @Test func malformedYAMLIs400WithLineAndColumn() async throws {
    let answer = try await rank(Array("name: [unclosed\ngates:\n  secnumcloud: qualified\n".utf8))
    #expect(answer.status == 400)
    #expect(answer.headers["content-type"] == "application/problem+json")
    let json = try #require(answer.json as? [String: Any])
    #expect(json["type"] as? String == "/api/v1/problems/invalid-requirements")
    let detail = try #require(json["detail"] as? String)
    #expect(detail.hasPrefix("body:"))
    #expect(detail.contains("error: invalid YAML"))
    try await expectStillAnswering()
  }

  @Test func unknownKeyIs400WithTheHint() async throws {
    let answer = try await rank(Array("name: x\ngates:\n  hds_activites: [1]\n".utf8))
    #expect(answer.status == 400)
    let json = try #require(answer.json as? [String: Any])
    #expect((json["detail"] as? String)?.contains("body:3:3: error: unknown key `hds_activites` in `gates`") == true)
    let errors = try #require(json["errors"] as? [[String: Any]])
    #expect(errors.count == 1)
    #expect(errors.first?["hint"] as? String == "did you mean `hds_activities`?")
    let location = try #require(errors.first?["location"] as? [String: Any])
    #expect(location["line"] as? Int == 3)
    #expect(location["column"] as? Int == 3)
    try await expectStillAnswering()
  }

  @Test func aliasBombIsRefusedBeforeExpansion() async throws {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1...9 {
      let previous = "*a\(level - 1)"
      lines.append("a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]")
    }
    let answer = try await rank(Array(lines.joined(separator: "\n").utf8))
    #expect(answer.status == 400)
    #expect(answer.text.contains("YAML anchors and aliases (&name, *name) are not accepted"))
    try await expectStillAnswering()
  }

  @Test func deepNestingIsRefused() async throws {
    let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    let answer = try await rank(Array("name: \(deep)\n".utf8))
    #expect(answer.status == 400)
    #expect(answer.text.contains("nested deeper than"))
    try await expectStillAnswering()
  }

  @Test func twoMebibyteBodyIs413() async throws {
    let body = Array(repeating: UInt8(ascii: "a"), count: 2 << 20)
    let answer = try await rank(body)
    #expect(answer.status == 413)
    #expect(answer.headers["content-type"] == "application/problem+json")
    #expect(answer.text.contains("body-too-large"))
    try await expectStillAnswering()
  }

  @Test func bodyWithoutLengthOverTheLimitIs413() async throws {
    // Chunked, so the limit is found while reading rather than from Content-Length.
    let chunk = Array(repeating: UInt8(ascii: "b"), count: 1 << 16)
    var body: [UInt8] = []
    for _ in 0..<20 { body += Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10] }
    body += Array("0\r\n\r\n".utf8)
    let answer = try await HTTPExchange.send(
      port: TestServer.port, "POST", "/api/v1/rank", headers: ["Transfer-Encoding": "chunked"], body: nil, rawBody: body)
    #expect(answer.status == 413)
    try await expectStillAnswering()
  }

  @Test func otherMediaTypesAre415() async throws {
    let answer = try await rank(Array("name: x\n".utf8), type: "multipart/form-data; boundary=x")
    #expect(answer.status == 415)
    try await expectStillAnswering()
  }

  @Test func invalidUTF8IsAProblemNotACrash() async throws {
    let answer = try await rank([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xFF, 0xFE, 0x0A])
    #expect((400..<500).contains(answer.status))
    try await expectStillAnswering()
  }

  @Test func concurrentRequestsAllSucceed() async throws {
    let port = try await TestServer.port
    let body = try TestServer.example("health-data-warehouse.yaml")
    let expected = try await HTTPExchange.send(port: port, "POST", "/api/v1/rank?as_of=\(TestServer.day)", body: body).text
    try await withThrowingTaskGroup(of: (Int, String).self) { group in
      for index in 0..<48 {
        group.addTask {
          switch index % 3 {
          case 0:
            // A distinct document each time (a comment), so these are ranked, not served from the cache.
            let distinct = body + Array("\n# request \(index)\n".utf8)
            let answer = try await HTTPExchange.send(port: port, "POST", "/api/v1/rank?as_of=\(TestServer.day)", body: distinct)
            return (answer.status, answer.text == expected ? "same" : "different")
          case 1:
            let answer = try await HTTPExchange.send(port: port, "GET", "/api/v1/providers/clever-cloud")
            return (answer.status, "same")
          default:
            let answer = try await HTTPExchange.send(port: port, "POST", "/api/v1/rank", body: Array("gates: {nope: 1}\n".utf8))
            return (answer.status == 400 ? 200 : answer.status, "same")
          }
        }
      }
      for try await (status, comparison) in group {
        #expect(status == 200)
        #expect(comparison == "same")
      }
    }
  }
}
