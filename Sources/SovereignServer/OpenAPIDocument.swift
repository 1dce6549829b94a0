import HTTPTypes
import Sovereign

/// The OpenAPI 3.1 description of the JSON API, generated from ``APIOperation``'s routes (the
/// same values the router registers).
public enum OpenAPIDocument {
  /// Problems any route may answer.
  static let commonProblems: [ProblemType] = [.methodNotAllowed, .internalError]

  public static func make(routes: [APIRoute] = APIOperation.allCases.map(\.route)) -> JSONValue {
    var paths: [String: JSONValue] = [:]
    for route in routes {
      var operations: [String: JSONValue]
      if case .object(let existing) = paths[route.path] { operations = existing } else { operations = [:] }
      operations[route.method.rawValue.lowercased()] = operation(route)
      paths[route.path] = .object(operations)
    }
    return [
      "openapi": "3.1.0",
      "info": [
        "title": "sovereign",
        "version": .string(SovereignVersion.current),
        "summary": "Which hosting offers can legally and technically take sensitive European data: ranked, explained, sourced.",
        "description": .string(
          "The JSON API of `sovereign serve`. Answers are the same JSON as the CLI's `--format json` for the same input; "
          + "errors are RFC 9457 problem details (`application/problem+json`). No endpoint writes anything. Request "
          + "bodies are limited to 1 MiB. There is no authentication: the server listens on loopback by default."),
      ],
      "paths": .object(paths),
      "components": [
        "schemas": [
          "Problem": [
            "type": "object",
            "description": "RFC 9457 problem details.",
            "required": ["type", "title", "status", "detail"],
            "properties": [
              "type": ["type": "string", "format": "uri-reference"],
              "title": ["type": "string"],
              "status": ["type": "integer"],
              "detail": ["type": "string", "description": "For invalid requirements, every problem as body:line:column: error: message."],
              "instance": ["type": "string", "format": "uri-reference"],
              "errors": [
                "type": "array",
                "items": [
                  "type": "object",
                  "properties": [
                    "location": [
                      "type": "object",
                      "properties": ["file": ["type": "string"], "line": ["type": "integer"], "column": ["type": "integer"]],
                    ],
                    "message": ["type": "string"],
                    "hint": ["type": "string"],
                  ],
                ],
              ],
            ],
          ],
          "ProviderRow": [
            "type": "object",
            "required": .array(ProviderRow.headers.map { .string($0) }),
            "properties": [
              "id": ["type": "string"], "name": ["type": "string"], "seat": ["type": "string"],
              "offerings": ["type": "integer"], "hds": ["type": "string"], "secnumcloud": ["type": "string"],
              "website": ["type": "string"],
            ],
          ],
        ]
      ],
    ]
  }

  static func operation(_ route: APIRoute) -> JSONValue {
    var result: [String: JSONValue] = [
      "operationId": .string(route.operationID),
      "summary": .string(route.summary),
      "description": .string(route.description),
    ]
    if !route.parameters.isEmpty {
      result["parameters"] = .array(
        route.parameters.map { parameter in
          [
            "name": .string(parameter.name), "in": .string(parameter.location.rawValue),
            "required": .bool(parameter.location == .path), "description": .string(parameter.description),
            "schema": .object(parameter.schema),
          ]
        })
    }
    if route.takesRequirements || route.method == .post {
      let description =
        route.takesRequirements
        ? "A requirements document (docs/ranking.md, schema/requirements.schema.json), at most 1 MiB."
        : "A list of ids, at most 1 MiB."
      result["requestBody"] = [
        "required": true, "description": .string(description),
        "content": ["application/yaml": ["schema": ["type": "string"]], "application/json": ["schema": ["type": "object"]]],
      ]
    }
    var responses: [String: JSONValue] = [
      "200": [
        "description": .string(route.responseDescription),
        "content": .object([route.responseType: ["schema": .object(route.responseSchema)]]),
      ]
    ]
    var titles: [Int: [String]] = [:]
    for problem in route.problems + commonProblems { titles[problem.status, default: []].append(problem.rawValue) }
    for (status, types) in titles {
      responses[String(status)] = [
        "description": .string("Problem: " + types.joined(separator: " or ")),
        "content": [Problem.mediaType: ["schema": ["$ref": "#/components/schemas/Problem"]]],
      ]
    }
    result["responses"] = .object(responses)
    return .object(result)
  }
}
