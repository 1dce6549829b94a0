/// The kinds of problem the server reports (RFC 9457 `type`), each with its HTTP status and title.
/// A problem's `type` is the relative URI `/api/v1/problems/<rawValue>`, which serves this text.
public enum ProblemType: String, Sendable, CaseIterable {
  case invalidRequirements = "invalid-requirements"
  case invalidRequest = "invalid-request"
  case rankingFailed = "ranking-failed"
  case invalidParameter = "invalid-parameter"
  case notFound = "not-found"
  case methodNotAllowed = "method-not-allowed"
  case bodyTooLarge = "body-too-large"
  case unsupportedMediaType = "unsupported-media-type"
  case timeLimit = "time-limit"
  case notImplemented = "not-implemented"
  case httpError = "http-error"
  case internalError = "internal-error"

  /// The HTTP status a problem of this type is answered with (``httpError`` carries its own).
  public var status: Int {
    switch self {
    case .invalidRequirements: 400
    case .invalidRequest: 400
    case .rankingFailed: 422
    case .invalidParameter: 400
    case .notFound: 404
    case .methodNotAllowed: 405
    case .bodyTooLarge: 413
    case .unsupportedMediaType: 415
    case .timeLimit: 503
    case .notImplemented: 501
    case .httpError: 400
    case .internalError: 500
    }
  }

  /// A short, human-readable summary that does not change from occurrence to occurrence.
  public var title: String {
    switch self {
    case .invalidRequirements: "The requirements document is invalid"
    case .invalidRequest: "The request body is invalid"
    case .rankingFailed: "The requirements cannot be ranked"
    case .invalidParameter: "A query or path parameter is invalid"
    case .notFound: "No such resource"
    case .methodNotAllowed: "Method not allowed on this resource"
    case .bodyTooLarge: "The request body is too large"
    case .unsupportedMediaType: "Unsupported request body type"
    case .timeLimit: "The request took longer than the server's time limit"
    case .notImplemented: "Not implemented in this build"
    case .httpError: "The HTTP request could not be handled"
    case .internalError: "Internal server error"
    }
  }

  /// What the problem means and what to do about it (served at the type URI).
  public var explanation: String {
    switch self {
    case .invalidRequirements:
      "The body of POST /api/v1/rank is read by the same strict reader as `sovereign rank FILE`: YAML or JSON, "
        + "no unknown key, no anchors or aliases, nesting at most 64 levels. `detail` lists every problem as "
        + "body:line:column with a hint; `errors` gives them one by one."
    case .invalidRequest:
      "The body of POST /api/v1/compare is `{ids: [ID, ID, ...]}` (YAML or JSON) with two offerings or more (a provider "
        + "id stands for each of its offerings); `detail` and `errors` give every problem as body:line:column."
    case .rankingFailed:
      "The requirements were read but the ranking method refused them (e.g. every criterion weight is zero)."
    case .invalidParameter:
      "A query parameter (as_of, method, max_fact_age, misses, ...) or a form field has a value the server does not accept."
    case .notFound:
      "No provider, offering or route has this id or path; `detail` suggests close ids where there are some."
    case .methodNotAllowed: "The path exists but not with this HTTP method; the Allow header lists the methods it takes."
    case .bodyTooLarge: "Request bodies are limited to 1 MiB (1,048,576 bytes)."
    case .unsupportedMediaType:
      "The body must be YAML or JSON: Content-Type application/yaml, application/json, text/yaml, text/plain or none."
    case .timeLimit: "The work for this request did not finish within the server's per-request time limit."
    case .notImplemented: "This build of the server does not provide this endpoint yet; `detail` says why."
    case .httpError: "The request could not be handled at the HTTP level; `status` and `detail` say why."
    case .internalError: "The server failed; the log has the details. Please report it."
    }
  }

  /// The RFC 9457 `type` member: a relative URI served by the server itself.
  public var uri: String { "/api/v1/problems/\(rawValue)" }
}
