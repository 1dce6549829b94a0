import HTTPTypes
import Hummingbird

/// The description of one HTTP route: what the router registers and what the OpenAPI document
/// says, from the same value (so the two cannot drift apart).
public struct APIRoute: Sendable {
  /// A path or query parameter.
  public struct Parameter: Sendable {
    public enum Location: String, Sendable { case path, query }
    public var name: String
    public var location: Location
    public var description: String
    /// JSON Schema of the value (`{"type": "string"}` and the like).
    public var schema: [String: JSONValue]

    public init(_ name: String, in location: Location, _ description: String, schema: [String: JSONValue] = ["type": "string"]) {
      self.name = name
      self.location = location
      self.description = description
      self.schema = schema
    }
  }

  public var method: HTTPRequest.Method
  /// The path as OpenAPI writes it, e.g. `/api/v1/providers/{id}`.
  public var path: String
  public var operationID: String
  public var summary: String
  public var description: String
  public var parameters: [Parameter]
  /// True when the body is a requirements document (YAML or JSON).
  public var takesRequirements: Bool
  /// The media type of a successful answer.
  public var responseType: String
  /// What a successful answer is.
  public var responseDescription: String
  /// JSON Schema of a successful answer (shallow: the fields are documented in docs/).
  public var responseSchema: [String: JSONValue]
  /// The problems this route may answer besides the ones every route may.
  public var problems: [ProblemType]

  /// The method's name, e.g. `GET`.
  public var methodName: String { method.rawValue }

  /// The path in the router's syntax (`{id}` becomes `:id`).
  var routerPath: String {
    path.split(separator: "/", omittingEmptySubsequences: false).map { part in
      part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
    }.joined(separator: "/")
  }

  /// Does `requestPath` match this route's path (parameters match any one segment)?
  func matches(path requestPath: String) -> Bool {
    let mine = path.split(separator: "/")
    let theirs = requestPath.split(separator: "/")
    guard mine.count == theirs.count else { return false }
    return zip(mine, theirs).allSatisfy { pattern, segment in pattern.hasPrefix("{") || pattern == segment }
  }
}
