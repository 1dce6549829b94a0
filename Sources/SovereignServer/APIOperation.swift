import HTTPTypes
import Hummingbird

/// Every operation of the JSON API under `/api/v1/`. Each case's ``route`` is what the router
/// registers and what `/api/v1/openapi.json` publishes; the handlers switch over the cases, so an
/// operation cannot be documented without a handler or handled without being documented.
public enum APIOperation: String, Sendable, CaseIterable {
  case listProviders
  case showProvider
  case offeringExposure
  case rank
  case compare
  case coverage
  case health
  case openAPI
  case problemType

  static let asOf = APIRoute.Parameter(
    "as_of", in: .query, "Judge facts as of this day (YYYY-MM-DD), as `--as-of`; default: today.",
    schema: ["type": "string", "format": "date"])

  /// The route of this operation.
  public var route: APIRoute {
    switch self {
    case .listProviders:
      APIRoute(
        method: .get, path: "/api/v1/providers", operationID: rawValue, summary: "List the providers",
        description: "One row per provider of the catalog: the same JSON as `sovereign providers --format json`.",
        parameters: [], takesRequirements: false, responseType: "application/json",
        responseDescription: "The providers, in catalog order.",
        responseSchema: ["type": "array", "items": ["$ref": "#/components/schemas/ProviderRow"]], problems: [])
    case .showProvider:
      APIRoute(
        method: .get, path: "/api/v1/providers/{id}", operationID: rawValue,
        summary: "Everything known about one provider",
        description:
          "The provider, its legal entities and the exposure of each of its offerings, each fact with its source, "
          + "grade and as-of date: the same JSON as `sovereign show ID --format json`.",
        parameters: [APIRoute.Parameter("id", in: .path, "A provider id, e.g. clever-cloud."), Self.asOf],
        takesRequirements: false, responseType: "application/json", responseDescription: "The provider's detail.",
        responseSchema: ["type": "object", "required": ["provider", "entities", "exposure", "snapshot_notes", "as_of"]],
        problems: [.notFound, .invalidParameter])
    case .offeringExposure:
      APIRoute(
        method: .get, path: "/api/v1/offerings/{id}/exposure", operationID: rawValue,
        summary: "Which non-EU laws reach an offering, and why",
        description:
          "Each law's verdict with the decisive path, the missing facts and the sources, and the SecNumCloud 3.2 "
          + "§ 19.6 check: the same JSON as `sovereign exposure ID --format json` (an array with one element).",
        parameters: [APIRoute.Parameter("id", in: .path, "An offering id, e.g. clever-cloud-paas-hds."), Self.asOf],
        takesRequirements: false, responseType: "application/json", responseDescription: "The offering's exposure.",
        responseSchema: ["type": "array", "minItems": 1, "maxItems": 1, "items": ["type": "object"]],
        problems: [.notFound, .invalidParameter])
    case .rank:
      APIRoute(
        method: .post, path: "/api/v1/rank", operationID: rawValue,
        summary: "Rank the offerings against a requirements document",
        description:
          "The body is a requirements document (YAML or JSON, docs/ranking.md), read by the same strict reader as "
          + "`sovereign rank FILE`; the answer is the same JSON as `sovereign rank FILE --format json`. An answer "
          + "where no offering passes the gates is still 200 (`summary` and `nearest_misses` say so; the CLI exits 1).",
        parameters: [
          Self.asOf,
          APIRoute.Parameter(
            "method", in: .query, "Aggregation method overriding the document's, as `--method`.",
            schema: ["type": "string", "enum": ["topsis", "weighted-sum"]]),
          APIRoute.Parameter(
            "max_fact_age", in: .query, "Flag sources older than this many days, as `--max-fact-age` (default 365).",
            schema: ["type": "integer", "minimum": 0]),
          APIRoute.Parameter(
            "misses", in: .query, "List this many nearest misses, as `--misses`.", schema: ["type": "integer", "minimum": 0]),
        ],
        takesRequirements: true, responseType: "application/json", responseDescription: "The ranking.",
        responseSchema: ["type": "object", "required": ["date", "requirements", "method", "criteria", "offerings"]],
        problems: [.invalidRequirements, .rankingFailed, .invalidParameter, .bodyTooLarge, .unsupportedMediaType, .timeLimit])
    case .compare:
      APIRoute(
        method: .post, path: "/api/v1/compare", operationID: rawValue,
        summary: "Compare offerings or providers side by side",
        description:
          "The body is a JSON or YAML list of two or more offering or provider ids (`{ids: [a, b]}`); the answer is the "
          + "same JSON as `sovereign compare ID ID --format json` (docs/compare.md).",
        parameters: [Self.asOf], takesRequirements: false, responseType: "application/json",
        responseDescription: "The comparison.", responseSchema: ["type": "object"],
        problems: [.invalidRequest, .notFound, .invalidParameter, .bodyTooLarge, .unsupportedMediaType, .timeLimit])
    case .coverage:
      APIRoute(
        method: .get, path: "/api/v1/coverage", operationID: rawValue,
        summary: "Which deciding facts the catalog knows, derives or lacks",
        description: "The same JSON as `sovereign coverage --format json`.", parameters: [], takesRequirements: false,
        responseType: "application/json", responseDescription: "The coverage report.",
        responseSchema: ["type": "object", "required": ["date", "offerings", "facts", "totals"]], problems: [.timeLimit])
    case .health:
      APIRoute(
        method: .get, path: "/api/v1/health", operationID: rawValue, summary: "Is the server up, and which catalog it serves",
        description: "`status` is `ok`; `catalog` gives its origin, SHA-256 fingerprint, load time and size.",
        parameters: [], takesRequirements: false, responseType: "application/json",
        responseDescription: "The server's state.",
        responseSchema: ["type": "object", "required": ["status", "version", "catalog"]], problems: [])
    case .openAPI:
      APIRoute(
        method: .get, path: "/api/v1/openapi.json", operationID: rawValue, summary: "This OpenAPI 3.1 document",
        description: "Generated from the routes the server registers.", parameters: [], takesRequirements: false,
        responseType: "application/json", responseDescription: "The OpenAPI document.",
        responseSchema: ["type": "object", "required": ["openapi", "info", "paths"]], problems: [])
    case .problemType:
      APIRoute(
        method: .get, path: "/api/v1/problems/{type}", operationID: rawValue,
        summary: "What a problem type means (the `type` URI of a problem detail)",
        description: "Plain text: the title and the explanation of one problem type.",
        parameters: [
          APIRoute.Parameter(
            "type", in: .path, "A problem type.", schema: ["type": "string", "enum": .array(ProblemType.allCases.map { .string($0.rawValue) })])
        ],
        takesRequirements: false, responseType: "text/plain", responseDescription: "The explanation.",
        responseSchema: ["type": "string"], problems: [.notFound])
    }
  }
}
