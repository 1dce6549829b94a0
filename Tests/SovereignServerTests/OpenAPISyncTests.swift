import Foundation
import SovereignServer
import Testing

/// The OpenAPI document served is generated from the routes the router registers: every path and
/// method it lists answers (not the router's 404), and nothing under /api/v1/ answers that it omits.
@Suite struct OpenAPISyncTests {
  func document() async throws -> [String: Any] {
    let answer = try await HTTPExchange.send(port: TestServer.port, "GET", "/api/v1/openapi.json")
    #expect(answer.status == 200)
    return try #require(answer.json as? [String: Any])
  }

  @Test func documentIsOpenAPI31WithEveryOperation() async throws {
    let document = try await document()
    #expect(document["openapi"] as? String == "3.1.0")
    let paths = try #require(document["paths"] as? [String: [String: Any]])
    var operations: [String] = []
    for (path, methods) in paths {
      for (method, operation) in methods {
        let operation = try #require(operation as? [String: Any])
        operations.append("\(method.uppercased()) \(path) \(operation["operationId"] as? String ?? "?")")
        let responses = try #require(operation["responses"] as? [String: Any])
        #expect(responses["200"] != nil, "\(path)")
      }
    }
    let routes = APIOperation.allCases.map { "\($0.route.methodName) \($0.route.path) \($0.rawValue)" }
    #expect(operations.sorted() == routes.sorted())
    for required in ["/api/v1/providers", "/api/v1/providers/{id}", "/api/v1/offerings/{id}/exposure", "/api/v1/rank",
      "/api/v1/compare", "/api/v1/coverage", "/api/v1/health", "/api/v1/openapi.json"]
    {
      #expect(paths[required] != nil, "\(required) missing from the OpenAPI document")
    }
  }

  @Test func everyDocumentedOperationIsRouted() async throws {
    let paths = try #require(try await document()["paths"] as? [String: [String: Any]])
    let samples = ["{id}": "clever-cloud", "{type}": "not-found"]
    for (path, methods) in paths {
      var concrete = path
      for (parameter, value) in samples { concrete = concrete.replacingOccurrences(of: parameter, with: value) }
      if path.hasPrefix("/api/v1/offerings/") { concrete = "/api/v1/offerings/clever-cloud-paas-hds/exposure" }
      for method in methods.keys {
        let answer = try await HTTPExchange.send(
          port: TestServer.port, method.uppercased(), concrete, body: method == "post" ? Array("name: x\n".utf8) : nil)
        let problem = answer.json as? [String: Any]
        // A routed operation may refuse this sample body, but never with the router's "no route".
        #expect(!(answer.status == 404 && (problem?["detail"] as? String)?.hasPrefix("no route") == true), "\(method) \(concrete)")
        #expect(answer.status != 405, "\(method) \(concrete)")
      }
    }
  }

  @Test func problemSchemaHasTheRFC9457Members() async throws {
    let document = try await document()
    let components = try #require(document["components"] as? [String: Any])
    let schemas = try #require(components["schemas"] as? [String: Any])
    let problem = try #require(schemas["Problem"] as? [String: Any])
    #expect(Set(problem["required"] as? [String] ?? []) == ["type", "title", "status", "detail"])
  }
}
